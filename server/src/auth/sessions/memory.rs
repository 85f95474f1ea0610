//! Sessions of the JSON-file deployment, **in memory only**: a restart
//! signs everyone out. That is a choice, not an omission: the app keeps its
//! outbox offline and pushes it after the next login, so nothing is lost;
//! and persisting tokens would put bearer secrets on disk and add a write
//! per login. Replicas share theirs in the database (`super::pg`), hashed.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use uuid::Uuid;

use super::{new_token, SessionUser};

struct Entry {
    user: SessionUser,
    created: Instant,
    last_seen: Instant,
}

/// The live sessions.
pub struct MemorySessions {
    idle: Duration,
    max_age: Duration,
    live: Mutex<Live>,
}

struct Live {
    by_token: HashMap<String, Entry>,
    last_sweep: Instant,
}

/// How often expired sessions are swept out (they are also refused on use).
const SWEEP_EVERY: Duration = Duration::from_secs(60);

impl MemorySessions {
    /// Sessions end after `idle` without use or `max_age` after login.
    pub fn new(idle: Duration, max_age: Duration) -> Self {
        MemorySessions {
            idle,
            max_age,
            live: Mutex::new(Live {
                by_token: HashMap::new(),
                last_sweep: Instant::now(),
            }),
        }
    }

    /// Starts a session and returns its token (see [`new_token`]).
    pub fn create(&self, user: SessionUser) -> Result<String, getrandom::Error> {
        let token = new_token()?;
        let now = Instant::now();
        let mut live = self.live.lock().unwrap_or_else(PoisonError::into_inner);
        if now.duration_since(live.last_sweep) >= SWEEP_EVERY {
            live.last_sweep = now;
            let (idle, max_age) = (self.idle, self.max_age);
            live.by_token.retain(|_, e| !expired(e, now, idle, max_age));
        }
        live.by_token.insert(
            token.clone(),
            Entry {
                user,
                created: now,
                last_seen: now,
            },
        );
        Ok(token)
    }

    /// The user of a live session, marking it used; an expired one is ended.
    pub fn get(&self, token: &str) -> Option<SessionUser> {
        let now = Instant::now();
        let mut live = self.live.lock().unwrap_or_else(PoisonError::into_inner);
        let entry = live.by_token.get_mut(token)?;
        if expired(entry, now, self.idle, self.max_age) {
            live.by_token.remove(token);
            return None;
        }
        entry.last_seen = now;
        Some(entry.user.clone())
    }

    /// Ends a session (logout); unknown tokens are ignored.
    pub fn remove(&self, token: &str) {
        self.live
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .by_token
            .remove(token);
    }

    /// Ends every session of a person (e.g. when deactivated).
    pub fn remove_person(&self, person_id: Uuid) {
        self.live
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .by_token
            .retain(|_, e| e.user.person_id != person_id);
    }
}

fn expired(entry: &Entry, now: Instant, idle: Duration, max_age: Duration) -> bool {
    now.duration_since(entry.last_seen) >= idle || now.duration_since(entry.created) >= max_age
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user() -> SessionUser {
        SessionUser {
            person_id: Uuid::from_u128(1),
            org_id: Uuid::from_u128(2),
            username: "giulia".into(),
        }
    }

    #[test]
    fn tokens_are_long_random_and_end_on_logout() {
        let sessions = MemorySessions::new(Duration::from_secs(60), Duration::from_secs(600));
        let a = sessions.create(user()).unwrap();
        let b = sessions.create(user()).unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), 43, "32 bytes in unpadded base64");
        assert_eq!(sessions.get(&a), Some(user()));
        sessions.remove(&a);
        assert_eq!(sessions.get(&a), None);
        assert_eq!(sessions.get(&b), Some(user()));
        sessions.remove_person(user().person_id);
        assert_eq!(sessions.get(&b), None);
    }

    #[test]
    fn idle_sessions_expire() {
        let sessions = MemorySessions::new(Duration::from_millis(30), Duration::from_secs(600));
        let token = sessions.create(user()).unwrap();
        std::thread::sleep(Duration::from_millis(50));
        assert_eq!(sessions.get(&token), None);
    }

    #[test]
    fn sessions_expire_at_their_maximum_age_even_when_used() {
        let sessions = MemorySessions::new(Duration::from_secs(60), Duration::from_millis(40));
        let token = sessions.create(user()).unwrap();
        assert!(sessions.get(&token).is_some());
        std::thread::sleep(Duration::from_millis(50));
        assert_eq!(sessions.get(&token), None);
    }
}
