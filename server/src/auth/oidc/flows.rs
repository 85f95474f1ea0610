//! Sign-ins under way: what the callback needs to finish one (the PKCE
//! verifier, the nonce, the redirect URI), kept on the server under the
//! flow's `state` for a few minutes and used once; and, the same way, the
//! verified sign-ins waiting for their second step.
//!
//! Bounded: past [`MAX_PENDING`] the oldest is dropped, so a flood of
//! started-but-never-finished sign-ins costs at most that much memory and
//! a person caught in it only has to start again.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use openidconnect::{Nonce, PkceCodeVerifier, RedirectUrl};

/// How long a person has at the provider before the sign-in must restart.
pub const FLOW_TTL: Duration = Duration::from_secs(10 * 60);
/// Most sign-ins under way at once.
pub const MAX_PENDING: usize = 10_000;

/// One sign-in under way.
pub struct Flow {
    pub verifier: PkceCodeVerifier,
    pub nonce: Nonce,
    pub redirect: RedirectUrl,
}

impl Flow {
    pub fn new(verifier: PkceCodeVerifier, nonce: Nonce, redirect: RedirectUrl) -> Self {
        Flow {
            verifier,
            nonce,
            redirect,
        }
    }
}

/// The sign-ins under way, by `state`.
pub type Flows = Pending<Flow>;

/// Short-lived, single-use values by a random key.
pub struct Pending<T> {
    ttl: Duration,
    capacity: usize,
    entries: Mutex<Entries<T>>,
}

struct Entries<T> {
    /// By key: the place in the order of arrival, the arrival, the value.
    by_key: HashMap<String, (u64, Instant, T)>,
    next: u64,
}

impl Default for Pending<Flow> {
    fn default() -> Self {
        Pending::new(FLOW_TTL, MAX_PENDING)
    }
}

impl<T> Pending<T> {
    pub fn new(ttl: Duration, capacity: usize) -> Self {
        Pending {
            ttl,
            capacity: capacity.max(1),
            entries: Mutex::new(Entries {
                by_key: HashMap::new(),
                next: 0,
            }),
        }
    }

    /// Keeps a new value, first dropping expired ones, then the oldest if full.
    pub fn insert(&self, key: String, value: T) {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        let ttl = self.ttl;
        entries.by_key.retain(|_, (_, at, _)| at.elapsed() < ttl);
        while entries.by_key.len() >= self.capacity {
            let oldest = entries
                .by_key
                .iter()
                .min_by_key(|(_, (order, _, _))| *order)
                .map(|(key, _)| key.clone());
            match oldest {
                Some(key) => entries.by_key.remove(&key),
                None => break,
            };
        }
        let order = entries.next;
        entries.next += 1;
        entries.by_key.insert(key, (order, Instant::now(), value));
    }

    /// Takes the value of `key` (once: a replay finds nothing); None when
    /// unknown or expired.
    pub fn take(&self, key: &str) -> Option<T> {
        let (_, at, value) = self
            .entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .by_key
            .remove(key)?;
        (at.elapsed() < self.ttl).then_some(value)
    }

    pub fn len(&self) -> usize {
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .by_key
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow() -> Flow {
        Flow::new(
            PkceCodeVerifier::new("v".repeat(43)),
            Nonce::new("n".into()),
            RedirectUrl::new("https://vela.example.org/api/auth/oidc/callback".into()).unwrap(),
        )
    }

    #[test]
    fn a_flow_is_taken_once() {
        let flows = Flows::default();
        flows.insert("s".into(), flow());
        assert!(flows.take("s").is_some());
        assert!(flows.take("s").is_none());
        assert!(flows.take("forged").is_none());
    }

    #[test]
    fn full_drops_the_oldest() {
        let flows = Flows::new(FLOW_TTL, 2);
        for state in ["a", "b", "c"] {
            flows.insert(state.into(), flow());
        }
        assert_eq!(flows.len(), 2);
        assert!(flows.take("a").is_none());
        assert!(flows.take("c").is_some());
    }

    #[test]
    fn expired_flows_are_refused() {
        let flows = Flows::new(Duration::ZERO, 10);
        flows.insert("s".into(), flow());
        assert!(flows.take("s").is_none());
    }
}
