//! Sessions in PostgreSQL (`vela_sessions`), shared by every replica.
//!
//! A row per session, keyed by the SHA-256 of its token: the database (a
//! backup, a replica's log) never holds a token that opens a session. A
//! request's check is one statement on that primary key; it also moves
//! `last_seen` forward, but only when it is older than a fraction of the
//! idle timeout, so most checks write nothing. Expiry is computed by the
//! database's clock, so replicas with skewed clocks agree.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use deadpool_postgres::Pool;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::{new_token, SessionError, SessionUser};
use crate::store::pg::DbError;

/// How often expired rows are deleted (they are refused on use anyway).
const SWEEP_EVERY: Duration = Duration::from_secs(60);

/// The sessions table, through a pool.
#[derive(Clone)]
pub struct PgSessions {
    pool: Pool,
    idle: Duration,
    max_age: Duration,
    last_sweep: Arc<Mutex<Instant>>,
}

/// The check of a request: the session's user when it is live, and
/// `last_seen` moved to now when it is older than `$4` seconds.
const CHECK: &str = "WITH live AS (
         SELECT person, org, username, last_seen FROM vela_sessions
         WHERE token_sha256 = $1
           AND last_seen > now() - make_interval(secs => $2)
           AND created_at > now() - make_interval(secs => $3)
     ), touched AS (
         UPDATE vela_sessions SET last_seen = now()
         WHERE token_sha256 = $1
           AND EXISTS (SELECT 1 FROM live WHERE last_seen < now() - make_interval(secs => $4))
         RETURNING 1
     )
     SELECT person, org, username FROM live";

fn hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

impl PgSessions {
    /// Sessions end after `idle` without use or `max_age` after login.
    pub fn new(pool: Pool, idle: Duration, max_age: Duration) -> Self {
        PgSessions {
            pool,
            idle,
            max_age,
            last_sweep: Arc::new(Mutex::new(Instant::now())),
        }
    }

    pub async fn create(&self, user: SessionUser) -> Result<String, SessionError> {
        let token = new_token().map_err(SessionError::Random)?;
        let client = self.pool.get().await.map_err(DbError::from)?;
        client
            .execute(
                "INSERT INTO vela_sessions (token_sha256, person, org, username, created_at, last_seen)
                 VALUES ($1, $2, $3, $4, now(), now())",
                &[&hash(&token), &user.person_id, &user.org_id, &user.username],
            )
            .await
            .map_err(DbError::from)?;
        if self.sweep_due() {
            client
                .execute(
                    "DELETE FROM vela_sessions
                     WHERE last_seen <= now() - make_interval(secs => $1)
                        OR created_at <= now() - make_interval(secs => $2)",
                    &[&self.idle.as_secs_f64(), &self.max_age.as_secs_f64()],
                )
                .await
                .map_err(DbError::from)?;
        }
        Ok(token)
    }

    pub async fn get(&self, token: &str) -> Result<Option<SessionUser>, SessionError> {
        // Anything else was never made here: no round trip for it.
        if token.len() != 43 {
            return Ok(None);
        }
        let client = self.pool.get().await.map_err(DbError::from)?;
        let statement = client.prepare_cached(CHECK).await.map_err(DbError::from)?;
        // Touching at most every quarter of the idle time keeps a session
        // in use alive while writing once per minutes, not per request.
        let touch = (self.idle.as_secs_f64() / 4.0).min(30.0);
        let row = client
            .query_opt(
                &statement,
                &[
                    &hash(token),
                    &self.idle.as_secs_f64(),
                    &self.max_age.as_secs_f64(),
                    &touch,
                ],
            )
            .await
            .map_err(DbError::from)?;
        Ok(row.map(|row| SessionUser {
            person_id: row.get(0),
            org_id: row.get(1),
            username: row.get(2),
        }))
    }

    pub async fn remove(&self, token: &str) -> Result<(), SessionError> {
        let client = self.pool.get().await.map_err(DbError::from)?;
        client
            .execute(
                "DELETE FROM vela_sessions WHERE token_sha256 = $1",
                &[&hash(token)],
            )
            .await
            .map_err(DbError::from)?;
        Ok(())
    }

    pub async fn remove_person(&self, person_id: Uuid) -> Result<(), SessionError> {
        let client = self.pool.get().await.map_err(DbError::from)?;
        client
            .execute("DELETE FROM vela_sessions WHERE person = $1", &[&person_id])
            .await
            .map_err(DbError::from)?;
        Ok(())
    }

    fn sweep_due(&self) -> bool {
        let mut last = self
            .last_sweep
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if last.elapsed() >= SWEEP_EVERY {
            *last = Instant::now();
            true
        } else {
            false
        }
    }
}
