//! The stretch of time a report covers: whole calendar months.

use chrono::{Datelike, Months as ChronoMonths, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::month_label;

/// The longest stretch one report covers: five years, so a report's cost
/// stays bounded whatever a caller asks for.
pub const MAX_MONTHS: u32 = 60;

/// One or more consecutive whole months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Months {
    /// The first day of the first month.
    pub first: NaiveDate,
    /// How many months, at least one.
    pub count: u32,
}

impl Months {
    /// The month that contains `day`.
    pub fn of(day: NaiveDate) -> Months {
        Months {
            first: day.with_day(1).unwrap_or(day),
            count: 1,
        }
    }

    /// The calendar year `year`, January to December.
    pub fn year(year: i32) -> Option<Months> {
        Some(Months {
            first: NaiveDate::from_ymd_opt(year, 1, 1)?,
            count: 12,
        })
    }

    /// The months from the one containing `from` to the one containing
    /// `until`, both included; `None` if `until` comes first or the stretch
    /// is longer than [`MAX_MONTHS`].
    pub fn between(from: NaiveDate, until: NaiveDate) -> Option<Months> {
        let first = Months::of(from).first;
        let last = Months::of(until).first;
        if last < first {
            return None;
        }
        let span = (last.year() - first.year()) * 12 + last.month() as i32 - first.month() as i32;
        let count = u32::try_from(span + 1).ok()?;
        (count <= MAX_MONTHS).then_some(Months { first, count })
    }

    /// The first day of each month, in order.
    pub fn starts(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        (0..self.count).filter_map(|i| self.first.checked_add_months(ChronoMonths::new(i)))
    }

    /// The last day of the last month.
    pub fn last_day(&self) -> NaiveDate {
        self.first
            .checked_add_months(ChronoMonths::new(self.count))
            .and_then(|d| d.pred_opt())
            .unwrap_or(self.first)
    }

    /// The stretch of the same length just before this one (the period a
    /// change is measured from); `None` before the year 2000.
    pub fn previous(&self) -> Option<Months> {
        let first = self
            .first
            .checked_sub_months(ChronoMonths::new(self.count))?;
        (first.year() >= 2000).then_some(Months {
            first,
            count: self.count,
        })
    }

    /// The stretch of the same length just after this one; `None` past the
    /// calendar's range.
    pub fn next(&self) -> Option<Months> {
        let first = self
            .first
            .checked_add_months(ChronoMonths::new(self.count))?;
        let next = Months {
            first,
            count: self.count,
        };
        (next.last_day().year() <= crate::boundary::LAST_YEAR).then_some(next)
    }

    /// Reads a period as [`Months::label`] writes it — `2026-11`, `2026` or
    /// `2026-01..2026-06` — within the years the domain accepts (see
    /// [`crate::boundary`]); `None` for anything else. The server's report
    /// routes and the app's page address share it.
    pub fn parse(period: &str) -> Option<Months> {
        if let Some((from, until)) = period.split_once("..") {
            return Months::between(parse_month(from)?, parse_month(until)?);
        }
        if period.len() == 4 {
            return Months::year(parse_year(period)?);
        }
        parse_month(period).map(Months::of)
    }

    /// `"2026-11"` for one month, `"2026"` for a calendar year,
    /// `"2026-01..2026-06"` otherwise.
    pub fn label(&self) -> String {
        if self.count == 1 {
            month_label(self.first)
        } else if self.count == 12 && self.first.month() == 1 {
            self.first.year().to_string()
        } else {
            format!(
                "{}..{}",
                month_label(self.first),
                month_label(self.last_day())
            )
        }
    }
}

fn parse_year(year: &str) -> Option<i32> {
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    (crate::boundary::FIRST_YEAR..=crate::boundary::LAST_YEAR)
        .contains(&year)
        .then_some(year)
}

fn parse_month(month: &str) -> Option<NaiveDate> {
    let (year, number) = month.split_once('-')?;
    if number.len() != 2 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(parse_year(year)?, number.parse().ok()?, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_year_a_month_and_a_range() {
        let year = Months::year(2026).unwrap();
        assert_eq!(year.label(), "2026");
        assert_eq!(year.starts().count(), 12);
        assert_eq!(year.last_day(), d(2026, 12, 31));
        assert_eq!(year.previous().unwrap().label(), "2025");
        assert_eq!(year.next().unwrap().label(), "2027");
        assert!(Months::year(2199).unwrap().next().is_none());
        let month = Months::of(d(2026, 2, 17));
        assert_eq!(
            (month.label(), month.last_day()),
            ("2026-02".into(), d(2026, 2, 28))
        );
        assert_eq!(month.previous().unwrap().label(), "2026-01");
        let range = Months::between(d(2025, 11, 30), d(2026, 2, 1)).unwrap();
        assert_eq!(range.count, 4);
        assert_eq!(range.label(), "2025-11..2026-02");
        assert_eq!(range.previous().unwrap().label(), "2025-07..2025-10");
    }

    #[test]
    fn backwards_too_long_or_too_early_is_refused() {
        assert!(Months::between(d(2026, 3, 1), d(2026, 2, 1)).is_none());
        assert!(Months::between(d(2020, 1, 1), d(2025, 1, 1)).is_none());
        assert!(Months::between(d(2020, 1, 1), d(2024, 12, 1)).is_some());
        assert!(Months::year(2000).unwrap().previous().is_none());
    }

    #[test]
    fn a_label_reads_back_as_its_months() {
        for label in ["2026-11", "2026", "2026-01..2026-06", "2025-11..2026-02"] {
            assert_eq!(
                Months::parse(label).map(|m| m.label()).as_deref(),
                Some(label)
            );
        }
        assert_eq!(Months::parse("2026").map(|m| m.count), Some(12));
        for bad in [
            "2026-13",
            "2026-1",
            "26-11",
            "2026/11",
            "",
            "x",
            "2026-00",
            "+202-11",
            "0000-01",
            "9999-12",
            "9999",
            "+202",
            "2026-06..2026-01",
            "2000-01..2026-01",
            "2026-01..",
            "..2026-01",
            "2026-01..2026-02..2026-03",
        ] {
            assert!(Months::parse(bad).is_none(), "{bad}");
        }
    }
}
