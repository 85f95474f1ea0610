use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{PersonId, SessionId};

/// A person's place in a session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Registration {
    pub session: SessionId,
    pub person: PersonId,
    pub status: RegistrationStatus,
    /// The order of arrival: the waitlist is served by increasing ticket.
    /// A new ticket is drawn at every (re-)registration.
    pub ticket: u64,
    /// When the status last changed.
    pub since: DateTime<Utc>,
}

/// Where a registration stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegistrationStatus {
    /// Holds a seat (and sees the join link).
    Registered,
    /// Waits for a seat; promoted automatically, first come first served.
    Waitlisted,
    /// Withdrawn by the person (or a trainer/administrator for them).
    Cancelled,
}

/// Seat counts of one session, visible to everyone who sees the session.
/// The waitlist is kept as anonymous tickets so a waitlisted person can see
/// their position without seeing who is ahead.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Occupancy {
    pub registered: u32,
    /// Tickets of the waitlisted registrations, first served first.
    pub waitlist: Vec<u64>,
}

impl Occupancy {
    /// 1-based place of `ticket` on the waitlist.
    pub fn position(&self, ticket: u64) -> Option<u32> {
        self.waitlist
            .iter()
            .position(|t| *t == ticket)
            .and_then(|i| u32::try_from(i + 1).ok())
    }
}

/// The seat figures the UI shows for a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Seats {
    pub capacity: u32,
    pub registered: u32,
    pub waitlisted: u32,
    /// Seats still free (0 when full).
    pub free: u32,
}

impl Seats {
    /// The figures for `capacity` and `occupancy`.
    pub fn of(capacity: u32, occupancy: &Occupancy) -> Self {
        Seats {
            capacity,
            registered: occupancy.registered,
            waitlisted: u32::try_from(occupancy.waitlist.len()).unwrap_or(u32::MAX),
            free: capacity.saturating_sub(occupancy.registered),
        }
    }
}

/// A participant's rating of a session (1–5) with an optional comment. One
/// per person and session; giving it again replaces it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Feedback {
    pub session: SessionId,
    pub person: PersonId,
    pub rating: u8,
    #[serde(default)]
    pub comment: Option<String>,
    pub at: DateTime<Utc>,
}
