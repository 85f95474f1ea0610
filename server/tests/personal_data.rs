//! `GET /api/me/personal-data` and `GET /api/people/{id}/personal-data`
//! over real HTTP: a person downloads everything Vela holds about them, an
//! administrator of their organisation can too, nobody else; and the
//! anonymisation command refuses what it must.

mod common;

use std::collections::BTreeMap;

use common::{Server, Session};
use serde_json::{json, Value};
use uuid::Uuid;

const FAST: &str = "--insecure-fast-hashing";

async fn people(admin: &Session) -> BTreeMap<String, String> {
    let (_, pull) = admin.get_json("/api/sync/pull?since=0&protocol=4").await;
    pull["snapshot"]["directory"]["people"]
        .as_object()
        .expect("people")
        .iter()
        .map(|(id, p)| {
            (
                p["username"].as_str().expect("username").to_string(),
                id.clone(),
            )
        })
        .collect()
}

async fn push(session: &Session, command: Value) -> Value {
    let (status, body) = session
        .post_json(
            "/api/sync/push?protocol=4",
            &json!({"commands": [{"id": Uuid::new_v4(), "command": command}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    body["results"][0].clone()
}

async fn download(session: &Session, path: &str) -> (u16, Option<String>, Value) {
    let response = session.get(path).await;
    let status = response.status().as_u16();
    let disposition = response
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    (status, disposition, response.json().await.expect("JSON"))
}

#[tokio::test]
async fn a_person_downloads_everything_vela_holds_about_them() {
    let server = Server::start(&[FAST, "--demo"]);
    let giulia = server.login("giulia").await;
    let day = (chrono::Utc::now().date_naive() + chrono::Duration::days(40)).to_string();
    let me = people(&server.login("admin").await).await["giulia"].clone();
    let result = push(
        &giulia,
        json!({"area": "agile", "type": "record_absence", "id": Uuid::new_v4(), "person": me,
               "from": day, "until": day, "kind": "leave", "reason": "motivi familiari"}),
    )
    .await;
    assert_eq!(result["status"], "accepted", "{result}");

    let (status, disposition, file) = download(&giulia, "/api/me/personal-data").await;
    assert_eq!(status, 200, "{file}");
    let disposition = disposition.expect("a download");
    assert!(
        disposition.starts_with("attachment;") && disposition.contains(".json"),
        "{disposition}"
    );
    let data = &file["data"];
    assert_eq!(data["person"]["username"], "giulia");
    assert_eq!(data["person"]["name"], "Giulia Bianchi");
    assert!(data["organisation"]["name"].is_string());
    assert!(!data["agreements"]
        .as_array()
        .expect("agreements")
        .is_empty());
    assert!(data["absences"]
        .as_array()
        .expect("absences")
        .iter()
        .any(|a| a["detail"]["reason"] == "motivi familiari"));
    for part in [
        "requests",
        "days",
        "objectives",
        "registrations",
        "notifications",
        "feedback",
    ] {
        assert!(data[part].is_array(), "{part} missing");
    }
    assert_eq!(file["username"], "giulia");
    // Her own sign-in, from the security log; no password hash anywhere.
    assert!(file["security"]
        .as_array()
        .expect("security")
        .iter()
        .any(|l| l["kind"] == "sign_in"));
    assert!(!file.to_string().contains("argon2"));
}

#[tokio::test]
async fn an_administrator_of_the_organisation_downloads_anyones_nobody_else() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let ids = people(&admin).await;
    let path = format!("/api/people/{}/personal-data", ids["luca"]);

    let (status, _, file) = download(&admin, &path).await;
    assert_eq!(status, 200, "{file}");
    assert_eq!(file["data"]["person"]["username"], "luca");

    let (status, _, body) = download(&server.login("marco").await, &path).await;
    assert_eq!(status, 403, "a lead is not an administrator: {body}");
    let (status, _, body) = download(&server.login("giulia").await, &path).await;
    assert_eq!(status, 403, "{body}");
    let (status, _, body) = download(&server.login("admin.rovereto").await, &path).await;
    assert_eq!(
        status, 404,
        "another organisation's person does not exist for them: {body}"
    );
    let (status, _, _) = download(
        &admin,
        &format!("/api/people/{}/personal-data", Uuid::new_v4()),
    )
    .await;
    assert_eq!(status, 404);
    let anonymous = common::client()
        .get(server.url("/api/me/personal-data"))
        .send()
        .await
        .expect("GET");
    assert_eq!(anonymous.status().as_u16(), 401);
}

#[tokio::test]
async fn anonymisation_waits_for_deactivation_and_the_retention_period() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let ids = people(&admin).await;
    let anonymise = json!({"area": "directory", "type": "anonymise_person", "person": ids["luca"]});

    let active = push(&admin, anonymise.clone()).await;
    assert_eq!(active["rejection"]["code"], "still_active", "{active}");

    let deactivated = push(
        &admin,
        json!({"area": "directory", "type": "set_active", "person": ids["luca"], "active": false}),
    )
    .await;
    assert_eq!(deactivated["status"], "accepted", "{deactivated}");
    let too_soon = push(&admin, anonymise.clone()).await;
    assert_eq!(
        too_soon["rejection"]["code"], "retention_running",
        "{too_soon}"
    );
    let from: chrono::NaiveDate = too_soon["rejection"]["from"]
        .as_str()
        .expect("from")
        .parse()
        .expect("date");
    let today = chrono::Utc::now().date_naive();
    assert!((from - today).num_days() >= 729, "{from}");

    // Only administrators: a lead is refused before any rule.
    let marco = server.login("marco").await;
    let by_lead = push(&marco, anonymise).await;
    assert_eq!(by_lead["rejection"]["code"], "not_allowed", "{by_lead}");

    // The departure day is in the downloaded data.
    let (_, _, file) = download(
        &admin,
        &format!("/api/people/{}/personal-data", ids["luca"]),
    )
    .await;
    // (Rome's date: UTC's or the next one.)
    let on: chrono::NaiveDate = file["data"]["departure"]["on"]
        .as_str()
        .expect("on")
        .parse()
        .expect("date");
    assert!((0..=1).contains(&(on - today).num_days()), "{on}");
}
