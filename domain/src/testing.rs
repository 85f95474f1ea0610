//! A small organisation for unit tests, built through commands like any
//! other state.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, TimeZone, Utc, Weekday};

use crate::directory::{
    Agreement, Command as Dir, Language, MinOffice, Place, Role, TimeBand, WorkMode,
};
use crate::ids::{AgreementId, OrgId, PersonId, TeamId};
use crate::{Actor, Command, State};

pub const ORG: OrgId = OrgId::from_u128(0x100);
pub const TRIBUTI: TeamId = TeamId::from_u128(0x200);
pub const SOCIALI: TeamId = TeamId::from_u128(0x201);
pub const ADMIN: PersonId = PersonId::from_u128(0x300);
/// Lead of Tributi.
pub const MARCO: PersonId = PersonId::from_u128(0x301);
/// Employee in Tributi, agreement Tue/Thu, 2 a week, 8 a month.
pub const GIULIA: PersonId = PersonId::from_u128(0x302);
/// Employee in Tributi, agreement Mon–Fri, 3 a week, 10 a month.
pub const LUCA: PersonId = PersonId::from_u128(0x303);
/// Employee in Sociali, no agreement.
pub const ANNA: PersonId = PersonId::from_u128(0x304);
/// Trainer, in no team.
pub const SARA: PersonId = PersonId::from_u128(0x305);
/// Lead of Sociali.
pub const PAOLO: PersonId = PersonId::from_u128(0x306);
pub const GIULIA_AGREEMENT: AgreementId = AgreementId::from_u128(0x400);
pub const LUCA_AGREEMENT: AgreementId = AgreementId::from_u128(0x401);

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// Tuesday 24 November 2026, 09:00 in Rome.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0)
        .single()
        .expect("valid test time")
}

/// Applies `command` as `actor`, panicking on a rejection (test set-up).
pub fn run(state: &mut State, actor: Actor, command: Command) {
    if let Err(rejection) = state.execute(&actor, &command, now()) {
        panic!("set-up command refused: {rejection:?} for {command:?}");
    }
}

fn person(
    id: PersonId,
    username: &str,
    name: &str,
    roles: &[Role],
    team: Option<TeamId>,
) -> Command {
    person_in(None, id, username, name, roles, team)
}

fn person_in(
    org: Option<OrgId>,
    id: PersonId,
    username: &str,
    name: &str,
    roles: &[Role],
    team: Option<TeamId>,
) -> Command {
    Command::Directory(Dir::SavePerson {
        id,
        username: username.into(),
        name: name.into(),
        email: Some(format!("{username}@comune.test.it")),
        employee_number: None,
        roles: roles.iter().copied().collect::<BTreeSet<_>>(),
        team,
        commute_km: 12,
        language: Language::It,
        org,
    })
}

pub fn agreement(
    id: AgreementId,
    person: PersonId,
    weekdays: &[Weekday],
    week: u8,
    month: u8,
) -> Agreement {
    let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).expect("valid time");
    Agreement {
        id,
        person,
        mode: WorkMode::Agile,
        valid_from: date(2026, 1, 1),
        valid_until: Some(date(2027, 12, 31)),
        max_days_per_week: week,
        max_days_per_month: month,
        weekdays: weekdays.to_vec(),
        places: vec![Place::Home],
        contact_hours: vec![TimeBand {
            start: t(9, 30),
            end: t(12, 30),
        }],
        notice_days: 30,
        withdrawn_from: None,
    }
}

/// The test organisation: two teams, two leads, three employees, a trainer
/// and an administrator.
pub fn org() -> State {
    use Role::*;
    let mut s = State::default();
    let sys = Actor::System;
    run(
        &mut s,
        sys,
        Command::Directory(Dir::SetUpOrganisation {
            id: ORG,
            name: "Comune di Prova".into(),
            extra_holidays: vec![crate::calendar::ExtraHoliday::Yearly {
                month: 6,
                day: 26,
                name: "San Vigilio".into(),
            }],
            administrator: None,
        }),
    );
    for (id, name) in [(TRIBUTI, "Tributi"), (SOCIALI, "Servizi sociali")] {
        run(
            &mut s,
            sys,
            Command::Directory(Dir::SaveTeam {
                id,
                name: name.into(),
                min_office: MinOffice::People(1),
                max_agile_share: None,
                org: None,
            }),
        );
    }
    run(
        &mut s,
        sys,
        person(ADMIN, "admin", "Amministratore", &[Admin], None),
    );
    run(
        &mut s,
        sys,
        person(
            MARCO,
            "marco",
            "Marco Rossi",
            &[Employee, Lead],
            Some(TRIBUTI),
        ),
    );
    run(
        &mut s,
        sys,
        person(
            GIULIA,
            "giulia",
            "Giulia Bianchi",
            &[Employee],
            Some(TRIBUTI),
        ),
    );
    run(
        &mut s,
        sys,
        person(LUCA, "luca", "Luca Verdi", &[Employee], Some(TRIBUTI)),
    );
    run(
        &mut s,
        sys,
        person(ANNA, "anna", "Anna Neri", &[Employee], Some(SOCIALI)),
    );
    run(
        &mut s,
        sys,
        person(SARA, "sara", "Sara Gallo", &[Employee, Trainer], None),
    );
    run(
        &mut s,
        sys,
        person(
            PAOLO,
            "paolo",
            "Paolo Conti",
            &[Employee, Lead],
            Some(SOCIALI),
        ),
    );
    run(
        &mut s,
        sys,
        Command::Directory(Dir::SetTeamLeads {
            team: TRIBUTI,
            leads: [MARCO].into(),
        }),
    );
    run(
        &mut s,
        sys,
        Command::Directory(Dir::SetTeamLeads {
            team: SOCIALI,
            leads: [PAOLO].into(),
        }),
    );
    run(
        &mut s,
        sys,
        Command::Directory(Dir::SaveAgreement {
            agreement: agreement(
                GIULIA_AGREEMENT,
                GIULIA,
                &[Weekday::Tue, Weekday::Thu],
                2,
                8,
            ),
        }),
    );
    use Weekday::*;
    run(
        &mut s,
        sys,
        Command::Directory(Dir::SaveAgreement {
            agreement: agreement(LUCA_AGREEMENT, LUCA, &[Mon, Tue, Wed, Thu, Fri], 3, 10),
        }),
    );
    s
}

/// The second organisation of the partnership fixture.
pub const ORG2: OrgId = OrgId::from_u128(0x110);
/// A team of the second organisation.
pub const CULTURA: TeamId = TeamId::from_u128(0x210);
/// Administrator of the second organisation.
pub const ADMIN2: PersonId = PersonId::from_u128(0x310);
/// Employee of the second organisation, in Cultura, with an agreement.
pub const IRENE: PersonId = PersonId::from_u128(0x311);
/// Lead of Cultura and trainer, in the second organisation.
pub const OSCAR: PersonId = PersonId::from_u128(0x312);
pub const IRENE_AGREEMENT: AgreementId = AgreementId::from_u128(0x410);

/// [`org`] plus a second administration of the partnership ("Comune di
/// Rovereto", patron saint day 10 August): one team, an administrator, an
/// employee with an agreement and a lead who is also a trainer.
pub fn partnership() -> State {
    use Role::*;
    let mut s = org();
    let sys = Actor::System;
    run(
        &mut s,
        sys,
        Command::Directory(Dir::SetUpOrganisation {
            id: ORG2,
            name: "Comune di Rovereto".into(),
            extra_holidays: vec![crate::calendar::ExtraHoliday::Yearly {
                month: 12,
                day: 9,
                name: "Festa di prova".into(),
            }],
            administrator: None,
        }),
    );
    run(
        &mut s,
        sys,
        Command::Directory(Dir::SaveTeam {
            id: CULTURA,
            name: "Cultura".into(),
            min_office: MinOffice::People(1),
            max_agile_share: None,
            org: Some(ORG2),
        }),
    );
    for (id, username, name, roles, team) in [
        (
            ADMIN2,
            "admin2",
            "Amministrazione Rovereto",
            &[Admin][..],
            None,
        ),
        (IRENE, "irene", "Irene Fait", &[Employee][..], Some(CULTURA)),
        (
            OSCAR,
            "oscar",
            "Oscar Zeni",
            &[Employee, Lead, Trainer][..],
            Some(CULTURA),
        ),
    ] {
        run(
            &mut s,
            sys,
            person_in(Some(ORG2), id, username, name, roles, team),
        );
    }
    run(
        &mut s,
        sys,
        Command::Directory(Dir::SetTeamLeads {
            team: CULTURA,
            leads: [OSCAR].into(),
        }),
    );
    use Weekday::*;
    run(
        &mut s,
        sys,
        Command::Directory(Dir::SaveAgreement {
            agreement: agreement(IRENE_AGREEMENT, IRENE, &[Mon, Tue, Wed, Thu, Fri], 3, 10),
        }),
    );
    s
}
