//! Calendar feeds in PostgreSQL (`vela_feeds`: person → organisation,
//! SHA-256 of the token, creation time), shared by every replica. A feed is
//! looked up by its hash, which is unique and indexed; the token itself is
//! never stored.

use std::collections::BTreeMap;

use chrono::{DateTime, SubsecRound, Utc};
use deadpool_postgres::Pool;
use uuid::Uuid;

use super::{hash, new_token, well_formed, Feed, FeedError};
use crate::store::pg::DbError;

/// The feeds table, through a pool.
#[derive(Clone)]
pub struct PgFeeds {
    pool: Pool,
}

impl PgFeeds {
    pub fn new(pool: Pool) -> Self {
        PgFeeds { pool }
    }

    pub async fn get(&self, person: Uuid) -> Result<Option<Feed>, FeedError> {
        let client = self.pool.get().await.map_err(DbError::from)?;
        let row = client
            .query_opt(
                "SELECT org, token_sha256, created_at FROM vela_feeds WHERE person = $1",
                &[&person],
            )
            .await
            .map_err(DbError::from)?;
        Ok(row.map(|row| Feed {
            org_id: row.get(0),
            token_sha256: row.get(1),
            created_at: row.get(2),
        }))
    }

    pub async fn find(&self, token: &str) -> Result<Option<(Uuid, Uuid)>, FeedError> {
        if !well_formed(token) {
            return Ok(None);
        }
        let client = self.pool.get().await.map_err(DbError::from)?;
        let row = client
            .query_opt(
                "SELECT person, org FROM vela_feeds WHERE token_sha256 = $1",
                &[&hash(token)],
            )
            .await
            .map_err(DbError::from)?;
        Ok(row.map(|row| (row.get(0), row.get(1))))
    }

    pub async fn create(
        &self,
        person: Uuid,
        org_id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(String, Feed), FeedError> {
        let token = new_token()?;
        let feed = Feed {
            org_id,
            token_sha256: hash(&token),
            // As PostgreSQL keeps it (microseconds), so the answer now and
            // every later read say the same time.
            created_at: now.trunc_subsecs(6),
        };
        self.insert_all(BTreeMap::from([(person, feed.clone())]))
            .await?;
        Ok((token, feed))
    }

    pub async fn revoke(&self, person: Uuid) -> Result<bool, FeedError> {
        let client = self.pool.get().await.map_err(DbError::from)?;
        let removed = client
            .execute("DELETE FROM vela_feeds WHERE person = $1", &[&person])
            .await
            .map_err(DbError::from)?;
        Ok(removed > 0)
    }

    /// Every live feed, by person (for `export`).
    pub async fn all(&self) -> Result<BTreeMap<Uuid, Feed>, FeedError> {
        let client = self.pool.get().await.map_err(DbError::from)?;
        let rows = client
            .query(
                "SELECT person, org, token_sha256, created_at FROM vela_feeds",
                &[],
            )
            .await
            .map_err(DbError::from)?;
        Ok(rows
            .into_iter()
            .map(|row| {
                (
                    row.get(0),
                    Feed {
                        org_id: row.get(1),
                        token_sha256: row.get(2),
                        created_at: row.get(3),
                    },
                )
            })
            .collect())
    }

    /// Adds `feeds`, replacing each person's previous one, in one
    /// transaction.
    pub async fn insert_all(&self, feeds: BTreeMap<Uuid, Feed>) -> Result<(), FeedError> {
        let mut client = self.pool.get().await.map_err(DbError::from)?;
        let tx = client.transaction().await.map_err(DbError::from)?;
        for (person, feed) in &feeds {
            tx.execute(
                "INSERT INTO vela_feeds (person, org, token_sha256, created_at)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (person) DO UPDATE SET org = EXCLUDED.org,
                     token_sha256 = EXCLUDED.token_sha256, created_at = EXCLUDED.created_at",
                &[person, &feed.org_id, &feed.token_sha256, &feed.created_at],
            )
            .await
            .map_err(DbError::from)?;
        }
        tx.commit().await.map_err(DbError::from)?;
        Ok(())
    }
}
