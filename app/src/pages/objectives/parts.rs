//! Small pieces the objectives pages share: who is signed in, names,
//! dates, the accessible progress bar and the objective's card.

use chrono::NaiveDate;
use leptos::prelude::*;
use vela_domain::calendar::rome_date;
use vela_domain::ids::PersonId;
use vela_domain::objectives::{score, Objective, Owner, Period, SentBack, Status};
use vela_domain::{Actor, Command, Rejection, State};
use wasm_bindgen::JsValue;

use super::logic::is_overdue;
use crate::i18n::{use_i18n, Locale};
use crate::sync::client::now;

/// Whether the domain would accept `command` from `person` now: how the
/// pages decide which actions to offer.
pub fn allowed(state: &State, person: PersonId, command: Command) -> bool {
    vela_domain::apply(state, &Actor::Person(person), &command, now()).is_ok()
}

/// A person's name, or "someone" when they are not in the directory.
pub fn person_name(state: &State, id: Option<PersonId>, locale: Locale) -> String {
    id.and_then(|id| state.directory.people.get(&id))
        .map(|p| p.name.clone())
        .unwrap_or_else(|| locale.texts().objectives().someone.to_owned())
}

/// Whose objective it is, in words.
pub fn owner_name(state: &State, owner: Owner, locale: Locale) -> String {
    match owner {
        Owner::Person(p) => person_name(state, Some(p), locale),
        Owner::Team(t) => state
            .directory
            .teams
            .get(&t)
            .map(|t| (locale.texts().objectives().owner_team)(&t.name))
            .unwrap_or_default(),
    }
}

/// "25 nov 2026" / "25 Nov 2026", by the browser's `Intl`.
pub fn short_date(date: NaiveDate, locale: Locale) -> String {
    let options = js_sys::Object::new();
    for (key, value) in [
        ("day", "numeric"),
        ("month", "short"),
        ("year", "numeric"),
        ("timeZone", "UTC"),
    ] {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let noon = date.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
    js_sys::Date::new(&JsValue::from_f64(noon.timestamp_millis() as f64))
        .to_locale_date_string(locale.intl(), &options)
        .into()
}

/// "dal 1 ott 2026 al 31 dic 2026".
pub fn period_text(period: Period, locale: Locale) -> String {
    (locale.texts().objectives().period_range)(
        &short_date(period.from, locale),
        &short_date(period.until, locale),
    )
}

/// A rejection in the current language.
pub fn rejection_text(rejection: &Rejection) -> String {
    (use_i18n().t().rejection)(rejection)
}

/// A bar from 0 to 100 % that assistive technology reads as a progress bar
/// with its value in words; the words are also shown beside it.
#[component]
pub fn ProgressBar(percent: u8, label: String, text: String) -> impl IntoView {
    let percent = percent.min(100);
    view! {
        <div class="objective-progress">
            <div
                class="progress-track"
                role="progressbar"
                aria-label=label
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=percent.to_string()
                aria-valuetext=text.clone()
            >
                <div class="progress-fill" style:width=format!("{percent}%")></div>
            </div>
            <span class="progress-text" aria-hidden="true">
                {text}
            </span>
        </div>
    }
}

/// An objective's score as a progress bar named after the objective, in
/// the current language (it follows a language switch).
#[component]
pub fn ScoreBar(percent: u8, title: String) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = i18n.t().objectives();
        view! {
            <ProgressBar
                percent=percent
                label=(t.score_of)(&title)
                text=(t.percent_reached)(percent)
            />
        }
    }
}

/// The status in words, with a class for its colour.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("status-badge status-{status}")>
            {move || i18n.t().objectives().status(status)}
        </span>
    }
}

/// Flags shown next to the status: overdue, sent back.
#[component]
pub fn Flags(objective: Objective, today: NaiveDate) -> impl IntoView {
    let overdue = is_overdue(&objective, today);
    let sent_back = objective.pending_send_back().is_some();
    view! {
        {overdue
            .then(|| {
                view! {
                    <span class="flag flag-overdue">
                        <span aria-hidden="true">"⚠ "</span>
                        {tx(|t| t.overdue)}
                    </span>
                }
            })}
        {sent_back
            .then(|| {
                view! {
                    <span class="flag flag-sent-back">
                        <span aria-hidden="true">"↩ "</span>
                        {tx(|t| t.sent_back_badge)}
                    </span>
                }
            })}
    }
}

/// The lead's comment on a sent-back objective, with who wrote it and
/// when: the owner answers it by revising and proposing again, the lead
/// sees what they asked for. A region, so it is found among the landmarks.
#[component]
pub fn SentBackNote(sent: SentBack, owner_side: bool) -> impl IntoView {
    let i18n = use_i18n();
    let by = crate::sync::client::use_sync()
        .state()
        .with_untracked(|s| person_name(s, sent.by, i18n.locale()));
    let on = rome_date(sent.at);
    view! {
        <section class="sent-back" aria-labelledby="sent-back-heading">
            <h2 id="sent-back-heading">{tx(|t| t.sent_back_heading)}</h2>
            <blockquote>{sent.comment}</blockquote>
            <p class="hint">
                {move || (i18n.t().objectives().sent_back_by)(&by, &short_date(on, i18n.locale()))}
            </p>
            <p>
                {move || {
                    let t = i18n.t().objectives();
                    if owner_side { t.sent_back_owner_hint } else { t.sent_back_lead_hint }
                }}
            </p>
        </section>
    }
}

/// One objective in a list: its title (a link to its page), status, period,
/// weight and score.
#[component]
pub fn ObjectiveCard(objective: Objective, today: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/objectives/{}", objective.id);
    let percent = score::score_whole_percent(&objective);
    let title = objective.title.clone();
    let link_text = title.clone();
    let period = objective.period;
    let weight = objective.weight;
    let status = objective.status;
    view! {
        <li class="objective-card">
            <h3>
                <a href=href>{link_text}</a>
            </h3>
            <p class="objective-meta">
                <StatusBadge status=status />
                <Flags objective=objective today=today />
            </p>
            <p class="objective-meta">
                {move || {
                    let t = i18n.t().objectives();
                    format!(
                        "{} {} · {} {}",
                        t.period_label,
                        period_text(period, i18n.locale()),
                        t.weight_label,
                        weight,
                    )
                }}
            </p>
            <ScoreBar percent=percent title=title.clone() />
        </li>
    }
}

/// A string of the objectives texts in the current language, as a view
/// that follows language changes. One function for every string keeps the
/// WASM small: each distinct closure in a view costs its own copy of the
/// rendering code.
pub fn tx(
    pick: fn(&crate::i18n::objectives::ObjectivesTexts) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || pick(i18n.t().objectives())
}
