//! `PUT /api/people/{id}/password` over real HTTP: an administrator lets a
//! new colleague sign in, or resets a forgotten password; nobody else can,
//! and bad input gets a JSON error.

mod common;

use common::{Server, Session};
use serde_json::{json, Value};
use uuid::Uuid;

const FAST: &str = "--insecure-fast-hashing";

async fn person_id(session: &Session, username: &str) -> String {
    let (_, me) = session.get_json("/api/sync/pull?since=0&protocol=4").await;
    me["snapshot"]["directory"]["people"]
        .as_object()
        .expect("people")
        .values()
        .find(|p| p["username"] == username)
        .map(|p| p["id"].as_str().expect("id").to_owned())
        .unwrap_or_else(|| panic!("no {username}"))
}

async fn push(session: &Session, command: Value) {
    let (status, body) = session
        .post_json(
            "/api/sync/push?protocol=4",
            &json!({"commands": [{"id": Uuid::new_v4(), "command": command}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["results"][0]["status"], "accepted", "{body}");
}

#[tokio::test]
async fn a_new_colleague_signs_in_with_the_password_the_administrator_set() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let id = Uuid::new_v4();
    push(
        &admin,
        json!({"area": "directory", "type": "save_person", "id": id, "username": "nadia",
               "name": "Nadia Conti", "roles": ["employee"]}),
    )
    .await;
    assert_eq!(
        server.login_with("nadia", "una password lunga").await.err(),
        Some(401)
    );

    let (status, body) = admin
        .put_json(
            &format!("/api/people/{id}/password"),
            &json!({"password": "una password lunga"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["username"], "nadia");
    let nadia = server
        .login_with("Nadia", "una password lunga")
        .await
        .expect("Nadia signs in");
    let (status, me) = nadia.get_json("/api/me").await;
    assert_eq!(status, 200);
    assert_eq!(me["person"]["name"], "Nadia Conti");
}

#[tokio::test]
async fn a_reset_replaces_the_old_password_and_ends_open_sessions() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let giulia = server.login("giulia").await;
    let id = person_id(&admin, "giulia").await;
    let (status, body) = admin
        .put_json(
            &format!("/api/people/{id}/password"),
            &json!({"password": "nuova-password-2027"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = giulia.get_json("/api/me").await;
    assert_eq!(status, 401, "the old session is over");
    assert_eq!(
        server
            .login_with("giulia", common::DEMO_PASSWORD)
            .await
            .err(),
        Some(401)
    );
    assert!(server
        .login_with("giulia", "nuova-password-2027")
        .await
        .is_ok());
}

#[tokio::test]
async fn only_administrators_set_passwords_and_bad_input_is_refused_with_json() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let giulia_id = person_id(&admin, "giulia").await;
    let path = format!("/api/people/{giulia_id}/password");
    let good = json!({"password": "abbastanza-lunga"});

    for who in ["giulia", "marco", "sara"] {
        let session = server.login(who).await;
        let (status, body) = session.put_json(&path, &good).await;
        assert_eq!(status, 403, "{who}: {body}");
        assert_eq!(body["error"], "forbidden");
    }
    let cases: [(String, Value, u16, &str); 5] = [
        (
            path.clone(),
            json!({"password": "corta"}),
            422,
            "invalid_body",
        ),
        (
            path.clone(),
            json!({"password": "abbastanza-lunga", "role": "admin"}),
            422,
            "invalid_body",
        ),
        (
            path.clone(),
            json!({"password": 1234567890}),
            422,
            "invalid_body",
        ),
        (
            format!("/api/people/{}/password", Uuid::new_v4()),
            good.clone(),
            404,
            "not_found",
        ),
        (
            "/api/people/not-a-uuid/password".into(),
            good.clone(),
            400,
            "bad_request",
        ),
    ];
    for (path, body, expected, code) in cases {
        let (status, answer) = admin.put_json(&path, &body).await;
        assert_eq!(status, expected, "{path} {body}: {answer}");
        assert_eq!(answer["error"], code, "{answer}");
        assert!(answer["message"].is_string());
    }
    // Nothing changed for Giulia.
    assert!(server
        .login_with("giulia", common::DEMO_PASSWORD)
        .await
        .is_ok());
    let anonymous = common::client()
        .put(server.url(&path))
        .json(&good)
        .send()
        .await
        .expect("PUT");
    assert_eq!(anonymous.status().as_u16(), 401);
}

#[tokio::test]
async fn an_administrator_of_another_organisation_cannot_set_a_password() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let giulia_id = person_id(&admin, "giulia").await;
    let rovereto = server.login("admin.rovereto").await;
    let irene_id = person_id(&rovereto, "irene").await;
    let good = json!({"password": "abbastanza-lunga"});
    // Giulia does not exist for the Comune di Rovereto's administrator…
    let (status, body) = rovereto
        .put_json(&format!("/api/people/{giulia_id}/password"), &good)
        .await;
    assert_eq!(status, 404, "{body}");
    assert_eq!(body["error"], "not_found");
    // …nor Irene for the Provincia's; each sets their own people's.
    let (status, _) = admin
        .put_json(&format!("/api/people/{irene_id}/password"), &good)
        .await;
    assert_eq!(status, 404);
    let (status, body) = rovereto
        .put_json(&format!("/api/people/{irene_id}/password"), &good)
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(server.login_with("giulia", "vela-demo").await.is_ok());
}
