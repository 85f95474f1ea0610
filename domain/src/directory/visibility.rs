//! Who sees what of the directory: everyone in the organisation sees the
//! organisation, teams and people (the directory), but a person's commute
//! only themself and administrators; an agreement is seen by its person, the
//! leads of their team and administrators.

use super::{Directory, Event, Person};
use crate::actor::{manages, require_admin, Actor};
use crate::State;

fn sees_private(state: &State, actor: &Actor, person: &Person) -> bool {
    actor.person_id() == Some(person.id) || require_admin(state, actor).is_ok()
}

fn public(state: &State, actor: &Actor, person: &Person) -> Person {
    if sees_private(state, actor, person) {
        person.clone()
    } else {
        Person {
            commute_km: 0,
            ..person.clone()
        }
    }
}

fn sees_agreement_of(state: &State, actor: &Actor, person: crate::ids::PersonId) -> bool {
    actor.person_id() == Some(person) || manages(state, actor, person)
}

/// The directory as `actor` may see it.
pub fn view(state: &State, actor: &Actor) -> Directory {
    let dir = &state.directory;
    Directory {
        organisation: dir.organisation.clone(),
        teams: dir.teams.clone(),
        people: dir
            .people
            .iter()
            .map(|(id, p)| (*id, public(state, actor, p)))
            .collect(),
        agreements: dir
            .agreements
            .iter()
            .filter(|(_, a)| sees_agreement_of(state, actor, a.person))
            .map(|(id, a)| (*id, a.clone()))
            .collect(),
    }
}

/// The event as `actor` may see it, judged on the state after the event.
pub fn redact(state: &State, actor: &Actor, event: &Event) -> Option<Event> {
    match event {
        Event::OrganisationSaved { .. } | Event::TeamSaved { .. } => Some(event.clone()),
        Event::PersonSaved { person } => Some(Event::PersonSaved {
            person: public(state, actor, person),
        }),
        Event::AgreementSaved { agreement } => {
            sees_agreement_of(state, actor, agreement.person).then(|| event.clone())
        }
    }
}
