//! Who sees what of the directory: everyone sees the list of organisations
//! of the deployment (names and holidays), and the teams and people of their
//! own organisation (the directory), but a person's commute and employee
//! number only themself and administrators of their organisation; an
//! agreement is seen by its
//! person, the leads of their team and their administrators. Nobody sees
//! another organisation's teams, people or agreements — except the minimal
//! cards of people on a partnership session they see
//! ([`crate::visibility::view`] adds those).

use super::{Directory, Event, Person};
use crate::actor::{administers, manages, Actor};
use crate::ids::OrgId;
use crate::State;

/// Which organisation's directory an actor sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The system: every organisation.
    All,
    /// A person: their own organisation.
    Org(OrgId),
    /// Someone unknown: no organisation.
    Nothing,
}

impl Scope {
    /// The scope of `actor`.
    pub fn of(state: &State, actor: &Actor) -> Scope {
        match actor {
            Actor::System => Scope::All,
            Actor::Person(id) => state
                .directory
                .people
                .get(id)
                .map_or(Scope::Nothing, |p| Scope::Org(p.org)),
        }
    }

    /// Whether data of `org` is inside the scope.
    pub fn includes(self, org: OrgId) -> bool {
        match self {
            Scope::All => true,
            Scope::Org(mine) => mine == org,
            Scope::Nothing => false,
        }
    }
}

fn sees_private(state: &State, actor: &Actor, person: &Person) -> bool {
    actor.person_id() == Some(person.id) || administers(state, actor, person.org)
}

fn public(state: &State, actor: &Actor, person: &Person) -> Person {
    if sees_private(state, actor, person) {
        person.clone()
    } else {
        Person {
            commute_km: 0,
            employee_number: None,
            ..person.clone()
        }
    }
}

fn sees_agreement_of(state: &State, actor: &Actor, person: crate::ids::PersonId) -> bool {
    actor.person_id() == Some(person) || manages(state, actor, person)
}

/// What a person of another organisation sees of `person` where a
/// partnership session shows them (its trainer, or a registrant to a
/// trainer): who they are and where they work, nothing else.
pub fn card(person: &Person) -> Person {
    Person {
        id: person.id,
        org: person.org,
        username: String::new(),
        name: person.name.clone(),
        email: None,
        employee_number: None,
        roles: Default::default(),
        team: None,
        commute_km: 0,
        language: Default::default(),
        active: person.active,
    }
}

/// The directory as `actor` may see it.
pub fn view(state: &State, actor: &Actor) -> Directory {
    let dir = &state.directory;
    let scope = Scope::of(state, actor);
    Directory {
        organisations: dir.organisations.clone(),
        teams: crate::order::map(
            dir.teams
                .iter()
                .filter(|(_, t)| scope.includes(t.org))
                .map(|(id, t)| (*id, t.clone())),
        ),
        people: crate::order::map(
            dir.people
                .iter()
                .filter(|(_, p)| scope.includes(p.org))
                .map(|(id, p)| (*id, public(state, actor, p))),
        ),
        agreements: crate::order::map(
            dir.agreements
                .iter()
                .filter(|(_, a)| {
                    dir.org_of_person(a.person)
                        .is_some_and(|org| scope.includes(org))
                        && sees_agreement_of(state, actor, a.person)
                })
                .map(|(id, a)| (*id, a.clone())),
        ),
        departures: crate::order::map(
            dir.departures
                .iter()
                .filter(|(id, _)| {
                    dir.org_of_person(**id)
                        .is_some_and(|org| scope.includes(org))
                })
                .map(|(id, d)| (*id, d.clone())),
        ),
    }
}

/// The event as `actor` may see it, judged on the state after the event.
/// Changes to another organisation's people reach nobody outside it (their
/// cards travel with the next snapshot).
pub fn redact(state: &State, actor: &Actor, event: &Event) -> Option<Event> {
    let scope = Scope::of(state, actor);
    match event {
        Event::OrganisationSaved { .. } => Some(event.clone()),
        Event::TeamSaved { team } => scope.includes(team.org).then(|| event.clone()),
        Event::PersonSaved { person } => scope.includes(person.org).then(|| Event::PersonSaved {
            person: public(state, actor, person),
        }),
        Event::AgreementSaved { agreement } => state
            .directory
            .org_of_person(agreement.person)
            .filter(|org| scope.includes(*org))
            .and_then(|_| sees_agreement_of(state, actor, agreement.person).then(|| event.clone())),
        Event::PersonDeactivated { person, .. } | Event::PersonAnonymised { person } => state
            .directory
            .org_of_person(*person)
            .filter(|org| scope.includes(*org))
            .map(|_| event.clone()),
    }
}
