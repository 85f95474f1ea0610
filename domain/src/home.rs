//! What waits for a person on their home page: the selection of "things to
//! do" by role. Pure: the moment is passed in, and everything is read from
//! the state the person sees (their view), so the home page and the pages
//! it links to agree.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::actor::{leads_team, require_admin, Actor};
use crate::agile::{self, DayStatus, Decision, Rejection as AgileRejection};
use crate::calendar::rome_date;
use crate::ids::{AgreementId, ObjectiveId, PersonId, RequestId, SessionId};
use crate::objectives::{authority, Objective, Status};
use crate::webinars::{RegistrationStatus, SessionStatus};
use crate::{Command, Rejection, State};

/// How far back approved days still ask for their activity note.
pub const ACTIVITY_LOOKBACK_DAYS: i64 = 30;
/// How far ahead an objective's end makes it "due".
pub const OBJECTIVE_DUE_DAYS: i64 = 30;
/// How far ahead a lead is warned about coverage.
pub const COVERAGE_DAYS: i64 = 14;
/// How far ahead an ending agreement is shown to administrators.
pub const AGREEMENT_ENDING_DAYS: i64 = 45;
/// How many webinars and sessions the cards list.
pub const NEXT_SESSIONS: usize = 3;

/// Why an objective is on the owner's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjectiveDue {
    /// A lead sent it back: it waits for the owner's revision.
    Revise,
    /// Under way and its period ends within [`OBJECTIVE_DUE_DAYS`].
    EndsSoon,
    /// Under way and its period is over.
    Overdue,
}

/// A request with days waiting for a lead's decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiting {
    pub request: RequestId,
    pub person: PersonId,
    /// Its pending days, in order.
    pub dates: Vec<NaiveDate>,
    /// Those within [`COVERAGE_DAYS`] whose approval would leave the team
    /// under its minimum office presence (the same check the approval makes).
    pub coverage_warnings: Vec<NaiveDate>,
}

/// A session a trainer gives, with its seats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrainerSession {
    pub session: SessionId,
    pub start: DateTime<Utc>,
    pub capacity: u32,
    pub registered: u32,
    pub waitlisted: u32,
}

/// An agreement that ends soon (its end or its withdrawal).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ending {
    pub agreement: AgreementId,
    pub person: PersonId,
    pub on: NaiveDate,
}

/// Everything the home page lists for one person; the parts for roles they
/// do not hold are empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agenda {
    /// Own requests with pending days: the request and its pending dates.
    pub pending_requests: Vec<(RequestId, Vec<NaiveDate>)>,
    /// Approved days away, up to today, whose activity is not logged yet
    /// (most recent first).
    pub activity_due: Vec<NaiveDate>,
    /// Own or own team's objectives that need the person, soonest first.
    pub objectives_due: Vec<(ObjectiveId, ObjectiveDue)>,
    /// Webinars the person holds a seat for or waits for, soonest first.
    pub next_webinars: Vec<(SessionId, RegistrationStatus)>,
    /// Lead: requests waiting for a decision, oldest day first.
    pub to_decide: Vec<Waiting>,
    /// Lead: proposals to agree.
    pub objectives_to_agree: Vec<ObjectiveId>,
    /// Lead: objectives whose period is over, to close with a review.
    pub objectives_to_review: Vec<ObjectiveId>,
    /// Trainer: next sessions they give.
    pub sessions: Vec<TrainerSession>,
    /// Administrator: agreements ending within [`AGREEMENT_ENDING_DAYS`].
    pub agreements_ending: Vec<Ending>,
}

/// What waits for `person` at `now`, read from `state`.
pub fn agenda(state: &State, person: PersonId, now: DateTime<Utc>) -> Agenda {
    let today = rome_date(now);
    let actor = Actor::Person(person);
    Agenda {
        pending_requests: pending_requests(state, person),
        activity_due: activity_due(state, person, today),
        objectives_due: objectives_due(state, &actor, today),
        next_webinars: next_webinars(state, person, now),
        to_decide: to_decide(state, &actor, now),
        objectives_to_agree: led_objectives(state, person, |o| o.status == Status::Proposed),
        objectives_to_review: led_objectives(state, person, |o| {
            matches!(o.status, Status::Agreed | Status::InProgress) && o.period.until < today
        }),
        sessions: trainer_sessions(state, person, now),
        agreements_ending: if require_admin(state, &actor).is_ok() {
            agreements_ending(state, person, today)
        } else {
            Vec::new()
        },
    }
}

fn pending_requests(state: &State, person: PersonId) -> Vec<(RequestId, Vec<NaiveDate>)> {
    let mut out: Vec<(RequestId, Vec<NaiveDate>)> = state
        .agile
        .requests
        .values()
        .filter(|r| r.person == person)
        .filter_map(|r| {
            let dates: Vec<NaiveDate> = r
                .dates
                .iter()
                .copied()
                .filter(|d| {
                    state
                        .agile
                        .day(person, *d)
                        .is_some_and(|p| p.request == r.id && p.status == DayStatus::Pending)
                })
                .collect();
            (!dates.is_empty()).then_some((r.id, dates))
        })
        .collect();
    crate::order::sort_by_key(&mut out, |(id, dates)| (dates.first().copied(), *id));
    out
}

fn activity_due(state: &State, person: PersonId, today: NaiveDate) -> Vec<NaiveDate> {
    let from = today - Duration::days(ACTIVITY_LOOKBACK_DAYS);
    state.agile.days.get(&person).map_or_else(Vec::new, |days| {
        days.range(from..=today)
            .rev()
            .filter(|(_, d)| d.status == DayStatus::Approved && d.activity.is_none())
            .map(|(date, _)| *date)
            .collect()
    })
}

fn objectives_due(
    state: &State,
    actor: &Actor,
    today: NaiveDate,
) -> Vec<(ObjectiveId, ObjectiveDue)> {
    let soon = today + Duration::days(OBJECTIVE_DUE_DAYS);
    let mut out: Vec<(NaiveDate, ObjectiveId, ObjectiveDue)> = state
        .objectives
        .objectives
        .values()
        .filter(|o| authority::is_owner_side(state, actor, o.owner))
        .filter_map(|o| {
            let why = if o.pending_send_back().is_some() {
                ObjectiveDue::Revise
            } else if !matches!(o.status, Status::Agreed | Status::InProgress) {
                return None;
            } else if o.period.until < today {
                ObjectiveDue::Overdue
            } else if o.period.until <= soon {
                ObjectiveDue::EndsSoon
            } else {
                return None;
            };
            Some((o.period.until, o.id, why))
        })
        .collect();
    crate::order::sort_by_key(&mut out, |(until, id, _)| (*until, *id));
    out.into_iter().map(|(_, id, why)| (id, why)).collect()
}

fn next_webinars(
    state: &State,
    person: PersonId,
    now: DateTime<Utc>,
) -> Vec<(SessionId, RegistrationStatus)> {
    let mut out: Vec<(DateTime<Utc>, SessionId, RegistrationStatus)> = state
        .webinars
        .sessions
        .values()
        .filter(|s| s.status == SessionStatus::Scheduled && s.end > now)
        .filter_map(|s| {
            let r = state.webinars.registration(s.id, person)?;
            (r.status != RegistrationStatus::Cancelled).then_some((s.start, s.id, r.status))
        })
        .collect();
    crate::order::sort_by_key(&mut out, |(start, id, _)| (*start, *id));
    out.into_iter()
        .take(NEXT_SESSIONS)
        .map(|(_, id, status)| (id, status))
        .collect()
}

fn to_decide(state: &State, actor: &Actor, now: DateTime<Utc>) -> Vec<Waiting> {
    let today = rome_date(now);
    let horizon = today + Duration::days(COVERAGE_DAYS);
    agile::pending_decisions(state, actor)
        .into_iter()
        .map(|(request, days)| {
            let dates: Vec<NaiveDate> = days.iter().map(|d| d.date).collect();
            let coverage_warnings = dates
                .iter()
                .copied()
                .filter(|d| *d >= today && *d <= horizon)
                .filter(|d| approval_warns(state, actor, request.id, *d, now))
                .collect();
            Waiting {
                request: request.id,
                person: request.person,
                dates,
                coverage_warnings,
            }
        })
        .collect()
}

/// Whether approving `date` alone would be refused for coverage: asked of
/// the approval itself, so the warning and the rule cannot drift apart.
fn approval_warns(
    state: &State,
    actor: &Actor,
    request: RequestId,
    date: NaiveDate,
    now: DateTime<Utc>,
) -> bool {
    let approve = Command::Agile(agile::Command::DecideDays {
        request,
        dates: Some(vec![date]),
        decision: Decision::Approve,
        note: String::new(),
        acknowledge_coverage: false,
    });
    matches!(
        crate::apply(state, actor, &approve, now),
        Err(Rejection::Agile(
            AgileRejection::CoverageBelowMinimum { .. }
        ))
    )
}

/// Objectives of teams `person` leads (as a lead, not as an administrator
/// only, and never their own) that `wanted` selects, by end of period.
fn led_objectives(
    state: &State,
    person: PersonId,
    wanted: impl Fn(&Objective) -> bool,
) -> Vec<ObjectiveId> {
    let actor = Actor::Person(person);
    let is_lead = state
        .directory
        .people
        .get(&person)
        .is_some_and(|p| p.active && p.roles.contains(&crate::directory::Role::Lead));
    if !is_lead {
        return Vec::new();
    }
    let mut out: Vec<(NaiveDate, ObjectiveId)> = state
        .objectives
        .objectives
        .values()
        .filter(|o| wanted(o))
        .filter(|o| {
            authority::owner_team(state, o.owner).is_some_and(|t| leads_team(state, person, t))
                && !authority::is_self_approval(state, &actor, o.owner)
        })
        .map(|o| (o.period.until, o.id))
        .collect();
    crate::order::sort(&mut out);
    out.into_iter().map(|(_, id)| id).collect()
}

fn trainer_sessions(state: &State, person: PersonId, now: DateTime<Utc>) -> Vec<TrainerSession> {
    let mut out: Vec<TrainerSession> = state
        .webinars
        .sessions
        .values()
        .filter(|s| s.trainers.contains(&person))
        .filter(|s| s.status == SessionStatus::Scheduled && s.end > now)
        .map(|s| {
            let seats = state.webinars.seats(s.id);
            TrainerSession {
                session: s.id,
                start: s.start,
                capacity: s.capacity,
                registered: seats.as_ref().map_or(0, |x| x.registered),
                waitlisted: seats.as_ref().map_or(0, |x| x.waitlisted),
            }
        })
        .collect();
    crate::order::sort_by_key(&mut out, |s| (s.start, s.session));
    out.truncate(NEXT_SESSIONS);
    out
}

fn agreements_ending(state: &State, admin: PersonId, today: NaiveDate) -> Vec<Ending> {
    let horizon = today + Duration::days(AGREEMENT_ENDING_DAYS);
    let org_of = |p: PersonId| state.directory.people.get(&p).map(|p| p.org);
    let org = org_of(admin);
    let mut out: Vec<Ending> = state
        .directory
        .agreements
        .values()
        .filter(|a| org_of(a.person) == org)
        .filter_map(|a| {
            let on = match (a.withdrawn_from, a.valid_until) {
                // The last day in force is the day before a withdrawal.
                (Some(w), Some(u)) => (w - Duration::days(1)).min(u),
                (Some(w), None) => w - Duration::days(1),
                (None, Some(u)) => u,
                (None, None) => return None,
            };
            (on >= today && on <= horizon).then_some(Ending {
                agreement: a.id,
                person: a.person,
                on,
            })
        })
        .collect();
    crate::order::sort_by_key(&mut out, |e| (e.on, e.agreement));
    out
}

#[cfg(test)]
mod tests;
