//! Snapshots as rows: the same document as `snapshot.json`, as JSONB, so
//! loading is the newest snapshot plus the log rows after it.

use tokio_postgres::Client;
use uuid::Uuid;

use super::db_error;
use super::rows::revision_param;
use crate::store::format::decode_snapshot;
use crate::store::upgrade::SNAPSHOT;
use crate::store::{Model, Snapshot, StoreError};

/// The newest snapshot of an organisation, decoded (older versions through
/// the snapshot's steps) on a blocking thread: it is the whole state.
pub async fn newest<M: Model>(
    client: &Client,
    org: Uuid,
) -> Result<Option<Snapshot<M, M::Actor>>, StoreError> {
    let row = client
        .query_opt(
            "SELECT snapshot::text FROM vela_snapshots WHERE org = $1
             ORDER BY revision DESC LIMIT 1",
            &[&org],
        )
        .await
        .map_err(db_error)?;
    let Some(row) = row else {
        return Ok(None);
    };
    let json: String = row.try_get(0).map_err(db_error)?;
    let decoded = tokio::task::spawn_blocking(move || {
        decode_snapshot::<Snapshot<M, M::Actor>>(json.as_bytes())
    })
    .await
    .map_err(|e| StoreError::Database(e.to_string()))?;
    decoded.map(Some).map_err(|reason| {
        StoreError::Database(format!(
            "organisation {org}, newest snapshot: {reason}. The server will not drop acknowledged data on its own"
        ))
    })
}

/// Encodes a snapshot (records only) on a blocking thread.
pub async fn encode<M: Model>(mut snapshot: Snapshot<M, M::Actor>) -> Result<String, StoreError> {
    tokio::task::spawn_blocking(move || {
        snapshot.state.drop_derived();
        serde_json::to_string(&snapshot).map_err(|e| StoreError::Encode(e.to_string()))
    })
    .await
    .map_err(|e| StoreError::Encode(e.to_string()))?
}

/// Stores a snapshot of `revision` (another replica may have written the
/// same one: kept) and drops the older ones.
pub async fn write(
    client: &Client,
    org: Uuid,
    revision: u64,
    json: &str,
) -> Result<(), StoreError> {
    let format = i32::try_from(SNAPSHOT.current).unwrap_or(i32::MAX);
    let revision = revision_param(revision);
    client
        .execute(
            "INSERT INTO vela_snapshots (org, revision, format, snapshot)
         VALUES ($1, $2, $3, $4::text::jsonb) ON CONFLICT DO NOTHING",
            &[&org, &revision, &format, &json],
        )
        .await
        .map_err(db_error)?;
    client
        .execute(
            "DELETE FROM vela_snapshots WHERE org = $1 AND revision < $2",
            &[&org, &revision],
        )
        .await
        .map_err(db_error)?;
    Ok(())
}
