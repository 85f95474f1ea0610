//! The mail outbox in PostgreSQL, shared by replicas: `vela_mail_cursors`
//! (per stored state, the last revision whose mails are queued),
//! `vela_mail_pending` (the mails waiting, keyed by [`MailKey`]) and
//! `vela_mail_sent` (the keys resolved: sent, or dropped for want of an
//! address).
//!
//! Every replica collects and sends; each mail still goes once:
//! - a collector queues under a lock on its state's cursor row and keeps
//!   only mails of revisions past the cursor it finds there, so two
//!   collectors reading the same revisions queue them once;
//! - a sender claims the due mails it will send (`FOR UPDATE SKIP LOCKED`,
//!   then `claimed_until`, a lease), so no other replica takes them while
//!   it talks to the SMTP server; sent, a mail's row leaves `pending` and
//!   its key joins `sent` in one transaction; failed, its lease ends with
//!   its next attempt. A replica that dies mid-send leaves its claim to
//!   expire, and the mail is tried again — the same rare double as the
//!   JSON store's crash between the SMTP answer and the file write, with
//!   the same Message-ID.
//!
//! Times are the mailer's clock (which tests may move), not the database's.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use deadpool_postgres::Pool;
use uuid::Uuid;
use vela_domain::ids::PersonId;

use super::{group, retry_after, MailKey, OutboxError, OutboxStatus, Pending};
use crate::store::pg::DbError;

/// How long a claimed mail is this replica's: far beyond one SMTP exchange
/// (15 s at most).
const LEASE: Duration = Duration::minutes(5);

/// Most mails claimed at once (the rest wait for the next round).
const CLAIM_AT_MOST: i64 = 200;

/// Resolved keys older than this are forgotten (a cursor never lags so far).
const SENT_KEPT: StdDuration = StdDuration::from_secs(30 * 24 * 60 * 60);

/// The outbox tables, through a pool.
pub struct PgOutbox {
    pool: Pool,
}

/// The columns of a key, as arrays for `unnest`.
struct Keys {
    orgs: Vec<Uuid>,
    revisions: Vec<i64>,
    recipients: Vec<Uuid>,
    digests: Vec<bool>,
}

impl Keys {
    fn of<'a>(keys: impl Iterator<Item = &'a MailKey>) -> Keys {
        let mut out = Keys {
            orgs: Vec::new(),
            revisions: Vec::new(),
            recipients: Vec::new(),
            digests: Vec::new(),
        };
        for key in keys {
            out.orgs.push(key.org);
            out.revisions
                .push(i64::try_from(key.revision).unwrap_or(i64::MAX));
            out.recipients.push(key.recipient.0);
            out.digests.push(key.digest);
        }
        out
    }
}

/// The rows of `vela_mail_pending` named by `$1..$4` (arrays of a key's
/// columns).
const NAMED: &str = "(org, revision, recipient, digest) IN (
    SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::boolean[]))";

impl PgOutbox {
    pub fn new(pool: Pool) -> Self {
        PgOutbox { pool }
    }

    pub async fn cursor(&self, org: Uuid) -> Result<Option<u64>, OutboxError> {
        let client = self.pool.get().await.map_err(DbError::from)?;
        let row = client
            .query_opt(
                "SELECT revision FROM vela_mail_cursors WHERE org = $1",
                &[&org],
            )
            .await
            .map_err(DbError::from)?;
        Ok(row.map(|row| u64::try_from(row.get::<_, i64>(0)).unwrap_or(0)))
    }

    pub async fn queue(
        &self,
        org: Uuid,
        revision: u64,
        mails: Vec<Pending>,
    ) -> Result<(), OutboxError> {
        let revision = i64::try_from(revision).unwrap_or(i64::MAX);
        let mut client = self.pool.get().await.map_err(DbError::from)?;
        let tx = client.transaction().await.map_err(DbError::from)?;
        tx.execute(
            "INSERT INTO vela_mail_cursors (org, revision) VALUES ($1, 0)
             ON CONFLICT (org) DO NOTHING",
            &[&org],
        )
        .await
        .map_err(DbError::from)?;
        let done: i64 = tx
            .query_one(
                "SELECT revision FROM vela_mail_cursors WHERE org = $1 FOR UPDATE",
                &[&org],
            )
            .await
            .map_err(DbError::from)?
            .get(0);
        // Revisions up to the cursor were queued by whoever moved it.
        let fresh: Vec<&Pending> = mails
            .iter()
            .filter(|m| i64::try_from(m.key.revision).unwrap_or(i64::MAX) > done)
            .collect();
        for mail in fresh {
            let notifications =
                serde_json::to_string(&mail.notifications).map_err(OutboxError::Decode)?;
            let key = &mail.key;
            tx.execute(
                "INSERT INTO vela_mail_pending
                     (org, revision, recipient, digest, notifications, digest_at, next_attempt)
                 SELECT $1, $2, $3, $4, $5::text::jsonb, $6, $7
                 WHERE NOT EXISTS (SELECT 1 FROM vela_mail_sent
                     WHERE org = $1 AND revision = $2 AND recipient = $3 AND digest = $4)
                 ON CONFLICT DO NOTHING",
                &[
                    &key.org,
                    &i64::try_from(key.revision).unwrap_or(i64::MAX),
                    &key.recipient.0,
                    &key.digest,
                    &notifications,
                    &mail.digest_at,
                    &mail.next_attempt,
                ],
            )
            .await
            .map_err(DbError::from)?;
        }
        tx.execute(
            "UPDATE vela_mail_cursors SET revision = greatest(revision, $2) WHERE org = $1",
            &[&org, &revision],
        )
        .await
        .map_err(DbError::from)?;
        tx.commit().await.map_err(DbError::from)?;
        Ok(())
    }

    /// Claims the mails due at `now` that no replica holds, and groups them
    /// into mails. A recipient's digest parts are claimed together: a part
    /// another replica holds keeps the rest of that digest waiting.
    pub async fn claim_due(&self, now: DateTime<Utc>) -> Result<Vec<Vec<Pending>>, OutboxError> {
        let client = self.pool.get().await.map_err(DbError::from)?;
        let rows = client
            .query(
                "UPDATE vela_mail_pending SET claimed_until = $2
                 WHERE (org, revision, recipient, digest) IN (
                     SELECT org, revision, recipient, digest FROM vela_mail_pending
                     WHERE next_attempt <= $1
                       AND (digest_at IS NULL OR digest_at <= $1)
                       AND (claimed_until IS NULL OR claimed_until <= $1)
                     ORDER BY org, revision
                     LIMIT $3
                     FOR UPDATE SKIP LOCKED)
                 RETURNING org, revision, recipient, digest, notifications::text,
                           digest_at, attempts, next_attempt, last_error",
                &[&now, &(now + LEASE), &CLAIM_AT_MOST],
            )
            .await
            .map_err(DbError::from)?;
        let mut due = Vec::with_capacity(rows.len());
        for row in rows {
            let notifications: String = row.get(4);
            due.push(Pending {
                key: MailKey {
                    org: row.get(0),
                    revision: u64::try_from(row.get::<_, i64>(1)).unwrap_or(0),
                    recipient: PersonId(row.get(2)),
                    digest: row.get(3),
                },
                notifications: serde_json::from_str(&notifications).map_err(OutboxError::Decode)?,
                digest_at: row.get(5),
                attempts: u32::try_from(row.get::<_, i32>(6)).unwrap_or(0),
                next_attempt: row.get(7),
                last_error: row.get(8),
            });
        }
        Ok(group(due.into_iter()))
    }

    /// The mail of `keys` is done with: sent at `sent` (`None`: dropped).
    pub async fn resolve(
        &self,
        keys: &[MailKey],
        sent: Option<DateTime<Utc>>,
    ) -> Result<(), OutboxError> {
        let k = Keys::of(keys.iter());
        let mut client = self.pool.get().await.map_err(DbError::from)?;
        let tx = client.transaction().await.map_err(DbError::from)?;
        tx.execute(
            &format!("DELETE FROM vela_mail_pending WHERE {NAMED}"),
            &[&k.orgs, &k.revisions, &k.recipients, &k.digests],
        )
        .await
        .map_err(DbError::from)?;
        tx.execute(
            "INSERT INTO vela_mail_sent (org, revision, recipient, digest, resolved_at, delivered)
             SELECT o, r, p, d, now(), $5
             FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::boolean[]) AS k(o, r, p, d)
             ON CONFLICT DO NOTHING",
            &[
                &k.orgs,
                &k.revisions,
                &k.recipients,
                &k.digests,
                &sent.is_some(),
            ],
        )
        .await
        .map_err(DbError::from)?;
        if let Some(at) = sent {
            tx.execute(
                "INSERT INTO vela_mail_last_sent (only_row, at) VALUES (true, $1)
                 ON CONFLICT (only_row) DO UPDATE SET at = greatest(vela_mail_last_sent.at, $1)",
                &[&at],
            )
            .await
            .map_err(DbError::from)?;
        }
        tx.execute(
            "DELETE FROM vela_mail_sent WHERE resolved_at < now() - make_interval(secs => $1)",
            &[&SENT_KEPT.as_secs_f64()],
        )
        .await
        .map_err(DbError::from)?;
        tx.commit().await.map_err(DbError::from)?;
        Ok(())
    }

    pub async fn failed(
        &self,
        keys: &[MailKey],
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<(), OutboxError> {
        let mut client = self.pool.get().await.map_err(DbError::from)?;
        let tx = client.transaction().await.map_err(DbError::from)?;
        let k = Keys::of(keys.iter());
        let rows = tx
            .query(
                &format!(
                    "SELECT org, revision, recipient, digest, attempts FROM vela_mail_pending
                     WHERE {NAMED} FOR UPDATE"
                ),
                &[&k.orgs, &k.revisions, &k.recipients, &k.digests],
            )
            .await
            .map_err(DbError::from)?;
        for row in rows {
            let attempts = u32::try_from(row.get::<_, i32>(4))
                .unwrap_or(0)
                .saturating_add(1);
            tx.execute(
                "UPDATE vela_mail_pending
                 SET attempts = $5, next_attempt = $6, last_error = $7, claimed_until = NULL
                 WHERE org = $1 AND revision = $2 AND recipient = $3 AND digest = $4",
                &[
                    &row.get::<_, Uuid>(0),
                    &row.get::<_, i64>(1),
                    &row.get::<_, Uuid>(2),
                    &row.get::<_, bool>(3),
                    &i32::try_from(attempts).unwrap_or(i32::MAX),
                    &(now + retry_after(attempts)),
                    &error,
                ],
            )
            .await
            .map_err(DbError::from)?;
        }
        tx.commit().await.map_err(DbError::from)?;
        Ok(())
    }

    pub async fn status(&self, org: Uuid) -> Result<OutboxStatus, OutboxError> {
        let client = self.pool.get().await.map_err(DbError::from)?;
        let row = client
            .query_one(
                "SELECT count(*),
                        count(*) FILTER (WHERE attempts > 0),
                        (SELECT last_error FROM vela_mail_pending
                         WHERE org = $1 AND last_error IS NOT NULL
                         ORDER BY next_attempt DESC LIMIT 1),
                        (SELECT at FROM vela_mail_last_sent)
                 FROM vela_mail_pending WHERE org = $1",
                &[&org],
            )
            .await
            .map_err(DbError::from)?;
        Ok(OutboxStatus {
            waiting: usize::try_from(row.get::<_, i64>(0)).unwrap_or(0),
            failing: usize::try_from(row.get::<_, i64>(1)).unwrap_or(0),
            last_error: row.get(2),
            last_sent: row.get(3),
        })
    }
}
