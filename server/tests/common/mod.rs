//! Test harness: the real `vela-server` binary on 127.0.0.1, with a temporary
//! data dir and a fake `dist/`, talked to over real HTTP.

#![allow(dead_code)] // each test file uses a different part of the harness

pub mod postgres;
pub mod store_kind;

pub use store_kind::{store_kind, StoreKind};

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use reqwest::header::{HeaderMap, CONTENT_TYPE, COOKIE, SET_COOKIE};
use serde_json::Value;

pub const INDEX_HTML: &str =
    "<!doctype html><html><head><title>Vela test</title></head><body>app shell</body></html>";
pub const WASM_NAME: &str = "vela-app-0123456789abcdef_bg.wasm";
pub const DEMO_PASSWORD: &str = "vela-demo";

/// A running server; killed when dropped.
pub struct Server {
    pub child: Child,
    pub base: String,
    pub data_dir: PathBuf,
    pub dist_dir: PathBuf,
    _temp: Option<tempfile::TempDir>,
    /// Lines the server wrote to stderr (its log), collected in the background.
    pub log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    /// The database this server stores in when the suite runs on PostgreSQL
    /// (`VELA_TEST_STORE=postgres`); shared with a restart on the same data dir.
    database: Option<std::sync::Arc<postgres::TestDatabase>>,
}

/// Makes a fresh temp dir with `data/` and a fake `dist/`.
pub fn temp_dirs() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let temp = tempfile::tempdir().expect("temp dir");
    let data = temp.path().join("data");
    let dist = temp.path().join("dist");
    std::fs::create_dir_all(&dist).expect("dist dir");
    std::fs::write(dist.join("index.html"), INDEX_HTML).expect("index.html");
    // Large and repetitive enough to be worth compressing.
    let js = "console.log('vela');\n".repeat(200);
    std::fs::write(dist.join("vela-app-0123456789abcdef.js"), js).expect("js");
    std::fs::write(dist.join(WASM_NAME), b"\0asm\x01\0\0\0").expect("wasm");
    std::fs::write(
        dist.join("sw.js"),
        "self.addEventListener('install', () => {});\n",
    )
    .expect("sw");
    (temp, data, dist)
}

impl Server {
    /// Starts a server on fresh temp dirs.
    pub fn start(extra: &[&str]) -> Server {
        let (temp, data, dist) = temp_dirs();
        let mut server = Server::start_in(&data, &dist, extra).expect("server starts");
        server._temp = Some(temp);
        server
    }

    /// Starts a server on the given dirs, with the demo partnership (the
    /// tests sign in as its people); `Err` carries its stderr if it exits
    /// before listening.
    pub fn start_in(data: &Path, dist: &Path, extra: &[&str]) -> Result<Server, String> {
        let demo = (!extra.contains(&"--demo")).then_some("--demo");
        Server::start_plain(data, dist, &[extra, demo.as_slice()].concat())
    }

    /// Starts this build's server on the given dirs with exactly these flags.
    pub fn start_plain(data: &Path, dist: &Path, extra: &[&str]) -> Result<Server, String> {
        Server::start_binary(
            Path::new(env!("CARGO_BIN_EXE_vela-server")),
            data,
            dist,
            extra,
            &[],
        )
    }

    /// Starts this build's server on the JSON files of fresh temp dirs, on
    /// either run of the suite: for tests about the JSON store as such (what
    /// `migrate` reads, what `export` writes).
    pub fn start_json(extra: &[&str]) -> Server {
        let (temp, data, dist) = temp_dirs();
        let demo = (!extra.contains(&"--demo")).then_some("--demo");
        let mut server = Server::start_plain_json(&data, &dist, &[extra, demo.as_slice()].concat())
            .expect("server starts");
        server._temp = Some(temp);
        server
    }

    /// [`Server::start_plain`] on the JSON files, on either run of the suite.
    pub fn start_plain_json(data: &Path, dist: &Path, extra: &[&str]) -> Result<Server, String> {
        let binary = Path::new(env!("CARGO_BIN_EXE_vela-server"));
        Server::launch(binary, data, dist, extra, &[], StoreKind::Json)
    }

    /// Starts `binary` (this build's server, or an older release's) on the
    /// given dirs with exactly these flags and extra environment variables.
    pub fn start_binary(
        binary: &Path,
        data: &Path,
        dist: &Path,
        extra: &[&str],
        env: &[(&str, &Path)],
    ) -> Result<Server, String> {
        Server::launch(binary, data, dist, extra, env, store_kind())
    }

    fn launch(
        binary: &Path,
        data: &Path,
        dist: &Path,
        extra: &[&str],
        env: &[(&str, &Path)],
        store: StoreKind,
    ) -> Result<Server, String> {
        let mut command = Command::new(binary);
        for (name, value) in env {
            command.env(name, value);
        }
        // On the PostgreSQL run, this build's server gets the data dir's own
        // database unless the test chose one; the URL goes by environment,
        // off the command line, as production should pass it.
        let chose_database = extra.iter().any(|a| a.starts_with("--database-url"))
            || env
                .iter()
                .any(|(name, _)| name.starts_with("VELA_DATABASE_URL"));
        let this_build = binary == Path::new(env!("CARGO_BIN_EXE_vela-server"));
        let database = (store == StoreKind::Postgres && this_build && !chose_database)
            .then(|| store_kind::database_for(data));
        if let Some(database) = &database {
            command.env("VELA_DATABASE_URL", database.url());
        }
        let mut child = command
            .args(["--addr", "127.0.0.1:0", "--data-dir"])
            .arg(data)
            .arg("--dist")
            .arg(dist)
            .args(extra)
            .env("RUST_LOG", "info")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn vela-server");
        let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let stderr = child.stderr.take().expect("stderr");
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                sink.lock().expect("log lock").push(line);
            }
        });
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let base = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(url) = line.strip_prefix("vela-server listening on ") {
                        break url.trim().to_string();
                    }
                }
                _ => {
                    let _ = child.wait();
                    std::thread::sleep(Duration::from_millis(100));
                    let log = log.lock().expect("log lock").join("\n");
                    if let Some(database) = database {
                        store_kind::release(data, database);
                    }
                    return Err(log);
                }
            }
        };
        // Keep draining stdout so the child never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Ok(Server {
            child,
            base,
            data_dir: data.to_path_buf(),
            dist_dir: dist.to_path_buf(),
            _temp: None,
            log,
            database,
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub fn log_text(&self) -> String {
        self.log.lock().expect("log lock").join("\n")
    }

    /// SIGKILL: no chance to flush anything.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM and wait for a clean exit.
    pub fn terminate(&mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        self.child.wait().expect("wait")
    }

    /// Takes the temp dir so it outlives this server (for a restart).
    pub fn keep_dirs(&mut self) -> Option<tempfile::TempDir> {
        self._temp.take()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(database) = self.database.take() {
            if self._temp.is_some() {
                // The data dir goes with this server: so does its database.
                store_kind::forget(&self.data_dir);
            } else {
                store_kind::release(&self.data_dir, database);
            }
        }
    }
}

/// What a finished `vela-server` command said.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs this build's `vela-server args…` (a subcommand), writing `stdin` to
/// it, without the deployment's environment variables of the test process.
pub fn vela(args: &[&str], stdin: &str) -> Run {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_vela-server"))
        .args(args)
        .env_remove("VELA_DATA_DIR")
        .env_remove("VELA_DEMO")
        .env_remove("VELA_DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn vela-server");
    let mut input = child.stdin.take().expect("stdin");
    // The process may exit before reading (bad flags): ignore a broken pipe.
    let _ = input.write_all(stdin.as_bytes());
    drop(input);
    let out = child.wait_with_output().expect("wait");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A client without automatic decompression or cookies, so tests see the wire.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .expect("client")
}

/// A logged-in person: the session cookie to send with each request.
#[derive(Clone)]
pub struct Session {
    pub base: String,
    pub cookie: String,
    pub http: reqwest::Client,
}

/// The `vela_session=…` pair of a login answer's Set-Cookie.
pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("vela_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
}

impl Server {
    pub async fn login(&self, username: &str) -> Session {
        self.login_with(username, DEMO_PASSWORD)
            .await
            .unwrap_or_else(|status| panic!("login of {username} failed: {status}"))
    }

    pub async fn login_with(&self, username: &str, password: &str) -> Result<Session, u16> {
        let http = client();
        let response = http
            .post(self.url("/api/auth/login"))
            .json(&serde_json::json!({"username": username, "password": password}))
            .send()
            .await
            .expect("login request");
        if !response.status().is_success() {
            return Err(response.status().as_u16());
        }
        let cookie = session_cookie(response.headers()).expect("session cookie");
        Ok(Session {
            base: self.base.clone(),
            cookie,
            http,
        })
    }
}

impl Session {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{}", self.base, path))
            .header(COOKIE, &self.cookie)
            .send()
            .await
            .expect("GET")
    }

    pub async fn get_json(&self, path: &str) -> (u16, Value) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.json().await.expect("JSON body"))
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> (u16, Value) {
        let response = self
            .http
            .post(format!("{}{}", self.base, path))
            .header(COOKIE, &self.cookie)
            .json(body)
            .send()
            .await
            .expect("POST");
        let status = response.status().as_u16();
        (status, response.json().await.expect("JSON body"))
    }

    pub async fn put_json(&self, path: &str, body: &Value) -> (u16, Value) {
        let response = self
            .http
            .put(format!("{}{}", self.base, path))
            .header(COOKIE, &self.cookie)
            .json(body)
            .send()
            .await
            .expect("PUT");
        let status = response.status().as_u16();
        (status, response.json().await.expect("JSON body"))
    }

    pub async fn post_raw(&self, path: &str, content_type: &str, body: Vec<u8>) -> (u16, Value) {
        let response = self
            .http
            .post(format!("{}{}", self.base, path))
            .header(COOKIE, &self.cookie)
            .header(CONTENT_TYPE, content_type)
            .body(body)
            .send()
            .await
            .expect("POST");
        let status = response.status().as_u16();
        (status, response.json().await.expect("JSON body"))
    }
}
