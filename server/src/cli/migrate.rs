//! `vela-server migrate`: a JSON data directory's organisations into an
//! empty PostgreSQL database, then checked there.
//!
//! The directory is read strictly (as `check` reads it, changing nothing;
//! an incomplete last line was never acknowledged and is left out) while
//! its lock is held, so no server writes it meanwhile. Each organisation's
//! snapshot and the log lines after it are copied in one transaction
//! (`store::pg::import`). Then the database is loaded as a server would load
//! it, and each organisation must have the same revision, the same number
//! of log rows and the same state (SHA-256 of its JSON) as the directory.
//! The accounts and calendar feeds (`accounts.json`, `feeds.json`), the
//! security log and the audit trails go into their tables too, then
//! counted there, so a server on the database needs none of the files
//! (they stay in the directory, unread).

use std::path::Path;

use sha2::{Digest, Sha256};
use uuid::Uuid;
use vela_domain::State;

use super::archive::require_data_dir;
use super::lock::DataDirLock;
use super::CliError;
use crate::store::pg::{import, Imported};
use crate::store::{log, EntryOf, Model, PgStore, Snapshot, Store, StoreOptions};

/// What the directory held, to compare with the database.
struct Expected {
    id: Uuid,
    revision: u64,
    rows: usize,
    hash: String,
}

/// `vela-server migrate --data-dir D --database-url URL`.
pub async fn migrate(data_dir: &Path, url: &str) -> Result<String, CliError> {
    require_data_dir(data_dir)?;
    let _lock = DataDirLock::acquire(data_dir)?;
    let dir = data_dir.to_path_buf();
    let (organisations, expected) = tokio::task::spawn_blocking(move || read(&dir))
        .await
        .map_err(|e| CliError::new(format!("the task failed: {e}")))??;
    if organisations.is_empty() {
        return Err(CliError::new(format!(
            "{} holds no organisation to migrate",
            data_dir.display()
        )));
    }
    let dir = data_dir.to_path_buf();
    let credentials = tokio::task::spawn_blocking(move || super::credentials::read(&dir))
        .await
        .map_err(|e| CliError::new(format!("the task failed: {e}")))??;
    let audit = super::audit_logs::read(data_dir, expected.iter().map(|o| o.id).collect()).await?;
    super::credentials::require_empty(url).await?;
    super::audit_logs::require_empty(url).await?;
    import::<State>(url, organisations).await?;
    let credentials_line = super::credentials::import(url, credentials).await?;
    let audit_line = super::audit_logs::import(url, audit).await?;
    let store = PgStore::<State>::connect(url, StoreOptions::default()).await?;
    let mut lines = Vec::new();
    for org in &expected {
        let (revision, hash) = store.read(org.id, |state, revision| (revision, hash(state)))?;
        let rows = count_rows(url, org.id).await?;
        if revision != org.revision || hash != org.hash || rows != org.rows {
            return Err(CliError::new(format!(
                "organisation {} differs in the database (revision {revision}, {rows} rows, state {hash}) from the directory (revision {}, {} lines, state {}); the database is not fit to serve",
                org.id, org.revision, org.rows, org.hash
            )));
        }
        lines.push(format!(
            "{}: revision {revision}, {rows} log rows after the snapshot, state sha256 {hash}",
            org.id
        ));
    }
    lines.push(credentials_line);
    lines.push(audit_line);
    Ok(format!(
        "migrated {} organisation(s) into the database, verified:\n{}",
        expected.len(),
        lines.join("\n")
    ))
}

type Read = (Vec<Imported<State>>, Vec<Expected>);

/// Every organisation of the directory, and what it must look like.
fn read(data_dir: &Path) -> Result<Read, CliError> {
    let root = data_dir.join("orgs");
    let mut organisations = Vec::new();
    let mut expected = Vec::new();
    let entries = match std::fs::read_dir(&root) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((organisations, expected)),
        Err(e) => return Err(CliError::new(format!("{}: {e}", root.display()))),
    };
    let mut dirs: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    dirs.sort_by_key(|e| e.file_name());
    for entry in dirs {
        let Some(id) = entry
            .file_name()
            .to_str()
            .and_then(|n| Uuid::parse_str(n).ok())
        else {
            continue;
        };
        let scan = log::scan::<Snapshot<State, vela_domain::Actor>, EntryOf<State>>(&entry.path())?;
        let mut state = scan
            .snapshot
            .as_ref()
            .map_or_else(State::default, |s| s.state.clone());
        let mut revision = scan.snapshot.as_ref().map_or(0, |s| s.revision);
        for line in &scan.lines {
            for event in &line.events {
                state.apply(event);
            }
            revision = line.revision;
        }
        expected.push(Expected {
            id,
            revision,
            rows: scan.lines.len(),
            hash: hash(&state),
        });
        organisations.push(Imported {
            id,
            snapshot: scan.snapshot,
            entries: scan.lines,
        });
    }
    Ok((organisations, expected))
}

/// The state's fingerprint: SHA-256 of its JSON (records only, in a fixed
/// order), hex.
pub(super) fn hash(state: &State) -> String {
    let json = serde_json::to_vec(state).unwrap_or_default();
    Sha256::digest(&json)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn count_rows(url: &str, org: Uuid) -> Result<usize, CliError> {
    let client = crate::store::pg::connect(url)
        .await
        .map_err(|e| CliError::new(format!("database: {e}")))?;
    let count: i64 = client
        .query_one("SELECT count(*) FROM vela_log WHERE org = $1", &[&org])
        .await
        .map_err(|e| CliError::new(format!("database: {e}")))?
        .get(0);
    Ok(usize::try_from(count).unwrap_or(0))
}
