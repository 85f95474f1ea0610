//! The log as rows: one row per revision of an organisation, its entry as
//! JSONB beside the log line format version it was written in.

use serde_json::Value;
use tokio_postgres::Client;
use uuid::Uuid;

use super::db_error;
use crate::store::upgrade::LOG_LINE;
use crate::store::{EntryOf, Model, StoreError};

/// An entry ready to insert: its revision and its JSON text.
pub struct Row {
    pub revision: u64,
    pub json: String,
}

/// Encodes an entry for [`insert`]. PostgreSQL's JSONB cannot hold the NUL
/// character, so an entry with one is refused here, before anything changes,
/// rather than by the database after the batch was decided.
pub fn encode<M: Model>(entry: &EntryOf<M>) -> Result<Row, StoreError> {
    let json = serde_json::to_string(entry).map_err(|e| StoreError::Encode(e.to_string()))?;
    if json.contains("\\u0000") {
        return Err(StoreError::Encode(
            "text with a NUL character cannot be stored".into(),
        ));
    }
    Ok(Row {
        revision: entry.revision,
        json,
    })
}

/// Inserts a batch's rows with one statement. The primary key refuses a
/// revision written twice, so two writers can never both succeed.
pub async fn insert(client: &Client, org: Uuid, rows: &[Row]) -> Result<(), StoreError> {
    let revisions: Vec<i64> = rows.iter().map(|r| revision_param(r.revision)).collect();
    let entries: Vec<&str> = rows.iter().map(|r| r.json.as_str()).collect();
    let format = i32::try_from(LOG_LINE.current).unwrap_or(i32::MAX);
    client
        .execute(
            "INSERT INTO vela_log (org, revision, format, entry)
         SELECT $1, r, $2, e::jsonb FROM unnest($3::bigint[], $4::text[]) AS t (r, e)",
            &[&org, &format, &revisions, &entries],
        )
        .await
        .map_err(db_error)?;
    Ok(())
}

/// What [`after`] found.
pub enum After<M: Model> {
    /// Every entry after the revision asked for, oldest first.
    Entries(Vec<EntryOf<M>>),
    /// The rows just after it were deleted ([`prune`]): a newer snapshot
    /// holds them, load it instead.
    Pruned,
}

/// Every entry after `since`, oldest first, refusing a gap between rows.
pub async fn after<M: Model>(
    client: &Client,
    org: Uuid,
    since: u64,
) -> Result<After<M>, StoreError> {
    let rows = client
        .query(
            "SELECT revision, format, entry::text FROM vela_log
             WHERE org = $1 AND revision > $2 ORDER BY revision",
            &[&org, &revision_param(since)],
        )
        .await
        .map_err(db_error)?;
    if let Some(first) = rows.first() {
        let revision: i64 = first.try_get(0).map_err(db_error)?;
        if u64::try_from(revision).is_ok_and(|r| r > since + 1) {
            return Ok(After::Pruned);
        }
    }
    let mut entries = Vec::with_capacity(rows.len());
    for (expected, row) in (since + 1..).zip(rows) {
        let revision: i64 = row.try_get(0).map_err(db_error)?;
        let format: i32 = row.try_get(1).map_err(db_error)?;
        let json: &str = row.try_get(2).map_err(db_error)?;
        let corrupt = |reason: String| {
            StoreError::Database(format!(
                "organisation {org}, log row {revision}: {reason}. The server will not drop acknowledged data on its own"
            ))
        };
        let entry = decode::<M>(format, json).map_err(corrupt)?;
        if entry.revision != expected || u64::try_from(revision).ok() != Some(expected) {
            return Err(corrupt(format!("expected revision {expected}")));
        }
        entries.push(entry);
    }
    Ok(After::Entries(entries))
}

/// Deletes an organisation's rows up to `through`, a revision a stored
/// snapshot already holds, as the JSON store deletes older segments. A
/// replica whose memory is older than that then loads the snapshot
/// ([`After::Pruned`]); answers to retries stay in the snapshot's ids.
pub async fn prune(client: &Client, org: Uuid, through: u64) -> Result<u64, StoreError> {
    client
        .execute(
            "DELETE FROM vela_log WHERE org = $1 AND revision <= $2",
            &[&org, &revision_param(through)],
        )
        .await
        .map_err(db_error)
}

/// Decodes a row's entry of any readable version.
fn decode<M: Model>(format: i32, json: &str) -> Result<EntryOf<M>, String> {
    let version = u64::try_from(format).map_err(|_| format!("format {format}"))?;
    LOG_LINE.check(version).map_err(|e| e.to_string())?;
    if version == u64::from(LOG_LINE.current) {
        return serde_json::from_str(json).map_err(|e| e.to_string());
    }
    // Older versions are upgraded as a whole line is: version 1 was the
    // bare entry, later ones wrap it.
    let entry: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let line = if version == 1 {
        entry
    } else {
        serde_json::json!({ "format": version, "entry": entry })
    };
    let mut upgraded = LOG_LINE.upgrade(line).map_err(|e| e.to_string())?;
    let entry = upgraded.get_mut("entry").map(Value::take);
    serde_json::from_value(entry.unwrap_or(Value::Null)).map_err(|e| e.to_string())
}

/// Revisions are `bigint` in the database; they never reach 2^63.
pub fn revision_param(revision: u64) -> i64 {
    i64::try_from(revision).unwrap_or(i64::MAX)
}
