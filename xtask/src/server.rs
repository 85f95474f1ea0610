//! A real `vela-server` on a free port with a fresh data dir, for the browser tests.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::Result;

pub struct TestServer {
    child: Child,
    pub url: String,
    data_dir: PathBuf,
    pub log: PathBuf,
}

impl TestServer {
    /// Starts `binary` on 127.0.0.1:0 and waits for the line announcing its URL.
    pub fn start(binary: &Path, dist: &Path, log: PathBuf) -> Result<TestServer> {
        let data_dir = std::env::temp_dir().join(format!("vela-e2e-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&data_dir);
        let log_file =
            std::fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        let mut child = Command::new(binary)
            .arg("--addr")
            .arg("127.0.0.1:0")
            .arg("--data-dir")
            .arg(&data_dir)
            .arg("--dist")
            .arg(dist)
            // The browser tests sign in as the demo partnership's people.
            .arg("--demo")
            // Light password hashes for the demo accounts: the browser tests sign
            // in dozens of times in parallel, and what they test is the app. The
            // real argon2 cost and its bounded pool have server tests of their own.
            .arg("--insecure-fast-hashing")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log_file)
            .spawn()
            .map_err(|e| format!("could not start {}: {e}", binary.display()))?;
        let stdout = child.stdout.take().ok_or("server stdout not captured")?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
                if let Some(url) = line.split("listening on ").nth(1) {
                    let _ = tx.send(url.trim().to_string());
                }
            }
        });
        let mut server = TestServer {
            child,
            url: String::new(),
            data_dir,
            log,
        };
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(url) => {
                server.url = url;
                Ok(server)
            }
            Err(_) => Err(format!(
                "the server did not announce its address within 60 s (log: {})",
                server.log.display()
            )),
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        // SIGTERM first so the server flushes its store, as in production.
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        for _ in 0..50 {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}
