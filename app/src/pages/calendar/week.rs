//! The week view: Monday to Sunday as a list, with room for the place and
//! the lead's note.

use chrono::Duration;
use leptos::prelude::*;
use vela_domain::calendar::Holidays;

use super::allowance::monday_of;
use super::day::{day_of, extra_holidays};
use super::{day_button, Cal};
use crate::format::long_date;
use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

/// The week of the selected day.
#[component]
pub fn WeekView() -> impl IntoView {
    let i18n = use_i18n();
    let cal = expect_context::<Cal>();
    let state = use_sync().state();
    move || {
        let monday = monday_of(cal.selected.get());
        let locale = i18n.locale();
        let t = &i18n.t().calendar;
        let days = state.with(|s| {
            let extra = extra_holidays(s, cal.me);
            let holidays = Holidays { extra: &extra };
            (0..7)
                .map(|offset| {
                    let date = monday + Duration::days(offset);
                    let day = day_of(s, holidays, cal.me, date);
                    let text = long_date(date, locale);
                    view! { <li>{day_button(cal, &day, text.clone(), text)}</li> }
                })
                .collect_view()
        });
        view! {
            <ul class="week-list" aria-label=t.week_list_label>
                {days}
            </ul>
        }
    }
}
