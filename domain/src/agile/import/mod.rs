//! Importing absences from the attendance system (*rilevazione presenze*):
//! a CSV file in, a preview and a batch of `RecordAbsence` commands out.
//!
//! Each row names a person of the administrator's organisation (employee
//! number or username), a first and last day and a kind. [`plan`] checks
//! every row with [`crate::apply`] one after the other on a copy of the
//! state, exactly as the server will apply them, so a row overlapping an
//! absence already recorded — or one earlier in the file — is refused with
//! the Absences page's own reason; planned agile days under a new absence
//! are withdrawn as there. A row already recorded as the file says is
//! *unchanged*: importing a month's file again plans nothing. An import is
//! all or nothing: a file with a refused row is not applied at all.

mod columns;
mod kinds;
mod report;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

pub use columns::Column;
pub use report::{Counts, FileError, Report, RowError, RowOutcome, RowReport};

use super::{AbsenceKind, Command as AgileCommand, Event as AgileEvent};
use crate::actor::{actor_org, require_admin};
use crate::csv_file::{self, Row};
use crate::ids::{AbsenceId, OrgId, PersonId};
use crate::{Actor, Command, Event, State};

/// The largest file an import reads, in bytes (a year of absences of 2,500
/// people takes a few MiB).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The most data rows a file may have.
pub const MAX_ROWS: usize = 50_000;

/// A checked import: what it does, and the commands that do it (one per
/// new absence, in file order; empty when the file is refused).
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub report: Report,
    pub steps: Vec<Step>,
}

/// One command of a plan and the row it carries out.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub command: Command,
    /// `report.rows[row]`.
    pub row: usize,
}

impl Plan {
    /// Records, once applied, the revision of each step (in step order) in
    /// its row of the report.
    pub fn record_revisions(&mut self, revisions: impl IntoIterator<Item = u64>) {
        for (step, revision) in self.steps.iter().zip(revisions) {
            if let Some(row) = self.report.rows.get_mut(step.row) {
                row.revision = Some(revision);
            }
        }
    }
}

/// Reads `file` and plans its import by `actor` (an administrator, for
/// people of their own organisation) at `now`. The ids of new absences
/// come from `id_seed` (the caller's randomness): the same seed, file and
/// state give the same plan. Never panics, whatever the bytes.
pub fn plan(
    state: &State,
    actor: &Actor,
    file: &[u8],
    id_seed: u128,
    now: DateTime<Utc>,
) -> Result<Plan, FileError> {
    let org = actor_org(state, actor).ok_or(FileError::NotAllowed)?;
    require_admin(state, actor).map_err(|_| FileError::NotAllowed)?;
    if file.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            limit_bytes: MAX_FILE_BYTES as u64,
        });
    }
    let text = csv_file::decode(file)?;
    let table = csv_file::read(&text, MAX_ROWS)?;
    let header = columns::header(table.header.iter().map(String::as_str))?;

    let people = People::of(state, org);
    let mut report = Report {
        columns: header.columns(),
        ignored_columns: header.ignored.clone(),
        ..Report::default()
    };
    let mut steps = Vec::new();
    // Checked on a copy, one row after the other, as the server applies
    // them: a row sees the absences of the rows before it.
    let mut planned = state.clone();
    let mut ids = Ids(id_seed, 0);
    for row in &table.rows {
        let index = report.rows.len();
        let mut entry = RowReport {
            line: row.line,
            key: String::new(),
            person: None,
            name: String::new(),
            from: None,
            until: None,
            kind: None,
            outcome: RowOutcome::Unchanged,
            revision: None,
        };
        entry.outcome = match read_row(&header, row, &people, &mut entry) {
            Err(reason) => RowOutcome::Refused { reason },
            Ok(absence) if already_recorded(&planned, &absence) => RowOutcome::Unchanged,
            Ok(absence) => {
                let command = Command::Agile(AgileCommand::RecordAbsence {
                    id: ids.fresh(&planned),
                    person: absence.person,
                    from: absence.from,
                    until: absence.until,
                    kind: absence.kind,
                    reason: absence.reason,
                });
                match planned.execute(actor, &command, now) {
                    Err(rejection) => RowOutcome::Refused {
                        reason: RowError::Rule { rejection },
                    },
                    Ok(events) => {
                        steps.push(Step {
                            command,
                            row: index,
                        });
                        RowOutcome::New {
                            withdrawn_days: withdrawn(&events),
                        }
                    }
                }
            }
        };
        report.rows.push(entry);
    }
    report.count();
    if !report.applicable() {
        steps.clear();
    }
    Ok(Plan { report, steps })
}

/// What a row asks for.
struct Wanted {
    person: PersonId,
    from: NaiveDate,
    until: NaiveDate,
    kind: AbsenceKind,
    reason: String,
}

/// Reads a row, filling in `entry` with what could be read.
fn read_row(
    header: &columns::Header,
    row: &Row,
    people: &People,
    entry: &mut RowReport,
) -> Result<Wanted, RowError> {
    let number = row.value(header, Column::EmployeeNumber);
    let username = row.value(header, Column::Username);
    entry.key = number.or(username).unwrap_or_default().to_owned();
    if row.cells.len() > header.width {
        return Err(RowError::CellCount {
            found: u32::try_from(row.cells.len()).unwrap_or(u32::MAX),
            expected: u32::try_from(header.width).unwrap_or(u32::MAX),
        });
    }
    let found = match (number, username) {
        (Some(number), _) => people.by_number.get(number),
        (None, Some(username)) => people.by_username.get(&username.to_lowercase()),
        (None, None) => {
            let column = if header.index(Column::EmployeeNumber).is_some() {
                Column::EmployeeNumber
            } else {
                Column::Username
            };
            return Err(RowError::MissingValue { column });
        }
    };
    let (person, name) = found.ok_or_else(|| RowError::UnknownPerson {
        value: entry.key.clone(),
    })?;
    entry.person = Some(*person);
    entry.name = name.clone();
    let date = |column| -> Result<Option<NaiveDate>, RowError> {
        row.value(header, column)
            .map(|cell| {
                csv_file::date(cell).ok_or_else(|| RowError::NotADate {
                    column,
                    value: cell.to_owned(),
                })
            })
            .transpose()
    };
    let from = date(Column::From)?.ok_or(RowError::MissingValue {
        column: Column::From,
    })?;
    entry.from = Some(from);
    let until = date(Column::Until)?.unwrap_or(from);
    entry.until = Some(until);
    let kind = kinds::kind(
        row.value(header, Column::Kind)
            .ok_or(RowError::MissingValue {
                column: Column::Kind,
            })?,
    )?;
    entry.kind = Some(kind);
    Ok(Wanted {
        person: *person,
        from,
        until,
        kind,
        reason: row
            .value(header, Column::Reason)
            .unwrap_or_default()
            .to_owned(),
    })
}

/// Whether the person already has exactly this absence (same days, kind).
fn already_recorded(state: &State, wanted: &Wanted) -> bool {
    state
        .agile
        .absences_between(wanted.person, wanted.from, wanted.until)
        .any(|a| {
            a.from == wanted.from
                && a.until == wanted.until
                && a.detail.as_ref().map(|d| d.kind) == Some(wanted.kind)
        })
}

fn withdrawn(events: &[Event]) -> u32 {
    events
        .iter()
        .map(|e| match e {
            Event::Agile(AgileEvent::AbsenceRecorded { withdrawn, .. }) => {
                u32::try_from(withdrawn.len()).unwrap_or(u32::MAX)
            }
            _ => 0,
        })
        .sum()
}

/// The organisation's people by employee number and by username.
struct People {
    by_number: HashMap<String, (PersonId, String)>,
    by_username: HashMap<String, (PersonId, String)>,
}

impl People {
    fn of(state: &State, org: OrgId) -> People {
        let mut people = People {
            by_number: HashMap::new(),
            by_username: HashMap::new(),
        };
        for person in state.directory.people.values().filter(|p| p.org == org) {
            let entry = (person.id, person.name.clone());
            if let Some(number) = &person.employee_number {
                people.by_number.insert(number.clone(), entry.clone());
            }
            people
                .by_username
                .insert(person.username.to_lowercase(), entry);
        }
        people
    }
}

/// Ids of new absences from the caller's seed.
struct Ids(u128, u128);

impl Ids {
    fn fresh(&mut self, state: &State) -> AbsenceId {
        loop {
            self.1 += 1;
            let id = AbsenceId(uuid::Uuid::from_u128(
                self.0 ^ self.1.wrapping_mul(0x9E37_79B9_7F4A_7C15),
            ));
            if !state.agile.absences.contains_key(&id) {
                return id;
            }
        }
    }
}
