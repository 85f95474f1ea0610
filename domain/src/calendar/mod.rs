//! Dates and times as Italian public administrations count them: working
//! days, national holidays, ISO weeks and the Europe/Rome wall clock.

mod holidays;
mod rome;
mod week;

pub use holidays::{easter_sunday, national_holiday, ExtraHoliday, Holidays};
pub use rome::{rome_date, rome_midnight_utc, rome_offset_hours, to_rome};
pub use week::{iso_week_label, month_label, working_days_in_month};
