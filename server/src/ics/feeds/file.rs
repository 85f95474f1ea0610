//! The feeds of the JSON-file deployment: each token's SHA-256 in
//! `<data>/feeds.json` (person id → organisation, hash, creation
//! time), rewritten atomically like `accounts.json`; a leaked file does not
//! open anyone's calendar. The URL is therefore shown once, when made;
//! making a new one replaces (rotates) the old, revoking deletes it.
//!
//! Lookups go by hash through an in-memory index, so no token is ever
//! compared byte by byte with a secret.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError, RwLock};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{hash, new_token, well_formed, Feed, FeedError};
use crate::store::fsutil::atomic_write;
use crate::store::upgrade::FEEDS;

/// The name of the file in the data directory.
pub const FILE_NAME: &str = "feeds.json";

#[derive(Default)]
struct Index {
    by_person: BTreeMap<Uuid, Feed>,
    /// Hash → person, for lookups by token.
    by_hash: BTreeMap<String, Uuid>,
}

impl Index {
    fn from_people(by_person: BTreeMap<Uuid, Feed>) -> Index {
        let by_hash = by_person
            .iter()
            .map(|(person, feed)| (feed.token_sha256.clone(), *person))
            .collect();
        Index { by_person, by_hash }
    }
}

/// `feeds.json` as written: `{"format": 2, "feeds": {person: feed}}`
/// (version 1 was the bare map; see `store::upgrade::FEEDS`).
#[derive(Serialize)]
struct FeedsFile<'a> {
    format: u32,
    feeds: &'a BTreeMap<Uuid, Feed>,
}

/// Reads `feeds.json` of any readable version.
fn decode(bytes: &[u8]) -> Result<BTreeMap<Uuid, Feed>, serde_json::Error> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        #[allow(dead_code)]
        format: u32,
        feeds: BTreeMap<Uuid, Feed>,
    }
    let value: serde_json::Value = serde_json::from_slice(bytes)?;
    let value = FEEDS
        .upgrade(value)
        .map_err(<serde_json::Error as serde::de::Error>::custom)?;
    Ok(serde_json::from_value::<File>(value)?.feeds)
}

/// The feeds file and its contents in memory.
pub struct FileFeeds {
    path: PathBuf,
    index: RwLock<Index>,
    /// Serialises writers so two changes cannot overwrite each other's file.
    write: Mutex<()>,
}

impl FileFeeds {
    /// Loads `<data>/feeds.json`; a missing file is no feeds yet.
    pub fn open(data_dir: &Path) -> Result<Self, FeedError> {
        let path = data_dir.join(FILE_NAME);
        let by_person = match std::fs::read(&path) {
            Ok(bytes) => decode(&bytes).map_err(|source| FeedError::Corrupt {
                path: path.clone(),
                source,
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
            Err(source) => return Err(FeedError::Io { path, source }),
        };
        Ok(FileFeeds {
            path,
            index: RwLock::new(Index::from_people(by_person)),
            write: Mutex::new(()),
        })
    }

    /// Every live feed, by person.
    pub fn all(&self) -> BTreeMap<Uuid, Feed> {
        self.index
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .by_person
            .clone()
    }

    /// Adds `feeds` (replacing a person's feed) durably; for `export`.
    pub fn insert_all(&self, feeds: BTreeMap<Uuid, Feed>) -> Result<(), FeedError> {
        self.change(|people| people.extend(feeds))
    }

    /// The person's live feed, if any.
    pub fn get(&self, person: Uuid) -> Option<Feed> {
        self.index
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .by_person
            .get(&person)
            .cloned()
    }

    /// The person and organisation a token opens, if it is live.
    pub fn find(&self, token: &str) -> Option<(Uuid, Uuid)> {
        if !well_formed(token) {
            return None;
        }
        let index = self.index.read().unwrap_or_else(PoisonError::into_inner);
        let person = *index.by_hash.get(&hash(token))?;
        index.by_person.get(&person).map(|f| (person, f.org_id))
    }

    /// Makes a new token for `person`, replacing any previous one, and
    /// returns it with its record. Durable before it returns. Blocking
    /// (file I/O): call it off the async threads.
    pub fn create(
        &self,
        person: Uuid,
        org_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(String, Feed), FeedError> {
        let token = new_token()?;
        let feed = Feed {
            org_id,
            token_sha256: hash(&token),
            created_at: now,
        };
        let stored = feed.clone();
        self.change(move |people| {
            people.insert(person, stored);
        })?;
        Ok((token, feed))
    }

    /// Deletes the person's feed; `false` when there was none. Durable
    /// before it returns. Blocking (file I/O).
    pub fn revoke(&self, person: Uuid) -> Result<bool, FeedError> {
        if self.get(person).is_none() {
            return Ok(false);
        }
        let mut removed = false;
        self.change(|people| removed = people.remove(&person).is_some())?;
        Ok(removed)
    }

    /// Applies `f` to a copy, writes it durably, then makes it current.
    fn change(&self, f: impl FnOnce(&mut BTreeMap<Uuid, Feed>)) -> Result<(), FeedError> {
        let _writer = self.write.lock().unwrap_or_else(PoisonError::into_inner);
        let mut next = self
            .index
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .by_person
            .clone();
        f(&mut next);
        let bytes = serde_json::to_vec_pretty(&FeedsFile {
            format: FEEDS.current,
            feeds: &next,
        })
        .map_err(FeedError::Encode)?;
        atomic_write(&self.path, &bytes).map_err(|source| FeedError::Io {
            path: self.path.clone(),
            source,
        })?;
        *self.index.write().unwrap_or_else(PoisonError::into_inner) = Index::from_people(next);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_000_000, 0).expect("valid")
    }

    #[test]
    fn tokens_open_their_person_until_rotated_or_revoked_and_survive_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let feeds = FileFeeds::open(dir.path()).unwrap();
        let (person, org) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let (first, feed) = feeds.create(person, org, now()).unwrap();
        assert_eq!(first.len(), 43);
        assert_eq!(feeds.find(&first), Some((person, org)));
        assert_eq!(feeds.get(person), Some(feed.clone()));

        let reopened = FileFeeds::open(dir.path()).unwrap();
        assert_eq!(reopened.find(&first), Some((person, org)));

        let (second, _) = feeds.create(person, org, now()).unwrap();
        assert_ne!(first, second);
        assert_eq!(feeds.find(&first), None, "rotation revokes the old token");
        assert_eq!(feeds.find(&second), Some((person, org)));

        assert!(feeds.revoke(person).unwrap());
        assert!(!feeds.revoke(person).unwrap());
        assert_eq!(feeds.find(&second), None);
        assert_eq!(FileFeeds::open(dir.path()).unwrap().find(&second), None);
    }

    #[test]
    fn the_file_holds_hashes_never_tokens() {
        let dir = tempfile::tempdir().unwrap();
        let feeds = FileFeeds::open(dir.path()).unwrap();
        let (token, feed) = feeds
            .create(Uuid::from_u128(1), Uuid::from_u128(2), now())
            .unwrap();
        let text = std::fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
        assert!(!text.contains(&token));
        assert!(text.contains(&feed.token_sha256));
        assert_eq!(feed.token_sha256.len(), 64);
    }

    #[test]
    fn malformed_tokens_and_corrupt_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let feeds = FileFeeds::open(dir.path()).unwrap();
        assert_eq!(feeds.find(""), None);
        assert_eq!(feeds.find("../../etc/passwd"), None);
        assert_eq!(feeds.find(&"a".repeat(43)), None);
        std::fs::write(dir.path().join(FILE_NAME), b"{\"x\":").unwrap();
        assert!(matches!(
            FileFeeds::open(dir.path()),
            Err(FeedError::Corrupt { .. })
        ));
    }
}
