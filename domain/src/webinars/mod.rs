//! Webinars and training paths: sessions, registrations, waitlists, attendance and feedback.
//!
//! Placeholder: the area's commands, events and rules land here.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::actor::Actor;
use crate::State;

/// This area's part of an organisation's state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {}

/// Commands of this area.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Command {}

/// Events of this area.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Event {}

/// Why a command of this area was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Rejection {}

/// Checks and turns a command of this area into events.
pub fn apply(
    _state: &State,
    _actor: &Actor,
    command: &Command,
    _now: DateTime<Utc>,
) -> Result<Vec<crate::Event>, crate::Rejection> {
    match *command {}
}

/// Applies an event of this area.
pub fn apply_event(_state: &mut State, event: &Event) {
    match *event {}
}

/// This area's state as `actor` may see it.
pub fn view(state: &State, _actor: &Actor) -> Part {
    state.webinars.clone()
}

/// The event as `actor` may see it (judged on the state after it).
pub fn redact(_state: &State, _actor: &Actor, event: &Event) -> Option<Event> {
    match *event {}
}
