//! Notification mails against a real SMTP server (the npm package
//! `smtp-server`, started by each test from `tests/smtp_sink.js`; `cargo
//! xtask` installs it): the latency of an immediate mail, the daily digest,
//! exactly-once delivery across a SIGKILL, and an unreachable SMTP server
//! that never blocks a push and shows in the administrators' status.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate, Utc};
use common::{Server, Session};
use serde_json::{json, Value};
use uuid::Uuid;

const FAST: &str = "--insecure-fast-hashing";
const MARCO: &str = "marco@provincia.example.org";
const GIULIA: &str = "giulia@provincia.example.org";

/// The SMTP server of a test; killed when dropped.
struct Sink {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

impl Sink {
    /// Starts the SMTP server on `port` (0: any free port).
    fn start(port: u16) -> Sink {
        assert!(
            workspace().join("node_modules/smtp-server").exists(),
            "the mail tests need the npm package smtp-server: run `cargo xtask test` (or `npm ci`) first"
        );
        let dir = tempfile::tempdir().expect("mailbox dir");
        let mut child = Command::new("node")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp_sink.js"))
            .arg(dir.path())
            .arg(port.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("node runs the SMTP server");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("the SMTP server says where it listens");
        let port = line
            .trim()
            .strip_prefix("listening ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("unexpected SMTP server output {line:?}"));
        Sink { child, port, dir }
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every mail received so far for `to`, oldest first.
    fn mails_to(&self, to: &str) -> Vec<String> {
        let mut files: Vec<_> = std::fs::read_dir(self.dir.path())
            .expect("mailbox")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        files.sort();
        files
            .into_iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .filter(|m| m.starts_with(&format!("X-Envelope-To: {to}\r\n")))
            .collect()
    }

    /// Waits (up to `limit`) for `count` mails to `to`.
    async fn wait_for(&self, to: &str, count: usize, limit: Duration) -> Vec<String> {
        let start = Instant::now();
        loop {
            let mails = self.mails_to(to);
            if mails.len() >= count || start.elapsed() > limit {
                return mails;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// A port nothing listens on (yet).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn mail_args(smtp: &str) -> Vec<String> {
    vec![
        FAST.into(),
        "--demo".into(),
        "--smtp-url".into(),
        smtp.into(),
        "--mail-from".into(),
        "Vela <vela@example.org>".into(),
        "--public-url".into(),
        "https://vela.example.org".into(),
        // The demo's own reminders (timed notifications) stay out of the
        // mailboxes these tests count.
        "--scheduler-every-secs=86400".into(),
    ]
}

fn start(args: &[String]) -> Server {
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    Server::start(&refs)
}

async fn push(session: &Session, command: Value) -> Value {
    let (status, body) = session
        .post_json(
            "/api/sync/push?protocol=4",
            &json!({"commands": [{"id": Uuid::new_v4(), "command": command}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["results"][0]["status"], "accepted", "{body}");
    body
}

/// Giulia's Tuesdays and Thursdays of the month `months` ahead: some of
/// them always pass her agreement's limits.
fn request(months: u32) -> Value {
    let today = Utc::now().date_naive();
    let first = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).expect("first")
        + chrono::Months::new(months);
    let last = first + chrono::Months::new(1) - chrono::Days::new(1);
    json!({"area": "agile", "type": "request_days", "id": Uuid::new_v4(),
        "days": {"kind": "weekly", "weekdays": ["Tue", "Thu"], "from": first, "until": last},
        "mode": "agile", "place": {"kind": "home"}, "note": "Chiusura pratiche TARI"})
}

fn header<'a>(mail: &'a str, name: &str) -> Option<&'a str> {
    mail.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}: ")))
}

#[tokio::test]
async fn a_request_by_giulia_mails_marco_within_two_seconds() {
    let sink = Sink::start(0);
    let server = start(&mail_args(&sink.url()));
    let giulia = server.login("giulia").await;
    let started = Instant::now();
    push(&giulia, request(2)).await;
    let mails = sink.wait_for(MARCO, 1, Duration::from_secs(2)).await;
    let latency = started.elapsed();
    eprintln!("mail latency: {latency:?}");
    assert_eq!(
        mails.len(),
        1,
        "no mail within 2 s; log:\n{}",
        server.log_text()
    );
    assert!(latency < Duration::from_secs(2), "{latency:?}");
    let mail = &mails[0];
    // In Marco's language (Italian), as text and HTML, with a link to the
    // approvals page at the request.
    assert!(
        header(mail, "Subject").is_some_and(|s| s.contains("Vela")),
        "{mail}"
    );
    assert!(
        mail.contains("text/plain") && mail.contains("text/html"),
        "{mail}"
    );
    assert!(mail.contains("Giulia"), "{mail}");
    assert!(mail.contains("approvals?request="), "{mail}");
    // Giulia is told nothing of her own request.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(sink.mails_to(GIULIA).is_empty());
}

#[tokio::test]
async fn a_seat_confirmation_carries_the_sessions_calendar_file() {
    let sink = Sink::start(0);
    let server = start(&mail_args(&sink.url()));
    let giulia = server.login("giulia").await;
    let (_, pull) = giulia.get_json("/api/sync/pull?since=0&protocol=4").await;
    let now = Utc::now();
    let me = giulia.get_json("/api/me").await.1["person"]["id"].clone();
    let sessions = pull["snapshot"]["webinars"]["sessions"]
        .as_object()
        .expect("sessions");
    let registrations = &pull["snapshot"]["webinars"]["registrations"];
    let open = sessions
        .iter()
        .find(|(id, s)| {
            s["status"] == "scheduled"
                && s["start"]
                    .as_str()
                    .and_then(|t| t.parse::<chrono::DateTime<Utc>>().ok())
                    .is_some_and(|t| t > now)
                && registrations[id.as_str()][me.as_str().unwrap_or_default()].is_null()
                && pull["snapshot"]["webinars"]["occupancy"][id.as_str()]["registered"]
                    .as_u64()
                    .unwrap_or(0)
                    < s["capacity"].as_u64().unwrap_or(0)
        })
        .map(|(id, _)| id.clone())
        .expect("a future session Giulia is not registered for");
    push(
        &giulia,
        json!({"area": "webinars", "type": "register", "session": open}),
    )
    .await;
    let mails = sink.wait_for(GIULIA, 1, Duration::from_secs(5)).await;
    assert_eq!(mails.len(), 1, "log:\n{}", server.log_text());
    let mail = &mails[0];
    assert!(mail.contains("text/calendar"), "{mail}");
    // Undo the quoted-printable encoding and the iCalendar line folding.
    let unfolded = mail
        .replace("=\r\n", "")
        .replace("=3D", "=")
        .replace("\r\n ", "");
    assert!(unfolded.contains("ORGANIZER;CN="), "{mail}");
    assert!(unfolded.contains("ATTENDEE;CN=Giulia"), "{mail}");
    assert!(
        unfolded.contains("mailto:giulia@provincia.example.org"),
        "{mail}"
    );
}

#[tokio::test]
async fn a_digest_groups_a_days_notifications_into_one_mail() {
    let sink = Sink::start(0);
    let args = mail_args(&sink.url());
    let mut server = start(&args);
    let marco = server.login("marco").await;
    push(
        &marco,
        json!({"area": "notifications", "type": "save_preferences",
            "preferences": {"mail": {"days_requested": "digest"}, "digest_hour": 7}}),
    )
    .await;
    let giulia = server.login("giulia").await;
    push(&giulia, request(2)).await;
    push(&giulia, request(3)).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(
        sink.mails_to(MARCO).is_empty(),
        "a digest part went at once"
    );
    let (_, status) = server
        .login("admin")
        .await
        .get_json("/api/admin/mail")
        .await;
    assert_eq!(status["waiting"], 2, "{status}");

    // The next morning at 7: restart with the mailer's clock a day ahead.
    let temp = server.keep_dirs();
    server.terminate();
    let mut later = args.clone();
    later.push(format!("--mail-clock-offset-secs={}", 26 * 3600));
    let refs: Vec<&str> = later.iter().map(String::as_str).collect();
    let _server = Server::start_in(&server.data_dir, &server.dist_dir, &refs).expect("restarts");
    let mails = sink.wait_for(MARCO, 1, Duration::from_secs(10)).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let mails_after = sink.mails_to(MARCO);
    assert_eq!(mails.len(), 1);
    assert_eq!(mails_after.len(), 1, "one digest, not one mail each");
    let digest = &mails_after[0];
    assert!(
        header(digest, "Subject").is_some_and(|s| s.contains("riepilogo di 2 notifiche")),
        "{digest}"
    );
    drop(temp);
}

#[tokio::test]
async fn an_unreachable_smtp_server_blocks_nothing_and_a_sigkill_still_delivers_once() {
    let port = free_port();
    let smtp = format!("smtp://127.0.0.1:{port}");
    let args = mail_args(&smtp);
    let mut server = start(&args);
    let giulia = server.login("giulia").await;
    let started = Instant::now();
    push(&giulia, request(2)).await;
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "a push waited for the SMTP server"
    );
    // The administrators see the mail waiting and why.
    let admin = server.login("admin").await;
    let mut status = Value::Null;
    for _ in 0..200 {
        status = admin.get_json("/api/admin/mail").await.1;
        if status["failing"].as_u64().unwrap_or(0) >= 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(status["configured"], true, "{status}");
    assert_eq!(status["waiting"], 1, "{status}");
    assert!(status["last_error"].is_string(), "{status}");
    // Everyone else may not see it.
    let (code, _) = giulia.get_json("/api/admin/mail").await;
    assert_eq!(code, 403);

    // SIGKILL before the mail could go; then the SMTP server comes up and
    // the server restarts: the mail arrives, once.
    let temp = server.keep_dirs();
    server.kill();
    let sink = Sink::start(port);
    let _server = Server::start_in(
        &server.data_dir,
        &server.dist_dir,
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    )
    .expect("restarts after SIGKILL");
    let mails = sink.wait_for(MARCO, 1, Duration::from_secs(10)).await;
    assert_eq!(mails.len(), 1);
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(sink.mails_to(MARCO).len(), 1, "sent twice");
    drop(temp);
}
