//! The few date shapes the calendar needs besides those of `crate::format`,
//! also formatted by the browser's `Intl` (no locale data in the bundle).

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};
use wasm_bindgen::JsValue;

use crate::format::month_title;
use crate::i18n::Locale;

fn intl(date: NaiveDate, locale: Locale, pairs: &[(&str, &str)]) -> String {
    let options = js_sys::Object::new();
    for (key, value) in pairs.iter().chain(&[("timeZone", "UTC")]) {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let noon = date.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
    js_sys::Date::new(&JsValue::from_f64(noon.timestamp_millis() as f64))
        .to_locale_date_string(locale.intl(), &options)
        .into()
}

/// "12 gennaio" / "12 January".
pub fn day_month(date: NaiveDate, locale: Locale) -> String {
    intl(date, locale, &[("day", "numeric"), ("month", "long")])
}

/// "gennaio 2027" / "January 2027".
pub fn month_name(date: NaiveDate, locale: Locale) -> String {
    month_title(date.year(), date.month(), locale)
}

/// "martedì" / "Tuesday".
pub fn weekday_long(weekday: Weekday, locale: Locale) -> String {
    // 5 January 2026 is a Monday.
    let monday = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
    let date = monday + chrono::Duration::days(i64::from(weekday.num_days_from_monday()));
    intl(date, locale, &[("weekday", "long")])
}

/// "09:30" (no chrono formatting: it weighs on the bundle).
pub fn hour_minute(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// A date as `<input type="date">` wants it: "2027-01-12".
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// The date typed in an `<input type="date">`, if complete.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_round_trip() {
        let date = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
        assert_eq!(iso(date), "2027-01-05");
        assert_eq!(parse_iso("2027-01-05"), Some(date));
        assert_eq!(parse_iso(""), None);
        assert_eq!(parse_iso("2027-02-30"), None);
        assert_eq!(
            hour_minute(NaiveTime::from_hms_opt(9, 5, 0).unwrap()),
            "09:05"
        );
    }
}
