//! Who sees what of agile days:
//! - a person sees their own requests, days and absences in full;
//! - the people of their team see their days by name, status only (no
//!   notes, no activity), and their absences only as "absent" (no kind, no
//!   reason);
//! - a lead sees the teams they lead like their own, plus notes and
//!   activity, but still not why someone is absent;
//! - an administrator sees everything;
//! - everyone sees every team's daily counts ([`TeamDay`]), never names.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Absence, DayPlan, Event, Part, PersonDays, Request, TeamDay};
use crate::actor::{leads_team, manages, require_admin, Actor};
use crate::ids::{PersonId, TeamId};
use crate::State;

/// How much of one person's plans an actor may see.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Sight {
    /// Counts only.
    None,
    /// A teammate: dates and status.
    Status,
    /// A lead of the person's team: also notes and activity.
    Work,
    /// The person or an administrator: also the absences' kind and reason.
    Full,
}

fn sight(state: &State, actor: &Actor, person: PersonId) -> Sight {
    if actor.person_id() == Some(person) || require_admin(state, actor).is_ok() {
        return Sight::Full;
    }
    if manages(state, actor, person) {
        return Sight::Work;
    }
    let team_of = |id: PersonId| state.directory.people.get(&id).and_then(|p| p.team);
    match (actor.person_id().and_then(team_of), team_of(person)) {
        (Some(mine), Some(theirs)) if mine == theirs => Sight::Status,
        _ => Sight::None,
    }
}

/// Whether `actor` sees `team`'s plans by name — their own team, a team they
/// lead, or any team for an administrator — rather than daily counts only.
/// The view follows the same rule person by person; the app asks this to
/// pick the matching presentation.
pub fn sees_team_by_name(state: &State, actor: &Actor, team: TeamId) -> bool {
    require_admin(state, actor).is_ok()
        || actor.person_id().is_some_and(|me| {
            leads_team(state, me, team)
                || state.directory.people.get(&me).and_then(|p| p.team) == Some(team)
        })
}

fn day_for(sight: Sight, day: &DayPlan) -> DayPlan {
    if sight >= Sight::Work {
        day.clone()
    } else {
        DayPlan {
            decision_note: None,
            activity: None,
            ..day.clone()
        }
    }
}

fn request_for(sight: Sight, request: &Request) -> Request {
    if sight >= Sight::Work {
        request.clone()
    } else {
        Request {
            note: String::new(),
            ..request.clone()
        }
    }
}

fn absence_for(sight: Sight, absence: &Absence) -> Absence {
    if sight == Sight::Full {
        absence.clone()
    } else {
        Absence {
            detail: None,
            ..absence.clone()
        }
    }
}

/// This area's state as `actor` may see it.
pub fn view(state: &State, actor: &Actor) -> Part {
    let part = &state.agile;
    if require_admin(state, actor).is_ok() {
        return part.clone();
    }
    let mut sights = BTreeMap::new();
    let mut sight_of = |person: PersonId| {
        *sights
            .entry(person)
            .or_insert_with(|| sight(state, actor, person))
    };
    let mut view = Part {
        team_days: part.team_days.clone(),
        members: part.members.clone(),
        ..Part::default()
    };
    for (person, days) in &part.days {
        let s = sight_of(*person);
        if s >= Sight::Work {
            // Nothing hidden: the view shares the state's plans.
            view.days.insert(*person, days.clone());
        } else if s > Sight::None {
            let shown = days.iter().map(|(d, p)| (*d, day_for(s, p))).collect();
            view.days.insert(*person, PersonDays::new(shown));
        }
    }
    for (id, request) in &part.requests {
        let s = sight_of(request.person);
        if s > Sight::None {
            view.requests.insert(*id, request_for(s, request));
        }
    }
    for (person, starts) in &part.absence_starts {
        let s = sight_of(*person);
        if s > Sight::None {
            view.absence_starts.insert(*person, starts.clone());
            for id in starts.values() {
                if let Some(absence) = part.absences.get(id) {
                    view.absences.insert(*id, absence_for(s, absence));
                }
            }
        }
    }
    // Agreements are seen by their person and the leads (directory rule).
    for (person, ids) in &part.agreements {
        if sight_of(*person) >= Sight::Work {
            view.agreements.insert(*person, ids.clone());
        }
    }
    view
}

/// The counts of `person`'s team on `dates`, as they are now: what people
/// who may not see names receive instead of an event about `person`.
fn counts_of(
    state: &State,
    person: PersonId,
    dates: impl Iterator<Item = NaiveDate>,
) -> Option<Event> {
    let team = state.directory.people.get(&person)?.team?;
    let counts: BTreeMap<NaiveDate, TeamDay> = dates
        .map(|date| (date, state.agile.team_day(team, date)))
        .collect();
    (!counts.is_empty()).then_some(Event::TeamCounts { team, counts })
}

/// The event as `actor` may see it, judged on the state after it. People
/// outside the person's team get the team's new counts instead.
pub fn redact(state: &State, actor: &Actor, event: &Event) -> Option<Event> {
    match event {
        Event::DaysRequested {
            request,
            days,
            refused,
        } => match sight(state, actor, request.person) {
            Sight::None => counts_of(state, request.person, days.iter().map(|d| d.date)),
            s => Some(Event::DaysRequested {
                request: request_for(s, request),
                days: days.iter().map(|d| day_for(s, d)).collect(),
                refused: if s >= Sight::Work {
                    refused.clone()
                } else {
                    Vec::new()
                },
            }),
        },
        Event::DaysDecided { days } | Event::DaysCancelled { days } => {
            let person = days.first()?.person;
            match sight(state, actor, person) {
                Sight::None => counts_of(state, person, days.iter().map(|d| d.date)),
                s => {
                    let days = days.iter().map(|d| day_for(s, d)).collect();
                    Some(match event {
                        Event::DaysDecided { .. } => Event::DaysDecided { days },
                        _ => Event::DaysCancelled { days },
                    })
                }
            }
        }
        Event::AbsenceRecorded { absence, withdrawn } => {
            match sight(state, actor, absence.person) {
                Sight::None => counts_of(
                    state,
                    absence.person,
                    absence.from.iter_days().take_while(|d| *d <= absence.until),
                ),
                s => Some(Event::AbsenceRecorded {
                    absence: absence_for(s, absence),
                    withdrawn: withdrawn.iter().map(|d| day_for(s, d)).collect(),
                }),
            }
        }
        Event::AbsenceCancelled { absence } => match sight(state, actor, absence.person) {
            Sight::None => counts_of(
                state,
                absence.person,
                absence.from.iter_days().take_while(|d| *d <= absence.until),
            ),
            s => Some(Event::AbsenceCancelled {
                absence: absence_for(s, absence),
            }),
        },
        Event::ActivityLogged { day } => {
            (sight(state, actor, day.person) >= Sight::Work).then(|| event.clone())
        }
        Event::TeamCounts { .. } => Some(event.clone()),
    }
}
