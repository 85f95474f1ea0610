use chrono::Duration;

use super::{Command as Dir, Language, MinOffice, Rejection as DirRejection, Role};
use crate::rejection::{CommonRejection, Entity, Rejection};
use crate::testing::*;
use crate::{apply, Actor, Command, State};

fn try_run(state: &State, actor: PersonId, command: Dir) -> Result<Vec<crate::Event>, Rejection> {
    apply(
        state,
        &Actor::Person(actor),
        &Command::Directory(command),
        now(),
    )
}

use crate::ids::PersonId;

#[test]
fn only_administrators_manage_people_and_teams() {
    let s = org();
    let team = Dir::SaveTeam {
        id: crate::ids::TeamId::from_u128(0x999),
        name: "Nuovo".into(),
        min_office: MinOffice::Percent(50),
        max_agile_share: None,
        org: None,
    };
    assert_eq!(
        try_run(&s, GIULIA, team.clone()),
        Err(CommonRejection::NotAllowed.into())
    );
    assert_eq!(
        try_run(&s, MARCO, team.clone()),
        Err(CommonRejection::NotAllowed.into())
    );
    assert!(try_run(&s, ADMIN, team).is_ok());
}

#[test]
fn a_lead_sets_office_only_days_for_their_own_team_only() {
    let s = org();
    let day = date(2026, 12, 3);
    let add = |team| Dir::AddOfficeOnlyDate {
        team,
        date: day,
        note: "Riunione di servizio".into(),
    };
    assert!(try_run(&s, MARCO, add(TRIBUTI)).is_ok());
    assert_eq!(
        try_run(&s, MARCO, add(SOCIALI)),
        Err(CommonRejection::NotAllowed.into())
    );
    assert_eq!(
        try_run(&s, GIULIA, add(TRIBUTI)),
        Err(CommonRejection::NotAllowed.into())
    );
}

#[test]
fn a_lead_sets_the_minimum_presence_of_their_own_team_only() {
    let s = org();
    let set = |team, min_office| Dir::SetMinOffice { team, min_office };
    let events = try_run(&s, MARCO, set(TRIBUTI, MinOffice::People(2))).expect("lead of TRIBUTI");
    let mut after = s.clone();
    for e in &events {
        after.apply_event(e);
    }
    let team = &after.directory.teams[&TRIBUTI];
    assert_eq!(team.min_office, MinOffice::People(2));
    // Only the minimum changes: name, leads and office-only days stay.
    assert_eq!(team.name, s.directory.teams[&TRIBUTI].name);
    assert_eq!(team.leads, s.directory.teams[&TRIBUTI].leads);
    assert_eq!(
        try_run(&s, MARCO, set(SOCIALI, MinOffice::People(2))),
        Err(CommonRejection::NotAllowed.into())
    );
    assert_eq!(
        try_run(&s, GIULIA, set(TRIBUTI, MinOffice::People(2))),
        Err(CommonRejection::NotAllowed.into())
    );
    assert!(try_run(&s, ADMIN, set(SOCIALI, MinOffice::Percent(100))).is_ok());
    assert_eq!(
        try_run(&s, MARCO, set(TRIBUTI, MinOffice::Percent(101))),
        Err(Rejection::invalid(
            "min_office",
            crate::rejection::Problem::OutOfRange
        ))
    );
}

#[test]
fn usernames_are_unique_and_normalised() {
    let s = org();
    let result = try_run(
        &s,
        ADMIN,
        Dir::SavePerson {
            id: PersonId::from_u128(0x999),
            username: " Giulia ".into(),
            name: "Altra Giulia".into(),
            email: None,
            employee_number: None,
            roles: [Role::Employee].into(),
            team: None,
            commute_km: 0,
            language: Language::It,
            org: None,
        },
    );
    assert_eq!(
        result,
        Err(DirRejection::UsernameTaken {
            username: "giulia".into()
        }
        .into())
    );
}

#[test]
fn the_last_administrator_cannot_be_deactivated() {
    let s = org();
    assert_eq!(
        try_run(
            &s,
            ADMIN,
            Dir::SetActive {
                person: ADMIN,
                active: false
            }
        ),
        Err(DirRejection::LastAdmin.into())
    );
}

#[test]
fn deactivated_people_cannot_act() {
    let mut s = org();
    run(
        &mut s,
        Actor::Person(ADMIN),
        Command::Directory(Dir::SetActive {
            person: GIULIA,
            active: false,
        }),
    );
    assert_eq!(
        try_run(
            &s,
            GIULIA,
            Dir::SetLanguage {
                language: Language::En
            }
        ),
        Err(CommonRejection::NotAllowed.into())
    );
}

#[test]
fn people_set_their_own_language_and_commute_only() {
    let s = org();
    assert!(try_run(
        &s,
        GIULIA,
        Dir::SetLanguage {
            language: Language::En
        }
    )
    .is_ok());
    assert!(try_run(
        &s,
        GIULIA,
        Dir::SetCommute {
            person: GIULIA,
            km: 30
        }
    )
    .is_ok());
    assert_eq!(
        try_run(
            &s,
            GIULIA,
            Dir::SetCommute {
                person: LUCA,
                km: 30
            }
        ),
        Err(CommonRejection::NotAllowed.into())
    );
}

#[test]
fn withdrawal_needs_the_notice() {
    let s = org();
    let today = crate::calendar::rome_date(now());
    let too_soon = try_run(
        &s,
        GIULIA,
        Dir::WithdrawAgreement {
            id: GIULIA_AGREEMENT,
            effective: today + Duration::days(10),
        },
    );
    assert_eq!(
        too_soon,
        Err(DirRejection::WithdrawalTooSoon {
            earliest: today + Duration::days(30)
        }
        .into())
    );
    assert!(try_run(
        &s,
        GIULIA,
        Dir::WithdrawAgreement {
            id: GIULIA_AGREEMENT,
            effective: today + Duration::days(30),
        },
    )
    .is_ok());
    assert_eq!(
        try_run(
            &s,
            LUCA,
            Dir::WithdrawAgreement {
                id: GIULIA_AGREEMENT,
                effective: today + Duration::days(40),
            },
        ),
        Err(CommonRejection::NotAllowed.into())
    );
}

#[test]
fn agreements_of_one_person_do_not_overlap() {
    let s = org();
    let mut second = agreement(
        crate::ids::AgreementId::from_u128(0x999),
        GIULIA,
        &[chrono::Weekday::Mon],
        1,
        4,
    );
    second.valid_from = date(2027, 6, 1);
    assert_eq!(
        try_run(
            &s,
            ADMIN,
            Dir::SaveAgreement {
                agreement: second.clone()
            }
        ),
        Err(DirRejection::AgreementOverlaps.into())
    );
    second.valid_from = date(2028, 1, 1);
    second.valid_until = None;
    assert!(try_run(&s, ADMIN, Dir::SaveAgreement { agreement: second }).is_ok());
}

#[test]
fn visibility_hides_commutes_and_other_peoples_agreements() {
    let s = org();
    let giulia = crate::visibility::view(&s, &Actor::Person(GIULIA));
    assert_eq!(giulia.directory.people[&GIULIA].commute_km, 12);
    assert_eq!(giulia.directory.people[&LUCA].commute_km, 0);
    assert_eq!(giulia.directory.agreements.len(), 1);
    let marco = crate::visibility::view(&s, &Actor::Person(MARCO));
    assert_eq!(marco.directory.agreements.len(), 2);
    let paolo = crate::visibility::view(&s, &Actor::Person(PAOLO));
    assert!(paolo.directory.agreements.is_empty());
    let admin = crate::visibility::view(&s, &Actor::Person(ADMIN));
    assert_eq!(admin, s);
}

#[test]
fn commands_have_a_flat_readable_json_form() {
    let json = serde_json::json!({"area": "directory", "type": "set_language", "language": "en"});
    let command: Command = serde_json::from_value(json.clone()).expect("parses");
    assert_eq!(
        command,
        Command::Directory(Dir::SetLanguage {
            language: Language::En
        })
    );
    assert_eq!(serde_json::to_value(&command).expect("serialises"), json);
    let unknown =
        serde_json::json!({"area": "directory", "type": "set_language", "language": "en", "x": 1});
    assert!(serde_json::from_value::<Command>(unknown).is_err());
}

#[test]
fn rejections_serialise_with_their_code() {
    let r: Rejection = DirRejection::NoticeTooShort { min_days: 30 }.into();
    assert_eq!(r.code(), "notice_too_short");
    let json = serde_json::to_value(&r).expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({"code": "notice_too_short", "min_days": 30})
    );
    assert_eq!(
        serde_json::from_value::<Rejection>(json).expect("parses"),
        r
    );
    let common: Rejection = CommonRejection::NotAllowed.into();
    assert_eq!(common.code(), "not_allowed");
}

// ---- Several organisations (a partnership) ----

use crate::agile::{AbsenceKind, Command as Agile, DaySelection, Decision};
use crate::directory::{Place, WorkMode};
use crate::ids::{AbsenceId, OrgId, RequestId, TeamId};
use crate::visibility::{redact, view};

fn try_system(state: &State, command: Dir) -> Result<Vec<crate::Event>, Rejection> {
    apply(state, &Actor::System, &Command::Directory(command), now())
}

fn new_person(id: u128, username: &str, team: Option<TeamId>, org: Option<OrgId>) -> Dir {
    Dir::SavePerson {
        id: PersonId::from_u128(id),
        username: username.into(),
        name: "Nuova Persona".into(),
        email: None,
        employee_number: None,
        roles: [Role::Employee].into(),
        team,
        commute_km: 0,
        language: Language::It,
        org,
    }
}

fn new_team(id: u128, org: Option<OrgId>) -> Dir {
    Dir::SaveTeam {
        id: TeamId::from_u128(id),
        name: "Biblioteca".into(),
        min_office: MinOffice::People(1),
        max_agile_share: None,
        org,
    }
}

fn saved_person(events: &[crate::Event]) -> &super::Person {
    match events.first() {
        Some(crate::Event::Directory(super::Event::PersonSaved { person })) => person,
        other => panic!("not a person: {other:?}"),
    }
}

#[test]
fn new_teams_and_people_join_the_acting_administrators_organisation() {
    let s = partnership();
    let events = try_run(&s, ADMIN2, new_team(0x990, None)).expect("own team");
    assert!(matches!(
        events.first(),
        Some(crate::Event::Directory(super::Event::TeamSaved { team })) if team.org == ORG2
    ));
    let events =
        try_run(&s, ADMIN2, new_person(0x991, "nuova", Some(CULTURA), None)).expect("own person");
    assert_eq!(saved_person(&events).org, ORG2);
    // Naming its own organisation is fine, naming another is not.
    assert!(try_run(&s, ADMIN2, new_team(0x992, Some(ORG2))).is_ok());
    assert_eq!(
        try_run(&s, ADMIN2, new_team(0x992, Some(ORG))),
        Err(CommonRejection::NotAllowed.into())
    );
    // Another organisation's team does not exist for this one.
    assert_eq!(
        try_run(&s, ADMIN2, new_person(0x993, "altra", Some(TRIBUTI), None)),
        Err(Rejection::not_found(
            crate::rejection::Entity::Team,
            TRIBUTI
        ))
    );
}

#[test]
fn administrators_administer_their_own_organisation_only() {
    let s = partnership();
    let not_allowed = Err(CommonRejection::NotAllowed.into());
    let tributi = Dir::SaveTeam {
        id: TRIBUTI,
        name: "Tributi".into(),
        min_office: MinOffice::People(1),
        max_agile_share: None,
        org: None,
    };
    assert_eq!(try_run(&s, ADMIN2, tributi.clone()), not_allowed);
    assert!(try_run(&s, ADMIN, tributi).is_ok());
    // Records another organisation holds do not exist for this one.
    let no_tributi = Err(Rejection::not_found(Entity::Team, TRIBUTI));
    let leads = Dir::SetTeamLeads {
        team: TRIBUTI,
        leads: [MARCO].into(),
    };
    assert_eq!(try_run(&s, ADMIN2, leads), no_tributi);
    let giulia = Dir::SavePerson {
        id: GIULIA,
        username: "giulia".into(),
        name: "Giulia Bianchi".into(),
        email: None,
        employee_number: None,
        roles: [Role::Employee].into(),
        team: Some(TRIBUTI),
        commute_km: 0,
        language: Language::It,
        org: None,
    };
    assert_eq!(try_run(&s, ADMIN2, giulia.clone()), no_tributi);
    assert!(try_run(&s, ADMIN, giulia).is_ok());
    let deactivate = Dir::SetActive {
        person: GIULIA,
        active: false,
    };
    assert_eq!(
        try_run(&s, ADMIN2, deactivate),
        Err(Rejection::not_found(Entity::Person, GIULIA))
    );
    assert_eq!(
        try_run(
            &s,
            ADMIN2,
            Dir::SetCommute {
                person: LUCA,
                km: 1
            }
        ),
        Err(Rejection::not_found(Entity::Person, LUCA))
    );
    let mut giulias = agreement(GIULIA_AGREEMENT, GIULIA, &[chrono::Weekday::Mon], 1, 4);
    assert_eq!(
        try_run(
            &s,
            ADMIN2,
            Dir::SaveAgreement {
                agreement: giulias.clone()
            }
        ),
        Err(Rejection::not_found(Entity::Person, GIULIA))
    );
    // Nor may an agreement id of the other organisation be taken over.
    giulias.person = IRENE;
    assert_eq!(
        try_run(&s, ADMIN2, Dir::SaveAgreement { agreement: giulias }),
        not_allowed
    );
    let today = crate::calendar::rome_date(now());
    assert_eq!(
        try_run(
            &s,
            ADMIN2,
            Dir::WithdrawAgreement {
                id: GIULIA_AGREEMENT,
                effective: today + Duration::days(40),
            }
        ),
        Err(Rejection::not_found(Entity::Agreement, GIULIA_AGREEMENT))
    );
    let office_only = Dir::AddOfficeOnlyDate {
        team: TRIBUTI,
        date: date(2026, 12, 3),
        note: String::new(),
    };
    assert_eq!(try_run(&s, ADMIN2, office_only.clone()), no_tributi);
    assert_eq!(try_run(&s, OSCAR, office_only), no_tributi);
    let presence = Dir::SetMinOffice {
        team: TRIBUTI,
        min_office: MinOffice::People(2),
    };
    assert_eq!(try_run(&s, ADMIN2, presence.clone()), no_tributi);
    assert_eq!(try_run(&s, OSCAR, presence.clone()), no_tributi);
    assert!(try_run(&s, MARCO, presence).is_ok());
    let rename = |org| Dir::UpdateOrganisation {
        name: "Comune di Rovereto (TN)".into(),
        extra_holidays: vec![],
        org,
    };
    assert_eq!(
        try_run(&s, ADMIN2, rename(Some(ORG))),
        Err(Rejection::not_found(Entity::Organisation, ORG))
    );
    let events = try_run(&s, ADMIN2, rename(None)).expect("own organisation");
    assert!(matches!(
        events.first(),
        Some(crate::Event::Directory(super::Event::OrganisationSaved { organisation }))
            if organisation.id == ORG2
    ));
}

#[test]
fn the_system_names_the_organisation_once_there_are_several() {
    let s = partnership();
    assert_eq!(
        try_system(&s, new_team(0x990, None)),
        Err(Rejection::invalid("org", crate::rejection::Problem::Empty))
    );
    assert!(try_system(&s, new_team(0x990, Some(ORG2))).is_ok());
    let unknown = OrgId::from_u128(0x999);
    assert_eq!(
        try_system(&s, new_team(0x990, Some(unknown))),
        Err(Rejection::not_found(
            crate::rejection::Entity::Organisation,
            unknown
        ))
    );
    // With one organisation the system may leave it out.
    assert!(try_system(&org(), new_team(0x990, None)).is_ok());
    // Only the system adds organisations, each once.
    let set_up = |id| Dir::SetUpOrganisation {
        id,
        name: "Comune di Arco".into(),
        extra_holidays: vec![],
        administrator: None,
    };
    assert_eq!(
        try_run(&s, ADMIN, set_up(unknown)),
        Err(CommonRejection::NotAllowed.into())
    );
    assert_eq!(
        try_system(&s, set_up(ORG2)),
        Err(DirRejection::OrganisationExists.into())
    );
    assert!(try_system(&s, set_up(unknown)).is_ok());
}

#[test]
fn teams_and_people_never_move_between_organisations() {
    let s = partnership();
    let moved = Dir::SavePerson {
        id: GIULIA,
        username: "giulia".into(),
        name: "Giulia Bianchi".into(),
        email: None,
        employee_number: None,
        roles: [Role::Employee].into(),
        team: None,
        commute_km: 0,
        language: Language::It,
        org: Some(ORG2),
    };
    assert_eq!(
        try_system(&s, moved),
        Err(Rejection::invalid(
            "org",
            crate::rejection::Problem::OutOfRange
        ))
    );
    let mut team = new_team(0, Some(ORG2));
    if let Dir::SaveTeam { id, .. } = &mut team {
        *id = TRIBUTI;
    }
    assert_eq!(
        try_system(&s, team),
        Err(Rejection::invalid(
            "org",
            crate::rejection::Problem::OutOfRange
        ))
    );
}

#[test]
fn leads_come_from_the_teams_organisation() {
    let s = partnership();
    assert_eq!(
        try_system(
            &s,
            Dir::SetTeamLeads {
                team: CULTURA,
                leads: [MARCO].into(),
            }
        ),
        Err(Rejection::invalid(
            "leads",
            crate::rejection::Problem::OutOfRange
        ))
    );
}

#[test]
fn each_organisation_keeps_its_own_last_administrator() {
    let s = partnership();
    assert_eq!(
        try_run(
            &s,
            ADMIN2,
            Dir::SetActive {
                person: ADMIN2,
                active: false
            }
        ),
        Err(DirRejection::LastAdmin.into())
    );
}

#[test]
fn usernames_are_unique_across_the_partnership() {
    let s = partnership();
    assert_eq!(
        try_run(&s, ADMIN2, new_person(0x990, "Giulia", None, None)),
        Err(DirRejection::UsernameTaken {
            username: "giulia".into()
        }
        .into())
    );
}

#[test]
fn helper_queries_name_a_persons_organisation_and_holidays() {
    let s = partnership();
    let dir = &s.directory;
    assert_eq!(dir.org_of_person(IRENE), Some(ORG2));
    assert_eq!(dir.org_of_person(GIULIA), Some(ORG));
    assert_eq!(dir.org_of_team(CULTURA), Some(ORG2));
    assert_eq!(
        dir.organisation_of(IRENE).map(|o| o.name.as_str()),
        Some("Comune di Rovereto")
    );
    let festa = date(2026, 12, 9);
    assert_eq!(
        dir.holidays_of(IRENE).non_working(festa),
        Some("Festa di prova")
    );
    assert_eq!(dir.holidays_of(LUCA).non_working(festa), None);
    let san_vigilio = date(2026, 6, 26);
    assert_eq!(dir.holidays_of(IRENE).non_working(san_vigilio), None);
    assert_eq!(
        dir.holidays_of(GIULIA).non_working(san_vigilio),
        Some("San Vigilio")
    );
}

#[test]
fn agile_days_follow_the_persons_own_organisations_holidays() {
    let s = partnership();
    let request = |day| {
        Command::Agile(Agile::RequestDays {
            id: RequestId::from_u128(0x990),
            days: DaySelection::Dates { dates: vec![day] },
            mode: WorkMode::Agile,
            place: Place::Home,
            note: String::new(),
        })
    };
    let festa = date(2026, 12, 9);
    assert_eq!(
        apply(&s, &Actor::Person(IRENE), &request(festa), now()),
        Err(crate::agile::Rejection::NonWorkingDay {
            date: festa,
            holiday: "Festa di prova".into()
        }
        .into())
    );
    assert!(apply(&s, &Actor::Person(LUCA), &request(festa), now()).is_ok());
}

#[test]
fn no_command_of_a_person_reaches_into_another_organisation() {
    let mut s = partnership();
    run(
        &mut s,
        Actor::Person(LUCA),
        Command::Agile(Agile::RequestDays {
            id: RequestId::from_u128(0x990),
            days: DaySelection::Dates {
                dates: vec![date(2026, 12, 2)],
            },
            mode: WorkMode::Agile,
            place: Place::Home,
            note: String::new(),
        }),
    );
    let decide = Command::Agile(Agile::DecideDays {
        request: RequestId::from_u128(0x990),
        dates: None,
        decision: Decision::Approve,
        note: String::new(),
        acknowledge_coverage: false,
    });
    assert_eq!(
        apply(&s, &Actor::Person(ADMIN2), &decide, now()),
        Err(Rejection::not_found(
            Entity::Request,
            RequestId::from_u128(0x990)
        ))
    );
    assert!(apply(&s, &Actor::Person(ADMIN), &decide, now()).is_ok());
    // The agile area lets "an administrator" record anyone's absence; the
    // boundary in `apply` answers that another organisation's people do
    // not exist.
    let absence = Command::Agile(Agile::RecordAbsence {
        id: AbsenceId::from_u128(0x990),
        person: LUCA,
        from: date(2026, 12, 14),
        until: date(2026, 12, 15),
        kind: AbsenceKind::Holiday,
        reason: String::new(),
    });
    assert_eq!(
        apply(&s, &Actor::Person(ADMIN2), &absence, now()),
        Err(Rejection::not_found(Entity::Person, LUCA))
    );
    assert!(apply(&s, &Actor::Person(ADMIN), &absence, now()).is_ok());
    assert!(apply(&s, &Actor::System, &absence, now()).is_ok());
}

#[test]
fn a_person_sees_only_their_own_organisations_directory_and_plans() {
    let mut s = partnership();
    run(
        &mut s,
        Actor::Person(LUCA),
        Command::Agile(Agile::RequestDays {
            id: RequestId::from_u128(0x990),
            days: DaySelection::Dates {
                dates: vec![date(2026, 12, 2)],
            },
            mode: WorkMode::Agile,
            place: Place::Home,
            note: String::new(),
        }),
    );
    for who in [IRENE, OSCAR, ADMIN2] {
        let v = view(&s, &Actor::Person(who));
        let dir = &v.directory;
        assert_eq!(dir.organisations.len(), 2, "both names are public");
        assert!(dir.people.values().all(|p| p.org == ORG2), "{who}");
        assert_eq!(dir.people.len(), 3);
        assert_eq!(dir.teams.keys().collect::<Vec<_>>(), vec![&CULTURA]);
        assert!(dir.agreements.values().all(|a| a.person == IRENE));
        assert!(v.agile.days.keys().all(|p| *p == IRENE), "{who}");
        assert!(v.agile.requests.is_empty(), "{who}");
        assert!(!v.agile.team_days.contains_key(&TRIBUTI), "{who}");
        assert!(!v.agile.members.contains_key(&TRIBUTI), "{who}");
    }
    let admin2 = view(&s, &Actor::Person(ADMIN2));
    assert_eq!(admin2.directory.people[&IRENE].commute_km, 12);
    assert_eq!(admin2.directory.agreements.len(), 1);
    // And the first organisation sees nothing of the second.
    for who in [GIULIA, MARCO, ADMIN] {
        let v = view(&s, &Actor::Person(who));
        assert!(v.directory.people.values().all(|p| p.org == ORG), "{who}");
        assert!(!v.directory.teams.contains_key(&CULTURA));
        assert!(!v.directory.agreements.contains_key(&IRENE_AGREEMENT));
    }
    let admin = view(&s, &Actor::Person(ADMIN));
    assert_eq!(admin.agile.requests.len(), 1);
    assert_eq!(view(&s, &Actor::System), s);
}

#[test]
fn events_of_one_organisation_never_reach_another() {
    let mut s = partnership();
    let events = s
        .execute(
            &Actor::Person(LUCA),
            &Command::Agile(Agile::RequestDays {
                id: RequestId::from_u128(0x990),
                days: DaySelection::Dates {
                    dates: vec![date(2026, 12, 2)],
                },
                mode: WorkMode::Agile,
                place: Place::Home,
                note: String::new(),
            }),
            now(),
        )
        .expect("requested");
    let commute = s
        .execute(
            &Actor::Person(GIULIA),
            &Command::Directory(Dir::SetCommute {
                person: GIULIA,
                km: 30,
            }),
            now(),
        )
        .expect("commute");
    let renamed = s
        .execute(
            &Actor::Person(ADMIN),
            &Command::Directory(Dir::UpdateOrganisation {
                name: "Provincia".into(),
                extra_holidays: vec![],
                org: None,
            }),
            now(),
        )
        .expect("renamed");
    for who in [IRENE, ADMIN2] {
        let actor = Actor::Person(who);
        for e in events.iter().chain(&commute) {
            assert_eq!(redact(&s, &actor, e), None, "{who}: {e:?}");
        }
        // An organisation's own record is public.
        assert!(redact(&s, &actor, &renamed[0]).is_some());
    }
    assert!(redact(&s, &Actor::Person(MARCO), &events[0]).is_some());
    assert!(redact(&s, &Actor::Person(ADMIN), &commute[0]).is_some());
}

#[test]
fn the_organisation_of_a_command_is_optional_on_the_wire() {
    let team = serde_json::json!({
        "area": "directory", "type": "save_team", "id": TeamId::from_u128(0x990),
        "name": "Biblioteca", "min_office": {"kind": "people", "value": 1},
    });
    let command: Command = serde_json::from_value(team.clone()).expect("parses");
    assert_eq!(command, Command::Directory(new_team(0x990, None)));
    let mut back = serde_json::to_value(&command).expect("serialises");
    back.as_object_mut().map(|o| o.remove("max_agile_share"));
    assert_eq!(back, team, "no org when none is named");
    let named = Command::Directory(new_team(0x990, Some(ORG2)));
    let json = serde_json::to_value(&named).expect("serialises");
    assert_eq!(json["org"], serde_json::json!(ORG2));
    assert_eq!(
        serde_json::from_value::<Command>(json).expect("parses"),
        named
    );
}

#[test]
fn extra_holidays_name_a_real_day_and_what_it_is() {
    use crate::calendar::ExtraHoliday;
    let s = org();
    let name = s
        .directory
        .organisations
        .values()
        .next()
        .expect("org")
        .name
        .clone();
    let update = |extra_holidays| Dir::UpdateOrganisation {
        name: name.clone(),
        extra_holidays,
        org: None,
    };
    let yearly = |month, day, name: &str| ExtraHoliday::Yearly {
        month,
        day,
        name: name.into(),
    };
    assert!(try_run(
        &s,
        ADMIN,
        update(vec![
            yearly(6, 26, "San Vigilio"),
            yearly(2, 29, "Bisestile")
        ])
    )
    .is_ok());
    for bad in [
        yearly(13, 1, "Nessuno"),
        yearly(4, 31, "Nessuno"),
        yearly(0, 10, "Nessuno"),
    ] {
        assert_eq!(
            try_run(&s, ADMIN, update(vec![bad])),
            Err(Rejection::invalid(
                "extra_holidays",
                crate::rejection::Problem::OutOfRange
            ))
        );
    }
    assert!(try_run(&s, ADMIN, update(vec![yearly(6, 26, "  ")])).is_err());
    assert_eq!(
        try_run(&s, GIULIA, update(vec![])),
        Err(CommonRejection::NotAllowed.into())
    );
}

/// The partnership's administrator: ADMIN of the first organisation, also
/// given the partnership role by the system.
fn with_partnership_admin() -> State {
    let mut s = partnership();
    let admin = s.directory.people[&ADMIN].clone();
    let mut roles = admin.roles.clone();
    roles.insert(Role::PartnershipAdmin);
    crate::testing::run(
        &mut s,
        Actor::System,
        Command::Directory(Dir::SavePerson {
            id: ADMIN,
            username: admin.username,
            name: admin.name,
            email: admin.email,
            employee_number: None,
            roles,
            team: admin.team,
            commute_km: admin.commute_km,
            language: admin.language,
            org: None,
        }),
    );
    s
}

const PERGINE: OrgId = OrgId::from_u128(0x120);
const PERGINE_ADMIN: PersonId = PersonId::from_u128(0x320);

fn set_up_pergine(username: &str) -> Dir {
    Dir::SetUpOrganisation {
        id: PERGINE,
        name: " Comune di Pergine Valsugana ".into(),
        extra_holidays: vec![],
        administrator: Some(super::FirstAdministrator {
            id: PERGINE_ADMIN,
            username: username.into(),
            name: "Paola Moser".into(),
            email: None,
        }),
    }
}

#[test]
fn a_partnership_administrator_adds_an_organisation_with_its_first_administrator() {
    let mut s = with_partnership_admin();
    let events = try_run(&s, ADMIN, set_up_pergine("P.Moser")).expect("accepted");
    for event in &events {
        s.apply_event(event);
    }
    assert_eq!(
        s.directory.organisations[&PERGINE].name,
        "Comune di Pergine Valsugana"
    );
    let first = &s.directory.people[&PERGINE_ADMIN];
    assert_eq!(
        (first.org, first.username.as_str(), first.active),
        (PERGINE, "p.moser", true)
    );
    assert_eq!(first.roles, [Role::Admin].into());
    // The new administrator starts with an empty organisation of their own,
    // and sees none of the others' people.
    let view = crate::visibility::view(&s, &Actor::Person(PERGINE_ADMIN));
    assert!(view.directory.teams.is_empty());
    assert_eq!(
        view.directory.people.keys().copied().collect::<Vec<_>>(),
        vec![PERGINE_ADMIN]
    );
    // And administers it: a first team is theirs to add.
    let team = Dir::SaveTeam {
        id: TeamId::from_u128(0x290),
        name: "Ufficio Personale".into(),
        min_office: MinOffice::Percent(50),
        max_agile_share: None,
        org: None,
    };
    assert!(try_run(&s, PERGINE_ADMIN, team).is_ok());
    // The partnership administrator may give them a password, but not to
    // their employees, nor sees their people.
    assert!(crate::actor::may_set_password(
        &s,
        &Actor::Person(ADMIN),
        PERGINE_ADMIN
    ));
    assert!(!crate::actor::may_set_password(
        &s,
        &Actor::Person(ADMIN),
        IRENE
    ));
    assert!(!crate::actor::may_set_password(
        &s,
        &Actor::Person(ADMIN2),
        PERGINE_ADMIN
    ));
    let view = crate::visibility::view(&s, &Actor::Person(ADMIN));
    assert!(!view.directory.people.contains_key(&PERGINE_ADMIN));
}

#[test]
fn only_partnership_administrators_set_up_organisations_and_make_more_of_them() {
    let s = with_partnership_admin();
    // An organisation's administrator may not, however it is phrased.
    assert_eq!(
        try_run(&s, ADMIN2, set_up_pergine("paola")),
        Err(CommonRejection::NotAllowed.into())
    );
    assert_eq!(
        try_run(&partnership(), ADMIN, set_up_pergine("paola")),
        Err(CommonRejection::NotAllowed.into())
    );
    // Usernames stay unique in the deployment.
    assert_eq!(
        try_run(&s, ADMIN, set_up_pergine("irene")),
        Err(DirRejection::UsernameTaken {
            username: "irene".into()
        }
        .into())
    );
    // An organisation's administrator cannot give themself the role.
    let promote = |actor| {
        let me = s.directory.people[&actor].clone();
        Dir::SavePerson {
            id: actor,
            username: me.username,
            name: me.name,
            email: me.email,
            employee_number: None,
            roles: [Role::Admin, Role::PartnershipAdmin].into(),
            team: me.team,
            commute_km: 0,
            language: me.language,
            org: None,
        }
    };
    assert_eq!(
        try_run(&s, ADMIN2, promote(ADMIN2)),
        Err(CommonRejection::NotAllowed.into())
    );
    assert!(try_run(&s, ADMIN, promote(ADMIN)).is_ok());
    // The system sets up an installation's first organisation with its
    // administrator too.
    assert!(try_system(&State::default(), set_up_pergine("paola")).is_ok());
}

// ---- Employee numbers ----

fn numbered(id: PersonId, username: &str, number: Option<&str>) -> Dir {
    Dir::SavePerson {
        id,
        username: username.into(),
        name: "Nuova Persona".into(),
        email: None,
        employee_number: number.map(str::to_owned),
        roles: [Role::Employee].into(),
        team: Some(TRIBUTI),
        commute_km: 0,
        language: Language::It,
        org: None,
    }
}

fn with(state: &State, actor: PersonId, command: Dir) -> State {
    let mut next = state.clone();
    next.execute(&Actor::Person(actor), &Command::Directory(command), now())
        .expect("accepted");
    next
}

#[test]
fn an_employee_number_is_kept_when_left_out_removed_when_empty_and_unique() {
    let s = with(&org(), ADMIN, numbered(GIULIA, "giulia", Some(" 00042 ")));
    let number = |s: &State| s.directory.people[&GIULIA].employee_number.clone();
    assert_eq!(number(&s), Some("00042".into()), "trimmed");
    // A client that does not know the field never erases it.
    let s = with(&s, ADMIN, numbered(GIULIA, "giulia", None));
    assert_eq!(number(&s), Some("00042".into()));
    assert_eq!(
        try_run(&s, ADMIN, numbered(LUCA, "luca", Some("00042"))),
        Err(DirRejection::EmployeeNumberTaken {
            employee_number: "00042".into()
        }
        .into())
    );
    assert_eq!(
        try_run(&s, ADMIN, numbered(LUCA, "luca", Some(&"9".repeat(33)))),
        Err(Rejection::invalid(
            "employee_number",
            crate::rejection::Problem::TooLong
        ))
    );
    let s = with(&s, ADMIN, numbered(GIULIA, "giulia", Some("")));
    assert_eq!(number(&s), None);
    assert!(try_run(&s, ADMIN, numbered(LUCA, "luca", Some("00042"))).is_ok());
}

#[test]
fn an_employee_number_is_seen_by_its_person_and_administrators_only() {
    let s = with(&org(), ADMIN, numbered(GIULIA, "giulia", Some("42")));
    let seen = |actor| {
        view(&s, &Actor::Person(actor)).directory.people[&GIULIA]
            .employee_number
            .clone()
    };
    assert_eq!(seen(GIULIA), Some("42".into()));
    assert_eq!(seen(ADMIN), Some("42".into()));
    assert_eq!(seen(MARCO), None);
    assert_eq!(seen(LUCA), None);
}

#[test]
fn administrators_write_their_own_organisations_public_notices() {
    use super::PublicNotices;
    let mut s = partnership();
    let notices = PublicNotices {
        accessibility: "  Dichiarazione di accessibilità del Comune.  ".into(),
        privacy: "Informativa".into(),
        legal: String::new(),
    };
    let set = |org| Dir::SetNotices {
        notices: notices.clone(),
        org,
    };
    assert_eq!(
        try_run(&s, GIULIA, set(None)),
        Err(CommonRejection::NotAllowed.into())
    );
    // Another administration's organisation is unknown to them.
    assert_eq!(
        try_run(&s, ADMIN2, set(Some(ORG))),
        Err(Rejection::not_found(Entity::Organisation, ORG))
    );
    let long = Dir::SetNotices {
        notices: PublicNotices {
            legal: "x".repeat(PublicNotices::MAX_CHARS + 1),
            ..PublicNotices::default()
        },
        org: None,
    };
    assert_eq!(
        try_run(&s, ADMIN2, long),
        Err(Rejection::invalid(
            "legal",
            crate::rejection::Problem::TooLong
        ))
    );
    run(&mut s, Actor::Person(ADMIN2), Command::Directory(set(None)));
    let saved = &s.directory.organisations[&ORG2];
    assert_eq!(
        saved.notices.accessibility,
        "Dichiarazione di accessibilità del Comune."
    );
    assert_eq!(saved.notices.privacy, "Informativa");
    assert!(s.directory.organisations[&ORG].notices.is_empty());
    // Renaming keeps the notices.
    run(
        &mut s,
        Actor::Person(ADMIN2),
        Command::Directory(Dir::UpdateOrganisation {
            name: "Comune di Rovereto (TN)".into(),
            extra_holidays: vec![],
            org: None,
        }),
    );
    assert_eq!(
        s.directory.organisations[&ORG2].notices.privacy,
        "Informativa"
    );
}

#[test]
fn organisations_without_notices_keep_their_json_form() {
    let s = org();
    let json = serde_json::to_value(&s.directory.organisations[&ORG]).expect("json");
    assert!(json.get("notices").is_none(), "{json}");
    let back: super::Organisation = serde_json::from_value(json).expect("read back");
    assert!(back.notices.is_empty());
}
