//! Single sign-on against a real OpenID Provider: the npm package
//! `oidc-provider` (a certified implementation), started by each test from
//! `tests/oidc_provider.mjs` (`cargo xtask` installs it). A test plays the
//! browser over HTTP: Vela's login route, the provider's login form, the
//! callback — following each redirect itself and keeping the cookies.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use common::{Server, Session};
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

const CLIENT_ID: &str = "vela";
const CLIENT_SECRET: &str = "vela-test-secret";
/// A second client of the same provider: its tokens are not for Vela.
const OTHER_ID: &str = "other-app";
const OTHER_SECRET: &str = "other-test-secret";
const OTHER_REDIRECT: &str = "http://127.0.0.1:9/other/callback";

/// The OpenID Provider of a test; killed when dropped.
struct Provider {
    child: Child,
    issuer: String,
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Provider {
    /// Starts the provider on `port` with Vela's client (redirecting to
    /// `vela`'s callback), the other client, and these accounts.
    fn start(port: u16, vela: &Server, accounts: Value) -> Provider {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        assert!(
            root.join("node_modules/oidc-provider").exists(),
            "the single sign-on tests need the npm package oidc-provider: run `cargo xtask test` (or `npm ci`) first"
        );
        let config = json!({
            "clients": [
                {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
                 "redirect_uris": [vela.url("/api/auth/oidc/callback")]},
                {"client_id": OTHER_ID, "client_secret": OTHER_SECRET,
                 "redirect_uris": [OTHER_REDIRECT]},
            ],
            "accounts": accounts,
        });
        let mut child = Command::new("node")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc_provider.mjs"))
            .arg(port.to_string())
            .arg(config.to_string())
            .current_dir(&root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            // Only its development-mode warnings.
            .stderr(Stdio::null())
            .spawn()
            .expect("node runs the OpenID provider");
        let stdout = child.stdout.take().expect("stdout");
        let mut stdout = BufReader::new(stdout);
        let mut line = String::new();
        stdout
            .read_line(&mut line)
            .expect("the provider says where it listens");
        // Keep reading: it logs to stdout, and dies on a closed pipe.
        std::thread::spawn(move || for _ in stdout.lines() {});
        let port: u16 = line
            .trim()
            .strip_prefix("listening ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("unexpected provider output {line:?}"));
        Provider {
            child,
            issuer: format!("http://127.0.0.1:{port}"),
        }
    }

    /// Makes the provider's next token answer carry `id_token` instead.
    async fn substitute_next_id_token(&self, id_token: &str) {
        let answer = reqwest::Client::new()
            .post(format!("{}/__test/next-id-token", self.issuer))
            .body(id_token.to_string())
            .send()
            .await
            .expect("test hook");
        assert!(answer.status().is_success());
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn accounts() -> Value {
    json!({
        "giulia-sub": {"preferred_username": "giulia", "email": "giulia@provincia.example.org", "email_verified": true,
                       "groups": ["vela-admins", "unrelated"]},
        "marco-sub": {"preferred_username": "marco", "groups": ["unrelated"]},
        "stranger": {"preferred_username": "nobody.here", "email": "nobody@example.org"},
    })
}

/// A Vela server whose single sign-on points at a provider on `port`
/// (not started yet: Vela discovers it when first needed).
fn vela(port: u16, extra: &[&str]) -> (Server, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("secret dir");
    let secret = dir.path().join("client-secret");
    std::fs::write(&secret, format!("{CLIENT_SECRET}\n")).expect("secret file");
    let issuer = format!("http://127.0.0.1:{port}");
    let mut args = vec![
        "--insecure-fast-hashing",
        "--oidc-issuer",
        &issuer,
        "--oidc-client-id",
        CLIENT_ID,
        "--oidc-client-secret-file",
        secret.to_str().expect("utf-8 path"),
        "--oidc-button-label",
        "MyID",
    ];
    args.extend_from_slice(extra);
    (Server::start(&args), dir)
}

/// Vela and its provider, started in the order their addresses need.
fn setup(extra: &[&str]) -> (Server, Provider, tempfile::TempDir) {
    let port = free_port();
    let (server, dir) = vela(port, extra);
    let provider = Provider::start(port, &server, accounts());
    (server, provider, dir)
}

/// A browser: no redirects followed on its own, one cookie jar for
/// 127.0.0.1 (cookies do not tell ports apart, just like a real browser).
struct Browser {
    http: reqwest::Client,
    jar: BTreeMap<String, String>,
}

struct Answer {
    status: u16,
    location: Option<String>,
    body: String,
    set_cookies: Vec<String>,
}

impl Browser {
    fn new() -> Browser {
        Browser {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(std::time::Duration::from_secs(20))
                .build()
                .expect("client"),
            jar: BTreeMap::new(),
        }
    }

    fn cookie_header(&self) -> String {
        self.jar
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn send(&mut self, request: reqwest::RequestBuilder) -> Answer {
        let response = request
            .header(COOKIE, self.cookie_header())
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let set_cookies: Vec<String> = response
            .headers()
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(str::to_string)
            .collect();
        for cookie in &set_cookies {
            let pair = cookie.split(';').next().unwrap_or_default();
            if let Some((name, value)) = pair.split_once('=') {
                let expired =
                    cookie.to_ascii_lowercase().contains("max-age=0") || cookie.contains("1970");
                if value.is_empty() || expired {
                    self.jar.remove(name.trim());
                } else {
                    self.jar.insert(name.trim().into(), value.trim().into());
                }
            }
        }
        let body = response.text().await.unwrap_or_default();
        Answer {
            status,
            location,
            body,
            set_cookies,
        }
    }

    async fn get(&mut self, url: &str) -> Answer {
        let request = self.http.get(url);
        self.send(request).await
    }

    /// Follows redirects (relative ones against `origin` of the last URL)
    /// until one leaves for `stop_prefix` or an answer is not a redirect.
    async fn follow(&mut self, mut url: String, stop_prefix: &str) -> (String, Answer) {
        for _ in 0..10 {
            let answer = self.get(&url).await;
            let Some(next) = answer.location.clone() else {
                return (url, answer);
            };
            let next = absolute(&url, &next);
            if next.starts_with(stop_prefix) {
                return (next, answer);
            }
            url = next;
        }
        panic!("too many redirects from {url}");
    }

    /// Signs in at the provider's login form as `login`, starting from the
    /// authorization URL; returns the URL it sends the browser back to.
    async fn sign_in_at_provider(&mut self, authorize: &str, login: &str, back_to: &str) -> String {
        let (form_url, page) = self.follow(authorize.to_string(), back_to).await;
        if form_url.starts_with(back_to) {
            return form_url; // already signed in at the provider
        }
        assert_eq!(page.status, 200, "the provider's login page: {}", page.body);
        let action = page
            .body
            .split("action=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the login form's action");
        let body = format!("prompt=login&login={login}&password=any");
        let request = self
            .http
            .post(absolute(&form_url, action))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        let posted = self.send(request).await;
        let next = absolute(&form_url, &posted.location.expect("the form redirects"));
        let (callback, _) = self.follow(next, back_to).await;
        assert!(callback.starts_with(back_to), "ended at {callback}");
        callback
    }
}

/// `location` made absolute against `from`.
fn absolute(from: &str, location: &str) -> String {
    if location.starts_with("http://") || location.starts_with("https://") {
        return location.to_string();
    }
    let origin: String = from.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
    format!("{origin}{location}")
}

fn query_param(url: &str, name: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name).then(|| v.to_string())
    })
}

/// Starts a sign-in at Vela; returns the provider's authorization URL.
async fn start_sign_in(browser: &mut Browser, server: &Server) -> String {
    let answer = browser.get(&server.url("/api/auth/oidc/login")).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let to = answer.location.expect("a redirect to the provider");
    assert!(
        browser.jar.contains_key("vela_oidc_state"),
        "the flow cookie ties the callback to this browser"
    );
    to
}

/// Opens the provider's callback URL as a browser does: a verified sign-in
/// answers a page that moves on to its second step (which sets the
/// session); returns the last answer.
async fn finish(browser: &mut Browser, server: &Server, callback: &str) -> Answer {
    let answer = browser.get(callback).await;
    if answer.status != 200 {
        return answer;
    }
    let next = answer
        .body
        .split("url=")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("a refresh to the second step: {}", answer.body));
    assert!(
        next.starts_with("/api/auth/oidc/complete?ticket="),
        "{next}"
    );
    browser.get(&server.url(next)).await
}

/// The session the callback answer started, if any.
fn session_of(answer: &Answer, server: &Server, browser: &Browser) -> Option<Session> {
    answer
        .set_cookies
        .iter()
        .any(|c| c.starts_with("vela_session=") && !c.starts_with("vela_session=;"))
        .then(|| Session {
            base: server.base.clone(),
            cookie: format!("vela_session={}", browser.jar["vela_session"]),
            http: common::client(),
        })
}

/// Waits (up to 20 s) until the server's log holds `needle`: the log is
/// written before the answer leaves, but read by a thread of the harness.
async fn log_shows(server: &Server, needle: &str) -> bool {
    let start = std::time::Instant::now();
    loop {
        if server.log_text().contains(needle) {
            return true;
        }
        if start.elapsed() > std::time::Duration::from_secs(20) {
            eprintln!("{}", server.log_text());
            return false;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// The error code of a redirect to the login page.
fn sso_error(answer: &Answer) -> Option<String> {
    answer
        .location
        .as_deref()
        .and_then(|l| query_param(l, "sso_error"))
}

#[tokio::test]
async fn the_code_flow_signs_an_active_person_in() {
    let (server, provider, _dir) = setup(&[]);

    let mut browser = Browser::new();
    let authorize = start_sign_in(&mut browser, &server).await;
    assert!(
        authorize.starts_with(&format!("{}/auth?", provider.issuer)),
        "{authorize}"
    );
    for param in ["state", "nonce", "code_challenge"] {
        assert!(
            query_param(&authorize, param).is_some_and(|v| v.len() >= 22),
            "{param} in {authorize}"
        );
    }
    assert_eq!(
        query_param(&authorize, "code_challenge_method").as_deref(),
        Some("S256")
    );
    assert_eq!(
        query_param(&authorize, "client_id").as_deref(),
        Some(CLIENT_ID)
    );

    let callback_prefix = server.url("/api/auth/oidc/callback");
    let callback = browser
        .sign_in_at_provider(&authorize, "giulia-sub", &callback_prefix)
        .await;
    let answer = finish(&mut browser, &server, &callback).await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        answer.location.as_deref(),
        Some("/?signed_in=sso"),
        "into the app"
    );
    let session = session_of(&answer, &server, &browser).expect("a session cookie");
    assert!(
        !browser.jar.contains_key("vela_oidc_state"),
        "the flow cookie is dropped once used"
    );
    let (status, me) = session.get_json("/api/me").await;
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["person"]["username"], "giulia");
    assert!(log_shows(&server, "single sign-on succeeded").await);

    // The same callback again (a replay) is refused: a flow is used once.
    let replay = finish(&mut browser, &server, &callback).await;
    assert_eq!(sso_error(&replay).as_deref(), Some("invalid_state"));
}

#[tokio::test]
async fn the_config_tells_the_app_how_people_sign_in() {
    let port = free_port();
    let (server, _dir) = vela(port, &["--no-local-passwords"]);
    let config: Value = reqwest::get(server.url("/api/config"))
        .await
        .expect("config")
        .json()
        .await
        .expect("json");
    assert_eq!(config["sso"], true);
    assert_eq!(config["sso_label"], "MyID");
    assert_eq!(config["local_passwords"], false);
    // A right password is refused too: passwords are off here.
    assert_eq!(
        server
            .login_with("giulia", common::DEMO_PASSWORD)
            .await
            .err(),
        Some(403)
    );

    let plain = Server::start(&["--insecure-fast-hashing"]);
    let config: Value = reqwest::get(plain.url("/api/config"))
        .await
        .expect("config")
        .json()
        .await
        .expect("json");
    assert_eq!(config["sso"], false);
    assert_eq!(config["local_passwords"], true);
    let login = common::client()
        .get(plain.url("/api/auth/oidc/login"))
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), 404, "no single sign-on configured");
}

#[tokio::test]
async fn a_forged_state_is_refused() {
    let (server, _provider, _dir) = setup(&[]);
    let callback_prefix = server.url("/api/auth/oidc/callback");
    let mut browser = Browser::new();
    let authorize = start_sign_in(&mut browser, &server).await;
    let callback = browser
        .sign_in_at_provider(&authorize, "giulia-sub", &callback_prefix)
        .await;
    let state = query_param(&callback, "state").expect("state");

    // The genuine code with a state Vela never issued.
    let forged = callback.replace(&state, "forged-state-0123456789abcdef");
    let answer = finish(&mut browser, &server, &forged).await;
    assert_eq!(sso_error(&answer).as_deref(), Some("invalid_state"));
    assert!(session_of(&answer, &server, &browser).is_none());

    // A genuine callback opened in another browser (the flow cookie is
    // missing): someone trying to sign a victim into their own account.
    let mut browser = Browser::new();
    let authorize = start_sign_in(&mut browser, &server).await;
    let callback = browser
        .sign_in_at_provider(&authorize, "giulia-sub", &callback_prefix)
        .await;
    let mut victim = Browser::new();
    let answer = finish(&mut victim, &server, &callback).await;
    assert_eq!(sso_error(&answer).as_deref(), Some("invalid_state"));
    assert!(session_of(&answer, &server, &victim).is_none());

    // The second step's one-time ticket, opened in another browser, is
    // refused — and is gone for its own browser as well.
    let mut browser = Browser::new();
    let authorize = start_sign_in(&mut browser, &server).await;
    let callback = browser
        .sign_in_at_provider(&authorize, "giulia-sub", &callback_prefix)
        .await;
    let page = browser.get(&callback).await;
    let next = page
        .body
        .split("url=")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a refresh to the second step")
        .to_string();
    let mut other = Browser::new();
    let answer = other.get(&server.url(&next)).await;
    assert_eq!(sso_error(&answer).as_deref(), Some("invalid_state"));
    assert!(session_of(&answer, &server, &other).is_none());
    let answer = browser.get(&server.url(&next)).await;
    assert_eq!(sso_error(&answer).as_deref(), Some("invalid_state"));
    assert!(log_shows(&server, "single sign-on refused").await);
}

/// Runs a whole code flow as the OTHER client with `nonce`, as that
/// application would, and returns the ID token it gets.
async fn id_token_for_other_client(provider: &Provider, nonce: &str) -> String {
    id_token_for(provider, (OTHER_ID, OTHER_SECRET, OTHER_REDIRECT), nonce).await
}

/// Runs a whole code flow as `client` (id, secret, redirect URI) with
/// `nonce`, and returns the ID token it gets.
async fn id_token_for(provider: &Provider, client: (&str, &str, &str), nonce: &str) -> String {
    let (client_id, secret, redirect) = client;
    let encoded_redirect = redirect.replace(':', "%3A").replace('/', "%2F");
    let verifier = "o".repeat(50);
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    let authorize = format!(
        "{}/auth?client_id={client_id}&response_type=code&scope=openid%20profile&redirect_uri={encoded_redirect}&state=other-state&nonce={nonce}&code_challenge={challenge}&code_challenge_method=S256",
        provider.issuer,
    );
    let mut browser = Browser::new();
    let back = browser
        .sign_in_at_provider(&authorize, "giulia-sub", redirect)
        .await;
    let code = query_param(&back, "code").expect("code");
    let answer: Value = reqwest::Client::new()
        .post(format!("{}/token", provider.issuer))
        .basic_auth(client_id, Some(secret))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "grant_type=authorization_code&code={code}&redirect_uri={encoded_redirect}&code_verifier={verifier}"
        ))
        .send()
        .await
        .expect("token")
        .json()
        .await
        .expect("token json");
    answer["id_token"]
        .as_str()
        .unwrap_or_else(|| panic!("an ID token: {answer}"))
        .to_string()
}

#[tokio::test]
async fn a_token_for_another_client_is_refused() {
    let (server, provider, _dir) = setup(&[]);
    let callback_prefix = server.url("/api/auth/oidc/callback");
    let mut browser = Browser::new();
    let authorize = start_sign_in(&mut browser, &server).await;
    let nonce = query_param(&authorize, "nonce").expect("nonce");
    // Genuinely signed by the provider, same person, same nonce — but
    // issued to another application.
    let foreign = id_token_for_other_client(&provider, &nonce).await;
    let callback = browser
        .sign_in_at_provider(&authorize, "giulia-sub", &callback_prefix)
        .await;
    provider.substitute_next_id_token(&foreign).await;
    let answer = finish(&mut browser, &server, &callback).await;
    assert_eq!(sso_error(&answer).as_deref(), Some("invalid_token"));
    assert!(session_of(&answer, &server, &browser).is_none());
    assert!(log_shows(&server, "audience").await);
}

#[tokio::test]
async fn a_tampered_token_and_a_wrong_nonce_are_refused() {
    let (server, provider, _dir) = setup(&[]);
    let callback_prefix = server.url("/api/auth/oidc/callback");

    // Issued to Vela, but in another flow (another nonce): a replayed token.
    let vela_client = (CLIENT_ID, CLIENT_SECRET, callback_prefix.as_str());
    let mut browser = Browser::new();
    let authorize = start_sign_in(&mut browser, &server).await;
    let replayed = id_token_for(&provider, vela_client, "another-nonce").await;
    let callback = browser
        .sign_in_at_provider(&authorize, "giulia-sub", &callback_prefix)
        .await;
    provider.substitute_next_id_token(&replayed).await;
    let answer = finish(&mut browser, &server, &callback).await;
    assert_eq!(sso_error(&answer).as_deref(), Some("invalid_token"));

    // The right nonce, but a claim changed after signing: Giulia's token
    // made to say she is the administrator.
    let mut browser = Browser::new();
    let authorize = start_sign_in(&mut browser, &server).await;
    let nonce = query_param(&authorize, "nonce").expect("nonce");
    let token = id_token_for(&provider, vela_client, &nonce).await;
    let parts: Vec<&str> = token.split('.').collect();
    let mut claims: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).expect("base64")).expect("json");
    claims["preferred_username"] = json!("admin");
    let tampered = format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode(claims.to_string()),
        parts[2]
    );
    let callback = browser
        .sign_in_at_provider(&authorize, "giulia-sub", &callback_prefix)
        .await;
    provider.substitute_next_id_token(&tampered).await;
    let answer = finish(&mut browser, &server, &callback).await;
    assert_eq!(sso_error(&answer).as_deref(), Some("invalid_token"));
    assert!(session_of(&answer, &server, &browser).is_none());
    assert!(log_shows(&server, "Signature verification failed").await);
    assert!(log_shows(&server, "nonce").await);
}

#[tokio::test]
async fn an_expired_token_is_refused() {
    // Vela's clock two hours ahead: the provider's ID tokens live one hour.
    let (server, _provider, _dir) = setup(&["--oidc-clock-offset-secs=7200"]);
    let mut browser = Browser::new();
    let authorize = start_sign_in(&mut browser, &server).await;
    let callback = browser
        .sign_in_at_provider(
            &authorize,
            "giulia-sub",
            &server.url("/api/auth/oidc/callback"),
        )
        .await;
    let answer = finish(&mut browser, &server, &callback).await;
    assert_eq!(sso_error(&answer).as_deref(), Some("invalid_token"));
    assert!(session_of(&answer, &server, &browser).is_none());
    assert!(log_shows(&server, "Expired").await);
}

#[tokio::test]
async fn unknown_and_deactivated_people_are_refused() {
    let (server, _provider, _dir) = setup(&[]);
    let callback_prefix = server.url("/api/auth/oidc/callback");
    let mut browser = Browser::new();
    let authorize = start_sign_in(&mut browser, &server).await;
    let callback = browser
        .sign_in_at_provider(&authorize, "stranger", &callback_prefix)
        .await;
    let answer = finish(&mut browser, &server, &callback).await;
    assert_eq!(sso_error(&answer).as_deref(), Some("unknown_person"));
    assert!(session_of(&answer, &server, &browser).is_none());

    // Giulia, deactivated by an administrator, is refused too.
    let giulia = server.login("giulia").await;
    let (_, me) = giulia.get_json("/api/me").await;
    let admin = server.login("admin").await;
    let (status, body) = admin
        .post_json(
            "/api/sync/push?protocol=4",
            &json!({"commands": [{"id": uuid::Uuid::new_v4(), "command":
                {"area":"directory","type":"set_active","person":me["person"]["id"],"active":false}}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["results"][0]["status"], "accepted", "{body}");
    let mut browser = Browser::new();
    let authorize = start_sign_in(&mut browser, &server).await;
    let callback = browser
        .sign_in_at_provider(&authorize, "giulia-sub", &callback_prefix)
        .await;
    let answer = finish(&mut browser, &server, &callback).await;
    assert_eq!(sso_error(&answer).as_deref(), Some("unknown_person"));
    assert!(log_shows(&server, "deactivated").await);
}

#[tokio::test]
async fn people_can_be_matched_by_their_e_mail_address() {
    let (server, _provider, _dir) = setup(&["--oidc-username-claim", "email"]);
    let mut browser = Browser::new();
    let authorize = start_sign_in(&mut browser, &server).await;
    let callback = browser
        .sign_in_at_provider(
            &authorize,
            "giulia-sub",
            &server.url("/api/auth/oidc/callback"),
        )
        .await;
    let answer = finish(&mut browser, &server, &callback).await;
    let session = session_of(&answer, &server, &browser).expect("signed in");
    let (_, me) = session.get_json("/api/me").await;
    assert_eq!(me["person"]["username"], "giulia");
}

#[tokio::test]
async fn a_provider_that_is_down_gives_a_clear_error() {
    // Nothing listens on the issuer's port: Vela still starts.
    let (server, _dir) = vela(free_port(), &[]);
    let mut browser = Browser::new();
    let answer = browser.get(&server.url("/api/auth/oidc/login")).await;
    assert_eq!(answer.status, 303);
    assert_eq!(
        answer.location.as_deref(),
        Some("/?sso_error=provider_unavailable")
    );
    assert!(log_shows(&server, "single sign-on failed").await);
    assert!(log_shows(&server, "discovery of http://127.0.0.1").await);
}

#[tokio::test]
async fn roles_can_come_from_the_providers_groups() {
    let (server, _provider, _dir) = setup(&[
        "--oidc-roles-claim",
        "groups",
        "--oidc-roles-map",
        "vela-staff=employee,vela-admins=employee,vela-admins=admin",
    ]);
    let callback_prefix = server.url("/api/auth/oidc/callback");
    let mut browser = Browser::new();
    let authorize = start_sign_in(&mut browser, &server).await;
    let callback = browser
        .sign_in_at_provider(&authorize, "giulia-sub", &callback_prefix)
        .await;
    let answer = finish(&mut browser, &server, &callback).await;
    let session = session_of(&answer, &server, &browser).expect("signed in");
    let (_, me) = session.get_json("/api/me").await;
    assert_eq!(me["person"]["roles"], json!(["employee", "admin"]), "{me}");
    assert!(log_shows(&server, "roles set from the identity provider").await);

    // Marco's groups grant nothing in Vela: refused, whatever his roles there.
    let mut browser = Browser::new();
    let authorize = start_sign_in(&mut browser, &server).await;
    let callback = browser
        .sign_in_at_provider(&authorize, "marco-sub", &callback_prefix)
        .await;
    let answer = finish(&mut browser, &server, &callback).await;
    assert_eq!(sso_error(&answer).as_deref(), Some("no_role"));
    assert!(session_of(&answer, &server, &browser).is_none());
}
