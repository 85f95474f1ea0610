//! The app's copy of what the person may see, and the commands the server
//! has not confirmed yet.
//!
//! What the UI shows is [`Replica::view`]: the confirmed state (as of
//! `revision`) with the pending commands applied on top by the same
//! `vela_domain::apply` the server runs. A pull replaces or advances the
//! confirmed state; pending commands are then re-applied on it (rebase).
//! An accepted command stays in the outbox until a pull brings its revision,
//! so its effect never blinks out between the push answer and the pull.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use vela_domain::sync::{PullResponse, PushResult};
use vela_domain::{apply, Actor, Command, Rejection, State};

/// A command waiting for the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    pub id: Uuid,
    pub command: Command,
    pub created: DateTime<Utc>,
    /// The revision the server gave it, once accepted.
    #[serde(default)]
    pub accepted_at: Option<u64>,
}

/// A command the server refused: shown to the person until dismissed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Refused {
    pub id: Uuid,
    pub command: Command,
    pub rejection: Rejection,
}

/// Confirmed state, revision and outbox of one person.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Replica {
    pub revision: u64,
    pub confirmed: State,
    pub outbox: Vec<Pending>,
    pub refused: Vec<Refused>,
}

impl Replica {
    /// What the person sees: the confirmed state with every pending command
    /// applied in order. A pending command that no longer applies (the state
    /// moved under it) adds nothing; the server will refuse it and say why.
    pub fn view(&self, actor: &Actor, now: DateTime<Utc>) -> State {
        let mut state = self.confirmed.clone();
        for pending in self.outbox.iter().filter(|p| !self.is_confirmed(p)) {
            if let Ok(events) = apply(&state, actor, &pending.command, now) {
                for event in &events {
                    state.apply_event(event);
                }
            }
        }
        state
    }

    /// Queues `command` if the rules accept it on what the person sees now;
    /// otherwise returns the rule it breaks and queues nothing.
    pub fn submit(
        &mut self,
        id: Uuid,
        command: Command,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), Rejection> {
        apply(&self.view(actor, now), actor, &command, now)?;
        self.outbox.push(Pending {
            id,
            command,
            created: now,
            accepted_at: None,
        });
        Ok(())
    }

    /// The commands to push, in order: those the server has not answered.
    pub fn unsent(&self) -> impl Iterator<Item = &Pending> {
        self.outbox.iter().filter(|p| p.accepted_at.is_none())
    }

    /// Number of changes still waiting for confirmation.
    pub fn waiting(&self) -> usize {
        self.outbox.iter().filter(|p| !self.is_confirmed(p)).count()
    }

    /// Records the server's answers to a push.
    pub fn pushed(&mut self, results: &[PushResult]) {
        for result in results {
            match result {
                PushResult::Accepted { id, revision } => {
                    if let Some(p) = self.outbox.iter_mut().find(|p| p.id == *id) {
                        p.accepted_at = Some(*revision);
                    }
                }
                PushResult::Rejected { id, rejection, .. } => {
                    if let Some(index) = self.outbox.iter().position(|p| p.id == *id) {
                        let pending = self.outbox.remove(index);
                        self.refused.push(Refused {
                            id: pending.id,
                            command: pending.command,
                            rejection: rejection.clone(),
                        });
                    }
                }
            }
        }
        self.prune();
    }

    /// Takes in a pull: a snapshot replaces the confirmed state, changes
    /// advance it; either way pending commands are re-applied on top by `view`.
    pub fn pulled(&mut self, pull: PullResponse) {
        if let Some(snapshot) = pull.snapshot {
            self.confirmed = snapshot;
        } else {
            for change in pull.changes.iter().filter(|c| c.revision > self.revision) {
                for event in &change.events {
                    self.confirmed.apply_event(event);
                }
            }
        }
        self.revision = pull.revision;
        self.prune();
    }

    /// Forgets a refused command once the person has read why.
    pub fn dismiss(&mut self, id: Uuid) {
        self.refused.retain(|r| r.id != id);
    }

    fn is_confirmed(&self, pending: &Pending) -> bool {
        pending
            .accepted_at
            .is_some_and(|revision| revision <= self.revision)
    }

    fn prune(&mut self) {
        let revision = self.revision;
        self.outbox
            .retain(|p| p.accepted_at.is_none_or(|r| r > revision));
    }
}
