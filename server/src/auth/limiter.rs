//! Login rate limit: a few failures per minute per account and per address.
//!
//! Guessing passwords online then costs an attacker a minute per handful of
//! tries, per account and per client address. A blocked account is refused
//! even with the right password — otherwise the limit would only slow the
//! attacker's wrong guesses, not stop the right one. Behind a reverse proxy
//! every client shares the proxy's address, so the per-address limit then
//! applies to all of them together; the per-account one still holds.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The window in which failures are counted.
const WINDOW: Duration = Duration::from_secs(60);

/// Above this many tracked keys, stale ones are swept out on the next failure.
const SWEEP_ABOVE: usize = 10_000;

/// What failures are counted against.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Account(String),
    Address(IpAddr),
}

/// Recent failed logins.
pub struct LoginLimiter {
    max_failures: usize,
    failures: Mutex<HashMap<Key, VecDeque<Instant>>>,
}

impl LoginLimiter {
    pub fn new(max_failures_per_minute: u32) -> Self {
        LoginLimiter {
            max_failures: max_failures_per_minute.max(1) as usize,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// `Err(wait)` when any of `keys` has used up its failures: how long
    /// until the oldest of them leaves the window.
    pub fn check(&self, keys: &[Key]) -> Result<(), Duration> {
        let now = Instant::now();
        let mut failures = self.failures.lock().unwrap_or_else(PoisonError::into_inner);
        let mut wait = Duration::ZERO;
        for key in keys {
            if let Some(times) = failures.get_mut(key) {
                prune(times, now);
                if times.len() >= self.max_failures {
                    if let Some(oldest) = times.front() {
                        wait = wait.max(WINDOW.saturating_sub(now.duration_since(*oldest)));
                    }
                }
            }
        }
        if wait.is_zero() {
            Ok(())
        } else {
            Err(wait)
        }
    }

    /// Counts a failed login against every key.
    pub fn fail(&self, keys: &[Key]) {
        let now = Instant::now();
        let mut failures = self.failures.lock().unwrap_or_else(PoisonError::into_inner);
        if failures.len() > SWEEP_ABOVE {
            failures.retain(|_, times| {
                prune(times, now);
                !times.is_empty()
            });
        }
        for key in keys {
            let times = failures.entry(key.clone()).or_default();
            prune(times, now);
            times.push_back(now);
        }
    }

    /// A successful login clears the account's failures (not the address's:
    /// one right password must not reset a spray over many accounts).
    pub fn succeed(&self, account: &Key) {
        self.failures
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(account);
    }
}

fn prune(times: &mut VecDeque<Instant>, now: Instant) {
    while times
        .front()
        .is_some_and(|t| now.duration_since(*t) >= WINDOW)
    {
        times.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sixth_failure_in_a_minute_is_refused_per_account_and_per_address() {
        let limiter = LoginLimiter::new(5);
        let giulia = Key::Account("giulia".into());
        let here = Key::Address([127, 0, 0, 1].into());
        for _ in 0..5 {
            assert!(limiter.check(&[giulia.clone(), here.clone()]).is_ok());
            limiter.fail(&[giulia.clone(), here.clone()]);
        }
        let wait = limiter.check(std::slice::from_ref(&giulia)).unwrap_err();
        assert!(wait > Duration::from_secs(55) && wait <= WINDOW, "{wait:?}");
        // Another account from the same address is blocked by the address…
        assert!(limiter
            .check(&[Key::Account("marco".into()), here.clone()])
            .is_err());
        // …and from another address it is not.
        assert!(limiter
            .check(&[
                Key::Account("marco".into()),
                Key::Address([10, 0, 0, 1].into())
            ])
            .is_ok());
        limiter.succeed(&giulia);
        assert!(limiter.check(&[giulia]).is_ok());
    }
}
