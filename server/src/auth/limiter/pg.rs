//! The login limits in PostgreSQL: `vela_login_limits`, one row per
//! counted key (an account and address, an account, an address) with the
//! times of its attempts in the window. A reservation locks its two rows
//! (in key order, so two never deadlock), prunes, checks and appends in one
//! transaction, so parallel guesses through several replicas see each
//! other's reservations exactly as threads of one server do. Times are the
//! database's, so replicas' clocks need not agree.

use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use deadpool_postgres::Pool;

use super::{Refused, ACCOUNT_FACTOR, SLOW_DOWN, SLOW_DOWN_FACTOR, WINDOW};
use crate::store::pg::DbError;

/// How often rows whose attempts all left the window are deleted.
const SWEEP_EVERY: Duration = Duration::from_secs(60);

/// The limits table, through a pool.
#[derive(Clone)]
pub struct PgLimiter {
    pool: Pool,
    limit: usize,
    last_sweep: Arc<Mutex<Instant>>,
}

/// A reserved attempt (see [`super::Reservation`]).
pub struct Reservation {
    limiter: PgLimiter,
    account: String,
    address: IpAddr,
    /// The attempt's time as stored, to give it back.
    at: DateTime<Utc>,
}

// The account comes last: it is the only part that may hold spaces.
fn pair_key(account: &str, address: IpAddr) -> String {
    format!("pair {address} {account}")
}

fn account_key(account: &str) -> String {
    format!("account {account}")
}

fn address_key(address: IpAddr) -> String {
    format!("address {address}")
}

fn window() -> chrono::Duration {
    chrono::Duration::from_std(WINDOW).unwrap_or(chrono::Duration::MAX)
}

impl PgLimiter {
    pub fn new(pool: Pool, attempts_per_minute: u32) -> Self {
        PgLimiter {
            pool,
            limit: attempts_per_minute.max(1) as usize,
            last_sweep: Arc::new(Mutex::new(Instant::now())),
        }
    }

    pub async fn reserve(&self, account: &str, address: IpAddr) -> Result<Reservation, Refused> {
        self.try_reserve(account, address)
            .await
            .map_err(Refused::Unavailable)?
            .map_err(Refused::Limit)
    }

    async fn try_reserve(
        &self,
        account: &str,
        address: IpAddr,
    ) -> Result<Result<Reservation, Duration>, DbError> {
        let pair = pair_key(account, address);
        let whole = account_key(account);
        let mut keys = vec![pair.clone(), whole];
        keys.sort();
        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        tx.execute(
            "INSERT INTO vela_login_limits (key, attempts, updated_at)
             SELECT k, '{}', now() FROM unnest($1::text[]) AS k ORDER BY k
             ON CONFLICT (key) DO NOTHING",
            &[&keys],
        )
        .await?;
        let rows = tx
            .query(
                "SELECT key, attempts, now() FROM vela_login_limits
                 WHERE key = ANY($1) ORDER BY key FOR UPDATE",
                &[&keys],
            )
            .await?;
        let mut now = Utc::now();
        let mut counted = Vec::with_capacity(rows.len());
        let mut wait = Duration::ZERO;
        for row in &rows {
            let key: String = row.get(0);
            let mut times: Vec<DateTime<Utc>> = row.get(1);
            now = row.get(2);
            times.retain(|t| now.signed_duration_since(*t) < window());
            let limit = if key == pair {
                self.limit
            } else {
                self.limit * ACCOUNT_FACTOR
            };
            if times.len() >= limit {
                let oldest = times.iter().min().copied().unwrap_or(now);
                let left = (window() - now.signed_duration_since(oldest))
                    .to_std()
                    .unwrap_or(Duration::ZERO);
                wait = wait.max(left);
            }
            counted.push((key, times));
        }
        if !wait.is_zero() {
            tx.rollback().await?;
            return Ok(Err(wait));
        }
        for (key, mut times) in counted {
            times.push(now);
            tx.execute(
                "UPDATE vela_login_limits SET attempts = $2, updated_at = now() WHERE key = $1",
                &[&key, &times],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(Ok(Reservation {
            limiter: self.clone(),
            account: account.to_owned(),
            address,
            at: now,
        }))
    }

    /// Removes the attempt made at `at` from the account's counts.
    async fn give_back(&self, account: &str, address: IpAddr, at: DateTime<Utc>) {
        let keys = vec![pair_key(account, address), account_key(account)];
        let result = async {
            let client = self.pool.get().await?;
            client
                .execute(
                    "UPDATE vela_login_limits SET attempts = array_remove(attempts, $2)
                     WHERE key = ANY($1)",
                    &[&keys, &at],
                )
                .await?;
            Ok::<_, DbError>(())
        }
        .await;
        if let Err(e) = result {
            tracing::error!("login limits: cannot give an attempt back: {e}");
        }
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

impl Reservation {
    pub async fn failed(self) -> Duration {
        let limiter = &self.limiter;
        let result = async {
            let client = limiter.pool.get().await?;
            // One statement: the address's attempts still in the window,
            // plus this one, however many replicas count at once.
            let row = client
                .query_one(
                    "INSERT INTO vela_login_limits AS l (key, attempts, updated_at)
                     VALUES ($1, ARRAY[now()], now())
                     ON CONFLICT (key) DO UPDATE SET
                         attempts = array_append(
                             (SELECT array_agg(a) FROM unnest(l.attempts) AS a
                              WHERE a > now() - make_interval(secs => $2)),
                             now()),
                         updated_at = now()
                     RETURNING cardinality(attempts)",
                    &[&address_key(self.address), &WINDOW.as_secs_f64()],
                )
                .await?;
            if limiter.sweep_due() {
                client
                    .execute(
                        "DELETE FROM vela_login_limits
                         WHERE updated_at <= now() - make_interval(secs => $1)",
                        &[&WINDOW.as_secs_f64()],
                    )
                    .await?;
            }
            Ok::<i32, DbError>(row.get(0))
        }
        .await;
        match result {
            Ok(count) if count as usize > limiter.limit * SLOW_DOWN_FACTOR => SLOW_DOWN,
            Ok(_) => Duration::ZERO,
            Err(e) => {
                tracing::error!("login limits: cannot count a failure: {e}");
                Duration::ZERO
            }
        }
    }

    pub async fn succeeded(self) {
        let result = async {
            let client = self.limiter.pool.get().await?;
            client
                .execute(
                    "DELETE FROM vela_login_limits WHERE key = $1",
                    &[&pair_key(&self.account, self.address)],
                )
                .await?;
            Ok::<_, DbError>(())
        }
        .await;
        if let Err(e) = result {
            tracing::error!("login limits: cannot clear a signed-in account's failures: {e}");
        }
        self.limiter
            .give_back(&self.account, self.address, self.at)
            .await;
    }

    pub async fn release(self) {
        self.limiter
            .give_back(&self.account, self.address, self.at)
            .await;
    }
}
