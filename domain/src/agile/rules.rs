//! The checks every requested day must pass, and the two measures the UI
//! shows beside them: a team's coverage and a person's prevalence count.

use std::cell::RefCell;
use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate};

use super::{Part, Rejection};
use crate::calendar::{iso_week_label, month_label, working_days_in_month, Holidays};
use crate::directory::{Agreement, Place, Team, WorkMode};
use crate::ids::{PersonId, TeamId};
use crate::State;

/// The longest span a recurring request may cover, in days (a year).
pub const MAX_REQUEST_SPAN_DAYS: i64 = 366;

/// The longest single absence, in days; longer leave is recorded in parts.
pub const MAX_ABSENCE_DAYS: i64 = 366;

/// The non-working days of `person`: weekends, national holidays and their
/// own organisation's holidays (each organisation of a partnership has its
/// own patron saint).
pub(super) fn holidays(state: &State, person: PersonId) -> Holidays<'_> {
    state.directory.holidays_of(person)
}

/// First and last day of the month of `date`.
pub(super) fn month_bounds(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = date.with_day(1).unwrap_or(date);
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(NaiveDate::MAX);
    (first, next.pred_opt().unwrap_or(first))
}

/// Monday and Sunday of the ISO week of `date`.
fn week_bounds(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    // Checked: dates near chrono's limits (kept out by `boundary`, but a
    // stored state may predate that check) must not panic.
    let back = Duration::days(i64::from(date.weekday().num_days_from_monday()));
    let monday = date.checked_sub_signed(back).unwrap_or(date);
    (
        monday,
        monday.checked_add_signed(Duration::days(6)).unwrap_or(date),
    )
}

/// Pending and approved days of `person` from `from` to `until`.
fn active_days(part: &Part, person: PersonId, from: NaiveDate, until: NaiveDate) -> u32 {
    part.days.get(&person).map_or(0, |d| {
        let n = d
            .range(from..=until)
            .filter(|(_, p)| p.status.is_active())
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    })
}

fn in_range(set: &BTreeSet<NaiveDate>, from: NaiveDate, until: NaiveDate) -> u32 {
    u32::try_from(set.range(from..=until).count()).unwrap_or(u32::MAX)
}

/// A team's office presence on a day: who is away, who must be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Coverage {
    /// Active members of the team.
    pub team_size: u32,
    /// Members with an approved day away.
    pub away: u32,
    /// Members absent.
    pub absent: u32,
    /// Members with a day away still to be decided.
    pub pending: u32,
    /// Members in the office (pending days not counted as away).
    pub in_office: u32,
    /// The team's minimum office presence for its size.
    pub minimum: u32,
}

impl Coverage {
    /// Whether presence is already under the minimum.
    pub fn is_below_minimum(&self) -> bool {
        self.in_office < self.minimum
    }
}

/// The office presence of `team` on `date`: the lead's view before
/// approving, and the UI's calendar colours. Cheap: two map look-ups.
pub fn coverage(state: &State, team: TeamId, date: NaiveDate) -> Coverage {
    let team_size = state
        .agile
        .members
        .get(&team)
        .map_or(0, |m| u32::try_from(m.len()).unwrap_or(u32::MAX));
    let counts = state.agile.team_day(team, date);
    let minimum = state
        .directory
        .teams
        .get(&team)
        .map_or(0, |t| t.min_office.required(team_size));
    Coverage {
        team_size,
        away: counts.away,
        absent: counts.absent,
        pending: counts.pending,
        in_office: team_size.saturating_sub(counts.away + counts.absent),
        minimum,
    }
}

/// A person's month against the prevalence of office work (DM 8.10.2021,
/// INPS message 1409/2022): office days must outnumber days away, over the
/// working days net of absences. 22 working days allow at most 10 days
/// away; with 8 days of leave, at most 6.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prevalence {
    /// `"2026-11"`.
    pub month: String,
    /// Working days of the month (weekends and holidays excluded).
    pub working_days: u32,
    /// Working days covered by the person's absences.
    pub absent_days: u32,
    /// The most days away the month allows: fewer than half the rest.
    pub max_days: u32,
    /// Days away already pending or approved.
    pub planned: u32,
}

/// The prevalence count of `person` in the month of `date`.
pub fn prevalence(state: &State, person: PersonId, date: NaiveDate) -> Prevalence {
    let (working_days, absent_days) = month_base(state, person, date);
    prevalence_from(state, person, date, working_days, absent_days)
}

fn prevalence_from(
    state: &State,
    person: PersonId,
    date: NaiveDate,
    working_days: u32,
    absent_days: u32,
) -> Prevalence {
    let (first, last) = month_bounds(date);
    let net = working_days.saturating_sub(absent_days);
    Prevalence {
        month: month_label(date),
        working_days,
        absent_days,
        max_days: net.saturating_sub(1) / 2,
        planned: active_days(&state.agile, person, first, last),
    }
}

/// Working days of the month of `date`, and how many of them the person's
/// absences cover.
fn month_base(state: &State, person: PersonId, date: NaiveDate) -> (u32, u32) {
    let hol = holidays(state, person);
    let (first, last) = month_bounds(date);
    let working_days = u32::try_from(working_days_in_month(date, hol).len()).unwrap_or(0);
    let absent_days: u32 = state
        .agile
        .absences_between(person, first, last)
        .map(|a| {
            let from = a.from.max(first);
            let until = a.until.min(last);
            let n = from
                .iter_days()
                .take_while(|d| *d <= until)
                .filter(|d| hol.is_working_day(*d))
                .count();
            u32::try_from(n).unwrap_or(0)
        })
        .sum();
    (working_days, absent_days)
}

/// How many members may be away on the same day under a share cap: the
/// percentage of the team rounded down, but at least one when the cap is
/// not zero (a 10% cap must not forbid agile work to a team of five).
pub fn share_allows(max_percent: u8, team_size: u32) -> u32 {
    if max_percent == 0 {
        0
    } else {
        (team_size * u32::from(max_percent.min(100)) / 100).max(1)
    }
}

/// Everything a day check needs, gathered once per command.
pub(super) struct DayCheck<'a> {
    pub state: &'a State,
    pub person: PersonId,
    pub team: Option<&'a Team>,
    /// The person's agreements (any period).
    pub agreements: Vec<&'a Agreement>,
    pub today: NaiveDate,
    pub mode: WorkMode,
    pub place: &'a Place,
    /// [`month_base`] of the months met so far: a recurring request
    /// meets the same few months again and again.
    months: RefCell<Vec<(NaiveDate, (u32, u32))>>,
}

impl<'a> DayCheck<'a> {
    /// Gathers the person's agreements and team through the indexes.
    pub fn new(
        state: &'a State,
        person: PersonId,
        today: NaiveDate,
        mode: WorkMode,
        place: &'a Place,
    ) -> Self {
        let agreements = state
            .agile
            .agreements
            .get(&person)
            .into_iter()
            .flatten()
            .filter_map(|id| state.directory.agreements.get(id))
            .collect();
        let team = state
            .directory
            .people
            .get(&person)
            .and_then(|p| p.team)
            .and_then(|t| state.directory.teams.get(&t));
        DayCheck {
            state,
            person,
            team,
            agreements,
            today,
            mode,
            place,
            months: RefCell::new(Vec::new()),
        }
    }

    fn month_base(&self, date: NaiveDate) -> (u32, u32) {
        let (first, _) = month_bounds(date);
        let mut months = self.months.borrow_mut();
        if let Some((_, base)) = months.iter().find(|(m, _)| *m == first) {
            return *base;
        }
        let base = month_base(self.state, self.person, date);
        months.push((first, base));
        base
    }

    /// Checks one day; `accepted` are the days of the same request that
    /// already passed (they count towards the limits).
    pub fn check(&self, date: NaiveDate, accepted: &BTreeSet<NaiveDate>) -> Result<(), Rejection> {
        let part = &self.state.agile;
        if date <= self.today {
            return Err(Rejection::DayStarted { date });
        }
        if let Some(holiday) = holidays(self.state, self.person).non_working(date) {
            return Err(Rejection::NonWorkingDay {
                date,
                holiday: holiday.to_owned(),
            });
        }
        if part.absence_on(self.person, date).is_some() {
            return Err(Rejection::AbsentOnDay { date });
        }
        if part
            .day(self.person, date)
            .is_some_and(|d| d.status.is_active())
            || accepted.contains(&date)
        {
            return Err(Rejection::DayAlreadyPlanned { date });
        }
        let agreement = self
            .agreements
            .iter()
            .find(|a| a.in_force(date))
            .ok_or(Rejection::AgreementMissing { date })?;
        if agreement.mode != self.mode {
            return Err(Rejection::AgreementMode {
                date,
                mode: agreement.mode,
            });
        }
        if !agreement.allows_weekday(date.weekday()) {
            return Err(Rejection::AgreementWeekday {
                date,
                weekday: date.weekday(),
            });
        }
        if !agreement.places.contains(self.place) {
            return Err(Rejection::AgreementPlace { date });
        }
        if let Some(note) = self.team.and_then(|t| t.office_only.get(&date)) {
            return Err(Rejection::OfficeOnlyDay {
                date,
                note: note.clone(),
            });
        }
        let (monday, sunday) = week_bounds(date);
        let in_week =
            active_days(part, self.person, monday, sunday) + in_range(accepted, monday, sunday);
        if in_week >= u32::from(agreement.max_days_per_week) {
            return Err(Rejection::AgreementWeekLimit {
                limit: agreement.max_days_per_week,
                week: iso_week_label(date),
            });
        }
        let (first, last) = month_bounds(date);
        let in_month =
            active_days(part, self.person, first, last) + in_range(accepted, first, last);
        if in_month >= u32::from(agreement.max_days_per_month) {
            return Err(Rejection::AgreementMonthLimit {
                limit: agreement.max_days_per_month,
                month: month_label(date),
            });
        }
        let (working_days, absent_days) = self.month_base(date);
        let prevalence = prevalence_from(self.state, self.person, date, working_days, absent_days);
        if prevalence.planned + in_range(accepted, first, last) >= prevalence.max_days {
            return Err(Rejection::OfficePrevalence {
                month: prevalence.month,
                max_days: prevalence.max_days,
                working_days: prevalence.working_days,
                absent_days: prevalence.absent_days,
            });
        }
        if let Some(team) = self.team {
            self.check_share(team, date)?;
        }
        Ok(())
    }

    fn check_share(&self, team: &Team, date: NaiveDate) -> Result<(), Rejection> {
        check_share(self.state, team, date)
    }
}

/// The team's cap on members away on the same day (approved days count).
pub(super) fn check_share(state: &State, team: &Team, date: NaiveDate) -> Result<(), Rejection> {
    let Some(max_percent) = team.max_agile_share else {
        return Ok(());
    };
    let cov = coverage(state, team.id, date);
    let max_people = share_allows(max_percent, cov.team_size);
    if cov.away + 1 > max_people {
        return Err(Rejection::TeamAgileShare {
            date,
            max_percent,
            max_people,
        });
    }
    Ok(())
}

/// The dates a selection stands for, sorted and without duplicates.
pub(super) fn expand(
    selection: &super::DaySelection,
) -> Result<BTreeSet<NaiveDate>, crate::Rejection> {
    use crate::rejection::Problem;
    let dates: BTreeSet<NaiveDate> = match selection {
        super::DaySelection::Dates { dates } => dates.iter().copied().collect(),
        super::DaySelection::Weekly {
            weekdays,
            from,
            until,
        } => {
            if until < from {
                return Err(crate::Rejection::invalid("until", Problem::EndBeforeStart));
            }
            if (*until - *from).num_days() >= MAX_REQUEST_SPAN_DAYS {
                return Err(crate::Rejection::invalid("until", Problem::OutOfRange));
            }
            from.iter_days()
                .take_while(|d| d <= until)
                .filter(|d| weekdays.contains(&d.weekday()))
                .collect()
        }
    };
    if dates.is_empty() {
        return Err(crate::Rejection::invalid("days", Problem::Empty));
    }
    if dates.len() as i64 > MAX_REQUEST_SPAN_DAYS {
        return Err(crate::Rejection::invalid("days", Problem::TooLong));
    }
    Ok(dates)
}
