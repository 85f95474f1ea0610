//! Dates and times shown to people: in Europe/Rome, in the chosen language,
//! formatted by the browser's `Intl` (no locale data in our bundle).

use chrono::{DateTime, Utc};
use wasm_bindgen::JsValue;

use crate::i18n::Locale;

/// "14:05" — the time of day of an instant, in Rome.
pub fn time_of_day(at: DateTime<Utc>, locale: Locale) -> String {
    let options = js_sys::Object::new();
    let set = |key: &str, value: &str| {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    };
    set("hour", "2-digit");
    set("minute", "2-digit");
    set("timeZone", "Europe/Rome");
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    date.to_locale_time_string_with_options(locale.code(), &options)
        .into()
}
