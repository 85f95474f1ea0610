//! The grids of the team calendar. Each is built in one pass as plain
//! elements (no signal or closure per cell): a month of 50 people is 1,550
//! cells, rebuilt only when the state, month, team or language changes.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use vela_domain::agile::coverage;
use vela_domain::calendar::Holidays;
use vela_domain::ids::{PersonId, TeamId};
use vela_domain::State;

use super::day_status;
use crate::i18n::team::TeamTexts;

/// One column of the grid, its labels formatted once per render.
#[derive(Clone, Debug, PartialEq)]
pub struct DayHead {
    pub date: NaiveDate,
    pub working: bool,
    /// "martedì 12 gennaio 2027".
    pub long: String,
    /// "mar".
    pub weekday: String,
}

fn header(days: &[DayHead], first: &'static str, today: Option<NaiveDate>) -> impl IntoView {
    let cells = days
        .iter()
        .map(|d| {
            view! {
                <th
                    scope="col"
                    class:non-working=!d.working
                    class:today=Some(d.date) == today
                    abbr=d.long.clone()
                >
                    <span class="weekday" aria-hidden="true">{d.weekday.clone()}</span>
                    <span class="day-number" aria-hidden="true">{d.date.day()}</span>
                    <span class="visually-hidden">{d.long.clone()}</span>
                </th>
            }
        })
        .collect_view();
    view! {
        <thead>
            <tr>
                <th scope="col" class="name-col">{first}</th>
                {cells}
            </tr>
        </thead>
    }
}

/// People × days of the team, the office count per day in the last row,
/// and the days under the minimum listed in words below.
#[allow(clippy::too_many_arguments)]
pub fn people_grid(
    state: &State,
    team: TeamId,
    people: &[(PersonId, String)],
    days: &[DayHead],
    holidays: Holidays<'_>,
    today: NaiveDate,
    caption: &str,
    t: &'static TeamTexts,
) -> impl IntoView {
    let rows = people
        .iter()
        .map(|(person, name)| {
            let cells = days
                .iter()
                .map(|d| {
                    let (cell, note) = day_status(state, holidays, *person, d.date);
                    if !d.working {
                        return view! { <td class=cell.class()></td> }.into_any();
                    }
                    let words = match note {
                        Some(note) => (t.with_note)(cell.words(t), note),
                        None => cell.words(t).to_owned(),
                    };
                    view! {
                        <td class=cell.class() title=words.clone()>
                            <span aria-hidden="true">{cell.mark(t)}</span>
                            <span class="visually-hidden">{(t.cell_label)(name, &d.long, &words)}</span>
                        </td>
                    }
                    .into_any()
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row" class="name-col">{name.clone()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let counts = days
        .iter()
        .map(|d| {
            if !d.working {
                return view! { <td class="non-working"></td> }.into_any();
            }
            let cov = coverage(state, team, d.date);
            if cov.is_below_minimum() {
                view! {
                    <td class="count below" title=(t.below_minimum)(cov.in_office, cov.minimum)>
                        <span aria-hidden="true">"⚠" {cov.in_office}</span>
                        <span class="visually-hidden">
                            {(t.below_minimum)(cov.in_office, cov.minimum)}
                        </span>
                    </td>
                }
                .into_any()
            } else {
                view! {
                    <td class="count" title=(t.count_label)(cov.in_office, cov.team_size)>
                        <span aria-hidden="true">{cov.in_office}</span>
                        <span class="visually-hidden">
                            {(t.count_label)(cov.in_office, cov.team_size)}
                        </span>
                    </td>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
            <table class="team-grid">
                <caption class="visually-hidden">{caption.to_owned()}</caption>
                {header(days, t.person_column, Some(today))}
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row" class="name-col">{t.in_office_row}</th>
                        {counts}
                    </tr>
                </tfoot>
            </table>
    }
}

/// The days of the month under the team's minimum office presence, in words.
pub fn below_days(
    state: &State,
    team: TeamId,
    days: &[DayHead],
    t: &'static TeamTexts,
) -> impl IntoView {
    let below: Vec<(String, u32, u32)> = days
        .iter()
        .filter(|d| d.working)
        .filter_map(|d| {
            let cov = coverage(state, team, d.date);
            cov.is_below_minimum()
                .then(|| (d.long.clone(), cov.in_office, cov.minimum))
        })
        .collect();
    if below.is_empty() {
        view! { <p class="below-none">{t.below_none}</p> }.into_any()
    } else {
        let items = below
            .into_iter()
            .map(|(date, n, min)| view! { <li>{(t.below_day)(&date, n, min)}</li> })
            .collect_view();
        view! {
            <section class="below-days" aria-labelledby="below-title">
                <h2 id="below-title">
                    <span aria-hidden="true">"⚠ "</span>
                    {t.below_title}
                </h2>
                <ul>{items}</ul>
            </section>
        }
        .into_any()
    }
}

/// Another team's days as counts only: in the office, away, waiting, absent.
pub fn counts_grid(
    state: &State,
    team: TeamId,
    days: &[DayHead],
    caption: &str,
    t: &'static TeamTexts,
) -> impl IntoView {
    let covs: Vec<_> = days
        .iter()
        .map(|d| d.working.then(|| coverage(state, team, d.date)))
        .collect();
    let row = |label: &'static str, value: fn(&vela_domain::agile::Coverage) -> u32| {
        let cells = covs
            .iter()
            .map(|c| match c {
                Some(c) => {
                    let below = c.is_below_minimum() && label == t.in_office_row;
                    view! {
                        <td class="count" class:below=below>
                            {below.then_some("⚠")}
                            {value(c)}
                            {below.then(|| view! {
                                <span class="visually-hidden">
                                    {(t.below_minimum)(c.in_office, c.minimum)}
                                </span>
                            })}
                        </td>
                    }
                    .into_any()
                }
                None => view! { <td class="non-working"></td> }.into_any(),
            })
            .collect_view();
        view! {
            <tr>
                <th scope="row" class="name-col">{label}</th>
                {cells}
            </tr>
        }
    };
    view! {
            <table class="team-grid counts">
                <caption class="visually-hidden">{caption.to_owned()}</caption>
                {header(days, "", None)}
                <tbody>
                    {row(t.in_office_row, |c| c.in_office)}
                    {row(t.away_row, |c| c.away)}
                    {row(t.pending_row, |c| c.pending)}
                    {row(t.absent_row, |c| c.absent)}
                </tbody>
            </table>
    }
}
