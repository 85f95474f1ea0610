//! Creating or editing one person's agreement, and withdrawing from it. The
//! domain validates the agreement; its answer is shown beside the field it
//! concerns.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, NaiveTime, Timelike, Weekday};
use leptos::html;
use leptos::prelude::*;
use vela_domain::calendar::rome_date;
use vela_domain::directory::{
    Agreement, Command as Dir, Place, Rejection as DirRejection, TimeBand, WorkMode,
};
use vela_domain::ids::{AgreementId, PersonId};
use vela_domain::rejection::CommonRejection;
use vela_domain::{Command, Rejection};

use super::{medium_date, weekday_name};
use crate::i18n::use_i18n;
use crate::sync::client::{now, use_sync};

const WEEKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

/// The form field a rejection is about (`None`: the form as a whole).
fn field_of(rejection: &Rejection) -> Option<&'static str> {
    Some(match rejection {
        Rejection::Common(CommonRejection::Invalid { field, .. }) => match field.as_str() {
            "valid_until" => "valid_until",
            "max_days_per_week" => "max_days_per_week",
            "max_days_per_month" => "max_days_per_month",
            "weekdays" => "weekdays",
            "places" => "places",
            "contact_hours" => "contact_hours",
            _ => return None,
        },
        Rejection::Directory(d) => match d {
            DirRejection::NoticeTooShort { .. } => "notice_days",
            DirRejection::ContactBandTooLong { .. }
            | DirRejection::ContactInRestBand { .. }
            | DirRejection::RestTooShort { .. } => "contact_hours",
            DirRejection::AgreementOverlaps => "valid_from",
            DirRejection::WithdrawalTooSoon { .. } => "withdraw",
            _ => return None,
        },
        _ => return None,
    })
}

fn time_text(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

fn parse_time(text: &str) -> Option<NaiveTime> {
    let (h, m) = text.trim().split_once(':')?;
    NaiveTime::from_hms_opt(h.parse().ok()?, m.get(..2)?.parse().ok()?, 0)
}

type Errors = RwSignal<BTreeMap<&'static str, String>>;

/// The error line of a field, referenced by its `aria-describedby`.
fn error_line(errors: Errors, key: &'static str) -> impl IntoView {
    view! {
        <p id=format!("agreement-{key}-error") class="field-error">
            {move || errors.with(|e| e.get(key).cloned())}
        </p>
    }
}

fn invalid(errors: Errors, key: &'static str) -> impl Fn() -> Option<&'static str> {
    move || errors.with(|e| e.contains_key(key)).then_some("true")
}

#[component]
pub fn AgreementForm(
    person: PersonId,
    name: String,
    existing: Option<Agreement>,
    /// Closes the form.
    on_close: Callback<()>,
    message: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let today = rome_date(now());
    let e = existing.clone();
    let mode = RwSignal::new(e.as_ref().map_or(WorkMode::Agile, |a| a.mode));
    let valid_from = RwSignal::new(e.as_ref().map_or(today, |a| a.valid_from).to_string());
    let valid_until = RwSignal::new(
        e.as_ref()
            .and_then(|a| a.valid_until)
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let max_week = RwSignal::new(e.as_ref().map_or(2, |a| a.max_days_per_week).to_string());
    let max_month = RwSignal::new(e.as_ref().map_or(8, |a| a.max_days_per_month).to_string());
    let weekdays =
        RwSignal::new(WEEKDAYS.map(|d| e.as_ref().is_some_and(|a| a.weekdays.contains(&d))));
    let home = RwSignal::new(e.as_ref().is_none_or(|a| a.places.contains(&Place::Home)));
    let named = RwSignal::new(
        e.as_ref()
            .map(|a| {
                a.places
                    .iter()
                    .filter_map(|p| match p {
                        Place::Named { name } => Some(name.as_str()),
                        Place::Home => None,
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default(),
    );
    let bands: [(RwSignal<String>, RwSignal<String>); 2] = std::array::from_fn(|i| {
        let band = e.as_ref().and_then(|a| a.contact_hours.get(i)).copied();
        (
            RwSignal::new(band.map(|b| time_text(b.start)).unwrap_or_default()),
            RwSignal::new(band.map(|b| time_text(b.end)).unwrap_or_default()),
        )
    });
    let notice = RwSignal::new(e.as_ref().map_or(30, |a| a.notice_days).to_string());
    let errors: Errors = RwSignal::new(BTreeMap::new());
    let alert = RwSignal::new(String::new());
    let heading = NodeRef::<html::H2>::new();
    Effect::new(move |_| {
        if let Some(el) = heading.get() {
            let _ = el.focus();
        }
    });

    let existing = StoredValue::new(existing);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t().team();
        let mut errs = BTreeMap::new();
        let incomplete = || t.field_incomplete.to_owned();
        let from = valid_from.get_untracked().parse::<NaiveDate>();
        if from.is_err() {
            errs.insert("valid_from", incomplete());
        }
        let until_text = valid_until.get_untracked();
        let until = if until_text.trim().is_empty() {
            Ok(None)
        } else {
            until_text.parse::<NaiveDate>().map(Some)
        };
        if until.is_err() {
            errs.insert("valid_until", incomplete());
        }
        let week = max_week.get_untracked().trim().parse::<u8>();
        if week.is_err() {
            errs.insert("max_days_per_week", incomplete());
        }
        let month = max_month.get_untracked().trim().parse::<u8>();
        if month.is_err() {
            errs.insert("max_days_per_month", incomplete());
        }
        let notice_days = notice.get_untracked().trim().parse::<u16>();
        if notice_days.is_err() {
            errs.insert("notice_days", incomplete());
        }
        let mut contact_hours = Vec::new();
        for (start, end) in &bands {
            let (s, e) = (start.get_untracked(), end.get_untracked());
            if s.trim().is_empty() && e.trim().is_empty() {
                continue;
            }
            match (parse_time(&s), parse_time(&e)) {
                (Some(start), Some(end)) => contact_hours.push(TimeBand { start, end }),
                _ => {
                    errs.insert("contact_hours", incomplete());
                }
            }
        }
        let (Ok(from), Ok(until), Ok(week), Ok(month), Ok(notice_days), true) =
            (from, until, week, month, notice_days, errs.is_empty())
        else {
            errors.set(errs);
            alert.set(t.form_has_errors.into());
            return;
        };
        let chosen = weekdays.get_untracked();
        let mut places = Vec::new();
        if home.get_untracked() {
            places.push(Place::Home);
        }
        for line in named.get_untracked().lines() {
            if !line.trim().is_empty() {
                places.push(Place::Named {
                    name: line.trim().to_owned(),
                });
            }
        }
        let previous = existing.get_value();
        let agreement = Agreement {
            id: previous
                .as_ref()
                .map_or_else(|| AgreementId(uuid::Uuid::new_v4()), |a| a.id),
            person,
            mode: mode.get_untracked(),
            valid_from: from,
            valid_until: until,
            max_days_per_week: week,
            max_days_per_month: month,
            weekdays: WEEKDAYS
                .iter()
                .zip(chosen)
                .filter(|(_, on)| *on)
                .map(|(d, _)| *d)
                .collect(),
            places,
            contact_hours,
            notice_days,
            withdrawn_from: previous.and_then(|a| a.withdrawn_from),
        };
        match sync.submit(Command::Directory(Dir::SaveAgreement { agreement })) {
            Ok(()) => {
                errors.set(BTreeMap::new());
                alert.set(String::new());
                message.set(t.agreement_saved.into());
                on_close.run(());
            }
            Err(r) => {
                let text = (i18n.t().rejection)(&r);
                match field_of(&r) {
                    Some(field) => {
                        errors.set(BTreeMap::from([(field, text)]));
                        alert.set(t.form_has_errors.into());
                    }
                    None => {
                        errors.set(BTreeMap::new());
                        alert.set(text);
                    }
                }
            }
        }
    };

    let number = move |id: &'static str,
                       label: fn() -> &'static str,
                       signal: RwSignal<String>,
                       max: &'static str| {
        view! {
            <div>
                <label for=format!("agreement-{id}")>{label}</label>
                <input
                    id=format!("agreement-{id}")
                    type="number"
                    min="0"
                    max=max
                    inputmode="numeric"
                    aria-invalid=invalid(errors, id)
                    aria-describedby=format!("agreement-{id}-error")
                    prop:value=move || signal.get()
                    on:input=move |ev| signal.set(event_target_value(&ev))
                />
                {error_line(errors, id)}
            </div>
        }
    };
    let date_field = move |id: &'static str,
                           label: fn() -> &'static str,
                           signal: RwSignal<String>| {
        view! {
            <div>
                <label for=format!("agreement-{id}")>{label}</label>
                <input
                    id=format!("agreement-{id}")
                    type="date"
                    aria-invalid=invalid(errors, id)
                    aria-describedby=format!("agreement-{id}-error agreement-{id}-hint")
                    prop:value=move || signal.get()
                    on:input=move |ev| signal.set(event_target_value(&ev))
                />
                {(id == "valid_until").then(|| view! {
                    <p id="agreement-valid_until-hint" class="team-hint">{move || i18n.t().team().field_valid_until_hint}</p>
                })}
                {error_line(errors, id)}
            </div>
        }
    };
    // Labels are read when rendered; the form is rebuilt on a language change.
    let t = move || i18n.t().team();

    let title = {
        let name = name.clone();
        let is_new = existing.with_value(Option::is_none);
        move || {
            if is_new {
                (t().new_agreement)(&name)
            } else {
                (t().edit_agreement)(&name)
            }
        }
    };

    view! {
        <section class="form-card agreement-form" aria-labelledby="agreement-title">
            <h2 id="agreement-title" tabindex="-1" node_ref=heading>{title}</h2>
            <form on:submit=save novalidate>
                <p class="team-alert" role="alert">{move || alert.get()}</p>
                <div class="form-grid">
                    <div>
                        <label for="agreement-mode">{move || t().field_mode}</label>
                        <select
                            id="agreement-mode"
                            on:change=move |ev| {
                                mode.set(match event_target_value(&ev).as_str() {
                                    "remote" => WorkMode::Remote,
                                    "telework" => WorkMode::Telework,
                                    _ => WorkMode::Agile,
                                })
                            }
                        >
                            <option value="agile" selected=move || mode.get() == WorkMode::Agile>{move || t().mode_agile}</option>
                            <option value="remote" selected=move || mode.get() == WorkMode::Remote>{move || t().mode_remote}</option>
                            <option value="telework" selected=move || mode.get() == WorkMode::Telework>{move || t().mode_telework}</option>
                        </select>
                    </div>
                    {date_field("valid_from", || use_i18n().t().team().field_valid_from, valid_from)}
                    {date_field("valid_until", || use_i18n().t().team().field_valid_until, valid_until)}
                    {number("max_days_per_week", || use_i18n().t().team().field_max_week, max_week, "5")}
                    {number("max_days_per_month", || use_i18n().t().team().field_max_month, max_month, "23")}
                    {number("notice_days", || use_i18n().t().team().field_notice, notice, "365")}
                </div>
                <fieldset
                    class="group"
                    aria-invalid=invalid(errors, "weekdays")
                    aria-describedby="agreement-weekdays-error"
                >
                    <legend>{move || t().field_weekdays}</legend>
                    <div class="choices">
                        {WEEKDAYS
                            .iter()
                            .enumerate()
                            .map(|(i, day)| {
                                let day = *day;
                                view! {
                                    <label>
                                        <input
                                            type="checkbox"
                                            prop:checked=move || weekdays.with(|w| w[i])
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                weekdays.update(|w| w[i] = on);
                                            }
                                        />
                                        {move || weekday_name(day, i18n.locale())}
                                    </label>
                                }
                            })
                            .collect_view()}
                    </div>
                    {error_line(errors, "weekdays")}
                </fieldset>
                <fieldset class="group" aria-describedby="agreement-places-error">
                    <legend>{move || t().field_places}</legend>
                    <div class="choices">
                        <label>
                            <input
                                type="checkbox"
                                prop:checked=move || home.get()
                                on:change=move |ev| home.set(event_target_checked(&ev))
                            />
                            {move || t().field_home}
                        </label>
                    </div>
                    <label for="agreement-named">{move || t().field_named_places}</label>
                    <textarea
                        id="agreement-named"
                        aria-invalid=invalid(errors, "places")
                        aria-describedby="agreement-named-hint agreement-places-error"
                        prop:value=move || named.get()
                        on:input=move |ev| named.set(event_target_value(&ev))
                    ></textarea>
                    <p id="agreement-named-hint" class="team-hint">{move || t().field_named_places_hint}</p>
                    {error_line(errors, "places")}
                </fieldset>
                <fieldset class="group" aria-describedby="agreement-contact_hours-error">
                    <legend>{move || t().field_contact_hours}</legend>
                    <div class="form-grid">
                        {bands
                            .iter()
                            .enumerate()
                            .map(|(i, (start, end))| {
                                let (start, end) = (*start, *end);
                                view! {
                                    <div>
                                        <label for=format!("band-{i}-start")>{move || (t().band_start)(i + 1)}</label>
                                        <input
                                            id=format!("band-{i}-start")
                                            type="time"
                                            aria-invalid=invalid(errors, "contact_hours")
                                            prop:value=move || start.get()
                                            on:input=move |ev| start.set(event_target_value(&ev))
                                        />
                                    </div>
                                    <div>
                                        <label for=format!("band-{i}-end")>{move || (t().band_end)(i + 1)}</label>
                                        <input
                                            id=format!("band-{i}-end")
                                            type="time"
                                            aria-invalid=invalid(errors, "contact_hours")
                                            prop:value=move || end.get()
                                            on:input=move |ev| end.set(event_target_value(&ev))
                                        />
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                    {error_line(errors, "contact_hours")}
                </fieldset>
                <div class="form-buttons">
                    <button type="submit" class="primary">{move || t().save}</button>
                    <button type="button" class="secondary" on:click=move |_| on_close.run(())>
                        {move || t().close}
                    </button>
                </div>
            </form>
            {move || {
                existing
                    .get_value()
                    .filter(|a| a.withdrawn_from.is_none())
                    .map(|a| view! { <Withdraw agreement=a name=name.clone() errors message on_close /> })
            }}
        </section>
    }
}

/// Withdrawal with notice: a date (earliest by default) and a confirmation.
#[component]
fn Withdraw(
    agreement: Agreement,
    name: String,
    errors: Errors,
    message: RwSignal<String>,
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let earliest = rome_date(now()) + Duration::days(i64::from(agreement.notice_days));
    let effective = RwSignal::new(earliest.to_string());
    let confirming = RwSignal::new(false);
    let id = agreement.id;
    let withdraw = move |_| {
        let t = i18n.t().team();
        let Ok(date) = effective.get_untracked().parse::<NaiveDate>() else {
            errors.set(BTreeMap::from([(
                "withdraw",
                t.field_incomplete.to_owned(),
            )]));
            confirming.set(false);
            return;
        };
        match sync.submit(Command::Directory(Dir::WithdrawAgreement {
            id,
            effective: date,
        })) {
            Ok(()) => {
                message.set(t.agreement_withdrawn.into());
                on_close.run(());
            }
            Err(r) => {
                errors.set(BTreeMap::from([("withdraw", (i18n.t().rejection)(&r))]));
            }
        }
        confirming.set(false);
    };
    let confirm_ref = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(el) = confirm_ref.get() {
            let _ = el.focus();
        }
    });
    view! {
        <div class="withdraw">
            <h3>{move || i18n.t().team().withdraw}</h3>
            <label for="agreement-withdraw">{move || i18n.t().team().withdraw_effective}</label>
            <input
                id="agreement-withdraw"
                type="date"
                aria-invalid=invalid(errors, "withdraw")
                aria-describedby="agreement-withdraw-error"
                prop:value=move || effective.get()
                on:input=move |ev| effective.set(event_target_value(&ev))
            />
            {error_line(errors, "withdraw")}
            <div class="form-buttons">
                {move || {
                    let t = i18n.t().team();
                    if confirming.get() {
                        let date = effective
                            .get()
                            .parse::<NaiveDate>()
                            .map(|d| medium_date(d, i18n.locale()))
                            .unwrap_or_default();
                        view! {
                            <p role="alert">{(t.withdraw_question)(&name, &date)}</p>
                            <button type="button" class="primary" node_ref=confirm_ref on:click=withdraw>
                                {t.withdraw_confirm}
                            </button>
                            <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                                {t.cancel}
                            </button>
                        }
                        .into_any()
                    } else {
                        view! {
                            <button type="button" class="secondary" on:click=move |_| confirming.set(true)>
                                {t.withdraw}
                            </button>
                        }
                        .into_any()
                    }
                }}
            </div>
        </div>
    }
}
