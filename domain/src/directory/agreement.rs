//! The individual agreement (*accordo individuale*, Law 81/2017, art. 19):
//! the frame every agile day must fit in.

use chrono::{NaiveDate, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};

use super::Rejection as DirectoryRejection;
use crate::ids::{AgreementId, PersonId};
use crate::rejection::{check_text, Problem, Rejection};

/// Average daily working time in minutes: 36 weekly hours over five days
/// (CCNL Funzioni Centrali). A contact band may not be longer than this.
pub const DAILY_WORK_MINUTES: u32 = 36 * 60 / 5;

/// Minimum notice, in days, for withdrawing from an open-ended agreement.
pub const MIN_NOTICE_DAYS: u16 = 30;

/// The inoperability band (no work may be asked) starts at 22:00 …
pub const REST_STARTS: NaiveTime = match NaiveTime::from_hms_opt(22, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};
/// … and ends at 06:00.
pub const REST_ENDS: NaiveTime = match NaiveTime::from_hms_opt(6, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// Consecutive hours of daily rest the contact bands must leave free.
pub const MIN_REST_HOURS: u32 = 11;

/// One of the three ways of working at a distance (CCNL Funzioni Centrali
/// 2019–21, Title V). They are kept distinct in every report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum WorkMode {
    /// *Lavoro agile*: no fixed hours or place, within the agreement.
    Agile,
    /// *Lavoro da remoto*: a place fixed in advance and fixed hours.
    Remote,
    /// Telework from a telecentre or coworking (as TelePAT's telecentres).
    Telework,
}

/// Where an agile day may be worked.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "kind")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Place {
    Home,
    /// A named coworking space or telecentre.
    Named {
        name: String,
    },
}
crate::flat_tagged!(Place, "kind");

/// A daily band of time, e.g. the contact band 09:30–12:30.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimeBand {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl TimeBand {
    fn minutes(self) -> u32 {
        let start = self.start.num_seconds_from_midnight() / 60;
        let end = self.end.num_seconds_from_midnight() / 60;
        end.saturating_sub(start)
    }
}

/// An individual agreement between a person and the organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Agreement {
    pub id: AgreementId,
    pub person: PersonId,
    pub mode: WorkMode,
    pub valid_from: NaiveDate,
    /// Last day of a fixed-term agreement; `None` when open-ended.
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
    pub max_days_per_week: u8,
    pub max_days_per_month: u8,
    /// Weekdays on which agile days may be requested.
    pub weekdays: Vec<Weekday>,
    /// Where the days may be worked; at least one.
    pub places: Vec<Place>,
    /// When the person must be reachable (*fascia di contattabilità*);
    /// outside them they have the right to disconnect.
    pub contact_hours: Vec<TimeBand>,
    /// Notice for withdrawal, at least [`MIN_NOTICE_DAYS`].
    pub notice_days: u16,
    /// The first day the agreement no longer applies after a withdrawal.
    #[serde(default)]
    pub withdrawn_from: Option<NaiveDate>,
}

impl Agreement {
    /// Whether the agreement applies on `date`: inside its validity and
    /// before any withdrawal takes effect.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        date >= self.valid_from
            && self.valid_until.is_none_or(|until| date <= until)
            && self.withdrawn_from.is_none_or(|w| date < w)
    }

    /// The first day a withdrawal asked for on `today` may take effect:
    /// after the agreement's notice.
    pub fn earliest_withdrawal(&self, today: NaiveDate) -> NaiveDate {
        today + chrono::Duration::days(i64::from(self.notice_days))
    }

    /// Whether the person may still withdraw from it on `today`: it has not
    /// ended by then and no withdrawal is set yet.
    pub fn may_be_withdrawn(&self, today: NaiveDate) -> bool {
        self.withdrawn_from.is_none() && self.valid_until.is_none_or(|u| u >= today)
    }

    /// Whether agile days may fall on `weekday`.
    pub fn allows_weekday(&self, weekday: Weekday) -> bool {
        self.weekdays.contains(&weekday)
    }

    /// Checks the agreement's own consistency: validity period, limits,
    /// weekdays and places, notice, and the contact bands against the daily
    /// working time, the 22:00–06:00 inoperability band and the 11 hours of
    /// consecutive rest.
    pub fn validate(&self) -> Result<(), Rejection> {
        if self
            .valid_until
            .is_some_and(|until| until < self.valid_from)
        {
            return Err(Rejection::invalid("valid_until", Problem::EndBeforeStart));
        }
        if self.max_days_per_week == 0 || self.max_days_per_week > 5 {
            return Err(Rejection::invalid("max_days_per_week", Problem::OutOfRange));
        }
        if self.max_days_per_month == 0 || self.max_days_per_month > 23 {
            return Err(Rejection::invalid(
                "max_days_per_month",
                Problem::OutOfRange,
            ));
        }
        if self.weekdays.is_empty() {
            return Err(Rejection::invalid("weekdays", Problem::Empty));
        }
        if self
            .weekdays
            .iter()
            .any(|d| matches!(d, Weekday::Sat | Weekday::Sun))
        {
            return Err(Rejection::invalid("weekdays", Problem::OutOfRange));
        }
        if has_duplicates(&self.weekdays) {
            return Err(Rejection::invalid("weekdays", Problem::Duplicate));
        }
        if self.places.is_empty() {
            return Err(Rejection::invalid("places", Problem::Empty));
        }
        for place in &self.places {
            if let Place::Named { name } = place {
                check_text("places", name, 120)?;
            }
        }
        if self.notice_days < MIN_NOTICE_DAYS {
            return Err(DirectoryRejection::NoticeTooShort {
                min_days: MIN_NOTICE_DAYS,
            }
            .into());
        }
        self.validate_contact_hours()
    }

    fn validate_contact_hours(&self) -> Result<(), Rejection> {
        let mut bands = self.contact_hours.clone();
        crate::order::sort_by_key(&mut bands, |b| b.start);
        for band in &bands {
            if band.end <= band.start {
                return Err(Rejection::invalid("contact_hours", Problem::EndBeforeStart));
            }
            if band.start < REST_ENDS || band.end > REST_STARTS {
                return Err(DirectoryRejection::ContactInRestBand {
                    start: band.start,
                    end: band.end,
                }
                .into());
            }
        }
        if bands.windows(2).any(|w| w[1].start < w[0].end) {
            return Err(Rejection::invalid("contact_hours", Problem::Duplicate));
        }
        let minutes: u32 = bands.iter().map(|b| b.minutes()).sum();
        if minutes > DAILY_WORK_MINUTES {
            return Err(DirectoryRejection::ContactBandTooLong {
                minutes,
                max_minutes: DAILY_WORK_MINUTES,
            }
            .into());
        }
        if let (Some(first), Some(last)) = (bands.first(), bands.last()) {
            let span = TimeBand {
                start: first.start,
                end: last.end,
            }
            .minutes();
            let rest_hours = (24 * 60 - span) / 60;
            if rest_hours < MIN_REST_HOURS {
                return Err(DirectoryRejection::RestTooShort {
                    hours: rest_hours,
                    min_hours: MIN_REST_HOURS,
                }
                .into());
            }
        }
        Ok(())
    }
}

fn has_duplicates<T: PartialEq>(items: &[T]) -> bool {
    items
        .iter()
        .enumerate()
        .any(|(i, a)| items[i + 1..].contains(a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rejection::CommonRejection;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    pub(crate) fn sample() -> Agreement {
        Agreement {
            id: AgreementId::from_u128(1),
            person: PersonId::from_u128(2),
            mode: WorkMode::Agile,
            valid_from: d(2026, 1, 1),
            valid_until: Some(d(2026, 12, 31)),
            max_days_per_week: 2,
            max_days_per_month: 8,
            weekdays: vec![Weekday::Tue, Weekday::Thu],
            places: vec![Place::Home],
            contact_hours: vec![
                TimeBand {
                    start: t(9, 30),
                    end: t(12, 30),
                },
                TimeBand {
                    start: t(14, 30),
                    end: t(16, 30),
                },
            ],
            notice_days: 30,
            withdrawn_from: None,
        }
    }

    #[test]
    fn a_typical_agreement_is_valid() {
        assert_eq!(sample().validate(), Ok(()));
    }

    #[test]
    fn validity_period_and_withdrawal() {
        let mut a = sample();
        assert!(a.in_force(d(2026, 1, 1)));
        assert!(a.in_force(d(2026, 12, 31)));
        assert!(!a.in_force(d(2027, 1, 1)));
        assert!(!a.in_force(d(2025, 12, 31)));
        a.withdrawn_from = Some(d(2026, 6, 1));
        assert!(a.in_force(d(2026, 5, 31)));
        assert!(!a.in_force(d(2026, 6, 1)));
        a.valid_until = Some(d(2025, 1, 1));
        assert_eq!(
            a.validate(),
            Err(Rejection::invalid("valid_until", Problem::EndBeforeStart))
        );
    }

    #[test]
    fn notice_of_at_least_thirty_days() {
        let mut a = sample();
        a.notice_days = 29;
        assert_eq!(
            a.validate(),
            Err(DirectoryRejection::NoticeTooShort { min_days: 30 }.into())
        );
    }

    #[test]
    fn contact_bands_respect_working_time_and_rest() {
        let mut a = sample();
        a.contact_hours = vec![TimeBand {
            start: t(8, 0),
            end: t(16, 0),
        }];
        assert!(matches!(
            a.validate(),
            Err(Rejection::Directory(
                DirectoryRejection::ContactBandTooLong { minutes: 480, .. }
            ))
        ));
        a.contact_hours = vec![TimeBand {
            start: t(21, 0),
            end: t(23, 0),
        }];
        assert!(matches!(
            a.validate(),
            Err(Rejection::Directory(
                DirectoryRejection::ContactInRestBand { .. }
            ))
        ));
        a.contact_hours = vec![
            TimeBand {
                start: t(6, 0),
                end: t(8, 0),
            },
            TimeBand {
                start: t(19, 0),
                end: t(21, 0),
            },
        ];
        assert!(matches!(
            a.validate(),
            Err(Rejection::Directory(DirectoryRejection::RestTooShort {
                hours: 9,
                ..
            }))
        ));
    }

    #[test]
    fn weekends_and_empty_lists_are_refused() {
        let mut a = sample();
        a.weekdays = vec![Weekday::Sat];
        assert!(matches!(
            a.validate(),
            Err(Rejection::Common(CommonRejection::Invalid { .. }))
        ));
        a = sample();
        a.places.clear();
        assert_eq!(
            a.validate(),
            Err(Rejection::invalid("places", Problem::Empty))
        );
        a = sample();
        a.max_days_per_week = 6;
        assert_eq!(
            a.validate(),
            Err(Rejection::invalid("max_days_per_week", Problem::OutOfRange))
        );
    }
}
