//! Data written before formats carried a version (format 1) is still served
//! the same by this build: `fixtures/v1/` is a data directory written by that
//! release's server (demo data, commands of every area, a snapshot and a log
//! segment after it, accounts.json and feeds.json). Every later build must
//! load it — upgrading each file on the way — and serve the same people,
//! plans, objectives and sessions, counted here against figures recorded when
//! the fixture was made.
//!
//! The fixture is never changed: a test copies it to a temp dir first.
//! `make_v1_fixture` (ignored) is how it was made; see its comment.

mod common;

use std::path::{Path, PathBuf};

use common::{Server, Session};
use serde_json::{json, Value};
use uuid::Uuid;

const FAST: &str = "--insecure-fast-hashing";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/data")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// What a person's pull shows, counted.
#[derive(Debug, PartialEq, Eq)]
struct Figures {
    people: usize,
    teams: usize,
    agreements: usize,
    day_plans: usize,
    approved_days: usize,
    requests: usize,
    absences: usize,
    objectives: usize,
    progress_records: usize,
    sessions: usize,
    registrations: usize,
}

fn count(map: &Value) -> usize {
    map.as_object().map_or(0, |m| m.len())
}

fn figures(pull: &Value) -> Figures {
    let s = &pull["snapshot"];
    let days = s["agile"]["days"].as_object().expect("days");
    let all_days = || {
        days.values()
            .flat_map(|d| d.as_object().expect("by date").values())
    };
    let objectives = s["objectives"]["objectives"]
        .as_object()
        .expect("objectives");
    Figures {
        people: count(&s["directory"]["people"]),
        teams: count(&s["directory"]["teams"]),
        agreements: count(&s["directory"]["agreements"]),
        day_plans: all_days().count(),
        approved_days: all_days().filter(|d| d["status"] == "approved").count(),
        requests: count(&s["agile"]["requests"]),
        absences: count(&s["agile"]["absences"]),
        objectives: objectives.len(),
        progress_records: objectives
            .values()
            .map(|o| o["updates"].as_array().map_or(0, Vec::len))
            .sum(),
        sessions: count(&s["webinars"]["sessions"]),
        registrations: s["webinars"]["registrations"]
            .as_object()
            .expect("registrations")
            .values()
            .map(count)
            .sum(),
    }
}

async fn pull(session: &Session) -> Value {
    let (status, body) = session.get_json("/api/sync/pull?since=0&protocol=4").await;
    assert_eq!(status, 200, "{body}");
    body
}

/// The figures the fixture was made with (printed by `make_v1_fixture`).
mod recorded {
    use super::Figures;

    pub const REVISION: u64 = 283;
    pub const SNAPSHOT_REVISION: u64 = 275;

    pub fn admin() -> Figures {
        Figures {
            people: 14,
            teams: 3,
            agreements: 12,
            day_plans: 157,
            approved_days: 79,
            requests: 26,
            absences: 3,
            objectives: 16,
            progress_records: 19,
            sessions: 6,
            registrations: 20,
        }
    }

    pub fn giulia() -> Figures {
        Figures {
            people: 13,
            teams: 3,
            agreements: 1,
            day_plans: 80,
            approved_days: 39,
            requests: 12,
            absences: 1,
            objectives: 6,
            progress_records: 7,
            sessions: 6,
            registrations: 4,
        }
    }
}

#[tokio::test]
async fn a_v1_data_directory_is_upgraded_on_load_and_serves_the_same_data() {
    json_store_only!("a fixture of version 1 JSON files");
    let temp = tempfile::tempdir().unwrap();
    let data = temp.path().join("data");
    copy_dir(&fixture(), &data);
    let dist = temp.path().join("dist");
    let (_dirs, _, fake_dist) = common::temp_dirs();
    copy_dir(&fake_dist, &dist);

    // The store checks it without serving it, and changes nothing.
    let summary = vela_server::store::verify::<vela_domain::State>(&data).expect("verifies");
    let demo = summary
        .organisations
        .iter()
        .max_by_key(|o| o.revision)
        .expect("an organisation");
    assert_eq!(demo.revision, recorded::REVISION, "{summary:?}");
    assert_eq!(demo.snapshot_revision, Some(recorded::SNAPSHOT_REVISION));
    assert!(demo.lines > 0, "log lines after the snapshot: {summary:?}");

    let mut server = Server::start_in(&data, &dist, &[FAST]).expect("starts on v1 data");
    let admin = server.login("admin").await;
    let giulia = server.login("giulia").await;
    let admin_pull = pull(&admin).await;
    assert_eq!(admin_pull["revision"], recorded::REVISION);
    assert_eq!(figures(&admin_pull), recorded::admin());
    let giulia_pull = pull(&giulia).await;
    assert_eq!(figures(&giulia_pull), recorded::giulia());
    // Her calendar feed (feeds.json) is still live.
    let (status, feed) = giulia.get_json("/api/calendar/feed").await;
    assert_eq!(status, 200, "{feed}");
    assert_eq!(feed["active"], true, "{feed}");

    // It goes on: a new command is the next revision, and after a restart
    // (a version 2 snapshot is written at shutdown, the log mixes both
    // versions) everything is still there.
    let me = giulia_pull["snapshot"]["directory"]["people"]
        .as_object()
        .unwrap()
        .iter()
        .find(|(_, p)| p["username"] == "giulia")
        .map(|(id, _)| id.clone())
        .unwrap();
    let (status, pushed) = giulia
        .post_json(
            "/api/sync/push?protocol=4",
            &json!({"commands": [{"id": Uuid::new_v4(), "command":
                {"area": "directory", "type": "set_commute", "person": me, "km": 37}}]}),
        )
        .await;
    assert_eq!(status, 200, "{pushed}");
    assert_eq!(pushed["results"][0]["status"], "accepted", "{pushed}");
    assert_eq!(pushed["revision"], recorded::REVISION + 1);
    assert!(server.terminate().success());
    drop(server);

    let summary = vela_server::store::verify::<vela_domain::State>(&data).expect("verifies");
    assert!(summary
        .organisations
        .iter()
        .any(|o| o.revision == recorded::REVISION + 1));
    let snapshot = std::fs::read_dir(data.join("orgs"))
        .unwrap()
        .map(|e| e.unwrap().path().join("snapshot.json"))
        .filter(|p| p.exists())
        .map(|p| serde_json::from_slice::<Value>(&std::fs::read(p).unwrap()).unwrap())
        .find(|s| s["revision"] == recorded::REVISION + 1)
        .expect("the new snapshot");
    assert_eq!(
        snapshot["format"],
        vela_server::store::upgrade::SNAPSHOT.current
    );
    for derived in ["absence_starts", "team_days", "members", "agreements"] {
        assert!(
            snapshot["state"]["agile"].get(derived).is_none(),
            "{derived} persisted"
        );
    }
    let accounts: Value =
        serde_json::from_slice(&std::fs::read(data.join("accounts.json")).unwrap()).unwrap();
    // Rewritten only when an account changes; either version is read.
    assert!(accounts.get("format").is_none() || accounts["format"] == 2);

    let server = Server::start_in(&data, &dist, &[FAST]).expect("restarts");
    let admin = server.login("admin").await;
    let again = pull(&admin).await;
    assert_eq!(again["revision"], recorded::REVISION + 1);
    assert_eq!(figures(&again), recorded::admin());
    assert_eq!(
        again["snapshot"]["directory"]["people"][&me]["commute_km"],
        37
    );
}

/// How `fixtures/v1/data` was made. Run by hand with the server binary of the
/// last release before format versions (commit 5a36155 of the main branch):
///
/// ```text
/// git worktree add /tmp/vela-v1 5a36155
/// (cd /tmp/vela-v1 && cargo build --release -p vela-server)
/// VELA_V1_SERVER=/tmp/vela-v1/target/release/vela-server \
///   cargo test -p vela-server --test format_v1 -- --ignored make_v1_fixture --nocapture
/// ```
///
/// It starts that server with the demo data and a snapshot every 25
/// revisions, pushes a command of every area (a request and its approval, an
/// objective taken to progress, a webinar registration, a calendar feed),
/// kills the server (so log lines stay after the last snapshot), copies the
/// data directory into the fixture and prints the figures to record above.
#[tokio::test]
#[ignore = "makes the fixture; needs VELA_V1_SERVER"]
async fn make_v1_fixture() {
    let binary = PathBuf::from(std::env::var("VELA_V1_SERVER").expect("VELA_V1_SERVER"));
    let (_temp, data, dist) = common::temp_dirs();
    let mut server = Server::start_binary(
        &binary,
        &data,
        &dist,
        &[FAST, "--demo", "--snapshot-every", "25"],
        &[],
    )
    .expect("the v1 server starts");
    // Version 1 servers take no protocol parameter and refuse unknown ones.
    let push = |session: Session, command: Value| async move {
        let (status, body) = session
            .post_json(
                "/api/sync/push",
                &json!({"commands": [{"id": Uuid::new_v4(), "command": command}]}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(
            body["results"][0]["status"], "accepted",
            "{command} → {body}"
        );
        body
    };
    let admin = server.login("admin").await;
    let giulia = server.login("giulia").await;
    let marco = server.login("marco").await;
    let (_, view) = admin.get_json("/api/sync/pull?since=0").await;
    let id_of = |username: &str| {
        view["snapshot"]["directory"]["people"]
            .as_object()
            .unwrap()
            .iter()
            .find(|(_, p)| p["username"] == username)
            .map(|(id, _)| id.clone())
            .unwrap()
    };
    let giulia_id = id_of("giulia");

    // Agile: a request and its approval by the lead.
    let request = Uuid::new_v4();
    push(giulia.clone(), json!({"area": "agile", "type": "request_days", "id": request,
        "days": {"kind": "weekly", "weekdays": ["Tue", "Thu"], "from": "2027-02-01", "until": "2027-02-28"},
        "mode": "agile", "place": {"kind": "home"}, "note": "fixture v1"})).await;
    push(
        marco.clone(),
        json!({"area": "agile", "type": "decide_days", "request": request,
        "decision": "approve"}),
    )
    .await;
    // Objectives: one of Giulia's, agreed and started, with progress.
    let (objective, key_result) = (Uuid::new_v4(), Uuid::new_v4());
    push(giulia.clone(), json!({"area": "objectives", "type": "save_objective", "id": objective,
        "owner": {"kind": "person", "id": giulia_id}, "period": {"from": "2027-01-01", "until": "2027-06-30"},
        "title": "Ridurre i tempi di risposta", "description": "fixture v1", "weight": 20,
        "key_results": [{"id": key_result, "indicator": "giorni medi", "unit": "giorni",
            "baseline": "30", "target": "12.5", "weight": 1}]})).await;
    push(
        giulia.clone(),
        json!({"area": "objectives", "type": "propose", "objective": objective}),
    )
    .await;
    push(
        marco.clone(),
        json!({"area": "objectives", "type": "agree", "objective": objective}),
    )
    .await;
    push(
        giulia.clone(),
        json!({"area": "objectives", "type": "start", "objective": objective}),
    )
    .await;
    push(
        giulia.clone(),
        json!({"area": "objectives", "type": "record_progress", "objective": objective,
        "key_result": key_result, "value": "21", "note": "a metà"}),
    )
    .await;
    // Webinars: Giulia registers for a future session she is not in yet.
    let (_, mine) = giulia.get_json("/api/sync/pull?since=0").await;
    let now = chrono::Utc::now().to_rfc3339();
    let candidates: Vec<String> = mine["snapshot"]["webinars"]["sessions"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(id, s)| {
            s["start"].as_str().is_some_and(|t| t > now.as_str())
                && mine["snapshot"]["webinars"]["registrations"][id.as_str()][&giulia_id].is_null()
        })
        .map(|(id, _)| id.clone())
        .collect();
    let mut registered = false;
    for session in candidates {
        let (_, body) = giulia
            .post_json(
                "/api/sync/push",
                &json!({"commands": [{"id": Uuid::new_v4(), "command":
                    {"area": "webinars", "type": "register", "session": session}}]}),
            )
            .await;
        if body["results"][0]["status"] == "accepted" {
            registered = true;
            break;
        }
    }
    assert!(registered, "a session to register for");
    // A calendar feed, so feeds.json exists.
    let (status, feed) = giulia.post_json("/api/calendar/feed", &json!({})).await;
    assert_eq!(status, 200, "{feed}");

    let (_, all) = admin.get_json("/api/sync/pull?since=0").await;
    let (_, hers) = giulia.get_json("/api/sync/pull?since=0").await;
    server.kill();

    let target = fixture();
    let _ = std::fs::remove_dir_all(&target);
    copy_dir(&data, &target);
    let summary = vela_server::store::verify::<vela_domain::State>(&target).expect("verifies");
    println!("summary: {summary:#?}");
    println!("revision: {}", all["revision"]);
    println!("admin: {:#?}", figures(&all));
    println!("giulia: {:#?}", figures(&hers));
}
