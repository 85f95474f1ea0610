//! The accounts and calendar feeds on their way between a data directory
//! (`accounts.json`, `feeds.json`) and the database (`vela_accounts`,
//! `vela_feeds`), for `migrate` and `export`: copied as they are (hashes
//! only; no token or password exists in either) and counted at the other
//! end.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use uuid::Uuid;

use super::CliError;
use crate::auth::accounts::{Account, Accounts, FileAccounts, PgAccounts};
use crate::ics::feeds::{Feed, FileFeeds, PgFeeds};
use crate::store::pg;

/// What a directory holds besides the store.
pub struct Credentials {
    accounts: Vec<(String, Account)>,
    feeds: BTreeMap<Uuid, Feed>,
}

/// Reads both files as a server would (strictly; missing is none).
pub fn read(data_dir: &Path) -> Result<Credentials, CliError> {
    let accounts = FileAccounts::open(data_dir)?.all();
    let feeds = FileFeeds::open(data_dir)
        .map_err(|e| CliError::new(e.to_string()))?
        .all();
    Ok(Credentials { accounts, feeds })
}

/// Refuses a database that already holds accounts or feeds.
pub async fn require_empty(url: &str) -> Result<(), CliError> {
    let (accounts, feeds) = counts(url).await?;
    if accounts + feeds > 0 {
        return Err(CliError::new(
            "the database already holds accounts or calendar feeds; migrate only into an empty one",
        ));
    }
    Ok(())
}

/// Copies the accounts and feeds in, then checks the tables hold as many.
pub async fn import(url: &str, credentials: Credentials) -> Result<String, CliError> {
    let pool = pg::pool(url, 1).await?;
    let (accounts, feeds) = (credentials.accounts.len(), credentials.feeds.len());
    PgAccounts::new(pool.clone())
        .upsert(credentials.accounts)
        .await?;
    PgFeeds::new(pool)
        .insert_all(credentials.feeds)
        .await
        .map_err(|e| CliError::new(e.to_string()))?;
    let found = counts(url).await?;
    if found != (accounts as i64, feeds as i64) {
        return Err(CliError::new(format!(
            "the database holds {} accounts and {} feeds, the directory {accounts} and {feeds}",
            found.0, found.1
        )));
    }
    Ok(format!("{accounts} account(s), {feeds} calendar feed(s)"))
}

/// Writes the database's accounts and feeds into `data_dir`'s files, then
/// reads them back and counts them.
pub async fn export(url: &str, data_dir: &Path) -> Result<String, CliError> {
    let pool = pg::pool(url, 1).await?;
    let accounts = PgAccounts::new(pool.clone()).all().await?;
    let feeds = PgFeeds::new(pool)
        .all()
        .await
        .map_err(|e| CliError::new(e.to_string()))?;
    let (want_accounts, want_feeds) = (accounts.len(), feeds.len());
    let dir = data_dir.to_path_buf();
    let files = tokio::task::spawn_blocking(move || FileAccounts::open(&dir).map(Arc::new))
        .await
        .map_err(|e| CliError::new(format!("the task failed: {e}")))??;
    Accounts::File(files).upsert(accounts).await?;
    let dir = data_dir.to_path_buf();
    let found = tokio::task::spawn_blocking(move || {
        let feeds_file = FileFeeds::open(&dir).map_err(|e| CliError::new(e.to_string()))?;
        feeds_file
            .insert_all(feeds)
            .map_err(|e| CliError::new(e.to_string()))?;
        let accounts = FileAccounts::open(&dir)?.len();
        let feeds = FileFeeds::open(&dir)
            .map_err(|e| CliError::new(e.to_string()))?
            .all()
            .len();
        Ok::<_, CliError>((accounts, feeds))
    })
    .await
    .map_err(|e| CliError::new(format!("the task failed: {e}")))??;
    if found != (want_accounts, want_feeds) {
        return Err(CliError::new(format!(
            "the files hold {} accounts and {} feeds, the database {want_accounts} and {want_feeds}",
            found.0, found.1
        )));
    }
    Ok(format!(
        "{want_accounts} account(s), {want_feeds} calendar feed(s)"
    ))
}

/// At the start of a server on the database: a directory that still holds
/// `accounts.json` or `feeds.json` (migrated by a build that left them
/// there) while the database holds no account or feed gives them to the
/// database once, so nobody is locked out by the upgrade. Answers what was
/// adopted, if anything.
pub async fn adopt(data_dir: &Path, url: &str) -> Result<Option<String>, CliError> {
    let files = ["accounts.json", "feeds.json"];
    if !files.iter().any(|f| data_dir.join(f).is_file()) || counts(url).await? != (0, 0) {
        return Ok(None);
    }
    let dir = data_dir.to_path_buf();
    let credentials = tokio::task::spawn_blocking(move || read(&dir))
        .await
        .map_err(|e| CliError::new(format!("the task failed: {e}")))??;
    if credentials.accounts.is_empty() && credentials.feeds.is_empty() {
        return Ok(None);
    }
    import(url, credentials).await.map(Some)
}

/// How many accounts and feeds the database holds (creating the tables if
/// needed, as every connection does).
async fn counts(url: &str) -> Result<(i64, i64), CliError> {
    let pool = pg::pool(url, 1).await?;
    let client = pool
        .get()
        .await
        .map_err(|e| CliError::new(format!("database: {e}")))?;
    let row = client
        .query_one(
            "SELECT (SELECT count(*) FROM vela_accounts), (SELECT count(*) FROM vela_feeds)",
            &[],
        )
        .await
        .map_err(|e| CliError::new(format!("database: {e}")))?;
    Ok((row.get(0), row.get(1)))
}
