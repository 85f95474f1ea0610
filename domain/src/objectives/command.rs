use serde::{Deserialize, Serialize};

use super::{Amount, Objective, Outcome, Owner, Period, Status};
use crate::ids::{KeyResultId, ObjectiveId};

/// Changes to objectives. "Owner side" below means the person who owns the
/// objective or, for a team objective, a member or lead of that team; "the
/// lead" means a lead of the owner's team (not the owner themself) or an
/// administrator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "type", rename = "ObjectivesCommand")
)]
#[serde(remote = "Self", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// Creates or edits an objective while it is a draft or a proposal.
    /// The owner side creates drafts; a lead creating one for a member of
    /// their team (or for the team) assigns it: it starts as proposed. The
    /// owner side edits drafts and proposals, the lead edits proposals. The
    /// owner never changes; key results start at their baseline (progress
    /// comes only once the objective is under way).
    SaveObjective {
        id: ObjectiveId,
        owner: Owner,
        period: Period,
        title: String,
        #[serde(default)]
        description: String,
        weight: u8,
        key_results: Vec<KeyResultSpec>,
    },
    /// Sends a draft to the lead for agreement (owner side; needs at least
    /// one key result).
    Propose { objective: ObjectiveId },
    /// Agrees a proposed objective (the lead).
    Agree { objective: ObjectiveId },
    /// Returns a proposed objective to its owner as a draft, with a comment
    /// saying what to revise (the lead, as for agreeing; the comment is
    /// required). The comment stays on the objective
    /// ([`Objective::sent_back`]) for the owner to read while editing; the
    /// lead keeps seeing the draft until it is proposed again.
    SendBack {
        objective: ObjectiveId,
        comment: String,
    },
    /// Starts work on an agreed objective (owner side or the lead).
    Start { objective: ObjectiveId },
    /// Records a new value of a key result of an objective in progress
    /// (the owner; for a team objective any member or lead of the team).
    RecordProgress {
        objective: ObjectiveId,
        key_result: KeyResultId,
        value: Amount,
        #[serde(default)]
        note: String,
    },
    /// Closes an objective in progress with its outcome (the lead).
    Close {
        objective: ObjectiveId,
        outcome: Outcome,
    },
    /// Rates a closed objective 1–5 with a comment (the lead); a later
    /// review replaces the earlier one.
    Review {
        objective: ObjectiveId,
        rating: u8,
        #[serde(default)]
        comment: String,
    },
    /// Deletes a draft (owner side) or withdraws a proposal (owner side or
    /// the lead). Agreed objectives stay, for the record.
    Delete { objective: ObjectiveId },
}
crate::flat_tagged!(Command, "type");

/// A key result as written in [`Command::SaveObjective`]: everything but the
/// current value, which only [`Command::RecordProgress`] changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KeyResultSpec {
    pub id: KeyResultId,
    pub indicator: String,
    #[serde(default)]
    pub unit: String,
    pub baseline: Amount,
    pub target: Amount,
    pub weight: u8,
}

/// What an objectives command changed. Events carry the whole objective, so
/// applying them is a plain insert and redacting them needs no lookup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "type", rename = "ObjectivesEvent")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Event {
    /// The objective as it now is (created, edited, moved on, updated,
    /// reviewed).
    ObjectiveSaved { objective: Box<Objective> },
    /// A proposal went back to its owner as a draft, with the lead's
    /// comment in [`Objective::sent_back`]. Its own event (not a plain save)
    /// so that clients can tell the owner that a comment is waiting.
    ObjectiveSentBack { objective: Box<Objective> },
    /// A draft or proposal was removed. Owner, status and `sent_back` say
    /// who saw it.
    ObjectiveDeleted {
        id: ObjectiveId,
        owner: Owner,
        status: Status,
        /// Whether it had been sent back by a lead (a draft the lead sees).
        #[serde(default)]
        sent_back: bool,
    },
}
crate::flat_tagged!(Event, "type");
