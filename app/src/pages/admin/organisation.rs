//! The administrators' organisation page: its name and its own holidays
//! (the patron saint, bridge days), on top of the national ones, and the
//! public notices of its footer. Every change goes through the domain.

use chrono::{Datelike, NaiveDate};
use leptos::html;
use leptos::prelude::*;
use vela_domain::calendar::ExtraHoliday;
use vela_domain::directory::Command as Dir;
use vela_domain::Command;

use super::{admin_access, admin_only};
use super::{day_month, medium_date};
use crate::i18n::{use_i18n, Locale};
use crate::sync::client::use_sync;

/// "San Vigilio — ogni anno il 26 giugno".
fn describe(holiday: &ExtraHoliday, locale: Locale, every_year: fn(&str) -> String) -> String {
    match holiday {
        ExtraHoliday::Yearly { month, day, name } => {
            format!("{name} — {}", every_year(&day_month(*month, *day, locale)))
        }
        ExtraHoliday::Once { date, name } => format!("{name} — {}", medium_date(*date, locale)),
    }
}

#[component]
pub fn OrganisationPage() -> impl IntoView {
    let i18n = use_i18n();
    let access = admin_access();
    let message = RwSignal::new(String::new());
    let alert = RwSignal::new(String::new());

    let body = admin_only(access, move || {
        view! {
            <OrganisationForms message alert />
            <super::notices_form::NoticesForm message alert />
        }
        .into_any()
    });
    view! {
        <section class="page administration organisation-page">
            <h1>{move || i18n.t().admin().organisation_title}</h1>
            <p>{move || i18n.t().admin().organisation_intro}</p>
            <p class="team-message" role="status">{move || message.get()}</p>
            <p class="team-alert" role="alert">{move || alert.get()}</p>
            {body}
        </section>
    }
}

#[component]
fn OrganisationForms(message: RwSignal<String>, alert: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let current = Memo::new(move |_| sync.organisation());
    // Drafts, read once: live updates must not reset what is being typed.
    let name = RwSignal::new(current.get_untracked().map(|o| o.name).unwrap_or_default());
    let yearly = RwSignal::new(true);
    let date = RwSignal::new(String::new());
    let holiday_name = RwSignal::new(String::new());
    let date_missing = RwSignal::new(false);
    let confirming = RwSignal::new(None::<usize>);

    let save = move |name: String, holidays: Vec<ExtraHoliday>, done: String| {
        let command = Command::Directory(Dir::UpdateOrganisation {
            name,
            extra_holidays: holidays,
            org: None,
        });
        match sync.submit(command) {
            Ok(()) => {
                message.set(done);
                alert.set(String::new());
                true
            }
            Err(r) => {
                alert.set((i18n.t().rejection)(&r));
                false
            }
        }
    };
    let holidays = move || {
        current.with(|o| {
            o.as_ref()
                .map(|o| o.extra_holidays.clone())
                .unwrap_or_default()
        })
    };
    let saved_name =
        move || current.with(|o| o.as_ref().map(|o| o.name.clone()).unwrap_or_default());

    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = name.get_untracked().trim().to_owned();
        let done = (i18n.t().admin().organisation_saved)(&chosen);
        save(chosen, holidays(), done);
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(day) = date.get_untracked().parse::<NaiveDate>() else {
            date_missing.set(true);
            return;
        };
        let label = holiday_name.get_untracked().trim().to_owned();
        let holiday = if yearly.get_untracked() {
            ExtraHoliday::Yearly {
                month: day.month(),
                day: day.day(),
                name: label,
            }
        } else {
            ExtraHoliday::Once {
                date: day,
                name: label,
            }
        };
        let a = i18n.t().admin();
        let done = (a.holiday_added)(&describe(&holiday, i18n.locale(), a.every_year));
        let mut all = holidays();
        all.push(holiday);
        if save(saved_name(), all, done) {
            date.set(String::new());
            holiday_name.set(String::new());
        }
    };
    let remove = move |index: usize| {
        let mut all = holidays();
        if index < all.len() {
            let gone = all.remove(index);
            let a = i18n.t().admin();
            let done = (a.holiday_removed)(&describe(&gone, i18n.locale(), a.every_year));
            save(saved_name(), all, done);
        }
        confirming.set(None);
    };

    let list = move || {
        let a = i18n.t().admin();
        let locale = i18n.locale();
        let all = holidays();
        if all.is_empty() {
            return view! { <p class="admin-empty">{a.holidays_empty}</p> }.into_any();
        }
        view! {
            <ul class="holiday-list">
                {all
                    .iter()
                    .enumerate()
                    .map(|(index, holiday)| {
                        let text = describe(holiday, locale, a.every_year);
                        let confirm_ref = NodeRef::<html::Button>::new();
                        Effect::new(move |_| {
                            if let Some(el) = confirm_ref.get() {
                                let _ = el.focus();
                            }
                        });
                        let controls = if confirming.get() == Some(index) {
                            view! {
                                <span class="confirm-inline" role="group" aria-label=(a.remove_holiday_question)(&text)>
                                    <span>{(a.remove_holiday_question)(&text)}</span>
                                    " "
                                    <button type="button" class="primary" node_ref=confirm_ref on:click=move |_| remove(index)>
                                        {a.remove_confirm}
                                    </button>
                                    " "
                                    <button type="button" class="secondary" on:click=move |_| confirming.set(None)>{a.cancel}</button>
                                </span>
                            }
                            .into_any()
                        } else {
                            view! {
                                <button type="button" class="secondary" aria-label=(a.remove_holiday)(&text)
                                    on:click=move |_| confirming.set(Some(index))>
                                    {a.remove}
                                </button>
                            }
                            .into_any()
                        };
                        view! { <li><span>{text.clone()}</span>" "{controls}</li> }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };

    view! {
        <form class="form-card" on:submit=rename>
            <label for="org-name">{move || i18n.t().admin().field_org_name}</label>
            <input id="org-name" required autocomplete="organization"
                prop:value=move || name.get()
                on:input=move |ev| name.set(event_target_value(&ev)) />
            <div class="form-buttons">
                <button type="submit" class="primary">{move || i18n.t().admin().save}</button>
            </div>
        </form>
        <section class="form-card" aria-labelledby="holidays-title">
            <h2 id="holidays-title">{move || i18n.t().admin().holidays_title}</h2>
            <p class="hint">{move || i18n.t().admin().holidays_intro}</p>
            {list}
            <form on:submit=add>
                <fieldset class="group">
                    <legend>{move || i18n.t().admin().holiday_kind}</legend>
                    <div class="choices">
                        <label>
                            <input type="radio" name="holiday-kind" prop:checked=move || yearly.get()
                                on:change=move |_| yearly.set(true) />
                            {move || i18n.t().admin().holiday_yearly}
                        </label>
                        <label>
                            <input type="radio" name="holiday-kind" prop:checked=move || !yearly.get()
                                on:change=move |_| yearly.set(false) />
                            {move || i18n.t().admin().holiday_once}
                        </label>
                    </div>
                </fieldset>
                <div class="field">
                    <label for="holiday-date">{move || i18n.t().admin().field_holiday_date}</label>
                    <input id="holiday-date" type="date"
                        aria-invalid=move || date_missing.get().then_some("true")
                        aria-describedby="holiday-date-error"
                        prop:value=move || date.get()
                        on:input=move |ev| {
                            date.set(event_target_value(&ev));
                            date_missing.set(false);
                        } />
                    <p id="holiday-date-error" class="field-error">
                        {move || date_missing.get().then(|| i18n.t().admin().choose_date)}
                    </p>
                </div>
                <div class="field">
                    <label for="holiday-name">{move || i18n.t().admin().field_holiday_name}</label>
                    <input id="holiday-name" required
                        prop:value=move || holiday_name.get()
                        on:input=move |ev| holiday_name.set(event_target_value(&ev)) />
                </div>
                <div class="form-buttons">
                    <button type="submit" class="primary">{move || i18n.t().admin().add_holiday}</button>
                </div>
            </form>
        </section>
    }
}
