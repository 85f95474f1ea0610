//! The month view: weeks from Monday to Sunday, each day a button saying
//! its status in words.

use chrono::Datelike;
use leptos::prelude::*;
use vela_domain::calendar::Holidays;

use super::day::{day_of, extra_holidays};
use super::{day_button, focus_date, focus_in_grid, Cal};
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
    // The days as text (see `day_button.rs` for why), remembered: a live
    // update that changes nothing in this month leaves the grid alone.
    let rows = Memo::new(move |_| {
        let selected = cal.selected.get();
        let month = selected.month();
        let locale = i18n.locale();
        let weeks = month_weeks(selected.year(), month);
        state.with(|s| {
            let extra = extra_holidays(s, cal.me);
            let holidays = Holidays { extra: &extra };
            let mut html = String::new();
            for week in &weeks {
                html.push_str("<tr>");
                for date in week {
                    let day = day_of(s, holidays, cal.me, *date);
                    html.push_str(if date.month() != month {
                        r#"<td class="outside">"#
                    } else {
                        "<td>"
                    });
                    let visible = date.day().to_string();
                    day_button::push(
                        &mut html,
                        &cal,
                        &day,
                        &visible,
                        &long_date(*date, locale),
                        i18n.t(),
                    );
                    html.push_str("</td>");
                }
                html.push_str("</tr>");
            }
            html
        })
    });
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
        let rows = rows.get();
        if focus_in_grid() {
            focus_date(selected);
        }
        view! {
            <table
                class="month-grid"
                on:click=day_button::on_click(cal)
                on:keydown=day_button::on_keydown(cal)
            >
                <caption class="visually-hidden">
                    {(t.grid_caption)(&month_title(year, month, locale))}
                </caption>
                <thead>
                    <tr>{header}</tr>
                </thead>
                <tbody inner_html=rows></tbody>
            </table>
        }
    }
}
