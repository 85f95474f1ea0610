//! The weeks of a month as a calendar shows them: Monday first (as
//! Italian calendars are), padded with the days of the neighbouring months.

use chrono::{Datelike, Duration, NaiveDate};

/// The weeks (Monday to Sunday) that contain a day of `year`-`month`.
pub fn month_weeks(year: i32, month: u32) -> Vec<[NaiveDate; 7]> {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return Vec::new();
    };
    let mut monday = first - Duration::days(i64::from(first.weekday().num_days_from_monday()));
    let mut weeks = Vec::new();
    while monday.year() < year || (monday.year() == year && monday.month() <= month) {
        let mut week = [monday; 7];
        for (offset, day) in week.iter_mut().enumerate() {
            *day = monday + Duration::days(offset as i64);
        }
        weeks.push(week);
        monday += Duration::days(7);
        if weeks.len() > 6 {
            break;
        }
    }
    weeks
}

/// The month before and after `year`-`month`.
pub fn neighbours(year: i32, month: u32) -> ((i32, u32), (i32, u32)) {
    let previous = if month == 1 {
        (year - 1, 12)
    } else {
        (year, month - 1)
    };
    let next = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    (previous, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weeks_start_on_monday_and_cover_the_month() {
        let weeks = month_weeks(2026, 11);
        // 1 November 2026 is a Sunday: the first week starts on 26 October.
        assert_eq!(weeks[0][0], d(2026, 10, 26));
        assert_eq!(weeks[0][6], d(2026, 11, 1));
        assert_eq!(weeks.last().unwrap()[0], d(2026, 11, 30));
        assert_eq!(weeks.len(), 6);
    }

    #[test]
    fn february_of_a_leap_year_and_december() {
        let weeks = month_weeks(2027, 2);
        assert_eq!(weeks.len(), 4, "February 2027 starts on a Monday");
        let weeks = month_weeks(2028, 2);
        assert!(weeks.iter().flatten().any(|x| *x == d(2028, 2, 29)));
        let weeks = month_weeks(2026, 12);
        assert_eq!(weeks.last().unwrap()[6], d(2027, 1, 3));
        assert_eq!(neighbours(2026, 12), ((2026, 11), (2027, 1)));
        assert_eq!(neighbours(2027, 1), ((2026, 12), (2027, 2)));
    }
}
