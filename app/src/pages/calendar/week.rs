//! The week view: Monday to Sunday as a list, with room for the place and
//! the lead's note.

use chrono::Duration;
use leptos::prelude::*;
use vela_domain::calendar::Holidays;

use super::allowance::monday_of;
use super::day::{day_of, extra_holidays};
use super::{day_button, focus_date, focus_in_grid, Cal};
use crate::format::long_date;
use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

/// The week of the selected day.
#[component]
pub fn WeekView() -> impl IntoView {
    let i18n = use_i18n();
    let cal = expect_context::<Cal>();
    let state = use_sync().state();
    // The days as text (see `day_button.rs` for why), remembered: a live
    // update that changes nothing in this week leaves the list alone.
    let days = Memo::new(move |_| {
        let monday = monday_of(cal.selected.get());
        let locale = i18n.locale();
        state.with(|s| {
            let extra = extra_holidays(s, cal.me);
            let holidays = Holidays { extra: &extra };
            let mut html = String::new();
            for offset in 0..7 {
                let date = monday + Duration::days(offset);
                let day = day_of(s, holidays, cal.me, date);
                let text = long_date(date, locale);
                html.push_str("<li>");
                day_button::push(&mut html, &cal, &day, &text, &text, i18n.t());
                html.push_str("</li>");
            }
            html
        })
    });
    move || {
        let selected = cal.selected.get();
        let t = &i18n.t().calendar;
        let days = days.get();
        if focus_in_grid() {
            focus_date(selected);
        }
        view! {
            <ul
                class="week-list"
                aria-label=t.week_list_label
                on:click=day_button::on_click(cal)
                on:keydown=day_button::on_keydown(cal)
                inner_html=days
            ></ul>
        }
    }
}
