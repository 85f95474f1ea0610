//! Agile days: requests, day plans, absences, approvals, coverage and
//! prevalence — the heart of Vela.
//!
//! A person's working day is in the office unless a record says otherwise:
//! a [`DayPlan`] (an agile, remote or telework day, asked for and decided) or
//! an [`Absence`]. Requests go pending → approved / rejected / cancelled, and
//! an absence or the end of the agreement withdraws them.
//!
//! Where to read: [`command`](Command) (what people do), `rules.rs` (the
//! checks each day must pass), `apply.rs` (authorisation and events),
//! `index.rs` (how the state stays cheap to update: everything is keyed by
//! person and date, and the counts per team and date are kept up to date
//! event by event, so no write scans the organisation), `visibility.rs`
//! (who sees what) and [`report`] (monitoring).

mod apply;
mod command;
pub mod import;
mod index;
mod model;
mod queries;
mod rejection;
pub mod report;
mod rules;
mod visibility;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use apply::{apply, apply_event};
pub use command::{Command, DaySelection, Decision, Event};
pub use index::{directory_changed, reindex, restore_indexes};
pub use model::{
    Absence, AbsenceDetail, AbsenceKind, Activity, DayPlan, DayStatus, RefusedDay, Request,
    TeamDay, Withdrawal,
};
pub use queries::{day_kind, month_plan, pending_decisions, DayKind};
pub use rejection::Rejection;
pub use rules::{
    coverage, prevalence, share_allows, Coverage, Prevalence, MAX_ABSENCE_DAYS,
    MAX_REQUEST_SPAN_DAYS,
};
pub use visibility::{redact, sees_team_by_name, view};

use crate::ids::{AbsenceId, AgreementId, PersonId, RequestId, TeamId};

/// One person's day plans by date, shared between copies of the state.
///
/// Most of a large organisation's state is its day plans (a year of them for
/// 2,500 people is some 250,000 records). The server copies the state for
/// every snapshot it writes and every view it sends; sharing each person's
/// plans makes such a copy a pointer per person, and a change copies only
/// the changed person's plans (`Arc::make_mut`), and only while a copy
/// still holds them. The JSON is the map's, as before.
pub type PersonDays = std::sync::Arc<BTreeMap<NaiveDate, DayPlan>>;

/// This area's part of an organisation's state.
///
/// The first three maps are the records; the others are indexes derived
/// from them and from the directory, kept current by
/// [`apply_event`] and [`directory_changed`] (and rebuilt by [`reindex`]),
/// so that every check reads a handful of entries whatever the size of the
/// organisation. The indexes are never serialized: decoding a [`State`]
/// rebuilds them ([`restore_indexes`]), so neither a snapshot file nor a
/// pull nor a browser's cache carries them and none can go stale. The one
/// exception is `team_days` in a person's view: there the counts speak of
/// people whose days the view does not hold, so they cannot be rebuilt and
/// travel as data (a full state drops them before it is stored).
///
/// [`State`]: crate::State
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "AgilePart")
)]
pub struct Part {
    /// Every day plan entry, by person then date: one record per person and
    /// day (a new request for a rejected or cancelled day replaces it).
    #[serde(default)]
    pub days: BTreeMap<PersonId, PersonDays>,
    /// Every request, with the days it asked for.
    #[serde(default)]
    pub requests: BTreeMap<RequestId, Request>,
    /// Every absence.
    #[serde(default)]
    pub absences: BTreeMap<AbsenceId, Absence>,
    /// Derived: each person's absences by first day. A person's absences
    /// never overlap, so the one covering a date is the last starting on or
    /// before it.
    #[serde(skip)]
    pub absence_starts: BTreeMap<PersonId, BTreeMap<NaiveDate, AbsenceId>>,
    /// Derived: per team and date, how many members are away. Everyone sees
    /// these counts, also for other teams. Serialized only when not empty
    /// (in a view, where they cannot be rebuilt).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub team_days: BTreeMap<TeamId, BTreeMap<NaiveDate, TeamDay>>,
    /// Derived: the active members of each team.
    #[serde(skip)]
    pub members: BTreeMap<TeamId, BTreeSet<PersonId>>,
    /// Derived: each person's agreements (the directory keeps them by id).
    #[serde(skip)]
    pub agreements: BTreeMap<PersonId, BTreeSet<AgreementId>>,
}

impl Part {
    /// The day plan of `person` on `date`, if any.
    pub fn day(&self, person: PersonId, date: NaiveDate) -> Option<&DayPlan> {
        self.days.get(&person).and_then(|d| d.get(&date))
    }

    /// The absence of `person` covering `date`, if any.
    pub fn absence_on(&self, person: PersonId, date: NaiveDate) -> Option<&Absence> {
        let (_, id) = self
            .absence_starts
            .get(&person)?
            .range(..=date)
            .next_back()?;
        self.absences.get(id).filter(|a| a.until >= date)
    }

    /// The absences of `person` that overlap `from..=until`, oldest first.
    pub fn absences_between(
        &self,
        person: PersonId,
        from: NaiveDate,
        until: NaiveDate,
    ) -> impl Iterator<Item = &Absence> {
        let starts = self.absence_starts.get(&person);
        // The one starting before `from` may still run into the period.
        let before = starts
            .and_then(|s| s.range(..from).next_back())
            .map(|(_, id)| *id);
        let inside = starts
            .into_iter()
            .flat_map(move |s| s.range(from..=until).map(|(_, id)| *id));
        before
            .into_iter()
            .chain(inside)
            .filter_map(|id| self.absences.get(&id))
            .filter(move |a| a.until >= from && a.from <= until)
    }

    /// The counts of `team` on `date` (zero when nothing is planned).
    pub fn team_day(&self, team: TeamId, date: NaiveDate) -> TeamDay {
        self.team_days
            .get(&team)
            .and_then(|d| d.get(&date))
            .copied()
            .unwrap_or_default()
    }
}
