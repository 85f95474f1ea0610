//! The audit in PostgreSQL, shared by replicas (schema step 4):
//! `vela_security_log` (one row per event: its JSON line, and the columns
//! the audit page narrows on) and `vela_audit_trail` (one row per revision
//! of a stored state, its JSON line), so every replica shows the same audit
//! and none keeps a file.
//!
//! Every replica follows every stored state, and each revision still enters
//! the trail once: a follower describes the revisions past the state's row
//! in `vela_audit_cursors` from its own memory, then, holding that row's
//! lock (`FOR UPDATE`), inserts only those still past the cursor and moves
//! it — as the mail collector does. The rows keep the same JSON lines as
//! the files, so the formats and the filtering rules (`query`) are one.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use deadpool_postgres::Pool;
use futures_util::{pin_mut, TryStreamExt};
use tokio_postgres::types::ToSql;
use uuid::Uuid;
use vela_domain::ids::PersonId;

use super::query::Filter;
use super::security::SecurityLine;
use super::trail::{self, TrailError, TrailLine};
use crate::org_store::OrgStore;
use crate::store::pg::DbError;

/// Rows read ahead of the reader (a page's reader runs on a blocking
/// thread; the rows arrive from the database meanwhile).
const READ_AHEAD: usize = 512;

/// The audit tables, through a pool.
pub struct PgAudit {
    pool: Pool,
}

/// The first database failure of a read, if any: a reader streams rows
/// and learns of a failure only when the stream ends.
pub type ReadFailure = Arc<Mutex<Option<DbError>>>;

impl PgAudit {
    pub fn new(pool: Pool) -> Self {
        PgAudit { pool }
    }

    pub async fn record(&self, line: &SecurityLine) -> Result<(), DbError> {
        let json = json(line)?;
        let client = self.pool.get().await?;
        client
            .execute(
                "INSERT INTO vela_security_log (at, org, kind, person, by_person, line)
                 VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)",
                &[
                    &line.at,
                    &line.org,
                    &line.kind.code(),
                    &line.person,
                    &line.by,
                    &json,
                ],
            )
            .await?;
        Ok(())
    }

    /// Inserts a row for every durable revision of `org` past its cursor;
    /// returns the people the revisions this replica inserted anonymised.
    pub async fn catch_up(
        &self,
        store: &Arc<OrgStore>,
        org: Uuid,
    ) -> Result<Vec<PersonId>, TrailError> {
        let mut client = self.pool.get().await.map_err(DbError::from)?;
        let seen = client
            .query_opt(
                "SELECT revision FROM vela_audit_cursors WHERE org = $1",
                &[&org],
            )
            .await
            .map_err(DbError::from)?
            .map_or(0, |row| revision(row.get(0)));
        let described = store.clone();
        let lines =
            tokio::task::spawn_blocking(move || trail::describe(&described, org, seen)).await??;
        if lines.is_empty() {
            return Ok(Vec::new());
        }
        let tx = client.transaction().await.map_err(DbError::from)?;
        tx.execute(
            "INSERT INTO vela_audit_cursors (org, revision) VALUES ($1, 0)
             ON CONFLICT (org) DO NOTHING",
            &[&org],
        )
        .await
        .map_err(DbError::from)?;
        let done = revision(
            tx.query_one(
                "SELECT revision FROM vela_audit_cursors WHERE org = $1 FOR UPDATE",
                &[&org],
            )
            .await
            .map_err(DbError::from)?
            .get(0),
        );
        // Revisions up to the cursor were written by whoever moved it.
        let fresh: Vec<TrailLine> = lines
            .into_iter()
            .filter(|l| l.revision > done)
            .map(|mut l| {
                l.missing_from = l.missing_from.map(|from| from.max(done + 1));
                l
            })
            .collect();
        let Some(newest) = fresh.last().map(|l| l.revision) else {
            return Ok(Vec::new());
        };
        let mut revisions = Vec::with_capacity(fresh.len());
        let mut times = Vec::with_capacity(fresh.len());
        let mut jsons = Vec::with_capacity(fresh.len());
        for line in &fresh {
            revisions.push(i64::try_from(line.revision).unwrap_or(i64::MAX));
            times.push(line.at);
            jsons.push(json(line)?);
        }
        tx.execute(
            "INSERT INTO vela_audit_trail (org, revision, at, line)
             SELECT $1, r, a, l::jsonb
             FROM unnest($2::bigint[], $3::timestamptz[], $4::text[]) AS t(r, a, l)",
            &[&org, &revisions, &times, &jsons],
        )
        .await
        .map_err(DbError::from)?;
        tx.execute(
            "UPDATE vela_audit_cursors SET revision = $2 WHERE org = $1",
            &[&org, &i64::try_from(newest).unwrap_or(i64::MAX)],
        )
        .await
        .map_err(DbError::from)?;
        tx.commit().await.map_err(DbError::from)?;
        Ok(trail::anonymised(&fresh))
    }

    /// The trail of stored state `org` in `filter`'s days, oldest first.
    pub fn trail_lines(
        &self,
        org: Uuid,
        filter: &Filter,
        failure: &ReadFailure,
    ) -> impl Iterator<Item = TrailLine> + Send + 'static {
        let (after, before) = bounds(filter);
        stream(
            self.pool.clone(),
            "SELECT line::text FROM vela_audit_trail
             WHERE org = $1
               AND ($2::timestamptz IS NULL OR at >= $2)
               AND ($3::timestamptz IS NULL OR at < $3)
             ORDER BY revision",
            vec![Box::new(org), Box::new(after), Box::new(before)],
            failure.clone(),
        )
    }

    /// The security log of `filter`'s organisation, narrowed by its kind,
    /// person and days (`query` applies the exact rules), oldest first.
    pub fn security_lines(
        &self,
        filter: &Filter,
        failure: &ReadFailure,
    ) -> impl Iterator<Item = SecurityLine> + Send + 'static {
        let (after, before) = bounds(filter);
        stream(
            self.pool.clone(),
            "SELECT line::text FROM vela_security_log
             WHERE org = $1
               AND ($2::text IS NULL OR kind = $2)
               AND ($3::uuid IS NULL OR person = $3 OR by_person = $3)
               AND ($4::timestamptz IS NULL OR at >= $4)
               AND ($5::timestamptz IS NULL OR at < $5)
             ORDER BY at, id",
            vec![
                Box::new(filter.org),
                Box::new(filter.kind.clone()),
                Box::new(filter.person),
                Box::new(after),
                Box::new(before),
            ],
            failure.clone(),
        )
    }

    /// The newest `most` lines about `person`, oldest first.
    pub async fn security_about(
        &self,
        person: Uuid,
        most: usize,
    ) -> Result<Vec<SecurityLine>, DbError> {
        let client = self.pool.get().await?;
        let rows = client
            .query(
                "SELECT line::text FROM (
                     SELECT id, line FROM vela_security_log WHERE person = $1
                     ORDER BY at DESC, id DESC LIMIT $2) newest
                 ORDER BY id",
                &[&person, &i64::try_from(most).unwrap_or(i64::MAX)],
            )
            .await?;
        Ok(rows
            .iter()
            .filter_map(|row| serde_json::from_str(row.get::<_, &str>(0)).ok())
            .collect())
    }
}

/// Everything the audit tables hold, for `vela-server migrate` and
/// `export`: the security log and each stored state's trail, oldest first.
pub struct Dump {
    pub security: Vec<SecurityLine>,
    pub trails: Vec<(Uuid, Vec<TrailLine>)>,
}

impl PgAudit {
    /// Copies `dump` into the tables in one transaction, each trail's
    /// cursor at its newest revision (so no follower writes them again).
    pub async fn import(&self, dump: &Dump) -> Result<(), DbError> {
        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        for chunk in dump.security.chunks(1_000) {
            let mut columns = SecurityColumns::default();
            for line in chunk {
                columns.push(line, json(line)?);
            }
            tx.execute(
                "INSERT INTO vela_security_log (at, org, kind, person, by_person, line)
                 SELECT a, o, k, p, b, l::jsonb
                 FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[],
                             $6::text[]) WITH ORDINALITY AS t(a, o, k, p, b, l, n)
                 ORDER BY n",
                &[
                    &columns.at,
                    &columns.org,
                    &columns.kind,
                    &columns.person,
                    &columns.by,
                    &columns.line,
                ],
            )
            .await?;
        }
        for (org, lines) in &dump.trails {
            for chunk in lines.chunks(1_000) {
                let mut revisions = Vec::with_capacity(chunk.len());
                let mut times = Vec::with_capacity(chunk.len());
                let mut jsons = Vec::with_capacity(chunk.len());
                for line in chunk {
                    revisions.push(i64::try_from(line.revision).unwrap_or(i64::MAX));
                    times.push(line.at);
                    jsons.push(json(line)?);
                }
                tx.execute(
                    "INSERT INTO vela_audit_trail (org, revision, at, line)
                     SELECT $1, r, a, l::jsonb
                     FROM unnest($2::bigint[], $3::timestamptz[], $4::text[]) AS t(r, a, l)
                     ON CONFLICT DO NOTHING",
                    &[org, &revisions, &times, &jsons],
                )
                .await?;
            }
            if let Some(newest) = lines.iter().map(|l| l.revision).max() {
                tx.execute(
                    "INSERT INTO vela_audit_cursors (org, revision) VALUES ($1, $2)",
                    &[org, &i64::try_from(newest).unwrap_or(i64::MAX)],
                )
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Everything the tables hold (lines that do not decode left out).
    pub async fn dump(&self) -> Result<Dump, DbError> {
        let client = self.pool.get().await?;
        let security = client
            .query(
                "SELECT line::text FROM vela_security_log ORDER BY at, id",
                &[],
            )
            .await?
            .iter()
            .filter_map(|row| serde_json::from_str(row.get::<_, &str>(0)).ok())
            .collect();
        let mut trails: Vec<(Uuid, Vec<TrailLine>)> = Vec::new();
        let rows = client
            .query(
                "SELECT org, line::text FROM vela_audit_trail ORDER BY org, revision",
                &[],
            )
            .await?;
        for row in rows {
            let org: Uuid = row.get(0);
            let Ok(line) = serde_json::from_str::<TrailLine>(row.get::<_, &str>(1)) else {
                continue;
            };
            match trails.last_mut() {
                Some((last, lines)) if *last == org => lines.push(line),
                _ => trails.push((org, vec![line])),
            }
        }
        Ok(Dump { security, trails })
    }

    /// How many security events and trail rows the tables hold.
    pub async fn counts(&self) -> Result<(usize, usize), DbError> {
        let client = self.pool.get().await?;
        let row = client
            .query_one(
                "SELECT (SELECT count(*) FROM vela_security_log),
                        (SELECT count(*) FROM vela_audit_trail)",
                &[],
            )
            .await?;
        let count = |n: i64| usize::try_from(n).unwrap_or(0);
        Ok((count(row.get(0)), count(row.get(1))))
    }
}

/// The columns of security lines, as arrays for `unnest`.
#[derive(Default)]
struct SecurityColumns {
    at: Vec<DateTime<Utc>>,
    org: Vec<Option<Uuid>>,
    kind: Vec<&'static str>,
    person: Vec<Option<Uuid>>,
    by: Vec<Option<Uuid>>,
    line: Vec<String>,
}

impl SecurityColumns {
    fn push(&mut self, line: &SecurityLine, json: String) {
        self.at.push(line.at);
        self.org.push(line.org);
        self.kind.push(line.kind.code());
        self.person.push(line.person);
        self.by.push(line.by);
        self.line.push(json);
    }
}

fn json(line: &impl serde::Serialize) -> Result<String, DbError> {
    serde_json::to_string(line).map_err(|e| DbError(e.to_string()))
}

fn revision(stored: i64) -> u64 {
    u64::try_from(stored).unwrap_or(0)
}

/// Times that surely hold `filter`'s Rome days (a day earlier and later
/// than the UTC days, whatever the offset); `query` keeps the exact days.
fn bounds(filter: &Filter) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let midnight = |day: NaiveDate| day.and_time(NaiveTime::MIN).and_utc();
    (
        filter
            .from
            .and_then(|d| d.checked_sub_days(Days::new(1)))
            .map(midnight),
        filter
            .until
            .and_then(|d| d.checked_add_days(Days::new(2)))
            .map(midnight),
    )
}

/// The JSON lines `sql` answers, decoded, as a blocking iterator: a task
/// streams the rows into a bounded channel, so a reader holds a few rows at
/// a time however long the log. Lines that do not decode are skipped, as
/// torn lines of a file are. A database failure ends the lines early and
/// is kept in `failure` for the reader to report.
fn stream<T: serde::de::DeserializeOwned + Send + 'static>(
    pool: Pool,
    sql: &'static str,
    params: Vec<Box<dyn ToSql + Sync + Send>>,
    failure: ReadFailure,
) -> impl Iterator<Item = T> + Send + 'static {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<T>(READ_AHEAD);
    tokio::spawn(async move {
        let read = async {
            let client = pool.get().await?;
            let rows = client.query_raw(sql, params).await?;
            pin_mut!(rows);
            while let Some(row) = rows.try_next().await? {
                let Ok(line) = serde_json::from_str::<T>(row.get::<_, &str>(0)) else {
                    continue;
                };
                if tx.send(line).await.is_err() {
                    // The reader has what it wanted.
                    break;
                }
            }
            Ok::<(), DbError>(())
        };
        if let Err(e) = read.await {
            tracing::error!("cannot read the audit: {e}");
            let mut slot = failure.lock().unwrap_or_else(|e| e.into_inner());
            slot.get_or_insert(e);
        }
    });
    std::iter::from_fn(move || rx.blocking_recv())
}
