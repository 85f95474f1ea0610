//! Importing people from the organisation's HR system: a CSV file in, a
//! preview and a batch of commands out.
//!
//! The file (UTF-8 or Windows-1252, `;`, `,` or tab separated, a header
//! row with Italian or English column names — see [`Column`]) names each
//! person by employee number (*matricola*). [`plan`] reads it, matches each
//! row to a person of the administrator's organisation and says what would
//! become of it — *new*, *changed* (which details), *unchanged* or
//! *refused* (why) — and gives the commands that do it: the People page's
//! own (`save_person`, `set_active`, `save_agreement`), checked by
//! [`crate::apply`] one after the other on a copy of the state, exactly as
//! the server will apply them. People of the organisation missing from the
//! file may be deactivated (never deleted: their history stays).
//!
//! An import is all or nothing: a file with a refused row is not applied
//! at all. Problems of the whole file (encoding, a missing column, an
//! employee number twice, the limits) are one [`FileError`]. Importing the
//! same file again plans no command. Start at [`plan`].

mod cells;
mod columns;
mod matching;
mod read;
mod report;

#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};

pub use columns::Column;
pub use report::{
    Counts, Field, FieldChange, FileError, MissingOutcome, MissingPerson, Report, RowError,
    RowOutcome, RowReport,
};

use crate::actor::{actor_org, require_admin};
use crate::directory::Command as Dir;
use crate::{Actor, Command, State};

/// The largest file an import reads, in bytes (20 MiB: 5,000 people take
/// well under 1 MiB, so this leaves room for HR's extra columns).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The most data rows a file may have: twice the staff of a large
/// administration (planning 10,000 rows takes a few seconds at most).
pub const MAX_ROWS: usize = 10_000;

/// What the administrator asked for besides the file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Deactivate the organisation's active people no row names.
    pub deactivate_missing: bool,
    /// Where the ids of new people and agreements come from (the caller's
    /// randomness; the domain has none). The same seed, file and state give
    /// the same plan.
    pub id_seed: u128,
}

/// A checked import: what it does, and the commands that do it.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub report: Report,
    /// In the order they must be applied. Empty when the file is refused
    /// (see [`Report::applicable`]) or changes nothing.
    pub steps: Vec<Step>,
}

/// One command of a plan, and the part of the report it carries out.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub command: Command,
    pub target: Target,
}

/// Which entry of the report a step belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// `report.rows[i]`.
    Row(usize),
    /// `report.missing[i]`.
    Missing(usize),
}

impl Plan {
    /// Records, once applied, the revision of each step (in step order) in
    /// the report: each entry shows the revision of its last change.
    pub fn record_revisions(&mut self, revisions: impl IntoIterator<Item = u64>) {
        for (step, revision) in self.steps.iter().zip(revisions) {
            let slot = match step.target {
                Target::Row(i) => self.report.rows.get_mut(i).map(|r| &mut r.revision),
                Target::Missing(i) => self.report.missing.get_mut(i).map(|m| &mut m.revision),
            };
            if let Some(slot) = slot {
                *slot = Some(revision);
            }
        }
    }
}

/// Reads `file` and plans its import by `actor` (an administrator, into
/// their own organisation) at `now`. Never panics, whatever the bytes.
pub fn plan(
    state: &State,
    actor: &Actor,
    file: &[u8],
    options: Options,
    now: DateTime<Utc>,
) -> Result<Plan, FileError> {
    let org = actor_org(state, actor).ok_or(FileError::NotAllowed)?;
    require_admin(state, actor).map_err(|_| FileError::NotAllowed)?;
    if file.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            limit_bytes: MAX_FILE_BYTES as u64,
        });
    }
    let text = crate::csv_file::decode(file)?;
    let table = read::table(&text)?;

    let mut report = Report {
        columns: table.header.columns(),
        ignored_columns: table.header.ignored.clone(),
        deactivate_missing: options.deactivate_missing,
        ..Report::default()
    };
    let mut steps = Vec::new();
    // The commands are checked on a copy, one after the other, as the
    // server applies them: each sees the ones before (a username freed by
    // one row and taken by the next, the last administrator).
    let mut planned = state.clone();
    let mut index = matching::Index::new(state, org);
    let mut ids = matching::Ids::new(options.id_seed);
    for row in &table.rows {
        let mut entry = RowReport {
            line: row.line,
            employee_number: row
                .cell(&table.header, Column::EmployeeNumber)
                .unwrap_or("")
                .to_owned(),
            name: [Column::Name, Column::Surname]
                .map(|c| row.cell(&table.header, c).unwrap_or(""))
                .join(" ")
                .trim()
                .to_owned(),
            username: row
                .cell(&table.header, Column::Username)
                .unwrap_or("")
                .to_lowercase(),
            person: None,
            outcome: RowOutcome::Unchanged,
            revision: None,
        };
        let target = Target::Row(report.rows.len());
        entry.outcome = match index.intent(&table.header, row, &mut ids, &planned) {
            Err(reason) => RowOutcome::Refused { reason },
            Ok(intent) => {
                entry.person = Some(intent.person);
                match check(&mut planned, actor, intent.commands, now) {
                    Err(rejection) => RowOutcome::Refused {
                        reason: RowError::Rule { rejection },
                    },
                    Ok(commands) => {
                        steps.extend(commands.into_iter().map(|command| Step { command, target }));
                        if intent.is_new {
                            RowOutcome::New
                        } else if intent.changes.is_empty() {
                            RowOutcome::Unchanged
                        } else {
                            RowOutcome::Changed {
                                changes: intent.changes,
                            }
                        }
                    }
                }
            }
        };
        report.rows.push(entry);
    }

    let me = actor.person_id();
    let mut missing: Vec<_> = state
        .directory
        .people
        .values()
        .filter(|p| p.org == org && p.active && !index.claimed().contains(&p.id))
        .collect();
    crate::order::sort_by(&mut missing, |a, b| (&a.name, a.id).cmp(&(&b.name, b.id)));
    for person in missing {
        let target = Target::Missing(report.missing.len());
        let outcome = if me == Some(person.id) {
            MissingOutcome::Yourself
        } else if !options.deactivate_missing {
            MissingOutcome::Kept
        } else {
            let deactivate = vec![Dir::SetActive {
                person: person.id,
                active: false,
            }];
            match check(&mut planned, actor, deactivate, now) {
                Ok(commands) => {
                    steps.extend(commands.into_iter().map(|command| Step { command, target }));
                    MissingOutcome::Deactivated
                }
                Err(rejection) => MissingOutcome::Refused {
                    reason: RowError::Rule { rejection },
                },
            }
        };
        report.missing.push(MissingPerson {
            person: person.id,
            name: person.name.clone(),
            employee_number: person.employee_number.clone(),
            outcome,
            revision: None,
        });
    }

    report.count();
    if !report.applicable() {
        steps.clear();
    }
    Ok(Plan { report, steps })
}

/// Applies `commands` to `planned` one after the other; the first refusal
/// is the answer (what a refused row's earlier commands did stays in the
/// copy, which only matters for a plan that will not be applied).
fn check(
    planned: &mut State,
    actor: &Actor,
    commands: Vec<Dir>,
    now: DateTime<Utc>,
) -> Result<Vec<Command>, crate::Rejection> {
    let mut checked = Vec::with_capacity(commands.len());
    for command in commands {
        let command = Command::Directory(command);
        planned.execute(actor, &command, now)?;
        checked.push(command);
    }
    Ok(checked)
}
