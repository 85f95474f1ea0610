//! Work by objectives: a person or a team commits to objectives for a
//! period, each measured by key results (an indicator moving from a
//! baseline towards a target). The life of an objective:
//!
//! ```text
//! draft ──propose──▶ proposed ──agree──▶ agreed ──start──▶ in progress ──close──▶ achieved
//!   │ ▲ (owner side)    │ │    (lead)            (owner/lead)            (lead)    partly achieved
//!   │ └──send back──────┘ │                                                        not achieved
//!   │    (lead, comment)  │
//!   └──delete             └──delete (withdraw)
//! ```
//!
//! The owner side writes and proposes, records progress with notes; the
//! lead of the owner's team agrees, closes and reviews (rating 1–5). A lead
//! may assign an objective to a member of their team: it starts as
//! proposed. Amounts are fixed-point decimals ([`Amount`]), never floats.
//! [`score`] says how far an objective got; [`authority`] who may do what
//! (and [`authority::may_log_work`] for the agile area); [`report`] the
//! monitoring figures; [`progress`] the curve of an objective over its
//! updates and a team's progress over a period.

mod amount;
mod apply;
pub mod authority;
mod command;
mod objective;
pub mod progress;
mod rejection;
pub mod report;
pub mod score;
mod visibility;

#[cfg(test)]
pub(crate) mod tests;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use amount::{Amount, AmountProblem};
pub use apply::{
    apply, apply_event, MAX_KEY_RESULTS, MAX_PERIOD_DAYS, MAX_UPDATES, RATING_RANGE, TEXT_MAX,
    TITLE_MAX, UNIT_MAX, WEIGHT_RANGE,
};
pub use command::{Command, Event, KeyResultSpec};
pub use objective::{
    open_to_lead, KeyResult, Objective, Outcome, Owner, Period, ProgressUpdate, Review, SentBack,
    Status, StatusChange,
};
pub use rejection::Rejection;
pub use visibility::{redact, view};

use crate::ids::ObjectiveId;

/// The objectives part of an organisation's state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ObjectivesPart")
)]
pub struct Part {
    pub objectives: BTreeMap<ObjectiveId, Objective>,
}

impl Part {
    /// The objectives of `owner`, in id order.
    pub fn of(&self, owner: Owner) -> impl Iterator<Item = &Objective> {
        self.objectives.values().filter(move |o| o.owner == owner)
    }
}

impl Amount {
    /// Reads an amount typed in a form, or the rejection to show (the same
    /// code and parameters as any other rule).
    pub fn parse_input(text: &str) -> Result<Amount, crate::Rejection> {
        Amount::parse(text).map_err(|problem| {
            Rejection::ObjectiveAmountInvalid {
                value: text.to_owned(),
                problem,
            }
            .into()
        })
    }
}
