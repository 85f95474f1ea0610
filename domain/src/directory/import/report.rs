//! What an import would do (or did), row by row: the preview the
//! administrator confirms, and the same report once applied, with the
//! revisions that carried it.

use serde::{Deserialize, Serialize};

use super::columns::Column;
use crate::ids::PersonId;
use crate::Rejection;

/// The preview of an import file, or its result once applied.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ImportReport")
)]
pub struct Report {
    /// The columns recognised in the header, in file order.
    pub columns: Vec<Column>,
    /// Headers that name nothing Vela knows; their cells are ignored.
    pub ignored_columns: Vec<String>,
    /// One entry per data row, in file order.
    pub rows: Vec<RowReport>,
    /// Active people of the organisation that no row names.
    pub missing: Vec<MissingPerson>,
    /// Whether people missing from the file are deactivated.
    pub deactivate_missing: bool,
    pub counts: Counts,
}

/// How many rows (and missing people) fall in each kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ImportCounts")
)]
pub struct Counts {
    pub new: u32,
    pub changed: u32,
    pub unchanged: u32,
    /// Rows refused, plus missing people whose deactivation is refused.
    pub refused: u32,
    /// Active people not in the file.
    pub missing: u32,
    /// Of those, the ones deactivated.
    pub deactivated: u32,
}

impl Report {
    /// Whether the whole file can be applied: nothing is refused. An import
    /// is all or nothing.
    pub fn applicable(&self) -> bool {
        self.counts.refused == 0
    }

    /// Whether applying would change anything at all.
    pub fn changes_anything(&self) -> bool {
        self.counts.new + self.counts.changed + self.counts.deactivated > 0
    }

    pub(super) fn count(&mut self) {
        let mut counts = Counts::default();
        for row in &self.rows {
            match row.outcome {
                RowOutcome::New => counts.new += 1,
                RowOutcome::Changed { .. } => counts.changed += 1,
                RowOutcome::Unchanged => counts.unchanged += 1,
                RowOutcome::Refused { .. } => counts.refused += 1,
            }
        }
        for missing in &self.missing {
            counts.missing += 1;
            match missing.outcome {
                MissingOutcome::Deactivated => counts.deactivated += 1,
                MissingOutcome::Refused { .. } => counts.refused += 1,
                MissingOutcome::Kept | MissingOutcome::Yourself => {}
            }
        }
        self.counts = counts;
    }
}

/// One data row of the file and what becomes of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ImportRow")
)]
pub struct RowReport {
    /// The row's line in the file (the header is line 1).
    pub line: u64,
    /// As written in the file (trimmed).
    pub employee_number: String,
    /// "Name Surname" as it would be stored.
    pub name: String,
    pub username: String,
    /// The person the row names: the one found, or the id a new one gets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonId>,
    pub outcome: RowOutcome,
    /// Once applied: the revision of the row's last change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u64>,
}

/// What an import does with a row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "kind", rename = "ImportRowOutcome")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum RowOutcome {
    /// A person Vela does not have yet.
    New,
    /// A known person, some of whose details differ.
    Changed { changes: Vec<FieldChange> },
    /// A known person whose details are all as in the file.
    Unchanged,
    /// The row cannot be imported; nothing of the file is, until it is fixed.
    Refused { reason: RowError },
}
crate::flat_tagged!(RowOutcome, "kind");

/// One detail that an import changes, as shown before and after (team by
/// name, roles by code separated by commas, dates as YYYY-MM-DD).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ImportFieldChange")
)]
pub struct FieldChange {
    pub field: Field,
    pub from: String,
    pub to: String,
}

/// A detail of a person an import can change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ImportField")
)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    EmployeeNumber,
    Name,
    Email,
    Username,
    Team,
    Roles,
    CommuteKm,
    Language,
    /// Deactivated people named in the file are reactivated.
    Active,
    /// The agreement starting on the file's date: new, or its terms.
    Agreement,
}

/// Why a row is refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "code", rename = "ImportRowError")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum RowError {
    /// A required cell is empty.
    MissingValue { column: Column },
    /// More cells than the header has columns (often a separator inside a
    /// value that is not quoted).
    CellCount { found: u32, expected: u32 },
    /// No team of the organisation has this name.
    UnknownTeam { team: String },
    /// Several teams of the organisation have this name.
    AmbiguousTeam { team: String },
    /// A role Vela does not know.
    UnknownRole { role: String },
    /// A cell that should be a whole, non-negative number.
    NotANumber { column: Column, value: String },
    /// A cell that should be a date (YYYY-MM-DD or DD/MM/YYYY).
    NotADate { column: Column, value: String },
    /// A cell whose value is none of those the column accepts.
    UnknownValue { column: Column, value: String },
    /// The rules refused the change, as they would on the People page.
    Rule { rejection: Rejection },
}
crate::flat_tagged!(RowError, "code");

/// An active person of the organisation that no row names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "ImportMissingPerson")
)]
pub struct MissingPerson {
    pub person: PersonId,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_number: Option<String>,
    pub outcome: MissingOutcome,
    /// Once applied: the revision of the deactivation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u64>,
}

/// What an import does with a person missing from the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "kind", rename = "ImportMissingOutcome")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum MissingOutcome {
    /// Left as they are (deactivation was not asked).
    Kept,
    /// Deactivated (never deleted: their history stays).
    Deactivated,
    /// The administrator importing: never deactivated by their own import.
    Yourself,
    /// The rules refuse the deactivation (e.g. the last administrator).
    Refused { reason: RowError },
}
crate::flat_tagged!(MissingOutcome, "kind");

/// Why a whole file is refused: nothing of it is looked at further.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "code", rename = "ImportFileError")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum FileError {
    /// Only an administrator of the organisation imports its people.
    #[error("only an administrator of the organisation imports people")]
    NotAllowed,
    #[error("the file is larger than {limit_bytes} bytes")]
    TooLarge { limit_bytes: u64 },
    #[error("the file has more than {limit} rows")]
    TooManyRows { limit: u32 },
    /// Not text in UTF-8 or Windows-1252 (a spreadsheet's own format, or
    /// UTF-16).
    #[error("the file is not text in UTF-8 or Windows-1252: save it as CSV")]
    Encoding,
    #[error("the file is empty")]
    Empty,
    #[error("the file has a header but no rows")]
    NoRows,
    #[error("the file cannot be read as CSV near line {line}")]
    Malformed { line: u64 },
    #[error("the column {column:?} is missing")]
    MissingColumn { column: Column },
    #[error("two columns of the header mean {column:?}")]
    DuplicateColumn { column: Column },
    #[error("the employee number {employee_number} is on lines {first} and {second}")]
    DuplicateEmployeeNumber {
        employee_number: String,
        first: u64,
        second: u64,
    },
}
crate::flat_tagged!(FileError, "code");

impl FileError {
    /// The stable machine code, e.g. `"missing_column"`.
    pub fn code(&self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get("code").and_then(|c| c.as_str()).map(str::to_owned))
            .unwrap_or_else(|| "invalid_file".to_owned())
    }
}

impl From<crate::csv_file::TableError> for FileError {
    fn from(e: crate::csv_file::TableError) -> FileError {
        use crate::csv_file::TableError as T;
        match e {
            T::Encoding => FileError::Encoding,
            T::Empty => FileError::Empty,
            T::NoRows => FileError::NoRows,
            T::TooManyRows { limit } => FileError::TooManyRows { limit },
            T::Malformed { line } => FileError::Malformed { line },
        }
    }
}
