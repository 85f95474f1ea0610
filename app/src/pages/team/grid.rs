//! The grids of the team calendar. Cells are plain elements (no signal or
//! closure per cell): a month of 50 people is 1,550 cells. The people grid
//! re-renders a row only when that row's statuses change.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use vela_domain::agile::coverage;
use vela_domain::ids::{PersonId, TeamId};
use vela_domain::State;

use super::{day_status, members, DayCell};
use crate::components::icon::{Icon, IconName};
use crate::i18n::team::TeamTexts;
use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

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

/// What one row shows: each day's status and, where the view holds it, the
/// decision's note.
type RowCells = Vec<(DayCell, Option<String>)>;

fn row_cells(state: &State, person: PersonId, days: &[DayHead]) -> RowCells {
    // Each member's own organisation's holidays (all are of the viewer's).
    let holidays = state.directory.holidays_of(person);
    days.iter()
        .map(|d| {
            let (cell, note) = day_status(state, holidays, person, d.date);
            (cell, note.map(str::to_owned))
        })
        .collect()
}

/// People × days of the team with the office count per day in the last row.
/// Each row keeps a memo of its statuses, so a live update re-renders only
/// the rows (and the count row) it changed; cells are plain elements.
#[component]
pub fn PeopleTable(
    team: TeamId,
    days: Memo<Vec<DayHead>>,
    today: NaiveDate,
    #[prop(into)] caption: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let people = Memo::new(move |_| state.with(|s| members(s, team)));
    let row = move |(person, name): (PersonId, String)| {
        let cells =
            Memo::new(move |_| days.with(|days| state.with(|s| row_cells(s, person, days))));
        let label = name.clone();
        let render = move || {
            let t = i18n.t().team();
            cells.with(|cells| {
                days.with(|days| {
                    let wide = days.len() <= 7;
                    days.iter()
                        .zip(cells)
                        .map(|(d, (cell, note))| {
                            if !d.working {
                                return view! { <td class=cell.class()></td> }.into_any();
                            }
                            let words = match note {
                                Some(note) => (t.with_note)(cell.words(t), note),
                                None => cell.words(t).to_owned(),
                            };
                            // A week is wide enough to say each status in words.
                            let shown = wide.then(|| {
                                view! { <span class="cell-words" aria-hidden="true">{words.clone()}</span> }
                            });
                            view! {
                                <td class=cell.class() title=words.clone()>
                                    {cell.icon().map(|name| view! { <Icon name /> })}
                                    {shown}
                                    <span class="visually-hidden">
                                        {(t.cell_label)(&label, &d.long, &words)}
                                    </span>
                                </td>
                            }
                            .into_any()
                        })
                        .collect_view()
                })
            })
        };
        view! {
            <tr>
                <th scope="row" class="name-col">{name}</th>
                {render}
            </tr>
        }
    };
    let counts = Memo::new(move |_| {
        days.with(|days| {
            state.with(|s| {
                days.iter()
                    .map(|d| d.working.then(|| coverage(s, team, d.date)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let count_row = move || {
        let t = i18n.t().team();
        counts.with(|counts| {
            counts
                .iter()
                .map(|cov| match cov {
                    None => view! { <td class="non-working"></td> }.into_any(),
                    Some(cov) if cov.is_below_minimum() => view! {
                        <td class="count below" title=(t.below_minimum)(cov.in_office, cov.minimum)>
                            <span aria-hidden="true"><Icon name=IconName::Warning /> {cov.in_office}</span>
                            <span class="visually-hidden">
                                {(t.below_minimum)(cov.in_office, cov.minimum)}
                            </span>
                        </td>
                    }
                    .into_any(),
                    Some(cov) => view! {
                        <td class="count" title=(t.count_label)(cov.in_office, cov.team_size)>
                            <span aria-hidden="true">{cov.in_office}</span>
                            <span class="visually-hidden">
                                {(t.count_label)(cov.in_office, cov.team_size)}
                            </span>
                        </td>
                    }
                    .into_any(),
                })
                .collect_view()
        })
    };
    view! {
        <table class="team-grid" class:week=move || days.with(|d| d.len() <= 7)>
            <caption class="visually-hidden">{move || caption.get()}</caption>
            {move || days.with(|days| header(days, i18n.t().team().person_column, Some(today)))}
            <tbody>
                <For each=move || people.get() key=|p| p.clone() children=row />
            </tbody>
            <tfoot>
                <tr>
                    <th scope="row" class="name-col">{move || i18n.t().team().in_office_row}</th>
                    {count_row}
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
                    <Icon name=IconName::Warning />
                    " "
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
                            {below.then(|| view! { <Icon name=IconName::Warning /> })}
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
