//! Objectives: a person's objectives for a period with their key results,
//! progress and review; the form to write one; the page of one objective,
//! where the owner proposes and records progress and the lead agrees, sends
//! back, closes and reviews; and the lead's overview of the team.

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
