//! Who sees what of webinars: everyone sees the sessions open
//! to their audience (and those they registered for), but the join link only
//! once they hold a seat; a person sees their own registration, attendance
//! and feedback; a session's trainers see all of these for their session,
//! whichever organisation the registrants come from; administrators see
//! everything of their organisation's sessions; everyone who sees a session
//! sees its seat counts.
//!
//! Organisations: a session open to the partnership is the only thing that
//! crosses from one administration to another. People of other
//! organisations see it (with its materials), their own registration, and
//! the training paths that include it — listing only the sessions they may
//! see. An organisation's own training paths are its public catalogue.
//!
//! A known limit of event-by-event filtering: when a session's audience or
//! trainers change (or a person changes team), people who gain sight of it
//! get its earlier history only with their next full snapshot.

use std::collections::BTreeMap;

use super::apply::trains;
use super::TrainingPath;
use super::{Event, Part, Session};
use crate::actor::{administers, Actor};
use crate::directory::Scope;
use crate::State;

/// Whether `actor` sees the people of `session`: registrations, attendance
/// and feedback of everyone (its trainers and its organisation's
/// administrators).
pub fn sees_people_of(state: &State, actor: &Actor, session: &Session) -> bool {
    administers(state, actor, session.org) || trains(state, actor, session)
}

/// Whether `actor` sees `session` at all.
pub(crate) fn sees_session(state: &State, actor: &Actor, session: &Session) -> bool {
    if sees_people_of(state, actor, session) {
        return true;
    }
    let Some(me) = actor.person_id() else {
        return false;
    };
    state
        .directory
        .people
        .get(&me)
        .is_some_and(|p| session.is_open_to(p))
        || state.webinars.registration(session.id, me).is_some()
}

/// The name cards of those of `people` outside the actor's organisation
/// (see [`Event`]'s `cards`).
fn cards_for(
    state: &State,
    actor: &Actor,
    people: impl Iterator<Item = crate::ids::PersonId>,
) -> Vec<crate::directory::Person> {
    let scope = Scope::of(state, actor);
    people
        .filter_map(|id| state.directory.people.get(&id))
        .filter(|p| !scope.includes(p.org))
        .map(crate::directory::card)
        .collect()
}

/// `path` as `actor` may see it: whole for its own organisation (and the
/// system); for another organisation only if it includes a session they
/// see, listing just those.
fn path_for(state: &State, actor: &Actor, path: &TrainingPath) -> Option<TrainingPath> {
    if Scope::of(state, actor).includes(path.org) {
        return Some(path.clone());
    }
    let sessions: Vec<_> = path
        .sessions
        .iter()
        .copied()
        .filter(|id| {
            state
                .webinars
                .sessions
                .get(id)
                .is_some_and(|s| sees_session(state, actor, s))
        })
        .collect();
    (!sessions.is_empty()).then(|| TrainingPath {
        sessions,
        ..path.clone()
    })
}

/// `session` as `actor` may see it: without the join link unless they hold
/// a seat, train it or administer.
fn public(state: &State, actor: &Actor, session: &Session) -> Session {
    let sees_link = sees_people_of(state, actor, session)
        || actor
            .person_id()
            .is_some_and(|me| state.webinars.is_registered(session.id, me));
    if sees_link {
        session.clone()
    } else {
        Session {
            join_link: None,
            ..session.clone()
        }
    }
}

/// Keeps what `actor` may see of a per-session, per-person map.
fn own_or_all<T: Clone>(
    state: &State,
    actor: &Actor,
    session: &Session,
    all: &BTreeMap<crate::ids::PersonId, T>,
) -> BTreeMap<crate::ids::PersonId, T> {
    if sees_people_of(state, actor, session) {
        all.clone()
    } else {
        all.iter()
            .filter(|(p, _)| actor.person_id() == Some(**p))
            .map(|(p, v)| (*p, v.clone()))
            .collect()
    }
}

/// The webinars as `actor` may see them.
pub fn view(state: &State, actor: &Actor) -> Part {
    let part = &state.webinars;
    let mut out = Part {
        paths: part
            .paths
            .iter()
            .filter_map(|(id, p)| path_for(state, actor, p).map(|p| (*id, p)))
            .collect(),
        next_ticket: part.next_ticket,
        ..Part::default()
    };
    for session in part.sessions.values() {
        if !sees_session(state, actor, session) {
            continue;
        }
        let id = session.id;
        out.sessions.insert(id, public(state, actor, session));
        if let Some(o) = part.occupancy.get(&id) {
            out.occupancy.insert(id, o.clone());
        }
        if let Some(r) = part.registrations.get(&id) {
            let r = own_or_all(state, actor, session, r);
            if !r.is_empty() {
                out.registrations.insert(id, r);
            }
        }
        if let Some(f) = part.feedback.get(&id) {
            let f = own_or_all(state, actor, session, f);
            if !f.is_empty() {
                out.feedback.insert(id, f);
            }
        }
        if let Some(a) = part.attendance.get(&id) {
            let a: std::collections::BTreeSet<_> = if sees_people_of(state, actor, session) {
                a.clone()
            } else {
                a.iter()
                    .filter(|p| actor.person_id() == Some(**p))
                    .copied()
                    .collect()
            };
            if !a.is_empty() {
                out.attendance.insert(id, a);
            }
        }
    }
    out
}

/// The event as `actor` may see it, judged on the state after the event.
pub fn redact(state: &State, actor: &Actor, event: &Event) -> Option<Event> {
    let session_of = |id| state.webinars.sessions.get(&id);
    let me = actor.person_id();
    match event {
        Event::SessionSaved { session, .. } => {
            sees_session(state, actor, session).then(|| Event::SessionSaved {
                session: public(state, actor, session),
                cards: cards_for(state, actor, session.trainers.iter().copied()),
            })
        }
        Event::SessionCancelled { session, notify } => {
            if !sees_session(state, actor, session) {
                return None;
            }
            let notify = if sees_people_of(state, actor, session) {
                notify.clone()
            } else {
                notify.iter().copied().filter(|p| Some(*p) == me).collect()
            };
            Some(Event::SessionCancelled {
                session: public(state, actor, session),
                notify,
            })
        }
        Event::PathSaved { path } => Some(Event::PathSaved {
            // Out of sight now: an empty path, stripped of its texts, so a
            // replica that saw it before drops it (see `apply_event`).
            path: path_for(state, actor, path).unwrap_or_else(|| TrainingPath {
                title: String::new(),
                description: String::new(),
                sessions: Vec::new(),
                ..path.clone()
            }),
        }),
        Event::RegistrationSaved {
            registration,
            session,
            occupancy,
            ..
        }
        | Event::Promoted {
            registration,
            session,
            occupancy,
            ..
        } => {
            if me == Some(registration.person) || sees_people_of(state, actor, session) {
                let cards = cards_for(
                    state,
                    actor,
                    session
                        .trainers
                        .iter()
                        .copied()
                        .chain([registration.person]),
                );
                let session = public(state, actor, session);
                let registration = registration.clone();
                let occupancy = occupancy.clone();
                Some(match event {
                    Event::Promoted { .. } => Event::Promoted {
                        registration,
                        session,
                        occupancy,
                        cards,
                    },
                    _ => Event::RegistrationSaved {
                        registration,
                        session,
                        occupancy,
                        cards,
                    },
                })
            } else if sees_session(state, actor, session) {
                Some(Event::SeatsChanged {
                    session: session.id,
                    occupancy: occupancy.clone(),
                    next_ticket: registration.ticket.saturating_add(1),
                })
            } else {
                None
            }
        }
        Event::SeatsChanged { session, .. } => session_of(*session)
            .filter(|s| sees_session(state, actor, s))
            .map(|_| event.clone()),
        Event::AttendanceMarked {
            session, person, ..
        } => session_of(*session)
            .filter(|s| me == Some(*person) || sees_people_of(state, actor, s))
            .map(|_| event.clone()),
        Event::FeedbackSaved { feedback } => session_of(feedback.session)
            .filter(|s| me == Some(feedback.person) || sees_people_of(state, actor, s))
            .map(|_| event.clone()),
    }
}
