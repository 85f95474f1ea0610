//! The Europe/Rome wall clock without a time-zone database: Italy follows
//! the EU rule (CET, +1; CEST, +2 from 01:00 UTC on the last Sunday of March
//! to 01:00 UTC on the last Sunday of October). A tz database would add
//! hundreds of kilobytes to the browser build for this one zone.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let next_month_first = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .unwrap_or(NaiveDate::MAX);
    let last = next_month_first.pred_opt().unwrap_or(next_month_first);
    let back = last.weekday().num_days_from_sunday();
    last.checked_sub_signed(Duration::days(i64::from(back)))
        .unwrap_or(last)
}

fn switch_instant(year: i32, month: u32) -> DateTime<Utc> {
    let day = last_sunday(year, month);
    Utc.from_utc_datetime(&day.and_hms_opt(1, 0, 0).unwrap_or_default())
}

/// Hours Rome is ahead of UTC at `instant`: 2 in summer time, else 1.
pub fn rome_offset_hours(instant: DateTime<Utc>) -> i64 {
    let year = instant.year();
    if instant >= switch_instant(year, 3) && instant < switch_instant(year, 10) {
        2
    } else {
        1
    }
}

/// The Rome wall-clock time at `instant`. At the very end of chrono's range
/// (commands cannot reach it: see `boundary`) it stays in UTC rather than
/// overflow.
pub fn to_rome(instant: DateTime<Utc>) -> NaiveDateTime {
    let utc = instant.naive_utc();
    utc.checked_add_signed(Duration::hours(rome_offset_hours(instant)))
        .unwrap_or(utc)
}

/// The calendar date in Rome at `instant` (what "today" means to users).
pub fn rome_date(instant: DateTime<Utc>) -> NaiveDate {
    to_rome(instant).date()
}

/// The instant at which `date` begins in Rome.
pub fn rome_midnight_utc(date: NaiveDate) -> DateTime<Utc> {
    let guess = Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0).unwrap_or_default());
    // Midnight is never inside a switch hour (those are at 02:00/03:00 local).
    let before = guess
        .checked_sub_signed(Duration::hours(2))
        .unwrap_or(guess);
    guess
        .checked_sub_signed(Duration::hours(rome_offset_hours(before)))
        .unwrap_or(guess)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn summer_and_winter_offsets() {
        assert_eq!(rome_offset_hours(utc(2026, 1, 15, 12, 0)), 1);
        assert_eq!(rome_offset_hours(utc(2026, 7, 15, 12, 0)), 2);
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(rome_offset_hours(utc(2026, 3, 29, 0, 59)), 1);
        assert_eq!(rome_offset_hours(utc(2026, 3, 29, 1, 0)), 2);
        assert_eq!(rome_offset_hours(utc(2026, 10, 25, 0, 59)), 2);
        assert_eq!(rome_offset_hours(utc(2026, 10, 25, 1, 0)), 1);
    }

    #[test]
    fn rome_date_changes_at_local_midnight() {
        assert_eq!(
            rome_date(utc(2026, 11, 23, 23, 30)),
            NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
        );
        assert_eq!(
            rome_midnight_utc(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()),
            utc(2026, 11, 23, 23, 0)
        );
        assert_eq!(
            rome_midnight_utc(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()),
            utc(2026, 6, 30, 22, 0)
        );
    }

    #[test]
    fn the_ends_of_chrono_s_range_do_not_panic() {
        for instant in [DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC] {
            let _ = to_rome(instant);
            let _ = rome_date(instant);
            let _ = rome_offset_hours(instant);
        }
        for date in [NaiveDate::MAX, NaiveDate::MIN] {
            let _ = rome_midnight_utc(date);
        }
    }
}
