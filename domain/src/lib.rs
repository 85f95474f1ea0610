//! Vela's domain: every business rule of agile days, objectives and webinars.
//!
//! This crate is pure: no I/O, no clock, no randomness. Time and ids are
//! passed in. The server and the browser both run it: the server to decide,
//! the browser to show the same answer at once, even offline.
//!
//! Start at [`apply`]: a [`Command`] from an [`Actor`] against a [`State`]
//! becomes [`Event`]s or a [`Rejection`]. [`State::apply_event`] folds events
//! into the state. [`visibility`] says who sees what. Each area (directory,
//! agile, objectives, webinars) keeps its commands, events, rules and
//! visibility in its own module.

pub mod actor;
pub mod agile;
pub mod calendar;
mod command;
pub mod demo;
pub mod directory;
pub mod ids;
pub mod monitoring;
pub mod objectives;
pub mod rejection;
mod state;
pub mod sync;
pub mod visibility;
pub mod webinars;
pub mod wire;

#[cfg(test)]
pub(crate) mod testing;

use chrono::{DateTime, Utc};

pub use actor::Actor;
pub use command::{Command, Event};
pub use rejection::Rejection;
pub use state::State;

/// Checks `command` by `actor` against `state` at `now` — authorisation
/// first, then the area's rules — and says what changes. Pure: the same
/// inputs always give the same answer.
pub fn apply(
    state: &State,
    actor: &Actor,
    command: &Command,
    now: DateTime<Utc>,
) -> Result<Vec<Event>, Rejection> {
    match command {
        Command::Directory(c) => directory::apply(state, actor, c, now),
        Command::Agile(c) => agile::apply(state, actor, c, now),
        Command::Objectives(c) => objectives::apply(state, actor, c, now),
        Command::Webinars(c) => webinars::apply(state, actor, c, now),
    }
}
