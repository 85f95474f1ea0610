//! The notifications that time alone makes due.

use chrono::{DateTime, Duration, Timelike, Utc};

use super::{Kind, Notification};
use crate::actor::manages;
use crate::agile::DayStatus;
use crate::calendar::{rome_date, to_rome};
use crate::directory::Role;
use crate::ids::PersonId;
use crate::webinars::{RegistrationStatus, SessionStatus};
use crate::{Actor, State};

/// How long before a webinar the last reminder goes, with the join link.
pub const SOON: Duration = Duration::minutes(15);

/// A request waiting more working days than this is recalled to the lead.
pub const PENDING_WORKING_DAYS: u32 = 3;

/// How many days before a fixed-term agreement ends the person and the
/// administrators are told (the notice a withdrawal needs).
pub const AGREEMENT_ENDING_DAYS: i64 = 30;

/// The Rome hour from which the day-after reminders go (not at midnight).
const MORNING_HOUR: u32 = 9;

/// Every timed notification due at `now`, with deterministic ids: the same
/// thing gets the same id at every call, so [`super::Command::Notify`]
/// delivers it once however often this runs. The rules:
/// - a webinar starting within a day → each registrant holding a seat
///   ([`Kind::WebinarTomorrow`]); within [`SOON`] → again, with the join
///   link ([`Kind::WebinarSoon`]); a moved session is told again;
/// - an approved day away whose activity note is still missing, from 9:00 on
///   the person's next working day → the person;
/// - a request with days still pending more than
///   [`PENDING_WORKING_DAYS`] working days after a lead was told → that lead,
///   while they still manage the person;
/// - a fixed-term agreement ending within 30 days → the person and the
///   administrators of their organisation.
#[must_use]
pub fn due(state: &State, now: DateTime<Utc>) -> Vec<Notification> {
    let mut out = Vec::new();
    webinars(state, now, &mut out);
    activity(state, now, &mut out);
    pending(state, now, &mut out);
    agreements(state, now, &mut out);
    out
}

fn active(state: &State, person: PersonId) -> bool {
    state
        .directory
        .people
        .get(&person)
        .is_some_and(|p| p.active)
}

fn webinars(state: &State, now: DateTime<Utc>, out: &mut Vec<Notification>) {
    for session in state.webinars.sessions.values() {
        if session.status != SessionStatus::Scheduled || session.start <= now {
            continue;
        }
        let until = session.start - now;
        let kind = if until <= SOON {
            Kind::WebinarSoon
        } else if until <= Duration::days(1) {
            Kind::WebinarTomorrow
        } else {
            continue;
        };
        let Some(registrations) = state.webinars.registrations.get(&session.id) else {
            continue;
        };
        for r in registrations.values() {
            if r.status != RegistrationStatus::Registered || !active(state, r.person) {
                continue;
            }
            let id = format!(
                "{}-{}-{}-{}",
                kind.code(),
                session.id,
                session.start.timestamp(),
                r.person
            );
            let mut n = Notification::new(id, r.person, kind, now);
            n.session = Some(session.id);
            n.title = session.title.clone();
            n.start = Some(session.start);
            n.note = session.join_link.clone().unwrap_or_default();
            out.push(n);
        }
    }
}

fn activity(state: &State, now: DateTime<Utc>, out: &mut Vec<Notification>) {
    if to_rome(now).hour() < MORNING_HOUR {
        return;
    }
    let today = rome_date(now);
    for (person, days) in &state.agile.days {
        if !active(state, *person) {
            continue;
        }
        let holidays = state.directory.holidays_of(*person);
        if !holidays.is_working_day(today) {
            continue;
        }
        // The working day before today (a week at most is ever skipped).
        let Some(previous) = (1..=10)
            .filter_map(|back| today.checked_sub_signed(Duration::days(back)))
            .find(|d| holidays.is_working_day(*d))
        else {
            continue;
        };
        let Some(day) = days.get(&previous) else {
            continue;
        };
        if day.status != DayStatus::Approved || day.activity.is_some() {
            continue;
        }
        let id = format!("{}-{person}-{previous}", Kind::ActivityMissing.code());
        let mut n = Notification::new(id, *person, Kind::ActivityMissing, now);
        n.dates = vec![previous];
        out.push(n);
    }
}

fn pending(state: &State, now: DateTime<Utc>, out: &mut Vec<Notification>) {
    let today = rome_date(now);
    for (lead, inbox) in &state.notifications.inbox {
        if !active(state, *lead) {
            continue;
        }
        for told in inbox.values() {
            if told.kind != Kind::DaysRequested {
                continue;
            }
            let (Some(request_id), Some(person)) = (told.request, told.person) else {
                continue;
            };
            let Some(request) = state.agile.requests.get(&request_id) else {
                continue;
            };
            let still: Vec<_> = request
                .dates
                .iter()
                .copied()
                .filter(|d| {
                    state
                        .agile
                        .day(person, *d)
                        .is_some_and(|p| p.status == DayStatus::Pending && p.request == request_id)
                })
                .collect();
            if still.is_empty() || !manages(state, &Actor::Person(*lead), person) {
                continue;
            }
            let holidays = state.directory.holidays_of(person);
            let mut waited = 0;
            let mut day = rome_date(told.at);
            while day < today && waited <= PENDING_WORKING_DAYS {
                let Some(next) = day.succ_opt() else { break };
                day = next;
                if holidays.is_working_day(day) {
                    waited += 1;
                }
            }
            if waited <= PENDING_WORKING_DAYS {
                continue;
            }
            let id = format!("{}-{request_id}-{lead}", Kind::RequestPending.code());
            let mut n = Notification::new(id, *lead, Kind::RequestPending, now);
            n.person = Some(person);
            n.request = Some(request_id);
            n.dates = still;
            n.title = told.title.clone();
            out.push(n);
        }
    }
}

fn agreements(state: &State, now: DateTime<Utc>, out: &mut Vec<Notification>) {
    let today = rome_date(now);
    let dir = &state.directory;
    for agreement in dir.agreements.values() {
        let Some(until) = agreement.valid_until else {
            continue;
        };
        let left = (until - today).num_days();
        if agreement.withdrawn_from.is_some() || !(0..=AGREEMENT_ENDING_DAYS).contains(&left) {
            continue;
        }
        let Some(person) = dir.people.get(&agreement.person) else {
            continue;
        };
        let admins = dir
            .people
            .values()
            .filter(|p| p.org == person.org && p.id != person.id && p.roles.contains(&Role::Admin));
        for recipient in std::iter::once(person).chain(admins) {
            if !recipient.active {
                continue;
            }
            let id = format!(
                "{}-{}-{until}-{}",
                Kind::AgreementEnding.code(),
                agreement.id,
                recipient.id
            );
            let mut n = Notification::new(id, recipient.id, Kind::AgreementEnding, now);
            n.agreement = Some(agreement.id);
            n.dates = vec![until];
            if recipient.id != person.id {
                n.person = Some(person.id);
                n.title = person.name.clone();
            }
            out.push(n);
        }
    }
}
