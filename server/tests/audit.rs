//! `GET /api/audit` and `/api/audit.csv` over real HTTP: who changed what,
//! on whom and when, with the security log beside it — filters, pages, the
//! spreadsheet, who may read it, and a trail that outlives the compaction
//! of the event log and a restart.

mod common;

use std::collections::BTreeMap;

use common::{Server, Session};
use serde_json::{json, Value};
use uuid::Uuid;

const FAST: &str = "--insecure-fast-hashing";

/// Username → person id, from the administrator's view.
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

/// Pushes one command and expects it accepted.
async fn accepted(session: &Session, command: Value) {
    let (status, body) = session
        .post_json(
            "/api/sync/push?protocol=4",
            &json!({"commands": [{"id": Uuid::new_v4(), "command": command}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["results"][0]["status"], "accepted", "{body}");
}

fn commute(person: &str, km: u32) -> Value {
    json!({"area": "directory", "type": "set_commute", "person": person, "km": km})
}

fn entries(page: &Value) -> &Vec<Value> {
    page["entries"].as_array().expect("entries")
}

/// Today in Rome, as the audit's date filters read dates (between
/// midnight in Rome and midnight UTC the two differ).
fn today() -> String {
    vela_domain::calendar::rome_date(chrono::Utc::now()).to_string()
}

#[tokio::test]
async fn an_administrators_change_shows_when_who_what_and_on_whom() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let ids = people(&admin).await;
    let luca = &ids["luca"];
    accepted(&admin, commute(luca, 37)).await;

    let (status, page) = admin
        .get_json(&format!(
            "/api/audit?person={luca}&kind=directory.person_saved"
        ))
        .await;
    assert_eq!(status, 200, "{page}");
    let newest = &entries(&page)[0];
    assert_eq!(newest["kind"], "directory.person_saved");
    assert_eq!(newest["actor"]["id"], ids["admin"].as_str());
    assert_eq!(newest["person"]["name"], "Luca Ferrari");
    assert!(newest["revision"].as_u64().is_some(), "{newest}");
    let at: chrono::DateTime<chrono::Utc> =
        newest["at"].as_str().expect("at").parse().expect("time");
    assert!((chrono::Utc::now() - at).num_minutes() < 5, "{at}");
    // Every entry of the answer is about Luca or by him, of that kind.
    for entry in entries(&page) {
        assert_eq!(entry["kind"], "directory.person_saved");
        assert!(entry["person"]["id"] == luca.as_str() || entry["actor"]["id"] == luca.as_str());
    }
    assert!(page["kinds"]
        .as_array()
        .expect("kinds")
        .contains(&json!("security.sign_in")));
}

#[tokio::test]
async fn an_absence_reason_shows_to_the_administrator() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let ids = people(&admin).await;
    let day = (chrono::Utc::now().date_naive() + chrono::Duration::days(30)).to_string();
    accepted(
        &admin,
        json!({"area": "agile", "type": "record_absence", "id": Uuid::new_v4(), "person": ids["luca"],
               "from": day, "until": day, "kind": "leave", "reason": "visita specialistica"}),
    )
    .await;
    let (_, page) = admin
        .get_json("/api/audit?kind=agile.absence_recorded")
        .await;
    let entry = &entries(&page)[0];
    assert_eq!(
        entry["absence"]["reason"], "visita specialistica",
        "{entry}"
    );
    assert_eq!(entry["from"], day.as_str());
}

#[tokio::test]
async fn filters_pages_and_bad_filters() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let ids = people(&admin).await;
    for km in 1..=3 {
        accepted(&admin, commute(&ids["luca"], km)).await;
    }
    let (_, first) = admin.get_json("/api/audit?size=2").await;
    let (_, second) = admin.get_json("/api/audit?size=2&page=1").await;
    assert_eq!(entries(&first).len(), 2);
    assert_eq!(entries(&second).len(), 2);
    assert_eq!(first["total"], second["total"]);
    assert!(first["total"].as_u64().expect("total") >= 4);
    assert_ne!(entries(&first)[0], entries(&second)[0]);
    // Newest first.
    let at = |e: &Value| e["at"].as_str().expect("at").to_string();
    assert!(at(&entries(&first)[1]) >= at(&entries(&second)[0]));

    // Dates: today holds the changes just made, tomorrow nothing yet.
    let (_, today_page) = admin
        .get_json(&format!("/api/audit?from={}&until={}", today(), today()))
        .await;
    assert!(today_page["total"].as_u64().expect("total") >= 3);
    let tomorrow = (chrono::Utc::now().date_naive() + chrono::Duration::days(2)).to_string();
    let (_, later) = admin.get_json(&format!("/api/audit?from={tomorrow}")).await;
    assert_eq!(later["total"], 0);
    assert_eq!(entries(&later).len(), 0);

    for bad in [
        "/api/audit?kind=nonsense",
        "/api/audit?size=0",
        "/api/audit?size=201",
        "/api/audit?page=1000&size=200",
        "/api/audit?from=2026-12-02&until=2026-12-01",
        "/api/audit?person=not-a-uuid",
        "/api/audit?from=yesterday",
    ] {
        let (status, body) = admin.get_json(bad).await;
        assert_eq!(status, 400, "{bad}: {body}");
        assert!(body["error"].is_string(), "{body}");
    }
}

#[tokio::test]
async fn only_an_organisations_administrators_read_its_audit() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let ids = people(&admin).await;
    accepted(&admin, commute(&ids["luca"], 44)).await;
    for user in ["giulia", "marco", "sara"] {
        let session = server.login(user).await;
        for path in ["/api/audit", "/api/audit.csv"] {
            let response = session.get(path).await;
            assert_eq!(response.status().as_u16(), 403, "{user} {path}");
            let body: Value = response.json().await.expect("JSON");
            assert_eq!(body["error"], "forbidden");
        }
    }
    // Another organisation's administrator sees only their own.
    let rovereto = server.login("admin.rovereto").await;
    let (status, page) = rovereto.get_json("/api/audit?size=200").await;
    assert_eq!(status, 200);
    let luca = ids["luca"].as_str();
    assert!(entries(&page).iter().all(|e| e["person"]["id"] != luca));
    let (_, filtered) = rovereto
        .get_json(&format!("/api/audit?person={luca}"))
        .await;
    assert_eq!(filtered["total"], 0);
    // Nobody signed in: 401.
    let anonymous = common::client()
        .get(server.url("/api/audit"))
        .send()
        .await
        .expect("GET");
    assert_eq!(anonymous.status().as_u16(), 401);
}

#[tokio::test]
async fn the_csv_holds_the_same_entries_for_spreadsheets() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let ids = people(&admin).await;
    accepted(&admin, commute(&ids["luca"], 12)).await;
    let response = admin
        .get(&format!(
            "/api/audit.csv?person={}&kind=directory.person_saved",
            ids["luca"]
        ))
        .await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    assert!(response.headers()["content-disposition"]
        .to_str()
        .expect("ascii")
        .contains("registro-attivita.csv"));
    let body = response.bytes().await.expect("body");
    assert_eq!(&body[..3], b"\xEF\xBB\xBF");
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(&body[3..])
        .records()
        .map(|r| r.expect("record").iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows[0][1], "Tipo");
    let last = rows.last().expect("a row");
    assert_eq!(last[1], "directory.person_saved");
    assert_eq!(last[3], "Luca Ferrari");
}

#[tokio::test]
async fn sign_ins_failures_and_passwords_are_in_the_security_log() {
    let server = Server::start(&[FAST, "--demo"]);
    assert!(server.login_with("giulia", "wrong password").await.is_err());
    assert!(server
        .login_with("nobody-here", "wrong password")
        .await
        .is_err());
    let _giulia = server.login("giulia").await;
    let admin = server.login("admin").await;
    let ids = people(&admin).await;
    let giulia = ids["giulia"].as_str();
    let (status, body) = admin
        .put_json(
            &format!("/api/people/{}/password", ids["luca"]),
            &json!({"password": "una-password-nuova"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");

    let (_, failed) = admin
        .get_json("/api/audit?kind=security.sign_in_failed")
        .await;
    let failures = entries(&failed);
    assert_eq!(
        failures.len(),
        1,
        "the unknown username belongs to no organisation: {failed}"
    );
    assert_eq!(failures[0]["person"]["id"], giulia);
    assert_eq!(failures[0]["address"], "127.0.0.1");

    let (_, signed_in) = admin
        .get_json(&format!("/api/audit?kind=security.sign_in&person={giulia}"))
        .await;
    assert_eq!(entries(&signed_in).len(), 1, "{signed_in}");
    assert_eq!(entries(&signed_in)[0]["person"]["name"], "Giulia Bianchi");

    let (_, passwords) = admin
        .get_json("/api/audit?kind=security.password_set")
        .await;
    let set = &entries(&passwords)[0];
    assert_eq!(set["person"]["id"], ids["luca"].as_str());
    assert_eq!(set["actor"]["id"], ids["admin"].as_str());

    // Never in what anyone pulls.
    let (_, pull) = admin.get_json("/api/sync/pull?since=0&protocol=4").await;
    assert!(!pull.to_string().contains("sign_in"));
}

/// The one store's directory of a demo server.
fn store_dir(server: &Server) -> std::path::PathBuf {
    std::fs::read_dir(server.data_dir.join("orgs"))
        .expect("orgs")
        .next()
        .expect("one store")
        .expect("entry")
        .path()
}

/// The trail's text and the revision of each of its lines.
fn trail_revisions(org_dir: &std::path::Path) -> (String, Vec<u64>) {
    let trail = std::fs::read_to_string(org_dir.join("audit.jsonl")).expect("trail");
    let revisions = trail
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).expect("line")["revision"]
                .as_u64()
                .expect("revision")
        })
        .collect();
    (trail, revisions)
}

#[tokio::test]
async fn the_trail_survives_compaction_and_a_restart() {
    json_store_only!("reads the trail's files; the trail in PostgreSQL is tested in replicas.rs");
    let mut server = Server::start(&[FAST, "--demo", "--snapshot-every", "2"]);
    let admin = server.login("admin").await;
    let ids = people(&admin).await;
    accepted(&admin, commute(&ids["luca"], 101)).await;
    for km in 0..6 {
        accepted(&admin, commute(&ids["giulia"], km)).await;
    }
    let org_dir = store_dir(&server);
    // The first segments were compacted away.
    let wait_until = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while org_dir.join("log-1.jsonl").exists() {
        assert!(std::time::Instant::now() < wait_until, "no compaction");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let temp = server.keep_dirs();
    assert!(server.terminate().success());
    let (data, dist) = (server.data_dir.clone(), server.dist_dir.clone());
    drop(server);
    let again = Server::start_in(&data, &dist, &[FAST, "--demo"]).expect("restarts");
    let admin = again.login("admin").await;
    let (_, page) = admin
        .get_json(&format!(
            "/api/audit?person={}&kind=directory.person_saved",
            ids["luca"]
        ))
        .await;
    assert!(
        entries(&page)
            .iter()
            .any(|e| e["person"]["name"] == "Luca Ferrari"),
        "{page}"
    );
    // Every revision is in the trail exactly once, none missing.
    let (trail, revisions) = trail_revisions(&org_dir);
    assert!(!trail.contains("missing_from"));
    assert_eq!(revisions, (1..=revisions.len() as u64).collect::<Vec<_>>());
    drop(temp);
}

/// Seeding runs before the trail's follower starts: a seed longer than the
/// revisions kept in memory must still reach the trail whole.
#[tokio::test]
async fn a_seed_longer_than_the_recent_revisions_is_all_in_the_trail() {
    json_store_only!("reads the trail's files; the trail in PostgreSQL is tested in replicas.rs");
    let server = Server::start(&[
        FAST,
        "--demo",
        "--recent-revisions",
        "10",
        "--snapshot-every",
        "5",
    ]);
    let org_dir = store_dir(&server);
    let (trail, revisions) = trail_revisions(&org_dir);
    assert!(revisions.len() > 10, "{trail}");
    assert!(!trail.contains("missing_from"), "a gap in the trail");
    assert_eq!(revisions, (1..=revisions.len() as u64).collect::<Vec<_>>());
    assert!(!server.log_text().contains("misses revisions"));
}
