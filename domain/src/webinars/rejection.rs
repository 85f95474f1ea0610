use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::RegistrationStatus;
use crate::ids::PersonId;

/// Why a webinar command was refused. Codes start with `session_`,
/// `registration_`, `path_`, `attendance_` or `feedback_`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "code", rename = "WebinarsRejection")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Rejection {
    /// The session was cancelled: nothing more can happen to it.
    #[error("the session was cancelled")]
    SessionCancelled,
    /// The session has already started (it can no longer be cancelled).
    #[error("the session started at {start}")]
    SessionStarted { start: DateTime<Utc> },
    /// Every trainer of a session must hold the trainer role.
    #[error("{person} is not a trainer")]
    SessionTrainerWithoutRole { person: PersonId },
    /// A trainer creating a session must be one of its trainers (an
    /// administrator may create it for others).
    #[error("you must be one of the session's trainers")]
    SessionNotAmongTrainers,
    /// The join link is not an https URL.
    #[error("the join link must be an https address")]
    SessionJoinLinkInvalid,
    /// A material's link is not an http(s) URL (`index` counts from 0).
    #[error("the link of material {index} is not a web address")]
    SessionMaterialLinkInvalid { index: u32 },
    /// The capacity may not drop below the people already holding a seat:
    /// cancel registrations explicitly first.
    #[error("{registered} people are registered; the capacity cannot be {capacity}")]
    SessionCapacityBelowRegistered { capacity: u32, registered: u32 },
    /// A session longer than a working day is surely a typo.
    #[error("a session may last at most {max_hours} hours")]
    SessionTooLong { max_hours: u32 },
    /// A training path lists a cancelled session.
    #[error("a training path cannot include a cancelled session")]
    PathSessionCancelled,
    /// Registration closes when the session starts.
    #[error("registration closed at the start, {start}")]
    RegistrationClosed { start: DateTime<Utc> },
    /// The session is not open to the person's team.
    #[error("the session is not open to you")]
    RegistrationOutsideAudience,
    /// The person already holds a seat or a waitlist place.
    #[error("you are already registered or on the waitlist")]
    RegistrationExists { status: RegistrationStatus },
    /// A trainer gives the session; they need no seat.
    #[error("trainers do not register for their own session")]
    RegistrationByTrainer,
    /// Attendance is recorded from the start of the session on.
    #[error("attendance can be recorded from {start}")]
    AttendanceBeforeStart { start: DateTime<Utc> },
    /// Only people of the audience can be recorded present.
    #[error("the person is not in the session's audience")]
    AttendanceOutsideAudience,
    /// The trainers give the session: they are not recorded as attendees
    /// (their hours are not training received).
    #[error("a trainer of the session is not an attendee")]
    AttendanceOfTrainer,
    /// Feedback comes from people recorded present.
    #[error("only people who attended can give feedback")]
    FeedbackNotAttended,
    /// The rating is a whole number from 1 to 5.
    #[error("the rating must be from {min} to {max}")]
    FeedbackRatingOutOfRange { min: u8, max: u8 },
}
crate::flat_tagged!(Rejection, "code");
