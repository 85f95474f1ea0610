use chrono::{Datelike, NaiveDate};

use super::Holidays;

/// The ISO 8601 week of `date` as `"2026-W49"`. The year is the ISO year,
/// so 1 January 2027 (a Friday) belongs to `"2026-W53"`.
pub fn iso_week_label(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

/// The calendar month of `date` as `"2026-11"`.
pub fn month_label(date: NaiveDate) -> String {
    format!("{}-{:02}", date.year(), date.month())
}

/// Every working day of the month that contains `date`, in order.
pub fn working_days_in_month(date: NaiveDate, holidays: Holidays<'_>) -> Vec<NaiveDate> {
    let Some(first) = date.with_day(1) else {
        return Vec::new();
    };
    first
        .iter_days()
        .take_while(|d| d.month() == first.month())
        .filter(|d| holidays.is_working_day(*d))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn iso_weeks_across_month_and_year_boundaries() {
        assert_eq!(iso_week_label(d(2026, 11, 30)), "2026-W49");
        assert_eq!(iso_week_label(d(2026, 12, 6)), "2026-W49");
        assert_eq!(iso_week_label(d(2027, 1, 1)), "2026-W53");
        assert_eq!(iso_week_label(d(2024, 12, 30)), "2025-W01");
        assert_eq!(iso_week_label(d(2028, 2, 29)), "2028-W09");
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let h = Holidays { extra: &[] };
        // December 2026: 23 weekdays minus 8 and 25 December (Tue, Fri);
        // 26 December is a Saturday.
        assert_eq!(working_days_in_month(d(2026, 12, 15), h).len(), 21);
        // February 2028 has 29 days, 21 of them weekdays.
        assert_eq!(working_days_in_month(d(2028, 2, 1), h).len(), 21);
        assert_eq!(month_label(d(2028, 2, 29)), "2028-02");
    }
}
