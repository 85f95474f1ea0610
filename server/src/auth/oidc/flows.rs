//! Sign-ins under way: what the callback needs to finish one (the PKCE
//! verifier, the nonce, the redirect URI), kept on the server under the
//! flow's `state` for a few minutes and used once.
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
    started: Instant,
}

impl Flow {
    pub fn new(verifier: PkceCodeVerifier, nonce: Nonce, redirect: RedirectUrl) -> Self {
        Flow {
            verifier,
            nonce,
            redirect,
            started: Instant::now(),
        }
    }
}

/// The sign-ins under way, by `state`.
pub struct Flows {
    ttl: Duration,
    capacity: usize,
    pending: Mutex<Pending>,
}

#[derive(Default)]
struct Pending {
    /// By state: the flow and its place in the order of arrival.
    by_state: HashMap<String, (u64, Flow)>,
    next: u64,
}

impl Default for Flows {
    fn default() -> Self {
        Flows::new(FLOW_TTL, MAX_PENDING)
    }
}

impl Flows {
    pub fn new(ttl: Duration, capacity: usize) -> Self {
        Flows {
            ttl,
            capacity: capacity.max(1),
            pending: Mutex::new(Pending::default()),
        }
    }

    /// Keeps a new flow, first dropping expired ones, then the oldest if full.
    pub fn insert(&self, state: String, flow: Flow) {
        let mut pending = self.pending.lock().unwrap_or_else(PoisonError::into_inner);
        let ttl = self.ttl;
        pending.by_state.retain(|_, (_, f)| f.started.elapsed() < ttl);
        while pending.by_state.len() >= self.capacity {
            let oldest = pending
                .by_state
                .iter()
                .min_by_key(|(_, (order, _))| *order)
                .map(|(state, _)| state.clone());
            match oldest {
                Some(state) => pending.by_state.remove(&state),
                None => break,
            };
        }
        let order = pending.next;
        pending.next += 1;
        pending.by_state.insert(state, (order, flow));
    }

    /// Takes the flow of `state` (once: a replayed callback finds nothing);
    /// None when unknown or expired.
    pub fn take(&self, state: &str) -> Option<Flow> {
        let (_, flow) = self
            .pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .by_state
            .remove(state)?;
        (flow.started.elapsed() < self.ttl).then_some(flow)
    }

    pub fn len(&self) -> usize {
        self.pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .by_state
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
