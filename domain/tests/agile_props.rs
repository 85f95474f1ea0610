//! Property tests of agile days, on the demo organisation: whatever people
//! do, in whatever order, `apply` never panics, the agreement's limits and
//! the team's share cap hold, the indexes kept event by event equal a
//! rebuild, replaying the events gives the same state, every command and
//! event survives JSON, and what each person's replica receives matches
//! their view.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use proptest::prelude::*;
use uuid::Uuid;

use vela_domain::agile::{self, AbsenceKind, Command as Cmd, DaySelection, DayStatus, Decision};
use vela_domain::calendar::rome_midnight_utc;
use vela_domain::directory::{Command as Dir, MinOffice, Place, WorkMode};
use vela_domain::ids::{AbsenceId, OrgId, PersonId, RequestId, TeamId};
use vela_domain::{apply, visibility, Actor, Command, Event, State};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date")
}

/// The demo organisation's directory only (no agile days yet).
fn base() -> State {
    let mut counter = 0u128;
    let mut ids = || {
        counter += 1;
        Uuid::from_u128(counter)
    };
    let now = rome_midnight_utc(today()) + Duration::hours(9);
    let mut state = State::default();
    for (actor, command) in vela_domain::demo::commands(OrgId::from_u128(7), today(), &mut ids) {
        if matches!(command, Command::Directory(_)) {
            state
                .execute(&actor, &command, now)
                .expect("demo directory passes");
        }
    }
    state
}

fn people(state: &State) -> Vec<PersonId> {
    state.directory.people.keys().copied().collect()
}

fn teams(state: &State) -> Vec<TeamId> {
    state.directory.teams.keys().copied().collect()
}

/// A step of a generated history: who acts, on which day, doing what.
/// Indexes pick people, teams, requests and absences from small pools so
/// that commands often meet each other.
#[derive(Clone, Debug)]
enum Op {
    Request {
        who: usize,
        id: u8,
        dates: Vec<u16>,
        weekly: Option<(Vec<u8>, u16, u16)>,
        remote: bool,
        named: bool,
    },
    Cancel {
        who: usize,
        id: u8,
        date: Option<u16>,
    },
    Decide {
        who: usize,
        id: u8,
        date: Option<u16>,
        approve: bool,
        ack: bool,
    },
    Absence {
        who: usize,
        person: usize,
        id: u8,
        from: u16,
        len: u16,
    },
    CancelAbsence {
        who: usize,
        id: u8,
    },
    Activity {
        who: usize,
        date: u16,
    },
    /// The next days pass.
    Wait {
        days: u8,
    },
    /// Directory: a person changes team (administrator).
    Move {
        person: usize,
        team: usize,
    },
    /// Directory: a person withdraws from their agreement.
    Withdraw {
        person: usize,
        after: u16,
    },
    /// Directory: a person is deactivated or reactivated.
    Active {
        person: usize,
        active: bool,
    },
    /// Directory: a person who left is anonymised, as if the retention
    /// period had passed (`late`) or not.
    Anonymise {
        person: usize,
        late: bool,
    },
    /// Directory: a team's presence rules change.
    Rules {
        team: usize,
        min: u8,
        share: Option<u8>,
    },
}

fn op(directory_changes: bool) -> impl Strategy<Value = Op> {
    let who = 0usize..14;
    let day = 0u16..75;
    let agile = prop_oneof![
        6 => (who.clone(), 0u8..10, prop::collection::vec(day.clone(), 0..6),
              prop::option::weighted(0.3, (prop::collection::vec(0u8..7, 1..4), day.clone(), 0u16..40)),
              prop::bool::weighted(0.1), prop::bool::weighted(0.2))
            .prop_map(|(who, id, dates, weekly, remote, named)| Op::Request { who, id, dates, weekly, remote, named }),
        2 => (who.clone(), 0u8..10, prop::option::of(day.clone()))
            .prop_map(|(who, id, date)| Op::Cancel { who, id, date }),
        8 => (who.clone(), 0u8..10, prop::option::weighted(0.3, day.clone()), prop::bool::weighted(0.7), prop::bool::weighted(0.3))
            .prop_map(|(who, id, date, approve, ack)| Op::Decide { who, id, date, approve, ack }),
        2 => (who.clone(), who.clone(), 0u8..4, day.clone(), 0u16..6)
            .prop_map(|(who, person, id, from, len)| Op::Absence { who, person, id, from, len }),
        1 => (who.clone(), 0u8..4).prop_map(|(who, id)| Op::CancelAbsence { who, id }),
        1 => (who.clone(), day.clone()).prop_map(|(who, date)| Op::Activity { who, date }),
        1 => (0u8..5).prop_map(|days| Op::Wait { days }),
    ];
    let directory =
        prop_oneof![
            (who.clone(), 0usize..3).prop_map(|(person, team)| Op::Move { person, team }),
            (who.clone(), 30u16..75).prop_map(|(person, after)| Op::Withdraw { person, after }),
            (who.clone(), any::<bool>()).prop_map(|(person, active)| Op::Active { person, active }),
            (who, any::<bool>()).prop_map(|(person, late)| Op::Anonymise { person, late }),
            (0usize..3, 0u8..80, prop::option::of(0u8..60))
                .prop_map(|(team, min, share)| Op::Rules { team, min, share }),
        ];
    if directory_changes {
        prop_oneof![12 => agile, 1 => directory].boxed()
    } else {
        agile.boxed()
    }
}

/// Presence rules for the three demo teams, set before anything happens
/// (a cap lowered later may leave more people away than it allows: it
/// applies to new approvals only).
fn rules() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec((0u8..80, prop::option::of(0u8..60)), 3).prop_map(|rules| {
        rules
            .into_iter()
            .enumerate()
            .map(|(team, (min, share))| Op::Rules { team, min, share })
            .collect()
    })
}

struct World {
    state: State,
    people: Vec<PersonId>,
    teams: Vec<TeamId>,
    admin: PersonId,
    now: DateTime<Utc>,
    /// The time of the next command only, when it is not `now`.
    next_at: Option<DateTime<Utc>>,
}

impl World {
    fn new() -> Self {
        let state = base();
        let admin = state
            .directory
            .by_username("admin")
            .map(|p| p.id)
            .expect("demo admin");
        World {
            people: people(&state),
            teams: teams(&state),
            state,
            admin,
            now: rome_midnight_utc(today()) + Duration::hours(9),
            next_at: None,
        }
    }

    fn day(&self, offset: u16) -> NaiveDate {
        today() + Duration::days(i64::from(offset))
    }

    fn person(&self, i: usize) -> PersonId {
        self.people[i % self.people.len()]
    }

    /// Half the time the request's owner, else anyone.
    fn owner_or(&self, who: usize, request: RequestId) -> PersonId {
        match self.state.agile.requests.get(&request) {
            Some(r) if who.is_multiple_of(2) => r.person,
            _ => self.person(who),
        }
    }

    /// Half the time a lead of the owner's team (the administrator for a
    /// lead's own days), else anyone.
    fn lead_or(&self, who: usize, request: RequestId) -> PersonId {
        let Some(owner) = self.state.agile.requests.get(&request).map(|r| r.person) else {
            return self.person(who);
        };
        if !who.is_multiple_of(2) {
            return self.person(who);
        }
        self.state
            .directory
            .people
            .get(&owner)
            .and_then(|p| p.team)
            .and_then(|t| self.state.directory.teams.get(&t))
            .and_then(|t| t.leads.iter().find(|l| **l != owner).copied())
            .unwrap_or(self.admin)
    }

    /// The command an op stands for, as whom.
    fn command(&mut self, op: &Op) -> Option<(Actor, Command)> {
        let rid = |id: u8| RequestId::from_u128(0x9000 + u128::from(id));
        let aid = |id: u8| AbsenceId::from_u128(0xA000 + u128::from(id));
        let c = match op {
            Op::Request {
                who,
                id,
                dates,
                weekly,
                remote,
                named,
            } => {
                let days = match weekly {
                    Some((weekdays, from, len)) => DaySelection::Weekly {
                        weekdays: weekdays
                            .iter()
                            .filter_map(|d| Weekday::try_from(*d).ok())
                            .collect(),
                        from: self.day(*from),
                        until: self.day(*from + *len),
                    },
                    None => DaySelection::Dates {
                        dates: dates.iter().map(|d| self.day(*d)).collect(),
                    },
                };
                (
                    self.person(*who),
                    Cmd::RequestDays {
                        id: rid(*id),
                        days,
                        mode: if *remote {
                            WorkMode::Remote
                        } else {
                            WorkMode::Agile
                        },
                        place: if *named {
                            Place::Named {
                                name: "Telecentro di Rovereto".into(),
                            }
                        } else {
                            Place::Home
                        },
                        note: "nota".into(),
                    },
                )
            }
            Op::Cancel { who, id, date } => (
                self.owner_or(*who, rid(*id)),
                Cmd::CancelDays {
                    request: rid(*id),
                    dates: date.map(|d| vec![self.day(d)]),
                },
            ),
            Op::Decide {
                who,
                id,
                date,
                approve,
                ack,
            } => (
                self.lead_or(*who, rid(*id)),
                Cmd::DecideDays {
                    request: rid(*id),
                    dates: date.map(|d| vec![self.day(d)]),
                    decision: if *approve {
                        Decision::Approve
                    } else {
                        Decision::Reject
                    },
                    note: "motivo".into(),
                    acknowledge_coverage: *ack,
                },
            ),
            Op::Absence {
                who,
                person,
                id,
                from,
                len,
            } => (
                if who.is_multiple_of(2) {
                    self.person(*person)
                } else {
                    self.person(*who)
                },
                Cmd::RecordAbsence {
                    id: aid(*id),
                    person: self.person(*person),
                    from: self.day(*from),
                    until: self.day(*from + *len),
                    kind: AbsenceKind::Holiday,
                    reason: "ferie".into(),
                },
            ),
            Op::CancelAbsence { who, id } => {
                (self.person(*who), Cmd::CancelAbsence { id: aid(*id) })
            }
            Op::Activity { who, date } => (
                self.person(*who),
                Cmd::LogActivity {
                    date: self.day(*date),
                    objectives: vec![],
                    note: "fatto".into(),
                },
            ),
            Op::Wait { days } => {
                self.now += Duration::days(i64::from(*days));
                return None;
            }
            Op::Move { person, team } => {
                let p = self
                    .state
                    .directory
                    .people
                    .get(&self.person(*person))?
                    .clone();
                let team = self.teams[*team % self.teams.len()];
                return Some((
                    Actor::Person(self.admin),
                    Command::Directory(Dir::SavePerson {
                        id: p.id,
                        username: p.username,
                        name: p.name,
                        email: p.email,
                        employee_number: None,
                        roles: p.roles,
                        team: Some(team),
                        commute_km: p.commute_km,
                        language: p.language,
                        org: None,
                    }),
                ));
            }
            Op::Anonymise { person, late } => {
                if *late {
                    let retention = vela_domain::directory::RETENTION_DAYS + 1;
                    self.next_at = Some(self.now + Duration::days(retention));
                }
                return Some((
                    Actor::Person(self.admin),
                    Command::Directory(Dir::AnonymisePerson {
                        person: self.person(*person),
                    }),
                ));
            }
            Op::Active { person, active } => {
                return Some((
                    Actor::Person(self.admin),
                    Command::Directory(Dir::SetActive {
                        person: self.person(*person),
                        active: *active,
                    }),
                ));
            }
            Op::Withdraw { person, after } => {
                let person = self.person(*person);
                let agreement = self
                    .state
                    .directory
                    .agreements
                    .values()
                    .find(|a| a.person == person)?;
                return Some((
                    Actor::Person(person),
                    Command::Directory(Dir::WithdrawAgreement {
                        id: agreement.id,
                        effective: self.day(*after),
                    }),
                ));
            }
            Op::Rules { team, min, share } => {
                let t = self
                    .state
                    .directory
                    .teams
                    .get(&self.teams[*team % self.teams.len()])?;
                return Some((
                    Actor::Person(self.admin),
                    Command::Directory(Dir::SaveTeam {
                        id: t.id,
                        name: t.name.clone(),
                        min_office: MinOffice::Percent(*min),
                        max_agile_share: *share,
                        org: None,
                    }),
                ));
            }
        };
        Some((Actor::Person(c.0), Command::Agile(c.1)))
    }
}

/// Runs the ops; returns the accepted events and the final world.
fn play(ops: &[Op]) -> (World, Vec<Event>) {
    let mut world = World::new();
    let mut events = Vec::new();
    for op in ops {
        let Some((actor, command)) = world.command(op) else {
            continue;
        };
        // JSON round trip of every command.
        let text = serde_json::to_string(&command).expect("serialises");
        assert_eq!(
            serde_json::from_str::<Command>(&text).expect("parses"),
            command
        );
        let now = world.next_at.take().unwrap_or(world.now);
        if let Ok(new) = apply(&world.state, &actor, &command, now) {
            for e in &new {
                let text = serde_json::to_string(e).expect("serialises");
                assert_eq!(&serde_json::from_str::<Event>(&text).expect("parses"), e);
                world.state.apply_event(e);
            }
            events.extend(new);
        }
    }
    (world, events)
}

fn month_bounds(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = date.with_day(1).expect("day 1");
    let next = first + chrono::Months::new(1);
    (first, next.pred_opt().expect("a day before"))
}

/// The rules that must hold however the state was reached.
fn check_limits(state: &State, check_share: bool) {
    for (person, days) in &state.agile.days {
        for day in days.values().filter(|d| d.status.is_active()) {
            let agreement = state
                .directory
                .agreement_on(*person, day.date)
                .expect("an active day has an agreement in force");
            let count = |from: NaiveDate, until: NaiveDate| {
                days.range(from..=until)
                    .filter(|(_, d)| d.status.is_active())
                    .count()
            };
            let monday =
                day.date - Duration::days(i64::from(day.date.weekday().num_days_from_monday()));
            assert!(
                count(monday, monday + Duration::days(6))
                    <= usize::from(agreement.max_days_per_week)
            );
            let (first, last) = month_bounds(day.date);
            assert!(count(first, last) <= usize::from(agreement.max_days_per_month));
            assert!(agreement.weekdays.contains(&day.date.weekday()));
            assert!(state.agile.absence_on(*person, day.date).is_none());
        }
    }
    if check_share {
        for (team, dates) in &state.agile.team_days {
            let Some(share) = state
                .directory
                .teams
                .get(team)
                .and_then(|t| t.max_agile_share)
            else {
                continue;
            };
            let size = state.agile.members.get(team).map_or(0, |m| m.len() as u32);
            for counts in dates.values() {
                assert!(counts.away <= agile::share_allows(share, size));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Limits hold, apply never panics, indexes equal a rebuild and a replay
    /// from scratch equals the incremental state.
    #[test]
    fn agile_rules_hold_and_replay_is_exact(
        rules in rules(),
        ops in prop::collection::vec(op(false), 1..60),
    ) {
        let ops: Vec<Op> = rules.into_iter().chain(ops).collect();
        let (world, events) = play(&ops);
        check_limits(&world.state, true);
        let mut rebuilt = world.state.clone();
        agile::reindex(&mut rebuilt);
        prop_assert_eq!(&rebuilt, &world.state);
        let mut replayed = base();
        for e in events.iter().filter(|e| {
            matches!(e, Event::Agile(_) | Event::Directory(_) | Event::Notifications(_))
        }) {
            replayed.apply_event(e);
        }
        prop_assert_eq!(&replayed, &world.state);
        let text = serde_json::to_string(&world.state).expect("serialises");
        prop_assert_eq!(&serde_json::from_str::<State>(&text).expect("parses"), &world.state);
    }

    /// With people moving between teams and agreements withdrawn, the
    /// indexes stay exact and no day is left without an agreement.
    #[test]
    fn directory_changes_keep_the_indexes_exact(ops in prop::collection::vec(op(true), 1..60)) {
        let (world, _) = play(&ops);
        check_limits(&world.state, false);
        let mut rebuilt = world.state.clone();
        agile::reindex(&mut rebuilt);
        prop_assert_eq!(&rebuilt, &world.state);
    }

    /// What each person's replica receives, applied to their first view,
    /// gives their last view.
    #[test]
    fn redacted_events_bring_each_replica_to_its_view(ops in prop::collection::vec(op(false), 1..40)) {
        let start = World::new().state;
        let (world, events) = play(&ops);
        let mut actors: Vec<Actor> = world.people.iter().map(|p| Actor::Person(*p)).collect();
        actors.push(Actor::System);
        for actor in actors {
            let mut replica = start.clone();
            // The whole view (it also keeps each organisation's plans to
            // itself), as the server sends it.
            replica.agile = visibility::view(&start, &actor).agile;
            for e in &events {
                if let Some(e) = visibility::redact(&world.state, &actor, e) {
                    replica.apply_event(&e);
                }
            }
            prop_assert_eq!(&replica.agile, &visibility::view(&world.state, &actor).agile, "{:?}", actor);
        }
    }
}

#[test]
fn the_demo_respects_the_limits() {
    let mut counter = 0u128;
    let mut ids = || {
        counter += 1;
        Uuid::from_u128(counter)
    };
    let now = rome_midnight_utc(today()) + Duration::hours(9);
    let mut state = State::default();
    for (actor, command) in vela_domain::demo::commands(OrgId::from_u128(7), today(), &mut ids) {
        state.execute(&actor, &command, now).expect("demo passes");
    }
    check_limits(&state, true);
    let approved = state
        .agile
        .days
        .values()
        .flat_map(|d| d.values())
        .filter(|d| d.status == DayStatus::Approved)
        .count();
    assert!(approved > 0);
}
