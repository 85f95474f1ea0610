//! Webinars and training paths (*percorsi formativi*): sessions given by
//! trainers, registrations with a first-come-first-served waitlist, the join
//! window, attendance and feedback.
//!
//! Read in this order: [`Session`] (what a webinar is, its join window and
//! seats), [`Registration`] (a person's seat or waitlist place), [`Command`]
//! and [`apply`] (who may do what, and every rule), [`view`] / [`redact`]
//! (who sees what), [`report`] (training hours, attendance and feedback
//! figures), [`progress`] (a person's way along a training path) and
//! [`certificate`] (certificates of attendance and their verification
//! codes). Calendar files are the server's: it formats these records.
//!
//! Seat counts live beside the registrations ([`Part::occupancy`]) and travel
//! in every registration event, so a person who sees only their own
//! registration still sees how many seats are left and their waitlist
//! position, and the browser's optimistic `apply` decides "registered" or
//! "waitlisted" exactly as the server will.

mod apply;
pub mod certificate;
mod command;
mod path;
pub mod progress;
mod registration;
mod rejection;
pub mod report;
mod session;
mod visibility;

#[cfg(test)]
mod certificate_tests;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

pub use apply::{apply, apply_event, MAX_SESSION_HOURS};
pub use command::{Command, Event, MaterialInput};
pub use path::TrainingPath;
pub use registration::{Feedback, Occupancy, Registration, RegistrationStatus, Seats};
pub use rejection::Rejection;
pub use session::{
    check_join_link, join_window, Audience, Material, Session, SessionStatus, JOIN_OPENS_BEFORE,
};
pub use visibility::{redact, sees_people_of, view};

use crate::ids::{PersonId, SessionId};
use crate::{ids::PathId, State};

/// This area's part of an organisation's state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "WebinarsPart")
)]
pub struct Part {
    pub sessions: BTreeMap<SessionId, Session>,
    pub paths: BTreeMap<PathId, TrainingPath>,
    /// Each person's registration for a session (at most one per person and
    /// session; a cancelled one is kept, and reused if they register again).
    #[serde(default)]
    pub registrations: BTreeMap<SessionId, BTreeMap<PersonId, Registration>>,
    /// Seat counts and the anonymous waitlist of each session. Kept apart
    /// from the registrations so that everyone may see it.
    #[serde(default)]
    pub occupancy: BTreeMap<SessionId, Occupancy>,
    /// Who took part in each session, as recorded by its trainers.
    #[serde(default)]
    pub attendance: BTreeMap<SessionId, BTreeSet<PersonId>>,
    /// Feedback by session and person (one each, editable).
    #[serde(default)]
    pub feedback: BTreeMap<SessionId, BTreeMap<PersonId, Feedback>>,
    /// The next waitlist ticket. Tickets only grow, so the waitlist is
    /// ordered by arrival without comparing clocks. Only the server's value
    /// decides; a browser's replica may lag behind it for sessions it does
    /// not see.
    #[serde(default)]
    pub next_ticket: u64,
}

impl Part {
    /// `person`'s registration for `session`, in any status.
    pub fn registration(&self, session: SessionId, person: PersonId) -> Option<&Registration> {
        self.registrations.get(&session)?.get(&person)
    }

    /// Whether `person` holds a seat (not waitlisted, not cancelled).
    pub fn is_registered(&self, session: SessionId, person: PersonId) -> bool {
        self.registration(session, person)
            .is_some_and(|r| r.status == RegistrationStatus::Registered)
    }

    /// The training paths that include `session` (for the catalogue's path
    /// filter).
    pub fn paths_with(&self, session: SessionId) -> impl Iterator<Item = &TrainingPath> {
        self.paths
            .values()
            .filter(move |p| p.sessions.contains(&session))
    }

    /// Whether `person` was recorded as present at `session`.
    pub fn attended(&self, session: SessionId, person: PersonId) -> bool {
        self.attendance
            .get(&session)
            .is_some_and(|people| people.contains(&person))
    }

    /// Capacity, registered, waitlisted and free seats of a session, for the
    /// UI ("3 posti liberi", "lista d'attesa: 2").
    pub fn seats(&self, session: SessionId) -> Option<Seats> {
        let s = self.sessions.get(&session)?;
        Some(Seats::of(s.capacity, &self.occupancy_of(session)))
    }

    /// The seat counts of a session (empty if nobody registered yet).
    pub fn occupancy_of(&self, session: SessionId) -> Occupancy {
        self.occupancy.get(&session).cloned().unwrap_or_default()
    }

    /// 1-based place of `person` on the waitlist of `session`, if waitlisted.
    pub fn waitlist_position(&self, session: SessionId, person: PersonId) -> Option<u32> {
        let registration = self.registration(session, person)?;
        if registration.status != RegistrationStatus::Waitlisted {
            return None;
        }
        self.occupancy_of(session).position(registration.ticket)
    }

    /// Whether `person` may open the join link at `now`: the session is not
    /// cancelled, they hold a seat or train it, and `now` is inside
    /// [`join_window`].
    pub fn may_join(
        &self,
        session: SessionId,
        person: PersonId,
        now: chrono::DateTime<chrono::Utc>,
    ) -> bool {
        let Some(s) = self.sessions.get(&session) else {
            return false;
        };
        let (opens, closes) = join_window(s);
        s.status == SessionStatus::Scheduled
            && (self.is_registered(session, person) || s.trainers.contains(&person))
            && opens <= now
            && now < closes
    }
}

/// Free function form of [`Part::may_join`], the name the UI looks for.
pub fn may_join(
    state: &State,
    session: SessionId,
    person: PersonId,
    now: chrono::DateTime<chrono::Utc>,
) -> bool {
    state.webinars.may_join(session, person, now)
}
