use serde::{Deserialize, Serialize};

use super::{AmountProblem, Status};
use crate::ids::KeyResultId;

/// Why an objectives command was refused. Every code starts with
/// `objective_`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "code", rename = "ObjectivesRejection")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Rejection {
    /// The command does not fit the objective's current status.
    #[error("the objective is {status}, expected {}", list(expected))]
    ObjectiveWrongStatus {
        status: Status,
        expected: Vec<Status>,
    },
    /// An objective keeps the owner it was created with.
    #[error("the owner of an objective cannot change")]
    ObjectiveOwnerFixed,
    /// A proposal needs at least one key result to be measured by.
    #[error("an objective needs at least one key result")]
    ObjectiveNoKeyResults,
    /// Too many key results for one objective.
    #[error("an objective has at most {max} key results")]
    ObjectiveTooManyKeyResults { max: u32 },
    /// A weight (of the objective, or of one key result when `key_result`
    /// is set) outside its range.
    #[error("weights go from {min} to {max}")]
    ObjectiveWeightOutOfRange {
        key_result: Option<KeyResultId>,
        min: u8,
        max: u8,
    },
    /// A period longer than allowed.
    #[error("an objective covers at most {max_days} days")]
    ObjectivePeriodTooLong { max_days: u32 },
    /// A review rating outside 1–5.
    #[error("the rating goes from {min} to {max}")]
    ObjectiveRatingOutOfRange { min: u8, max: u8 },
    /// A lead cannot agree, close or review their own objective: another
    /// lead of the team or an administrator must.
    #[error("you cannot approve your own objective")]
    ObjectiveSelfApproval,
    /// The objective has as many progress updates as it may keep.
    #[error("an objective keeps at most {max} progress updates")]
    ObjectiveTooManyUpdates { max: u32 },
    /// A number typed in a form is not an amount (see
    /// [`Amount::parse`](super::Amount::parse)); the wire format refuses it
    /// already when decoding.
    #[error("{value:?} {problem}")]
    ObjectiveAmountInvalid {
        value: String,
        problem: AmountProblem,
    },
}
crate::flat_tagged!(Rejection, "code");

fn list(statuses: &[Status]) -> String {
    statuses
        .iter()
        .map(Status::to_string)
        .collect::<Vec<_>>()
        .join(" or ")
}
