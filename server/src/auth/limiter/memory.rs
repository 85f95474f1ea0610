//! The login limits of the JSON-file deployment, in memory (see the
//! parent module for the rules).

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::{ACCOUNT_FACTOR, SLOW_DOWN, SLOW_DOWN_FACTOR, WINDOW};

/// Above this many tracked keys, stale ones are swept out on the next attempt.
const SWEEP_ABOVE: usize = 10_000;

/// What attempts are counted against.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Account(String),
    AccountAddress(String, IpAddr),
    Address(IpAddr),
}

/// Recent login attempts.
pub struct MemoryLimiter {
    limit: usize,
    attempts: Mutex<HashMap<Key, VecDeque<Instant>>>,
}

/// An attempt that may go on to check its password. Resolve it with
/// [`Reservation::failed`], [`Reservation::succeeded`] or
/// [`Reservation::release`]; dropped unresolved (the client went away during
/// the check), it stays counted as a failure.
pub struct Reservation {
    limiter: Arc<MemoryLimiter>,
    account: String,
    address: IpAddr,
    at: Instant,
}

impl MemoryLimiter {
    pub fn new(attempts_per_minute: u32) -> Self {
        MemoryLimiter {
            limit: attempts_per_minute.max(1) as usize,
            attempts: Mutex::new(HashMap::new()),
        }
    }

    /// Reserves an attempt at `account` from `address`, or `Err(wait)`: how
    /// long until the oldest counted attempt leaves the window.
    pub fn reserve(
        self: &Arc<Self>,
        account: &str,
        address: IpAddr,
    ) -> Result<Reservation, Duration> {
        let now = Instant::now();
        let pair = Key::AccountAddress(account.to_owned(), address);
        let whole = Key::Account(account.to_owned());
        let mut attempts = self.attempts.lock().unwrap_or_else(PoisonError::into_inner);
        if attempts.len() > SWEEP_ABOVE {
            attempts.retain(|_, times| {
                prune(times, now);
                !times.is_empty()
            });
        }
        let mut wait = Duration::ZERO;
        for (key, limit) in [(&pair, self.limit), (&whole, self.limit * ACCOUNT_FACTOR)] {
            if let Some(times) = attempts.get_mut(key) {
                prune(times, now);
                if times.len() >= limit {
                    let oldest = times.front().copied().unwrap_or(now);
                    wait = wait.max(WINDOW.saturating_sub(now.duration_since(oldest)));
                }
            }
        }
        if !wait.is_zero() {
            return Err(wait);
        }
        for key in [pair, whole] {
            attempts.entry(key).or_default().push_back(now);
        }
        Ok(Reservation {
            limiter: self.clone(),
            account: account.to_owned(),
            address,
            at: now,
        })
    }

    /// Removes one attempt made at `at` from the account's counts.
    fn give_back(&self, account: &str, address: IpAddr, at: Instant) {
        let mut attempts = self.attempts.lock().unwrap_or_else(PoisonError::into_inner);
        for key in [
            Key::AccountAddress(account.to_owned(), address),
            Key::Account(account.to_owned()),
        ] {
            if let Some(times) = attempts.get_mut(&key) {
                if let Some(i) = times.iter().position(|t| *t == at) {
                    times.remove(i);
                }
                if times.is_empty() {
                    attempts.remove(&key);
                }
            }
        }
    }
}

impl Reservation {
    /// The password was wrong: the attempt stays counted. Returns how long
    /// to wait before answering (the address's slow-down, usually zero).
    pub fn failed(self) -> Duration {
        let now = Instant::now();
        let mut attempts = self
            .limiter
            .attempts
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let times = attempts.entry(Key::Address(self.address)).or_default();
        prune(times, now);
        times.push_back(now);
        if times.len() > self.limiter.limit * SLOW_DOWN_FACTOR {
            SLOW_DOWN
        } else {
            Duration::ZERO
        }
    }

    /// The password was right: the account's failures from this address are
    /// forgotten (not the address's: one right password must not reset a
    /// spray over many accounts).
    pub fn succeeded(self) {
        let mut attempts = self
            .limiter
            .attempts
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        attempts.remove(&Key::AccountAddress(self.account.clone(), self.address));
        drop(attempts);
        self.limiter.give_back(&self.account, self.address, self.at);
    }

    /// The password could not be checked: the attempt does not count.
    pub fn release(self) {
        self.limiter.give_back(&self.account, self.address, self.at);
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

    fn here() -> IpAddr {
        [127, 0, 0, 1].into()
    }

    #[test]
    fn reservations_count_before_the_check_so_a_burst_gets_the_limit_only() {
        let limiter = Arc::new(MemoryLimiter::new(5));
        let held: Vec<Reservation> = (0..5)
            .map(|_| limiter.reserve("giulia", here()).expect("within the limit"))
            .collect();
        let wait = limiter
            .reserve("giulia", here())
            .err()
            .expect("sixth refused");
        assert!(wait > Duration::from_secs(55) && wait <= WINDOW, "{wait:?}");
        // Released (unchecked) attempts give their place back.
        let mut held = held.into_iter();
        held.next().expect("one").release();
        let again = limiter.reserve("giulia", here()).expect("a place is free");
        assert!(limiter.reserve("giulia", here()).is_err());
        // A right password clears this account and address.
        again.succeeded();
        for r in held {
            assert_eq!(r.failed(), Duration::ZERO);
        }
        assert!(limiter.reserve("giulia", here()).is_ok());
    }

    #[test]
    fn one_address_cannot_lock_out_other_accounts_or_other_addresses() {
        let limiter = Arc::new(MemoryLimiter::new(5));
        for _ in 0..5 {
            limiter.reserve("giulia", here()).expect("ok").failed();
        }
        assert!(limiter.reserve("giulia", here()).is_err());
        // Another account from the same (proxy) address still signs in…
        assert!(limiter.reserve("marco", here()).is_ok());
        // …and the owner from another address too.
        let home: IpAddr = [10, 0, 0, 1].into();
        assert!(limiter.reserve("giulia", home).is_ok());
    }

    #[test]
    fn many_addresses_against_one_account_are_held_by_the_account_limit() {
        let limiter = Arc::new(MemoryLimiter::new(5));
        let mut refused = 0;
        for i in 0..100u8 {
            match limiter.reserve("giulia", [10, 0, 0, i].into()) {
                Ok(r) => {
                    r.failed();
                }
                Err(_) => refused += 1,
            }
        }
        assert_eq!(refused, 100 - 5 * ACCOUNT_FACTOR);
    }

    #[test]
    fn a_spraying_address_is_slowed_down_not_refused() {
        let limiter = Arc::new(MemoryLimiter::new(5));
        let mut delays = Vec::new();
        for i in 0..(5 * SLOW_DOWN_FACTOR + 3) {
            let r = limiter
                .reserve(&format!("user{i}"), here())
                .expect("never refused");
            delays.push(r.failed());
        }
        assert!(delays[..5 * SLOW_DOWN_FACTOR].iter().all(|d| d.is_zero()));
        assert!(delays[5 * SLOW_DOWN_FACTOR..]
            .iter()
            .all(|d| *d == SLOW_DOWN));
    }
}
