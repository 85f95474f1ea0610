use super::*;
use crate::directory::{Rejection as DirRejection, Role};
use crate::rejection::{Problem, Rejection};
use crate::testing::*;

fn preview(state: &State, file: &str, deactivate_missing: bool) -> Result<Plan, FileError> {
    plan(
        state,
        &Actor::Person(ADMIN),
        file.as_bytes(),
        Options {
            deactivate_missing,
            id_seed: 0x5eed,
        },
        now(),
    )
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

const HEADER: &str = "Matricola;Cognome;Nome;E-mail;Username;Struttura;Ruoli;Km;Codice fiscale\n";

#[test]
fn each_row_is_new_changed_unchanged_or_refused_and_a_refusal_stops_the_whole_file() {
    let file = format!(
        "{HEADER}\
         100;Bianchi;Giulia;giulia@comune.test.it;giulia;Tributi;dipendente;12;X\n\
         101;Verdi;Luca;;LUCA;servizi  SOCIALI;;5;\n\
         200;Esposito;Maria;maria@comune.test.it;mesposito;Tributi;dipendente, formatrice;7;\n\
         201;Russo;Ugo;;urusso;Ragioneria;;;\n\
         202;Ferri;Ada;ada-at-comune;aferri;;;;\n\
         203;Gallo;Rita;;giulia;;;;\n"
    );
    let plan = preview(&org(), &file, false).expect("readable");
    let report = &plan.report;
    assert_eq!(report.ignored_columns, vec!["Codice fiscale".to_owned()]);
    assert_eq!(report.columns.len(), 8);
    // Found by username (no employee number yet): the number is set.
    assert_eq!(
        outcome(&plan, 2),
        &RowOutcome::Changed {
            changes: vec![FieldChange {
                field: Field::EmployeeNumber,
                from: String::new(),
                to: "100".into()
            }]
        }
    );
    let RowOutcome::Changed { changes } = outcome(&plan, 3) else {
        panic!("luca changes");
    };
    let fields: Vec<Field> = changes.iter().map(|c| c.field).collect();
    // The empty e-mail and roles cells keep what Vela has.
    assert_eq!(
        fields,
        vec![Field::EmployeeNumber, Field::Team, Field::CommuteKm]
    );
    assert_eq!(changes[1].from, "Tributi");
    assert_eq!(changes[1].to, "Servizi sociali");
    assert_eq!(outcome(&plan, 4), &RowOutcome::New);
    assert_eq!(
        outcome(&plan, 5),
        &RowOutcome::Refused {
            reason: RowError::UnknownTeam {
                team: "Ragioneria".into()
            }
        }
    );
    assert_eq!(
        outcome(&plan, 6),
        &RowOutcome::Refused {
            reason: RowError::Rule {
                rejection: Rejection::invalid("email", Problem::OutOfRange)
            }
        }
    );
    // The domain's own reason: giulia is the person of line 2.
    assert_eq!(
        outcome(&plan, 7),
        &RowOutcome::Refused {
            reason: RowError::Rule {
                rejection: DirRejection::UsernameTaken {
                    username: "giulia".into()
                }
                .into()
            }
        }
    );
    assert_eq!(
        report.counts,
        Counts {
            new: 1,
            changed: 2,
            unchanged: 0,
            refused: 3,
            missing: 5,
            deactivated: 0
        }
    );
    assert!(!report.applicable());
    assert!(plan.steps.is_empty(), "all or nothing");
}

const CLEAN: &str = "Matricola;Cognome;Nome;E-mail;Username;Struttura;Ruoli;Km\n\
    100;Bianchi;Giulia;giulia@comune.test.it;giulia;Tributi;dipendente;12\n\
    101;Verdi;Luca;;luca;Servizi sociali;;5\n\
    200;Esposito;Maria;maria@comune.test.it;mesposito;Tributi;dipendente, formatrice;7\n";

#[test]
fn an_applied_file_gives_the_people_it_describes_and_a_second_import_changes_nothing() {
    let state = org();
    let plan = preview(&state, CLEAN, false).expect("readable");
    assert!(plan.report.applicable());
    assert_eq!(plan.steps.len(), 3);
    let after = apply_plan(&state, &plan);
    let maria = after
        .directory
        .by_username("mesposito")
        .expect("maria added");
    assert_eq!(maria.name, "Maria Esposito");
    assert_eq!(maria.employee_number.as_deref(), Some("200"));
    assert_eq!(maria.roles, [Role::Employee, Role::Trainer].into());
    assert_eq!(maria.team, Some(TRIBUTI));
    assert_eq!(maria.commute_km, 7);
    assert_eq!(maria.org, ORG);
    assert_eq!(after.directory.people[&LUCA].team, Some(SOCIALI));

    let again = preview(&after, CLEAN, false).expect("readable");
    assert!(again.steps.is_empty());
    assert_eq!(again.report.counts.unchanged, 3);
    // Found by employee number now, even under another username.
    let renamed = CLEAN.replace("mesposito", "maria.esposito");
    let plan = preview(&after, &renamed, false).expect("readable");
    assert!(matches!(outcome(&plan, 4), RowOutcome::Changed { changes }
        if changes.len() == 1 && changes[0].field == Field::Username));
}

#[test]
fn the_same_file_and_seed_plan_the_same_commands() {
    let a = preview(&org(), CLEAN, true).expect("readable");
    let b = preview(&org(), CLEAN, true).expect("readable");
    assert_eq!(a, b);
}

#[test]
fn people_missing_from_the_file_are_deactivated_only_when_asked_and_never_the_importer() {
    let state = org();
    let kept = preview(&state, CLEAN, false).expect("readable");
    let outcomes: Vec<_> = kept.report.missing.iter().map(|m| &m.outcome).collect();
    assert!(outcomes.contains(&&MissingOutcome::Yourself));
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| ***o == MissingOutcome::Kept)
            .count(),
        4
    );
    let plan = preview(&state, CLEAN, true).expect("readable");
    assert_eq!(plan.report.counts.deactivated, 4);
    let after = apply_plan(&state, &plan);
    for gone in [MARCO, ANNA, SARA, PAOLO] {
        let person = &after.directory.people[&gone];
        assert!(!person.active, "{} deactivated", person.name);
    }
    assert!(after.directory.people[&ADMIN].active);
    // Deactivated, not deleted; and named again, reactivated.
    let back = format!("{CLEAN}300;Neri;Anna;;anna;;;\n");
    let plan = preview(&after, &back, true).expect("readable");
    assert!(matches!(outcome(&plan, 5), RowOutcome::Changed { changes }
        if changes.iter().any(|c| c.field == Field::Active)));
    assert!(apply_plan(&after, &plan).directory.people[&ANNA].active);
}

#[test]
fn the_rules_refusals_are_those_of_the_people_page() {
    // The only administrator taking away their own role.
    let file = "Matricola;Cognome;Nome;Username;Ruoli\n1;Amministratore;Ufficio;admin;dipendente\n";
    let plan = preview(&org(), file, false).expect("readable");
    assert_eq!(
        outcome(&plan, 2),
        &RowOutcome::Refused {
            reason: RowError::Rule {
                rejection: DirRejection::LastAdmin.into()
            }
        }
    );
}

#[test]
fn agreements_are_set_from_their_start_date() {
    let state = org();
    let file = "Matricola;Cognome;Nome;Username;Accordo dal;Accordo al;Giorni settimana;Giorni mese;Modalità;Giorni ammessi\n\
        1;Verdi;Luca;luca;01/01/2026;31/12/2027;2;10;agile;lun mar mer gio ven\n\
        2;Esposito;Maria;mesposito;2027-01-01;;1;4;telelavoro;\n\
        3;Bianchi;Giulia;giulia;2027-01-01;;1;4;;\n\
        4;Neri;Anna;anna;2027-01-01;;;4;;\n";
    let plan = preview(&state, file, false).expect("readable");
    // Luca's agreement from 1 January 2026 with two days a week, not three.
    let RowOutcome::Changed { changes } = outcome(&plan, 2) else {
        panic!("luca changes");
    };
    let agreement = changes
        .iter()
        .find(|c| c.field == Field::Agreement)
        .expect("agreement");
    assert!(agreement.from.contains("3/10"), "{}", agreement.from);
    assert!(agreement.to.contains("2/10"), "{}", agreement.to);
    assert_eq!(outcome(&plan, 3), &RowOutcome::New);
    // Giulia's agreement runs until 2027: a second one cannot overlap it.
    assert_eq!(
        outcome(&plan, 4),
        &RowOutcome::Refused {
            reason: RowError::Rule {
                rejection: DirRejection::AgreementOverlaps.into()
            }
        }
    );
    assert_eq!(
        outcome(&plan, 5),
        &RowOutcome::Refused {
            reason: RowError::MissingValue {
                column: Column::AgreementDaysPerWeek
            }
        }
    );

    let file = file.lines().take(3).collect::<Vec<_>>().join("\n");
    let plan = preview(&state, &file, false).expect("readable");
    let after = apply_plan(&state, &plan);
    let luca = after.directory.agreements[&LUCA_AGREEMENT].clone();
    assert_eq!(luca.max_days_per_week, 2);
    assert_eq!(luca.contact_hours.len(), 1, "kept from Vela");
    let maria = after.directory.by_username("mesposito").expect("added").id;
    let new = after
        .directory
        .agreements
        .values()
        .find(|a| a.person == maria)
        .expect("agreement added");
    assert_eq!(new.mode, crate::directory::WorkMode::Telework);
    assert_eq!(new.weekdays.len(), 5);
    assert!(preview(&after, &file, false)
        .expect("readable")
        .steps
        .is_empty());
}

#[test]
fn files_from_windows_spreadsheets_are_read() {
    // Windows-1252, comma separated, English headers, CRLF line ends.
    let mut file = b"Employee number,Last name,First name,Username,Team\r\n".to_vec();
    file.extend_from_slice(b"9,Nicol\xF2,Nicol\xE0,nnicolo,\"Servizi sociali\"\r\n");
    let plan = plan(
        &org(),
        &Actor::Person(ADMIN),
        &file,
        Options::default(),
        now(),
    )
    .expect("readable");
    assert_eq!(plan.report.rows[0].name, "Nicolà Nicolò");
    assert_eq!(plan.report.rows[0].outcome, RowOutcome::New);
    // With a BOM, UTF-8.
    let file = "\u{feff}Matricola;Cognome;Nome;Username\n9;Nicolò;Nicolà;nnicolo\n";
    let plan = preview(&org(), file, false).expect("readable");
    assert_eq!(plan.report.rows[0].name, "Nicolà Nicolò");
}

#[test]
fn a_file_wrong_as_a_whole_is_one_error() {
    let state = org();
    assert_eq!(
        preview(&state, "Matricola;Cognome;Nome\n1;A;B\n", false),
        Err(FileError::MissingColumn {
            column: Column::Username
        })
    );
    assert_eq!(
        preview(
            &state,
            "Matricola;Cognome;Nome;Username\n1;A;B;a\n1;C;D;c\n",
            false
        ),
        Err(FileError::DuplicateEmployeeNumber {
            employee_number: "1".into(),
            first: 2,
            second: 3
        })
    );
    let too_big = vec![b'a'; MAX_FILE_BYTES + 1];
    assert_eq!(
        plan(
            &state,
            &Actor::Person(ADMIN),
            &too_big,
            Options::default(),
            now()
        ),
        Err(FileError::TooLarge {
            limit_bytes: MAX_FILE_BYTES as u64
        })
    );
    let utf16: Vec<u8> = "\u{feff}Matricola;Cognome"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(
        plan(
            &state,
            &Actor::Person(ADMIN),
            &utf16,
            Options::default(),
            now()
        ),
        Err(FileError::Encoding)
    );
}

#[test]
fn only_administrators_import() {
    for actor in [Actor::Person(MARCO), Actor::System] {
        assert_eq!(
            plan(&org(), &actor, CLEAN.as_bytes(), Options::default(), now()),
            Err(FileError::NotAllowed)
        );
    }
    // Another organisation's administrator imports into theirs: the same
    // names are new people there, and its teams only are known.
    let plan = plan(
        &partnership(),
        &Actor::Person(ADMIN2),
        CLEAN.as_bytes(),
        Options::default(),
        now(),
    )
    .expect("readable");
    assert!(plan.report.rows.iter().all(|r| matches!(
        &r.outcome,
        RowOutcome::Refused {
            reason: RowError::UnknownTeam { .. }
        }
    )));
}

#[test]
fn rows_with_missing_or_unreadable_cells_say_which() {
    let file = "Matricola;Cognome;Nome;Username;Km;Ruoli;Lingua\n\
        ;Rossi;Anna;arossi;;;\n\
        5;Rossi;;arossi;;;\n\
        6;Rossi;Anna;arossi;dieci;;\n\
        7;Rossi;Anna;arossi;;capo;\n\
        8;Rossi;Anna;arossi;;;tedesco\n\
        9;Rossi;Anna;arossi;;;;extra\n\
        10;Rossi;Anna;;;;\n";
    let plan = preview(&org(), file, false).expect("readable");
    let reasons: Vec<RowError> = plan
        .report
        .rows
        .iter()
        .map(|r| match &r.outcome {
            RowOutcome::Refused { reason } => reason.clone(),
            other => panic!("line {} not refused: {other:?}", r.line),
        })
        .collect();
    assert_eq!(
        reasons,
        vec![
            RowError::MissingValue {
                column: Column::EmployeeNumber
            },
            RowError::MissingValue {
                column: Column::Name
            },
            RowError::NotANumber {
                column: Column::CommuteKm,
                value: "dieci".into()
            },
            RowError::UnknownRole {
                role: "capo".into()
            },
            RowError::UnknownValue {
                column: Column::Language,
                value: "tedesco".into()
            },
            RowError::CellCount {
                found: 8,
                expected: 7
            },
            RowError::MissingValue {
                column: Column::Username
            },
        ]
    );
}

#[test]
fn revisions_are_recorded_on_the_entries_their_steps_belong_to() {
    let mut plan = preview(&org(), CLEAN, true).expect("readable");
    let count = plan.steps.len() as u64;
    plan.record_revisions(10..10 + count);
    assert_eq!(plan.report.rows[0].revision, Some(10));
    assert_eq!(plan.report.rows[2].revision, Some(12));
    let deactivated: Vec<_> = plan
        .report
        .missing
        .iter()
        .filter(|m| m.outcome == MissingOutcome::Deactivated)
        .map(|m| m.revision)
        .collect();
    assert_eq!(deactivated, vec![Some(13), Some(14), Some(15), Some(16)]);
}

#[test]
fn the_report_reads_back_from_its_json() {
    let file =
        format!("{HEADER}201;Russo;Ugo;;urusso;Ragioneria;;;\n100;Bianchi;Giulia;;giulia;;;;\n");
    let report = preview(&org(), &file, true).expect("readable").report;
    let json = serde_json::to_value(&report).expect("serialises");
    assert_eq!(json["rows"][0]["outcome"]["kind"], "refused");
    assert_eq!(json["rows"][0]["outcome"]["reason"]["code"], "unknown_team");
    assert_eq!(json["rows"][1]["outcome"]["kind"], "changed");
    let back: Report = serde_json::from_value(json).expect("deserialises");
    assert_eq!(back, report);
    let error = serde_json::to_value(FileError::MissingColumn {
        column: Column::EmployeeNumber,
    })
    .expect("serialises");
    assert_eq!(
        error,
        serde_json::json!({"code": "missing_column", "column": "employee_number"})
    );
}
