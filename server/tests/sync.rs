//! `/api/sync/*` over real HTTP: push is idempotent, pull is filtered by the
//! domain's visibility, events announce new revisions live, bad input gets
//! a JSON 4xx.

mod common;

use std::time::Duration;

use common::{Server, Session};
use serde_json::{json, Value};
use uuid::Uuid;

const FAST: &str = "--insecure-fast-hashing";

async fn demo() -> Server {
    Server::start(&[FAST, "--demo"])
}

async fn person_id(session: &Session) -> String {
    let (status, me) = session.get_json("/api/me").await;
    assert_eq!(status, 200, "{me}");
    me["person"]["id"].as_str().expect("person id").to_string()
}

fn set_commute(person: &str, km: u32) -> Value {
    json!({"area": "directory", "type": "set_commute", "person": person, "km": km})
}

async fn push(session: &Session, id: Uuid, command: Value) -> Value {
    let (status, body) = session
        .post_json(
            "/api/sync/push?protocol=4",
            &json!({"commands": [{"id": id, "command": command}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

async fn snapshot(session: &Session) -> Value {
    let (status, body) = session.get_json("/api/sync/pull?since=0&protocol=4").await;
    assert_eq!(status, 200, "{body}");
    assert!(body["snapshot"].is_object(), "{body}");
    body
}

#[tokio::test]
async fn a_pushed_command_is_accepted_once_and_a_retry_gets_the_same_answer() {
    let server = demo().await;
    let giulia = server.login("giulia").await;
    let me = person_id(&giulia).await;
    let before = snapshot(&giulia).await["revision"].as_u64().expect("rev");

    let id = Uuid::new_v4();
    let first = push(&giulia, id, set_commute(&me, 14)).await;
    assert_eq!(first["results"][0]["status"], "accepted", "{first}");
    assert_eq!(first["results"][0]["id"], id.to_string());
    let revision = first["results"][0]["revision"].as_u64().expect("revision");
    assert_eq!(revision, before + 1);
    assert_eq!(first["revision"], revision);

    // A retry after a lost response: same answer, nothing new written.
    let again = push(&giulia, id, set_commute(&me, 99)).await;
    assert_eq!(again["results"], first["results"]);
    let after = snapshot(&giulia).await;
    assert_eq!(after["revision"], revision);
    assert_eq!(
        after["snapshot"]["directory"]["people"][&me]["commute_km"],
        14
    );
}

#[tokio::test]
async fn each_command_of_a_batch_is_answered_on_its_own() {
    let server = demo().await;
    let giulia = server.login("giulia").await;
    let marco = server.login("marco").await;
    let me = person_id(&giulia).await;
    let other = person_id(&marco).await;
    let (status, body) = giulia
        .post_json(
            "/api/sync/push?protocol=4",
            &json!({"commands": [
                {"id": Uuid::new_v4(), "command": set_commute(&other, 3)},
                {"id": Uuid::new_v4(), "command": set_commute(&me, 7)},
            ]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let refused = &body["results"][0];
    assert_eq!(refused["status"], "rejected", "{body}");
    assert_eq!(refused["rejection"]["code"], "not_allowed");
    assert!(refused["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert_eq!(body["results"][1]["status"], "accepted", "{body}");
}

/// A snapshot as it comes over the wire when the client accepts `accept`:
/// its `Content-Encoding` and its JSON, decoded.
async fn snapshot_encoded(session: &Session, accept: &str) -> (Option<String>, Value) {
    use std::io::Read;
    let response = session
        .http
        .get(format!("{}/api/sync/pull?since=0&protocol=4", session.base))
        .header(reqwest::header::COOKIE, &session.cookie)
        .header(reqwest::header::ACCEPT_ENCODING, accept)
        .send()
        .await
        .expect("GET");
    assert_eq!(response.status(), 200);
    let vary = response.headers().get(reqwest::header::VARY).cloned();
    assert!(
        vary.is_some_and(|v| v.to_str().unwrap_or("").contains("accept-encoding")),
        "a cache must keep one copy per encoding"
    );
    let encoding = response
        .headers()
        .get(reqwest::header::CONTENT_ENCODING)
        .map(|v| v.to_str().expect("ascii").to_string());
    let bytes = response.bytes().await.expect("body");
    let mut json = Vec::new();
    match encoding.as_deref() {
        Some("br") => brotli::Decompressor::new(&bytes[..], 4096)
            .read_to_end(&mut json)
            .map(drop),
        Some("gzip") => flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut json)
            .map(drop),
        _ => {
            json.extend_from_slice(&bytes);
            Ok(())
        }
    }
    .expect("decodes");
    (encoding, serde_json::from_slice(&json).expect("JSON"))
}

#[tokio::test]
async fn a_snapshot_comes_in_the_encoding_the_client_accepts_and_reads_the_same() {
    let server = demo().await;
    let session = server.login("giulia").await;
    let (encoding, plain) = snapshot_encoded(&session, "identity").await;
    assert_eq!(encoding, None);
    assert!(plain["snapshot"]["directory"].is_object(), "{plain}");
    for (accept, expected) in [("gzip, deflate, br, zstd", "br"), ("br;q=0, gzip", "gzip")] {
        let (encoding, body) = snapshot_encoded(&session, accept).await;
        assert_eq!(encoding.as_deref(), Some(expected), "{accept}");
        // The directory: what nothing changes meanwhile (timed notifications may).
        assert_eq!(
            body["snapshot"]["directory"],
            plain["snapshot"]["directory"]
        );
        assert_eq!(body["snapshot"]["agile"], plain["snapshot"]["agile"]);
    }
}

#[tokio::test]
async fn pull_since_a_revision_returns_only_the_newer_changes() {
    let server = demo().await;
    let giulia = server.login("giulia").await;
    let me = person_id(&giulia).await;
    let start = snapshot(&giulia).await["revision"].as_u64().expect("rev");
    push(&giulia, Uuid::new_v4(), set_commute(&me, 21)).await;

    let (status, body) = giulia
        .get_json(&format!("/api/sync/pull?since={start}&protocol=4"))
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(body["snapshot"].is_null(), "{body}");
    assert_eq!(body["revision"], start + 1);
    let changes = body["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 1, "{body}");
    assert_eq!(changes[0]["revision"], start + 1);
    assert_eq!(changes[0]["events"][0]["type"], "person_saved");
    assert_eq!(changes[0]["events"][0]["person"]["commute_km"], 21);

    // Up to date: nothing more.
    let (_, body) = giulia
        .get_json(&format!("/api/sync/pull?since={}&protocol=4", start + 1))
        .await;
    assert_eq!(body["changes"], json!([]));
    assert_eq!(body["revision"], start + 1);

    // A revision from the future (another server's data) gets a snapshot.
    let (_, body) = giulia
        .get_json("/api/sync/pull?since=999999&protocol=4")
        .await;
    assert!(body["snapshot"].is_object(), "{body}");
    assert_eq!(body["revision"], start + 1);
}

#[tokio::test]
async fn pull_shows_each_person_only_what_they_may_see() {
    let server = demo().await;
    let giulia = server.login("giulia").await;
    let marco = server.login("marco").await; // giulia's lead
    let sara = server.login("sara").await; // another team
    let admin = server.login("admin").await;
    let me = person_id(&giulia).await;
    let start = snapshot(&giulia).await["revision"].as_u64().expect("rev");
    push(&giulia, Uuid::new_v4(), set_commute(&me, 33)).await;

    let commute_seen_by =
        |body: &Value| body["changes"][0]["events"][0]["person"]["commute_km"].clone();
    let since = format!("/api/sync/pull?since={start}&protocol=4");
    assert_eq!(commute_seen_by(&giulia.get_json(&since).await.1), 33);
    assert_eq!(commute_seen_by(&admin.get_json(&since).await.1), 33);
    assert_eq!(commute_seen_by(&sara.get_json(&since).await.1), 0);
    assert_eq!(commute_seen_by(&marco.get_json(&since).await.1), 0);

    // Agreements: her own, her lead's and the administrator's view hold
    // giulia's; a person of another team never receives it.
    let everything = snapshot(&admin).await;
    let agreements_of = |body: &Value, person: &str| -> usize {
        body["snapshot"]["directory"]["agreements"]
            .as_object()
            .map_or(0, |all| {
                all.values().filter(|a| a["person"] == person).count()
            })
    };
    assert!(
        agreements_of(&everything, &me) > 0,
        "giulia has an agreement in the demo"
    );
    assert!(agreements_of(&snapshot(&giulia).await, &me) > 0);
    assert!(agreements_of(&snapshot(&marco).await, &me) > 0);
    assert_eq!(agreements_of(&snapshot(&sara).await, &me), 0);
    let sara_view = snapshot(&sara).await;
    assert_eq!(
        sara_view["snapshot"]["directory"]["people"][&me]["commute_km"],
        0
    );
}

/// Reads the event stream until a `revision` event arrives; returns its id.
async fn next_revision_event(response: &mut reqwest::Response, buffer: &mut String) -> u64 {
    loop {
        if let Some(end) = buffer.find("\n\n") {
            let frame: String = buffer.drain(..end + 2).collect();
            if frame.lines().any(|l| l == "event: revision") {
                let id = frame
                    .lines()
                    .find_map(|l| l.strip_prefix("id: "))
                    .expect("id line");
                let data = frame
                    .lines()
                    .find_map(|l| l.strip_prefix("data: "))
                    .expect("data line");
                let data: Value = serde_json::from_str(data).expect("data is JSON");
                assert_eq!(data["revision"].to_string(), id);
                return id.parse().expect("numeric id");
            }
            continue;
        }
        let chunk = response
            .chunk()
            .await
            .expect("stream read")
            .expect("stream still open");
        buffer.push_str(&String::from_utf8_lossy(&chunk));
    }
}

async fn open_events(session: &Session, last_event_id: Option<u64>) -> reqwest::Response {
    let mut request = session
        .http
        .get(format!("{}/api/sync/events?protocol=4", session.base))
        .header(reqwest::header::COOKIE, &session.cookie);
    if let Some(id) = last_event_id {
        request = request.header("last-event-id", id.to_string());
    }
    let response = request.send().await.expect("events");
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .expect("ascii")
        .starts_with("text/event-stream"));
    response
}

#[tokio::test]
async fn a_new_revision_is_announced_within_a_second() {
    let server = demo().await;
    let giulia = server.login("giulia").await;
    let marco = server.login("marco").await;
    let me = person_id(&giulia).await;
    let mut stream = open_events(&marco, None).await;
    let mut buffer = String::new();

    let accepted = push(&giulia, Uuid::new_v4(), set_commute(&me, 5)).await;
    let revision = accepted["results"][0]["revision"].as_u64().expect("rev");
    let announced = tokio::time::timeout(
        Duration::from_secs(1),
        next_revision_event(&mut stream, &mut buffer),
    )
    .await
    .expect("announced within a second");
    assert_eq!(announced, revision);
}

#[tokio::test]
async fn a_reconnect_with_last_event_id_hears_what_it_missed() {
    let server = demo().await;
    let giulia = server.login("giulia").await;
    let me = person_id(&giulia).await;
    let before = snapshot(&giulia).await["revision"].as_u64().expect("rev");
    push(&giulia, Uuid::new_v4(), set_commute(&me, 8)).await;

    let mut stream = open_events(&giulia, Some(before)).await;
    let mut buffer = String::new();
    let announced = tokio::time::timeout(
        Duration::from_secs(1),
        next_revision_event(&mut stream, &mut buffer),
    )
    .await
    .expect("the missed revision is announced at once");
    assert_eq!(announced, before + 1);
}

#[tokio::test]
async fn the_event_stream_ends_when_the_server_stops() {
    let mut server = demo().await;
    let giulia = server.login("giulia").await;
    let mut stream = open_events(&giulia, None).await;
    let status = server.terminate();
    assert!(
        status.success(),
        "clean exit while a stream is open: {status}"
    );
    let end = tokio::time::timeout(Duration::from_secs(5), async {
        while let Ok(Some(_)) = stream.chunk().await {}
    })
    .await;
    assert!(end.is_ok(), "the stream ended");
}

#[tokio::test]
async fn a_batch_is_answered_command_by_command_an_id_of_another_person_is_id_in_use() {
    let server = demo().await;
    let giulia = server.login("giulia").await;
    let luca = server.login("luca").await;
    let giulia_id = person_id(&giulia).await;
    let luca_id = person_id(&luca).await;
    let taken = Uuid::new_v4();
    push(&giulia, taken, set_commute(&giulia_id, 4)).await;
    let before = snapshot(&luca).await["revision"]
        .as_u64()
        .expect("revision");
    let (first, last) = (Uuid::new_v4(), Uuid::new_v4());
    let batch = json!({"commands": [
        {"id": first, "command": set_commute(&luca_id, 11)},
        {"id": taken, "command": set_commute(&luca_id, 12)},
        {"id": last, "command": set_commute(&luca_id, 13)},
    ]});
    let (status, body) = luca.post_json("/api/sync/push?protocol=4", &batch).await;
    assert_eq!(status, 200, "{body}");
    let answers: Vec<(&str, &str)> = body["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| (r["status"].as_str().unwrap(), r["id"].as_str().unwrap()))
        .collect();
    let (first_s, taken_s, last_s) = (first.to_string(), taken.to_string(), last.to_string());
    assert_eq!(
        answers,
        vec![
            ("accepted", first_s.as_str()),
            ("id_in_use", taken_s.as_str()),
            ("accepted", last_s.as_str())
        ]
    );
    assert_eq!(body["results"][0]["revision"], before + 1);
    assert_eq!(body["results"][2]["revision"], before + 2);
    assert_eq!(body["revision"], before + 2);
    // Both new commands are stored, each as its own revision; Giulia's
    // command under the reused id is untouched.
    let (_, changes) = luca
        .get_json(&format!("/api/sync/pull?since={before}&protocol=4"))
        .await;
    let revisions: Vec<u64> = changes["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| c["revision"].as_u64().unwrap())
        .collect();
    assert_eq!(revisions, vec![before + 1, before + 2], "{changes}");
    let people = &snapshot(&luca).await["snapshot"]["directory"]["people"];
    assert_eq!(people[&luca_id]["commute_km"], 13, "{}", people[&luca_id]);
    // The same batch again (a retry after a lost answer) gets the same
    // answers and changes nothing.
    let (status, again) = luca.post_json("/api/sync/push?protocol=4", &batch).await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(again["results"], body["results"]);
    assert_eq!(again["revision"], before + 2);
}

#[tokio::test]
async fn an_outdated_client_is_told_to_reload_and_nothing_is_applied() {
    let server = demo().await;
    let giulia = server.login("giulia").await;
    let me = person_id(&giulia).await;
    let before = snapshot(&giulia).await["revision"].clone();
    let push_body = json!({"commands": [{"id": Uuid::new_v4(), "command": set_commute(&me, 21)}]});
    for query in ["", "?protocol=1", "?protocol=", "?protocol=abc"] {
        let (status, body) = giulia
            .post_json(&format!("/api/sync/push{query}"), &push_body)
            .await;
        assert_eq!(status, 426, "push{query}: {body}");
        assert_eq!(body["error"], "client_outdated");
        assert_eq!(
            body["message"],
            "A new version of Vela is available: reload the page."
        );
    }
    for path in [
        "/api/sync/pull?since=0",
        "/api/sync/pull?since=0&protocol=1",
        "/api/sync/events",
        "/api/sync/events?protocol=1",
    ] {
        let (status, body) = giulia.get_json(path).await;
        assert_eq!(status, 426, "{path}: {body}");
        assert_eq!(body["error"], "client_outdated");
    }
    assert_eq!(
        snapshot(&giulia).await["revision"],
        before,
        "nothing applied"
    );
}

#[tokio::test]
async fn sync_needs_a_session() {
    let server = demo().await;
    let http = common::client();
    for (method, path) in [
        ("GET", "/api/sync/pull?since=0&protocol=4"),
        ("GET", "/api/sync/events?protocol=4"),
        ("POST", "/api/sync/push?protocol=4"),
    ] {
        let request = match method {
            "GET" => http.get(server.url(path)),
            _ => http.post(server.url(path)).json(&json!({"commands": []})),
        };
        let response = request.send().await.expect("request");
        assert_eq!(response.status(), 401, "{method} {path}");
        let body: Value = response.json().await.expect("JSON");
        assert_eq!(body["error"], "unauthenticated");
    }
}

#[tokio::test]
async fn bad_input_gets_a_json_4xx_and_changes_nothing() {
    let server = demo().await;
    let giulia = server.login("giulia").await;
    let me = person_id(&giulia).await;
    let before = snapshot(&giulia).await["revision"].clone();
    let id = Uuid::new_v4();
    let too_many: Vec<Value> = (0..501)
        .map(|_| json!({"id": Uuid::new_v4(), "command": set_commute(&me, 1)}))
        .collect();
    let cases: Vec<(String, u16)> = vec![
        ("not json".into(), 400),
        ("{\"commands\":".into(), 400),
        ("[]".into(), 422),
        ("{}".into(), 422),
        (json!({"commands": [{"id": "not-a-uuid", "command": set_commute(&me, 1)}]}).to_string(), 422),
        (json!({"commands": [{"id": id, "command": {"area": "nowhere"}}]}).to_string(), 422),
        (json!({"commands": [{"id": id, "command": {"area": "directory", "type": "set_commute", "person": me, "km": -1}}]}).to_string(), 422),
        (json!({"commands": [{"id": id, "command": {"area": "directory", "type": "set_commute", "person": me, "km": 1, "extra": true}}]}).to_string(), 422),
        (json!({"commands": [{"id": id, "command": set_commute(&me, 1), "extra": 1}]}).to_string(), 422),
        (json!({"commands": [], "extra": 1}).to_string(), 422),
        (json!({"commands": too_many}).to_string(), 422),
        // Huge numbers and impossible dates are the wrong shape, not a crash.
        (json!({"commands": [{"id": id, "command": {"area": "directory", "type": "set_commute", "person": me, "km": 1e30}}]}).to_string(), 422),
        (format!(r#"{{"commands":[{{"id":"{id}","command":{{"area":"directory","type":"set_commute","person":"{me}","km":99999999999999999999999}}}}]}}"#), 422),
        (json!({"commands": [{"id": id, "command": {"area": "directory", "type": "add_office_only_date", "team": me, "date": "2026-02-30", "note": "x"}}]}).to_string(), 422),
        (json!({"commands": [{"id": id, "command": {"area": "directory", "type": "remove_office_only_date", "team": me, "date": "yesterday"}}]}).to_string(), 422),
        (json!({"commands": [{"id": id, "command": {"area": "directory", "type": "set_commute", "person": me, "km": "12"}}]}).to_string(), 422),
    ];
    for (body, expected) in cases {
        let (status, answer) = giulia
            .post_raw(
                "/api/sync/push?protocol=4",
                "application/json",
                body.clone().into_bytes(),
            )
            .await;
        assert_eq!(status, expected, "{body:.120} → {answer}");
        assert!(
            answer["error"].is_string() && answer["message"].is_string(),
            "{answer}"
        );
    }
    let (status, answer) = giulia
        .post_raw(
            "/api/sync/push?protocol=4",
            "text/plain",
            b"{\"commands\":[]}".to_vec(),
        )
        .await;
    assert_eq!(status, 415, "{answer}");

    for query in ["since=abc", "since=-1", "since=1&since=2", "other=1"] {
        let (status, answer) = giulia
            .get_json(&format!("/api/sync/pull?{query}&protocol=4"))
            .await;
        assert_eq!(status, 400, "{query} → {answer}");
        assert_eq!(answer["error"], "bad_request");
    }
    assert_eq!(
        snapshot(&giulia).await["revision"],
        before,
        "nothing was written"
    );
}

#[tokio::test]
async fn a_deactivated_person_loses_sync() {
    let server = demo().await;
    let admin = server.login("admin").await;
    let luca = server.login("luca").await;
    let luca_id = person_id(&luca).await;
    let answer = push(
        &admin,
        Uuid::new_v4(),
        json!({"area": "directory", "type": "set_active", "person": luca_id, "active": false}),
    )
    .await;
    assert_eq!(answer["results"][0]["status"], "accepted", "{answer}");
    let (status, body) = luca.get_json("/api/sync/pull?since=0&protocol=4").await;
    assert_eq!(status, 401, "{body}");
}

#[tokio::test]
async fn concurrent_duplicates_of_one_command_are_applied_once() {
    let server = demo().await;
    let giulia = server.login("giulia").await;
    let me = person_id(&giulia).await;
    let before = snapshot(&giulia).await["revision"].as_u64().expect("rev");
    let body = json!({"commands": [{"id": Uuid::new_v4(), "command": set_commute(&me, 17)}]});
    let answers = futures_util::future::join_all(
        (0..8).map(|_| giulia.post_json("/api/sync/push?protocol=4", &body)),
    )
    .await;
    for (status, answer) in &answers {
        assert_eq!(*status, 200, "{answer}");
        assert_eq!(
            answer["results"], answers[0].1["results"],
            "every duplicate gets the same answer"
        );
    }
    assert_eq!(answers[0].1["results"][0]["revision"], before + 1);
    assert_eq!(
        snapshot(&giulia).await["revision"],
        before + 1,
        "written once"
    );
}
