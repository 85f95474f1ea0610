//! Demo agile days: every demo employee asks for days in the rest of this
//! month and in the next one, their leads approve most of them, reject a few
//! with a reason and leave some pending (so a lead's inbox is not empty);
//! a few absences free days already planned, and one person cancels a day.
//! Giulia also has agile days in the last three weeks, asked for and
//! approved back then, one of them with its activity logged: these
//! [`Past`] commands carry the time they were made at (a day that has begun
//! can no longer be asked for).
//!
//! The commands are tried on a scratch copy of the organisation as they are
//! made and kept only when accepted, so the demo passes every rule whatever
//! `today` is (a month-end, a holiday week, a short month).

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use uuid::Uuid;

use super::DemoPeople;
use crate::agile::{AbsenceKind, Command as Agile, DaySelection, Decision, Event};
use crate::calendar::rome_midnight_utc;
use crate::directory::{Place, WorkMode};
use crate::ids::{AbsenceId, ObjectiveId, PersonId, RequestId};
use crate::{Actor, Command, State};

/// Notes people write on their requests, by person index.
const NOTES: [&str; 6] = [
    "Istruttoria delle istanze di rimborso IMU",
    "Redazione della relazione annuale",
    "Controlli sulle dichiarazioni TARI",
    "Preparazione dei materiali del corso",
    "Aggiornamento della documentazione tecnica",
    "Verifica delle pratiche in scadenza",
];

/// Reasons leads give when they say no.
const REJECTIONS: [&str; 3] = [
    "Sportello al pubblico: serve la presenza in ufficio",
    "Scadenza di bilancio: riunione di servizio in presenza",
    "Presenza minima dell'ufficio non garantita in quella giornata",
];

/// A demo command made before the demo is seeded, with the time it was
/// made at: it must be applied then.
pub type Past = (DateTime<Utc>, Actor, Command);

/// What Giulia wrote on one of her past agile days.
const GIULIA_ACTIVITY: &str =
    "Scansionati e indicizzati i faldoni TARI 2020; verificati i metadati dei primi 150 fascicoli.";

struct Demo<'a> {
    state: State,
    now: DateTime<Utc>,
    /// `Some(now)` while making commands of the past.
    past: Option<DateTime<Utc>>,
    out: Vec<(Actor, Command)>,
    earlier: Vec<Past>,
    ids: &'a mut dyn FnMut() -> Uuid,
}

impl Demo<'_> {
    /// Applies the command to the scratch state and keeps it if accepted.
    fn run(&mut self, actor: Actor, command: Agile) -> Option<Vec<Event>> {
        let command = Command::Agile(command);
        let events = self.state.execute(&actor, &command, self.now).ok()?;
        match self.past {
            Some(at) => self.earlier.push((at, actor, command)),
            None => self.out.push((actor, command)),
        }
        Some(
            events
                .into_iter()
                .filter_map(|e| match e {
                    crate::Event::Agile(e) => Some(e),
                    _ => None,
                })
                .collect(),
        )
    }

    /// Asks for the person's agreement weekdays between two dates; returns
    /// the request and the days accepted.
    fn request(
        &mut self,
        person: PersonId,
        from: NaiveDate,
        until: NaiveDate,
        note: &str,
    ) -> Option<(RequestId, Vec<NaiveDate>)> {
        let weekdays = self
            .state
            .directory
            .agreement_on(person, from)?
            .weekdays
            .clone();
        self.request_weekdays(person, &weekdays, from, until, note)
    }

    /// Asks for some weekdays between two dates; returns the request and
    /// the days accepted.
    fn request_weekdays(
        &mut self,
        person: PersonId,
        weekdays: &[Weekday],
        from: NaiveDate,
        until: NaiveDate,
        note: &str,
    ) -> Option<(RequestId, Vec<NaiveDate>)> {
        let agreement = self.state.directory.agreement_on(person, from)?;
        let weekdays: Vec<Weekday> = weekdays.to_vec();
        let place = if person.0.as_u128().is_multiple_of(3) {
            agreement.places.last().cloned().unwrap_or(Place::Home)
        } else {
            Place::Home
        };
        let id = RequestId((self.ids)());
        let events = self.run(
            Actor::Person(person),
            Agile::RequestDays {
                id,
                days: DaySelection::Weekly {
                    weekdays,
                    from,
                    until,
                },
                mode: WorkMode::Agile,
                place,
                note: note.into(),
            },
        )?;
        let dates = events
            .iter()
            .find_map(|e| match e {
                Event::DaysRequested { request, .. } => {
                    Some(request.dates.iter().copied().collect())
                }
                _ => None,
            })
            .unwrap_or_default();
        Some((id, dates))
    }

    /// Who decides for `person`: a lead of their team, or the administrator
    /// for leads' own days.
    fn decider(&self, person: PersonId, admin: PersonId) -> Actor {
        let lead = self
            .state
            .directory
            .people
            .get(&person)
            .and_then(|p| p.team)
            .and_then(|t| self.state.directory.teams.get(&t))
            .and_then(|t| t.leads.iter().find(|l| **l != person).copied());
        Actor::Person(lead.unwrap_or(admin))
    }

    /// Approves one day; when the team would go under its minimum presence
    /// the lead says no with a reason instead.
    fn approve_or_reject(&mut self, decider: Actor, request: RequestId, date: NaiveDate) {
        if !self.approve(decider, request, date) {
            self.reject(decider, request, date, REJECTIONS[2]);
        }
    }

    /// Approves one day if the rules allow it; says whether they did.
    fn approve(&mut self, decider: Actor, request: RequestId, date: NaiveDate) -> bool {
        let approve = Agile::DecideDays {
            request,
            dates: Some(vec![date]),
            decision: Decision::Approve,
            note: String::new(),
            acknowledge_coverage: false,
        };
        self.run(decider, approve).is_some()
    }

    fn reject(&mut self, decider: Actor, request: RequestId, date: NaiveDate, why: &str) {
        self.run(
            decider,
            Agile::DecideDays {
                request,
                dates: Some(vec![date]),
                decision: Decision::Reject,
                note: why.into(),
                acknowledge_coverage: false,
            },
        );
    }
}

fn month_end(date: NaiveDate) -> NaiveDate {
    let first = date.with_day(1).unwrap_or(date);
    first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(date)
}

/// The demo's agile days and absences, after `earlier` (the directory's
/// and objectives' demo commands, which this replays on a scratch state):
/// the commands to apply now, and those of the past with their times (to
/// apply after the others, each at its time).
pub fn commands(
    today: NaiveDate,
    people: &DemoPeople,
    earlier: &[(Actor, Command)],
    ids: &mut dyn FnMut() -> Uuid,
) -> (Vec<(Actor, Command)>, Vec<Past>) {
    let now = rome_midnight_utc(today) + Duration::hours(9);
    let mut state = State::default();
    for (actor, command) in earlier {
        // The directory's commands pass (its own demo test checks it).
        let _ = state.execute(actor, command, now);
    }
    let mut demo = Demo {
        state,
        now,
        past: None,
        out: Vec::new(),
        earlier: Vec::new(),
        ids,
    };
    let this_month_end = month_end(today);
    let next_month = this_month_end + Duration::days(1);
    let next_month_end = month_end(next_month);
    let tomorrow = today + Duration::days(1);

    for (i, person) in people.agile_staff.iter().copied().enumerate() {
        let decider = demo.decider(person, people.admin);
        let note = NOTES[i % NOTES.len()];
        // The rest of this month: decided, one day in four refused.
        if tomorrow <= this_month_end {
            if let Some((request, dates)) = demo.request(person, tomorrow, this_month_end, note) {
                for (k, date) in dates.into_iter().enumerate() {
                    if (i + k) % 4 == 3 {
                        demo.reject(decider, request, date, REJECTIONS[(i + k) % 2]);
                    } else {
                        demo.approve_or_reject(decider, request, date);
                    }
                }
            }
        }
        // Next month: half the people get the first days approved, the
        // others (Giulia among them) wait for their lead.
        if let Some((request, dates)) = demo.request(person, next_month, next_month_end, note) {
            if i % 2 == 1 {
                for date in dates.iter().take(3) {
                    demo.approve_or_reject(decider, request, *date);
                }
            }
            if i % 3 == 2 {
                if let Some(date) = dates.get(1) {
                    demo.reject(decider, request, *date, REJECTIONS[1]);
                }
            }
            // Davide changes his mind about one day.
            if i == 4 {
                if let Some(date) = dates.last() {
                    demo.run(
                        Actor::Person(person),
                        Agile::CancelDays {
                            request,
                            dates: Some(vec![*date]),
                        },
                    );
                }
            }
        }
    }

    // Absences: a week of leave next month (it withdraws the days it
    // covers), a day of leave, and a sick day this week.
    let absences = [
        (
            2,
            next_month + Duration::days(7),
            4,
            AbsenceKind::Holiday,
            "Ferie",
        ),
        (
            6,
            next_month + Duration::days(14),
            0,
            AbsenceKind::Leave,
            "Permesso per motivi familiari",
        ),
        (
            10,
            today,
            0,
            AbsenceKind::Sick,
            "Certificato medico n. 2026/4471",
        ),
    ];
    for (index, from, extra_days, kind, reason) in absences {
        let Some(person) = people.agile_staff.get(index).copied() else {
            continue;
        };
        let id = AbsenceId((demo.ids)());
        demo.run(
            Actor::Person(person),
            Agile::RecordAbsence {
                id,
                person,
                from,
                until: from + Duration::days(extra_days),
                kind,
                reason: reason.into(),
            },
        );
    }
    giulias_past_weeks(&mut demo, today, people);
    (demo.out, demo.earlier)
}

/// Giulia's agile days of the last three weeks: asked for three weeks ago
/// (Tuesdays and Thursdays, two a week as her agreement allows), approved
/// by Marco the same morning, and the work of the first one logged that
/// evening against her archive objective. Made after this month's plans,
/// so they only take what the monthly limit leaves.
fn giulias_past_weeks(demo: &mut Demo, today: NaiveDate, people: &DemoPeople) {
    let person = people.giulia;
    let from = today - Duration::days(21);
    let asked = rome_midnight_utc(from - Duration::days(1)) + Duration::hours(9);
    demo.now = asked;
    demo.past = Some(asked);
    let decider = demo.decider(person, people.admin);
    let note = NOTES[0];
    let accepted = demo.request_weekdays(
        person,
        &[Weekday::Tue, Weekday::Thu],
        from,
        today - Duration::days(1),
        note,
    );
    let mut approved = Vec::new();
    if let Some((request, dates)) = accepted {
        for date in dates {
            if demo.approve(decider, request, date) {
                approved.push(date);
            }
        }
    }
    // The first day's work, logged at the end of that day.
    let archive = demo
        .state
        .objectives
        .objectives
        .values()
        .find(|o| {
            o.title.starts_with("Digitalizzare l'archivio")
                && crate::objectives::authority::may_log_work(&demo.state, person, o.id)
        })
        .map(|o| o.id);
    if let (Some(first), Some(objective)) = (approved.first().copied(), archive) {
        let evening = rome_midnight_utc(first) + Duration::hours(17);
        demo.now = evening;
        demo.past = Some(evening);
        let objectives: Vec<ObjectiveId> = vec![objective];
        demo.run(
            Actor::Person(person),
            Agile::LogActivity {
                date: first,
                objectives,
                note: GIULIA_ACTIVITY.into(),
            },
        );
    }
}

/// A large organisation with a year of plans, for benchmarks and load
/// tests: `people` employees in teams of ten (the first of each team leads
/// it), each with an agreement for three weekdays (three a week, twelve a
/// month) and a recurring request for two of them over the year after
/// `today`, approved by the lead — except every tenth person's, left
/// pending. Built through `apply` like real data, so every rule holds.
///
/// The ids are deterministic: person `i` is `PersonId::from_u128(0x1_0000 + i)`,
/// team `t` is `TeamId::from_u128(0x2_0000 + t)`, and person `i`'s request
/// is `RequestId::from_u128(0x3_0000 + i)`.
pub fn synthetic(people: usize, today: NaiveDate) -> State {
    let now = rome_midnight_utc(today) + Duration::hours(9);
    let mut state = State::default();
    for (actor, command) in synthetic_commands(people, today) {
        // Refusals only trim the plans (a holiday-heavy month); the state
        // stays valid either way.
        let _ = state.execute(&actor, &command, now);
    }
    state
}

/// The commands that build [`synthetic`], in order, to run at 09:00 Rome
/// time on `today` (a server seeds a load-test organisation with them).
pub fn synthetic_commands(people: usize, today: NaiveDate) -> Vec<(Actor, Command)> {
    use crate::directory::{
        Agreement, Command as Dir, Language, MinOffice, Role, TimeBand, WorkMode,
    };
    use crate::ids::{AgreementId, OrgId, TeamId};
    use chrono::NaiveTime;

    let mut out = Vec::new();
    let run = |out: &mut Vec<(Actor, Command)>, actor: Actor, command: Command| {
        out.push((actor, command));
    };
    let sys = Actor::System;
    run(
        &mut out,
        sys,
        Command::Directory(Dir::SetUpOrganisation {
            id: OrgId::from_u128(0x5157),
            name: "Amministrazione sintetica".into(),
            extra_holidays: Vec::new(),
            administrator: None,
        }),
    );
    let admin = PersonId::from_u128(0xFFFF);
    run(
        &mut out,
        sys,
        Command::Directory(Dir::SavePerson {
            id: admin,
            username: "admin".into(),
            name: "Amministrazione".into(),
            email: None,
            employee_number: None,
            roles: [Role::Admin].into(),
            team: None,
            commute_km: 0,
            language: Language::It,
            org: None,
        }),
    );
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
    let patterns = [
        [Weekday::Mon, Weekday::Wed, Weekday::Fri],
        [Weekday::Tue, Weekday::Thu, Weekday::Mon],
        [Weekday::Wed, Weekday::Fri, Weekday::Tue],
        [Weekday::Thu, Weekday::Mon, Weekday::Wed],
        [Weekday::Fri, Weekday::Tue, Weekday::Thu],
    ];
    for i in 0..people {
        let index = i as u128;
        let team = TeamId::from_u128(0x2_0000 + index / 10);
        if i % 10 == 0 {
            run(
                &mut out,
                sys,
                Command::Directory(Dir::SaveTeam {
                    id: team,
                    name: format!("Ufficio {}", i / 10 + 1),
                    min_office: MinOffice::Percent(40),
                    max_agile_share: None,
                    org: None,
                }),
            );
        }
        let person = PersonId::from_u128(0x1_0000 + index);
        let mut roles = std::collections::BTreeSet::from([Role::Employee]);
        if i % 10 == 0 {
            roles.insert(Role::Lead);
        }
        run(
            &mut out,
            sys,
            Command::Directory(Dir::SavePerson {
                id: person,
                username: format!("persona{i}"),
                name: format!("Persona {i}"),
                email: None,
                employee_number: None,
                roles,
                team: Some(team),
                commute_km: 5 + (i % 40) as u32,
                language: Language::It,
                org: None,
            }),
        );
        if i % 10 == 0 {
            run(
                &mut out,
                sys,
                Command::Directory(Dir::SetTeamLeads {
                    team,
                    leads: [person].into(),
                }),
            );
        }
        run(
            &mut out,
            sys,
            Command::Directory(Dir::SaveAgreement {
                agreement: Agreement {
                    id: AgreementId::from_u128(0x4_0000 + index),
                    person,
                    mode: WorkMode::Agile,
                    valid_from: today.with_day(1).unwrap_or(today),
                    valid_until: None,
                    max_days_per_week: 3,
                    max_days_per_month: 12,
                    weekdays: patterns[i % patterns.len()].to_vec(),
                    places: vec![Place::Home],
                    contact_hours: vec![TimeBand {
                        start: t(9, 30),
                        end: t(12, 30),
                    }],
                    notice_days: 30,
                    withdrawn_from: None,
                },
            }),
        );
    }
    for i in 0..people {
        let index = i as u128;
        let person = PersonId::from_u128(0x1_0000 + index);
        let request = RequestId::from_u128(0x3_0000 + index);
        run(
            &mut out,
            Actor::Person(person),
            Command::Agile(Agile::RequestDays {
                id: request,
                days: DaySelection::Weekly {
                    weekdays: patterns[i % patterns.len()][..2].to_vec(),
                    from: today + Duration::days(1),
                    until: today + Duration::days(365),
                },
                mode: WorkMode::Agile,
                place: Place::Home,
                note: String::new(),
            }),
        );
        if i % 10 != 9 {
            let lead = if i % 10 == 0 {
                admin
            } else {
                PersonId::from_u128(0x1_0000 + index / 10 * 10)
            };
            run(
                &mut out,
                Actor::Person(lead),
                Command::Agile(Agile::DecideDays {
                    request,
                    dates: None,
                    decision: Decision::Approve,
                    note: String::new(),
                    acknowledge_coverage: true,
                }),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agile::DayStatus;
    use crate::ids::OrgId;

    fn demo_state(today: NaiveDate) -> State {
        let mut counter = 0u128;
        let mut ids = || {
            counter += 1;
            Uuid::from_u128(counter)
        };
        let now = rome_midnight_utc(today) + Duration::hours(10);
        let mut state = State::default();
        for (actor, command) in super::super::commands(OrgId::from_u128(7), today, &mut ids) {
            if let Err(r) = state.execute(&actor, &command, now) {
                panic!("demo command refused on {today}: {r:?}: {command:?}");
            }
        }
        state
    }

    #[test]
    fn a_state_is_written_as_records_and_decoding_rebuilds_its_indexes() {
        let state = demo_state(crate::testing::date(2026, 11, 24));
        let json = serde_json::to_value(&state).expect("encodes");
        for derived in ["absence_starts", "members", "agreements"] {
            assert!(json["agile"].get(derived).is_none(), "{derived} written");
        }
        let decoded: State = serde_json::from_value(json).expect("decodes");
        assert_eq!(decoded, state);
        // Stored without its counts, a full state gets them rebuilt.
        let mut stored = state.clone();
        stored.drop_derived();
        let json = serde_json::to_value(&stored).expect("encodes");
        assert!(json["agile"].get("team_days").is_none());
        assert_eq!(
            serde_json::from_value::<State>(json).expect("decodes"),
            state
        );
        // Every person's view decodes to itself: its counts travel, the rest
        // is rebuilt from what the view holds.
        for person in state.directory.people.values() {
            let actor = crate::Actor::Person(person.id);
            let view = crate::visibility::view(&state, &actor);
            let json = serde_json::to_value(&view).expect("encodes");
            let decoded: State = serde_json::from_value(json).expect("decodes");
            assert_eq!(decoded, view, "the view of {}", person.name);
        }
    }

    #[test]
    fn a_synthetic_organisation_has_a_year_of_plans() {
        let state = synthetic(20, crate::testing::date(2026, 11, 24));
        assert_eq!(state.directory.people.len(), 21);
        let planned: usize = state.agile.days.values().map(|d| d.len()).sum();
        // Two days a week for a year, for twenty people, less holidays.
        assert!(planned > 20 * 90, "{planned}");
        let pending = state
            .agile
            .days
            .values()
            .flat_map(|d| d.values())
            .filter(|d| d.status == DayStatus::Pending)
            .count();
        assert!(pending > 100 && pending < planned / 5, "{pending}");
        let mut rebuilt = state.clone();
        crate::agile::reindex(&mut rebuilt);
        assert_eq!(rebuilt, state);
    }

    /// Giulia's approved agile days before `today`, oldest first, with
    /// whether their activity is logged.
    fn giulias_past_days(state: &State, today: NaiveDate) -> Vec<(NaiveDate, bool)> {
        let giulia = state.directory.by_username("giulia").expect("giulia").id;
        state
            .agile
            .days
            .get(&giulia)
            .into_iter()
            .flat_map(|d| d.values())
            .filter(|d| d.date < today && d.status == DayStatus::Approved)
            .map(|d| (d.date, d.activity.is_some()))
            .collect()
    }

    #[test]
    fn giulia_worked_agile_days_in_the_last_weeks_within_her_agreement() {
        for today in [
            crate::testing::date(2026, 11, 25),
            crate::testing::date(2026, 12, 10),
            crate::testing::date(2027, 3, 2),
            crate::testing::date(2027, 7, 15),
        ] {
            let state = timed_demo_state(today);
            let days = giulias_past_days(&state, today);
            assert!(days.len() >= 3, "{today}: {days:?}");
            for (date, _) in &days {
                assert!(*date >= today - Duration::days(21), "{today}: {date}");
                assert!(
                    matches!(date.weekday(), Weekday::Tue | Weekday::Thu),
                    "{date}"
                );
            }
            // The first one is logged; the latest is left for the person
            // trying the app (and the browser test) to log.
            assert_eq!(days.first().map(|d| d.1), Some(true), "{today}");
            assert_eq!(days.last().map(|d| d.1), Some(false), "{today}");
            // Every week keeps to the agreement's two days.
            let mut weeks = std::collections::BTreeMap::new();
            for (date, _) in &days {
                *weeks.entry(date.iso_week()).or_insert(0) += 1;
            }
            assert!(weeks.values().all(|n| *n <= 2), "{today}: {weeks:?}");
        }
        // Without the past commands (all applied "now") there are none.
        let today = crate::testing::date(2026, 11, 25);
        assert!(giulias_past_days(&demo_state(today), today).is_empty());
    }

    /// The demo with its past commands applied at their own times.
    fn timed_demo_state(today: NaiveDate) -> State {
        let mut counter = 0u128;
        let mut ids = || {
            counter += 1;
            Uuid::from_u128(counter)
        };
        let now = rome_midnight_utc(today) + Duration::hours(10);
        let mut state = State::default();
        for (at, actor, command) in
            super::super::timed_commands(OrgId::from_u128(7), today, &mut ids)
        {
            let at = at.unwrap_or(now);
            assert!(at <= now, "nothing from the future");
            if let Err(r) = state.execute(&actor, &command, at) {
                panic!("demo command refused on {today} at {at}: {r:?}: {command:?}");
            }
        }
        state
    }

    #[test]
    fn the_demo_has_a_realistic_mix_on_any_day() {
        for today in [
            crate::testing::date(2026, 11, 24),
            crate::testing::date(2026, 12, 31),
            crate::testing::date(2027, 2, 26),
            crate::testing::date(2027, 7, 15),
        ] {
            let state = demo_state(today);
            let count = |status: DayStatus| {
                state
                    .agile
                    .days
                    .values()
                    .flat_map(|d| d.values())
                    .filter(|d| d.status == status)
                    .count()
            };
            assert!(count(DayStatus::Approved) >= 10, "{today}");
            assert!(count(DayStatus::Pending) >= 10, "{today}");
            assert!(count(DayStatus::Rejected) >= 2, "{today}");
            assert!(count(DayStatus::Cancelled) >= 1, "{today}");
            assert!(state.agile.absences.len() >= 3, "{today}");
            let mut rebuilt = state.clone();
            crate::agile::reindex(&mut rebuilt);
            assert_eq!(rebuilt, state, "{today}");
        }
    }
}
