//! The objective and its parts: key results, progress updates, the lead's
//! review and the status it moves through.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::Amount;
use crate::ids::{KeyResultId, ObjectiveId, PersonId, TeamId};

/// One objective of a person or a team for a period, measured by its key
/// results and, once closed, rated by the lead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Objective {
    pub id: ObjectiveId,
    pub owner: Owner,
    pub period: Period,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Relative weight among the owner's objectives of the period, 1–100.
    pub weight: u8,
    pub key_results: Vec<KeyResult>,
    pub status: Status,
    /// Who created it (`None` for the system). When a lead creates an
    /// objective for someone else it starts as proposed.
    #[serde(default)]
    pub created_by: Option<PersonId>,
    /// Every status change after creation, oldest first: who agreed,
    /// started and closed it, and when.
    #[serde(default)]
    pub history: Vec<StatusChange>,
    /// Progress updates, oldest first.
    #[serde(default)]
    pub updates: Vec<ProgressUpdate>,
    /// The lead's review, once the objective is closed.
    #[serde(default)]
    pub review: Option<Review>,
    /// The lead's latest "send back" with its comment. It is kept when the
    /// owner proposes again (the record of what was asked; the next send
    /// back replaces it) and is *pending* only while the objective is a
    /// draft: see [`Objective::pending_send_back`].
    #[serde(default)]
    pub sent_back: Option<SentBack>,
}

impl Objective {
    /// The key result with this id.
    pub fn key_result(&self, id: KeyResultId) -> Option<&KeyResult> {
        self.key_results.iter().find(|kr| kr.id == id)
    }

    /// The lead's comment the owner still has to answer: the objective was
    /// sent back and is a draft again (proposing it answers the comment).
    pub fn pending_send_back(&self) -> Option<&SentBack> {
        self.sent_back
            .as_ref()
            .filter(|_| self.status == Status::Draft)
    }

    /// Whether the leads of the owner may see it: once proposed, and also
    /// while it is a draft again after a lead sent it back (they have seen
    /// it and wait for it). A draft never proposed stays the owner's own.
    pub fn open_to_lead(&self) -> bool {
        open_to_lead(self.status, self.sent_back.is_some())
    }
}

/// [`Objective::open_to_lead`] from the status and whether it was ever
/// sent back (what a deletion event carries).
pub fn open_to_lead(status: Status, sent_back: bool) -> bool {
    // Only a send back turns a proposal into a draft again, so a draft with
    // a send back is one the lead has seen.
    status != Status::Draft || sent_back
}

/// A lead returning a proposal to its owner: who, when and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SentBack {
    /// What the owner should revise (required, like a rejection's reason).
    pub comment: String,
    pub by: Option<PersonId>,
    pub at: DateTime<Utc>,
}

/// Whose objective it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "kind", content = "id")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Owner {
    /// One person's individual objective.
    Person(PersonId),
    /// A shared objective of a whole team; its members all contribute.
    Team(TeamId),
}
crate::adjacent_tagged!(Owner, "kind", "id");

/// The dates an objective covers, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Period {
    pub from: NaiveDate,
    pub until: NaiveDate,
}

impl Period {
    /// Whether the two periods share at least one day.
    pub fn overlaps(&self, other: &Period) -> bool {
        self.from <= other.until && other.from <= self.until
    }
}

/// A measurable result that says how far the objective got: an indicator
/// moving from a baseline towards a target (up or down).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KeyResult {
    pub id: KeyResultId,
    /// What is measured, e.g. "pratiche digitalizzate".
    pub indicator: String,
    /// The unit shown after the numbers, e.g. "pratiche", "%", "giorni";
    /// may be empty.
    #[serde(default)]
    pub unit: String,
    /// The value at the start of the period.
    pub baseline: Amount,
    /// The value to reach; below the baseline for a result that must go
    /// down (waiting days, paper forms).
    pub target: Amount,
    /// The latest recorded value (the baseline until the first update).
    pub current: Amount,
    /// Relative weight among the objective's key results, 1–100.
    pub weight: u8,
}

/// Where an objective is in its life. Drafts belong to their owner; a
/// proposal waits for the lead; agreed objectives are started and then
/// closed with an outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    Proposed,
    Agreed,
    InProgress,
    Achieved,
    PartlyAchieved,
    NotAchieved,
}

impl Status {
    /// Every status, in life-cycle order (for reports).
    pub const ALL: [Status; 7] = [
        Status::Draft,
        Status::Proposed,
        Status::Agreed,
        Status::InProgress,
        Status::Achieved,
        Status::PartlyAchieved,
        Status::NotAchieved,
    ];

    /// Whether the objective is closed with an outcome.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            Status::Achieved | Status::PartlyAchieved | Status::NotAchieved
        )
    }

    /// Whether the content (title, key results, …) may still change.
    pub fn is_editable(self) -> bool {
        matches!(self, Status::Draft | Status::Proposed)
    }
}

impl std::fmt::Display for Status {
    /// The wire name, e.g. `in_progress`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Status::Draft => "draft",
            Status::Proposed => "proposed",
            Status::Agreed => "agreed",
            Status::InProgress => "in_progress",
            Status::Achieved => "achieved",
            Status::PartlyAchieved => "partly_achieved",
            Status::NotAchieved => "not_achieved",
        })
    }
}

/// How a closed objective ended; it becomes the objective's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Achieved,
    PartlyAchieved,
    NotAchieved,
}

impl From<Outcome> for Status {
    fn from(outcome: Outcome) -> Status {
        match outcome {
            Outcome::Achieved => Status::Achieved,
            Outcome::PartlyAchieved => Status::PartlyAchieved,
            Outcome::NotAchieved => Status::NotAchieved,
        }
    }
}

/// One status change: to what, by whom (`None` for the system) and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusChange {
    pub status: Status,
    pub by: Option<PersonId>,
    pub at: DateTime<Utc>,
}

/// A new value of a key result with a note: who, when, what and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProgressUpdate {
    pub key_result: KeyResultId,
    pub by: Option<PersonId>,
    pub at: DateTime<Utc>,
    pub value: Amount,
    #[serde(default)]
    pub note: String,
}

/// The lead's assessment of a closed objective.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Review {
    /// 1 (far below expectations) to 5 (well beyond).
    pub rating: u8,
    #[serde(default)]
    pub comment: String,
    pub by: Option<PersonId>,
    pub at: DateTime<Utc>,
}
