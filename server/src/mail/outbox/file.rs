//! The mail outbox of the JSON-file deployment: `<data>/mail/outbox.json`.
//!
//! Every mail comes from one revision of the log: the notifications that
//! revision gave one person. The collector reads the log from the cursor,
//! puts each such mail here and moves the cursor past that revision in the
//! same atomic write (temp file, fsync, rename, fsync of the directory), so
//! a crash loses no mail and queues none twice. A mail leaves the file
//! only once the SMTP server has accepted it, and its key joins the record
//! of sent mails, so a revision read again (e.g. a cursor older than the
//! mail) is not mailed twice.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{
    group, is_due, retry_after, MailKey, OutboxError, OutboxStatus, Pending, OUTBOX_VERSION,
};
use crate::store::fsutil;

/// How many sent keys are remembered (far more than a cursor can lag).
const SENT_KEPT: usize = 20_000;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Stored {
    /// The layout's version, [`OUTBOX_VERSION`] (named like every durable
    /// file's).
    format: u32,
    /// Per stored state: the last revision whose mails are queued.
    #[serde(default)]
    cursors: BTreeMap<Uuid, u64>,
    #[serde(default)]
    pending: Vec<Pending>,
    #[serde(default)]
    sent: VecDeque<MailKey>,
    #[serde(default)]
    last_sent: Option<DateTime<Utc>>,
}

/// The outbox file and its copy in memory.
pub struct FileOutbox {
    path: PathBuf,
    inner: Mutex<Stored>,
}

impl FileOutbox {
    /// Opens (or creates) `<data_dir>/mail/outbox.json`. A restart retries
    /// every waiting mail at once.
    pub fn open(data_dir: &Path, now: DateTime<Utc>) -> Result<Self, OutboxError> {
        let dir = data_dir.join("mail");
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| OutboxError::Io { path, source }
        };
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        let path = dir.join("outbox.json");
        let mut stored = match std::fs::read(&path) {
            Ok(bytes) => {
                serde_json::from_slice::<Stored>(&bytes).map_err(|source| OutboxError::Corrupt {
                    path: path.clone(),
                    source,
                })?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Stored {
                format: OUTBOX_VERSION,
                ..Stored::default()
            },
            Err(e) => return Err(io(&path)(e)),
        };
        if stored.format > OUTBOX_VERSION {
            return Err(OutboxError::TooNew {
                path,
                found: stored.format,
            });
        }
        stored.format = OUTBOX_VERSION;
        for p in &mut stored.pending {
            p.next_attempt = p.next_attempt.min(now);
        }
        Ok(FileOutbox {
            path,
            inner: Mutex::new(stored),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Stored> {
        // A panic while holding the lock leaves consistent data (every
        // change is one assignment), so a poisoned lock is still usable.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn save(&self, stored: &Stored) -> Result<(), OutboxError> {
        let bytes = serde_json::to_vec(stored).map_err(|source| OutboxError::Corrupt {
            path: self.path.clone(),
            source,
        })?;
        fsutil::atomic_write(&self.path, &bytes).map_err(|source| OutboxError::Io {
            path: self.path.clone(),
            source,
        })
    }

    /// The cursor of `org`, if the collector ever ran for it.
    pub fn cursor(&self, org: Uuid) -> Option<u64> {
        self.lock().cursors.get(&org).copied()
    }

    /// Queues `mails` and moves `org`'s cursor to `revision`, durably, in
    /// one write. Mails already sent or queued are left out.
    pub fn queue(&self, org: Uuid, revision: u64, mails: Vec<Pending>) -> Result<(), OutboxError> {
        let mut stored = self.lock();
        let mut next = stored.clone();
        let known: BTreeSet<MailKey> = next
            .sent
            .iter()
            .cloned()
            .chain(next.pending.iter().map(|p| p.key.clone()))
            .collect();
        next.pending
            .extend(mails.into_iter().filter(|m| !known.contains(&m.key)));
        next.cursors.insert(org, revision);
        self.save(&next)?;
        *stored = next;
        Ok(())
    }

    /// The mails to try now: immediate ones due, and each recipient's digest
    /// parts grouped once their hour has come. Each inner list is one mail.
    pub fn due(&self, now: DateTime<Utc>) -> Vec<Vec<Pending>> {
        let stored = self.lock();
        group(stored.pending.iter().filter(|p| is_due(p, now)).cloned())
    }

    /// Records that the mail made of `keys` was accepted by the SMTP server.
    pub fn sent(&self, keys: &[MailKey], now: DateTime<Utc>) -> Result<(), OutboxError> {
        let mut stored = self.lock();
        let mut next = stored.clone();
        next.pending.retain(|p| !keys.contains(&p.key));
        next.sent.extend(keys.iter().cloned());
        while next.sent.len() > SENT_KEPT {
            next.sent.pop_front();
        }
        next.last_sent = Some(now);
        self.save(&next)?;
        *stored = next;
        Ok(())
    }

    /// Records a failed attempt: the next one waits longer.
    pub fn failed(
        &self,
        keys: &[MailKey],
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<(), OutboxError> {
        let mut stored = self.lock();
        let mut next = stored.clone();
        for p in next.pending.iter_mut().filter(|p| keys.contains(&p.key)) {
            p.attempts = p.attempts.saturating_add(1);
            p.next_attempt = now + retry_after(p.attempts);
            p.last_error = Some(error.to_owned());
        }
        self.save(&next)?;
        *stored = next;
        Ok(())
    }

    /// Drops mails that can no longer be sent (the person has no address
    /// any more); their notifications stay in the app.
    pub fn drop_mail(&self, keys: &[MailKey]) -> Result<(), OutboxError> {
        let mut stored = self.lock();
        let mut next = stored.clone();
        next.pending.retain(|p| !keys.contains(&p.key));
        next.sent.extend(keys.iter().cloned());
        self.save(&next)?;
        *stored = next;
        Ok(())
    }

    /// The outbox as administrators of `org` see it.
    pub fn status(&self, org: Uuid) -> OutboxStatus {
        let stored = self.lock();
        let mine: Vec<&Pending> = stored.pending.iter().filter(|p| p.key.org == org).collect();
        let last_error = mine
            .iter()
            .filter(|p| p.last_error.is_some())
            .max_by_key(|p| p.next_attempt)
            .and_then(|p| p.last_error.clone());
        OutboxStatus {
            waiting: mine.len(),
            failing: mine.iter().filter(|p| p.attempts > 0).count(),
            last_error,
            last_sent: stored.last_sent,
        }
    }
}
