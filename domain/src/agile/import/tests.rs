use super::*;
use crate::agile::{DaySelection, DayStatus, Rejection as AgileRejection};
use crate::directory::{Place, WorkMode};
use crate::ids::RequestId;
use crate::testing::*;

fn preview(state: &State, by: PersonId, file: &str) -> Result<Plan, FileError> {
    plan(state, &Actor::Person(by), file.as_bytes(), 0x5eed, now())
}

/// Applies every step as the server would, each one checked again.
fn apply_plan(state: &State, plan: &Plan) -> State {
    let mut next = state.clone();
    for step in &plan.steps {
        next.execute(&Actor::Person(ADMIN), &step.command, now())
            .expect("a planned step is accepted");
    }
    next
}

fn outcome(plan: &Plan, line: u64) -> &RowOutcome {
    &plan
        .report
        .rows
        .iter()
        .find(|r| r.line == line)
        .expect("row")
        .outcome
}

/// Giulia asks for Tuesday 22 December 2026 at home.
fn with_giulias_day() -> State {
    let mut state = org();
    run(
        &mut state,
        Actor::Person(GIULIA),
        Command::Agile(AgileCommand::RequestDays {
            id: RequestId::from_u128(0x77),
            days: DaySelection::Dates {
                dates: vec![date(2026, 12, 22)],
            },
            mode: WorkMode::Agile,
            place: Place::Home,
            note: String::new(),
        }),
    );
    state
}

const HEADER: &str = "Username;Dal;Al;Causale;Note;Reparto\n";

#[test]
fn a_clean_file_records_each_absence_and_withdraws_the_days_under_it() {
    let state = with_giulias_day();
    let file = format!(
        "{HEADER}\
         giulia;21/12/2026;23/12/2026;Ferie;Natale;Tributi\n\
         LUCA;2026-12-02;;malattia;;\n"
    );
    let plan = preview(&state, ADMIN, &file).expect("readable");
    let report = &plan.report;
    assert_eq!(report.ignored_columns, vec!["Reparto".to_owned()]);
    assert_eq!(outcome(&plan, 2), &RowOutcome::New { withdrawn_days: 1 });
    // No last day: one day.
    assert_eq!(outcome(&plan, 3), &RowOutcome::New { withdrawn_days: 0 });
    assert_eq!(report.rows[1].until, Some(date(2026, 12, 2)));
    assert_eq!(report.rows[1].person, Some(LUCA));
    assert_eq!(report.rows[1].name, "Luca Verdi");
    assert_eq!(
        report.counts,
        Counts {
            new: 2,
            unchanged: 0,
            refused: 0,
            withdrawn_days: 1
        }
    );
    assert_eq!(plan.steps.len(), 2);

    let after = apply_plan(&state, &plan);
    let giulias: Vec<_> = after
        .agile
        .absences_between(GIULIA, date(2026, 12, 21), date(2026, 12, 23))
        .collect();
    assert_eq!(giulias.len(), 1);
    let detail = giulias[0].detail.as_ref().expect("detail");
    assert_eq!(detail.kind, AbsenceKind::Holiday);
    assert_eq!(detail.reason, "Natale");
    let day = &after.agile.days[&GIULIA][&date(2026, 12, 22)];
    assert_eq!(day.status, DayStatus::Withdrawn);

    // The same file again changes nothing.
    let again = preview(&after, ADMIN, &file).expect("readable");
    assert!(again.steps.is_empty());
    assert_eq!(again.report.counts.unchanged, 2);
    assert_eq!(again.report.counts.new, 0);
}

#[test]
fn a_refused_row_says_why_and_stops_the_whole_file() {
    let file = format!(
        "{HEADER}\
         giulia;2026-12-21;2026-12-23;ferie;;\n\
         nessuno;2026-12-21;;ferie;;\n\
         luca;31/02/2026;;ferie;;\n\
         luca;2026-12-21;;sciopero;;\n\
         giulia;2026-12-23;2026-12-24;permesso;;\n\
         luca;2026-12-10;2026-12-09;ferie;;\n\
         ;2026-12-10;;ferie;;\n\
         luca;2026-12-11;;ferie;;;troppo\n"
    );
    let plan = preview(&org(), ADMIN, &file).expect("readable");
    assert_eq!(outcome(&plan, 2), &RowOutcome::New { withdrawn_days: 0 });
    let refused = |line| match outcome(&plan, line) {
        RowOutcome::Refused { reason } => reason.clone(),
        other => panic!("line {line}: {other:?}"),
    };
    assert_eq!(
        refused(3),
        RowError::UnknownPerson {
            value: "nessuno".into()
        }
    );
    assert_eq!(
        refused(4),
        RowError::NotADate {
            column: Column::From,
            value: "31/02/2026".into()
        }
    );
    assert_eq!(
        refused(5),
        RowError::UnknownKind {
            value: "sciopero".into()
        }
    );
    // Overlaps the row on line 2, as it would an absence already recorded.
    assert_eq!(
        refused(6),
        RowError::Rule {
            rejection: AgileRejection::AbsenceOverlaps {
                date: date(2026, 12, 23)
            }
            .into()
        }
    );
    assert!(matches!(refused(7), RowError::Rule { .. }));
    assert_eq!(
        refused(8),
        RowError::MissingValue {
            column: Column::Username
        }
    );
    assert_eq!(
        refused(9),
        RowError::CellCount {
            found: 7,
            expected: 6
        }
    );
    assert_eq!(plan.report.counts.refused, 7);
    assert!(!plan.report.applicable());
    assert!(plan.steps.is_empty(), "all or nothing");
}

#[test]
fn people_are_found_by_employee_number_and_only_in_ones_own_organisation() {
    let mut state = partnership();
    run(
        &mut state,
        Actor::Person(ADMIN),
        Command::Directory(crate::directory::Command::SavePerson {
            id: GIULIA,
            username: "giulia".into(),
            name: "Giulia Bianchi".into(),
            email: None,
            employee_number: Some("M-100".into()),
            roles: [crate::directory::Role::Employee].into(),
            team: Some(TRIBUTI),
            commute_km: 12,
            language: Default::default(),
            org: None,
        }),
    );
    let file = "Matricola;Username;Dal;Tipo\nM-100;;2026-12-21;ferie\n;irene;2026-12-21;ferie\n";
    let plan = preview(&state, ADMIN, file).expect("readable");
    assert_eq!(plan.report.rows[0].person, Some(GIULIA));
    // Irene belongs to the other organisation of the partnership.
    assert_eq!(
        outcome(&plan, 3),
        &RowOutcome::Refused {
            reason: RowError::UnknownPerson {
                value: "irene".into()
            }
        }
    );
}

#[test]
fn only_administrators_import_and_whole_file_problems_are_one_error() {
    let state = org();
    let ok = "Username;Dal;Tipo\ngiulia;2026-12-21;ferie\n";
    assert_eq!(
        preview(&state, MARCO, ok).err(),
        Some(FileError::NotAllowed)
    );
    assert_eq!(
        preview(&state, GIULIA, ok).err(),
        Some(FileError::NotAllowed)
    );
    assert_eq!(preview(&state, ADMIN, "").err(), Some(FileError::Empty));
    assert_eq!(
        preview(&state, ADMIN, "Username;Dal;Tipo\n").err(),
        Some(FileError::NoRows)
    );
    assert_eq!(
        preview(&state, ADMIN, "Username;Tipo\ngiulia;ferie\n").err(),
        Some(FileError::MissingColumn {
            column: Column::From
        })
    );
    assert_eq!(
        plan(&state, &Actor::Person(ADMIN), b"\xFF\xFEU\0", 1, now()).err(),
        Some(FileError::Encoding)
    );
}

#[test]
fn any_bytes_give_an_answer_never_a_panic() {
    let state = org();
    let mut seed: u64 = 0x1234_5678;
    for _ in 0..300 {
        let mut bytes = b"Username;Dal;Al;Tipo\n".to_vec();
        for _ in 0..(seed % 200) {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            bytes.push(b";\n\"giulia0123456789/-ferie"[(seed >> 33) as usize % 25]);
        }
        let _ = plan(&state, &Actor::Person(ADMIN), &bytes, seed as u128, now());
    }
}
