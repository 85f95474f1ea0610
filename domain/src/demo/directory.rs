use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use uuid::Uuid;

use crate::calendar::ExtraHoliday;
use crate::directory::{
    Agreement, Command as Dir, Language, MinOffice, Place, Role, TimeBand, WorkMode,
};
use crate::ids::{AgreementId, OrgId, PersonId, TeamId};
use crate::{Actor, Command};

/// The accounts the login page lists; all use the demo password.
/// (`irene` of the Comune di Rovereto, the partnership's second
/// administration, can sign in too.)
pub const DEMO_ACCOUNTS: [&str; 4] = ["giulia", "marco", "sara", "admin"];

/// Who is who in the demo, for the other areas' demo data.
#[derive(Clone, Debug)]
pub struct DemoPeople {
    pub admin: PersonId,
    /// Employee in the tax office (Tributi), led by Marco.
    pub giulia: PersonId,
    /// Lead of the tax office.
    pub marco: PersonId,
    /// Trainer.
    pub sara: PersonId,
    pub tributi: TeamId,
    pub formazione: TeamId,
    pub sistemi: TeamId,
    /// Every employee with an agile agreement, Giulia first.
    pub agile_staff: Vec<PersonId>,
}

struct Member {
    username: &'static str,
    name: &'static str,
    roles: &'static [Role],
    team: usize,
    commute_km: u32,
    weekdays: &'static [Weekday],
    per_week: u8,
}

const MEMBERS: &[Member] = {
    use Role::*;
    use Weekday::*;
    &[
        Member {
            username: "giulia",
            name: "Giulia Bianchi",
            roles: &[Employee],
            team: 0,
            commute_km: 24,
            // Three weekdays allowed, two a week: the weekly limit can bite.
            weekdays: &[Mon, Tue, Thu],
            per_week: 2,
        },
        Member {
            username: "marco",
            name: "Marco Rossi",
            roles: &[Employee, Lead],
            team: 0,
            commute_km: 8,
            weekdays: &[Fri],
            per_week: 1,
        },
        Member {
            username: "luca",
            name: "Luca Ferrari",
            roles: &[Employee],
            team: 0,
            commute_km: 35,
            weekdays: &[Mon, Wed],
            per_week: 2,
        },
        Member {
            username: "chiara",
            name: "Chiara Esposito",
            roles: &[Employee],
            team: 0,
            commute_km: 15,
            weekdays: &[Tue, Fri],
            per_week: 2,
        },
        Member {
            username: "davide",
            name: "Davide Moser",
            roles: &[Employee],
            team: 0,
            commute_km: 42,
            weekdays: &[Mon, Thu],
            per_week: 2,
        },
        Member {
            username: "elena",
            name: "Elena Pedrotti",
            roles: &[Employee, Lead],
            team: 1,
            commute_km: 12,
            weekdays: &[Wed],
            per_week: 1,
        },
        Member {
            username: "sara",
            name: "Sara Gallo",
            roles: &[Employee, Trainer],
            team: 1,
            commute_km: 18,
            weekdays: &[Mon, Fri],
            per_week: 2,
        },
        Member {
            username: "francesca",
            name: "Francesca Zanella",
            roles: &[Employee, Trainer],
            team: 1,
            commute_km: 27,
            weekdays: &[Tue],
            per_week: 1,
        },
        Member {
            username: "roberto",
            name: "Roberto Dallapiccola",
            roles: &[Employee, Lead],
            team: 2,
            commute_km: 6,
            weekdays: &[Thu],
            per_week: 1,
        },
        Member {
            username: "alessio",
            name: "Alessio Tomasi",
            roles: &[Employee],
            team: 2,
            commute_km: 51,
            weekdays: &[Mon, Wed, Fri],
            per_week: 3,
        },
        Member {
            username: "martina",
            name: "Martina Fontana",
            roles: &[Employee],
            team: 2,
            commute_km: 22,
            weekdays: &[Tue, Thu],
            per_week: 2,
        },
        Member {
            username: "stefano",
            name: "Stefano Valentini",
            roles: &[Employee],
            team: 2,
            commute_km: 9,
            weekdays: &[Wed],
            per_week: 1,
        },
    ]
};

pub fn commands(
    org: OrgId,
    today: NaiveDate,
    ids: &mut dyn FnMut() -> Uuid,
) -> (DemoPeople, Vec<(Actor, Command)>) {
    let sys = Actor::System;
    let mut out = Vec::new();
    out.push((
        sys,
        Command::Directory(Dir::SetUpOrganisation {
            id: org,
            name: "Provincia autonoma di Trento".into(),
            extra_holidays: vec![ExtraHoliday::Yearly {
                month: 6,
                day: 26,
                name: "San Vigilio".into(),
            }],
            administrator: None,
        }),
    ));
    let teams: Vec<TeamId> = [
        "Servizio Tributi",
        "Servizio Formazione",
        "Servizio Sistemi informativi",
    ]
    .iter()
    .map(|name| {
        let id = TeamId(ids());
        out.push((
            sys,
            Command::Directory(Dir::SaveTeam {
                id,
                name: (*name).into(),
                min_office: MinOffice::Percent(50),
                max_agile_share: None,
                org: Some(org),
            }),
        ));
        id
    })
    .collect();
    let admin = PersonId(ids());
    out.push((
        sys,
        Command::Directory(Dir::SavePerson {
            id: admin,
            username: "admin".into(),
            name: "Amministrazione Vela".into(),
            email: Some("admin@provincia.example.org".into()),
            employee_number: None,
            // Also the partnership's administrator: adds member organisations.
            roles: [Role::Admin, Role::PartnershipAdmin].into(),
            team: None,
            commute_km: 0,
            language: Language::It,
            org: Some(org),
        }),
    ));
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
    let from = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let mut ids_of = Vec::new();
    for member in MEMBERS {
        let id = PersonId(ids());
        ids_of.push(id);
        out.push((
            sys,
            Command::Directory(Dir::SavePerson {
                id,
                username: member.username.into(),
                name: member.name.into(),
                email: Some(format!("{}@provincia.example.org", member.username)),
                employee_number: None,
                roles: member.roles.iter().copied().collect::<BTreeSet<_>>(),
                team: Some(teams[member.team]),
                commute_km: member.commute_km,
                language: Language::It,
                org: Some(org),
            }),
        ));
        out.push((
            sys,
            Command::Directory(Dir::SaveAgreement {
                agreement: Agreement {
                    id: AgreementId(ids()),
                    person: id,
                    mode: WorkMode::Agile,
                    valid_from: from,
                    valid_until: NaiveDate::from_ymd_opt(today.year() + 1, 12, 31),
                    max_days_per_week: member.per_week,
                    max_days_per_month: member.per_week * 4,
                    weekdays: member.weekdays.to_vec(),
                    places: vec![
                        Place::Home,
                        Place::Named {
                            name: "Telecentro di Rovereto".into(),
                        },
                    ],
                    contact_hours: vec![
                        TimeBand {
                            start: t(9, 30),
                            end: t(12, 30),
                        },
                        TimeBand {
                            start: t(14, 30),
                            end: t(16, 30),
                        },
                    ],
                    notice_days: 30,
                    withdrawn_from: None,
                },
            }),
        ));
    }
    let by_name = |username: &str| {
        MEMBERS
            .iter()
            .position(|m| m.username == username)
            .map(|i| ids_of[i])
            .unwrap_or(admin)
    };
    for (team, lead) in teams.iter().zip(["marco", "elena", "roberto"]) {
        out.push((
            sys,
            Command::Directory(Dir::SetTeamLeads {
                team: *team,
                leads: [by_name(lead)].into(),
            }),
        ));
    }
    let people = DemoPeople {
        admin,
        giulia: by_name("giulia"),
        marco: by_name("marco"),
        sara: by_name("sara"),
        tributi: teams[0],
        formazione: teams[1],
        sistemi: teams[2],
        agile_staff: ids_of.clone(),
    };
    (people, out)
}

/// Who is who in the partnership's second administration.
#[derive(Clone, Debug)]
pub struct PartnerPeople {
    pub org: OrgId,
    /// Its administrator (`admin.rovereto`).
    pub admin: PersonId,
    /// Employee of the library and culture office (`irene`).
    pub irene: PersonId,
    /// Lead of that office and trainer (`walter`).
    pub walter: PersonId,
    pub cultura: TeamId,
}

/// A second administration of the partnership, the Comune di Rovereto:
/// its own office, administrator, lead-trainer and an employee with an
/// agreement. Appended after every other demo command, so the ids of the
/// first organisation (and the browser specs that rely on its story) stay
/// as they were.
pub fn partner_commands(
    today: NaiveDate,
    ids: &mut dyn FnMut() -> Uuid,
) -> (PartnerPeople, Vec<(Actor, Command)>) {
    let sys = Actor::System;
    let org = OrgId(ids());
    let mut out = vec![(
        sys,
        Command::Directory(Dir::SetUpOrganisation {
            id: org,
            name: "Comune di Rovereto".into(),
            extra_holidays: vec![],
            administrator: None,
        }),
    )];
    let cultura = TeamId(ids());
    out.push((
        sys,
        Command::Directory(Dir::SaveTeam {
            id: cultura,
            name: "Servizio Cultura e Biblioteca".into(),
            min_office: MinOffice::Percent(50),
            max_agile_share: None,
            org: Some(org),
        }),
    ));
    let mut person = |username: &str, name: &str, roles: &[Role], team: Option<TeamId>, km| {
        let id = PersonId(ids());
        out.push((
            sys,
            Command::Directory(Dir::SavePerson {
                id,
                username: username.into(),
                name: name.into(),
                email: Some(format!("{username}@rovereto.example.org")),
                employee_number: None,
                roles: roles.iter().copied().collect::<BTreeSet<_>>(),
                team,
                commute_km: km,
                language: Language::It,
                org: Some(org),
            }),
        ));
        id
    };
    use Role::*;
    let admin = person(
        "admin.rovereto",
        "Amministrazione Rovereto",
        &[Admin],
        None,
        0,
    );
    let irene = person("irene", "Irene Fait", &[Employee], Some(cultura), 14);
    let walter = person(
        "walter",
        "Walter Zandonai",
        &[Employee, Lead, Trainer],
        Some(cultura),
        5,
    );
    out.push((
        sys,
        Command::Directory(Dir::SetTeamLeads {
            team: cultura,
            leads: [walter].into(),
        }),
    ));
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
    out.push((
        sys,
        Command::Directory(Dir::SaveAgreement {
            agreement: Agreement {
                id: AgreementId(ids()),
                person: irene,
                mode: WorkMode::Agile,
                valid_from: NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today),
                valid_until: NaiveDate::from_ymd_opt(today.year() + 1, 12, 31),
                max_days_per_week: 2,
                max_days_per_month: 8,
                weekdays: vec![Weekday::Mon, Weekday::Wed],
                places: vec![Place::Home],
                contact_hours: vec![TimeBand {
                    start: t(9, 0),
                    end: t(12, 0),
                }],
                notice_days: 30,
                withdrawn_from: None,
            },
        }),
    ));
    (
        PartnerPeople {
            org,
            admin,
            irene,
            walter,
            cultura,
        },
        out,
    )
}
