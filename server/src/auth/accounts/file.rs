//! The accounts of the JSON-file deployment: `<data>/accounts.json` maps
//! each username to the person and organisation it signs in as and an
//! argon2id hash. It never travels to any client (the
//! domain state does), and it is rewritten atomically on every change —
//! fine for a file that changes only when accounts are created.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError, RwLock};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{normalise, Account, AccountsError};
use crate::store::fsutil::atomic_write;
use crate::store::upgrade::ACCOUNTS;

/// The accounts file and its contents in memory.
pub struct FileAccounts {
    path: PathBuf,
    by_username: RwLock<BTreeMap<String, Account>>,
    /// Serialises writers so two changes cannot overwrite each other's file.
    write: Mutex<()>,
}

/// `accounts.json` as written: `{"format": 2, "accounts": {username: account}}`
/// (version 1 was the bare map; see `store::upgrade::ACCOUNTS`).
#[derive(Serialize)]
struct AccountsFile<'a> {
    format: u32,
    accounts: &'a BTreeMap<String, Account>,
}

/// Reads `accounts.json` of any readable version.
fn decode(bytes: &[u8]) -> Result<BTreeMap<String, Account>, serde_json::Error> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        #[allow(dead_code)]
        format: u32,
        accounts: BTreeMap<String, Account>,
    }
    let value: serde_json::Value = serde_json::from_slice(bytes)?;
    let value = ACCOUNTS
        .upgrade(value)
        .map_err(<serde_json::Error as serde::de::Error>::custom)?;
    Ok(serde_json::from_value::<File>(value)?.accounts)
}

impl FileAccounts {
    /// Loads `<data>/accounts.json`; a missing file is no accounts yet.
    pub fn open(data_dir: &Path) -> Result<Self, AccountsError> {
        let path = data_dir.join("accounts.json");
        let by_username = match std::fs::read(&path) {
            Ok(bytes) => decode(&bytes).map_err(|source| AccountsError::Corrupt {
                path: path.clone(),
                source,
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
            Err(source) => return Err(AccountsError::Io { path, source }),
        };
        Ok(FileAccounts {
            path,
            by_username: RwLock::new(by_username),
            write: Mutex::new(()),
        })
    }

    pub fn get(&self, username: &str) -> Option<Account> {
        self.by_username
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&normalise(username))
            .cloned()
    }

    /// Every account, by username.
    pub fn all(&self) -> Vec<(String, Account)> {
        self.by_username
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .map(|(name, a)| (name.clone(), a.clone()))
            .collect()
    }

    /// How many accounts there are.
    pub fn len(&self) -> usize {
        self.by_username
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_username
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .is_empty()
    }

    /// The username of a person, if they have an account.
    pub fn username_of(&self, person_id: Uuid) -> Option<String> {
        self.by_username
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .find(|(_, a)| a.person_id == person_id)
            .map(|(name, _)| name.clone())
    }

    /// Gives `account.person_id` this one account under `username`,
    /// dropping any other username the person had (their username may
    /// have changed since). Blocking (file I/O).
    pub fn set_for_person(&self, username: &str, account: Account) -> Result<(), AccountsError> {
        self.change(|all| {
            all.retain(|_, a| a.person_id != account.person_id);
            all.insert(normalise(username), account);
        })
    }

    /// Removes the account of `person_id`, if any (an anonymised person:
    /// their username must go too). Blocking (file I/O).
    pub fn remove_person(&self, person_id: Uuid) -> Result<(), AccountsError> {
        if self.username_of(person_id).is_none() {
            return Ok(());
        }
        self.change(|all| all.retain(|_, a| a.person_id != person_id))
    }

    /// Adds or replaces accounts and writes the file durably before they
    /// can be used. Blocking (file I/O): call it off the async threads.
    pub fn upsert(&self, accounts: Vec<(String, Account)>) -> Result<(), AccountsError> {
        self.change(|all| {
            for (username, account) in accounts {
                all.insert(normalise(&username), account);
            }
        })
    }

    /// Applies `edit` to a copy, writes it durably, then makes it current.
    fn change(
        &self,
        edit: impl FnOnce(&mut BTreeMap<String, Account>),
    ) -> Result<(), AccountsError> {
        let _writer = self.write.lock().unwrap_or_else(PoisonError::into_inner);
        let mut next = self
            .by_username
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        edit(&mut next);
        let bytes = serde_json::to_vec_pretty(&AccountsFile {
            format: ACCOUNTS.current,
            accounts: &next,
        })
        .map_err(AccountsError::Encode)?;
        atomic_write(&self.path, &bytes).map_err(|source| AccountsError::Io {
            path: self.path.clone(),
            source,
        })?;
        *self
            .by_username
            .write()
            .unwrap_or_else(PoisonError::into_inner) = next;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_survive_a_reopen_and_match_any_case() {
        let dir = tempfile::tempdir().unwrap();
        let accounts = FileAccounts::open(dir.path()).unwrap();
        assert!(accounts.is_empty());
        let account = Account {
            person_id: Uuid::from_u128(1),
            org_id: Uuid::from_u128(2),
            password_hash: "$argon2id$…".into(),
        };
        accounts
            .upsert(vec![("Giulia".into(), account.clone())])
            .unwrap();
        let reopened = FileAccounts::open(dir.path()).unwrap();
        assert_eq!(
            reopened.get(" GIULIA ").map(|a| a.person_id),
            Some(account.person_id)
        );
        assert_eq!(
            reopened.username_of(account.person_id).as_deref(),
            Some("giulia")
        );
    }

    #[test]
    fn a_corrupt_file_is_an_error_not_an_empty_list() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("accounts.json"), b"{\"giulia\":").unwrap();
        assert!(matches!(
            FileAccounts::open(dir.path()),
            Err(AccountsError::Corrupt { .. })
        ));
    }
}
