//! Sessions: random tokens that stand for a signed-in person.
//!
//! Two homes, chosen once at start-up: [`memory`] for the JSON-file
//! deployment (one server; a restart signs everyone out) and [`pg`] for
//! replicas on PostgreSQL, where every replica sees every session, so a
//! person signed in through one is signed in on all and a sign-out or a
//! password reset through one ends the session on all. The database keeps
//! only each token's SHA-256.

pub mod memory;
pub mod pg;

use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use uuid::Uuid;

use crate::error::ApiError;
use crate::store::pg::DbError;

/// Who a session belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionUser {
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub username: String,
}

/// Why a session could not be started, checked or ended.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("no randomness for a session token: {0}")]
    Random(getrandom::Error),
    #[error(transparent)]
    Database(#[from] DbError),
}

impl From<SessionError> for ApiError {
    fn from(error: SessionError) -> Self {
        match error {
            SessionError::Random(e) => ApiError::internal(e),
            // The database is out of reach: like a store that cannot
            // write, the client retries.
            SessionError::Database(e) => {
                tracing::error!("sessions: {e}");
                ApiError::StoreUnavailable
            }
        }
    }
}

/// A new token: 32 bytes from the operating system's generator, base64url —
/// unguessable, and safe in a cookie.
pub fn new_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// The live sessions, wherever they are kept.
pub enum Sessions {
    Memory(memory::MemorySessions),
    Pg(pg::PgSessions),
}

impl Sessions {
    /// In memory: sessions end after `idle` without use or `max_age` after
    /// login.
    pub fn in_memory(idle: Duration, max_age: Duration) -> Self {
        Sessions::Memory(memory::MemorySessions::new(idle, max_age))
    }

    /// Starts a session and returns its token.
    pub async fn create(&self, user: SessionUser) -> Result<String, SessionError> {
        match self {
            Sessions::Memory(m) => m.create(user).map_err(SessionError::Random),
            Sessions::Pg(p) => p.create(user).await,
        }
    }

    /// The user of a live session, marking it used; an expired one is over.
    pub async fn get(&self, token: &str) -> Result<Option<SessionUser>, SessionError> {
        match self {
            Sessions::Memory(m) => Ok(m.get(token)),
            Sessions::Pg(p) => p.get(token).await,
        }
    }

    /// Ends a session (logout); unknown tokens are ignored.
    pub async fn remove(&self, token: &str) -> Result<(), SessionError> {
        match self {
            Sessions::Memory(m) => {
                m.remove(token);
                Ok(())
            }
            Sessions::Pg(p) => p.remove(token).await,
        }
    }

    /// Ends every session of a person, on every replica, before it returns
    /// (a new password: whoever knew the old one is out).
    pub async fn end_person(&self, person_id: Uuid) -> Result<(), SessionError> {
        match self {
            Sessions::Memory(m) => {
                m.remove_person(person_id);
                Ok(())
            }
            Sessions::Pg(p) => p.remove_person(person_id).await,
        }
    }

    /// Ends every session of a person from code that cannot wait (a person
    /// found deactivated mid-request; their requests are refused meanwhile
    /// by the check that found it). In the database, done in the background.
    pub fn remove_person(&self, person_id: Uuid) {
        match self {
            Sessions::Memory(m) => m.remove_person(person_id),
            Sessions::Pg(p) => {
                let p = p.clone();
                tokio::spawn(async move {
                    if let Err(e) = p.remove_person(person_id).await {
                        tracing::error!(person = %person_id, "cannot end the sessions: {e}");
                    }
                });
            }
        }
    }
}
