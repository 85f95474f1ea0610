//! Authorisation and rules of each agile command, and how its events change
//! the state.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};

use super::index::{put_absence, put_day, remove_absence};
use super::rules::{check_share, coverage, expand, DayCheck, MAX_ABSENCE_DAYS};
use super::{
    Absence, AbsenceDetail, Activity, Command, DayPlan, DayStatus, Decision, Event, RefusedDay,
    Rejection as AgileRejection, Request, Withdrawal,
};
use crate::actor::{acting_person, manages, require_admin, Actor};
use crate::calendar::rome_date;
use crate::ids::{PersonId, RequestId};
use crate::rejection::{CommonRejection, Entity, Problem, Rejection};
use crate::{Event as AnyEvent, State};

/// The longest note on a request, decision or absence.
const NOTE_MAX: usize = 500;
/// The longest activity note.
const ACTIVITY_NOTE_MAX: usize = 1_000;
/// The most objectives one day's activity may name.
const ACTIVITY_OBJECTIVES_MAX: usize = 20;

fn check_note(field: &str, note: &str, max: usize) -> Result<(), Rejection> {
    if note.chars().count() > max {
        Err(Rejection::invalid(field, Problem::TooLong))
    } else {
        Ok(())
    }
}

/// Whether the owner may still take `day` back on `today`: planned and not
/// started (in Rome).
fn may_cancel(day: &DayPlan, today: NaiveDate) -> Result<(), AgileRejection> {
    if !day.status.is_active() {
        Err(AgileRejection::DayNotActive { date: day.date })
    } else if day.date <= today {
        Err(AgileRejection::DayStarted { date: day.date })
    } else {
        Ok(())
    }
}

fn cancelled(days: Vec<DayPlan>) -> Event {
    Event::DaysCancelled {
        days: days
            .into_iter()
            .map(|day| DayPlan {
                status: DayStatus::Cancelled,
                ..day
            })
            .collect(),
    }
}

fn not_allowed() -> Rejection {
    CommonRejection::NotAllowed.into()
}

/// Checks and turns an agile command into events.
pub fn apply(
    state: &State,
    actor: &Actor,
    command: &Command,
    now: DateTime<Utc>,
) -> Result<Vec<AnyEvent>, Rejection> {
    let today = rome_date(now);
    let event = match command {
        Command::RequestDays {
            id,
            days,
            mode,
            place,
            note,
        } => {
            let me = acting_person(state, actor)?;
            if state.agile.requests.contains_key(id) {
                return Err(CommonRejection::AlreadyExists {
                    entity: Entity::Request,
                    id: (*id).into(),
                }
                .into());
            }
            check_note("note", note, NOTE_MAX)?;
            let dates = expand(days)?;
            let check = DayCheck::new(state, me.id, today, *mode, place);
            let mut accepted = BTreeSet::new();
            let mut refused = Vec::new();
            for date in dates {
                match check.check(date, &accepted) {
                    Ok(()) => {
                        accepted.insert(date);
                    }
                    Err(reason) => refused.push(RefusedDay { date, reason }),
                }
            }
            if accepted.is_empty() {
                return Err(match refused.len() {
                    1 => refused.remove(0).reason.into(),
                    _ => AgileRejection::NoDayAccepted { refused }.into(),
                });
            }
            let days = accepted
                .iter()
                .map(|date| DayPlan {
                    person: me.id,
                    date: *date,
                    request: *id,
                    mode: *mode,
                    place: place.clone(),
                    status: DayStatus::Pending,
                    decided_by: None,
                    decision_note: None,
                    withdrawn_for: None,
                    activity: None,
                })
                .collect();
            Event::DaysRequested {
                request: Request {
                    id: *id,
                    person: me.id,
                    dates: accepted,
                    note: note.trim().to_owned(),
                },
                days,
                refused,
            }
        }
        Command::CancelDays { request, dates } => {
            let request = request_of(state, *request)?;
            let me = acting_person(state, actor)?;
            if me.id != request.person {
                return Err(not_allowed());
            }
            let selected = select(state, request, dates.as_deref(), |day| {
                may_cancel(day, today)
            })?;
            cancelled(selected)
        }
        Command::CancelRange { from, until } => {
            let me = acting_person(state, actor)?;
            if until < from {
                return Err(Rejection::invalid("until", Problem::EndBeforeStart));
            }
            let selected: Vec<DayPlan> = state
                .agile
                .days
                .get(&me.id)
                .into_iter()
                .flat_map(|d| d.range(*from..=*until))
                .filter(|(_, day)| may_cancel(day, today).is_ok())
                .map(|(_, day)| day.clone())
                .collect();
            if selected.is_empty() {
                return Err(AgileRejection::NothingToCancel {
                    from: *from,
                    until: *until,
                }
                .into());
            }
            cancelled(selected)
        }
        Command::DecideDays {
            request,
            dates,
            decision,
            note,
            acknowledge_coverage,
        } => {
            let request = request_of(state, *request)?;
            if !manages(state, actor, request.person) {
                return Err(not_allowed());
            }
            // A lead does not approve their own days; an administrator may.
            if actor.person_id() == Some(request.person) && require_admin(state, actor).is_err() {
                return Err(not_allowed());
            }
            match decision {
                Decision::Reject => crate::rejection::check_text("note", note, NOTE_MAX)?,
                Decision::Approve => check_note("note", note, NOTE_MAX)?,
            }
            let selected = select(state, request, dates.as_deref(), |day| {
                if day.status == DayStatus::Pending {
                    Ok(())
                } else {
                    Err(AgileRejection::DayNotPending { date: day.date })
                }
            })?;
            if *decision == Decision::Approve {
                check_presence(state, request.person, &selected, *acknowledge_coverage)?;
            }
            let status = match decision {
                Decision::Approve => DayStatus::Approved,
                Decision::Reject => DayStatus::Rejected,
            };
            let note = note.trim();
            Event::DaysDecided {
                days: selected
                    .into_iter()
                    .map(|day| DayPlan {
                        status,
                        decided_by: actor.person_id(),
                        decision_note: (!note.is_empty()).then(|| note.to_owned()),
                        ..day
                    })
                    .collect(),
            }
        }
        Command::RecordAbsence {
            id,
            person,
            from,
            until,
            kind,
            reason,
        } => {
            if !state.directory.people.contains_key(person) {
                return Err(Rejection::not_found(Entity::Person, *person));
            }
            // The person, a lead of their team or an administrator: leads
            // record the leave their people report to them.
            if acting_person(state, actor).map(|p| p.id) != Ok(*person)
                && !manages(state, actor, *person)
            {
                return Err(not_allowed());
            }
            if state.agile.absences.contains_key(id) {
                return Err(CommonRejection::AlreadyExists {
                    entity: Entity::Absence,
                    id: (*id).into(),
                }
                .into());
            }
            if until < from {
                return Err(Rejection::invalid("until", Problem::EndBeforeStart));
            }
            if (*until - *from).num_days() >= MAX_ABSENCE_DAYS {
                return Err(Rejection::invalid("until", Problem::OutOfRange));
            }
            check_note("reason", reason, NOTE_MAX)?;
            if let Some(other) = state.agile.absences_between(*person, *from, *until).next() {
                return Err(AgileRejection::AbsenceOverlaps {
                    date: other.from.max(*from),
                }
                .into());
            }
            let withdrawn = state
                .agile
                .days
                .get(person)
                .into_iter()
                .flat_map(|d| d.range(*from..=*until))
                .filter(|(_, d)| d.status.is_active())
                .map(|(_, d)| DayPlan {
                    status: DayStatus::Withdrawn,
                    withdrawn_for: Some(Withdrawal::Absence),
                    ..d.clone()
                })
                .collect();
            Event::AbsenceRecorded {
                absence: Absence {
                    id: *id,
                    person: *person,
                    from: *from,
                    until: *until,
                    detail: Some(AbsenceDetail {
                        kind: *kind,
                        reason: reason.trim().to_owned(),
                    }),
                },
                withdrawn,
            }
        }
        Command::CancelAbsence { id } => {
            let absence = state
                .agile
                .absences
                .get(id)
                .ok_or_else(|| Rejection::not_found(Entity::Absence, *id))?;
            if acting_person(state, actor).map(|p| p.id) != Ok(absence.person)
                && !manages(state, actor, absence.person)
            {
                return Err(not_allowed());
            }
            Event::AbsenceCancelled {
                absence: absence.clone(),
            }
        }
        Command::LogActivity {
            date,
            objectives,
            note,
        } => {
            let me = acting_person(state, actor)?;
            let day = state
                .agile
                .day(me.id, *date)
                .filter(|d| d.status == DayStatus::Approved)
                .ok_or(AgileRejection::ActivityWithoutAgileDay { date: *date })?;
            if *date > today {
                return Err(AgileRejection::ActivityInFuture { date: *date }.into());
            }
            check_note("note", note, ACTIVITY_NOTE_MAX)?;
            if objectives.len() > ACTIVITY_OBJECTIVES_MAX {
                return Err(Rejection::invalid("objectives", Problem::TooLong));
            }
            let unique = crate::order::set(objectives);
            if unique.len() != objectives.len() {
                return Err(Rejection::invalid("objectives", Problem::Duplicate));
            }
            // Work is logged against one's own or one's team's objectives
            // that are under way; anything else looks as if it did not exist.
            if let Some(other) = objectives
                .iter()
                .find(|o| !crate::objectives::authority::may_log_work(state, me.id, **o))
            {
                return Err(Rejection::not_found(Entity::Objective, *other));
            }
            Event::ActivityLogged {
                day: DayPlan {
                    activity: Some(Activity {
                        objectives: objectives.clone(),
                        note: note.trim().to_owned(),
                    }),
                    ..day.clone()
                },
            }
        }
    };
    Ok(vec![AnyEvent::Agile(event)])
}

fn request_of(state: &State, id: RequestId) -> Result<&Request, Rejection> {
    state
        .agile
        .requests
        .get(&id)
        .ok_or_else(|| Rejection::not_found(Entity::Request, id))
}

/// The days of `request` a command acts on: the given dates (each must
/// belong to the request and pass `fits`), or, when none are given, every
/// day of the request that passes `fits` (refused when there is none).
fn select(
    state: &State,
    request: &Request,
    dates: Option<&[NaiveDate]>,
    fits: impl Fn(&DayPlan) -> Result<(), AgileRejection>,
) -> Result<Vec<DayPlan>, Rejection> {
    let own_day = |date: NaiveDate| {
        state
            .agile
            .day(request.person, date)
            .filter(|d| d.request == request.id && request.dates.contains(&date))
    };
    match dates {
        Some(dates) => {
            let dates: BTreeSet<NaiveDate> = crate::order::set(dates.iter().copied());
            if dates.is_empty() {
                return Err(Rejection::invalid("dates", Problem::Empty));
            }
            dates
                .into_iter()
                .map(|date| {
                    let day = own_day(date).ok_or(AgileRejection::DayNotInRequest { date })?;
                    fits(day)?;
                    Ok(day.clone())
                })
                .collect()
        }
        None => {
            let days: Vec<DayPlan> = request
                .dates
                .iter()
                .filter_map(|date| own_day(*date))
                .filter(|day| fits(day).is_ok())
                .cloned()
                .collect();
            if days.is_empty() {
                return Err(Rejection::invalid("dates", Problem::Empty));
            }
            Ok(days)
        }
    }
}

/// Before approving: office-only dates and the team's share cap are hard
/// limits; going under the minimum office presence is refused unless the
/// lead acknowledges it.
fn check_presence(
    state: &State,
    person: PersonId,
    days: &[DayPlan],
    acknowledged: bool,
) -> Result<(), Rejection> {
    let Some(team) = state
        .directory
        .people
        .get(&person)
        .and_then(|p| p.team)
        .and_then(|t| state.directory.teams.get(&t))
    else {
        return Ok(());
    };
    for day in days {
        // A team meeting fixed after the request still keeps everyone in.
        if let Some(note) = team.office_only.get(&day.date) {
            return Err(AgileRejection::OfficeOnlyDay {
                date: day.date,
                note: note.clone(),
            }
            .into());
        }
        check_share(state, team, day.date)?;
        let cov = coverage(state, team.id, day.date);
        let in_office = cov.in_office.saturating_sub(1);
        if in_office < cov.minimum && !acknowledged {
            return Err(AgileRejection::CoverageBelowMinimum {
                date: day.date,
                in_office,
                minimum: cov.minimum,
            }
            .into());
        }
    }
    Ok(())
}

/// Applies an agile event: each day plan replaces the person's record for
/// its date, and the counts follow.
pub fn apply_event(state: &mut State, event: &Event) {
    match event {
        Event::DaysRequested { request, days, .. } => {
            state.agile.requests.insert(request.id, request.clone());
            for day in days {
                put_day(state, day);
            }
        }
        Event::DaysDecided { days } | Event::DaysCancelled { days } => {
            for day in days {
                put_day(state, day);
            }
        }
        Event::AbsenceRecorded { absence, withdrawn } => {
            for day in withdrawn {
                put_day(state, day);
            }
            put_absence(state, absence);
        }
        Event::AbsenceCancelled { absence } => remove_absence(state, absence.id),
        Event::ActivityLogged { day } => put_day(state, day),
        Event::TeamCounts { team, counts } => {
            let dates = state.agile.team_days.entry(*team).or_default();
            for (date, count) in counts {
                if count.is_empty() {
                    dates.remove(date);
                } else {
                    dates.insert(*date, *count);
                }
            }
            if dates.is_empty() {
                state.agile.team_days.remove(team);
            }
        }
    }
}
