//! `GET /api/certificates/{code}` over real HTTP against the demo: the code
//! on Giulia's certificate for the past session — computed from her own
//! synced view, as the app does — verifies for the Provincia's
//! administrator with the facts of the attendance; a changed code does not;
//! the Comune di Rovereto's administrator gets 404 and an employee or a
//! lead 403, as JSON errors; and once the trainer takes the attendance
//! back, the code no longer verifies.

mod common;

use common::{Server, Session};
use serde_json::{json, Value};
use vela_domain::ids::PersonId;
use vela_domain::webinars::certificate::{certificates_of, CertificateKind};
use vela_domain::State;

const FAST: &str = "--insecure-fast-hashing";
const PAST: &str = "Introduzione al lavoro agile: accordo individuale e regole";

/// The signed-in person's id and their synced view.
async fn view_of(session: &Session) -> (PersonId, State) {
    let (status, me) = session.get_json("/api/me").await;
    assert_eq!(status, 200, "{me}");
    let id = me["person"]["id"].as_str().expect("person id");
    let person = PersonId(id.parse().expect("uuid"));
    let (status, body) = session.get_json("/api/sync/pull?since=0&protocol=4").await;
    assert_eq!(status, 200, "{body}");
    let state: State = serde_json::from_value(body["snapshot"].clone()).expect("a state");
    (person, state)
}

fn path(code: &str) -> String {
    format!("/api/certificates/{code}")
}

fn assert_error(status: u16, body: &Value, expected_status: u16, code: &str) {
    assert_eq!(status, expected_status, "{body}");
    assert_eq!(body["error"], code, "{body}");
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
}

#[tokio::test]
async fn a_certificate_code_verifies_only_for_its_organisations_administrators() {
    let server = Server::start(&[FAST, "--demo"]);
    let giulia = server.login("giulia").await;
    let (me, view) = view_of(&giulia).await;
    let certificates = certificates_of(&view, me);
    let certificate = certificates
        .iter()
        .find(|c| c.kind == CertificateKind::Session && c.title == PAST)
        .expect("Giulia attended the demo's past session");
    assert_eq!(certificate.minutes, 120);

    // The organisation's administrator sees the facts, however it is typed.
    let admin = server.login("admin").await;
    for typed in [
        certificate.code.clone(),
        certificate.code.to_lowercase().replace('-', ""),
    ] {
        let (status, body) = admin.get_json(&path(&typed)).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["code"], certificate.code.as_str());
        assert_eq!(body["kind"], "session");
        assert_eq!(body["name"], "Giulia Bianchi");
        assert_eq!(body["title"], PAST);
        assert_eq!(body["minutes"], 120);
        assert_eq!(body["person"], me.0.to_string());
        assert_eq!(body["organisation"], certificate.organisation.as_str());
        assert_eq!(body["date"], certificate.date.to_string());
        assert_eq!(body["sessions"].as_array().map(Vec::len), Some(1));
    }

    // One character changed: nothing has that code.
    let mut changed = certificate.code.clone().into_bytes();
    changed[5] = if changed[5] == b'7' { b'8' } else { b'7' };
    let changed = String::from_utf8(changed).expect("ascii");
    let (status, body) = admin.get_json(&path(&changed)).await;
    assert_error(status, &body, 404, "not_found");
    let (status, body) = admin.get_json(&path("not-a-code")).await;
    assert_error(status, &body, 404, "not_found");

    // Another organisation's administrator: not theirs to check.
    let rovereto = server.login("admin.rovereto").await;
    let (status, body) = rovereto.get_json(&path(&certificate.code)).await;
    assert_error(status, &body, 404, "not_found");

    // Employees — Giulia herself too — and leads may not check codes.
    for who in [&giulia, &server.login("marco").await] {
        let (status, body) = who.get_json(&path(&certificate.code)).await;
        assert_error(status, &body, 403, "forbidden");
    }

    // The facts are read now: once the trainer takes the attendance back,
    // the printed code no longer verifies.
    let sara = server.login("sara").await;
    let command = json!({
        "area": "webinars",
        "type": "mark_attendance",
        "session": certificate.item,
        "person": me.0,
        "present": false,
    });
    let (status, body) = sara
        .post_json(
            "/api/sync/push?protocol=4",
            &json!({"commands": [{"id": uuid::Uuid::new_v4(), "command": command}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["results"][0]["status"], "accepted", "{body}");
    let (status, body) = admin.get_json(&path(&certificate.code)).await;
    assert_error(status, &body, 404, "not_found");
}
