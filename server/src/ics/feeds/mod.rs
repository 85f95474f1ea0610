//! Personal calendar feed tokens.
//!
//! A calendar app subscribes to `/api/feeds/<token>.ics` and cannot send the
//! session cookie, so the URL itself is the credential: 32 random bytes from
//! the operating system, base64url (43 characters). Only the token's
//! SHA-256 is kept — in [`file`] (`feeds.json`, the JSON-file deployment)
//! or [`pg`] (`vela_feeds`, shared by replicas, so a feed made through one
//! serves through any and a revocation through one holds on all).

pub mod file;
pub mod pg;

use std::path::PathBuf;
use std::sync::Arc;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::store::pg::DbError;

pub use file::FileFeeds;
pub use pg::PgFeeds;

/// One person's live feed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feed {
    pub org_id: Uuid,
    /// Lower-case hex SHA-256 of the token.
    pub token_sha256: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is not a valid feeds file: {source}", path.display())]
    Corrupt {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("cannot encode the feeds: {0}")]
    Encode(serde_json::Error),
    #[error("no randomness for a feed token: {0}")]
    Random(getrandom::Error),
    #[error("calendar feeds: {0}")]
    Database(#[from] DbError),
    #[error("calendar feeds: a task failed: {0}")]
    Task(String),
}

/// The hex SHA-256 of a token.
fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `token` looks like one this module makes (43 base64url characters).
fn well_formed(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn new_token() -> Result<String, FeedError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(FeedError::Random)?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// The feeds, wherever they are kept.
#[derive(Clone)]
pub enum Feeds {
    File(Arc<FileFeeds>),
    Pg(PgFeeds),
}

impl Feeds {
    /// The person's live feed, if any.
    pub async fn get(&self, person: Uuid) -> Result<Option<Feed>, FeedError> {
        match self {
            Feeds::File(f) => Ok(f.get(person)),
            Feeds::Pg(p) => p.get(person).await,
        }
    }

    /// The person and organisation a token opens, if it is live.
    pub async fn find(&self, token: &str) -> Result<Option<(Uuid, Uuid)>, FeedError> {
        match self {
            Feeds::File(f) => Ok(f.find(token)),
            Feeds::Pg(p) => p.find(token).await,
        }
    }

    /// Makes a new token for `person`, replacing any previous one, and
    /// returns it with its record. Durable before it returns.
    pub async fn create(
        &self,
        person: Uuid,
        org_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(String, Feed), FeedError> {
        match self {
            Feeds::File(f) => {
                let f = f.clone();
                tokio::task::spawn_blocking(move || f.create(person, org_id, now))
                    .await
                    .map_err(|e| FeedError::Task(e.to_string()))?
            }
            Feeds::Pg(p) => p.create(person, org_id, now).await,
        }
    }

    /// Deletes the person's feed; `false` when there was none. Durable
    /// before it returns.
    pub async fn revoke(&self, person: Uuid) -> Result<bool, FeedError> {
        match self {
            Feeds::File(f) => {
                let f = f.clone();
                tokio::task::spawn_blocking(move || f.revoke(person))
                    .await
                    .map_err(|e| FeedError::Task(e.to_string()))?
            }
            Feeds::Pg(p) => p.revoke(person).await,
        }
    }
}
