use chrono::NaiveDate;
use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

/// Why a directory command (organisation, teams, people, agreements) was
/// refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "code", rename = "DirectoryRejection")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Rejection {
    /// The organisation is already set up.
    #[error("the organisation is already set up")]
    OrganisationExists,
    /// Nothing can be added before the organisation is set up.
    #[error("the organisation is not set up yet")]
    NoOrganisation,
    /// Usernames are unique in an organisation.
    #[error("the username {username} is taken")]
    UsernameTaken { username: String },
    /// Employee numbers are unique in an organisation.
    #[error("the employee number {employee_number} is already someone else's")]
    EmployeeNumberTaken { employee_number: String },
    /// A withdrawal notice shorter than the law allows.
    #[error("the withdrawal notice must be at least {min_days} days")]
    NoticeTooShort { min_days: u16 },
    /// A withdrawal that takes effect before the notice has run.
    #[error("with the notice, the withdrawal can take effect from {earliest} at the earliest")]
    WithdrawalTooSoon { earliest: NaiveDate },
    /// Contact bands longer in total than the daily working time.
    #[error("contact bands total {minutes} minutes, more than the {max_minutes} of a working day")]
    ContactBandTooLong { minutes: u32, max_minutes: u32 },
    /// A contact band inside the 22:00–06:00 inoperability band.
    #[error("the contact band {start}–{end} falls in the 22:00–06:00 rest band")]
    ContactInRestBand { start: NaiveTime, end: NaiveTime },
    /// Contact bands that leave less than the daily rest free.
    #[error("the contact bands leave {hours} hours of rest, fewer than {min_hours}")]
    RestTooShort { hours: u32, min_hours: u32 },
    /// A person may hold one agreement in force at a time.
    #[error("the person already has an agreement for part of this period")]
    AgreementOverlaps,
    /// The last administrator cannot remove their own role.
    #[error("the organisation must keep at least one administrator")]
    LastAdmin,
    /// Only a deactivated person can be anonymised.
    #[error("the person is still active")]
    StillActive,
    /// The records of a person who left are kept for the retention period.
    #[error("the person can be anonymised from {from}")]
    RetentionRunning { from: NaiveDate },
    /// An anonymised person cannot be changed any more.
    #[error("the person has been anonymised")]
    Anonymised,
}
crate::flat_tagged!(Rejection, "code");
