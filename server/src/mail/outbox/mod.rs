//! The durable mail outbox: which mails wait to be sent, and how far each
//! stored state's log has been read for them.
//!
//! Two homes, chosen once at start-up: [`file`] (`<data>/mail/outbox.json`,
//! one server) and [`pg`] (tables shared by replicas: every replica
//! collects and sends, and each mail is still sent once — the collector's
//! cursor is locked while it queues, a sender claims the mails it sends
//! with `FOR UPDATE SKIP LOCKED` and a lease).

pub mod file;
pub mod pg;

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use vela_domain::ids::PersonId;
use vela_domain::notifications::Notification;

use crate::store::pg::DbError;

pub use file::FileOutbox;
pub use pg::PgOutbox;

/// The version of `outbox.json`'s layout.
pub const OUTBOX_VERSION: u32 = 1;

/// The first retry waits this long; each next one twice as long …
const FIRST_RETRY: Duration = Duration::seconds(5);
/// … up to this.
const MAX_RETRY: Duration = Duration::minutes(30);

/// How long after its `attempts`-th failure a mail is tried again.
fn retry_after(attempts: u32) -> Duration {
    let wait = FIRST_RETRY * 2i32.saturating_pow(attempts.clamp(1, 12) - 1);
    wait.min(MAX_RETRY)
}

/// Which revision gave which person a mail, and whether it waits for their
/// digest: the identity of a mail, for "never twice".
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MailKey {
    pub org: Uuid,
    pub revision: u64,
    pub recipient: PersonId,
    pub digest: bool,
}

/// A mail waiting to be sent (or to join its recipient's digest).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Pending {
    pub key: MailKey,
    pub notifications: Vec<Notification>,
    /// For a digest part: when the digest goes.
    #[serde(default)]
    pub digest_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub attempts: u32,
    pub next_attempt: DateTime<Utc>,
    #[serde(default)]
    pub last_error: Option<String>,
}

/// Why the outbox could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum OutboxError {
    #[error("cannot read or write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is not a mail outbox: {source}", path.display())]
    Corrupt {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{} has layout version {found}, newer than this server's {OUTBOX_VERSION}", path.display())]
    TooNew { path: PathBuf, found: u32 },
    #[error("mail outbox: {0}")]
    Database(#[from] DbError),
    #[error("mail outbox: a stored mail cannot be read: {0}")]
    Decode(serde_json::Error),
}

/// What administrators see of the outbox.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct OutboxStatus {
    /// Mails waiting (immediate ones and digest parts).
    pub waiting: usize,
    /// Those that failed at least once.
    pub failing: usize,
    /// The latest failure's reason.
    pub last_error: Option<String>,
    pub last_sent: Option<DateTime<Utc>>,
}

/// Whether a waiting mail may be tried at `now`: its retry time has come
/// and, for a digest part, its digest's hour.
fn is_due(p: &Pending, now: DateTime<Utc>) -> bool {
    p.next_attempt <= now && p.digest_at.is_none_or(|at| at <= now)
}

/// Due mails as they are sent: each immediate one alone, each recipient's
/// digest parts together. Each inner list is one mail.
fn group(due: impl Iterator<Item = Pending>) -> Vec<Vec<Pending>> {
    let mut out = Vec::new();
    let mut digests: BTreeMap<(Uuid, PersonId), Vec<Pending>> = BTreeMap::new();
    for p in due {
        if p.digest_at.is_some() {
            digests
                .entry((p.key.org, p.key.recipient))
                .or_default()
                .push(p);
        } else {
            out.push(vec![p]);
        }
    }
    out.extend(digests.into_values());
    out
}

/// The outbox, wherever it is kept.
pub enum Outbox {
    File(FileOutbox),
    Pg(PgOutbox),
}

impl Outbox {
    /// The cursor of `org`, if the collector ever ran for it.
    pub async fn cursor(&self, org: Uuid) -> Result<Option<u64>, OutboxError> {
        match self {
            Outbox::File(f) => Ok(f.cursor(org)),
            Outbox::Pg(p) => p.cursor(org).await,
        }
    }

    /// Queues `mails` and moves `org`'s cursor to `revision`, durably, in
    /// one write. Mails already sent or queued are left out.
    pub async fn queue(
        &self,
        org: Uuid,
        revision: u64,
        mails: Vec<Pending>,
    ) -> Result<(), OutboxError> {
        match self {
            Outbox::File(f) => f.queue(org, revision, mails),
            Outbox::Pg(p) => p.queue(org, revision, mails).await,
        }
    }

    /// The mails to try now, each inner list one mail. With replicas, the
    /// mails answered are this replica's to send until resolved (or until
    /// their lease ends).
    pub async fn take_due(&self, now: DateTime<Utc>) -> Result<Vec<Vec<Pending>>, OutboxError> {
        match self {
            Outbox::File(f) => Ok(f.due(now)),
            Outbox::Pg(p) => p.claim_due(now).await,
        }
    }

    /// Records that the mail made of `keys` was accepted by the SMTP server.
    pub async fn sent(&self, keys: &[MailKey], now: DateTime<Utc>) -> Result<(), OutboxError> {
        match self {
            Outbox::File(f) => f.sent(keys, now),
            Outbox::Pg(p) => p.resolve(keys, Some(now)).await,
        }
    }

    /// Records a failed attempt: the next one waits longer.
    pub async fn failed(
        &self,
        keys: &[MailKey],
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<(), OutboxError> {
        match self {
            Outbox::File(f) => f.failed(keys, error, now),
            Outbox::Pg(p) => p.failed(keys, error, now).await,
        }
    }

    /// Drops mails that can no longer be sent (the person has no address
    /// any more); their notifications stay in the app.
    pub async fn drop_mail(&self, keys: &[MailKey]) -> Result<(), OutboxError> {
        match self {
            Outbox::File(f) => f.drop_mail(keys),
            Outbox::Pg(p) => p.resolve(keys, None).await,
        }
    }

    /// The outbox as administrators of `org` see it.
    pub async fn status(&self, org: Uuid) -> Result<OutboxStatus, OutboxError> {
        match self {
            Outbox::File(f) => Ok(f.status(org)),
            Outbox::Pg(p) => p.status(org).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending(revision: u64, recipient: u128, digest_at: Option<DateTime<Utc>>) -> Pending {
        Pending {
            key: MailKey {
                org: Uuid::from_u128(1),
                revision,
                recipient: PersonId(Uuid::from_u128(recipient)),
                digest: digest_at.is_some(),
            },
            notifications: Vec::new(),
            digest_at,
            attempts: 0,
            next_attempt: DateTime::UNIX_EPOCH,
            last_error: None,
        }
    }

    #[test]
    fn immediate_mails_go_alone_and_a_recipients_digest_parts_together() {
        let at = Some(DateTime::UNIX_EPOCH);
        let groups = group(
            [
                pending(1, 7, None),
                pending(2, 7, at),
                pending(3, 8, at),
                pending(4, 7, at),
                pending(5, 7, None),
            ]
            .into_iter(),
        );
        let revisions: Vec<Vec<u64>> = groups
            .iter()
            .map(|g| g.iter().map(|p| p.key.revision).collect())
            .collect();
        assert_eq!(revisions, vec![vec![1], vec![5], vec![2, 4], vec![3]]);
    }

    #[test]
    fn a_digest_part_waits_for_its_hour_and_retries_back_off_up_to_half_an_hour() {
        let now = DateTime::UNIX_EPOCH + Duration::hours(1);
        assert!(is_due(&pending(1, 7, None), now));
        assert!(!is_due(
            &pending(1, 7, Some(now + Duration::seconds(1))),
            now
        ));
        assert_eq!(retry_after(1), Duration::seconds(5));
        assert_eq!(retry_after(3), Duration::seconds(20));
        assert_eq!(retry_after(40), Duration::minutes(30));
    }
}
