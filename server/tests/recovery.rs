//! Start-up after a crash, with the real binary: a torn last log line is cut
//! off and logged; a complete line that fails its checksum, or a broken
//! chain of segments, stops the server with a message that names the file
//! and the line and how to salvage; a disk that fills up and is freed again
//! heals without a restart.

mod common;

use std::io::Write;
use std::path::PathBuf;

use common::Server;

const FAST: &str = "--insecure-fast-hashing";
/// No snapshot during the test, so the demo's commands stay in the log.
const NO_SNAPSHOT: [&str; 2] = ["--snapshot-every", "1000000"];

/// Starts a server (seeding the demo), SIGKILLs it, and returns its dirs and
/// the demo organisation's log segment.
fn crashed_server() -> (Server, tempfile::TempDir, PathBuf) {
    let mut server = Server::start(&[FAST, NO_SNAPSHOT[0], NO_SNAPSHOT[1]]);
    let temp = server.keep_dirs().expect("temp dir");
    server.kill();
    let org = std::fs::read_dir(server.data_dir.join("orgs"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut segments: Vec<PathBuf> = std::fs::read_dir(&org)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    segments.sort();
    let segment = segments.pop().expect("a log segment");
    assert!(
        std::fs::read_to_string(&segment).unwrap().lines().count() > 10,
        "the demo's commands are in the log"
    );
    (server, temp, segment)
}

#[tokio::test]
async fn a_torn_last_line_is_cut_off_and_logged() {
    json_store_only!("tears a log segment");
    let (server, _temp, segment) = crashed_server();
    let good = std::fs::read(&segment).unwrap();
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&segment)
        .unwrap();
    file.write_all(br#"{"revision":999,"command_id":"6b1c"#)
        .unwrap();
    drop(file);

    let again = Server::start_in(
        &server.data_dir,
        &server.dist_dir,
        &[FAST, NO_SNAPSHOT[0], NO_SNAPSHOT[1]],
    )
    .expect("starts despite the torn line");
    assert_eq!(std::fs::read(&segment).unwrap(), good);
    let session = again.login("giulia").await;
    assert_eq!(session.get_json("/api/me").await.0, 200);
    // stderr is collected by another thread: give it a moment.
    let mut logged = false;
    for _ in 0..40 {
        logged = again.log_text().contains("torn last line");
        if logged {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(logged, "{}", again.log_text());
}

#[tokio::test]
async fn corruption_before_the_end_refuses_to_start() {
    json_store_only!("corrupts a log segment");
    let (server, _temp, segment) = crashed_server();
    let text = std::fs::read_to_string(&segment).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[4] = lines[4].replace("\"revision\"", "\"revizion\"");
    std::fs::write(&segment, lines.join("\n") + "\n").unwrap();

    let error = match Server::start_in(
        &server.data_dir,
        &server.dist_dir,
        &[FAST, NO_SNAPSHOT[0], NO_SNAPSHOT[1]],
    ) {
        Err(log) => log,
        Ok(_) => panic!("a corrupt log must not load"),
    };
    assert!(
        error.contains(&segment.display().to_string()),
        "names the file: {error}"
    );
    assert!(error.contains("line 5"), "names the line: {error}");
    // Nothing was cut.
    assert_eq!(
        std::fs::read_to_string(&segment).unwrap().lines().count(),
        lines.len()
    );
}

#[tokio::test]
async fn a_complete_last_line_with_one_bad_byte_refuses_to_start_and_says_how_to_salvage() {
    json_store_only!("corrupts a log segment");
    let (server, _temp, segment) = crashed_server();
    let mut bytes = std::fs::read(&segment).unwrap();
    let good_len = bytes.len();
    let last_start = bytes[..good_len - 1]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let lines = std::fs::read_to_string(&segment).unwrap().lines().count();
    // One byte inside the last (acknowledged, newline-terminated) entry.
    let at = good_len - 10;
    assert!(at > last_start);
    bytes[at] = if bytes[at] == b'1' { b'2' } else { b'1' };
    std::fs::write(&segment, &bytes).unwrap();

    let error = match Server::start_in(
        &server.data_dir,
        &server.dist_dir,
        &[FAST, NO_SNAPSHOT[0], NO_SNAPSHOT[1]],
    ) {
        Err(log) => log,
        Ok(_) => panic!("a corrupt acknowledged line must not be dropped"),
    };
    assert!(error.contains(&segment.display().to_string()), "{error}");
    assert!(error.contains(&format!("line {lines}")), "{error}");
    assert!(error.contains("checksum"), "{error}");
    assert!(
        error.contains(&format!("truncate -s {last_start} ")),
        "says how to salvage: {error}"
    );
    assert_eq!(std::fs::read(&segment).unwrap(), bytes, "nothing was cut");
}

#[tokio::test]
async fn a_missing_newest_segment_refuses_to_start() {
    json_store_only!("deletes a log segment");
    // Snapshots every 20 revisions: the demo leaves one, and the segment
    // after it holds the newest revisions.
    let mut server = Server::start(&[FAST, "--demo", "--snapshot-every", "20"]);
    let _temp = server.keep_dirs().expect("temp dir");
    let giulia = server.login("giulia").await;
    let (_, me) = giulia.get_json("/api/me").await;
    let person = me["person"]["id"].clone();
    for km in 0..25 {
        let (status, body) = giulia
            .post_json(
                "/api/sync/push?protocol=4",
                &serde_json::json!({"commands": [{"id": uuid::Uuid::new_v4(), "command":
                    {"area": "directory", "type": "set_commute", "person": person, "km": km}}]}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
    }
    server.kill();
    let org = std::fs::read_dir(server.data_dir.join("orgs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|dir| dir.join("snapshot.json").exists())
        .expect("a snapshot");
    let snapshot: serde_json::Value =
        serde_json::from_slice(&std::fs::read(org.join("snapshot.json")).unwrap()).unwrap();
    let base = snapshot["revision"].as_u64().unwrap();
    let newest = org.join(format!("log-{:020}.jsonl", base + 1));
    assert!(newest.exists(), "the segment after the snapshot");
    std::fs::remove_file(&newest).unwrap();

    let error = match Server::start_in(&server.data_dir, &server.dist_dir, &[FAST]) {
        Err(log) => log,
        Ok(_) => panic!("acknowledged revisions went missing silently"),
    };
    // Named as missing itself, or (if a later segment was started for a
    // snapshot the kill interrupted) as the revisions that later segment
    // does not continue from.
    assert!(error.contains(&org.display().to_string()), "{error}");
    assert!(
        error.contains(&format!("{} is missing", newest.display()))
            || error.contains(&format!("{}..=", base + 1)),
        "{error}"
    );
}

#[tokio::test]
async fn a_full_disk_answers_503_and_heals_without_a_restart() {
    json_store_only!("simulates a full disk under the log files");
    use serde_json::json;

    let (temp, data, dist) = common::temp_dirs();
    let full = temp.path().join("disk-is-full");
    let mut server = Server::start_binary(
        std::path::Path::new(env!("CARGO_BIN_EXE_vela-server")),
        &data,
        &dist,
        &[FAST, "--demo"],
        &[("VELA_TEST_FAIL_WRITES_WHILE", &full)],
    )
    .expect("starts");
    let giulia = server.login("giulia").await;
    let (_, me) = giulia.get_json("/api/me").await;
    let person = me["person"]["id"].clone();
    let commute =
        |km: u32| json!({"area": "directory", "type": "set_commute", "person": person, "km": km});
    let push = |id: uuid::Uuid, km: u32| {
        let body = json!({"commands": [{"id": id, "command": commute(km)}]});
        let giulia = giulia.clone();
        async move { giulia.post_json("/api/sync/push?protocol=4", &body).await }
    };
    let health = || async { server_health(&giulia).await };

    let (status, body) = push(uuid::Uuid::new_v4(), 3).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(health().await.0, 200);

    std::fs::write(&full, b"").unwrap();
    let lost = uuid::Uuid::new_v4();
    let (status, body) = push(lost, 5).await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["error"], "store_unavailable");
    let (status, body) = health().await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["error"], "store_unavailable");
    // While it lasts, new commands are refused and nothing unwritten is shown.
    let (status, body) = push(uuid::Uuid::new_v4(), 6).await;
    assert_eq!(status, 503, "{body}");
    let (status, _) = giulia.get_json("/api/sync/pull?since=0&protocol=4").await;
    assert_eq!(status, 503);

    // Space is freed: the store notices on its own.
    std::fs::remove_file(&full).unwrap();
    let mut healed = false;
    for _ in 0..200 {
        if health().await.0 == 200 {
            healed = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(healed, "health turns 200 again: {}", server.log_text());
    // The command answered 503 was kept and written: its retry is accepted.
    let (status, body) = push(lost, 5).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["results"][0]["status"], "accepted", "{body}");
    let revision = body["results"][0]["revision"].as_u64().unwrap();
    let (status, body) = push(uuid::Uuid::new_v4(), 8).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["results"][0]["revision"], revision + 1);

    // All of it is on disk: it survives SIGKILL.
    server.kill();
    let server = Server::start_in(&data, &dist, &[FAST]).expect("restarts");
    let giulia = server.login("giulia").await;
    let (status, pull) = giulia.get_json("/api/sync/pull?since=0&protocol=4").await;
    assert_eq!(status, 200, "{pull}");
    assert_eq!(pull["revision"], revision + 1);
    assert_eq!(
        pull["snapshot"]["directory"]["people"][person.as_str().unwrap()]["commute_km"],
        8
    );
}

async fn server_health(session: &common::Session) -> (u16, serde_json::Value) {
    session.get_json("/api/health").await
}

/// The durability promise end to end: SIGKILL while many clients push; after
/// the restart every acknowledged command is there, at the revision it was
/// acknowledged with (a retry of its id answers exactly that).
#[tokio::test]
async fn sigkill_during_pushes_loses_no_acknowledged_command() {
    use serde_json::json;
    use std::sync::{Arc, Mutex};

    let mut server = Server::start(&[FAST, "--demo", "--snapshot-every", "50"]);
    let temp = server.keep_dirs().expect("temp dir");
    let acknowledged: Arc<Mutex<Vec<(String, serde_json::Value, u64)>>> = Arc::default();
    let mut writers = Vec::new();
    for username in [
        "giulia", "marco", "luca", "chiara", "davide", "elena", "sara", "admin",
    ] {
        let session = server.login(username).await;
        let (_, me) = session.get_json("/api/me").await;
        let person = me["person"]["id"].clone();
        let acknowledged = acknowledged.clone();
        writers.push(tokio::spawn(async move {
            for km in 0u32.. {
                let id = uuid::Uuid::new_v4().to_string();
                let command =
                    json!({"area": "directory", "type": "set_commute", "person": person, "km": km});
                let body = json!({"commands": [{"id": id, "command": command}]});
                let sent = session
                    .http
                    .post(format!("{}/api/sync/push?protocol=4", session.base))
                    .header(reqwest::header::COOKIE, &session.cookie)
                    .json(&body)
                    .send()
                    .await;
                let Ok(response) = sent else { return };
                let Ok(answer) = response.json::<serde_json::Value>().await else {
                    return;
                };
                if let Some(revision) = answer["results"][0]["revision"].as_u64() {
                    acknowledged
                        .lock()
                        .unwrap()
                        .push((username.to_string(), body, revision));
                }
            }
        }));
    }
    tokio::time::sleep(std::time::Duration::from_millis(700)).await;
    server.kill();
    for writer in writers {
        let _ = writer.await;
    }
    let acknowledged = std::mem::take(&mut *acknowledged.lock().unwrap());
    assert!(
        acknowledged.len() > 20,
        "the clients were writing: {}",
        acknowledged.len()
    );

    let server = Server::start_in(&server.data_dir, &server.dist_dir, &[FAST, "--demo"])
        .expect("restarts after SIGKILL");
    let newest = acknowledged.iter().map(|(_, _, r)| *r).max().unwrap();
    let mut sessions = std::collections::HashMap::new();
    for (username, body, revision) in &acknowledged {
        if !sessions.contains_key(username) {
            sessions.insert(username.clone(), server.login(username).await);
        }
        let (status, answer) = sessions[username]
            .post_json("/api/sync/push?protocol=4", body)
            .await;
        assert_eq!(status, 200, "{answer}");
        assert_eq!(
            answer["results"][0]["revision"].as_u64(),
            Some(*revision),
            "acknowledged command survived at its revision: {answer}"
        );
    }
    let (_, pull) = sessions["admin"]
        .get_json("/api/sync/pull?since=0&protocol=4")
        .await;
    assert!(pull["revision"].as_u64().unwrap() >= newest);
    drop(temp);
}
