//! Property tests of the domain boundary: every kind of command, by every
//! kind of actor, with dates and times anywhere in chrono's range (and at
//! the clock's extremes too) — `apply` never panics; a command that names a
//! date or time outside the accepted years is refused as `invalid` /
//! `out_of_range`; one inside them that is accepted applies, and the state
//! it leads to still gives every person a view.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use proptest::prelude::*;
use uuid::Uuid;

use vela_domain::agile::{AbsenceKind, Command as Agile, DaySelection, Decision};
use vela_domain::boundary::{date_in_range, instant_in_range, FIRST_YEAR, LAST_YEAR};
use vela_domain::calendar::{rome_date, rome_midnight_utc, to_rome, ExtraHoliday};
use vela_domain::directory::{Command as Dir, Language, MinOffice, Place, Role, WorkMode};
use vela_domain::ids::{
    AbsenceId, AgreementId, KeyResultId, ObjectiveId, OrgId, PathId, PersonId, RequestId,
    SessionId, TeamId,
};
use vela_domain::objectives::{Amount, Command as Obj, Outcome, Owner, Period};
use vela_domain::rejection::{CommonRejection, Problem};
use vela_domain::visibility::view;
use vela_domain::webinars::{Audience, Command as Web};
use vela_domain::{apply, Actor, Command, Rejection, State};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0)
        .single()
        .expect("valid")
}

/// The demo partnership with its past, and the ids it holds.
struct Demo {
    state: State,
    orgs: Vec<OrgId>,
    people: Vec<PersonId>,
    teams: Vec<TeamId>,
    agreements: Vec<AgreementId>,
    requests: Vec<RequestId>,
    absences: Vec<AbsenceId>,
    objectives: Vec<ObjectiveId>,
    sessions: Vec<SessionId>,
    paths: Vec<PathId>,
}

static DEMO: LazyLock<Demo> = LazyLock::new(|| {
    let mut counter = 0u128;
    let mut ids = || {
        counter += 1;
        Uuid::from_u128(counter)
    };
    let mut state = State::default();
    let today = rome_date(now());
    for (at, actor, command) in
        vela_domain::demo::timed_commands(OrgId::from_u128(7), today, &mut ids)
    {
        let _ = state.execute(&actor, &command, at.unwrap_or_else(now));
    }
    Demo {
        orgs: state.directory.organisations.keys().copied().collect(),
        people: state.directory.people.keys().copied().collect(),
        teams: state.directory.teams.keys().copied().collect(),
        agreements: state.directory.agreements.keys().copied().collect(),
        requests: state.agile.requests.keys().copied().collect(),
        absences: state.agile.absences.keys().copied().collect(),
        objectives: state.objectives.objectives.keys().copied().collect(),
        sessions: state.webinars.sessions.keys().copied().collect(),
        paths: state.webinars.paths.keys().copied().collect(),
        state,
    }
});

/// A date anywhere chrono can hold, often near the accepted range's edges.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let edge = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).expect("edge");
    prop_oneof![
        3 => (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
            .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(NaiveDate::MAX)),
        2 => (-1000i32..1000).prop_map(move |n| {
            NaiveDate::from_num_days_from_ce_opt(
                edge(2026, 11, 24).num_days_from_ce() + n
            ).unwrap_or(NaiveDate::MAX)
        }),
        2 => prop::sample::select(vec![
            NaiveDate::MIN,
            NaiveDate::MAX,
            edge(FIRST_YEAR - 1, 12, 31),
            edge(FIRST_YEAR, 1, 1),
            edge(LAST_YEAR, 12, 31),
            edge(LAST_YEAR + 1, 1, 1),
            edge(262_142, 6, 1),
        ]),
    ]
}

/// An instant anywhere chrono can hold, often near the edges.
fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
    prop_oneof![
        2 => (DateTime::<Utc>::MIN_UTC.timestamp()..=DateTime::<Utc>::MAX_UTC.timestamp())
            .prop_map(|s| DateTime::from_timestamp(s, 0).unwrap_or(DateTime::<Utc>::MAX_UTC)),
        2 => any_date().prop_map(|d| Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN))),
        1 => Just(DateTime::<Utc>::MAX_UTC),
        1 => Just(DateTime::<Utc>::MIN_UTC),
        2 => (-100_000i64..100_000).prop_map(|m| now() + chrono::Duration::minutes(m)),
    ]
}

/// The raw material of one case.
#[derive(Debug, Clone)]
struct Case {
    kind: usize,
    actor: usize,
    pick: [usize; 3],
    dates: [NaiveDate; 3],
    instants: [DateTime<Utc>; 2],
    clock: Option<DateTime<Utc>>,
}

/// How many command kinds [`command`] builds.
const KINDS: usize = 38;

fn case() -> impl Strategy<Value = Case> {
    (
        0..KINDS,
        any::<usize>(),
        any::<[usize; 3]>(),
        [any_date(), any_date(), any_date()],
        [any_instant(), any_instant()],
        prop::option::weighted(0.1, any_instant()),
    )
        .prop_map(|(kind, actor, pick, dates, instants, clock)| Case {
            kind,
            actor,
            pick,
            dates,
            instants,
            clock,
        })
}

fn pick<T: Copy>(list: &[T], i: usize, or: T) -> T {
    if list.is_empty() {
        or
    } else {
        list[i % list.len()]
    }
}

/// One command of kind `c.kind`, and whether it names a date or time
/// outside the accepted years.
fn command(d: &Demo, c: &Case) -> (Command, bool) {
    let [a, b, e] = c.pick;
    let [d1, d2, d3] = c.dates;
    let [t1, t2] = c.instants;
    let person = pick(&d.people, a, PersonId::from_u128(1));
    let team = pick(&d.teams, b, TeamId::from_u128(1));
    let objective = pick(&d.objectives, a, ObjectiveId::from_u128(1));
    let session = pick(&d.sessions, b, SessionId::from_u128(1));
    let out = |ds: &[NaiveDate]| ds.iter().any(|x| !date_in_range(*x));
    let fresh = Uuid::from_u128(0xF00D_0000 + e as u128);
    let (command, outside) = match c.kind {
        0 => (
            Command::Directory(Dir::UpdateOrganisation {
                name: "Ente".into(),
                extra_holidays: vec![ExtraHoliday::Once {
                    date: d1,
                    name: "Chiusura".into(),
                }],
                org: Some(pick(&d.orgs, e, OrgId::from_u128(7))),
            }),
            out(&[d1]),
        ),
        1 => (
            Command::Directory(Dir::AddOfficeOnlyDate {
                team,
                date: d1,
                note: String::new(),
            }),
            out(&[d1]),
        ),
        2 => (
            Command::Directory(Dir::RemoveOfficeOnlyDate { team, date: d1 }),
            out(&[d1]),
        ),
        3 => {
            let id = pick(&d.agreements, e, AgreementId::from_u128(1));
            let mut agreement = d
                .state
                .directory
                .agreements
                .get(&id)
                .cloned()
                .unwrap_or_else(|| {
                    d.state
                        .directory
                        .agreements
                        .values()
                        .next()
                        .cloned()
                        .expect("the demo has agreements")
                });
            agreement.valid_from = d1;
            agreement.valid_until = Some(d2);
            agreement.withdrawn_from = (e.is_multiple_of(2)).then_some(d3);
            let dates = if e.is_multiple_of(2) {
                vec![d1, d2, d3]
            } else {
                vec![d1, d2]
            };
            (
                Command::Directory(Dir::SaveAgreement { agreement }),
                out(&dates),
            )
        }
        4 => (
            Command::Directory(Dir::WithdrawAgreement {
                id: pick(&d.agreements, e, AgreementId::from_u128(1)),
                effective: d1,
            }),
            out(&[d1]),
        ),
        5 => (
            Command::Agile(Agile::RequestDays {
                id: RequestId(fresh),
                days: DaySelection::Dates {
                    dates: vec![d1, d2],
                },
                mode: WorkMode::Agile,
                place: Place::Home,
                note: String::new(),
            }),
            out(&[d1, d2]),
        ),
        6 => (
            Command::Agile(Agile::RequestDays {
                id: RequestId(fresh),
                days: DaySelection::Weekly {
                    weekdays: vec![Weekday::Tue, Weekday::Thu],
                    from: d1,
                    until: d2,
                },
                mode: WorkMode::Agile,
                place: Place::Home,
                note: String::new(),
            }),
            out(&[d1, d2]),
        ),
        7 => (
            Command::Agile(Agile::CancelDays {
                request: pick(&d.requests, e, RequestId::from_u128(1)),
                dates: Some(vec![d1]),
            }),
            out(&[d1]),
        ),
        8 => (
            Command::Agile(Agile::DecideDays {
                request: pick(&d.requests, e, RequestId::from_u128(1)),
                dates: Some(vec![d1, d2]),
                decision: if a.is_multiple_of(2) {
                    Decision::Approve
                } else {
                    Decision::Reject
                },
                note: "no".into(),
                acknowledge_coverage: b.is_multiple_of(2),
            }),
            out(&[d1, d2]),
        ),
        9 => (
            Command::Agile(Agile::RecordAbsence {
                id: AbsenceId(fresh),
                person,
                from: d1,
                until: d2,
                kind: AbsenceKind::Holiday,
                reason: String::new(),
            }),
            out(&[d1, d2]),
        ),
        10 => (
            Command::Agile(Agile::LogActivity {
                date: d1,
                objectives: vec![objective],
                note: String::new(),
            }),
            out(&[d1]),
        ),
        11 => (
            Command::Objectives(Obj::SaveObjective {
                id: ObjectiveId(fresh),
                owner: Owner::Person(person),
                period: Period {
                    from: d1,
                    until: d2,
                },
                title: "Obiettivo".into(),
                description: String::new(),
                weight: 10,
                key_results: vec![],
            }),
            out(&[d1, d2]),
        ),
        12 => {
            let trainers = d
                .state
                .webinars
                .sessions
                .get(&session)
                .map(|s| s.trainers.clone())
                .unwrap_or_default();
            (
                Command::Webinars(Web::SaveSession {
                    id: if e.is_multiple_of(2) {
                        session
                    } else {
                        SessionId(fresh)
                    },
                    title: "Sessione".into(),
                    description: String::new(),
                    trainers,
                    start: t1,
                    end: t2,
                    capacity: 10,
                    join_link: "https://meet.example.it/x".into(),
                    audience: Audience::Partnership,
                    materials: vec![],
                }),
                !instant_in_range(t1) || !instant_in_range(t2),
            )
        }
        // The commands without dates: they must hold at extreme clocks too.
        13 => (
            Command::Directory(Dir::SetMinOffice {
                team,
                min_office: MinOffice::People(1),
            }),
            false,
        ),
        14 => (
            Command::Directory(Dir::SetTeamLeads {
                team,
                leads: [person].into(),
            }),
            false,
        ),
        15 => (
            Command::Directory(Dir::SetCommute { person, km: 12 }),
            false,
        ),
        16 => (
            Command::Directory(Dir::SetActive {
                person,
                active: e.is_multiple_of(2),
            }),
            false,
        ),
        17 => (
            Command::Directory(Dir::SetLanguage {
                language: Language::En,
            }),
            false,
        ),
        18 => (
            Command::Agile(Agile::CancelAbsence {
                id: pick(&d.absences, e, AbsenceId::from_u128(1)),
            }),
            false,
        ),
        19 => (Command::Objectives(Obj::Propose { objective }), false),
        20 => (Command::Objectives(Obj::Agree { objective }), false),
        21 => (
            Command::Objectives(Obj::SendBack {
                objective,
                comment: "rivedi".into(),
            }),
            false,
        ),
        22 => (Command::Objectives(Obj::Start { objective }), false),
        23 => (
            Command::Objectives(Obj::Close {
                objective,
                outcome: Outcome::Achieved,
            }),
            false,
        ),
        24 => (
            Command::Objectives(Obj::Review {
                objective,
                rating: 4,
                comment: String::new(),
            }),
            false,
        ),
        25 => (Command::Objectives(Obj::Delete { objective }), false),
        26 => (Command::Webinars(Web::CancelSession { id: session }), false),
        27 => (
            Command::Webinars(Web::SavePath {
                id: pick(&d.paths, e, PathId::from_u128(1)),
                title: "Percorso".into(),
                description: String::new(),
                sessions: vec![session],
            }),
            false,
        ),
        28 => (Command::Webinars(Web::Register { session }), false),
        29 => (
            Command::Webinars(Web::CancelRegistration { session, person }),
            false,
        ),
        30 => (
            Command::Webinars(Web::MarkAttendance {
                session,
                person,
                present: true,
            }),
            false,
        ),
        31 => (
            Command::Webinars(Web::GiveFeedback {
                session,
                rating: 5,
                comment: None,
            }),
            false,
        ),
        32 => (
            Command::Agile(Agile::CancelDays {
                request: pick(&d.requests, e, RequestId::from_u128(1)),
                dates: None,
            }),
            false,
        ),
        33 => (
            Command::Directory(Dir::SetUpOrganisation {
                id: OrgId(fresh),
                name: "Nuovo ente".into(),
                extra_holidays: vec![ExtraHoliday::Once {
                    date: d1,
                    name: "Chiusura".into(),
                }],
                administrator: None,
            }),
            out(&[d1]),
        ),
        34 => (
            Command::Directory(Dir::SaveTeam {
                id: if e.is_multiple_of(2) {
                    team
                } else {
                    TeamId(fresh)
                },
                name: "Ufficio".into(),
                min_office: MinOffice::Percent(30),
                max_agile_share: None,
                org: None,
            }),
            false,
        ),
        35 => (
            Command::Directory(Dir::SavePerson {
                id: if e.is_multiple_of(2) {
                    person
                } else {
                    PersonId(fresh)
                },
                username: format!("u{e}"),
                name: "Persona".into(),
                email: None,
                employee_number: None,
                roles: [Role::Employee].into(),
                team: Some(team),
                commute_km: 3,
                language: Language::It,
                org: None,
            }),
            false,
        ),
        36 => (Command::Directory(Dir::AnonymisePerson { person }), false),
        _ => {
            let (key_result, value) = d
                .state
                .objectives
                .objectives
                .get(&objective)
                .and_then(|o| o.key_results.first())
                .map(|kr| (kr.id, kr.current))
                .unwrap_or((
                    KeyResultId::from_u128(1),
                    Amount::from_units(1).expect("small"),
                ));
            (
                Command::Objectives(Obj::RecordProgress {
                    objective,
                    key_result,
                    value,
                    note: String::new(),
                }),
                false,
            )
        }
    };
    (command, outside)
}

fn actor(d: &Demo, i: usize) -> Actor {
    if i.is_multiple_of(8) {
        Actor::System
    } else {
        Actor::Person(pick(&d.people, i, PersonId::from_u128(1)))
    }
}

fn is_out_of_range(rejection: &Rejection) -> bool {
    matches!(
        rejection,
        Rejection::Common(CommonRejection::Invalid {
            problem: Problem::OutOfRange,
            ..
        })
    )
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_command_panics_whatever_its_dates_and_outside_ones_are_refused(c in case()) {
        let d = &*DEMO;
        let (command, outside) = command(d, &c);
        let who = actor(d, c.actor);
        let clock = c.clock.unwrap_or_else(now);
        let result = apply(&d.state, &who, &command, clock);
        if outside || !instant_in_range(clock) {
            match &result {
                Err(r) => prop_assert!(is_out_of_range(r), "{command:?} → {r:?}"),
                Ok(_) => prop_assert!(false, "{command:?} accepted at {clock}"),
            }
        }
        if let Ok(events) = result {
            let mut state = d.state.clone();
            for event in &events {
                state.apply_event(event);
            }
            if let Actor::Person(id) = who {
                let _ = view(&state, &Actor::Person(id));
            }
        }
    }

    #[test]
    fn the_rome_clock_never_panics(instant in any_instant(), date in any_date()) {
        let _ = to_rome(instant);
        let _ = rome_date(instant);
        let _ = rome_midnight_utc(date);
    }
}
