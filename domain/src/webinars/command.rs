use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Audience, Feedback, Occupancy, Registration, Session, TrainingPath};
use crate::directory::Person;
use crate::ids::{PathId, PersonId, SessionId};

/// Changes to webinars and training paths.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "type", rename = "WebinarsCommand")
)]
#[serde(remote = "Self", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// Creates a session (a trainer, who must be among its `trainers`, or an
    /// administrator) or changes one (a trainer of the session or an
    /// administrator). A cancelled session cannot be changed. The capacity
    /// may not go below the people already registered (they would lose a
    /// seat they were promised); a larger capacity promotes the waitlist.
    /// The start may be in the past, to record a training already held
    /// (nobody can register for it; its trainers record who attended).
    /// Changing the audience or the trainers does not touch existing
    /// registrations.
    SaveSession {
        id: SessionId,
        title: String,
        #[serde(default)]
        description: String,
        trainers: BTreeSet<PersonId>,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        capacity: u32,
        join_link: String,
        audience: Audience,
        #[serde(default)]
        materials: Vec<MaterialInput>,
    },
    /// Calls a session off before it starts (a trainer of the session or an
    /// administrator). Registrations stay, showing the session cancelled,
    /// and every registrant is told.
    CancelSession { id: SessionId },
    /// Creates or changes a training path (any trainer or an administrator:
    /// trainers curate the catalogue together).
    SavePath {
        id: PathId,
        title: String,
        #[serde(default)]
        description: String,
        sessions: Vec<SessionId>,
    },
    /// The acting person registers for a session of their audience, before
    /// it starts: a seat if one is free, else the end of the waitlist.
    Register { session: SessionId },
    /// Withdraws a registration or waitlist place before the session starts
    /// (the person, a trainer of the session or an administrator). A freed
    /// seat goes to the first on the waitlist.
    CancelRegistration {
        session: SessionId,
        person: PersonId,
    },
    /// Records whether `person` took part (a trainer of the session or an
    /// administrator, from the start on). Anyone in the audience can be
    /// recorded, registered or not: people sometimes follow from a
    /// colleague's screen or are let in from the waitlist.
    MarkAttendance {
        session: SessionId,
        person: PersonId,
        present: bool,
    },
    /// The acting person rates a session they attended (1–5, optional
    /// comment). Giving it again replaces it.
    GiveFeedback {
        session: SessionId,
        rating: u8,
        #[serde(default)]
        comment: Option<String>,
    },
}
crate::flat_tagged!(Command, "type");

/// A material as typed in the session form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MaterialInput {
    pub title: String,
    pub url: String,
}

/// What a webinar command changed. Each event carries the resulting entity,
/// and registration events the resulting seat counts.
///
/// `cards` is empty as stored: [`redact`](super::redact) fills it, for a
/// viewer of another organisation, with the name cards
/// ([`crate::directory::card`]) of the people the event names that the
/// viewer's directory lacks (a partnership session's trainers, a trainer's
/// registrant from another administration), so a replica shows their names
/// without waiting for a snapshot. Applying it adds a card only where the
/// person is unknown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "type", rename = "WebinarsEvent")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Event {
    /// A session was created or changed.
    SessionSaved {
        session: Session,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        cards: Vec<Person>,
    },
    /// A session was cancelled; `notify` names the people registered or
    /// waitlisted, who must be told (in a person's own view: just them).
    SessionCancelled {
        session: Session,
        notify: Vec<PersonId>,
    },
    /// A training path was created or changed.
    PathSaved { path: TrainingPath },
    /// A person registered, joined the waitlist or cancelled. `session` is
    /// the session as that viewer may see it (with the join link once they
    /// hold a seat).
    RegistrationSaved {
        registration: Registration,
        session: Session,
        occupancy: Occupancy,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        cards: Vec<Person>,
    },
    /// The first on the waitlist got a freed seat: the person must be told.
    Promoted {
        registration: Registration,
        session: Session,
        occupancy: Occupancy,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        cards: Vec<Person>,
    },
    /// What people who may not see a registration see of it: the counts
    /// (and the ticket counter, so their replayed state matches the view).
    SeatsChanged {
        session: SessionId,
        occupancy: Occupancy,
        #[serde(default)]
        next_ticket: u64,
    },
    /// A trainer recorded a person present or absent. Marking someone
    /// absent also removes their feedback.
    AttendanceMarked {
        session: SessionId,
        person: PersonId,
        present: bool,
    },
    /// A participant rated a session.
    FeedbackSaved { feedback: Feedback },
}
crate::flat_tagged!(Event, "type");
