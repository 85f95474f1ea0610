//! The OpenAPI document describes the API as it really answers: real
//! requests and responses of a demo server are validated against the
//! document's own schemas.

mod common;

use common::Server;
use serde_json::{json, Value};
use uuid::Uuid;

const FAST: &str = "--insecure-fast-hashing";

/// A validator for one schema of the document's components.
fn validator(document: &Value, name: &str) -> jsonschema::Validator {
    let mut root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": format!("#/components/schemas/{name}"),
    });
    root["components"] = document["components"].clone();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&root)
        .unwrap_or_else(|e| panic!("{name} compiles: {e}"))
}

fn assert_valid(validator: &jsonschema::Validator, value: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .take(5)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not fit its schema: {errors:#?}"
    );
}

#[tokio::test]
async fn the_document_lists_every_route_and_real_traffic_fits_its_schemas() {
    let server = Server::start(&[FAST, "--demo"]);
    let http = common::client();
    let response = http
        .get(server.url("/api/openapi.json"))
        .send()
        .await
        .expect("openapi");
    assert_eq!(response.status(), 200);
    let document: Value = response.json().await.expect("JSON");
    assert_eq!(document["openapi"], "3.1.0");
    for path in [
        "/api/health",
        "/api/auth/login",
        "/api/auth/logout",
        "/api/auth/oidc/login",
        "/api/auth/oidc/callback",
        "/api/me",
        "/api/sync/push",
        "/api/sync/pull",
        "/api/sync/events",
        "/api/openapi.json",
    ] {
        assert!(document["paths"][path].is_object(), "{path} is documented");
    }

    let admin = server.login("admin").await;
    let giulia = server.login("giulia").await;

    let (_, me) = giulia.get_json("/api/me").await;
    assert_valid(&validator(&document, "Me"), &me, "GET /api/me");

    let pull = validator(&document, "PullResponse");
    for session in [&admin, &giulia] {
        let (_, snapshot) = session.get_json("/api/sync/pull?since=0&protocol=4").await;
        assert_valid(&pull, &snapshot, "a snapshot pull");
    }

    let (_, me_admin) = admin.get_json("/api/me").await;
    let giulia_id = me["person"]["id"].clone();
    let push_request = json!({"commands": [
        {"id": Uuid::new_v4(), "command": {"area": "directory", "type": "set_commute", "person": giulia_id, "km": 11}},
        {"id": Uuid::new_v4(), "command": {"area": "directory", "type": "set_commute", "person": me_admin["person"]["id"], "km": 1}},
        {"id": Uuid::new_v4(), "command": {"area": "agile", "type": "request_days", "id": Uuid::new_v4(),
            "days": {"kind": "weekly", "weekdays": ["Tue", "Thu"], "from": "2027-02-01", "until": "2027-02-28"},
            "mode": "agile", "place": {"kind": "home"}}},
        {"id": Uuid::new_v4(), "command": {"area": "objectives", "type": "save_objective", "id": Uuid::new_v4(),
            "owner": {"kind": "person", "id": giulia_id}, "period": {"from": "2027-01-01", "until": "2027-06-30"},
            "title": "Ridurre i tempi di risposta", "description": "", "weight": 20,
            "key_results": [{"id": Uuid::new_v4(), "indicator": "giorni medi", "unit": "giorni", "baseline": "30", "target": "12.5", "weight": 1}]}},
        {"id": Uuid::new_v4(), "command": {"area": "webinars", "type": "give_feedback", "session": Uuid::new_v4(), "rating": 4, "comment": "utile"}},
    ]});
    let push = validator(&document, "PushRequest");
    assert_valid(&push, &push_request, "the push body");
    let (status, pushed) = giulia
        .post_json("/api/sync/push?protocol=4", &push_request)
        .await;
    assert_eq!(status, 200, "{pushed}");
    assert!(
        pushed["results"]
            .as_array()
            .is_some_and(|r| r.iter().any(|r| r["status"] == "rejected")),
        "the answer holds a rejection to check: {pushed}"
    );
    assert_valid(
        &validator(&document, "PushResponse"),
        &pushed,
        "the push answer",
    );

    let (_, changes) = admin.get_json("/api/sync/pull?since=1&protocol=4").await;
    assert_valid(&pull, &changes, "a pull of changes");

    // The schemas are not a blank cheque.
    for wrong in [
        json!({"commands": [{"id": Uuid::new_v4(), "command": {"area": "nowhere"}}]}),
        json!({"commands": [{"id": "x", "command": {"area": "directory", "type": "set_language", "language": "it"}}]}),
        json!({"commands": [{"id": Uuid::new_v4(), "command": {"area": "directory", "type": "set_language", "language": "fr"}}]}),
        json!({"commands": [{"id": Uuid::new_v4(), "command": {"area": "agile", "type": "set_language", "language": "it"}}]}),
    ] {
        assert!(!push.is_valid(&wrong), "{wrong} should not fit");
    }
}
