//! Two `vela-server` processes on one PostgreSQL database: what one replica
//! accepts reaches the other's live events and pulls, and either accepts
//! pushes for the same organisation; accounts, sessions, login limits,
//! calendar feeds and the audit are shared, so anyone may be served by
//! either.

mod common;

use std::time::Duration;

use common::postgres::TestDatabase;
use common::{Server, Session};
use serde_json::{json, Value};
use sha2::Digest;
use uuid::Uuid;

/// Generous for a loaded machine; the test waits for the event itself.
const PATIENCE: Duration = Duration::from_secs(30);

fn replica(db: &TestDatabase) -> Server {
    replica_with(db, &[])
}

fn replica_with(db: &TestDatabase, extra: &[&str]) -> Server {
    let url = db.url();
    let flags = [
        &["--insecure-fast-hashing", "--demo", "--database-url", &url],
        extra,
    ]
    .concat();
    Server::start(&flags)
}

/// The first (text) column of every row `sql` answers, one per line.
async fn column(db: &TestDatabase, sql: &str) -> String {
    let (client, connection) = tokio_postgres::connect(&db.url(), tokio_postgres::NoTls)
        .await
        .expect("connect");
    tokio::spawn(connection);
    let rows = client.query(sql, &[]).await.expect("query");
    rows.iter()
        .map(|row| format!("{}\n", row.get::<_, String>(0)))
        .collect()
}

/// `session`'s cookie, sent to another replica.
fn on(server: &Server, session: &Session) -> Session {
    Session {
        base: server.base.clone(),
        ..session.clone()
    }
}

async fn person_id(session: &Session) -> String {
    let (status, me) = session.get_json("/api/me").await;
    assert_eq!(status, 200, "{me}");
    me["person"]["id"].as_str().expect("person id").to_string()
}

async fn push_commute(session: &Session, person: &str, km: u32) -> u64 {
    let command = json!({"area": "directory", "type": "set_commute", "person": person, "km": km});
    let (status, body) = session
        .post_json(
            "/api/sync/push?protocol=4",
            &json!({"commands": [{"id": Uuid::new_v4(), "command": command}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["results"][0]["status"], "accepted", "{body}");
    body["results"][0]["revision"].as_u64().expect("revision")
}

/// The next `revision` event of an event stream.
async fn next_revision(response: &mut reqwest::Response, buffer: &mut String) -> u64 {
    loop {
        if let Some(end) = buffer.find("\n\n") {
            let frame: String = buffer.drain(..end + 2).collect();
            if frame.lines().any(|l| l == "event: revision") {
                let id = frame
                    .lines()
                    .find_map(|l| l.strip_prefix("id: "))
                    .expect("id line");
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

#[tokio::test]
async fn giulia_pushes_through_one_replica_and_marco_on_the_other_sees_it() {
    let db = TestDatabase::create();
    // The second replica finds the demo already seeded by the first.
    let a = replica(&db);
    let b = replica(&db);
    let giulia = a.login("giulia").await;
    let marco = b.login("marco").await;
    let me = person_id(&giulia).await;

    let mut stream = marco
        .http
        .get(format!("{}/api/sync/events?protocol=4", marco.base))
        .header(reqwest::header::COOKIE, &marco.cookie)
        .send()
        .await
        .expect("events");
    assert_eq!(stream.status(), 200);
    let mut buffer = String::new();

    let revision = push_commute(&giulia, &me, 17).await;
    let announced = tokio::time::timeout(PATIENCE, async {
        loop {
            let seen = next_revision(&mut stream, &mut buffer).await;
            if seen >= revision {
                return seen;
            }
        }
    })
    .await
    .expect("replica B announces replica A's revision");
    assert_eq!(announced, revision);

    // B serves the change in its pulls, and takes the next push itself:
    // one revision after A's, never the same number.
    let (status, body) = marco
        .get_json(&format!("/api/sync/pull?since={}&protocol=4", revision - 1))
        .await;
    assert_eq!(status, 200, "{body}");
    let changes: &Vec<Value> = body["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 1, "{body}");
    assert_eq!(changes[0]["revision"], revision);
    let giulia_on_b = b.login("giulia").await;
    assert_eq!(push_commute(&giulia_on_b, &me, 18).await, revision + 1);
    // ...which reaches A in turn.
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        let (status, body) = giulia
            .get_json(&format!("/api/sync/pull?since={revision}&protocol=4"))
            .await;
        assert_eq!(status, 200, "{body}");
        if body["revision"] == revision + 1 {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "A never saw B's revision: {body}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// One push that may fail (its server may be killed meanwhile): the
/// revision if it was acknowledged.
async fn try_push(session: &Session, id: Uuid, command: &Value) -> Option<u64> {
    let response = session
        .http
        .post(format!("{}/api/sync/push?protocol=4", session.base))
        .header(reqwest::header::COOKIE, &session.cookie)
        .json(&json!({"commands": [{"id": id, "command": command}]}))
        .send()
        .await
        .ok()?;
    let body: Value = response.json().await.ok()?;
    (body["results"][0]["status"] == "accepted")
        .then(|| body["results"][0]["revision"].as_u64())
        .flatten()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_replica_killed_under_load_loses_no_acknowledged_push() {
    let db = TestDatabase::create();
    let mut a = replica(&db);
    let b = replica(&db);
    let giulia_a = a.login("giulia").await;
    let giulia_b = b.login("giulia").await;
    let me = person_id(&giulia_a).await;

    // Four clients push through A until it dies.
    let acknowledged = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let mut clients = Vec::new();
    for client in 0..4u32 {
        let session = giulia_a.clone();
        let acknowledged = acknowledged.clone();
        let me = me.clone();
        clients.push(tokio::spawn(async move {
            for n in 0..10_000u32 {
                let id = Uuid::new_v4();
                let command = json!({"area": "directory", "type": "set_commute",
                    "person": me, "km": client * 10_000 + n});
                match try_push(&session, id, &command).await {
                    Some(revision) => acknowledged
                        .lock()
                        .expect("lock")
                        .push((id, command, revision)),
                    None => return,
                }
            }
        }));
    }
    let deadline = tokio::time::Instant::now() + PATIENCE;
    while acknowledged.lock().expect("lock").len() < 100 {
        assert!(tokio::time::Instant::now() < deadline, "pushes too slow");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    a.kill();
    for client in clients {
        client.await.expect("client task");
    }
    let acknowledged = acknowledged.lock().expect("lock").clone();
    let newest = acknowledged.iter().map(|(_, _, r)| *r).max().expect("some");

    // B has every one of them: a retry of each is answered with its
    // revision, not applied again.
    let (status, pulled) = giulia_b.get_json("/api/sync/pull?since=0&protocol=4").await;
    assert_eq!(status, 200, "{pulled}");
    assert!(pulled["revision"].as_u64().expect("revision") >= newest);
    let before = pulled["revision"].as_u64().expect("revision");
    for (id, command, revision) in &acknowledged {
        assert_eq!(
            try_push(&giulia_b, *id, command).await,
            Some(*revision),
            "acknowledged by A as revision {revision}"
        );
    }
    // And B keeps serving (after whatever A committed but could not
    // acknowledge before it died, which B may learn of only now).
    assert!(push_commute(&giulia_b, &me, 3).await > before);
}

#[tokio::test]
async fn a_session_started_on_one_replica_holds_on_the_other_and_ends_on_both() {
    let db = TestDatabase::create();
    let a = replica(&db);
    let b = replica(&db);
    let giulia_a = a.login("giulia").await;
    let giulia_b = on(&b, &giulia_a);

    let (status, me) = giulia_b.get_json("/api/me").await;
    assert_eq!(status, 200, "A's cookie is a session on B: {me}");
    assert_eq!(me["person"]["username"], "giulia", "{me}");
    let (status, body) = giulia_b.get_json("/api/sync/pull?since=0&protocol=4").await;
    assert_eq!(status, 200, "{body}");

    // The database holds the token's hash, never the token.
    let token = giulia_a
        .cookie
        .strip_prefix("vela_session=")
        .expect("cookie pair");
    let stored = column(&db, "SELECT encode(token_sha256, 'hex') FROM vela_sessions").await;
    assert!(!stored.contains(token), "{stored}");
    let hashed: String = sha2::Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert!(stored.contains(&hashed), "{stored}");

    let (status, body) = giulia_b.post_json("/api/auth/logout", &json!({})).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = giulia_a.get_json("/api/me").await;
    assert_eq!(
        status, 401,
        "signed out through B ends the session on A: {body}"
    );
}

#[tokio::test]
async fn a_session_in_the_database_ends_when_idle_on_every_replica() {
    let db = TestDatabase::create();
    let a = replica_with(&db, &["--session-ttl-secs", "2"]);
    let b = replica_with(&db, &["--session-ttl-secs", "2"]);
    let giulia_a = a.login("giulia").await;
    let giulia_b = on(&b, &giulia_a);
    // Used through B now and then, it stays alive past its idle time…
    for _ in 0..6 {
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(giulia_b.get_json("/api/me").await.0, 200);
    }
    // …and left alone, it ends for A too.
    tokio::time::sleep(Duration::from_millis(2200)).await;
    assert_eq!(giulia_a.get_json("/api/me").await.0, 401);
}

#[tokio::test]
async fn a_password_set_through_one_replica_signs_in_through_the_other() {
    let db = TestDatabase::create();
    let a = replica(&db);
    let b = replica(&db);
    let admin = a.login("admin").await;
    let giulia_b = b.login("giulia").await;
    let giulia_id = person_id(&giulia_b).await;

    let (status, body) = admin
        .put_json(
            &format!("/api/people/{giulia_id}/password"),
            &json!({"password": "una password nuova"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = giulia_b.get_json("/api/me").await;
    assert_eq!(
        status, 401,
        "a new password set on A ends the sessions on B"
    );
    assert_eq!(b.login_with("giulia", "vela-demo").await.err(), Some(401));
    let giulia = b
        .login_with("giulia", "una password nuova")
        .await
        .expect("the new password signs in through B");
    assert_eq!(person_id(&giulia).await, giulia_id);
}

/// A feed URL's status and body, fetched without a cookie.
async fn fetch_feed(server: &Server, path: &str) -> (u16, String) {
    let response = common::client()
        .get(server.url(path))
        .send()
        .await
        .expect("GET feed");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

#[tokio::test]
async fn a_feed_made_on_one_replica_serves_on_the_other_until_revoked_there() {
    let db = TestDatabase::create();
    let a = replica(&db);
    let b = replica(&db);
    let giulia_a = a.login("giulia").await;

    let (status, created) = giulia_a.post_json("/api/calendar/feed", &json!({})).await;
    assert_eq!(status, 200, "{created}");
    let path = created["url"].as_str().expect("url").to_string();
    let (status, body) = fetch_feed(&b, &path).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.starts_with("BEGIN:VCALENDAR"), "{body}");
    let (status, body) = on(&b, &giulia_a).get_json("/api/calendar/feed").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["active"], true, "{body}");
    let token = path
        .trim_start_matches("/api/feeds/")
        .trim_end_matches(".ics");
    let stored = column(&db, "SELECT token_sha256 FROM vela_feeds").await;
    assert_eq!(stored.len(), 64 + 1, "one hash: {stored}");
    assert!(!stored.contains(token), "{stored}");

    let response = common::client()
        .delete(b.url("/api/calendar/feed"))
        .header(reqwest::header::COOKIE, &giulia_a.cookie)
        .json(&json!({}))
        .send()
        .await
        .expect("DELETE");
    assert_eq!(response.status().as_u16(), 200);
    let (status, _) = fetch_feed(&a, &path).await;
    assert_eq!(status, 404, "revoked through B, gone on A");
}

#[tokio::test]
async fn failed_sign_ins_through_both_replicas_add_up_to_one_limit() {
    let db = TestDatabase::create();
    let a = replica_with(&db, &["--login-attempts-per-minute", "4"]);
    let b = replica_with(&db, &["--login-attempts-per-minute", "4"]);
    for server in [&a, &b, &a, &b] {
        assert_eq!(
            server.login_with("giulia", "sbagliata").await.err(),
            Some(401)
        );
    }
    // The fifth guess is refused through either replica, even the right
    // password, as one server refuses it.
    assert_eq!(b.login_with("giulia", "sbagliata").await.err(), Some(429));
    assert_eq!(a.login_with("giulia", "vela-demo").await.err(), Some(429));
    // Another account from the same address is not held.
    a.login("marco").await;

    // A parallel burst through both replicas gets no more guesses checked
    // than the limit: each is reserved before its password is checked.
    let burst = (0..16).map(|n| {
        let server = if n % 2 == 0 { &a } else { &b };
        server.login_with("marco", "sbagliata")
    });
    let answers: Vec<Option<u16>> = futures_util::future::join_all(burst)
        .await
        .into_iter()
        .map(|r| r.err())
        .collect();
    let checked = answers.iter().filter(|a| **a == Some(401)).count();
    let refused = answers.iter().filter(|a| **a == Some(429)).count();
    assert_eq!((checked, refused), (4, 12), "{answers:?}");
}

#[tokio::test]
async fn a_replica_keeps_no_credentials_in_its_data_directory() {
    let db = TestDatabase::create();
    let mut a = replica(&db);
    assert_eq!(a.login_with("giulia", "sbagliata").await.err(), Some(401));
    let giulia = a.login("giulia").await;
    let me = person_id(&giulia).await;
    push_commute(&giulia, &me, 9).await;
    let (status, body) = giulia.post_json("/api/calendar/feed", &json!({})).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = giulia.get_json("/api/admin/mail").await;
    assert!(status == 403 || status == 200, "{status} {body}");
    assert!(a.terminate().success());

    let mut found = Vec::new();
    let mut dirs = vec![a.data_dir.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("data dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let relative = path.strip_prefix(&a.data_dir).expect("inside");
                found.push(relative.display().to_string());
            }
        }
    }
    found.sort();
    // Only the process lock: no accounts, feeds, sessions, mail, log of
    // the store, audit trail or security log.
    assert_eq!(found, ["vela.lock"]);
}

/// The audit page's entries of `kind`, as `session` reads them.
async fn audit_entries(session: &Session, query: &str) -> Vec<Value> {
    let (status, page) = session.get_json(&format!("/api/audit?{query}")).await;
    assert_eq!(status, 200, "{page}");
    page["entries"].as_array().expect("entries").clone()
}

#[tokio::test]
async fn sign_ins_through_one_replica_are_on_the_audit_page_of_the_other() {
    let db = TestDatabase::create();
    let a = replica(&db);
    let b = replica(&db);
    assert_eq!(b.login_with("giulia", "sbagliata").await.err(), Some(401));
    let giulia = b.login("giulia").await;
    let giulia_id = person_id(&giulia).await;
    let admin = a.login("admin").await;

    let failed = audit_entries(&admin, "kind=security.sign_in_failed").await;
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0]["person"]["id"], giulia_id.as_str());
    let signed_in =
        audit_entries(&admin, &format!("kind=security.sign_in&person={giulia_id}")).await;
    assert_eq!(signed_in.len(), 1, "{signed_in:?}");
    assert_eq!(signed_in[0]["person"]["name"], "Giulia Bianchi");
    // Her personal data, downloaded through A, holds both attempts.
    let (status, file) = on(&a, &giulia).get_json("/api/me/personal-data").await;
    assert_eq!(status, 200, "{file}");
    let kinds: Vec<&str> = file["security"]
        .as_array()
        .expect("security")
        .iter()
        .filter_map(|l| l["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["sign_in_failed", "sign_in"], "{file}");
    // One row per event, whichever replica wrote it.
    let rows = column(
        &db,
        "SELECT count(*)::text FROM vela_security_log WHERE kind LIKE 'security.sign_in%'",
    )
    .await;
    assert_eq!(
        rows.trim(),
        "3",
        "giulia's two attempts and admin's sign-in"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn each_revision_is_in_the_trail_once_in_order_whichever_replica_wrote_it() {
    let db = TestDatabase::create();
    let a = replica(&db);
    let b = replica(&db);
    let admin_a = a.login("admin").await;
    let admin_b = on(&b, &admin_a);
    let (_, pull) = admin_a.get_json("/api/sync/pull?since=0&protocol=4").await;
    let luca = pull["snapshot"]["directory"]["people"]
        .as_object()
        .expect("people")
        .iter()
        .find(|(_, p)| p["username"] == "luca")
        .map(|(id, _)| id.clone())
        .expect("luca");
    let today = chrono::Utc::now().date_naive();
    let pushes = (0..24u64).map(|n| {
        let session = if n % 2 == 0 { &admin_a } else { &admin_b };
        let day = (today + chrono::Days::new(500 + n)).to_string();
        let command = json!({"area": "agile", "type": "record_absence", "id": Uuid::new_v4(),
            "person": luca, "from": day, "until": day, "kind": "leave", "reason": "visita"});
        async move {
            let (status, body) = session
                .post_json(
                    "/api/sync/push?protocol=4",
                    &json!({"commands": [{"id": Uuid::new_v4(), "command": command}]}),
                )
                .await;
            assert_eq!(status, 200, "{body}");
            assert_eq!(body["results"][0]["status"], "accepted", "{body}");
            body["results"][0]["revision"].as_u64().expect("revision")
        }
    });
    let mut revisions = futures_util::future::join_all(pushes).await;
    revisions.sort_unstable();
    let newest = *revisions.last().expect("pushed");

    // Both replicas follow the store; the trail catches up right behind.
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        let written = column(
            &db,
            "SELECT coalesce(max(revision), 0)::text FROM vela_audit_trail",
        )
        .await;
        if written.trim().parse::<u64>().expect("revision") >= newest {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the trail stays at {written}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let stored = column(
        &db,
        "SELECT org::text || ' ' || revision::text FROM vela_audit_trail ORDER BY org, revision",
    )
    .await;
    let trail: Vec<u64> = stored
        .lines()
        .map(|l| {
            l.split(' ')
                .nth(1)
                .expect("revision")
                .parse()
                .expect("number")
        })
        .collect();
    let one_store = stored
        .lines()
        .map(|l| l.split(' ').next())
        .collect::<std::collections::BTreeSet<_>>();
    assert_eq!(one_store.len(), 1, "the demo has one stored state");
    assert_eq!(
        trail,
        (1..=trail.len() as u64).collect::<Vec<_>>(),
        "each revision once, in order"
    );
    assert!(trail.len() as u64 >= newest);

    // Both pages list each pushed revision once, newest first, and agree.
    let query = "kind=agile.absence_recorded&size=200";
    let page_a = audit_entries(&admin_a, query).await;
    let page_b = audit_entries(&admin_b, query).await;
    let shown: Vec<u64> = page_a
        .iter()
        .map(|e| e["revision"].as_u64().expect("revision"))
        .filter(|r| revisions.contains(r))
        .collect();
    assert_eq!(shown, revisions.iter().rev().copied().collect::<Vec<_>>());
    assert_eq!(page_a, page_b);
}

/// A real SMTP server (`tests/smtp_sink.js`, the npm package `smtp-server`)
/// saving each mail as a file; killed when dropped.
struct Sink {
    child: std::process::Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Sink {
    fn start() -> Sink {
        use std::io::BufRead;
        let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        assert!(
            manifest.join("../node_modules/smtp-server").exists(),
            "the mail tests need the npm package smtp-server: run `cargo xtask test` (or `npm ci`) first"
        );
        let dir = tempfile::tempdir().expect("mailbox dir");
        let mut child = std::process::Command::new("node")
            .arg(manifest.join("tests/smtp_sink.js"))
            .arg(dir.path())
            .arg("0")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("node runs the SMTP server");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the SMTP server says where it listens");
        let port = line
            .trim()
            .strip_prefix("listening ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("unexpected SMTP server output {line:?}"));
        Sink { child, port, dir }
    }

    /// Every mail received so far for `to`.
    fn mails_to(&self, to: &str) -> Vec<String> {
        std::fs::read_dir(self.dir.path())
            .expect("mailbox")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .filter(|m| m.starts_with(&format!("X-Envelope-To: {to}\r\n")))
            .collect()
    }
}

/// Giulia's Tuesdays and Thursdays of the month `months` ahead.
fn request(months: u32) -> Value {
    use chrono::Datelike;
    let today = chrono::Utc::now().date_naive();
    let first = chrono::NaiveDate::from_ymd_opt(today.year(), today.month(), 1).expect("first")
        + chrono::Months::new(months);
    let last = first + chrono::Months::new(1) - chrono::Days::new(1);
    json!({"area": "agile", "type": "request_days", "id": Uuid::new_v4(),
        "days": {"kind": "weekly", "weekdays": ["Tue", "Thu"], "from": first, "until": last},
        "mode": "agile", "place": {"kind": "home"}, "note": "Chiusura pratiche TARI"})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_two_replicas_sending_each_mail_arrives_once() {
    const MARCO: &str = "marco@provincia.example.org";
    let sink = Sink::start();
    let db = TestDatabase::create();
    let smtp = format!("smtp://127.0.0.1:{}", sink.port);
    let mail = [
        "--smtp-url",
        &smtp,
        "--mail-from",
        "Vela <vela@example.org>",
        // The demo's own reminders stay out of the mailbox counted here.
        "--scheduler-every-secs=86400",
    ];
    let a = replica_with(&db, &mail);
    let b = replica_with(&db, &mail);
    let giulia_a = a.login("giulia").await;
    let giulia_b = on(&b, &giulia_a);
    // Each request mails Marco, her lead, at once; both replicas collect
    // and send.
    let requests = 6;
    for month in 0..requests {
        let through = if month % 2 == 0 { &giulia_a } else { &giulia_b };
        let (status, body) = through
            .post_json(
                "/api/sync/push?protocol=4",
                &json!({"commands": [{"id": Uuid::new_v4(), "command": request(month + 2)}]}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["results"][0]["status"], "accepted", "{body}");
    }
    let admin = a.login("admin").await;
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        let (status, outbox) = admin.get_json("/api/admin/mail").await;
        assert_eq!(status, 200, "{outbox}");
        let arrived = sink.mails_to(MARCO).len();
        if arrived >= requests as usize && outbox["waiting"] == 0 {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{arrived} mails, outbox {outbox}; A:\n{}\nB:\n{}",
            a.log_text(),
            b.log_text()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Both senders have looked at the outbox again since (they poll every
    // second): nothing more arrives.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let mails = sink.mails_to(MARCO);
    assert_eq!(mails.len(), requests as usize, "{mails:#?}");
    let ids: std::collections::BTreeSet<&str> = mails
        .iter()
        .filter_map(|m| m.lines().find(|l| l.starts_with("Message-ID: ")))
        .collect();
    assert_eq!(ids.len(), requests as usize, "{ids:?}");
}
