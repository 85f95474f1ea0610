use chrono::Duration;

use super::{Command as Dir, Language, MinOffice, Rejection as DirRejection, Role};
use crate::rejection::{CommonRejection, Rejection};
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
            roles: [Role::Employee].into(),
            team: None,
            commute_km: 0,
            language: Language::It,
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
