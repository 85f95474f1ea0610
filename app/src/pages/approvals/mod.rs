//! The lead's approvals inbox: pending days of the teams they lead, with
//! filters, one-by-one and bulk decisions, and the coverage warning.

mod confirm;
mod decide;
mod inbox;

pub use inbox::Approvals;
