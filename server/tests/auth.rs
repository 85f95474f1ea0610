//! Authentication and request hygiene over real HTTP against the real
//! binary: login, logout, `/api/me`, cookie flags, expiry, the login rate
//! limit, and JSON errors for every kind of bad input.

mod common;

use std::time::Duration;

use common::{client, session_cookie, store_kind, Server, StoreKind, DEMO_PASSWORD};
use reqwest::header::{CONTENT_TYPE, COOKIE, RETRY_AFTER, SET_COOKIE};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Light argon2 parameters: these tests start many servers.
const FAST: &str = "--insecure-fast-hashing";

async fn post_login(server: &Server, body: &Value) -> reqwest::Response {
    client()
        .post(server.url("/api/auth/login"))
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn json_of(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    assert!(
        content_type.starts_with("application/json"),
        "{status}: content-type {content_type:?}"
    );
    (status, response.json().await.expect("JSON body"))
}

fn assert_error(status: u16, body: &Value, expected_status: u16, code: &str) {
    assert_eq!(status, expected_status, "{body}");
    assert_eq!(body["error"], code, "{body}");
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
}

#[tokio::test]
async fn login_me_and_logout() {
    let server = Server::start(&[FAST]);
    let response = post_login(
        &server,
        &json!({"username": "Giulia", "password": DEMO_PASSWORD}),
    )
    .await;
    let cookie = session_cookie(response.headers()).expect("session cookie");
    let (status, body) = json_of(response).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["username"], "giulia");

    let session = common::Session {
        base: server.base.clone(),
        cookie,
        http: client(),
    };
    let (status, me) = session.get_json("/api/me").await;
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["person"]["username"], "giulia");
    assert_eq!(me["person"]["name"], "Giulia Bianchi");
    assert_eq!(me["person"]["roles"], json!(["employee"]));
    assert!(me["person"]["id"].as_str().is_some());
    assert_eq!(me["organisation"]["name"], "Provincia autonoma di Trento");
    assert_eq!(me["language"], "it");
    assert_eq!(me["person"]["id"], body["person_id"]);

    let marco = server.login("marco").await;
    let (_, me) = marco.get_json("/api/me").await;
    assert_eq!(me["person"]["roles"], json!(["employee", "lead"]));

    let (status, body) = session.post_json("/api/auth/logout", &json!({})).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = session.get_json("/api/me").await;
    assert_error(status, &body, 401, "unauthenticated");
    // Other sessions are untouched.
    assert_eq!(marco.get_json("/api/me").await.0, 200);
    // Logging out again is harmless.
    assert_eq!(
        session.post_json("/api/auth/logout", &json!({})).await.0,
        200
    );
}

#[tokio::test]
async fn wrong_credentials_are_401_and_say_nothing_more() {
    let server = Server::start(&[FAST]);
    for body in [
        json!({"username": "giulia", "password": "not-the-password"}),
        json!({"username": "nobody", "password": DEMO_PASSWORD}),
        json!({"username": "", "password": ""}),
    ] {
        let response = post_login(&server, &body).await;
        assert!(response.headers().get(SET_COOKIE).is_none());
        let (status, body) = json_of(response).await;
        assert_error(status, &body, 401, "invalid_credentials");
    }
}

#[tokio::test]
async fn requests_without_a_valid_session_are_401_json() {
    let server = Server::start(&[FAST]);
    let http = client();
    for cookie in [None, Some("vela_session=forged"), Some("other=1")] {
        let mut request = http.get(server.url("/api/me"));
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie);
        }
        let (status, body) = json_of(request.send().await.unwrap()).await;
        assert_error(status, &body, 401, "unauthenticated");
    }
}

#[tokio::test]
async fn the_cookie_is_httponly_samesite_strict_and_secure_when_configured() {
    let server = Server::start(&[FAST]);
    let response = post_login(
        &server,
        &json!({"username": "sara", "password": DEMO_PASSWORD}),
    )
    .await;
    let set = response.headers()[SET_COOKIE].to_str().unwrap().to_string();
    assert!(set.starts_with("vela_session="), "{set}");
    let token = set
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("vela_session=");
    assert!(token.len() >= 43, "at least 32 random bytes: {set}");
    for flag in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age="] {
        assert!(set.contains(flag), "{flag} missing: {set}");
    }
    assert!(!set.contains("Secure"), "{set}");

    let secure = Server::start(&[FAST, "--secure-cookies"]);
    let response = post_login(
        &secure,
        &json!({"username": "sara", "password": DEMO_PASSWORD}),
    )
    .await;
    let set = response.headers()[SET_COOKIE].to_str().unwrap().to_string();
    assert!(set.contains("; Secure"), "{set}");
    // Logout clears it with the same flags.
    let session = secure.login("sara").await;
    let response = session
        .http
        .post(secure.url("/api/auth/logout"))
        .header(COOKIE, &session.cookie)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    let cleared = response.headers()[SET_COOKIE].to_str().unwrap().to_string();
    assert!(
        cleared.starts_with("vela_session=;") && cleared.contains("Max-Age=0"),
        "{cleared}"
    );
    assert!(cleared.contains("Secure") && cleared.contains("HttpOnly"));
}

#[tokio::test]
async fn idle_sessions_expire() {
    let server = Server::start(&[FAST, "--session-ttl-secs", "1"]);
    let session = server.login("giulia").await;
    assert_eq!(session.get_json("/api/me").await.0, 200);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let (status, body) = session.get_json("/api/me").await;
    assert_error(status, &body, 401, "unauthenticated");
}

#[tokio::test]
async fn the_sixth_failure_in_a_minute_is_429_even_with_the_right_password() {
    let server = Server::start(&[FAST]);
    for _ in 0..5 {
        let response =
            post_login(&server, &json!({"username": "giulia", "password": "guess"})).await;
        assert_eq!(response.status(), 401);
    }
    for password in ["guess", DEMO_PASSWORD] {
        let response = post_login(
            &server,
            &json!({"username": "giulia", "password": password}),
        )
        .await;
        let retry_after: u64 = response.headers()[RETRY_AFTER]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=60).contains(&retry_after), "{retry_after}");
        let (status, body) = json_of(response).await;
        assert_error(status, &body, 429, "too_many_attempts");
    }
    // One guesser does not lock out everyone behind the same address (a
    // reverse proxy's): another account from it still signs in.
    let response = post_login(
        &server,
        &json!({"username": "marco", "password": DEMO_PASSWORD}),
    )
    .await;
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn state_changing_requests_must_be_json() {
    let server = Server::start(&[FAST]);
    let http = client();
    let body = r#"{"username":"giulia","password":"vela-demo"}"#;
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        None,
    ] {
        let mut request = http.post(server.url("/api/auth/login")).body(body);
        if let Some(content_type) = content_type {
            request = request.header(CONTENT_TYPE, content_type);
        }
        let (status, body) = json_of(request.send().await.unwrap()).await;
        assert_error(status, &body, 415, "unsupported_media_type");
    }
    // A charset parameter is fine.
    let response = http
        .post(server.url("/api/auth/login"))
        .header(CONTENT_TYPE, "application/json; charset=utf-8")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn bodies_over_one_mebibyte_are_413_json() {
    let server = Server::start(&[FAST]);
    let big = format!(
        r#"{{"username":"giulia","password":"{}"}}"#,
        "x".repeat(2 * 1024 * 1024)
    );
    let response = client()
        .post(server.url("/api/auth/login"))
        .header(CONTENT_TYPE, "application/json")
        .body(big.clone())
        .send()
        .await
        .unwrap();
    let (status, body) = json_of(response).await;
    assert_error(status, &body, 413, "payload_too_large");

    // Without a Content-Length (chunked), the limit trips while reading.
    let address = server.base.trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
    let head = format!(
        "POST /api/auth/login HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    for chunk in big.as_bytes().chunks(64 * 1024) {
        let framed = [
            format!("{:x}\r\n", chunk.len()).as_bytes(),
            chunk,
            b"\r\n".as_slice(),
        ]
        .concat();
        // The server may answer and close before reading it all.
        if stream.write_all(&framed).await.is_err() {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n").await;
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("application/json"), "{answer}");
    assert!(answer.contains("\"payload_too_large\""), "{answer}");

    assert_eq!(
        server.login("giulia").await.get_json("/api/me").await.0,
        200
    );
}

#[tokio::test]
async fn malformed_json_is_400_and_wrong_shapes_are_422() {
    let server = Server::start(&[FAST]);
    let http = client();
    let cases: &[(&str, u16)] = &[
        (r#"{"username":"giulia","password":"#, 400),
        ("not json at all", 400),
        ("", 400),
        (r#"{"username":"giulia"}"#, 422),
        (r#"{"username":7,"password":"x"}"#, 422),
        (r#"{"username":"giulia","password":"x","admin":true}"#, 422),
        (r#"["giulia","vela-demo"]"#, 422),
        (r#"{"username":"giulia","password":"\ud800"}"#, 400),
    ];
    for (body, expected) in cases {
        let response = http
            .post(server.url("/api/auth/login"))
            .header(CONTENT_TYPE, "application/json")
            .body(*body)
            .send()
            .await
            .unwrap();
        let (status, json) = json_of(response).await;
        assert_eq!(status, *expected, "{body} → {json}");
        let code = if *expected == 400 {
            "bad_request"
        } else {
            "invalid_body"
        };
        assert_eq!(json["error"], code, "{body} → {json}");
    }
    // Bad input changed nothing: the server still serves and logs people in.
    let health = http.get(server.url("/api/health")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    assert_eq!(
        server.login("giulia").await.get_json("/api/me").await.0,
        200
    );
}

#[tokio::test]
async fn a_restart_keeps_accounts_and_data_but_ends_sessions() {
    let mut server = Server::start(&[FAST]);
    let before = server.login("giulia").await;
    let (_, me_before) = before.get_json("/api/me").await;
    let temp = server.keep_dirs();
    assert!(server.terminate().success());
    // On the JSON files the accounts are a file of their own.
    let json = store_kind() == StoreKind::Json;
    let accounts = json.then(|| std::fs::read(server.data_dir.join("accounts.json")).unwrap());

    let again = Server::start_in(&server.data_dir, &server.dist_dir, &[FAST]).expect("restarts");
    let stale = common::Session {
        base: again.base.clone(),
        ..before
    };
    // Sessions are kept in memory by a server on the JSON files, and in the
    // database (for every replica) by one on PostgreSQL.
    let expected = if json { 401 } else { 200 };
    assert_eq!(stale.get_json("/api/me").await.0, expected);
    let after = again.login("giulia").await;
    let (_, me_after) = after.get_json("/api/me").await;
    assert_eq!(me_after, me_before, "same person, not seeded twice");
    if let Some(accounts) = accounts {
        assert_eq!(
            std::fs::read(again.data_dir.join("accounts.json")).unwrap(),
            accounts
        );
    }
    drop(again);
    drop(temp);
}

#[tokio::test]
async fn seeding_again_with_demo_changes_nothing() {
    let mut server = Server::start(&[FAST]);
    let temp = server.keep_dirs();
    let revision = pulled_revision(&server).await;
    assert!(server.terminate().success());
    // On the JSON files: shutdown writes a snapshot only when revisions were added.
    let snapshot = (store_kind() == StoreKind::Json).then(|| {
        let org_dir = std::fs::read_dir(server.data_dir.join("orgs"))
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let bytes = std::fs::read(org_dir.join("snapshot.json")).unwrap();
        (org_dir, bytes)
    });
    let mut again =
        Server::start_in(&server.data_dir, &server.dist_dir, &[FAST, "--demo"]).expect("restarts");
    assert_eq!(again.login("admin").await.get_json("/api/me").await.0, 200);
    assert_eq!(pulled_revision(&again).await, revision);
    assert!(again.terminate().success());
    if let Some((org_dir, bytes)) = snapshot {
        assert_eq!(std::fs::read(org_dir.join("snapshot.json")).unwrap(), bytes);
    }
    let _ = DEMO_PASSWORD;
    drop(temp);
}

/// The revision the demo administrator's organisation is at.
async fn pulled_revision(server: &Server) -> u64 {
    let (status, pulled) = server
        .login("admin")
        .await
        .get_json("/api/sync/pull?since=0&protocol=4")
        .await;
    assert_eq!(status, 200, "{pulled}");
    pulled["revision"].as_u64().expect("a revision")
}
