//! The durable home of every organisation's state.
//!
//! The server is authoritative: an accepted command becomes the next
//! revision of its organisation, made of the events it caused. The store
//! keeps those revisions durable (a command is acknowledged only once its
//! line is on disk), holds each organisation's current state in memory, and
//! remembers which command ids it has already answered so a retried push
//! gets the same answer.
//!
//! It knows nothing of the domain's rules: [`Model`] says what a state, an
//! event and an actor are, and [`Store::submit`] takes a closure that decides
//! (the domain's `apply`). [`Store`] is the seam for other backends (e.g.
//! PostgreSQL with JSONB payloads); [`JsonStore`] is the embedded default.
//!
//! Start reading at [`Store`], then [`json::JsonStore`] (memory, snapshots),
//! then [`log`] (the files: segments, group commit, recovery).

use std::future::Future;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use tokio::sync::watch;
use uuid::Uuid;

mod entry;
mod error;
mod fault;
pub mod format;
pub mod fsutil;
mod ids;
pub mod json;
pub mod log;
pub mod pg;
pub mod upgrade;

pub use entry::{CommandMeta, LogEntry, Outcome, Snapshot};
pub use error::StoreError;
pub use json::{verify, JsonStore, OrgSummary, StoreOptions, Summary};
pub use pg::PgStore;

/// What a store keeps: a state that events change deterministically.
///
/// Implemented by the server for the domain's `State`; tests use a toy model.
pub trait Model: Default + Clone + Serialize + DeserializeOwned + Send + Sync + 'static {
    /// One change to the state; a revision is a list of them.
    type Event: Serialize + DeserializeOwned + Send + Sync + 'static;
    /// Who issued a command (kept in the log line, and to tell a retry from
    /// someone else reusing a command id).
    type Actor: Serialize + DeserializeOwned + Clone + PartialEq + Send + Sync + 'static;
    /// Why a command was refused; remembered (in memory) for retries.
    type Rejection: Clone + Send + Sync + 'static;

    /// Applies one event. Must be deterministic: replaying the log after a
    /// restart has to rebuild exactly the state the clients were told about.
    fn apply(&mut self, event: &Self::Event);

    /// Drops, from a copy about to be written as a snapshot, whatever its
    /// decoding rebuilds (derived indexes), so snapshots hold records only.
    fn drop_derived(&mut self) {}
}

/// A log entry of model `M`.
pub type EntryOf<M> = LogEntry<<M as Model>::Event, <M as Model>::Actor>;

/// What changed since a revision, as [`Store::changes_since`] answers.
pub enum Changes<M: Model> {
    /// Every entry after the asked revision, oldest first, up to the newest
    /// durable revision (possibly none).
    Entries(Vec<Arc<EntryOf<M>>>),
    /// The asked revision is unknown or too old to answer with entries: the
    /// caller must send a full view instead.
    TooOld,
}

/// The storage seam. Every method is per organisation; organisations are
/// independent (one writer, one lock, one log each).
pub trait Store<M: Model>: Send + Sync + 'static {
    /// The organisations present.
    fn organisations(&self) -> Vec<Uuid>;

    /// Creates an empty organisation; nothing happens if it exists.
    fn create_organisation(&self, org: Uuid) -> Result<(), StoreError>;

    /// Answers a command exactly once.
    ///
    /// If `command.id` was seen before, the recorded answer is returned and
    /// `decide` is not called (a retry after a lost response is safe; a
    /// duplicate of a command still being written waits for its fsync).
    /// Otherwise `decide` runs on the current state under the
    /// organisation's write lock: its events become the next revision, which
    /// is acknowledged only once its log line is durable; a refusal is
    /// remembered as it is.
    fn submit<F>(
        &self,
        org: Uuid,
        command: CommandMeta<M::Actor>,
        decide: F,
    ) -> impl Future<Output = Result<Outcome<M::Rejection>, StoreError>> + Send
    where
        F: FnOnce(&M) -> Result<Vec<M::Event>, M::Rejection> + Send;

    /// Answers a batch of commands at once: all of them are decided in order
    /// under one hold of the organisation's write lock (each sees the
    /// effects of those before it), their lines go to disk with one write
    /// and one fsync, and each gets its own outcome, as [`Store::submit`]
    /// would give it. `decide(state, i)` decides `commands[i]`.
    fn submit_batch<F>(
        &self,
        org: Uuid,
        commands: Vec<CommandMeta<M::Actor>>,
        decide: F,
    ) -> impl Future<Output = Result<Vec<Outcome<M::Rejection>>, StoreError>> + Send
    where
        F: FnMut(&M, usize) -> Result<Vec<M::Event>, M::Rejection> + Send;

    /// Whether every organisation can write right now (false while a disk
    /// error lasts; the store retries on its own).
    fn writable(&self) -> bool;

    /// Runs `f` on the current state and its revision, under a read lock.
    ///
    /// The state may include a revision whose fsync is still running: before
    /// sending anything derived from it, await [`Store::wait_durable`] for
    /// that revision.
    fn read<R>(&self, org: Uuid, f: impl FnOnce(&M, u64) -> R) -> Result<R, StoreError>;

    /// Entries after `since`, or [`Changes::TooOld`] when the store cannot
    /// list them (compacted away, or `since` is from the future).
    fn changes_since(&self, org: Uuid, since: u64) -> Result<Changes<M>, StoreError>;

    /// The newest durable revision, updated as it moves (for live events).
    fn durable(&self, org: Uuid) -> Result<watch::Receiver<u64>, StoreError>;

    /// Resolves once `revision` is durable, or fails if the store can no
    /// longer write.
    fn wait_durable(
        &self,
        org: Uuid,
        revision: u64,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Brings `org` up to everything acknowledged anywhere before the call:
    /// a store shared by several servers reads what the others committed
    /// and has not been announced here yet, so a client that pushed through
    /// one server and pulls through another finds its own changes. A store
    /// only this process writes is always up to date.
    fn catch_up(&self, _org: Uuid) -> impl Future<Output = Result<(), StoreError>> + Send {
        std::future::ready(Ok(()))
    }

    /// Writes everything queued, takes a final snapshot, stops the writers.
    /// Blocking: call it from a blocking thread at shutdown.
    fn shutdown(&self) -> Result<(), StoreError>;
}
