//! What an import of absences would do (or did), row by row.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::columns::Column;
use crate::agile::AbsenceKind;
use crate::ids::PersonId;
use crate::Rejection;

/// The preview of a file of absences, or its result once applied.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "AbsenceImportReport")
)]
pub struct Report {
    /// The columns recognised in the header, in file order.
    pub columns: Vec<Column>,
    /// Headers that name nothing Vela knows; their cells are ignored.
    pub ignored_columns: Vec<String>,
    /// One entry per data row, in file order.
    pub rows: Vec<RowReport>,
    pub counts: Counts,
}

/// How many rows fall in each kind, and the planned days they withdraw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "AbsenceImportCounts")
)]
pub struct Counts {
    pub new: u32,
    /// Already recorded as the file says (importing a file again).
    pub unchanged: u32,
    pub refused: u32,
    /// Planned or requested days away that the new absences withdraw.
    pub withdrawn_days: u32,
}

impl Report {
    /// Whether the whole file can be applied: nothing is refused.
    pub fn applicable(&self) -> bool {
        self.counts.refused == 0
    }

    pub(super) fn count(&mut self) {
        let mut counts = Counts::default();
        for row in &self.rows {
            match row.outcome {
                RowOutcome::New { withdrawn_days } => {
                    counts.new += 1;
                    counts.withdrawn_days += withdrawn_days;
                }
                RowOutcome::Unchanged => counts.unchanged += 1,
                RowOutcome::Refused { .. } => counts.refused += 1,
            }
        }
        self.counts = counts;
    }
}

/// One data row and what becomes of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "AbsenceImportRow")
)]
pub struct RowReport {
    /// The row's line in the file (the header is line 1).
    pub line: u64,
    /// How the row names the person, as written (employee number, else
    /// username).
    pub key: String,
    /// The person found, and their name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonId>,
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AbsenceKind>,
    pub outcome: RowOutcome,
    /// Once applied: the revision that recorded the absence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u64>,
}

/// What an import does with a row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "kind", rename = "AbsenceImportRowOutcome")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum RowOutcome {
    /// An absence Vela does not have yet; it withdraws this many planned
    /// days of the person.
    New { withdrawn_days: u32 },
    /// The same absence (person, days and kind) is already recorded.
    Unchanged,
    /// The row cannot be imported; nothing of the file is, until it is fixed.
    Refused { reason: RowError },
}
crate::flat_tagged!(RowOutcome, "kind");

/// Why a row is refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "code", rename = "AbsenceImportRowError")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum RowError {
    /// A required cell is empty.
    MissingValue { column: Column },
    /// More cells than the header has columns.
    CellCount { found: u32, expected: u32 },
    /// No person of the organisation has this employee number or username.
    UnknownPerson { value: String },
    /// A cell that should be a date (YYYY-MM-DD or DD/MM/YYYY).
    NotADate { column: Column, value: String },
    /// A kind of absence Vela does not know.
    UnknownKind { value: String },
    /// The rules refused the absence, as they would on the Absences page
    /// (e.g. it overlaps one already recorded, or one earlier in the file).
    Rule { rejection: Rejection },
}
crate::flat_tagged!(RowError, "code");

/// Why a whole file is refused: nothing of it is looked at further.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "code", rename = "AbsenceImportFileError")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum FileError {
    /// Only an administrator of the organisation imports absences.
    #[error("only an administrator of the organisation imports absences")]
    NotAllowed,
    #[error("the file is larger than {limit_bytes} bytes")]
    TooLarge { limit_bytes: u64 },
    #[error("the file has more than {limit} rows")]
    TooManyRows { limit: u32 },
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
