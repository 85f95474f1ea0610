//! A stretch of months in words.

use chrono::Datelike;
use vela_domain::monitoring::Months;

use crate::format::month_title;
use crate::i18n::{use_i18n, Locale};

/// How a period was chosen, as the picker offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Month,
    Year,
    Range,
}

impl Kind {
    pub(crate) fn of(months: &Months) -> Kind {
        if months.count == 1 {
            Kind::Month
        } else if months.count == 12 && months.first.month() == 1 {
            Kind::Year
        } else {
            Kind::Range
        }
    }
}

/// "novembre 2026", "Anno 2026", "Da gennaio 2026 a giugno 2026".
pub fn period_title(months: &Months, locale: Locale) -> String {
    let t = &use_i18n().t().monitoring();
    let month = |d: chrono::NaiveDate| month_title(d.year(), d.month(), locale);
    match Kind::of(months) {
        Kind::Month => month(months.first),
        Kind::Year => (t.year_title)(months.first.year()),
        Kind::Range => (t.range_title)(&month(months.first), &month(months.last_day())),
    }
}
