//! The wire format of `/api/sync/*`, shared by the server that speaks it and
//! the app that consumes it, so the two can never drift apart.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Command, Event, Rejection, State};

/// The version of this sync protocol. Every call to `/api/sync/*` names it
/// in its `protocol` query parameter; the server answers a missing or lower
/// one with 426 `client_outdated` and changes nothing, so a browser running
/// an older build is told to reload instead of speaking a protocol the server
/// no longer reads. Clients without the parameter are version 1. Version 4
/// added commands and events an older app cannot read (absences of leads,
/// ranges cancelled, employee numbers, public notices, anonymisation).
pub const PROTOCOL_VERSION: u32 = 4;

/// Most commands the server takes in one push; a client sends longer
/// outboxes in chunks.
pub const MAX_PUSH_COMMANDS: usize = 500;

/// Largest push body the server takes, in bytes; a client keeps each chunk
/// below it.
pub const MAX_PUSH_BYTES: usize = 1_048_576;

/// `POST /api/sync/push` body: commands in the order they were made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PushRequest {
    pub commands: Vec<Envelope>,
}

/// One command with the id its author gave it. Pushing the same id again
/// returns the first answer and changes nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    pub id: Uuid,
    pub command: Command,
}

/// `POST /api/sync/push` answer: one result per command, in order, and the
/// organisation's revision after the batch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PushResponse {
    pub results: Vec<PushResult>,
    pub revision: u64,
}

/// The fate of one pushed command.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "status")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum PushResult {
    /// Stored durably as this revision.
    Accepted { id: Uuid, revision: u64 },
    /// Refused by a rule; `message` is the English text for logs.
    Rejected {
        id: Uuid,
        rejection: Rejection,
        message: String,
    },
    /// The id was already used by another person: not stored, and not a
    /// retry (the client must not resend it under this id).
    IdInUse { id: Uuid },
}
crate::flat_tagged!(PushResult, "status");

impl PushResult {
    /// The command id this result answers.
    pub fn id(&self) -> Uuid {
        match self {
            PushResult::Accepted { id, .. }
            | PushResult::Rejected { id, .. }
            | PushResult::IdInUse { id } => *id,
        }
    }
}

/// `GET /api/sync/pull?since=R` answer: the changes the caller may see since
/// R or, when R is 0, unknown or compacted away, a snapshot of their view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PullResponse {
    pub revision: u64,
    #[serde(default)]
    pub snapshot: Option<State>,
    #[serde(default)]
    pub changes: Vec<Change>,
}

/// The visible events of one revision (revisions with nothing visible to
/// the caller are left out).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Change {
    pub revision: u64,
    pub events: Vec<Event>,
}

/// The data of a `revision` Server-Sent Event on `/api/sync/events`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RevisionAnnouncement {
    pub revision: u64,
}
