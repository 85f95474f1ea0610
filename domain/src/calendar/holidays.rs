use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous
/// Gregorian algorithm, valid for every year chrono can represent).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // month is 3 or 4 and day 1..=31 by construction.
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or(NaiveDate::MIN)
}

/// The Italian national holiday falling on `date`, if any, by its Italian
/// name. Includes Easter Monday (*Lunedì dell'Angelo*) and, from 2026, the
/// 4 October feast of Saint Francis restored by Law 151/2025.
pub fn national_holiday(date: NaiveDate) -> Option<&'static str> {
    let fixed = match (date.month(), date.day()) {
        (1, 1) => Some("Capodanno"),
        (1, 6) => Some("Epifania"),
        (4, 25) => Some("Festa della Liberazione"),
        (5, 1) => Some("Festa del Lavoro"),
        (6, 2) => Some("Festa della Repubblica"),
        (8, 15) => Some("Ferragosto"),
        (10, 4) if date.year() >= 2026 => Some("San Francesco d'Assisi"),
        (11, 1) => Some("Ognissanti"),
        (12, 8) => Some("Immacolata Concezione"),
        (12, 25) => Some("Natale"),
        (12, 26) => Some("Santo Stefano"),
        _ => None,
    };
    fixed.or_else(|| {
        let easter = easter_sunday(date.year());
        if date == easter {
            Some("Pasqua")
        } else if date == easter + Duration::days(1) {
            Some("Lunedì dell'Angelo")
        } else {
            None
        }
    })
}

/// A holiday of one organisation on top of the national ones, such as the
/// patron saint of its city (San Vigilio, 26 June, in Trento).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "kind")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum ExtraHoliday {
    /// Every year on this month and day.
    Yearly { month: u32, day: u32, name: String },
    /// Once, on this date (a bridge day, a local closure).
    Once { date: NaiveDate, name: String },
}
crate::flat_tagged!(ExtraHoliday, "kind");

impl ExtraHoliday {
    fn falls_on(&self, date: NaiveDate) -> bool {
        match self {
            ExtraHoliday::Yearly { month, day, .. } => date.month() == *month && date.day() == *day,
            ExtraHoliday::Once { date: d, .. } => *d == date,
        }
    }

    /// The holiday's name as the organisation wrote it.
    pub fn name(&self) -> &str {
        match self {
            ExtraHoliday::Yearly { name, .. } | ExtraHoliday::Once { name, .. } => name,
        }
    }
}

/// The non-working days of one organisation: weekends, national holidays
/// and its own extra holidays.
#[derive(Clone, Copy, Debug)]
pub struct Holidays<'a> {
    /// The organisation's own holidays.
    pub extra: &'a [ExtraHoliday],
}

impl Holidays<'_> {
    /// Why `date` is not a working day (`"weekend"` or the holiday's name),
    /// or `None` when it is one.
    pub fn non_working(&self, date: NaiveDate) -> Option<&str> {
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            return Some("weekend");
        }
        national_holiday(date).or_else(|| {
            self.extra
                .iter()
                .find(|h| h.falls_on(date))
                .map(ExtraHoliday::name)
        })
    }

    /// Whether people work on `date` (Monday to Friday, not a holiday).
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.non_working(date).is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_dates_of_several_years() {
        assert_eq!(easter_sunday(2024), d(2024, 3, 31));
        assert_eq!(easter_sunday(2025), d(2025, 4, 20));
        assert_eq!(easter_sunday(2026), d(2026, 4, 5));
        assert_eq!(easter_sunday(2027), d(2027, 3, 28));
        assert_eq!(easter_sunday(2038), d(2038, 4, 25));
        assert_eq!(easter_sunday(2285), d(2285, 3, 22));
        assert_eq!(easter_sunday(2000), d(2000, 4, 23));
    }

    #[test]
    fn easter_monday_is_a_holiday() {
        assert_eq!(national_holiday(d(2026, 4, 6)), Some("Lunedì dell'Angelo"));
        assert_eq!(national_holiday(d(2027, 3, 29)), Some("Lunedì dell'Angelo"));
        assert_eq!(national_holiday(d(2026, 4, 7)), None);
    }

    #[test]
    fn saint_francis_only_from_2026() {
        assert!(national_holiday(d(2025, 10, 4)).is_none());
        assert!(national_holiday(d(2027, 10, 4)).is_some());
    }

    #[test]
    fn weekends_holidays_and_patron_saints_are_not_working_days() {
        let extra = [ExtraHoliday::Yearly {
            month: 6,
            day: 26,
            name: "San Vigilio".into(),
        }];
        let h = Holidays { extra: &extra };
        assert_eq!(h.non_working(d(2026, 11, 28)), Some("weekend"));
        assert_eq!(h.non_working(d(2026, 12, 8)), Some("Immacolata Concezione"));
        assert_eq!(h.non_working(d(2026, 6, 26)), Some("San Vigilio"));
        assert_eq!(h.non_working(d(2026, 6, 2)), Some("Festa della Repubblica"));
        assert!(h.is_working_day(d(2026, 11, 24)));
        assert!(h.is_working_day(d(2028, 2, 29)));
    }
}
