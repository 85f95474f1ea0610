//! The `vela-server` command line, run as the real binary: a production
//! start is empty and `--demo` seeds the demo; `admin create |
//! reset-password`; `backup` while pushes keep coming, `restore`, `check`;
//! and bad input — each a one-line error, a non-zero exit, nothing changed.
//! The commands are the ones docs/operations.md shows.

mod common;

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{store_kind, temp_dirs, vela, Run, Server, Session, StoreKind};
use serde_json::{json, Value};
use uuid::Uuid;

const FAST: &str = "--insecure-fast-hashing";
const PASSWORD: &str = "una-password-lunga";

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// A failure: non-zero, one line on stderr that mentions `needle`.
#[track_caller]
fn assert_fails(run: &Run, needle: &str) {
    assert_ne!(run.code, 0, "should fail: {}", run.stdout);
    let lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(lines.len(), 1, "one line on stderr: {:?}", run.stderr);
    assert!(
        lines[0].contains(needle),
        "{:?} should mention {needle:?}",
        lines[0]
    );
}

/// Every file under `dir` with its bytes, to show nothing changed.
fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.map_while(Result::ok) {
            let p = entry.path();
            if p.is_dir() {
                all.extend(contents(&p));
            } else {
                all.push((
                    p.display().to_string(),
                    std::fs::read(&p).unwrap_or_default(),
                ));
            }
        }
    }
    all.sort();
    all
}

async fn config(server: &Server) -> Value {
    common::client()
        .get(server.url("/api/config"))
        .send()
        .await
        .expect("GET /api/config")
        .json()
        .await
        .expect("JSON")
}

#[tokio::test]
async fn a_production_start_is_empty_and_the_demo_comes_only_on_request() {
    let (_temp, data, dist) = temp_dirs();
    let mut server = Server::start_plain(&data, &dist, &[FAST]).expect("starts");
    assert_eq!(
        config(&server).await,
        json!({"demo": false, "sso": false, "local_passwords": true})
    );
    assert_eq!(
        server.login_with("giulia", "vela-demo").await.err(),
        Some(401)
    );
    assert_eq!(
        server.login_with("admin", "vela-demo").await.err(),
        Some(401)
    );
    assert!(server.terminate().success());
    if store_kind() == StoreKind::Json {
        // `check` reads the data dir's organisations.
        let summary = vela(&["check", "--data-dir", path(&data)], "");
        assert_eq!(summary.code, 0, "{}", summary.stderr);
        assert!(
            summary.stdout.contains("0 organisation(s)"),
            "{}",
            summary.stdout
        );
    }

    let mut demo = Server::start_plain(&data, &dist, &[FAST, "--demo"]).expect("starts");
    assert_eq!(
        config(&demo).await,
        json!({"demo": true, "sso": false, "local_passwords": true})
    );
    for user in [
        "giulia",
        "marco",
        "sara",
        "admin",
        "irene",
        "walter",
        "admin.rovereto",
    ] {
        assert!(demo.login_with(user, "vela-demo").await.is_ok(), "{user}");
    }
    // The demo's administrator is also the partnership's.
    let (_, me) = demo.login("admin").await.get_json("/api/me").await;
    assert!(me["person"]["roles"]
        .as_array()
        .expect("roles")
        .contains(&json!("partnership_admin")));
    assert!(demo.terminate().success());
}

#[tokio::test]
async fn the_first_administrator_is_created_from_the_command_line() {
    json_store_only!(
        "`admin create` on the data dir; its --database-url form is in credentials_in_database.rs"
    );
    let (_temp, data, dist) = temp_dirs();
    let d = path(&data);
    let create = |username: &str, password: &str| {
        vela(
            &[
                "admin",
                "create",
                "--data-dir",
                d,
                "--username",
                username,
                "--name",
                "Paola Moser",
                "--organisation",
                "Comune di Pergine Valsugana",
                "--password-stdin",
            ],
            &format!("{password}\n"),
        )
    };
    // A weak password is refused before anything is written.
    assert_fails(&create("paola", "corta"), "too short");
    assert!(!data.join("accounts.json").exists());

    let made = create("paola", PASSWORD);
    assert_eq!(made.code, 0, "{}", made.stderr);
    assert!(
        made.stdout.contains("Comune di Pergine Valsugana"),
        "{}",
        made.stdout
    );
    // A second administrator joins the same organisation.
    let second = create("luca.admin", PASSWORD);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        second.stdout.contains("administrator luca.admin of"),
        "{}",
        second.stdout
    );
    assert_fails(&create("Paola", PASSWORD), "taken");
    // The audit trail describes both revisions, although the command line
    // compacted them into a snapshot: the server has nothing to catch up.
    let trail: Vec<Value> = contents(&data)
        .iter()
        .filter(|(path, _)| path.ends_with("audit.jsonl"))
        .flat_map(|(_, bytes)| {
            String::from_utf8_lossy(bytes)
                .lines()
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .map(|line| serde_json::from_str(&line).expect("a JSON line"))
        .collect();
    assert_eq!(
        trail
            .iter()
            .map(|l| l["revision"].as_u64())
            .collect::<Vec<_>>(),
        vec![Some(1), Some(2)],
        "{trail:?}"
    );
    assert!(
        trail.iter().all(|l| l.get("missing_from").is_none()),
        "{trail:?}"
    );

    let mut server = Server::start_plain(&data, &dist, &[FAST]).expect("starts");
    // The data directory is in use now: admin commands refuse it.
    let before = contents(&data);
    assert_fails(&create("terzo", PASSWORD), "in use");
    assert_fails(
        &vela(
            &[
                "admin",
                "reset-password",
                "--data-dir",
                d,
                "--username",
                "paola",
                "--password-stdin",
            ],
            "un-altra-password\n",
        ),
        "in use",
    );
    assert_eq!(contents(&data).len(), before.len());

    let paola = server
        .login_with("paola", PASSWORD)
        .await
        .expect("signs in");
    let (_, me) = paola.get_json("/api/me").await;
    assert_eq!(me["organisation"]["name"], "Comune di Pergine Valsugana");
    assert_eq!(me["person"]["roles"], json!(["admin"]));
    // An empty organisation: only its two administrators, no teams.
    let pulled = snapshot(&paola).await;
    let directory = &pulled["snapshot"]["directory"];
    assert_eq!(directory["teams"], json!({}), "{directory}");
    assert_eq!(directory["people"].as_object().map(|p| p.len()), Some(2));
    assert!(server.terminate().success());

    let reset = vela(
        &[
            "admin",
            "reset-password",
            "--data-dir",
            d,
            "--username",
            "PAOLA",
            "--password-stdin",
        ],
        "un-altra-password\n",
    );
    assert_eq!(reset.code, 0, "{}", reset.stderr);
    assert_fails(
        &vela(
            &[
                "admin",
                "reset-password",
                "--data-dir",
                d,
                "--username",
                "nessuno",
                "--password-stdin",
            ],
            "un-altra-password\n",
        ),
        "no account nessuno",
    );
    let again = Server::start_plain(&data, &dist, &[FAST]).expect("starts");
    assert_eq!(again.login_with("paola", PASSWORD).await.err(), Some(401));
    assert!(again.login_with("paola", "un-altra-password").await.is_ok());
}

/// One acknowledged push: who, what, and the answer.
struct Acked {
    person: usize,
    id: Uuid,
    command: Value,
    revision: u64,
    at: Instant,
}

async fn push(session: &Session, commands: &[(Uuid, Value)]) -> Vec<u64> {
    let body = json!({"commands": commands
        .iter()
        .map(|(id, command)| json!({"id": id, "command": command}))
        .collect::<Vec<_>>()});
    let (status, answer) = session.post_json("/api/sync/push?protocol=4", &body).await;
    assert_eq!(status, 200, "{answer}");
    answer["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            assert_eq!(r["status"], "accepted", "{r}");
            r["revision"].as_u64().expect("revision")
        })
        .collect()
}

/// A snapshot pull, with the sync protocol's version where the server asks
/// for it (and without where it does not know the parameter yet).
async fn snapshot(session: &Session) -> Value {
    let (status, body) = session.get_json("/api/sync/pull?since=0&protocol=4").await;
    let (status, body) = if status == 400 {
        session.get_json("/api/sync/pull?since=0").await
    } else {
        (status, body)
    };
    assert_eq!(status, 200, "{body}");
    body
}

async fn person_id(session: &Session) -> String {
    let (_, me) = session.get_json("/api/me").await;
    me["person"]["id"].as_str().expect("id").to_string()
}

#[tokio::test]
async fn a_backup_taken_under_load_restores_every_acknowledged_command() {
    json_store_only!("backs up and restores the data dir");
    // Snapshots every 40 revisions: the log is compacted under the backup.
    let server = Server::start(&[FAST, "--snapshot-every", "40"]);
    let people = ["giulia", "marco", "sara", "irene"];
    let mut sessions = Vec::new();
    for user in people {
        let session = server.login(user).await;
        let id = person_id(&session).await;
        sessions.push((session, id));
    }
    let acked = Arc::new(Mutex::new(Vec::<Acked>::new()));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut load = Vec::new();
    for (index, (session, me)) in sessions.into_iter().enumerate() {
        let acked = acked.clone();
        let stop = stop.clone();
        load.push(tokio::spawn(async move {
            let mut km = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                km = (km + 1) % 500;
                let command =
                    json!({"area": "directory", "type": "set_commute", "person": me, "km": km});
                let id = Uuid::new_v4();
                let revision = push(&session, &[(id, command.clone())]).await[0];
                acked.lock().expect("lock").push(Acked {
                    person: index,
                    id,
                    command,
                    revision,
                    at: Instant::now(),
                });
            }
        }));
    }
    // Let the load build up, then back up while it goes on.
    while acked.lock().expect("lock").len() < 100 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let temp = tempfile::tempdir().expect("temp");
    let archive = temp.path().join("vela-backup.tar.gz");
    let started = Instant::now();
    let (data, out) = (server.data_dir.clone(), archive.clone());
    let backup = tokio::task::spawn_blocking(move || {
        vela(
            &["backup", "--data-dir", path(&data), "--output", path(&out)],
            "",
        )
    })
    .await
    .expect("backup ran");
    // A little more load after it, then stop.
    let after = acked.lock().expect("lock").len() + 20;
    while acked.lock().expect("lock").len() < after {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for task in load {
        task.await.expect("load task");
    }
    assert_eq!(backup.code, 0, "{}", backup.stderr);
    assert!(backup.stdout.contains("written to"), "{}", backup.stdout);
    drop(server);

    let restored = temp.path().join("restored");
    let run = vela(
        &[
            "restore",
            "--input",
            path(&archive),
            "--data-dir",
            path(&restored),
        ],
        "",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let checked = vela(&["check", "--data-dir", path(&restored)], "");
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    assert!(
        checked.stdout.contains("Provincia autonoma di Trento"),
        "{}",
        checked.stdout
    );

    let (_dirs, _, dist) = temp_dirs();
    let again = Server::start_plain(&restored, &dist, &[FAST]).expect("restored dir starts");
    let all = std::mem::take(&mut *acked.lock().expect("lock"));
    let before: Vec<&Acked> = all.iter().filter(|a| a.at < started).collect();
    assert!(before.len() >= 100, "{} before the backup", before.len());
    assert!(all.len() > before.len(), "pushes went on during the backup");
    // Each is there: sent again, its id answers with its original revision
    // (a command missing from the backup would be applied anew instead).
    for (index, user) in people.iter().enumerate() {
        let session = again.login(user).await;
        let mine: Vec<&&Acked> = before.iter().filter(|a| a.person == index).collect();
        for chunk in mine.chunks(100) {
            let commands: Vec<(Uuid, Value)> =
                chunk.iter().map(|a| (a.id, a.command.clone())).collect();
            let revisions = push(&session, &commands).await;
            let expected: Vec<u64> = chunk.iter().map(|a| a.revision).collect();
            assert_eq!(revisions, expected, "{user}");
        }
    }
}

#[tokio::test]
async fn restore_and_check_refuse_bad_input_and_change_nothing() {
    json_store_only!("backup, restore and check read the data dir");
    let mut server = Server::start(&[FAST]);
    let data = server.data_dir.clone();
    let temp = tempfile::tempdir().expect("temp");
    let archive = temp.path().join("backup.tar.gz");
    let made = vela(
        &[
            "backup",
            "--data-dir",
            path(&data),
            "--output",
            path(&archive),
        ],
        "",
    );
    assert_eq!(made.code, 0, "{}", made.stderr);
    // An existing output is not overwritten.
    let bytes = std::fs::read(&archive).expect("archive");
    assert_fails(
        &vela(
            &[
                "backup",
                "--data-dir",
                path(&data),
                "--output",
                path(&archive),
            ],
            "",
        ),
        "exists",
    );
    assert_eq!(std::fs::read(&archive).expect("archive"), bytes);

    // Into the running server's directory: refused, whatever is in it.
    let before = contents(&data);
    assert_fails(
        &vela(
            &[
                "restore",
                "--input",
                path(&archive),
                "--data-dir",
                path(&data),
            ],
            "",
        ),
        "in use",
    );
    assert_eq!(contents(&data), before);
    assert!(server.terminate().success());
    let before_stopped = contents(&data);
    // Into a directory that is not empty: refused.
    assert_fails(
        &vela(
            &[
                "restore",
                "--input",
                path(&archive),
                "--data-dir",
                path(&data),
            ],
            "",
        ),
        "not empty",
    );
    assert_eq!(contents(&data), before_stopped);

    // Corrupt archives: random bytes, a cut-off archive, a tar without data.
    let target = temp.path().join("target");
    let junk = temp.path().join("junk.tar.gz");
    std::fs::write(&junk, b"this is not an archive at all").expect("junk");
    assert_fails(
        &vela(
            &[
                "restore",
                "--input",
                path(&junk),
                "--data-dir",
                path(&target),
            ],
            "",
        ),
        "not a usable Vela backup",
    );
    let cut = temp.path().join("cut.tar.gz");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("cut");
    assert_fails(
        &vela(
            &[
                "restore",
                "--input",
                path(&cut),
                "--data-dir",
                path(&target),
            ],
            "",
        ),
        "not a usable Vela backup",
    );
    assert_fails(
        &vela(
            &[
                "restore",
                "--input",
                path(&temp.path().join("missing.tar.gz")),
                "--data-dir",
                path(&target),
            ],
            "",
        ),
        "cannot read the archive",
    );
    assert!(!target.exists(), "nothing restored");

    // Wrong or missing flags.
    assert_fails(
        &vela(&["restore", "--input", path(&archive)], ""),
        "--data-dir",
    );
    assert_fails(
        &vela(&["backup", "--data-dir", path(&data)], ""),
        "--output",
    );
    assert_fails(&vela(&["check"], ""), "--data-dir");
    assert_fails(
        &vela(&["admin", "create", "--data-dir", path(&target)], ""),
        "--username",
    );
    assert_fails(&vela(&["frobnicate"], ""), "frobnicate");
    assert_fails(
        &vela(
            &[
                "admin",
                "create",
                "--data-dir",
                path(&target),
                "--username",
                "u",
                "--name",
                "N",
                "--organisation",
                "O",
            ],
            "",
        ),
        "--password-stdin",
    );
    assert!(!target.exists());

    // Unreadable or wrong data directories.
    let file = temp.path().join("a-file");
    std::fs::write(&file, b"x").expect("file");
    assert_fails(
        &vela(&["check", "--data-dir", path(&file)], ""),
        "not a directory",
    );
    assert_fails(
        &vela(
            &["check", "--data-dir", path(&temp.path().join("nowhere"))],
            "",
        ),
        "cannot read the data directory",
    );
    assert_fails(
        &vela(&["check", "--data-dir", path(temp.path())], ""),
        "not a Vela data directory",
    );

    // A corrupt line in the middle of a log: named with its file and line,
    // and the directory is left exactly as it was.
    let org = std::fs::read_dir(data.join("orgs"))
        .expect("orgs")
        .map_while(Result::ok)
        .next()
        .expect("an organisation")
        .path();
    let segment = std::fs::read_dir(&org)
        .expect("org dir")
        .map_while(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("log-"))
        })
        .max()
        .expect("a segment");
    let mut log = std::fs::read(&segment).expect("segment");
    log.extend_from_slice(b"{\"revision\": \"garbage\"}\n{\"also\": \"garbage\"}\n");
    std::fs::write(&segment, &log).expect("corrupt it");
    let broken = contents(&data);
    let run = vela(&["check", "--data-dir", path(&data)], "");
    let name = segment.file_name().and_then(|n| n.to_str()).expect("name");
    assert_fails(&run, name);
    assert!(run.stderr.contains("line"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("vela-check-"),
        "names the real file: {}",
        run.stderr
    );
    assert_eq!(contents(&data), broken, "check writes nothing");
    assert_fails(
        &vela(
            &[
                "backup",
                "--data-dir",
                path(&data),
                "--output",
                path(&temp.path().join("b2.tar.gz")),
            ],
            "",
        ),
        name,
    );
    assert!(!temp.path().join("b2.tar.gz").exists());
}

#[tokio::test]
async fn the_partnership_administrator_adds_a_member_organisation() {
    let server = Server::start(&[FAST]);
    let admin = server.login("admin").await;
    let member = |username: &str, password: &str| {
        json!({
            "name": "Comune di Pergine Valsugana",
            "administrator": {"name": "Paola Moser", "username": username, "password": password}
        })
    };
    let (status, body) = admin
        .post_json("/api/partnership/organisations", &member("paola", "corta"))
        .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (422, Some("invalid_body")),
        "{body}"
    );
    let (status, body) = admin
        .post_json(
            "/api/partnership/organisations",
            &member("giulia", PASSWORD),
        )
        .await;
    assert_eq!(status, 422, "a taken username: {body}");
    // An organisation's administrator is not the partnership's.
    let rovereto = server.login("admin.rovereto").await;
    let (status, body) = rovereto
        .post_json("/api/partnership/organisations", &member("paola", PASSWORD))
        .await;
    assert_eq!(status, 403, "{body}");

    let (status, added) = admin
        .post_json("/api/partnership/organisations", &member("Paola", PASSWORD))
        .await;
    assert_eq!(status, 200, "{added}");
    assert_eq!(added["username"], "paola");
    let paola = server
        .login_with("paola", PASSWORD)
        .await
        .expect("signs in");
    let (_, me) = paola.get_json("/api/me").await;
    assert_eq!(me["organisation"]["name"], "Comune di Pergine Valsugana");
    assert_eq!(me["person"]["roles"], json!(["admin"]));
    // Everyone sees the new member in the list of organisations; its
    // people stay its own.
    let pulled = snapshot(&rovereto).await;
    let directory = &pulled["snapshot"]["directory"];
    let names: Vec<&str> = directory["organisations"]
        .as_object()
        .expect("organisations")
        .values()
        .filter_map(|o| o["name"].as_str())
        .collect();
    assert!(names.contains(&"Comune di Pergine Valsugana"), "{names:?}");
    let paola_id = added["administrator"].as_str().expect("id");
    assert!(directory["people"].get(paola_id).is_none());
    // The partnership administrator may give her a new password; the
    // other organisation's administrator may not.
    let path = format!("/api/people/{paola_id}/password");
    let (status, _) = rovereto
        .put_json(&path, &json!({"password": "ancora-un-altra"}))
        .await;
    assert_eq!(status, 404);
    let (status, _) = admin
        .put_json(&path, &json!({"password": "ancora-un-altra"}))
        .await;
    assert_eq!(status, 200);
    assert!(server.login_with("paola", "ancora-un-altra").await.is_ok());
}

/// Splits a shell line into words: spaces separate, double quotes and
/// command substitutions group.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    // `$(…)` is one word too.
    let mut nested = 0;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            '(' | ')' => {
                nested += if c == '(' { 1 } else { -1 };
                word.push(c);
                any = true;
            }
            ' ' if !quoted && nested == 0 => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            _ => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(word);
    }
    out
}

#[tokio::test]
async fn the_operations_guide_commands_run_as_written() {
    json_store_only!("the guide's data dir commands: admin, backup, check, restore");
    let guide = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/operations.md"
    ))
    .expect("docs/operations.md");
    // Every `vela-server` line of its shell blocks, in order.
    let mut commands = Vec::new();
    let mut in_shell = false;
    for line in guide.lines() {
        if line.starts_with("```") {
            in_shell = line == "```sh";
            continue;
        }
        let line = line.trim().trim_start_matches("sudo ");
        if in_shell && line.starts_with("vela-server ") {
            commands.push(line.to_string());
        }
    }
    let kinds: Vec<String> = commands.iter().map(|c| words(c)[1].clone()).collect();
    for needed in ["admin", "backup", "check", "restore"] {
        assert!(
            kinds.iter().any(|k| k == needed),
            "the guide shows {needed}: {kinds:?}"
        );
    }
    let temp = tempfile::tempdir().expect("temp");
    let root = path(temp.path()).to_string();
    std::fs::create_dir_all(temp.path().join("backups")).expect("backups");
    let archive = format!("{root}/backups/vela.tar.gz");
    for command in &commands {
        let args: Vec<String> = words(command)[1..]
            .iter()
            .map(|w| {
                if w.starts_with("/var/backups/vela/") {
                    archive.clone()
                } else {
                    w.replace("/var/lib/vela-restored", &format!("{root}/restored"))
                        .replace("/var/lib/vela", &format!("{root}/data"))
                }
            })
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = vela(&args, &format!("{PASSWORD}\n"));
        assert_eq!(run.code, 0, "`{command}` failed: {}", run.stderr);
    }
    // What they made serves: the administrator signs in to the restored copy.
    let (_dirs, _, dist) = temp_dirs();
    let server = Server::start_plain(&temp.path().join("restored"), &dist, &[FAST])
        .expect("restored starts");
    let paola = server
        .login_with("paola.moser", PASSWORD)
        .await
        .expect("signs in");
    let (_, me) = paola.get_json("/api/me").await;
    assert_eq!(me["organisation"]["name"], "Comune di Pergine Valsugana");
}

#[tokio::test]
async fn the_systemd_unit_starts_the_server_as_written() {
    let unit = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../deploy/vela.service"
    ))
    .expect("deploy/vela.service");
    let exec = unit
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .expect("an ExecStart line");
    let argv = words(exec);
    assert!(argv[0].ends_with("/vela-server"), "{exec}");
    for needed in [
        "--secure-cookies",
        "--trusted-proxies",
        "--data-dir",
        "--dist",
    ] {
        assert!(argv.iter().any(|a| a == needed), "the unit passes {needed}");
    }
    let (temp, data, dist) = temp_dirs();
    // Its flags as written; the harness gives the address, data and app
    // directories (temporary ones, a free port) in place of the unit's.
    let mut args = Vec::new();
    let mut rest = argv[1..].iter();
    while let Some(arg) = rest.next() {
        let expected = match arg.as_str() {
            "--addr" => Some("127.0.0.1:8080"),
            "--data-dir" => Some("/var/lib/vela"),
            "--dist" => Some("/usr/local/share/vela/dist"),
            _ => None,
        };
        match expected {
            Some(value) => assert_eq!(rest.next().map(String::as_str), Some(value), "{arg}"),
            None => args.push(arg.clone()),
        }
    }
    args.push(FAST.to_string());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let server = Server::start_plain(&data, &dist, &args).expect("starts with the unit's flags");
    let health = common::client()
        .get(server.url("/api/health"))
        .send()
        .await
        .expect("health");
    assert_eq!(health.status(), 200);
    // A production start: empty, not a demo.
    assert_eq!(
        config(&server).await,
        json!({"demo": false, "sso": false, "local_passwords": true})
    );
    drop(server);
    drop(temp);
}
