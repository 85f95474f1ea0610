//! `vela-server export`: the organisations of a PostgreSQL database into an
//! empty data directory, as the JSON store's files, then checked there.
//!
//! Each organisation is written as compaction leaves it: a snapshot of its
//! current state and remembered command ids, and the empty segment its log
//! continues in (the database's older rows are history the JSON store
//! would have compacted away). The directory is then opened strictly, as
//! start-up opens it, and each organisation must have the database's
//! revision and state (SHA-256). The accounts and calendar feeds are
//! written as `accounts.json` and `feeds.json`, the security log and the
//! audit trails as `security.jsonl` and `orgs/<id>/audit.jsonl`, and
//! counted there.

use std::path::Path;

use vela_domain::State;

use super::migrate::hash;
use super::CliError;
use crate::store::{log, JsonStore, PgStore, Store, StoreOptions};

/// `vela-server export --database-url-file F --data-dir EMPTY`.
pub async fn export(url: &str, data_dir: &Path) -> Result<String, CliError> {
    let empty = match std::fs::read_dir(data_dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
        Err(e) => return Err(CliError::new(format!("{}: {e}", data_dir.display()))),
    };
    if !empty {
        return Err(CliError::new(format!(
            "{} is not empty; export only into an empty or new directory",
            data_dir.display()
        )));
    }
    let store = PgStore::<State>::connect(url, StoreOptions::default()).await?;
    let mut expected = Vec::new();
    for org in store.organisations() {
        let snapshot = store.snapshot(org)?;
        let revision = snapshot.revision;
        expected.push((org, revision, hash(&snapshot.state)));
        let dir = data_dir.join("orgs").join(org.to_string());
        tokio::task::spawn_blocking(move || {
            let mut snapshot = snapshot;
            log::write_compacted(
                &dir,
                revision,
                Box::new(move |out| {
                    snapshot.state.drop_derived();
                    serde_json::to_writer(out, &snapshot).map_err(std::io::Error::other)
                }),
            )
        })
        .await
        .map_err(|e| CliError::new(format!("the task failed: {e}")))??;
    }
    drop(store);
    let dir = data_dir.to_path_buf();
    let files = tokio::task::spawn_blocking(move || {
        JsonStore::<State>::open(&dir, StoreOptions::default())
    })
    .await
    .map_err(|e| CliError::new(format!("the task failed: {e}")))??;
    let mut lines = Vec::new();
    for (org, revision, hash_in_db) in &expected {
        let (found, hash_in_files) = files.read(*org, |state, r| (r, hash(state)))?;
        if found != *revision || hash_in_files != *hash_in_db {
            return Err(CliError::new(format!(
                "organisation {org} differs in the files (revision {found}, state {hash_in_files}) from the database (revision {revision}, state {hash_in_db})"
            )));
        }
        lines.push(format!(
            "{org}: revision {revision}, state sha256 {hash_in_db}"
        ));
    }
    files.shutdown()?;
    lines.push(super::credentials::export(url, data_dir).await?);
    lines.push(super::audit_logs::export(url, data_dir).await?);
    Ok(format!(
        "exported {} organisation(s) into {}, verified:\n{}",
        expected.len(),
        data_dir.display(),
        lines.join("\n")
    ))
}
