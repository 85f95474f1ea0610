//! Copying organisations into an empty database (`vela-server migrate`):
//! each one's snapshot and the log rows after it, in one transaction, so a
//! failed copy leaves the database as empty as it was.

use uuid::Uuid;

use super::{db_error, register, rows, schema, snapshots};
use crate::store::{EntryOf, Model, Snapshot, StoreError};

/// One organisation as read from somewhere else.
pub struct Imported<M: Model> {
    pub id: Uuid,
    pub snapshot: Option<Snapshot<M, M::Actor>>,
    /// The entries after the snapshot, in order.
    pub entries: Vec<EntryOf<M>>,
}

/// Rows per insert statement.
const CHUNK: usize = 1000;

/// Creates the tables and copies `organisations` in; refuses a database
/// that already holds any organisation.
pub async fn import<M: Model>(
    url: &str,
    organisations: Vec<Imported<M>>,
) -> Result<(), StoreError> {
    let mut client = super::database::Database::parse(url)?.connect().await?;
    schema::migrate(&mut client).await?;
    let present: i64 = client
        .query_one(
            "SELECT (SELECT count(*) FROM vela_organisations) + (SELECT count(*) FROM vela_log)",
            &[],
        )
        .await
        .map_err(db_error)?
        .get(0);
    if present > 0 {
        return Err(StoreError::Database(
            "the database already holds organisations; migrate only into an empty one".into(),
        ));
    }
    client.batch_execute("BEGIN").await.map_err(db_error)?;
    for organisation in organisations {
        let id = organisation.id;
        register(&client, id).await?;
        if let Some(snapshot) = organisation.snapshot {
            let revision = snapshot.revision;
            let compressed = snapshots::encode::<M>(snapshot).await?;
            snapshots::write(&client, id, revision, &compressed).await?;
        }
        let mut chunk = Vec::with_capacity(CHUNK);
        for entry in &organisation.entries {
            chunk.push(rows::encode::<M>(entry)?);
            if chunk.len() == CHUNK {
                rows::insert(&client, id, &chunk).await?;
                chunk.clear();
            }
        }
        if !chunk.is_empty() {
            rows::insert(&client, id, &chunk).await?;
        }
    }
    client.batch_execute("COMMIT").await.map_err(db_error)?;
    Ok(())
}
