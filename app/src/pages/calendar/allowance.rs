//! What the agreement allows and what is left: shown beside the request
//! form, before anything is sent.
//!
//! The domain has no public "days planned in a period" query, so the count
//! here reads the person's day plans and keeps those the domain calls
//! active ([`DayStatus::is_active`]: pending or approved, exactly what its
//! limits count). The month's prevalence figures come from
//! [`vela_domain::agile::prevalence`]. Whether a day passes is never decided
//! here: the request form asks `vela_domain::apply`.

use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;
use vela_domain::agile::{prevalence, Prevalence};
use vela_domain::directory::Agreement;
use vela_domain::ids::PersonId;
use vela_domain::State;

use super::fmt::{day_month, month_name};
use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

/// Monday of the ISO week of `date`.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// First and last day of the month of `date`.
pub fn month_bounds(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = date.with_day(1).unwrap_or(date);
    let last = first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(first);
    (first, last)
}

/// Pending and approved days of `person` from `from` to `until`.
pub fn planned_between(state: &State, person: PersonId, from: NaiveDate, until: NaiveDate) -> u32 {
    state.agile.days.get(&person).map_or(0, |days| {
        let n = days
            .range(from..=until)
            .filter(|(_, d)| d.status.is_active())
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    })
}

/// One period's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// First day of the period (a Monday or the 1st).
    pub start: NaiveDate,
    pub is_week: bool,
    pub limit: u32,
    pub planned: u32,
    /// The month's prevalence count (months only).
    pub prevalence: Option<Prevalence>,
}

impl Row {
    pub fn left(&self) -> u32 {
        self.limit.saturating_sub(self.planned)
    }
}

/// The weeks and months of `dates` (today's first), with their limits.
pub fn rows(
    state: &State,
    person: PersonId,
    agreement: &Agreement,
    dates: &[NaiveDate],
) -> Vec<Row> {
    let mut weeks: Vec<NaiveDate> = Vec::new();
    let mut months: Vec<NaiveDate> = Vec::new();
    for date in dates {
        let monday = monday_of(*date);
        if !weeks.contains(&monday) {
            weeks.push(monday);
        }
        let first = month_bounds(*date).0;
        if !months.contains(&first) {
            months.push(first);
        }
    }
    let mut rows = Vec::new();
    for monday in weeks.into_iter().take(3) {
        rows.push(Row {
            start: monday,
            is_week: true,
            limit: u32::from(agreement.max_days_per_week),
            planned: planned_between(state, person, monday, monday + Duration::days(6)),
            prevalence: None,
        });
    }
    for first in months.into_iter().take(3) {
        let (_, last) = month_bounds(first);
        rows.push(Row {
            start: first,
            is_week: false,
            limit: u32::from(agreement.max_days_per_month),
            planned: planned_between(state, person, first, last),
            prevalence: Some(prevalence(state, person, first)),
        });
    }
    rows
}

/// The agreement's limits and what is left in this week and month and in
/// those of the days being asked for.
#[component]
pub fn AllowanceSummary(
    me: PersonId,
    today: NaiveDate,
    #[prop(into)] agreement: Signal<Option<Agreement>>,
    #[prop(into)] first_date: Signal<Option<NaiveDate>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    move || {
        let t = &i18n.t().calendar;
        let locale = i18n.locale();
        let agreement = agreement.get()?;
        let mut dates = vec![today];
        dates.extend(first_date.get());
        let rows = state.with(|s| rows(s, me, &agreement, &dates));
        let items = rows
            .into_iter()
            .map(|row| {
                let period = if row.is_week {
                    if row.start == monday_of(today) {
                        t.this_week.to_owned()
                    } else {
                        (t.week_of)(&day_month(row.start, locale))
                    }
                } else if row.start == month_bounds(today).0 {
                    t.this_month.to_owned()
                } else {
                    month_name(row.start, locale)
                };
                let figures = (t.allowance_row)(row.planned, row.limit, row.left());
                let prevalence = row.prevalence.map(|p| {
                    let left = p.max_days.saturating_sub(p.planned);
                    view! {
                        <span class="prevalence">
                            {(t.prevalence_row)(p.max_days, p.working_days, p.absent_days, left)}
                        </span>
                    }
                });
                view! {
                    <li>
                        <strong>{period}": "</strong>
                        {figures}
                        {prevalence}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <div class="allowance">
                <h3>{t.allowance_title}</h3>
                <p>
                    {(t.allowance_terms)(agreement.max_days_per_week, agreement.max_days_per_month)}
                </p>
                <ul>{items}</ul>
            </div>
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::calendar::testing::demo;

    #[test]
    fn the_demo_fills_giulias_december() {
        let (state, giulia, _) = demo();
        let agreement = state
            .directory
            .agreement_on(giulia, d(2026, 12, 1))
            .unwrap()
            .clone();
        let rows = rows(
            &state,
            giulia,
            &agreement,
            &[d(2026, 12, 1), d(2027, 1, 12)],
        );
        let december = rows
            .iter()
            .find(|r| !r.is_week && r.start == d(2026, 12, 1))
            .unwrap();
        assert_eq!(
            (december.limit, december.planned, december.left()),
            (8, 8, 0)
        );
        let january = rows
            .iter()
            .find(|r| !r.is_week && r.start == d(2027, 1, 1))
            .unwrap();
        assert_eq!((january.planned, january.left()), (0, 8));
        assert!(january.prevalence.as_ref().unwrap().max_days >= 8);
        let week = rows
            .iter()
            .find(|r| r.is_week && r.start == d(2026, 11, 30))
            .unwrap();
        assert_eq!((week.limit, week.planned), (2, 2));
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weeks_start_on_monday_and_months_on_the_first() {
        assert_eq!(monday_of(d(2026, 11, 25)), d(2026, 11, 23));
        assert_eq!(monday_of(d(2026, 11, 29)), d(2026, 11, 23));
        assert_eq!(monday_of(d(2027, 1, 1)), d(2026, 12, 28));
        assert_eq!(
            month_bounds(d(2028, 2, 10)),
            (d(2028, 2, 1), d(2028, 2, 29))
        );
        assert_eq!(
            month_bounds(d(2026, 12, 31)),
            (d(2026, 12, 1), d(2026, 12, 31))
        );
    }
}
