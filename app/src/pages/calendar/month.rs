use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use vela_domain::calendar::{rome_date, Holidays};

use crate::components::month_grid::{month_weeks, neighbours};
use crate::format::{long_date, month_title, weekday_short};
use crate::i18n::use_i18n;
use crate::sync::client::{now, use_sync};

/// The person's calendar for one month: every day with its status in words
/// (never colour alone), weekends and holidays marked.
#[component]
pub fn MyCalendar() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let today = rome_date(now());
    let shown = RwSignal::new((today.year(), today.month()));

    let title = move || {
        let (year, month) = shown.get();
        month_title(year, month, i18n.locale())
    };
    let go = move |delta: i32| {
        shown.update(|(year, month)| {
            let (previous, next) = neighbours(*year, *month);
            (*year, *month) = if delta < 0 { previous } else { next };
        })
    };

    let grid = move || {
        let (year, month) = shown.get();
        let locale = i18n.locale();
        let t = &i18n.t().calendar;
        let extra = state.with(|s| {
            s.directory
                .organisation
                .as_ref()
                .map(|o| o.extra_holidays.clone())
                .unwrap_or_default()
        });
        let holidays = Holidays { extra: &extra };
        let weeks = month_weeks(year, month);
        let header = weeks.first().map(|week| {
            week.iter()
                .map(|d| view! { <th scope="col">{weekday_short(*d, locale)}</th> })
                .collect_view()
        });
        let rows = weeks
            .iter()
            .map(|week| {
                let cells = week
                    .iter()
                    .map(|date| day_cell(*date, month, today, holidays, t, locale))
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view();
        view! {
            <table class="month-grid">
                <caption class="visually-hidden">{(t.grid_caption)(&month_title(year, month, locale))}</caption>
                <thead>
                    <tr>{header}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
    };

    view! {
        <section class="page calendar">
            <h1>{move || i18n.t().nav_calendar}</h1>
            <div class="month-nav">
                <button type="button" on:click=move |_| go(-1)>
                    <span aria-hidden="true">"‹ "</span>
                    {move || i18n.t().calendar.previous_month}
                </button>
                <h2 aria-live="polite">{title}</h2>
                <button type="button" on:click=move |_| go(1)>
                    {move || i18n.t().calendar.next_month}
                    <span aria-hidden="true">" ›"</span>
                </button>
                <button
                    type="button"
                    class="ghost"
                    on:click=move |_| shown.set((today.year(), today.month()))
                >
                    {move || i18n.t().calendar.today}
                </button>
            </div>
            {grid}
        </section>
    }
}

fn day_cell(
    date: NaiveDate,
    month: u32,
    today: NaiveDate,
    holidays: Holidays<'_>,
    t: &crate::i18n::texts::CalendarTexts,
    locale: crate::i18n::Locale,
) -> impl IntoView {
    let outside = date.month() != month;
    let (class, status) = match holidays.non_working(date) {
        Some("weekend") => ("day weekend", t.weekend.to_owned()),
        Some(name) => ("day holiday", (t.holiday)(name)),
        None => ("day office", t.office.to_owned()),
    };
    let label = format!("{}, {status}", long_date(date, locale));
    view! {
        <td
            class=class
            class:outside=outside
            class:today=date == today
            aria-current=(date == today).then_some("date")
        >
            <span class="day-number" aria-hidden="true">{date.day()}</span>
            <span class="visually-hidden">{label}</span>
            <span class="day-status" aria-hidden="true">{status}</span>
        </td>
    }
}
