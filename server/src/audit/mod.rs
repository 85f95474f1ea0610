//! Who did what, and when: the audit trail of accepted changes and the
//! security log, both read by an organisation's administrators through
//! `GET /api/audit` and never synced to any browser.
//!
//! - [`trail`]: one append-only `orgs/<id>/audit.jsonl` per stored state,
//!   written from each durable revision. The log segments are deleted after
//!   each snapshot, so the trail keeps its own file: one line per revision,
//!   with when, who, the command's id and what changed on whom
//!   ([`vela_domain::audit::change`]), by id only.
//! - [`security`]: `security.jsonl` for the whole deployment — sign-ins,
//!   failed sign-ins, passwords set, calendar feeds created or revoked,
//!   imports and single sign-ons ([`Audit::record`] is the one hook).
//! - [`query`]: filters, pages and the rows both routes answer; names are
//!   looked up in the current state when read, so an anonymised person is
//!   named nowhere, however old the line.

pub mod query;
pub mod security;
pub mod trail;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use uuid::Uuid;

pub use security::{SecurityEvent, SecurityKind};

use crate::org_store::OrgStore;

/// The audit trail and the security log of one data directory.
pub struct Audit {
    data_dir: PathBuf,
    /// One writer at a time for the security log; its lines are short.
    security: Mutex<()>,
    /// One catch-up at a time (the follower and a reader asking for the
    /// newest lines may race), and where each trail ends.
    trail: Mutex<trail::Cursors>,
}

impl Audit {
    /// The audit of `data_dir` (files are created when first written).
    pub fn new(data_dir: &Path) -> Self {
        Audit {
            data_dir: data_dir.to_owned(),
            security: Mutex::new(()),
            trail: Mutex::new(trail::Cursors::default()),
        }
    }

    /// The security log's file.
    pub fn security_path(&self) -> PathBuf {
        self.data_dir.join("security.jsonl")
    }

    /// The audit trail of stored state `org`.
    pub fn trail_path(&self, org: Uuid) -> PathBuf {
        self.data_dir
            .join("orgs")
            .join(org.to_string())
            .join("audit.jsonl")
    }

    /// Records a security event. The hook for every route that signs
    /// someone in, changes a credential or imports people: `kind`, the
    /// person concerned (or acting), and a short detail (no secrets). A
    /// failed write is logged, never fatal to the request it describes.
    pub async fn record(self: &std::sync::Arc<Self>, store: &OrgStore, event: SecurityEvent) {
        let line = security::line(store, event);
        let audit = self.clone();
        let written = tokio::task::spawn_blocking(move || audit.append_security(&line)).await;
        match written {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::error!("cannot write the security log: {e}"),
            Err(e) => tracing::error!("cannot write the security log: {e}"),
        }
    }

    fn append_security(&self, line: &security::SecurityLine) -> std::io::Result<()> {
        let _one = self.security.lock().unwrap_or_else(|e| e.into_inner());
        append_line(&self.security_path(), line)
    }
}

/// Appends one JSON line and makes it durable.
fn append_line(path: &Path, line: &impl serde::Serialize) -> std::io::Result<()> {
    let mut bytes = serde_json::to_vec(line).map_err(std::io::Error::other)?;
    bytes.push(b'\n');
    append_bytes(path, &bytes)
}

/// Appends `bytes` (whole lines) and makes them durable. A torn last line
/// (a crash mid-write) is ended first, so it spoils only itself.
fn append_bytes(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom, Write};
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .read(true)
        .append(true)
        .open(path)?;
    let mut last = [b'\n'];
    if file.metadata()?.len() > 0 {
        file.seek(SeekFrom::End(-1))?;
        file.read_exact(&mut last)?;
    }
    if last[0] != b'\n' {
        file.write_all(b"\n")?;
    }
    file.write_all(bytes)?;
    file.sync_data()
}
