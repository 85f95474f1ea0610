use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};

use super::session::check_material_url;
use super::{
    check_join_link, Audience, Command, Event, Feedback, Material, Occupancy, Registration,
    RegistrationStatus, Rejection as WebinarRejection, Session, SessionStatus, TrainingPath,
};
use crate::actor::{acting_person, administers, has_role, require_admin, Actor};
use crate::directory::Role;
use crate::ids::{OrgId, PersonId, SessionId};
use crate::rejection::{check_text, CommonRejection, Entity, Problem, Rejection};
use crate::{Event as AnyEvent, State};

const TITLE_MAX: usize = 200;
const DESCRIPTION_MAX: usize = 5_000;
const COMMENT_MAX: usize = 2_000;
const MAX_CAPACITY: u32 = 10_000;
const MAX_TRAINERS: usize = 20;
const MAX_MATERIALS: usize = 50;
const MAX_PATH_SESSIONS: usize = 100;
/// The longest session accepted: a full training day.
pub const MAX_SESSION_HOURS: u32 = 10;

/// Checks and turns a webinar command into events: authorisation first,
/// then the rules, in the order a user would fix them.
pub fn apply(
    state: &State,
    actor: &Actor,
    command: &Command,
    now: DateTime<Utc>,
) -> Result<Vec<AnyEvent>, Rejection> {
    let events = match command {
        Command::SaveSession {
            id,
            title,
            description,
            trainers,
            start,
            end,
            capacity,
            join_link,
            audience,
            materials,
        } => {
            let existing = state.webinars.sessions.get(id);
            match existing {
                Some(s) => require_manager(state, actor, s)?,
                None if require_admin(state, actor).is_ok() => {}
                None => {
                    let me = acting_person(state, actor)?;
                    if !has_role(state, actor, Role::Trainer) {
                        return Err(CommonRejection::NotAllowed.into());
                    }
                    if !trainers.contains(&me.id) {
                        return Err(WebinarRejection::SessionNotAmongTrainers.into());
                    }
                }
            }
            if existing.is_some_and(|s| s.status == SessionStatus::Cancelled) {
                return Err(WebinarRejection::SessionCancelled.into());
            }
            check_text("title", title, TITLE_MAX)?;
            check_optional_text("description", description, DESCRIPTION_MAX)?;
            let org = check_trainers(state, trainers, existing.map(|s| s.org))?;
            // An administrator creates sessions for trainers of their own
            // organisation only.
            if existing.is_none() && !administers(state, actor, org) && !trains_in(actor, trainers)
            {
                return Err(CommonRejection::NotAllowed.into());
            }
            if end <= start {
                return Err(Rejection::invalid("end", Problem::EndBeforeStart));
            }
            if *end - *start > Duration::hours(i64::from(MAX_SESSION_HOURS)) {
                return Err(WebinarRejection::SessionTooLong {
                    max_hours: MAX_SESSION_HOURS,
                }
                .into());
            }
            if *capacity == 0 || *capacity > MAX_CAPACITY {
                return Err(Rejection::invalid("capacity", Problem::OutOfRange));
            }
            let join_link = join_link.trim();
            if !check_join_link(join_link) {
                return Err(WebinarRejection::SessionJoinLinkInvalid.into());
            }
            check_audience(state, org, audience)?;
            let materials = check_materials(materials)?;
            let mut occupancy = state.webinars.occupancy_of(*id);
            if *capacity < occupancy.registered {
                return Err(WebinarRejection::SessionCapacityBelowRegistered {
                    capacity: *capacity,
                    registered: occupancy.registered,
                }
                .into());
            }
            let session = Session {
                id: *id,
                org,
                title: title.trim().to_owned(),
                description: description.trim().to_owned(),
                trainers: trainers.clone(),
                start: *start,
                end: *end,
                capacity: *capacity,
                join_link: Some(join_link.to_owned()),
                audience: audience.clone(),
                materials,
                status: SessionStatus::Scheduled,
                sequence: existing.map_or(0, |s| s.sequence.saturating_add(1)),
            };
            let mut events = vec![Event::SessionSaved {
                session: session.clone(),
                cards: Vec::new(),
            }];
            promote(state, &session, &mut occupancy, now, &mut events);
            events
        }
        Command::CancelSession { id } => {
            let session = session_of(state, *id)?;
            require_manager(state, actor, session)?;
            require_scheduled(session)?;
            if now >= session.start {
                return Err(WebinarRejection::SessionStarted {
                    start: session.start,
                }
                .into());
            }
            let notify = state
                .webinars
                .registrations
                .get(id)
                .into_iter()
                .flat_map(|m| m.values())
                .filter(|r| r.status != RegistrationStatus::Cancelled)
                .map(|r| r.person)
                .collect();
            vec![Event::SessionCancelled {
                session: Session {
                    status: SessionStatus::Cancelled,
                    sequence: session.sequence.saturating_add(1),
                    ..session.clone()
                },
                notify,
            }]
        }
        Command::SavePath {
            id,
            title,
            description,
            sessions,
        } => {
            if !has_role(state, actor, Role::Trainer) {
                require_admin(state, actor)?;
            }
            let org = match state.webinars.paths.get(id) {
                Some(existing) => existing.org,
                None => match crate::actor::actor_org(state, actor) {
                    Some(org) => org,
                    // The system curates for the organisation of the first
                    // session.
                    None => sessions
                        .first()
                        .and_then(|s| state.webinars.sessions.get(s))
                        .map(|s| s.org)
                        .ok_or_else(|| Rejection::invalid("sessions", Problem::Empty))?,
                },
            };
            if !may_curate(state, actor, org) {
                return Err(CommonRejection::NotAllowed.into());
            }
            check_text("title", title, TITLE_MAX)?;
            check_optional_text("description", description, DESCRIPTION_MAX)?;
            if sessions.is_empty() {
                return Err(Rejection::invalid("sessions", Problem::Empty));
            }
            if sessions.len() > MAX_PATH_SESSIONS {
                return Err(Rejection::invalid("sessions", Problem::TooLong));
            }
            if crate::order::set(sessions).len() != sessions.len() {
                return Err(Rejection::invalid("sessions", Problem::Duplicate));
            }
            for session in sessions {
                let s = session_of(state, *session)?;
                // Another organisation's own sessions do not exist for this
                // one; its partnership sessions may be included.
                if s.org != org && !s.is_partnership() {
                    return Err(Rejection::not_found(Entity::Session, *session));
                }
                if s.status == SessionStatus::Cancelled {
                    return Err(WebinarRejection::PathSessionCancelled.into());
                }
            }
            vec![Event::PathSaved {
                path: TrainingPath {
                    id: *id,
                    org,
                    title: title.trim().to_owned(),
                    description: description.trim().to_owned(),
                    sessions: sessions.clone(),
                },
            }]
        }
        Command::Register { session } => {
            let me = acting_person(state, actor)?;
            let s = session_of(state, *session)?;
            require_scheduled(s)?;
            if now >= s.start {
                return Err(WebinarRejection::RegistrationClosed { start: s.start }.into());
            }
            if s.trainers.contains(&me.id) {
                return Err(WebinarRejection::RegistrationByTrainer.into());
            }
            if !s.is_open_to(me) {
                return Err(WebinarRejection::RegistrationOutsideAudience.into());
            }
            if let Some(r) = state.webinars.registration(*session, me.id) {
                if r.status != RegistrationStatus::Cancelled {
                    return Err(WebinarRejection::RegistrationExists { status: r.status }.into());
                }
            }
            let ticket = state.webinars.next_ticket;
            let mut occupancy = state.webinars.occupancy_of(*session);
            let status = if occupancy.registered < s.capacity && occupancy.waitlist.is_empty() {
                occupancy.registered += 1;
                RegistrationStatus::Registered
            } else {
                occupancy.waitlist.push(ticket);
                RegistrationStatus::Waitlisted
            };
            vec![Event::RegistrationSaved {
                registration: Registration {
                    session: *session,
                    person: me.id,
                    status,
                    ticket,
                    since: now,
                },
                session: s.clone(),
                occupancy,
                cards: Vec::new(),
            }]
        }
        Command::CancelRegistration { session, person } => {
            let s = session_of(state, *session)?;
            if actor.person_id() == Some(*person) {
                acting_person(state, actor)?;
            } else {
                require_manager(state, actor, s)?;
            }
            require_scheduled(s)?;
            if now >= s.start {
                return Err(WebinarRejection::RegistrationClosed { start: s.start }.into());
            }
            let registration = state
                .webinars
                .registration(*session, *person)
                .filter(|r| r.status != RegistrationStatus::Cancelled)
                .ok_or_else(|| Rejection::not_found(Entity::Registration, *session))?;
            let mut occupancy = state.webinars.occupancy_of(*session);
            match registration.status {
                RegistrationStatus::Registered => {
                    occupancy.registered = occupancy.registered.saturating_sub(1);
                }
                _ => occupancy.waitlist.retain(|t| *t != registration.ticket),
            }
            let mut events = vec![Event::RegistrationSaved {
                registration: Registration {
                    status: RegistrationStatus::Cancelled,
                    since: now,
                    ..registration.clone()
                },
                session: s.clone(),
                occupancy: occupancy.clone(),
                cards: Vec::new(),
            }];
            promote(state, s, &mut occupancy, now, &mut events);
            events
        }
        Command::MarkAttendance {
            session,
            person,
            present,
        } => {
            let s = session_of(state, *session)?;
            require_manager(state, actor, s)?;
            require_scheduled(s)?;
            if now < s.start {
                return Err(WebinarRejection::AttendanceBeforeStart { start: s.start }.into());
            }
            let who = state
                .directory
                .people
                .get(person)
                .ok_or_else(|| Rejection::not_found(Entity::Person, *person))?;
            let registered = state
                .webinars
                .registration(*session, *person)
                .is_some_and(|r| r.status != RegistrationStatus::Cancelled);
            if *present && s.trainers.contains(person) {
                return Err(WebinarRejection::AttendanceOfTrainer.into());
            }
            if *present && !registered && !s.is_open_to(who) {
                return Err(WebinarRejection::AttendanceOutsideAudience.into());
            }
            vec![Event::AttendanceMarked {
                session: *session,
                person: *person,
                present: *present,
            }]
        }
        Command::GiveFeedback {
            session,
            rating,
            comment,
        } => {
            let me = acting_person(state, actor)?;
            let s = session_of(state, *session)?;
            require_scheduled(s)?;
            if !(1..=5).contains(rating) {
                return Err(WebinarRejection::FeedbackRatingOutOfRange { min: 1, max: 5 }.into());
            }
            let comment = comment.as_deref().map(str::trim).filter(|c| !c.is_empty());
            if comment.is_some_and(|c| c.chars().count() > COMMENT_MAX) {
                return Err(Rejection::invalid("comment", Problem::TooLong));
            }
            // Attendance is recorded from the start on, so this also means
            // the session has started.
            if now < s.start || !state.webinars.attended(*session, me.id) {
                return Err(WebinarRejection::FeedbackNotAttended.into());
            }
            vec![Event::FeedbackSaved {
                feedback: Feedback {
                    session: *session,
                    person: me.id,
                    rating: *rating,
                    comment: comment.map(str::to_owned),
                    at: now,
                },
            }]
        }
    };
    Ok(events.into_iter().map(AnyEvent::Webinars).collect())
}

/// Applies a webinar event.
pub fn apply_event(state: &mut State, event: &Event) {
    if let Event::SessionSaved { cards, .. }
    | Event::RegistrationSaved { cards, .. }
    | Event::Promoted { cards, .. } = event
    {
        for card in cards {
            state
                .directory
                .people
                .entry(card.id)
                .or_insert_with(|| card.clone());
        }
    }
    let part = &mut state.webinars;
    match event {
        Event::SessionSaved { session, .. } | Event::SessionCancelled { session, .. } => {
            part.sessions.insert(session.id, session.clone());
        }
        // A path is never saved empty (`SavePath` refuses it): an empty one
        // is a redacted event telling another organisation's replica that
        // the path no longer holds a session it may see.
        Event::PathSaved { path } if path.sessions.is_empty() => {
            part.paths.remove(&path.id);
        }
        Event::PathSaved { path } => {
            part.paths.insert(path.id, path.clone());
        }
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
            part.sessions.insert(session.id, session.clone());
            part.registrations
                .entry(registration.session)
                .or_default()
                .insert(registration.person, registration.clone());
            part.occupancy
                .insert(registration.session, occupancy.clone());
            part.next_ticket = part.next_ticket.max(registration.ticket.saturating_add(1));
        }
        Event::SeatsChanged {
            session,
            occupancy,
            next_ticket,
        } => {
            part.occupancy.insert(*session, occupancy.clone());
            part.next_ticket = part.next_ticket.max(*next_ticket);
        }
        Event::AttendanceMarked {
            session,
            person,
            present,
        } => {
            if *present {
                part.attendance.entry(*session).or_default().insert(*person);
            } else {
                if let Some(people) = part.attendance.get_mut(session) {
                    people.remove(person);
                }
                if let Some(feedback) = part.feedback.get_mut(session) {
                    feedback.remove(person);
                }
            }
        }
        Event::FeedbackSaved { feedback } => {
            part.feedback
                .entry(feedback.session)
                .or_default()
                .insert(feedback.person, feedback.clone());
        }
    }
}

/// Gives freed seats to the waitlist, first ticket first, until the session
/// is full or nobody waits. A ticket whose registration this state cannot
/// see (a browser's partial view) stops the promotion: the server, which
/// sees everything, will do it.
fn promote(
    state: &State,
    session: &Session,
    occupancy: &mut Occupancy,
    now: DateTime<Utc>,
    events: &mut Vec<Event>,
) {
    while occupancy.registered < session.capacity {
        let Some(&ticket) = occupancy.waitlist.first() else {
            break;
        };
        let waiting = state
            .webinars
            .registrations
            .get(&session.id)
            .into_iter()
            .flat_map(|m| m.values())
            .find(|r| r.ticket == ticket && r.status == RegistrationStatus::Waitlisted);
        let Some(waiting) = waiting else {
            break;
        };
        occupancy.waitlist.remove(0);
        occupancy.registered += 1;
        events.push(Event::Promoted {
            registration: Registration {
                status: RegistrationStatus::Registered,
                since: now,
                ..waiting.clone()
            },
            session: session.clone(),
            occupancy: occupancy.clone(),
            cards: Vec::new(),
        });
    }
}

fn session_of(state: &State, id: SessionId) -> Result<&Session, Rejection> {
    state
        .webinars
        .sessions
        .get(&id)
        .ok_or_else(|| Rejection::not_found(Entity::Session, id))
}

/// Whether the actor runs `session`: an active trainer among its trainers.
pub(crate) fn trains(state: &State, actor: &Actor, session: &Session) -> bool {
    actor
        .person_id()
        .is_some_and(|p| session.trainers.contains(&p))
        && has_role(state, actor, Role::Trainer)
}

/// `Ok` for a trainer of the session, an administrator of its organisation
/// or the system.
fn require_manager(state: &State, actor: &Actor, session: &Session) -> Result<(), Rejection> {
    if trains(state, actor, session) || administers(state, actor, session.org) {
        Ok(())
    } else {
        Err(CommonRejection::NotAllowed.into())
    }
}

/// Whether the acting person is among `trainers`.
fn trains_in(actor: &Actor, trainers: &BTreeSet<PersonId>) -> bool {
    actor.person_id().is_some_and(|p| trainers.contains(&p))
}

/// Whether the actor may change `org`'s training paths: its active trainers
/// and administrators, or the system.
fn may_curate(state: &State, actor: &Actor, org: OrgId) -> bool {
    administers(state, actor, org)
        || (crate::actor::actor_org(state, actor) == Some(org)
            && has_role(state, actor, Role::Trainer))
}

fn require_scheduled(session: &Session) -> Result<(), Rejection> {
    match session.status {
        SessionStatus::Scheduled => Ok(()),
        SessionStatus::Cancelled => Err(WebinarRejection::SessionCancelled.into()),
    }
}

fn check_optional_text(field: &str, value: &str, max: usize) -> Result<(), Rejection> {
    if value.chars().count() > max {
        Err(Rejection::invalid(field, Problem::TooLong))
    } else {
        Ok(())
    }
}

/// Checks the trainers and returns their organisation, which becomes the
/// session's: they must all belong to one (`current`, for an existing
/// session). A person of another organisation does not exist for it.
fn check_trainers(
    state: &State,
    trainers: &BTreeSet<PersonId>,
    mut current: Option<OrgId>,
) -> Result<OrgId, Rejection> {
    if trainers.is_empty() {
        return Err(Rejection::invalid("trainers", Problem::Empty));
    }
    if trainers.len() > MAX_TRAINERS {
        return Err(Rejection::invalid("trainers", Problem::TooLong));
    }
    for id in trainers {
        let person = state
            .directory
            .people
            .get(id)
            .ok_or_else(|| Rejection::not_found(Entity::Person, *id))?;
        let org = *current.get_or_insert(person.org);
        if person.org != org {
            return Err(Rejection::not_found(Entity::Person, *id));
        }
        if !person.active || !person.roles.contains(&Role::Trainer) {
            return Err(WebinarRejection::SessionTrainerWithoutRole { person: *id }.into());
        }
    }
    current.ok_or_else(|| Rejection::invalid("trainers", Problem::Empty))
}

fn check_audience(state: &State, org: OrgId, audience: &Audience) -> Result<(), Rejection> {
    if let Audience::Teams { teams } = audience {
        if teams.is_empty() {
            return Err(Rejection::invalid("audience", Problem::Empty));
        }
        for team in teams {
            if state.directory.org_of_team(*team) != Some(org) {
                return Err(Rejection::not_found(Entity::Team, *team));
            }
        }
    }
    Ok(())
}

fn check_materials(materials: &[super::MaterialInput]) -> Result<Vec<Material>, Rejection> {
    if materials.len() > MAX_MATERIALS {
        return Err(Rejection::invalid("materials", Problem::TooLong));
    }
    materials
        .iter()
        .enumerate()
        .map(|(index, m)| {
            check_text("materials.title", &m.title, TITLE_MAX)?;
            let url = m.url.trim();
            if !check_material_url(url) {
                return Err(WebinarRejection::SessionMaterialLinkInvalid {
                    index: u32::try_from(index).unwrap_or(u32::MAX),
                }
                .into());
            }
            Ok(Material {
                title: m.title.trim().to_owned(),
                url: url.to_owned(),
            })
        })
        .collect()
}
