//! Dates and times shown to people: in Europe/Rome, in the chosen language,
//! formatted by the browser's `Intl` (no locale data in our bundle).

use chrono::{DateTime, NaiveDate, Utc};
use wasm_bindgen::JsValue;

use crate::i18n::Locale;

fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let options = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    options
}

/// A calendar date as a JS Date at noon UTC, so no time zone moves it to
/// another day.
fn js_date(date: NaiveDate) -> js_sys::Date {
    let noon = date.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
    js_sys::Date::new(&JsValue::from_f64(noon.timestamp_millis() as f64))
}

fn format_date(date: NaiveDate, locale: Locale, pairs: &[(&str, &str)]) -> String {
    let mut all = pairs.to_vec();
    all.push(("timeZone", "UTC"));
    js_date(date)
        .to_locale_date_string(locale.intl(), &options(&all))
        .into()
}

/// "14:05" — the time of day of an instant, in Rome.
pub fn time_of_day(at: DateTime<Utc>, locale: Locale) -> String {
    let options = options(&[
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("timeZone", "Europe/Rome"),
    ]);
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    date.to_locale_time_string_with_options(locale.intl(), &options)
        .into()
}

/// "novembre 2026" / "November 2026".
pub fn month_title(year: i32, month: u32, locale: Locale) -> String {
    match NaiveDate::from_ymd_opt(year, month, 1) {
        Some(date) => format_date(date, locale, &[("month", "long"), ("year", "numeric")]),
        None => String::new(),
    }
}

/// "nov 26" / "Nov 26": a month along a chart's axis.
pub fn month_short(year: i32, month: u32, locale: Locale) -> String {
    match NaiveDate::from_ymd_opt(year, month, 1) {
        Some(date) => format_date(date, locale, &[("month", "short"), ("year", "2-digit")]),
        None => String::new(),
    }
}

/// "martedì 24 novembre 2026" / "Tuesday, 24 November 2026".
pub fn long_date(date: NaiveDate, locale: Locale) -> String {
    format_date(
        date,
        locale,
        &[
            ("weekday", "long"),
            ("day", "numeric"),
            ("month", "long"),
            ("year", "numeric"),
        ],
    )
}

/// "lun" / "Mon".
pub fn weekday_short(date: NaiveDate, locale: Locale) -> String {
    format_date(date, locale, &[("weekday", "short")])
}

/// "1.234,5" / "1,234.5": a number with at most `decimals` decimals, by the
/// browser's `Intl`.
pub fn number(value: f64, locale: Locale, decimals: u32) -> String {
    let digits = decimals.to_string();
    let locales = js_sys::Array::of1(&JsValue::from_str(locale.intl()));
    let format = js_sys::Intl::NumberFormat::new(
        &locales,
        &options(&[("maximumFractionDigits", digits.as_str())]),
    )
    .format();
    format
        .call1(&JsValue::NULL, &JsValue::from_f64(value))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{value:.*}", decimals as usize))
}

/// "12,5%" / "12.5%" from a percentage (0–100).
pub fn percent(value: f64, locale: Locale) -> String {
    format!("{}%", number(value, locale, 1))
}

/// "7 dic" / "7 Dec".
pub fn day_month(date: NaiveDate, locale: Locale) -> String {
    format_date(date, locale, &[("day", "numeric"), ("month", "short")])
}

/// "13 dic 2026" / "13 Dec 2026".
pub fn short_date(date: NaiveDate, locale: Locale) -> String {
    format_date(
        date,
        locale,
        &[("day", "numeric"), ("month", "short"), ("year", "numeric")],
    )
}

/// "07/12/2026", as Italian forms write a date (both languages: the
/// sentences of a refusal and the audit list use it). Written out rather
/// than through chrono's `format`, whose pattern parser would otherwise
/// be in the first download for these few dates.
pub fn numeric_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
}

/// "08:30".
pub fn hour_minute(time: chrono::NaiveTime) -> String {
    use chrono::Timelike;
    format!("{:02}:{:02}", time.hour(), time.minute())
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, NaiveTime};

    #[test]
    fn numeric_dates_and_times_have_their_leading_zeros() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        assert_eq!(super::numeric_date(date), "07/03/2026");
        let time = NaiveTime::from_hms_opt(8, 5, 0).unwrap();
        assert_eq!(super::hour_minute(time), "08:05");
    }
}
