//! The audit trail and the security log on their way between a data
//! directory (`security.jsonl`, `orgs/<id>/audit.jsonl`) and the database
//! (`vela_security_log`, `vela_audit_trail`), for `migrate` and `export`:
//! the same JSON lines, copied and counted at the other end. A line no
//! reader would show (torn, or unreadable) is left out, as readers leave it.

use std::path::Path;

use uuid::Uuid;

use super::CliError;
use crate::audit::pg::Dump;
use crate::audit::{FileAudit, PgAudit};
use crate::store::pg;

fn database(e: impl std::fmt::Display) -> CliError {
    CliError::new(format!("audit: {e}"))
}

fn task(e: tokio::task::JoinError) -> CliError {
    CliError::new(format!("the task failed: {e}"))
}

/// The audit files of `data_dir`, for stored states `orgs`.
pub async fn read(data_dir: &Path, orgs: Vec<Uuid>) -> Result<Dump, CliError> {
    let dir = data_dir.to_path_buf();
    tokio::task::spawn_blocking(move || FileAudit::new(&dir).read_all(&orgs))
        .await
        .map_err(task)
}

/// Refuses a database that already holds audit rows.
pub async fn require_empty(url: &str) -> Result<(), CliError> {
    let audit = PgAudit::new(pg::pool(url, 1).await?);
    if audit.counts().await.map_err(database)? != (0, 0) {
        return Err(CliError::new(
            "the database already holds an audit trail or a security log; migrate only into an empty one",
        ));
    }
    Ok(())
}

/// Copies `dump` in, then checks the tables hold as many rows.
pub async fn import(url: &str, dump: Dump) -> Result<String, CliError> {
    let audit = PgAudit::new(pg::pool(url, 1).await?);
    audit.import(&dump).await.map_err(database)?;
    let want = counts(&dump);
    let found = audit.counts().await.map_err(database)?;
    if found != want {
        return Err(CliError::new(format!(
            "the database holds {} security events and {} trail rows, the directory {} and {}",
            found.0, found.1, want.0, want.1
        )));
    }
    Ok(format!(
        "{} security event(s), {} audit trail line(s)",
        want.0, want.1
    ))
}

/// Writes the database's audit into `data_dir`'s files, then reads them
/// back and counts them.
pub async fn export(url: &str, data_dir: &Path) -> Result<String, CliError> {
    let dump = PgAudit::new(pg::pool(url, 1).await?)
        .dump()
        .await
        .map_err(database)?;
    let want = counts(&dump);
    let orgs: Vec<Uuid> = dump.trails.iter().map(|(org, _)| *org).collect();
    let dir = data_dir.to_path_buf();
    let found = tokio::task::spawn_blocking(move || {
        let files = FileAudit::new(&dir);
        files
            .write_all(&dump)
            .map_err(|e| CliError::new(format!("cannot write the audit files: {e}")))?;
        Ok::<_, CliError>(counts(&files.read_all(&orgs)))
    })
    .await
    .map_err(task)??;
    if found != want {
        return Err(CliError::new(format!(
            "the files hold {} security events and {} trail lines, the database {} and {}",
            found.0, found.1, want.0, want.1
        )));
    }
    Ok(format!(
        "{} security event(s), {} audit trail line(s)",
        want.0, want.1
    ))
}

fn counts(dump: &Dump) -> (usize, usize) {
    (
        dump.security.len(),
        dump.trails.iter().map(|(_, lines)| lines.len()).sum(),
    )
}
