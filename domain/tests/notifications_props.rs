//! Privacy of notifications, on the demo partnership: whatever people do,
//! in whatever order, and whenever the timed ones run, a notification names
//! only what its recipient sees in their own view, never an absence's kind
//! or reason, reaches nobody but its recipient, and nobody is told of their
//! own action (but of their own seat).

use std::sync::OnceLock;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use proptest::prelude::*;
use uuid::Uuid;

use vela_domain::agile::{AbsenceKind, Command as Agile, DaySelection, Decision};
use vela_domain::calendar::rome_midnight_utc;
use vela_domain::directory::{Place, WorkMode};
use vela_domain::ids::{AbsenceId, OrgId, PersonId, RequestId, SessionId};
use vela_domain::notifications::{self, Command as Note, Event as NoteEvent, Kind, Notification};
use vela_domain::webinars::Command as Web;
use vela_domain::{apply, visibility, Actor, Command, Event, State};

const SECRET: &str = "SEGRETO-MEDICO";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date")
}

fn start() -> DateTime<Utc> {
    rome_midnight_utc(today()) + Duration::hours(9)
}

/// The demo partnership with its whole history, and every notification it
/// caused (checked once, then reused).
fn demo() -> &'static State {
    static DEMO: OnceLock<State> = OnceLock::new();
    DEMO.get_or_init(|| {
        let mut counter = 0u128;
        let mut ids = || {
            counter += 1;
            Uuid::from_u128(counter)
        };
        let mut state = State::default();
        for (at, actor, command) in
            vela_domain::demo::timed_commands(OrgId::from_u128(7), today(), &mut ids)
        {
            let at = at.unwrap_or_else(start);
            if let Ok(events) = apply(&state, &actor, &command, at) {
                for e in &events {
                    state.apply_event(e);
                }
                check(&state, &actor, &events).expect("the demo's notifications are private");
            }
        }
        state
    })
}

fn people(state: &State) -> Vec<PersonId> {
    state.directory.people.keys().copied().collect()
}

/// Every privacy rule, for the events one command made, on the state just
/// after them.
fn check(state: &State, actor: &Actor, events: &[Event]) -> Result<(), TestCaseError> {
    for event in events {
        let Event::Notifications(NoteEvent::Notified { notification: n }) = event else {
            continue;
        };
        let me = Actor::Person(n.recipient);
        let view = visibility::view(state, &me);
        prop_assert!(
            n.request
                .is_none_or(|r| view.agile.requests.contains_key(&r)),
            "{n:?}"
        );
        prop_assert!(
            n.session
                .is_none_or(|s| view.webinars.sessions.contains_key(&s)),
            "{n:?}"
        );
        prop_assert!(
            n.objective
                .is_none_or(|o| view.objectives.objectives.contains_key(&o)),
            "{n:?}"
        );
        prop_assert!(
            n.agreement
                .is_none_or(|a| view.directory.agreements.contains_key(&a)),
            "{n:?}"
        );
        prop_assert!(
            n.person
                .is_none_or(|p| view.directory.people.contains_key(&p)),
            "{n:?}"
        );
        let json = serde_json::to_string(n).expect("json");
        prop_assert!(!json.contains(SECRET), "{json}");
        if matches!(
            n.kind,
            Kind::WebinarSoon
                | Kind::WebinarTomorrow
                | Kind::RegistrationConfirmed
                | Kind::Promoted
        ) {
            // Only a seat holder is told; the join link only to them.
            let registered = state
                .webinars
                .is_registered(n.session.expect("a session"), n.recipient);
            prop_assert!(registered, "{n:?}");
        }
        if !matches!(n.kind, Kind::RegistrationConfirmed | Kind::Promoted) {
            prop_assert!(
                actor.person_id() != Some(n.recipient),
                "told of own action: {n:?}"
            );
        }
        for other in people(state) {
            let seen = visibility::redact(state, &Actor::Person(other), event).is_some();
            prop_assert_eq!(seen, other == n.recipient);
        }
        prop_assert!(view.notifications.inbox.keys().all(|p| *p == n.recipient));
    }
    Ok(())
}

#[derive(Clone, Debug)]
enum Op {
    Request {
        who: usize,
        id: u8,
        day: u16,
    },
    Decide {
        who: usize,
        id: u8,
        approve: bool,
        ack: bool,
    },
    Cancel {
        who: usize,
        id: u8,
    },
    Absence {
        who: usize,
        person: usize,
        id: u8,
        day: u16,
    },
    Register {
        who: usize,
        session: usize,
    },
    Unregister {
        who: usize,
        session: usize,
    },
    CancelSession {
        who: usize,
        session: usize,
    },
    Later {
        hours: u16,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let who = 0usize..40;
    prop_oneof![
        (who.clone(), 0u8..6, 0u16..40).prop_map(|(who, id, day)| Op::Request { who, id, day }),
        (who.clone(), 0u8..6, any::<bool>(), any::<bool>()).prop_map(|(who, id, approve, ack)| {
            Op::Decide {
                who,
                id,
                approve,
                ack,
            }
        }),
        (who.clone(), 0u8..6).prop_map(|(who, id)| Op::Cancel { who, id }),
        (who.clone(), 0usize..40, 0u8..4, 0u16..40).prop_map(|(who, person, id, day)| {
            Op::Absence {
                who,
                person,
                id,
                day,
            }
        }),
        (who.clone(), 0usize..8).prop_map(|(who, session)| Op::Register { who, session }),
        (who.clone(), 0usize..8).prop_map(|(who, session)| Op::Unregister { who, session }),
        (who, 0usize..8).prop_map(|(who, session)| Op::CancelSession { who, session }),
        (1u16..100).prop_map(|hours| Op::Later { hours }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn no_notification_names_what_its_recipient_may_not_see(
        ops in prop::collection::vec(op(), 1..40)
    ) {
        let mut state = demo().clone();
        let everyone = people(&state);
        let sessions: Vec<SessionId> = state.webinars.sessions.keys().copied().collect();
        let person = |i: usize| everyone[i % everyone.len()];
        let session = |i: usize| sessions[i % sessions.len()];
        let request = |who: PersonId, id: u8| {
            RequestId(Uuid::from_u128(0xfeed_0000 + (u128::from(id) << 8) + who.0.as_u128() % 256))
        };
        let mut now = start();
        let mut asked: Vec<RequestId> = Vec::new();
        for op in ops {
            let (actor, command) = match op {
                Op::Request { who, id, day } => {
                    let who = person(who);
                    let rid = request(who, id);
                    asked.push(rid);
                    (Actor::Person(who), Command::Agile(Agile::RequestDays {
                        id: rid,
                        days: DaySelection::Dates { dates: vec![today() + Duration::days(i64::from(day))] },
                        mode: WorkMode::Agile,
                        place: Place::Home,
                        note: String::new(),
                    }))
                }
                Op::Decide { who, id, approve, ack } => {
                    let Some(rid) = asked.get(usize::from(id) % asked.len().max(1)).copied() else { continue };
                    (Actor::Person(person(who)), Command::Agile(Agile::DecideDays {
                        request: rid,
                        dates: None,
                        decision: if approve { Decision::Approve } else { Decision::Reject },
                        note: if approve { String::new() } else { "No".into() },
                        acknowledge_coverage: ack,
                    }))
                }
                Op::Cancel { who, id } => {
                    let Some(rid) = asked.get(usize::from(id) % asked.len().max(1)).copied() else { continue };
                    (Actor::Person(person(who)), Command::Agile(Agile::CancelDays { request: rid, dates: None }))
                }
                Op::Absence { who, person: p, id, day } => {
                    let from = today() + Duration::days(i64::from(day));
                    (Actor::Person(person(who)), Command::Agile(Agile::RecordAbsence {
                        id: AbsenceId(Uuid::from_u128(0xabad_0000 + u128::from(id) + (p as u128) * 16)),
                        person: person(p),
                        from,
                        until: from + Duration::days(2),
                        kind: AbsenceKind::Sick,
                        reason: SECRET.into(),
                    }))
                }
                Op::Register { who, session: s } => {
                    (Actor::Person(person(who)), Command::Webinars(Web::Register { session: session(s) }))
                }
                Op::Unregister { who, session: s } => {
                    let who = person(who);
                    (Actor::Person(who), Command::Webinars(Web::CancelRegistration { session: session(s), person: who }))
                }
                Op::CancelSession { who, session: s } => {
                    (Actor::Person(person(who)), Command::Webinars(Web::CancelSession { id: session(s) }))
                }
                Op::Later { hours } => {
                    now += Duration::hours(i64::from(hours));
                    let due: Vec<Notification> = notifications::due(&state, now);
                    (Actor::System, Command::Notifications(Note::Notify { notifications: due }))
                }
            };
            if let Ok(events) = apply(&state, &actor, &command, now) {
                for e in &events {
                    state.apply_event(e);
                }
                check(&state, &actor, &events)?;
            }
        }
    }
}
