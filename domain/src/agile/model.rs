//! The records of the area: day plans, requests, absences and the counts per
//! team and day.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Rejection;
use crate::directory::{Place, WorkMode};
use crate::ids::{AbsenceId, ObjectiveId, PersonId, RequestId};

/// Where a requested day stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayStatus {
    /// Asked for, waiting for the lead.
    Pending,
    /// Agreed by a lead or an administrator.
    Approved,
    /// Refused by a lead or an administrator, with a reason.
    Rejected,
    /// Taken back by the person before the day started.
    Cancelled,
    /// Freed by an absence or by the end of the agreement; the person is
    /// told why in [`DayPlan::withdrawn_for`].
    Withdrawn,
}

impl DayStatus {
    /// Whether the day still counts as planned away from the office (for
    /// the agreement's limits and prevalence, pending days count too: they
    /// may still be approved).
    pub fn is_active(self) -> bool {
        matches!(self, DayStatus::Pending | DayStatus::Approved)
    }
}

/// Why a day was withdrawn without the person asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Withdrawal {
    /// An absence now covers the day.
    Absence,
    /// No agreement is in force on the day any more (withdrawn or changed).
    AgreementEnded,
}

/// What was done on an agile day: the objectives worked on and a short note.
/// This is how results, not presence, are followed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Activity {
    pub objectives: Vec<ObjectiveId>,
    #[serde(default)]
    pub note: String,
}

/// One person's plan for one working day away from the office. Office days
/// have no record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DayPlan {
    pub person: PersonId,
    pub date: NaiveDate,
    /// The request that asked for the day.
    pub request: RequestId,
    pub mode: WorkMode,
    pub place: Place,
    pub status: DayStatus,
    /// Who approved or rejected the day (`None` while pending, or when the
    /// system decided).
    #[serde(default)]
    pub decided_by: Option<PersonId>,
    /// The decision's note: the reason of a rejection, or the lead's note on
    /// an approval under the minimum coverage.
    #[serde(default)]
    pub decision_note: Option<String>,
    /// Set when the day was withdrawn.
    #[serde(default)]
    pub withdrawn_for: Option<Withdrawal>,
    /// What was done, logged by the person.
    #[serde(default)]
    pub activity: Option<Activity>,
}

/// A request for one or more days, as the person made it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Request {
    pub id: RequestId,
    pub person: PersonId,
    /// The days accepted as pending when the request was made (the refused
    /// ones are in the event only).
    pub dates: BTreeSet<NaiveDate>,
    /// The person's note to the lead.
    #[serde(default)]
    pub note: String,
}

/// The kind of an absence. Seen only by the person and administrators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AbsenceKind {
    /// Annual leave (*ferie*).
    Holiday,
    /// Sick leave (*malattia*).
    Sick,
    /// Other authorised leave (*permesso*: Law 104, study, family).
    Leave,
    /// Training or a mission away from the office.
    Training,
    /// Maternity, paternity or parental leave (*congedo*).
    Parental,
    Other,
}

impl AbsenceKind {
    /// Every kind, in the order forms offer them.
    pub const ALL: [AbsenceKind; 6] = [
        AbsenceKind::Holiday,
        AbsenceKind::Leave,
        AbsenceKind::Sick,
        AbsenceKind::Training,
        AbsenceKind::Parental,
        AbsenceKind::Other,
    ];
}

/// What only the person and administrators may know about an absence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AbsenceDetail {
    pub kind: AbsenceKind,
    #[serde(default)]
    pub reason: String,
}

/// A period (whole days, both ends included) in which a person does not
/// work. It is excluded from the prevalence count and frees the planned days
/// it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Absence {
    pub id: AbsenceId,
    pub person: PersonId,
    pub from: NaiveDate,
    pub until: NaiveDate,
    /// `None` in the views of people who may only know that the person is
    /// absent.
    #[serde(default)]
    pub detail: Option<AbsenceDetail>,
}

/// One day of a request that did not pass, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RefusedDay {
    pub date: NaiveDate,
    pub reason: Rejection,
}

/// How many members of a team are away on a day. Everyone sees these, also
/// for other teams, instead of names.
///
/// A zero count is left out of the JSON: a person's view holds a year of
/// these for every team (most of an employee's pull at 2,500 people), and a
/// missing count reads as zero in every release, so readers old and new
/// accept either form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TeamDay {
    /// Approved days away (agile, remote or telework).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub away: u32,
    /// Days asked for and not decided yet.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub pending: u32,
    /// Members absent (any calendar day of an absence).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub absent: u32,
}

fn is_zero(count: &u32) -> bool {
    *count == 0
}

impl TeamDay {
    /// Whether nothing is counted (such entries are not kept).
    pub fn is_empty(&self) -> bool {
        *self == TeamDay::default()
    }
}

#[cfg(test)]
mod tests {
    use super::TeamDay;

    /// Pulls and browser caches written before zero counts were left out
    /// hold every count; both forms read the same.
    #[test]
    fn a_team_day_reads_the_same_with_or_without_its_zero_counts() {
        let day = TeamDay {
            away: 3,
            pending: 0,
            absent: 1,
        };
        let short = serde_json::to_string(&day).expect("json");
        assert_eq!(short, r#"{"away":3,"absent":1}"#);
        let full: TeamDay =
            serde_json::from_str(r#"{"away":3,"pending":0,"absent":1}"#).expect("full form");
        assert_eq!(full, day);
        assert_eq!(serde_json::from_str::<TeamDay>(&short).expect("short"), day);
    }
}
