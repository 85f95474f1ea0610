//! Password checks in a bounded pool.
//!
//! An argon2id check takes about 19 MiB and tens of milliseconds of a core.
//! Run without bound, a burst of logins (wrong ones cost the same) takes the
//! server's memory and every core. So at most as many checks run at once as
//! the machine has cores, each on a blocking thread; a login waits up to
//! [`WAIT`] for its turn, then is answered 503 with `Retry-After`. After
//! each check the freed memory is given back to the system soon
//! ([`crate::memory::trim_soon`]): glibc would otherwise keep it.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

use super::{Account, Auth};

/// The longest a login waits for a free slot.
pub const WAIT: Duration = Duration::from_secs(2);

/// Why a password was not checked.
#[derive(Debug, thiserror::Error)]
pub enum PoolError {
    #[error("every password check slot stayed busy")]
    Busy,
    #[error("the password check failed to run: {0}")]
    Task(String),
}

/// The slots of concurrent checks.
pub struct PasswordPool {
    slots: Arc<Semaphore>,
}

impl PasswordPool {
    /// A pool of `slots` concurrent checks (at least one).
    pub fn new(slots: usize) -> Self {
        PasswordPool {
            slots: Arc::new(Semaphore::new(slots.max(1))),
        }
    }

    /// As many slots as the machine has cores.
    pub fn per_core() -> Self {
        Self::new(std::thread::available_parallelism().map_or(1, |n| n.get()))
    }

    /// Checks `password` against `account` (or the decoy) when a slot is
    /// free within [`WAIT`].
    pub async fn verify(
        &self,
        auth: Arc<Auth>,
        password: String,
        account: Option<Account>,
    ) -> Result<bool, PoolError> {
        let slot = tokio::time::timeout(WAIT, self.slots.clone().acquire_owned())
            .await
            .map_err(|_| PoolError::Busy)?
            .map_err(|_| PoolError::Busy)?;
        // The slot moves into the blocking task: if the caller goes away, it
        // is still held until the check really ends.
        let matches = tokio::task::spawn_blocking(move || {
            let matches = auth.verify(&password, account.as_ref());
            drop(slot);
            matches
        })
        .await
        .map_err(|e| PoolError::Task(e.to_string()))?;
        crate::memory::trim_soon();
        Ok(matches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_full_pool_turns_latecomers_away_after_the_wait() {
        let pool = PasswordPool::new(1);
        let held = pool.slots.clone().acquire_owned().await.unwrap();
        let started = std::time::Instant::now();
        let auth = Arc::new(
            Auth::open(
                tempfile::tempdir().unwrap().path(),
                &<crate::Config as clap::Parser>::parse_from([
                    "vela-server",
                    "--insecure-fast-hashing",
                ]),
                None,
            )
            .unwrap(),
        );
        let answer = pool.verify(auth.clone(), "x".into(), None).await;
        assert!(matches!(answer, Err(PoolError::Busy)), "{answer:?}");
        assert!(started.elapsed() >= WAIT);
        drop(held);
        assert!(!pool.verify(auth, "x".into(), None).await.unwrap());
    }
}
