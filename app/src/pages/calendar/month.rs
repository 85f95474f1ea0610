//! The month view: weeks from Monday to Sunday, each day a button saying
//! its status in words.

use chrono::Datelike;
use leptos::prelude::*;
use vela_domain::calendar::Holidays;

use super::day::{day_of, extra_holidays};
use super::{day_button, Cal};
use crate::components::month_grid::month_weeks;
use crate::format::{long_date, month_title, weekday_short};
use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

/// The month of the selected day.
#[component]
pub fn MonthView() -> impl IntoView {
    let i18n = use_i18n();
    let cal = expect_context::<Cal>();
    let state = use_sync().state();
    move || {
        let selected = cal.selected.get();
        let (year, month) = (selected.year(), selected.month());
        let locale = i18n.locale();
        let t = &i18n.t().calendar;
        let weeks = month_weeks(year, month);
        let header = weeks.first().map(|week| {
            week.iter()
                .map(|d| view! { <th scope="col">{weekday_short(*d, locale)}</th> })
                .collect_view()
        });
        let rows = state.with(|s| {
            let extra = extra_holidays(s, cal.me);
            let holidays = Holidays { extra: &extra };
            weeks
                .iter()
                .map(|week| {
                    let cells = week
                        .iter()
                        .map(|date| {
                            let day = day_of(s, holidays, cal.me, *date);
                            let outside = date.month() != month;
                            view! {
                                <td class:outside=outside>
                                    {day_button(
                                        cal,
                                        &day,
                                        date.day().to_string(),
                                        long_date(*date, locale),
                                    )}
                                </td>
                            }
                        })
                        .collect_view();
                    view! { <tr>{cells}</tr> }
                })
                .collect_view()
        });
        view! {
            <table class="month-grid">
                <caption class="visually-hidden">
                    {(t.grid_caption)(&month_title(year, month, locale))}
                </caption>
                <thead>
                    <tr>{header}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
    }
}
