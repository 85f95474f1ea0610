//! The servers under test, as child processes on free ports.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

pub struct ServerProcess {
    child: Child,
    pub base: String,
    _dirs: tempfile::TempDir,
}

impl ServerProcess {
    /// Starts `binary` on 127.0.0.1 with a fresh data dir seeded with a
    /// load-test organisation of `people` with a year of plans, and waits
    /// for its "listening on" line (seeding happens before it). With
    /// `database_url_file` the organisation is stored in that database
    /// (seeded by the first replica only); `accounts` is a first replica's
    /// `accounts.json` for another one, while accounts live in the data dir.
    pub fn start(
        binary: &Path,
        people: usize,
        database_url_file: Option<&Path>,
        accounts: Option<&Path>,
    ) -> Result<ServerProcess, String> {
        let dirs = tempfile::tempdir().map_err(|e| format!("temp dir: {e}"))?;
        let dist = dirs.path().join("dist");
        std::fs::create_dir_all(&dist).map_err(|e| format!("dist: {e}"))?;
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><title>bench</title>",
        )
        .map_err(|e| format!("index.html: {e}"))?;
        let data = dirs.path().join("data");
        if let Some(accounts) = accounts {
            std::fs::create_dir_all(&data).map_err(|e| format!("data: {e}"))?;
            std::fs::copy(accounts, data.join("accounts.json"))
                .map_err(|e| format!("accounts: {e}"))?;
        }
        let mut command = Command::new(binary);
        if let Some(file) = database_url_file {
            command.arg("--database-url-file").arg(file);
        }
        let mut child = command
            .arg("--addr")
            .arg("127.0.0.1:0")
            .arg("--data-dir")
            .arg(&data)
            .arg("--dist")
            .arg(&dist)
            .arg("--synthetic")
            .arg(people.to_string())
            .arg("--insecure-fast-hashing")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut lines = BufReader::new(stdout).lines();
        let base = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(url) = line.split("listening on ").nth(1) {
                        break url.trim().to_owned();
                    }
                }
                _ => return Err("the server exited before listening".into()),
            }
        };
        // Keep draining stdout so the child never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Ok(ServerProcess {
            child,
            base,
            _dirs: dirs,
        })
    }

    /// Its `accounts.json`, for a second replica.
    pub fn accounts(&self) -> std::path::PathBuf {
        self._dirs.path().join("data").join("accounts.json")
    }

    /// Resident memory of the server in MiB, from /proc (Linux).
    pub fn rss_mib(&self) -> Option<f64> {
        self.status_mib("VmRSS:")
    }

    /// The most resident memory the server ever had, in MiB.
    pub fn peak_mib(&self) -> Option<f64> {
        self.status_mib("VmHWM:")
    }

    fn status_mib(&self, key: &str) -> Option<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let kib: f64 = status
            .lines()
            .find(|l| l.starts_with(key))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()?;
        Some(kib / 1024.0)
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
