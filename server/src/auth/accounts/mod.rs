//! Login credentials, kept apart from the synced domain state.
//!
//! Two homes, chosen once at start-up: [`file`] (`accounts.json`, the
//! JSON-file deployment) and [`pg`] (`vela_accounts`, shared by replicas,
//! so a password set through one replica signs in through any).

pub mod file;
pub mod pg;

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::store::pg::DbError;

pub use file::FileAccounts;
pub use pg::PgAccounts;

/// One account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub person_id: Uuid,
    pub org_id: Uuid,
    /// An argon2id PHC string.
    pub password_hash: String,
}

#[derive(Debug, thiserror::Error)]
pub enum AccountsError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is not a valid accounts file: {source}", path.display())]
    Corrupt {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("cannot encode the accounts: {0}")]
    Encode(serde_json::Error),
    #[error("accounts: {0}")]
    Database(#[from] DbError),
    #[error("accounts: a task failed: {0}")]
    Task(String),
}

/// Usernames are compared case-insensitively (people type them on phones).
pub fn normalise(username: &str) -> String {
    username.trim().to_lowercase()
}

/// The accounts, wherever they are kept.
#[derive(Clone)]
pub enum Accounts {
    File(Arc<FileAccounts>),
    Pg(PgAccounts),
}

impl Accounts {
    /// The account of `username` (any case).
    pub async fn get(&self, username: &str) -> Result<Option<Account>, AccountsError> {
        match self {
            Accounts::File(f) => Ok(f.get(username)),
            Accounts::Pg(p) => p.get(username).await,
        }
    }

    /// The username of a person, if they have an account.
    pub async fn username_of(&self, person_id: Uuid) -> Result<Option<String>, AccountsError> {
        match self {
            Accounts::File(f) => Ok(f.username_of(person_id)),
            Accounts::Pg(p) => p.username_of(person_id).await,
        }
    }

    /// Gives `account.person_id` this one account under `username`,
    /// dropping any other username the person had. Durable when it returns.
    pub async fn set_for_person(
        &self,
        username: &str,
        account: Account,
    ) -> Result<(), AccountsError> {
        match self {
            Accounts::File(f) => {
                let (f, username) = (f.clone(), username.to_owned());
                blocking(move || f.set_for_person(&username, account)).await
            }
            Accounts::Pg(p) => p.set_for_person(username, account).await,
        }
    }

    /// Removes the account of `person_id`, if any (an anonymised person:
    /// their username must go too).
    pub async fn remove_person(&self, person_id: Uuid) -> Result<(), AccountsError> {
        match self {
            Accounts::File(f) => {
                let f = f.clone();
                blocking(move || f.remove_person(person_id)).await
            }
            Accounts::Pg(p) => p.remove_person(person_id).await,
        }
    }

    /// Adds or replaces accounts; durable before they can be used.
    pub async fn upsert(&self, accounts: Vec<(String, Account)>) -> Result<(), AccountsError> {
        match self {
            Accounts::File(f) => {
                let f = f.clone();
                blocking(move || f.upsert(accounts)).await
            }
            Accounts::Pg(p) => p.upsert(accounts).await,
        }
    }
}

/// File I/O off the async threads.
async fn blocking(
    f: impl FnOnce() -> Result<(), AccountsError> + Send + 'static,
) -> Result<(), AccountsError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| AccountsError::Task(e.to_string()))?
}
