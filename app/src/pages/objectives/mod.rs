//! Objectives: a person's objectives for a period with their key results,
//! progress and review; the form to write one; the page of one objective,
//! where the owner proposes and records progress and the lead agrees, sends
//! back, closes and reviews, with the progress curves (`curve.rs`); and the
//! lead's overview of the team with its progress over the period.

mod curve;
mod detail;
mod filter;
mod form;
mod list;
mod logic;
mod overview;
mod parts;

pub use detail::ObjectiveDetail;
pub use form::{EditObjective, NewObjective};
pub use list::MyObjectives;
pub use overview::TeamOverview;
pub(crate) use parts::ProgressBar;
