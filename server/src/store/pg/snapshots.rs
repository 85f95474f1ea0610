//! Snapshots as rows: the same document as `snapshot.json`, brotli-compressed
//! in `compressed` (schema step 5; earlier builds wrote it as JSONB in
//! `snapshot`, still read), so loading is the newest snapshot plus the log
//! rows after it.
//!
//! Compressed because a snapshot is the whole state: 80 MB of JSON for
//! 2,500 people with a year of plans. Held as one string, then copied into
//! the connection's buffer, it took a replica's memory from 120 to 390 MiB
//! each time one was stored; encoded straight into the compressor it is a
//! few megabytes, and as many less to send, store and read back.

use std::io::Read;

use tokio_postgres::Client;
use uuid::Uuid;

use super::db_error;
use super::rows::revision_param;
use crate::store::format::decode_snapshot;
use crate::store::upgrade::SNAPSHOT;
use crate::store::{Model, Snapshot, StoreError};

/// The newest snapshot of an organisation, decompressed and decoded (older
/// versions through the snapshot's steps) on a blocking thread: it is the
/// whole state.
pub async fn newest<M: Model>(
    client: &Client,
    org: Uuid,
) -> Result<Option<Snapshot<M, M::Actor>>, StoreError> {
    let row = client
        .query_opt(
            "SELECT compressed, snapshot::text FROM vela_snapshots WHERE org = $1
             ORDER BY revision DESC LIMIT 1",
            &[&org],
        )
        .await
        .map_err(db_error)?;
    let Some(row) = row else {
        return Ok(None);
    };
    let compressed: Option<Vec<u8>> = row.try_get(0).map_err(db_error)?;
    let written_as_jsonb: Option<String> = row.try_get(1).map_err(db_error)?;
    let decoded = tokio::task::spawn_blocking(move || {
        let json = match (compressed, written_as_jsonb) {
            (Some(compressed), _) => decompress(&compressed)?,
            (None, Some(json)) => json.into_bytes(),
            (None, None) => return Err("the row holds no document".to_string()),
        };
        decode_snapshot::<Snapshot<M, M::Actor>>(&json)
    })
    .await
    .map_err(|e| StoreError::Database(e.to_string()))?;
    decoded.map(Some).map_err(|reason| {
        StoreError::Database(format!(
            "organisation {org}, newest snapshot: {reason}. The server will not drop acknowledged data on its own"
        ))
    })
}

fn decompress(compressed: &[u8]) -> Result<Vec<u8>, String> {
    let mut json = Vec::new();
    brotli::Decompressor::new(compressed, 64 * 1024)
        .read_to_end(&mut json)
        .map_err(|e| format!("not a brotli stream: {e}"))?;
    Ok(json)
}

/// Encodes a snapshot (records only) straight into brotli, on a blocking
/// thread: the JSON is never held whole.
pub async fn encode<M: Model>(mut snapshot: Snapshot<M, M::Actor>) -> Result<Vec<u8>, StoreError> {
    tokio::task::spawn_blocking(move || {
        snapshot.state.drop_derived();
        crate::brotli_json::encode(&snapshot).map_err(|e| StoreError::Encode(e.to_string()))
    })
    .await
    .map_err(|e| StoreError::Encode(e.to_string()))?
}

/// Stores a snapshot of `revision`, as [`encode`] made it (another replica
/// may have written the same one: kept), and drops the older ones.
pub async fn write(
    client: &Client,
    org: Uuid,
    revision: u64,
    compressed: &[u8],
) -> Result<(), StoreError> {
    let format = i32::try_from(SNAPSHOT.current).unwrap_or(i32::MAX);
    let revision = revision_param(revision);
    client
        .execute(
            "INSERT INTO vela_snapshots (org, revision, format, compressed)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            &[&org, &revision, &format, &compressed],
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_comes_back_as_it_went_in_and_much_smaller() {
        let value: Vec<String> = (0..5_000).map(|n| format!("day plan {n}")).collect();
        let compressed = crate::brotli_json::encode(&value).unwrap();
        let json = decompress(&compressed).unwrap();
        assert_eq!(json, serde_json::to_vec(&value).unwrap());
        assert!(
            compressed.len() * 5 < json.len(),
            "{} of {}",
            compressed.len(),
            json.len()
        );
    }

    #[test]
    fn bytes_that_are_not_brotli_are_refused_with_a_reason() {
        let error = decompress(b"{\"format\": 3}").unwrap_err();
        assert!(error.contains("brotli"), "{error}");
    }
}
