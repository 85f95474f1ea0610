//! What the store writes and answers: log lines, snapshots, outcomes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One line of an organisation's log: one accepted command, one revision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogEntry<E, A> {
    /// Starts at 1 and has no gaps; start-up refuses a log that skips one.
    pub revision: u64,
    /// The client-made id of the command that caused it.
    pub command_id: Uuid,
    pub actor: A,
    /// When the server accepted it.
    pub at: DateTime<Utc>,
    pub events: Vec<E>,
}

/// Who sent a command, when, under which id: what [`super::Store::submit`]
/// needs besides the decision itself.
#[derive(Clone, Debug)]
pub struct CommandMeta<A> {
    pub id: Uuid,
    pub actor: A,
    pub at: DateTime<Utc>,
}

/// The answer to one command; a retry of the same id gets the same one.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome<R> {
    /// Durable as this revision.
    Accepted { revision: u64 },
    /// Refused by the rules; nothing was written.
    Rejected(R),
    /// The id was already used by a different actor: not a retry, and not
    /// answered with the other actor's result.
    IdInUse,
}

/// The compacted state at a revision, with what idempotency needs to
/// survive the deletion of the log segments it replaces.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Snapshot<S, A> {
    /// The snapshot format's version ([`super::upgrade::SNAPSHOT`]).
    pub format: u32,
    pub revision: u64,
    /// The remembered accepted command ids, oldest first (see
    /// [`super::StoreOptions::remembered_commands`]).
    pub accepted: Vec<AcceptedCommand<A>>,
    /// Records only: the model drops what it rebuilds on load
    /// ([`super::Model::drop_derived`]).
    pub state: S,
}

/// An accepted command id as a snapshot keeps it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AcceptedCommand<A> {
    pub id: Uuid,
    pub revision: u64,
    pub actor: A,
}

/// Anything whose position in the log is known (lines and snapshots).
pub trait Revisioned {
    fn revision(&self) -> u64;
}

impl<E, A> Revisioned for LogEntry<E, A> {
    fn revision(&self) -> u64 {
        self.revision
    }
}

impl<S, A> Revisioned for Snapshot<S, A> {
    fn revision(&self) -> u64 {
        self.revision
    }
}
