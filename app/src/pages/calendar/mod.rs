//! "My calendar": the person's days month by month or week by week, the
//! selected day's details and actions, and the form to ask for agile days.
//! "My agreement" (`/agreement`) lives here too: it is the frame of the
//! same days.
//!
//! One signal drives the page: the selected date. The month view shows its
//! month, the week view its week; the arrows move it (a roving focus: the
//! grid is one tab stop), and the side panel shows it.

mod activity;
mod agreement;
mod allowance;
mod cancel_range;
mod day;
mod day_button;
pub(crate) mod fmt;
mod month;
mod panel;
mod request;
mod week;
mod withdraw;

#[cfg(test)]
pub(crate) mod testing {
    //! The demo organisation as a state, for the pages' unit tests.
    use chrono::{DateTime, NaiveDate, Utc};
    use vela_domain::calendar::rome_midnight_utc;
    use vela_domain::ids::{OrgId, PersonId};
    use vela_domain::State;

    pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The demo as seeded on Tuesday 24 November 2026, Giulia, and 10:00 that day.
    pub fn demo() -> (State, PersonId, DateTime<Utc>) {
        let today = d(2026, 11, 24);
        let now = rome_midnight_utc(today) + chrono::Duration::hours(10);
        let mut counter = 0u128;
        let mut ids = || {
            counter += 1;
            uuid::Uuid::from_u128(counter)
        };
        let mut state = State::default();
        for (actor, command) in vela_domain::demo::commands(OrgId::from_u128(7), today, &mut ids) {
            state.execute(&actor, &command, now).unwrap();
        }
        let giulia = state.directory.by_username("giulia").unwrap().id;
        (state, giulia, now)
    }
}

use chrono::{Datelike, Duration, Months, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::calendar::rome_date;
use vela_domain::ids::PersonId;

pub use agreement::MyAgreement;

use crate::components::icon::{Icon, IconName};
use crate::components::later::Later;
use crate::i18n::use_i18n;
use crate::session::signed_in_person;
use crate::sync::client::now;

/// Month or week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Month,
    Week,
}

/// What the parts of the page share.
#[derive(Clone, Copy)]
pub struct Cal {
    pub me: PersonId,
    pub today: NaiveDate,
    pub selected: RwSignal<NaiveDate>,
    pub view: RwSignal<View>,
    pub form: request::Form,
}

/// The person's calendar page.
#[component]
pub fn MyCalendar() -> impl IntoView {
    let i18n = use_i18n();
    let Some(me) = signed_in_person() else {
        return view! { <p class="loading" role="status">{move || i18n.t().loading}</p> }
            .into_any();
    };
    let today = rome_date(now());
    let cal = Cal {
        me,
        today,
        selected: RwSignal::new(today),
        view: RwSignal::new(View::Month),
        form: request::Form::new(),
    };
    provide_context(cal);

    let title = move || {
        let locale = i18n.locale();
        let date = cal.selected.get();
        match cal.view.get() {
            View::Month => fmt::month_name(date, locale),
            View::Week => {
                let monday = allowance::monday_of(date);
                (i18n.t().calendar.week_title)(
                    &fmt::day_month(monday, locale),
                    &fmt::day_month(monday + Duration::days(6), locale),
                    monday.year(),
                )
            }
        }
    };
    let go = move |forward: bool| {
        cal.selected
            .update(|d| *d = shift(*d, cal.view.get_untracked(), forward));
    };
    let switch = move |view: View| {
        let t = move || &i18n.t().calendar;
        let label = move || match view {
            View::Month => t().view_month,
            View::Week => t().view_week,
        };
        view! {
            <button
                type="button"
                class="secondary"
                aria-pressed=move || (cal.view.get() == view).to_string()
                on:click=move |_| cal.view.set(view)
            >
                {label}
            </button>
        }
    };

    view! {
        <section class="page calendar">
            <h1>{move || i18n.t().nav_calendar}</h1>
            <ul class="calendar-links">
                <li>
                    <A href="/agreement">{move || i18n.t().calendar.agreement_link}</A>
                </li>
                <li>
                    <A href="/calendar/export">{move || i18n.t().calendar.export_link}</A>
                </li>
            </ul>
            <div class="calendar-layout">
                <div class="calendar-main">
                    <div class="calendar-toolbar">
                        <div
                            class="view-switch"
                            role="group"
                            aria-label=move || i18n.t().calendar.view_label
                        >
                            {switch(View::Month)}
                            {switch(View::Week)}
                        </div>
                        <div class="month-nav">
                            <button type="button" on:click=move |_| go(false)>
                                <span aria-hidden="true">"‹ "</span>
                                {move || match cal.view.get() {
                                    View::Month => i18n.t().calendar.previous_month,
                                    View::Week => i18n.t().calendar.previous_week,
                                }}
                            </button>
                            <h2 aria-live="polite">{title}</h2>
                            <button type="button" on:click=move |_| go(true)>
                                {move || match cal.view.get() {
                                    View::Month => i18n.t().calendar.next_month,
                                    View::Week => i18n.t().calendar.next_week,
                                }}
                                <span aria-hidden="true">" ›"</span>
                            </button>
                            <button
                                type="button"
                                class="ghost"
                                on:click=move |_| cal.selected.set(today)
                            >
                                {move || i18n.t().calendar.today}
                            </button>
                        </div>
                    </div>
                    <p class="grid-hint">{move || i18n.t().calendar.grid_hint}</p>
                    {move || match cal.view.get() {
                        View::Month => view! { <month::MonthView /> }.into_any(),
                        View::Week => view! { <week::WeekView /> }.into_any(),
                    }}
                    <Later>
                        <Legend />
                    </Later>
                </div>
                <div class="calendar-side">
                    <Later>
                        <panel::DayPanel />
                        <request::RequestForm />
                    </Later>
                </div>
            </div>
        </section>
    }
    .into_any()
}

/// The date a month or a week before or after `date` (the day of the month
/// kept where it exists).
fn shift(date: NaiveDate, view: View, forward: bool) -> NaiveDate {
    match (view, forward) {
        (View::Week, true) => date + Duration::days(7),
        (View::Week, false) => date - Duration::days(7),
        (View::Month, true) => date.checked_add_months(Months::new(1)).unwrap_or(date),
        (View::Month, false) => date.checked_sub_months(Months::new(1)).unwrap_or(date),
    }
}

/// Where an arrow key takes the focus in the grid.
pub(crate) fn key_target(date: NaiveDate, key: &str, view: View) -> Option<NaiveDate> {
    let row = match view {
        View::Month => 7,
        View::Week => 1,
    };
    Some(match key {
        "ArrowLeft" => date - Duration::days(1),
        "ArrowRight" => date + Duration::days(1),
        "ArrowUp" => date - Duration::days(row),
        "ArrowDown" => date + Duration::days(row),
        "Home" => allowance::monday_of(date),
        "End" => allowance::monday_of(date) + Duration::days(6),
        "PageUp" => shift(date, view, false),
        "PageDown" => shift(date, view, true),
        _ => return None,
    })
}

/// Whether the focus is on a day button of the grid. The grid is drawn as
/// text, so each redraw replaces the buttons: without a new focus, a redraw
/// from a live update (someone else's change) dropped a keyboard user's
/// place to the page's top.
pub(crate) fn focus_in_grid() -> bool {
    document()
        .active_element()
        .is_some_and(|e| e.class_list().contains("day-button"))
}

/// Moves the focus to the day button of `date` once it is drawn.
pub(crate) fn focus_date(date: NaiveDate) {
    use wasm_bindgen::JsCast;
    let selector = format!("[data-date='{}']", fmt::iso(date));
    request_animation_frame(move || {
        if let Some(element) = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

/// Moves the focus to the element with this id once it is drawn.
pub fn focus_id(id: &'static str) {
    use wasm_bindgen::JsCast;
    request_animation_frame(move || {
        if let Some(element) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

/// What the colours and symbols mean (they are never alone: each day says
/// its status in words).
#[component]
fn Legend() -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = &i18n.t().calendar;
        let items = [
            ("status-office", IconName::Office, t.office),
            ("status-agile", IconName::Home, t.legend_away),
            ("status-pending", IconName::Pending, t.legend_pending),
            ("status-rejected", IconName::Rejected, t.legend_rejected),
            ("status-absent", IconName::Absent, t.absent),
            ("holiday", IconName::Holiday, t.legend_holiday),
        ];
        view! {
            <div class="legend">
                <h2 class="visually-hidden">{t.legend_title}</h2>
                <ul>
                    {items
                        .into_iter()
                        .map(|(class, icon, text)| {
                            view! {
                                <li class=class>
                                    <span class="day-icon" aria-hidden="true"><Icon name=icon /></span>
                                    " "
                                    {text}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn arrows_move_by_day_week_and_month() {
        let date = d(2026, 1, 31);
        assert_eq!(
            key_target(date, "ArrowRight", View::Month),
            Some(d(2026, 2, 1))
        );
        assert_eq!(
            key_target(date, "ArrowUp", View::Month),
            Some(d(2026, 1, 24))
        );
        assert_eq!(
            key_target(date, "ArrowUp", View::Week),
            Some(d(2026, 1, 30))
        );
        assert_eq!(
            key_target(date, "PageDown", View::Month),
            Some(d(2026, 2, 28))
        );
        assert_eq!(
            key_target(date, "PageDown", View::Week),
            Some(d(2026, 2, 7))
        );
        assert_eq!(key_target(date, "Home", View::Month), Some(d(2026, 1, 26)));
        assert_eq!(key_target(date, "End", View::Week), Some(d(2026, 2, 1)));
        assert_eq!(key_target(date, "Enter", View::Month), None);
    }
}
