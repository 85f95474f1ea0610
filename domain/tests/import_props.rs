//! Property tests of the people import: whatever the bytes, planning never
//! panics; and whatever plausible file it accepts, every planned command is
//! accepted when applied in order, and planning the same file again plans
//! nothing.

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;
use vela_domain::directory::import::{plan, Options, Plan};
use vela_domain::directory::{Command as Dir, Language, MinOffice, Role};
use vela_domain::ids::{OrgId, PersonId, TeamId};
use vela_domain::{Actor, Command, State};

const ADMIN: PersonId = PersonId::from_u128(1);

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0)
        .single()
        .expect("valid time")
}

fn org() -> State {
    let mut s = State::default();
    let mut run = |c: Dir| {
        s.execute(&Actor::System, &Command::Directory(c), now())
            .expect("set-up command accepted");
    };
    run(Dir::SetUpOrganisation {
        id: OrgId::from_u128(0x100),
        name: "Comune".into(),
        extra_holidays: vec![],
        administrator: None,
    });
    for (n, name) in ["Tributi", "Anagrafe"].into_iter().enumerate() {
        run(Dir::SaveTeam {
            id: TeamId::from_u128(0xa + n as u128),
            name: name.into(),
            min_office: MinOffice::People(1),
            max_agile_share: None,
            org: None,
        });
    }
    for (id, username, number) in [
        (ADMIN, "admin", None),
        (PersonId::from_u128(2), "b", Some("2")),
    ] {
        run(Dir::SavePerson {
            id,
            username: username.into(),
            name: format!("Persona {username}"),
            email: None,
            employee_number: number.map(str::to_owned),
            roles: [Role::Admin, Role::Employee].into(),
            team: None,
            commute_km: 0,
            language: Language::It,
            org: None,
        });
    }
    s
}

fn preview(state: &State, file: &[u8], deactivate_missing: bool) -> Option<Plan> {
    plan(
        state,
        &Actor::Person(ADMIN),
        file,
        Options {
            deactivate_missing,
            id_seed: 7,
        },
        now(),
    )
    .ok()
}

/// A cell of `column`: mostly what HR would write there, sometimes
/// anything.
fn cell(column: &str) -> BoxedStrategy<String> {
    let plausible: BoxedStrategy<String> = match column {
        "Matricola" => "[0-9]{1,2}".boxed(),
        "Cognome" | "Nome" => "[A-Z][a-z]{1,5}".boxed(),
        "Username" => "[a-d]{1,2}".boxed(),
        "E-mail" => prop_oneof![Just(String::new()), Just("x@comune.it".to_owned())].boxed(),
        "Struttura" => prop_oneof![
            Just(String::new()),
            Just("Tributi".to_owned()),
            Just(" anagrafe ".to_owned())
        ]
        .boxed(),
        "Ruoli" => prop_oneof![
            Just(String::new()),
            Just("dipendente".to_owned()),
            Just("responsabile formatore".to_owned())
        ]
        .boxed(),
        "Km" => "[0-9]{0,2}".boxed(),
        "Lingua" => prop_oneof![
            Just(String::new()),
            Just("it".to_owned()),
            Just("EN".to_owned())
        ]
        .boxed(),
        "Accordo dal" => prop_oneof![Just(String::new()), "2027-01-0[1-3]"].boxed(),
        "Giorni settimana" => "[1-3]".boxed(),
        "Giorni mese" => "[4-9]".boxed(),
        _ => ".{0,6}".boxed(),
    };
    prop_oneof![19 => plausible, 1 => ".{0,6}"].boxed()
}

fn csv_file() -> impl Strategy<Value = String> {
    let optional = prop::sample::subsequence(
        vec![
            "E-mail",
            "Struttura",
            "Ruoli",
            "Km",
            "Lingua",
            "Accordo dal",
            "Giorni settimana",
            "Giorni mese",
            "Note",
        ],
        0..9,
    );
    // Usually the required columns; a tenth of the files misses one.
    let required = prop_oneof![
        9 => Just(vec!["Matricola", "Cognome", "Nome", "Username"]),
        1 => Just(vec!["Matricola", "Cognome", "Username"]),
    ];
    let header = (required, optional).prop_map(|(mut required, optional)| {
        required.extend(optional);
        required
    });
    header.prop_flat_map(|header| {
        let row: Vec<BoxedStrategy<String>> = header.iter().map(|c| cell(c)).collect();
        (Just(header), prop::collection::vec(row, 0..6)).prop_map(|(header, rows)| {
            let quote = |c: &str| format!("\"{}\"", c.replace('"', "\"\""));
            let mut file = header.join(";");
            for row in rows {
                file.push('\n');
                file.push_str(&row.iter().map(|c| quote(c)).collect::<Vec<_>>().join(";"));
            }
            file
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn planning_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = preview(&org(), &bytes, true);
    }

    #[test]
    fn an_accepted_file_applies_in_full_and_then_changes_nothing(
        file in csv_file(),
        deactivate in any::<bool>(),
    ) {
        let state = org();
        if let Some(plan) = preview(&state, file.as_bytes(), deactivate) {
            prop_assert_eq!(plan.report.rows.len() as u32,
                plan.report.counts.new + plan.report.counts.changed
                + plan.report.counts.unchanged
                + plan.report.rows.iter().filter(|r| matches!(r.outcome,
                    vela_domain::directory::import::RowOutcome::Refused { .. })).count() as u32);
            if plan.report.applicable() {
                let mut after = state.clone();
                for step in &plan.steps {
                    let applied = after.execute(&Actor::Person(ADMIN), &step.command, now());
                    prop_assert!(applied.is_ok(), "{:?} refused: {:?}", step.command, applied);
                }
                let again = preview(&after, file.as_bytes(), deactivate).expect("read before");
                prop_assert!(again.steps.is_empty(), "second import plans {:?}", again.steps);
            }
        }
    }
}
