//! A day of the calendar as a button, written as HTML text, and the
//! listeners of the grid that holds them.
//!
//! Why text: the month grid is two thirds of the calendar's elements, and
//! the calendar is the page the app opens at. Built node by node, every
//! element, attribute and listener of its 42 days is a call out of the
//! WebAssembly: most of the 60 ms (at a 4× slower CPU) the page took to
//! draw. As text, the browser parses the whole grid in one call, and one
//! listener on the grid finds the day in the button's `data-date`.
//!
//! Everything that is not a fixed word of the page is escaped: a status
//! names the place of a day (typed by the person) and a team's meeting
//! note (typed by the lead).

use std::fmt::Write;

use chrono::NaiveDate;
use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::day::Day;
use super::{fmt, focus_date, key_target, Cal};
use crate::i18n::texts::Texts;

/// Appends the button of `day` to `out`. `visible_date` is what the
/// button shows, `full_date` what it says to a screen reader. Only the
/// selected day is in the tab order (a roving focus).
pub fn push(
    out: &mut String,
    cal: &Cal,
    day: &Day,
    visible_date: &str,
    full_date: &str,
    texts: &Texts,
) {
    let t = &texts.calendar;
    let date = day.date;
    let selected = cal.selected.get_untracked() == date;
    let status = day.status_text(t);
    let office_only = day
        .office_only
        .as_deref()
        .map(|note| (texts.home.office_only)(note));
    let label = match &office_only {
        Some(only) => format!("{full_date}, {status}, {only}"),
        None => format!("{full_date}, {status}"),
    };
    let text = |s: &str| html_escape::encode_text(s).into_owned();
    let _ = write!(
        out,
        r#"<button type="button" class="day-button {class}" data-date="{iso}" tabindex="{tabindex}" aria-pressed="{selected}"{current}><span class="visually-hidden">{label}</span><span class="day-number" aria-hidden="true">{visible}</span><span class="day-status" aria-hidden="true"><span class="day-icon">{icon}</span> <span class="day-text">{status}</span>"#,
        class = day.class(),
        iso = fmt::iso(date),
        tabindex = if selected { "0" } else { "-1" },
        current = if date == cal.today {
            r#" aria-current="date""#
        } else {
            ""
        },
        label = text(&label),
        visible = text(visible_date),
        icon = day.icon().map(|name| name.markup()).unwrap_or_default(),
        status = text(&status),
    );
    if office_only.is_some() {
        let _ = write!(
            out,
            r#"<span class="office-only-mark">{}</span>"#,
            text(&(texts.home.office_only)(""))
        );
    }
    out.push_str("</span></button>");
}

/// The grid's click listener: the day pressed becomes the selected one.
pub fn on_click(cal: Cal) -> impl Fn(MouseEvent) + 'static {
    move |ev: MouseEvent| {
        if let Some(date) = date_of(&ev) {
            cal.selected.set(date);
            focus_date(date);
        }
    }
}

/// The grid's key listener: arrows, Home, End and the page keys move the
/// selection (and the focus) from the focused day.
pub fn on_keydown(cal: Cal) -> impl Fn(KeyboardEvent) + 'static {
    move |ev: KeyboardEvent| {
        let Some(date) = date_of(&ev) else {
            return;
        };
        if let Some(target) = key_target(date, &ev.key(), cal.view.get_untracked()) {
            ev.prevent_default();
            cal.selected.set(target);
            focus_date(target);
        }
    }
}

/// The day of the button an event happened in (or on), if any.
fn date_of(ev: &web_sys::Event) -> Option<NaiveDate> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest("[data-date]").ok()??;
    // `FromStr` reads the ISO dates the grid writes; `parse_from_str` would
    // bring chrono's format-string parser into the first download (about
    // 7 KB) for this one call.
    button.get_attribute("data-date")?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::pages::calendar::day::DayKind;
    use crate::pages::calendar::{request, View};

    /// The calendar of 3 December 2026 with that day selected, and the
    /// reactive owner its signals live in (kept as long as the test).
    fn calendar() -> (Owner, Cal) {
        let owner = Owner::new();
        owner.set();
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let cal = Cal {
            me: vela_domain::ids::PersonId::from_u128(1),
            today,
            selected: RwSignal::new(today),
            view: RwSignal::new(View::Month),
            form: request::Form::new(),
        };
        (owner, cal)
    }

    fn html(day: &Day, cal: &Cal) -> String {
        let mut out = String::new();
        push(
            &mut out,
            cal,
            day,
            "3",
            "3 dicembre 2026",
            Locale::It.texts(),
        );
        out
    }

    #[test]
    fn a_day_is_one_button_with_its_date_and_state() {
        let (_owner, cal) = calendar();
        let day = Day {
            date: cal.today,
            kind: DayKind::Office,
            plan: None,
            office_only: None,
        };
        let out = html(&day, &cal);
        assert!(out.starts_with(r#"<button type="button" class="day-button status-office" data-date="2026-12-03" tabindex="0" aria-pressed="true" aria-current="date">"#), "{out}");
        assert!(out.contains(r#"<svg class="icon""#));
        assert!(out.ends_with("</span></button>"));

        let tomorrow = Day {
            date: cal.today.succ_opt().unwrap(),
            ..day
        };
        let out = html(&tomorrow, &cal);
        assert!(
            out.contains(r#"tabindex="-1" aria-pressed="false">"#),
            "{out}"
        );
        assert_eq!(out.matches("<button").count(), 1);
        assert_eq!(out.matches("</button>").count(), 1);
    }

    #[test]
    fn what_people_typed_is_text_not_markup() {
        let (_owner, cal) = calendar();
        let day = Day {
            date: cal.today,
            kind: DayKind::Office,
            plan: None,
            office_only: Some(r#"<img src=x onerror="alert(1)"> & co"#.to_string()),
        };
        let out = html(&day, &cal);
        assert!(!out.contains("<img"), "{out}");
        assert!(
            out.contains("&lt;img src=x onerror=\"alert(1)\"&gt; &amp; co"),
            "{out}"
        );
    }
}
