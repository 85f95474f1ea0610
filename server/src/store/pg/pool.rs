//! A connection pool for what lives beside the log in the database
//! (accounts, sessions, login limits, feeds, mail), apart from the store's
//! own so a burst of pushes cannot keep a sign-in or a session check
//! waiting for a connection.

use deadpool_postgres::{ManagerConfig, Pool, RecyclingMethod};

use super::schema;
use crate::store::StoreError;

/// A database failure of the shared tables, as text (the driver's errors
/// are not `Clone` and say enough).
#[derive(Clone, Debug, thiserror::Error)]
#[error("database: {0}")]
pub struct DbError(pub String);

impl From<tokio_postgres::Error> for DbError {
    fn from(error: tokio_postgres::Error) -> Self {
        DbError(error.to_string())
    }
}

impl From<deadpool_postgres::PoolError> for DbError {
    fn from(error: deadpool_postgres::PoolError) -> Self {
        DbError(error.to_string())
    }
}

/// Connects `size` connections at most to `url` and brings the tables to
/// this build's schema (the first connection is made now, so a wrong URL
/// fails the start-up).
pub async fn pool(url: &str, size: usize) -> Result<Pool, StoreError> {
    let manager = super::database::Database::parse(url)?.manager(ManagerConfig {
        recycling_method: RecyclingMethod::Fast,
    });
    let pool = Pool::builder(manager)
        .max_size(size)
        .build()
        .map_err(|e| StoreError::Database(e.to_string()))?;
    let mut client = pool
        .get()
        .await
        .map_err(|e| StoreError::Database(e.to_string()))?;
    let client: &mut tokio_postgres::Client = &mut client;
    schema::migrate(client).await?;
    Ok(pool)
}
