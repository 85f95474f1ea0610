//! Start-up after a crash, with the real binary: a torn last log line is cut
//! off and logged; corruption anywhere else stops the server with a message
//! that names the file and the line.

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
                    .post(format!("{}/api/sync/push", session.base))
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
        let (status, answer) = sessions[username].post_json("/api/sync/push", body).await;
        assert_eq!(status, 200, "{answer}");
        assert_eq!(
            answer["results"][0]["revision"].as_u64(),
            Some(*revision),
            "acknowledged command survived at its revision: {answer}"
        );
    }
    let (_, pull) = sessions["admin"].get_json("/api/sync/pull?since=0").await;
    assert!(pull["revision"].as_u64().unwrap() >= newest);
    drop(temp);
}
