//! The team pages: the team calendar (people × days for a month) and what
//! the approvals inbox and the rules editor share with it — who is looking,
//! which teams they lead, and the status of a person on a day.

mod calendar;
mod grid;
mod status;

pub use calendar::TeamCalendar;
pub(crate) use status::{day_status, mode_name, place_text, DayCell};

use vela_domain::directory::Role;
use vela_domain::ids::{PersonId, TeamId};
use vela_domain::State;

/// Whether the first pull has brought the organisation (until then the
/// pages say they are loading rather than that nothing exists).
pub(crate) fn loaded(state: &State) -> bool {
    !state.directory.organisations.is_empty()
}

/// The loading line shown before the first pull.
pub(crate) fn loading_view() -> impl leptos::IntoView {
    use leptos::prelude::*;
    let i18n = crate::i18n::use_i18n();
    view! { <p class="loading" role="status">{move || i18n.t().loading}</p> }
}

/// Whether `person` is an active administrator in `state`.
pub(crate) fn is_admin(state: &State, person: Option<PersonId>) -> bool {
    person
        .and_then(|p| state.directory.people.get(&p))
        .is_some_and(|p| p.active && p.roles.contains(&Role::Admin))
}

/// The teams `person` leads (every team for an administrator), by name.
pub(crate) fn managed_teams(state: &State, person: Option<PersonId>) -> Vec<(TeamId, String)> {
    let admin = is_admin(state, person);
    let mut teams: Vec<(TeamId, String)> = state
        .directory
        .teams
        .values()
        .filter(|t| admin || person.is_some_and(|p| t.leads.contains(&p)))
        .map(|t| (t.id, t.name.clone()))
        .collect();
    vela_domain::order::sort_by(&mut teams, |a, b| a.1.cmp(&b.1));
    teams
}

/// The active members of `team`, sorted by name.
pub(crate) fn members(state: &State, team: TeamId) -> Vec<(PersonId, String)> {
    let mut people: Vec<(PersonId, String)> = state
        .agile
        .members
        .get(&team)
        .into_iter()
        .flatten()
        .filter_map(|id| state.directory.people.get(id))
        .map(|p| (p.id, p.name.clone()))
        .collect();
    vela_domain::order::sort_by(&mut people, |a, b| a.1.cmp(&b.1));
    people
}
