//! What each person may see: everyone sees the people
//! directory, their own team's calendar by name, other teams only as daily
//! counts, and the webinars open to them; a person sees their own agreement,
//! objectives and registrations; a lead their team's; a trainer the
//! registrations of their sessions; an administrator everything of their
//! organisation. The server filters every pull and event stream with these
//! two functions and nothing else.
//!
//! Organisations: one deployment can host several
//! administrations. Everything is partitioned by organisation: a person's
//! view holds only their own organisation's teams, people, agreements, plans
//! and objectives, whatever their roles. The one thing that crosses the
//! boundary is a session open to the partnership (`Audience::Partnership`),
//! judged by the webinars area; with it come the minimal cards
//! ([`directory::card`]: id, name, organisation) of the people it shows — its
//! trainers, and to a trainer the registrants from other organisations.

use crate::directory::Scope;
use crate::ids::OrgId;
use crate::objectives::Owner;
use crate::{agile, directory, notifications, objectives, webinars, Actor, Event, State};

/// The state as `actor` may see it (a full snapshot for sync).
pub fn view(state: &State, actor: &Actor) -> State {
    let scope = Scope::of(state, actor);
    let mut out = State {
        directory: directory::view(state, actor),
        agile: agile::view(state, actor),
        objectives: objectives::view(state, actor),
        webinars: webinars::view(state, actor),
        notifications: notifications::view(state, actor),
    };
    keep_scope(state, scope, &mut out);
    add_cards(state, &mut out);
    out
}

/// The event as `actor` may see it, or `None` when it is none of their
/// business. `state` is the deployment's state just after the event.
pub fn redact(state: &State, actor: &Actor, event: &Event) -> Option<Event> {
    if let Some(org) = organisation_of(state, event) {
        if !Scope::of(state, actor).includes(org) {
            return None;
        }
    }
    match event {
        Event::Directory(e) => directory::redact(state, actor, e).map(Event::Directory),
        Event::Agile(e) => agile::redact(state, actor, e).map(Event::Agile),
        Event::Objectives(e) => objectives::redact(state, actor, e).map(Event::Objectives),
        Event::Webinars(e) => webinars::redact(state, actor, e).map(Event::Webinars),
        Event::Notifications(e) => notifications::redact(state, actor, e).map(Event::Notifications),
    }
}

/// The organisation whose private data `event` is about, judged on `state`
/// (before or after the event): the organisation of the team, person or
/// objective owner it concerns. `None` for what belongs to the whole
/// deployment: an organisation's own record (names and holidays are public)
/// and webinar events, which the webinars area judges because partnership
/// sessions cross organisations on purpose. [`crate::apply`] refuses a
/// person's command whose events are about another organisation, and
/// [`redact`] never sends such events outside it.
pub fn organisation_of(state: &State, event: &Event) -> Option<OrgId> {
    let dir = &state.directory;
    let person = |id| dir.org_of_person(id);
    match event {
        Event::Directory(e) => match e {
            directory::Event::OrganisationSaved { .. } => None,
            directory::Event::TeamSaved { team } => Some(team.org),
            directory::Event::PersonSaved { person } => Some(person.org),
            directory::Event::AgreementSaved { agreement } => dir.org_of_person(agreement.person),
            directory::Event::PersonDeactivated { person, .. }
            | directory::Event::PersonAnonymised { person } => dir.org_of_person(*person),
        },
        Event::Agile(e) => match e {
            agile::Event::DaysRequested { request, .. } => person(request.person),
            agile::Event::DaysDecided { days } | agile::Event::DaysCancelled { days } => {
                person(days.first()?.person)
            }
            agile::Event::AbsenceRecorded { absence, .. }
            | agile::Event::AbsenceCancelled { absence } => person(absence.person),
            agile::Event::ActivityLogged { day } => person(day.person),
            agile::Event::TeamCounts { team, .. } => dir.org_of_team(*team),
        },
        Event::Objectives(e) => match e {
            objectives::Event::ObjectiveSaved { objective }
            | objectives::Event::ObjectiveSentBack { objective } => {
                owner_org(state, objective.owner)
            }
            objectives::Event::ObjectiveDeleted { owner, .. } => owner_org(state, *owner),
        },
        Event::Webinars(_) => None,
        Event::Notifications(e) => person(e.person()),
    }
}

fn owner_org(state: &State, owner: Owner) -> Option<OrgId> {
    match owner {
        Owner::Person(p) => state.directory.org_of_person(p),
        Owner::Team(t) => state.directory.org_of_team(t),
    }
}

/// One organisation's part of the state — its teams, people, agreements,
/// plans and objectives; the webinars whole (training counts by its own
/// people) — for its reports: each administration of a partnership
/// reports its own figures. On a person's view it changes nothing.
pub fn organisation_state(state: &State, org: OrgId) -> State {
    let scope = Scope::Org(org);
    let dir = &state.directory;
    let mut out = State {
        directory: directory::Directory {
            organisations: dir.organisations.clone(),
            teams: crate::order::map(
                dir.teams
                    .iter()
                    .filter(|(_, t)| t.org == org)
                    .map(|(id, t)| (*id, t.clone())),
            ),
            people: crate::order::map(
                dir.people
                    .iter()
                    .filter(|(_, p)| p.org == org)
                    .map(|(id, p)| (*id, p.clone())),
            ),
            agreements: crate::order::map(
                dir.agreements
                    .iter()
                    .filter(|(_, a)| dir.org_of_person(a.person) == Some(org))
                    .map(|(id, a)| (*id, a.clone())),
            ),
            departures: crate::order::map(
                dir.departures
                    .iter()
                    .filter(|(id, _)| dir.org_of_person(**id) == Some(org))
                    .map(|(id, d)| (*id, d.clone())),
            ),
        },
        agile: state.agile.clone(),
        objectives: state.objectives.clone(),
        webinars: state.webinars.clone(),
        // Personal, never part of an organisation's reports.
        notifications: notifications::Part::default(),
    };
    keep_scope(state, scope, &mut out);
    out
}

/// Drops from the agile and objectives views whatever belongs to another
/// organisation (their own rules judge roles, not organisations: an
/// administrator sees "everything" — of their organisation).
fn keep_scope(state: &State, scope: Scope, out: &mut State) {
    if scope == Scope::All {
        return;
    }
    let dir = &state.directory;
    let person_in =
        |id: &crate::ids::PersonId| dir.org_of_person(*id).is_some_and(|o| scope.includes(o));
    let team_in = |id: &crate::ids::TeamId| dir.org_of_team(*id).is_some_and(|o| scope.includes(o));
    // Every field named, so a new one must be placed on one side.
    let agile::Part {
        days,
        requests,
        absences,
        absence_starts,
        team_days,
        members,
        agreements,
    } = &mut out.agile;
    days.retain(|p, _| person_in(p));
    requests.retain(|_, r| person_in(&r.person));
    absences.retain(|_, a| person_in(&a.person));
    absence_starts.retain(|p, _| person_in(p));
    team_days.retain(|t, _| team_in(t));
    members.retain(|t, _| team_in(t));
    agreements.retain(|p, _| person_in(p));
    out.objectives
        .objectives
        .retain(|_, o| owner_org(state, o.owner).is_some_and(|org| scope.includes(org)));
}

/// Adds the minimal card of every person of another organisation that the
/// webinars view names (trainers of partnership sessions, registrants of a
/// trainer's sessions), so the app can show a name.
fn add_cards(state: &State, out: &mut State) {
    let web = &out.webinars;
    let named: Vec<_> = web
        .sessions
        .values()
        .flat_map(|s| s.trainers.iter().copied())
        .chain(web.registrations.values().flat_map(|r| r.keys().copied()))
        .chain(web.attendance.values().flat_map(|a| a.iter().copied()))
        .chain(web.feedback.values().flat_map(|f| f.keys().copied()))
        .collect();
    for id in named {
        if out.directory.people.contains_key(&id) {
            continue;
        }
        if let Some(person) = state.directory.people.get(&id) {
            out.directory.people.insert(id, directory::card(person));
        }
    }
}
