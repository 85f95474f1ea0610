//! Read-only questions the app asks of a state (usually a person's view):
//! what a day looks like in a calendar, and what waits for a lead.

use chrono::NaiveDate;

use super::rules::{holidays, month_bounds};
use super::{Absence, DayPlan, DayStatus, Request};
use crate::actor::{manages, Actor};
use crate::ids::PersonId;
use crate::State;

/// A person's working day as a calendar shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DayKind<'a> {
    /// Weekend or holiday, with its name (`"weekend"` or e.g. `"Natale"`).
    NonWorking { holiday: String },
    /// Covered by an absence (its detail only if the viewer may see it).
    Absent { absence: &'a Absence },
    /// A pending or approved day away.
    Away { plan: &'a DayPlan },
    /// In the office; `last` is a rejected, cancelled or withdrawn request
    /// for the day, if any, so the calendar can say why.
    Office { last: Option<&'a DayPlan> },
}

/// What `person`'s `date` is.
pub fn day_kind(state: &State, person: PersonId, date: NaiveDate) -> DayKind<'_> {
    if let Some(holiday) = holidays(state, person).non_working(date) {
        return DayKind::NonWorking {
            holiday: holiday.to_owned(),
        };
    }
    if let Some(absence) = state.agile.absence_on(person, date) {
        return DayKind::Absent { absence };
    }
    match state.agile.day(person, date) {
        Some(plan) if plan.status.is_active() => DayKind::Away { plan },
        last => DayKind::Office { last },
    }
}

/// Every day of the month of `date` for `person`, in order.
pub fn month_plan(
    state: &State,
    person: PersonId,
    date: NaiveDate,
) -> Vec<(NaiveDate, DayKind<'_>)> {
    let (first, last) = month_bounds(date);
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|d| (d, day_kind(state, person, d)))
        .collect()
}

/// The requests with days waiting for `actor`'s decision (people they
/// manage, not their own), oldest day first, each with its pending days.
pub fn pending_decisions<'a>(
    state: &'a State,
    actor: &Actor,
) -> Vec<(&'a Request, Vec<&'a DayPlan>)> {
    let mut out: Vec<(&Request, Vec<&DayPlan>)> = state
        .agile
        .requests
        .values()
        .filter(|r| actor.person_id() != Some(r.person) && manages(state, actor, r.person))
        .filter_map(|r| {
            let days: Vec<&DayPlan> = r
                .dates
                .iter()
                .filter_map(|d| state.agile.day(r.person, *d))
                .filter(|d| d.request == r.id && d.status == DayStatus::Pending)
                .collect();
            (!days.is_empty()).then_some((r, days))
        })
        .collect();
    crate::order::sort_by_key(&mut out, |(r, days)| (days.first().map(|d| d.date), r.id));
    out
}
