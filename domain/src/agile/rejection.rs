use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::RefusedDay;
use crate::directory::WorkMode;

/// Why an agile command, or one day of a request, was refused. Weeks are
/// ISO labels (`"2026-W49"`), months `"2026-11"`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "code", rename = "AgileRejection")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Rejection {
    /// Weekends, national holidays and the organisation's own holidays are
    /// not working days; `holiday` is `"weekend"` or the holiday's name.
    #[error("{date} is not a working day ({holiday})")]
    NonWorkingDay { date: NaiveDate, holiday: String },
    /// Days can be asked for, or cancelled, only before they start (Rome
    /// time).
    #[error("{date} has already started")]
    DayStarted { date: NaiveDate },
    /// No individual agreement is in force on the day.
    #[error("no agreement is in force on {date}")]
    AgreementMissing { date: NaiveDate },
    /// The agreement is for another way of working at a distance.
    #[error("the agreement in force on {date} is for {mode:?} work")]
    AgreementMode { date: NaiveDate, mode: WorkMode },
    /// The agreement does not allow this weekday.
    #[error("the agreement does not allow {weekday} ({date})")]
    AgreementWeekday { date: NaiveDate, weekday: Weekday },
    /// The agreement does not name this place.
    #[error("the agreement does not allow this place ({date})")]
    AgreementPlace { date: NaiveDate },
    /// The agreement's maximum days away in one ISO week.
    #[error("the agreement allows at most {limit} days in {week}")]
    AgreementWeekLimit { limit: u8, week: String },
    /// The agreement's maximum days away in one calendar month.
    #[error("the agreement allows at most {limit} days in {month}")]
    AgreementMonthLimit { limit: u8, month: String },
    /// Office days must outnumber days away in every month, counting
    /// working days net of absences (DM 8.10.2021).
    #[error(
        "in {month} office days must prevail: at most {max_days} days away \
         ({working_days} working days, {absent_days} absent)"
    )]
    OfficePrevalence {
        month: String,
        max_days: u32,
        working_days: u32,
        absent_days: u32,
    },
    /// The team's cap on the share of members away on the same day.
    #[error("on {date} at most {max_people} of the team ({max_percent}%) may work away")]
    TeamAgileShare {
        date: NaiveDate,
        max_percent: u8,
        max_people: u32,
    },
    /// The whole team works in the office that day (a team meeting).
    #[error("{date} is an office day for the team: {note}")]
    OfficeOnlyDay { date: NaiveDate, note: String },
    /// The person already has a pending or approved day on that date.
    #[error("{date} is already planned")]
    DayAlreadyPlanned { date: NaiveDate },
    /// The person is absent that day.
    #[error("you are absent on {date}")]
    AbsentOnDay { date: NaiveDate },
    /// Every day of a request was refused; each with its reason.
    #[error("no day of the request can be accepted")]
    NoDayAccepted { refused: Vec<RefusedDay> },
    /// Approving would leave fewer people in the office than the team's
    /// minimum; the lead may approve anyway by acknowledging it.
    #[error("on {date} only {in_office} would be in the office, the minimum is {minimum}")]
    CoverageBelowMinimum {
        date: NaiveDate,
        in_office: u32,
        minimum: u32,
    },
    /// Only pending days can be decided.
    #[error("{date} is not waiting for a decision")]
    DayNotPending { date: NaiveDate },
    /// Only pending or approved days can be cancelled.
    #[error("{date} is not planned any more")]
    DayNotActive { date: NaiveDate },
    /// No pending or approved day still to come in the range.
    #[error("nothing to cancel from {from} to {until}")]
    NothingToCancel { from: NaiveDate, until: NaiveDate },
    /// The date is not a day of this request.
    #[error("{date} is not part of this request")]
    DayNotInRequest { date: NaiveDate },
    /// A person's absences may not overlap.
    #[error("an absence already covers {date}")]
    AbsenceOverlaps { date: NaiveDate },
    /// Activity is logged on an approved day away only.
    #[error("{date} is not an approved day away")]
    ActivityWithoutAgileDay { date: NaiveDate },
    /// Activity cannot be logged for a day still to come.
    #[error("{date} has not come yet")]
    ActivityInFuture { date: NaiveDate },
}
crate::flat_tagged!(Rejection, "code");
