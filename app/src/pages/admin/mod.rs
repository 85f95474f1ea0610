//! Pages that change the rules of the work — the team rules (leads) and the
//! individual agreements (administrators) — and the administrators' home.

mod absences_import;
mod agreement_form;
mod agreements;
mod audit;
mod certificates;
mod csv_upload;
mod home;
mod notices_form;
mod organisation;
mod partnership;
mod password_form;
mod people;
mod people_import;
mod person_data;
mod person_form;
mod rules;
mod team_form;
mod teams;

pub use absences_import::AbsencesImport;
pub use agreements::Agreements;
pub use audit::AuditLog;
pub use certificates::VerifyCertificate;
pub use home::Administration;
pub use organisation::OrganisationPage;
pub use partnership::Partnership;
pub use people::People;
pub use people_import::PeopleImport;
pub use rules::TeamRules;
pub use teams::Teams;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::i18n::{use_i18n, Locale};
use crate::pages::team::{is_admin, loaded, loading_view};
use crate::session::signed_in_person;
use crate::sync::client::use_sync;

/// Whether the state is loaded, and whether the signed-in person is an
/// administrator: a page keyed on this is rebuilt only when it changes,
/// never on ordinary live updates.
pub(crate) fn admin_access() -> Memo<(bool, bool)> {
    let state = use_sync().state();
    let me = signed_in_person();
    Memo::new(move |_| state.with(|s| (loaded(s), is_admin(s, me))))
}

/// The body of an administrators' page: loading, a refusal for anyone
/// else, or `content`.
pub(crate) fn admin_only(
    access: Memo<(bool, bool)>,
    content: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl Fn() -> AnyView + Send + Sync + 'static {
    let i18n = use_i18n();
    move || match access.get() {
        (false, _) => loading_view().into_any(),
        (true, false) => {
            view! { <p class="admin-empty">{move || i18n.t().admin().only_admins}</p> }.into_any()
        }
        (true, true) => content(),
    }
}

/// A checkbox's change to the set it edits.
pub(crate) fn toggle<T: Ord + Send + Sync + 'static>(
    set: RwSignal<BTreeSet<T>>,
    item: T,
    on: bool,
) {
    set.update(|s| {
        if on {
            s.insert(item);
        } else {
            s.remove(&item);
        }
    });
}

/// Puts the focus in a form's first field once it is shown.
pub(crate) fn focus_when_shown(first: NodeRef<html::Input>) {
    Effect::new(move |_| {
        if let Some(input) = first.get() {
            let _ = input.focus();
        }
    });
}

/// Save and Close, the end of every administration form.
#[component]
pub(crate) fn FormButtons(on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="form-buttons">
            <button type="submit" class="primary">{move || i18n.t().admin().save}</button>
            <button type="button" class="secondary" on:click=move |_| on_close.run(())>
                {move || i18n.t().admin().close}
            </button>
        </div>
    }
}

/// "12 gennaio 2027" / "12 January 2027", by the browser's Intl.
pub(crate) fn medium_date(date: NaiveDate, locale: Locale) -> String {
    intl_date(
        date,
        locale,
        &[("day", "numeric"), ("month", "long"), ("year", "numeric")],
    )
}

/// "26 giugno" / "26 June".
pub(crate) fn day_month(month: u32, day: u32, locale: Locale) -> String {
    // A leap year, so 29 February has a date.
    let date = NaiveDate::from_ymd_opt(2028, month, day).unwrap_or_default();
    intl_date(date, locale, &[("day", "numeric"), ("month", "long")])
}

/// "lunedì" / "Monday".
pub(crate) fn weekday_name(weekday: chrono::Weekday, locale: Locale) -> String {
    // 1 January 2024 was a Monday.
    let monday = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let date = monday + chrono::Duration::days(i64::from(weekday.num_days_from_monday()));
    intl_date(date, locale, &[("weekday", "long")])
}

fn intl_date(date: NaiveDate, locale: Locale, pairs: &[(&str, &str)]) -> String {
    let options = js_sys::Object::new();
    for (key, value) in pairs.iter().chain(&[("timeZone", "UTC")]) {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let noon = date.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
    js_sys::Date::new(&JsValue::from_f64(noon.timestamp_millis() as f64))
        .to_locale_date_string(locale.intl(), &options)
        .into()
}
