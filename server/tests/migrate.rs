//! `vela-server migrate`: a JSON data directory into an empty PostgreSQL
//! database, verified there, refused into a database that holds data; a
//! server on the database then serves what the directory held. And back:
//! `vela-server export` into an empty directory, served by the JSON store.

mod common;

use std::path::Path;
use std::process::Command;

use common::postgres::TestDatabase;
use common::Server;
use serde_json::json;
use uuid::Uuid;

const FAST: &str = "--insecure-fast-hashing";

fn migrate(data: &Path, url_file: &Path) -> (i32, String, String) {
    run("migrate", data, url_file)
}

fn run(task: &str, data: &Path, url_file: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vela-server"))
        .args([task, "--data-dir"])
        .arg(data)
        .arg("--database-url-file")
        .arg(url_file)
        .env_remove("VELA_DATABASE_URL")
        .output()
        .expect("vela-server migrate runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn a_data_directory_moves_into_an_empty_database_and_is_served_from_it() {
    let db = TestDatabase::create();
    // A snapshot and log lines after it, and no clean shutdown.
    let mut json_server = Server::start_json(&[FAST, "--demo", "--snapshot-every", "20"]);
    let giulia = json_server.login("giulia").await;
    let (_, me) = giulia.get_json("/api/me").await;
    let person = me["person"]["id"].as_str().expect("person").to_string();
    let command = json!({"area": "directory", "type": "set_commute", "person": person, "km": 23});
    let (status, body) = giulia
        .post_json(
            "/api/sync/push?protocol=4",
            &json!({"commands": [{"id": Uuid::new_v4(), "command": command}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let revision = body["results"][0]["revision"].as_u64().expect("accepted");
    json_server.kill();
    let temp = json_server.keep_dirs().expect("dirs");
    let (data, dist) = (json_server.data_dir.clone(), json_server.dist_dir.clone());
    drop(json_server);
    let url_file = temp.path().join("database-url");
    std::fs::write(&url_file, format!("{}\n", db.url())).expect("url file");

    let (code, stdout, stderr) = migrate(&data, &url_file);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("verified"), "{stdout}");
    assert!(stdout.contains(&format!("revision {revision}")), "{stdout}");
    let (security, trail) = audit_lines(&data);
    assert!(security >= 1 && trail >= 1, "{security} {trail}");
    assert!(
        stdout.contains(&format!(
            "{security} security event(s), {trail} audit trail line(s)"
        )),
        "{stdout}"
    );

    // Never into a database that holds data.
    let (code, _, stderr) = migrate(&data, &url_file);
    assert_ne!(code, 0);
    assert!(stderr.contains("empty"), "{stderr}");

    // The accounts stay in the directory; the state comes from the database.
    let pg_server = Server::start_plain(&data, &dist, &[FAST, "--database-url", &db.url()])
        .expect("server on the database starts");
    let giulia = pg_server.login("giulia").await;
    let (status, pulled) = giulia.get_json("/api/sync/pull?since=0&protocol=4").await;
    assert_eq!(status, 200, "{pulled}");
    assert_eq!(pulled["revision"], revision);
    assert_eq!(
        pulled["snapshot"]["directory"]["people"][person.as_str()]["commute_km"],
        23,
        "the change made before the move is there"
    );
    let admin = pg_server.login("admin").await;
    assert_eq!(
        sign_ins(&admin, &person).await,
        2,
        "the sign-in before the move is in the security log"
    );
    let (_, page) = admin.get_json("/api/audit?size=200").await;
    assert!(
        page["total"].as_u64().expect("total") > 2,
        "the trail came along: {page}"
    );

    // A change made on the database, then the way back.
    let km = json!({"area": "directory", "type": "set_commute", "person": person, "km": 31});
    let (status, body) = giulia
        .post_json(
            "/api/sync/push?protocol=4",
            &json!({"commands": [{"id": Uuid::new_v4(), "command": km}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let last = body["results"][0]["revision"].as_u64().expect("accepted");
    // The trail follows acknowledged revisions in the background, and reading
    // the audit page brings it up to date: before the server is killed.
    let (status, page) = admin.get_json("/api/audit?size=1").await;
    assert_eq!(status, 200, "{page}");
    drop(pg_server);
    let (code, _, stderr) = run("export", &data, &url_file);
    assert_ne!(code, 0, "never into a directory that holds data");
    assert!(stderr.contains("not empty"), "{stderr}");
    let exported = temp.path().join("exported");
    let (code, stdout, stderr) = run("export", &exported, &url_file);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains(&format!("revision {last}")), "{stdout}");
    let (security_out, trail_out) = audit_lines(&exported);
    assert!(
        security_out >= security + 2 && trail_out > trail,
        "{security_out} {trail_out}"
    );
    std::fs::copy(data.join("accounts.json"), exported.join("accounts.json")).expect("accounts");
    let json_again =
        Server::start_plain_json(&exported, &dist, &[FAST]).expect("JSON server starts");
    let giulia = json_again.login("giulia").await;
    let admin = json_again.login("admin").await;
    assert_eq!(sign_ins(&admin, &person).await, 3, "and back again");
    let (_, pulled) = giulia.get_json("/api/sync/pull?since=0&protocol=4").await;
    assert_eq!(pulled["revision"], last);
    assert_eq!(
        pulled["snapshot"]["directory"]["people"][person.as_str()]["commute_km"],
        31
    );
    // It goes on from there.
    let (status, body) = giulia
        .post_json(
            "/api/sync/push?protocol=4",
            &json!({"commands": [{"id": Uuid::new_v4(), "command": command}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["results"][0]["revision"], last + 1, "{body}");
}

/// How many lines `security.jsonl` and every `orgs/*/audit.jsonl` of
/// `data` hold.
fn audit_lines(data: &Path) -> (usize, usize) {
    let count = |path: &Path| {
        std::fs::read_to_string(path)
            .map(|text| text.lines().filter(|l| !l.is_empty()).count())
            .unwrap_or(0)
    };
    let trail = std::fs::read_dir(data.join("orgs"))
        .expect("orgs")
        .map(|entry| count(&entry.expect("entry").path().join("audit.jsonl")))
        .sum();
    (count(&data.join("security.jsonl")), trail)
}

/// How many sign-ins of `person` the audit page lists.
async fn sign_ins(admin: &common::Session, person: &str) -> usize {
    let (status, page) = admin
        .get_json(&format!("/api/audit?kind=security.sign_in&person={person}"))
        .await;
    assert_eq!(status, 200, "{page}");
    page["entries"].as_array().expect("entries").len()
}
