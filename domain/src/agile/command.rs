//! What people do with agile days, and what it changes.

use std::collections::BTreeMap;

use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::{Absence, AbsenceKind, DayPlan, RefusedDay, Request, TeamDay};
use crate::directory::{Place, WorkMode};
use crate::ids::{AbsenceId, ObjectiveId, PersonId, RequestId, TeamId};

/// Which days a request asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "kind")
)]
#[serde(remote = "Self", rename_all = "snake_case", deny_unknown_fields)]
pub enum DaySelection {
    /// These dates (duplicates are ignored).
    Dates { dates: Vec<NaiveDate> },
    /// Every given weekday from `from` to `until`, both included (e.g. every
    /// Tuesday and Thursday until the end of the year). It expands into
    /// single days, each checked on its own.
    Weekly {
        weekdays: Vec<Weekday>,
        from: NaiveDate,
        until: NaiveDate,
    },
}
crate::flat_tagged!(DaySelection, "kind");

/// A lead's answer to pending days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approve,
    Reject,
}

/// Changes to agile days and absences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "type", rename = "AgileCommand")
)]
#[serde(remote = "Self", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// Asks for days away from the office (the person themself, for
    /// themself). Each day is checked on its own: the days that pass become
    /// pending, the others are listed with their reason in the event; the
    /// command is refused only when no day passes.
    RequestDays {
        id: RequestId,
        days: DaySelection,
        mode: WorkMode,
        place: Place,
        #[serde(default)]
        note: String,
    },
    /// Takes back pending or approved days of a request (its owner, until
    /// each day starts in Rome). `dates: None` means every such day; given
    /// dates are all or nothing, like decisions.
    CancelDays {
        request: RequestId,
        #[serde(default)]
        dates: Option<Vec<NaiveDate>>,
    },
    /// Takes back, in one action, every pending or approved day of one's own
    /// from `from` to `until` (both included) that has not started, whatever
    /// request asked for it. Each day passes the same check as
    /// [`Command::CancelDays`]; the days that have started are left alone.
    /// Refused when no day in the range can be cancelled.
    CancelRange { from: NaiveDate, until: NaiveDate },
    /// Approves or rejects pending days of a request (a lead of the
    /// person's team, or an administrator; never one's own request unless
    /// administrator). A rejection needs a note. An approval that would
    /// leave the team under its minimum office presence is refused unless
    /// `acknowledge_coverage` says the lead has seen the warning. All or
    /// nothing: when one of the given days cannot be decided, the command
    /// is refused with that day's reason. `dates: None` means every pending
    /// day of the request.
    DecideDays {
        request: RequestId,
        #[serde(default)]
        dates: Option<Vec<NaiveDate>>,
        decision: Decision,
        #[serde(default)]
        note: String,
        #[serde(default)]
        acknowledge_coverage: bool,
    },
    /// Records leave or another absence (the person themself, a lead of
    /// their team or an administrator). Pending and approved days it covers
    /// are withdrawn.
    RecordAbsence {
        id: AbsenceId,
        person: PersonId,
        from: NaiveDate,
        until: NaiveDate,
        kind: AbsenceKind,
        #[serde(default)]
        reason: String,
    },
    /// Removes an absence recorded by mistake (the person, a lead of their
    /// team or an administrator). Withdrawn days are not restored: ask again.
    CancelAbsence { id: AbsenceId },
    /// Notes the objectives worked on during an approved day away (its
    /// owner, on or after the day).
    LogActivity {
        date: NaiveDate,
        objectives: Vec<ObjectiveId>,
        #[serde(default)]
        note: String,
    },
}
crate::flat_tagged!(Command, "type");

/// What an agile command changed. Day plans are carried whole, as they are
/// after the change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "type", rename = "AgileEvent")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Event {
    /// A request was made: `days` are the new pending days, `refused` the
    /// days that did not pass and why (shown to the person, not stored).
    DaysRequested {
        request: Request,
        days: Vec<DayPlan>,
        #[serde(default)]
        refused: Vec<RefusedDay>,
    },
    /// Days were approved or rejected.
    DaysDecided { days: Vec<DayPlan> },
    /// Days were cancelled by their owner.
    DaysCancelled { days: Vec<DayPlan> },
    /// An absence was recorded; `withdrawn` are the days it freed.
    AbsenceRecorded {
        absence: Absence,
        #[serde(default)]
        withdrawn: Vec<DayPlan>,
    },
    /// An absence was removed.
    AbsenceCancelled { absence: Absence },
    /// The person logged what they did on a day away.
    ActivityLogged { day: DayPlan },
    /// The counts of a team on some dates. Never made by `apply`: it is
    /// what [`redact`](super::redact) sends people of other teams instead of
    /// names.
    TeamCounts {
        team: TeamId,
        counts: BTreeMap<NaiveDate, TeamDay>,
    },
}
crate::flat_tagged!(Event, "type");
