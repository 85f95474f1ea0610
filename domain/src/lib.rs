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
pub mod audit;
pub mod boundary;
pub mod calendar;
mod command;
pub mod csv_file;
pub mod demo;
pub mod directory;
pub mod home;
pub mod ids;
pub mod monitoring;
pub mod notifications;
pub mod objectives;
pub mod order;
pub mod personal_data;
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

/// Checks `command` by `actor` against `state` at `now` — the
/// [`boundary`] first (dates in range, records of the actor's own
/// organisation), then the area's authorisation and rules — and says what
/// changes. Pure: the same inputs always give the same answer.
pub fn apply(
    state: &State,
    actor: &Actor,
    command: &Command,
    now: DateTime<Utc>,
) -> Result<Vec<Event>, Rejection> {
    boundary::check(state, actor, command, now)?;
    let mut events = match command {
        Command::Directory(c) => directory::apply(state, actor, c, now),
        Command::Agile(c) => agile::apply(state, actor, c, now),
        Command::Objectives(c) => objectives::apply(state, actor, c, now),
        Command::Webinars(c) => webinars::apply(state, actor, c, now),
        Command::Notifications(c) => notifications::apply(state, actor, c, now),
    }?;
    // Setting up an organisation creates it: its events are about an
    // administration no one belongs to yet, and the directory area lets
    // only the partnership's administrators do it.
    let sets_up = matches!(
        command,
        Command::Directory(directory::Command::SetUpOrganisation { .. })
    );
    if !sets_up {
        stays_in_own_organisation(state, actor, &events)?;
    }
    // After the boundary check: a partnership session's registrants of
    // other organisations are told of its changes on purpose. Appended here
    // so the notifications are stored with the revision that caused them and
    // the browser's optimistic apply shows the same ones.
    let told = notifications::caused(state, actor, &events, now);
    events.extend(
        told.into_iter().map(|notification| {
            Event::Notifications(notifications::Event::Notified { notification })
        }),
    );
    Ok(events)
}

/// The organisation boundary, enforced once for every area: a person's
/// command may change only their own organisation's data (partnership
/// sessions cross it by the webinars area's audience rules). The areas' own
/// checks already refuse such commands; this is the net under them, so an
/// administrator's "may do anything" never reaches another administration.
fn stays_in_own_organisation(
    state: &State,
    actor: &Actor,
    events: &[Event],
) -> Result<(), Rejection> {
    let Some(mine) = actor::actor_org(state, actor) else {
        return Ok(());
    };
    let foreign = events
        .iter()
        .filter_map(|e| visibility::organisation_of(state, e))
        .any(|org| org != mine);
    if foreign {
        Err(rejection::CommonRejection::NotAllowed.into())
    } else {
        Ok(())
    }
}
