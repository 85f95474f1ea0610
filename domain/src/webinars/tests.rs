use chrono::{DateTime, Duration, TimeZone, Utc};

use super::{
    join_window, Audience, Command as Web, Event, MaterialInput, Registration, RegistrationStatus,
    Rejection as WebRejection, Seats, SessionStatus,
};
use crate::directory::{Command as Dir, Language, Role};
use crate::ids::{PathId, PersonId, SessionId};
use crate::rejection::{CommonRejection, Entity, Problem, Rejection};
use crate::testing::*;
use crate::{apply, Actor, Command, State};

const S1: SessionId = SessionId::from_u128(0x500);
const S2: SessionId = SessionId::from_u128(0x501);
/// A second trainer, of no session in the fixtures.
const ELENA: PersonId = PersonId::from_u128(0x3ff);

/// Tuesday 1 December 2026, 10:00 in Rome.
fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0)
        .single()
        .expect("valid test time")
}

fn save(id: SessionId, capacity: u32) -> Web {
    Web::SaveSession {
        id,
        title: "Lavorare per obiettivi".into(),
        description: "Dal piano alla valutazione".into(),
        trainers: [SARA].into(),
        start: start(),
        end: start() + Duration::hours(2),
        capacity,
        join_link: "https://meet.example.it/obiettivi".into(),
        audience: Audience::Organisation,
        materials: vec![MaterialInput {
            title: "Slide".into(),
            url: "https://intranet.example.it/slide.pdf".into(),
        }],
    }
}

fn try_as(
    state: &State,
    who: PersonId,
    command: Web,
    at: DateTime<Utc>,
) -> Result<Vec<Event>, Rejection> {
    apply(state, &Actor::Person(who), &Command::Webinars(command), at).map(|events| {
        events
            .into_iter()
            .filter_map(|e| match e {
                crate::Event::Webinars(e) => Some(e),
                // What it tells people is tested in the notifications area.
                crate::Event::Notifications(_) => None,
                other => panic!("not a webinar event: {other:?}"),
            })
            .collect()
    })
}

/// Runs a command that must pass, applies and returns its events.
fn exec(state: &mut State, who: PersonId, command: Web, at: DateTime<Utc>) -> Vec<Event> {
    let events = try_as(state, who, command.clone(), at)
        .unwrap_or_else(|r| panic!("refused: {r:?} for {command:?}"));
    for e in &events {
        state.apply_event(&crate::Event::Webinars(e.clone()));
    }
    events
}

fn with_session(capacity: u32) -> State {
    let mut s = org();
    exec(&mut s, SARA, save(S1, capacity), now());
    s
}

fn register(state: &mut State, who: PersonId) -> Vec<Event> {
    exec(state, who, Web::Register { session: S1 }, now())
}

fn status(state: &State, who: PersonId) -> Option<RegistrationStatus> {
    state.webinars.registration(S1, who).map(|r| r.status)
}

fn add_trainer(state: &mut State, id: PersonId, username: &str) {
    run(
        state,
        Actor::System,
        Command::Directory(Dir::SavePerson {
            id,
            username: username.into(),
            name: "Elena Moretti".into(),
            email: None,
            employee_number: None,
            roles: [Role::Employee, Role::Trainer].into(),
            team: Some(SOCIALI),
            commute_km: 0,
            language: Language::It,
            org: None,
        }),
    );
}

fn not_allowed() -> Result<Vec<Event>, Rejection> {
    Err(CommonRejection::NotAllowed.into())
}

// --- Sessions -------------------------------------------------------------

#[test]
fn only_trainers_among_the_trainers_and_administrators_create_sessions() {
    let mut s = org();
    assert_eq!(try_as(&s, GIULIA, save(S1, 2), now()), not_allowed());
    assert_eq!(try_as(&s, MARCO, save(S1, 2), now()), not_allowed());
    add_trainer(&mut s, ELENA, "elena");
    let for_sara_by_elena = save(S1, 2);
    assert_eq!(
        try_as(&s, ELENA, for_sara_by_elena.clone(), now()),
        Err(WebRejection::SessionNotAmongTrainers.into())
    );
    assert!(try_as(&s, ADMIN, for_sara_by_elena, now()).is_ok());
    let events = exec(&mut s, SARA, save(S1, 2), now());
    let Event::SessionSaved { session, .. } = &events[0] else {
        panic!("{events:?}")
    };
    assert_eq!(session.status, SessionStatus::Scheduled);
    assert_eq!(session.sequence, 0);
    // Only a trainer of this session (or an administrator) edits it.
    assert_eq!(try_as(&s, ELENA, save(S1, 3), now()), not_allowed());
    let events = exec(&mut s, ADMIN, save(S1, 3), now());
    assert!(matches!(&events[0], Event::SessionSaved { session, .. } if session.sequence == 1));
}

#[test]
fn every_trainer_must_hold_the_trainer_role() {
    let s = org();
    let mut command = save(S1, 2);
    if let Web::SaveSession { trainers, .. } = &mut command {
        trainers.insert(MARCO);
    }
    assert_eq!(
        try_as(&s, SARA, command, now()),
        Err(WebRejection::SessionTrainerWithoutRole { person: MARCO }.into())
    );
    let mut command = save(S1, 2);
    if let Web::SaveSession { trainers, .. } = &mut command {
        trainers.clear();
    }
    assert_eq!(
        try_as(&s, ADMIN, command, now()),
        Err(Rejection::invalid("trainers", Problem::Empty))
    );
}

#[test]
fn session_fields_are_checked() {
    let s = org();
    let with = |change: &dyn Fn(&mut Web)| {
        let mut command = save(S1, 2);
        change(&mut command);
        try_as(&s, SARA, command, now())
    };
    let set = |f: fn(&mut Web)| f;
    assert_eq!(
        with(&set(|c| if let Web::SaveSession { end, start, .. } = c {
            *end = *start
        })),
        Err(Rejection::invalid("end", Problem::EndBeforeStart))
    );
    assert_eq!(
        with(&set(|c| if let Web::SaveSession { end, start, .. } = c {
            *end = *start + Duration::hours(11)
        })),
        Err(WebRejection::SessionTooLong { max_hours: 10 }.into())
    );
    assert_eq!(
        with(&set(|c| if let Web::SaveSession { capacity, .. } = c {
            *capacity = 0
        })),
        Err(Rejection::invalid("capacity", Problem::OutOfRange))
    );
    assert_eq!(
        with(&set(|c| if let Web::SaveSession { join_link, .. } = c {
            *join_link = "http://meet.example.it/x".into()
        })),
        Err(WebRejection::SessionJoinLinkInvalid.into())
    );
    assert_eq!(
        with(&set(|c| if let Web::SaveSession { materials, .. } = c {
            materials.push(MaterialInput {
                title: "Registrazione".into(),
                url: "registrazione.mp4".into(),
            })
        })),
        Err(WebRejection::SessionMaterialLinkInvalid { index: 1 }.into())
    );
    assert_eq!(
        with(&set(|c| if let Web::SaveSession { audience, .. } = c {
            *audience = Audience::Teams {
                teams: Default::default(),
            }
        })),
        Err(Rejection::invalid("audience", Problem::Empty))
    );
    assert_eq!(
        with(&set(|c| if let Web::SaveSession { audience, .. } = c {
            *audience = Audience::Teams {
                teams: [crate::ids::TeamId::from_u128(0x999)].into(),
            }
        })),
        Err(Rejection::not_found(
            Entity::Team,
            crate::ids::TeamId::from_u128(0x999)
        ))
    );
    assert_eq!(
        with(&set(|c| if let Web::SaveSession { title, .. } = c {
            *title = "  ".into()
        })),
        Err(Rejection::invalid("title", Problem::Empty))
    );
    // Text is stored trimmed.
    let ok = with(&set(|c| {
        if let Web::SaveSession {
            title, join_link, ..
        } = c
        {
            *title = "  Sicurezza informatica ".into();
            *join_link = " https://meet.example.it/x ".into();
        }
    }));
    let Ok(events) = ok else { panic!("{ok:?}") };
    let Event::SessionSaved { session, .. } = &events[0] else {
        panic!()
    };
    assert_eq!(session.title, "Sicurezza informatica");
    assert_eq!(
        session.join_link.as_deref(),
        Some("https://meet.example.it/x")
    );
}

// --- Registration and waitlist ---------------------------------------------

#[test]
fn seats_fill_up_then_the_waitlist_takes_people_in_order() {
    let mut s = with_session(2);
    register(&mut s, GIULIA);
    register(&mut s, LUCA);
    register(&mut s, ANNA);
    register(&mut s, MARCO);
    assert_eq!(status(&s, GIULIA), Some(RegistrationStatus::Registered));
    assert_eq!(status(&s, LUCA), Some(RegistrationStatus::Registered));
    assert_eq!(status(&s, ANNA), Some(RegistrationStatus::Waitlisted));
    assert_eq!(s.webinars.waitlist_position(S1, ANNA), Some(1));
    assert_eq!(s.webinars.waitlist_position(S1, MARCO), Some(2));
    assert_eq!(s.webinars.waitlist_position(S1, GIULIA), None);
    assert_eq!(
        s.webinars.seats(S1),
        Some(Seats {
            capacity: 2,
            registered: 2,
            waitlisted: 2,
            free: 0
        })
    );
}

#[test]
fn the_last_seat_goes_to_the_next_registrant_and_no_further() {
    let mut s = with_session(1);
    let events = register(&mut s, GIULIA);
    assert!(matches!(
        &events[0],
        Event::RegistrationSaved { registration, occupancy, .. }
            if registration.status == RegistrationStatus::Registered && occupancy.registered == 1
    ));
    let events = register(&mut s, LUCA);
    assert!(matches!(
        &events[0],
        Event::RegistrationSaved { registration, occupancy, .. }
            if registration.status == RegistrationStatus::Waitlisted && occupancy.waitlist.len() == 1
    ));
}

#[test]
fn a_freed_seat_goes_to_the_first_on_the_waitlist_who_is_told() {
    let mut s = with_session(2);
    for p in [GIULIA, LUCA, ANNA, MARCO] {
        register(&mut s, p);
    }
    let events = exec(
        &mut s,
        LUCA,
        Web::CancelRegistration {
            session: S1,
            person: LUCA,
        },
        now(),
    );
    assert_eq!(events.len(), 2, "{events:?}");
    assert!(matches!(
        &events[0],
        Event::RegistrationSaved { registration, .. }
            if registration.person == LUCA && registration.status == RegistrationStatus::Cancelled
    ));
    assert!(matches!(
        &events[1],
        Event::Promoted { registration, .. }
            if registration.person == ANNA && registration.status == RegistrationStatus::Registered
    ));
    assert_eq!(status(&s, ANNA), Some(RegistrationStatus::Registered));
    assert_eq!(s.webinars.waitlist_position(S1, MARCO), Some(1));
    assert_eq!(s.webinars.seats(S1).map(|x| x.registered), Some(2));
}

#[test]
fn leaving_the_waitlist_promotes_nobody() {
    let mut s = with_session(1);
    for p in [GIULIA, LUCA, ANNA] {
        register(&mut s, p);
    }
    let events = exec(
        &mut s,
        LUCA,
        Web::CancelRegistration {
            session: S1,
            person: LUCA,
        },
        now(),
    );
    assert_eq!(events.len(), 1);
    assert_eq!(s.webinars.waitlist_position(S1, ANNA), Some(1));
}

#[test]
fn the_waitlist_follows_tickets_not_clocks() {
    let mut s = with_session(1);
    register(&mut s, GIULIA);
    // Later registrations carry earlier clocks (a client's skewed time must
    // not jump the queue): the order is still the order of arrival.
    exec(
        &mut s,
        ANNA,
        Web::Register { session: S1 },
        now() + Duration::hours(2),
    );
    exec(
        &mut s,
        MARCO,
        Web::Register { session: S1 },
        now() + Duration::hours(1),
    );
    // Leaving and coming back puts you at the end.
    exec(
        &mut s,
        ANNA,
        Web::CancelRegistration {
            session: S1,
            person: ANNA,
        },
        now(),
    );
    register(&mut s, ANNA);
    assert_eq!(s.webinars.waitlist_position(S1, MARCO), Some(1));
    assert_eq!(s.webinars.waitlist_position(S1, ANNA), Some(2));
    let events = exec(
        &mut s,
        SARA,
        Web::CancelRegistration {
            session: S1,
            person: GIULIA,
        },
        now(),
    );
    assert!(
        matches!(&events[1], Event::Promoted { registration, .. } if registration.person == MARCO)
    );
}

#[test]
fn registration_closes_at_the_start() {
    let mut s = with_session(5);
    assert_eq!(
        try_as(&s, GIULIA, Web::Register { session: S1 }, start()),
        Err(WebRejection::RegistrationClosed { start: start() }.into())
    );
    exec(
        &mut s,
        GIULIA,
        Web::Register { session: S1 },
        start() - Duration::seconds(1),
    );
    assert_eq!(
        try_as(
            &s,
            GIULIA,
            Web::CancelRegistration {
                session: S1,
                person: GIULIA
            },
            start() + Duration::minutes(5)
        ),
        Err(WebRejection::RegistrationClosed { start: start() }.into())
    );
}

#[test]
fn only_the_audience_registers_and_trainers_need_no_seat() {
    let mut s = org();
    let mut command = save(S1, 5);
    if let Web::SaveSession { audience, .. } = &mut command {
        *audience = Audience::Teams {
            teams: [TRIBUTI].into(),
        };
    }
    exec(&mut s, SARA, command, now());
    assert_eq!(
        try_as(&s, ANNA, Web::Register { session: S1 }, now()),
        Err(WebRejection::RegistrationOutsideAudience.into())
    );
    assert_eq!(
        try_as(&s, SARA, Web::Register { session: S1 }, now()),
        Err(WebRejection::RegistrationByTrainer.into())
    );
    assert!(try_as(&s, GIULIA, Web::Register { session: S1 }, now()).is_ok());
    assert_eq!(
        try_as(&s, GIULIA, Web::Register { session: S2 }, now()),
        Err(Rejection::not_found(Entity::Session, S2))
    );
    assert_eq!(
        apply(
            &s,
            &Actor::System,
            &Command::Webinars(Web::Register { session: S1 }),
            now()
        ),
        Err(CommonRejection::NotAllowed.into())
    );
}

#[test]
fn nobody_registers_twice() {
    let mut s = with_session(1);
    register(&mut s, GIULIA);
    register(&mut s, LUCA);
    assert_eq!(
        try_as(&s, GIULIA, Web::Register { session: S1 }, now()),
        Err(WebRejection::RegistrationExists {
            status: RegistrationStatus::Registered
        }
        .into())
    );
    assert_eq!(
        try_as(&s, LUCA, Web::Register { session: S1 }, now()),
        Err(WebRejection::RegistrationExists {
            status: RegistrationStatus::Waitlisted
        }
        .into())
    );
}

#[test]
fn only_the_person_a_trainer_or_an_administrator_cancels_a_registration() {
    let mut s = with_session(3);
    register(&mut s, GIULIA);
    let cancel = Web::CancelRegistration {
        session: S1,
        person: GIULIA,
    };
    assert_eq!(try_as(&s, LUCA, cancel.clone(), now()), not_allowed());
    assert_eq!(try_as(&s, MARCO, cancel.clone(), now()), not_allowed());
    assert!(try_as(&s, SARA, cancel.clone(), now()).is_ok());
    assert!(try_as(&s, ADMIN, cancel.clone(), now()).is_ok());
    exec(&mut s, GIULIA, cancel.clone(), now());
    assert_eq!(
        try_as(&s, GIULIA, cancel, now()),
        Err(Rejection::not_found(Entity::Registration, S1))
    );
}

#[test]
fn capacity_never_drops_below_the_registered_and_growth_promotes_in_order() {
    let mut s = with_session(3);
    for p in [GIULIA, LUCA, ANNA, MARCO, PAOLO] {
        register(&mut s, p);
    }
    assert_eq!(
        try_as(&s, SARA, save(S1, 2), now()),
        Err(WebRejection::SessionCapacityBelowRegistered {
            capacity: 2,
            registered: 3
        }
        .into())
    );
    let events = exec(&mut s, SARA, save(S1, 4), now());
    assert_eq!(events.len(), 2);
    assert!(
        matches!(&events[1], Event::Promoted { registration, session, .. }
        if registration.person == MARCO && session.capacity == 4)
    );
    assert_eq!(status(&s, PAOLO), Some(RegistrationStatus::Waitlisted));
    let events = exec(&mut s, SARA, save(S1, 10), now());
    assert_eq!(events.len(), 2);
    assert_eq!(status(&s, PAOLO), Some(RegistrationStatus::Registered));
    assert_eq!(s.webinars.seats(S1).map(|x| x.free), Some(5));
}

#[test]
fn a_cancelled_session_names_its_registrants_and_accepts_nothing_more() {
    let mut s = with_session(1);
    register(&mut s, GIULIA);
    register(&mut s, LUCA);
    register(&mut s, ANNA);
    exec(
        &mut s,
        ANNA,
        Web::CancelRegistration {
            session: S1,
            person: ANNA,
        },
        now(),
    );
    let cancel = Web::CancelSession { id: S1 };
    assert_eq!(try_as(&s, GIULIA, cancel.clone(), now()), not_allowed());
    assert_eq!(try_as(&s, MARCO, cancel.clone(), now()), not_allowed());
    assert_eq!(
        try_as(&s, SARA, cancel.clone(), start()),
        Err(WebRejection::SessionStarted { start: start() }.into())
    );
    let events = exec(&mut s, SARA, cancel.clone(), now());
    let Event::SessionCancelled { session, notify } = &events[0] else {
        panic!("{events:?}")
    };
    assert_eq!(session.status, SessionStatus::Cancelled);
    assert_eq!(notify.len(), 2);
    assert!(notify.contains(&GIULIA) && notify.contains(&LUCA));
    // Registrations stay, and show the session cancelled.
    assert_eq!(status(&s, GIULIA), Some(RegistrationStatus::Registered));
    let cancelled = Err(WebRejection::SessionCancelled.into());
    assert_eq!(try_as(&s, SARA, cancel, now()), cancelled);
    assert_eq!(
        try_as(&s, ANNA, Web::Register { session: S1 }, now()),
        cancelled
    );
    assert_eq!(try_as(&s, SARA, save(S1, 5), now()), cancelled);
    assert!(!s.webinars.may_join(S1, GIULIA, start()));
}

// --- Join window ----------------------------------------------------------

#[test]
fn the_join_window_opens_15_minutes_before_and_closes_at_the_end() {
    let mut s = with_session(1);
    register(&mut s, GIULIA);
    register(&mut s, LUCA);
    let session = &s.webinars.sessions[&S1];
    let (opens, closes) = join_window(session);
    assert_eq!(opens, start() - Duration::minutes(15));
    assert_eq!(closes, start() + Duration::hours(2));
    let w = &s.webinars;
    assert!(!w.may_join(S1, GIULIA, opens - Duration::seconds(1)));
    assert!(w.may_join(S1, GIULIA, opens));
    assert!(w.may_join(S1, GIULIA, closes - Duration::seconds(1)));
    assert!(!w.may_join(S1, GIULIA, closes));
    // Waitlisted people, outsiders and unknown sessions: never.
    assert!(!w.may_join(S1, LUCA, start()));
    assert!(!w.may_join(S1, ANNA, start()));
    assert!(!w.may_join(S2, GIULIA, start()));
    // The trainer joins without registering.
    assert!(super::may_join(&s, S1, SARA, opens));
}

// --- Attendance and feedback ----------------------------------------------

#[test]
fn only_the_session_trainers_or_an_administrator_mark_attendance_from_the_start() {
    let mut s = with_session(3);
    add_trainer(&mut s, ELENA, "elena");
    register(&mut s, GIULIA);
    let mark = |person| Web::MarkAttendance {
        session: S1,
        person,
        present: true,
    };
    assert_eq!(
        try_as(&s, SARA, mark(GIULIA), start() - Duration::minutes(1)),
        Err(WebRejection::AttendanceBeforeStart { start: start() }.into())
    );
    assert_eq!(try_as(&s, GIULIA, mark(GIULIA), start()), not_allowed());
    assert_eq!(try_as(&s, ELENA, mark(GIULIA), start()), not_allowed());
    assert!(try_as(&s, ADMIN, mark(GIULIA), start()).is_ok());
    exec(&mut s, SARA, mark(GIULIA), start());
    assert!(s.webinars.attended(S1, GIULIA));
    assert_eq!(
        try_as(&s, SARA, mark(SARA), start()),
        Err(WebRejection::AttendanceOfTrainer.into())
    );
    // Someone of the audience who followed without a seat can be recorded.
    exec(&mut s, SARA, mark(LUCA), start() + Duration::hours(3));
    assert!(s.webinars.attended(S1, LUCA));
    assert_eq!(
        try_as(&s, SARA, mark(PersonId::from_u128(0x999)), start()),
        Err(Rejection::not_found(
            Entity::Person,
            PersonId::from_u128(0x999)
        ))
    );
}

#[test]
fn only_the_audience_is_recorded_present() {
    let mut s = org();
    let mut command = save(S1, 5);
    if let Web::SaveSession { audience, .. } = &mut command {
        *audience = Audience::Teams {
            teams: [TRIBUTI].into(),
        };
    }
    exec(&mut s, SARA, command, now());
    assert_eq!(
        try_as(
            &s,
            SARA,
            Web::MarkAttendance {
                session: S1,
                person: ANNA,
                present: true
            },
            start()
        ),
        Err(WebRejection::AttendanceOutsideAudience.into())
    );
}

#[test]
fn feedback_comes_once_from_attendees_after_the_start_and_can_be_edited() {
    let mut s = with_session(3);
    register(&mut s, GIULIA);
    register(&mut s, LUCA);
    let rate = |rating, comment: Option<&str>| Web::GiveFeedback {
        session: S1,
        rating,
        comment: comment.map(str::to_owned),
    };
    let later = start() + Duration::hours(2);
    assert_eq!(
        try_as(&s, GIULIA, rate(5, None), later),
        Err(WebRejection::FeedbackNotAttended.into())
    );
    exec(
        &mut s,
        SARA,
        Web::MarkAttendance {
            session: S1,
            person: GIULIA,
            present: true,
        },
        start(),
    );
    for bad in [0, 6] {
        assert_eq!(
            try_as(&s, GIULIA, rate(bad, None), later),
            Err(WebRejection::FeedbackRatingOutOfRange { min: 1, max: 5 }.into())
        );
    }
    assert_eq!(
        try_as(&s, LUCA, rate(4, None), later),
        Err(WebRejection::FeedbackNotAttended.into())
    );
    exec(&mut s, GIULIA, rate(3, Some("  Utile  ")), later);
    exec(
        &mut s,
        GIULIA,
        rate(4, Some("Molto utile, esempi concreti")),
        later,
    );
    let given = &s.webinars.feedback[&S1];
    assert_eq!(given.len(), 1);
    assert_eq!(given[&GIULIA].rating, 4);
    assert_eq!(
        given[&GIULIA].comment.as_deref(),
        Some("Molto utile, esempi concreti")
    );
    // A correction of the attendance withdraws the feedback too.
    exec(
        &mut s,
        SARA,
        Web::MarkAttendance {
            session: S1,
            person: GIULIA,
            present: false,
        },
        later,
    );
    assert!(s.webinars.feedback[&S1].is_empty());
}

// --- Training paths -------------------------------------------------------

#[test]
fn trainers_compose_paths_of_existing_distinct_scheduled_sessions() {
    let mut s = with_session(3);
    exec(&mut s, SARA, save(S2, 3), now());
    let path = |sessions: Vec<SessionId>| Web::SavePath {
        id: PathId::from_u128(0x600),
        title: "Percorso smart working".into(),
        description: String::new(),
        sessions,
    };
    assert_eq!(try_as(&s, GIULIA, path(vec![S1]), now()), not_allowed());
    assert_eq!(
        try_as(&s, SARA, path(vec![]), now()),
        Err(Rejection::invalid("sessions", Problem::Empty))
    );
    assert_eq!(
        try_as(&s, SARA, path(vec![S1, S2, S1]), now()),
        Err(Rejection::invalid("sessions", Problem::Duplicate))
    );
    let unknown = SessionId::from_u128(0x999);
    assert_eq!(
        try_as(&s, SARA, path(vec![S1, unknown]), now()),
        Err(Rejection::not_found(Entity::Session, unknown))
    );
    exec(&mut s, SARA, path(vec![S2, S1]), now());
    assert_eq!(
        s.webinars.paths[&PathId::from_u128(0x600)].sessions,
        vec![S2, S1]
    );
    exec(&mut s, SARA, Web::CancelSession { id: S2 }, now());
    assert_eq!(
        try_as(&s, ADMIN, path(vec![S2, S1]), now()),
        Err(WebRejection::PathSessionCancelled.into())
    );
}

// --- Wire form -------------------------------------------------------------

#[test]
fn the_wire_form_is_flat_and_readable() {
    let command = Command::Webinars(Web::Register { session: S1 });
    assert_eq!(
        serde_json::to_value(&command).expect("serialises"),
        serde_json::json!({
            "area": "webinars",
            "type": "register",
            "session": "00000000-0000-0000-0000-000000000500"
        })
    );
    let event = crate::Event::Webinars(Event::SeatsChanged {
        session: S1,
        occupancy: super::Occupancy {
            registered: 2,
            waitlist: vec![7],
        },
        next_ticket: 8,
    });
    assert_eq!(
        serde_json::to_value(&event).expect("serialises"),
        serde_json::json!({
            "area": "webinars",
            "type": "seats_changed",
            "session": "00000000-0000-0000-0000-000000000500",
            "occupancy": {"registered": 2, "waitlist": [7]},
            "next_ticket": 8
        })
    );
    let rejection: Rejection = WebRejection::RegistrationClosed { start: start() }.into();
    assert_eq!(
        serde_json::to_value(&rejection).expect("serialises"),
        serde_json::json!({"code": "registration_closed", "start": "2026-12-01T09:00:00Z"})
    );
    assert_eq!(rejection.code(), "registration_closed");
    let registration = Registration {
        session: S1,
        person: GIULIA,
        status: RegistrationStatus::Waitlisted,
        ticket: 3,
        since: now(),
    };
    assert_eq!(
        serde_json::to_value(&registration).expect("serialises")["status"],
        "waitlisted"
    );
    let save: Command = serde_json::from_value(serde_json::json!({
        "area": "webinars",
        "type": "save_session",
        "id": "00000000-0000-0000-0000-000000000500",
        "title": "Sicurezza informatica nel lavoro agile",
        "trainers": ["00000000-0000-0000-0000-000000000305"],
        "start": "2026-12-01T09:00:00Z",
        "end": "2026-12-01T11:00:00Z",
        "capacity": 30,
        "join_link": "https://meet.example.it/sicurezza",
        "audience": {"kind": "teams", "teams": ["00000000-0000-0000-0000-000000000200"]},
        "materials": [{"title": "Slide", "url": "https://example.it/s.pdf"}]
    }))
    .expect("the documented form parses");
    assert!(matches!(
        save,
        Command::Webinars(Web::SaveSession { capacity: 30, .. })
    ));
    let unknown_field = serde_json::from_value::<Command>(serde_json::json!({
        "area": "webinars", "type": "register",
        "session": "00000000-0000-0000-0000-000000000500", "extra": 1
    }));
    assert!(unknown_field.is_err());
}

// --- Visibility -------------------------------------------------------------

fn view_as(state: &State, who: PersonId) -> super::Part {
    super::view(state, &Actor::Person(who))
}

fn redact_as(state: &State, who: PersonId, event: &Event) -> Option<Event> {
    super::redact(state, &Actor::Person(who), event)
}

#[test]
fn everyone_in_the_audience_sees_the_session_but_only_seat_holders_its_link() {
    let mut s = with_session(1);
    register(&mut s, GIULIA);
    register(&mut s, LUCA);
    let link = |who| {
        view_as(&s, who)
            .sessions
            .get(&S1)
            .map(|x| x.join_link.clone())
    };
    let url = Some("https://meet.example.it/obiettivi".to_owned());
    assert_eq!(link(GIULIA), Some(url.clone()), "registered");
    assert_eq!(link(LUCA), Some(None), "waitlisted");
    assert_eq!(link(ANNA), Some(None), "other team, in the audience");
    assert_eq!(link(SARA), Some(url.clone()), "trainer");
    assert_eq!(link(ADMIN), Some(url.clone()), "administrator");
    assert_eq!(super::view(&s, &Actor::System).sessions[&S1].join_link, url);
    // Seat counts are for everyone who sees the session.
    assert_eq!(view_as(&s, ANNA).seats(S1).map(|x| x.waitlisted), Some(1));
}

#[test]
fn sessions_for_other_teams_are_invisible() {
    let mut s = org();
    let mut command = save(S1, 5);
    if let Web::SaveSession { audience, .. } = &mut command {
        *audience = Audience::Teams {
            teams: [TRIBUTI].into(),
        };
    }
    let events = exec(&mut s, SARA, command, now());
    assert!(view_as(&s, GIULIA).sessions.contains_key(&S1));
    assert!(
        view_as(&s, MARCO).sessions.contains_key(&S1),
        "lead of the team"
    );
    assert!(!view_as(&s, ANNA).sessions.contains_key(&S1));
    assert!(
        !view_as(&s, PAOLO).sessions.contains_key(&S1),
        "lead of another team"
    );
    assert!(view_as(&s, SARA).sessions.contains_key(&S1));
    assert!(view_as(&s, ADMIN).sessions.contains_key(&S1));
    assert_eq!(redact_as(&s, ANNA, &events[0]), None);
    let Some(Event::SessionSaved { session, .. }) = redact_as(&s, GIULIA, &events[0]) else {
        panic!()
    };
    assert_eq!(session.join_link, None);
}

#[test]
fn registrations_attendance_and_feedback_are_seen_by_the_person_the_trainers_and_admins() {
    let mut s = with_session(1);
    register(&mut s, GIULIA);
    register(&mut s, LUCA);
    exec(
        &mut s,
        SARA,
        Web::MarkAttendance {
            session: S1,
            person: GIULIA,
            present: true,
        },
        start(),
    );
    exec(
        &mut s,
        GIULIA,
        Web::GiveFeedback {
            session: S1,
            rating: 5,
            comment: Some("Chiaro".into()),
        },
        start(),
    );
    let people = |who| {
        let v = view_as(&s, who);
        (
            v.registrations.get(&S1).map_or(0, |r| r.len()),
            v.attendance.get(&S1).map_or(0, |r| r.len()),
            v.feedback.get(&S1).map_or(0, |r| r.len()),
        )
    };
    assert_eq!(people(GIULIA), (1, 1, 1));
    assert_eq!(people(LUCA), (1, 0, 0));
    assert_eq!(
        people(MARCO),
        (0, 0, 0),
        "a lead does not see registrations"
    );
    assert_eq!(people(ANNA), (0, 0, 0));
    assert_eq!(people(SARA), (2, 1, 1));
    assert_eq!(people(ADMIN), (2, 1, 1));
    assert_eq!(view_as(&s, LUCA).waitlist_position(S1, LUCA), Some(1));
}

#[test]
fn a_registration_event_reaches_others_as_seat_counts_only() {
    let mut s = with_session(1);
    register(&mut s, GIULIA);
    let events = register(&mut s, LUCA);
    let counts = Some(Event::SeatsChanged {
        session: S1,
        occupancy: s.webinars.occupancy_of(S1),
        next_ticket: 2,
    });
    assert_eq!(redact_as(&s, ANNA, &events[0]), counts);
    assert_eq!(redact_as(&s, GIULIA, &events[0]), counts);
    assert_eq!(
        redact_as(&s, LUCA, &events[0]),
        Some(events[0].clone()).map(|e| match e {
            Event::RegistrationSaved {
                registration,
                session,
                occupancy,
                cards,
            } => Event::RegistrationSaved {
                registration,
                session: super::Session {
                    join_link: None,
                    ..session
                },
                occupancy,
                cards,
            },
            other => other,
        })
    );
    assert_eq!(redact_as(&s, SARA, &events[0]), Some(events[0].clone()));
    // Promotion: the promoted person now gets the link with the event.
    let events = exec(
        &mut s,
        GIULIA,
        Web::CancelRegistration {
            session: S1,
            person: GIULIA,
        },
        now(),
    );
    let Some(Event::Promoted { session, .. }) = redact_as(&s, LUCA, &events[1]) else {
        panic!("{events:?}")
    };
    assert!(session.join_link.is_some());
    let Some(Event::RegistrationSaved { session, .. }) = redact_as(&s, GIULIA, &events[0]) else {
        panic!()
    };
    assert_eq!(session.join_link, None, "no seat, no link");
    assert!(matches!(
        redact_as(&s, ANNA, &events[1]),
        Some(Event::SeatsChanged { .. })
    ));
}

#[test]
fn a_cancellation_tells_each_registrant_about_themself_only() {
    let mut s = with_session(2);
    register(&mut s, GIULIA);
    register(&mut s, LUCA);
    let events = exec(&mut s, SARA, Web::CancelSession { id: S1 }, now());
    let notified = |who| match redact_as(&s, who, &events[0]) {
        Some(Event::SessionCancelled { notify, .. }) => notify,
        other => panic!("{other:?}"),
    };
    assert_eq!(notified(GIULIA), vec![GIULIA]);
    assert_eq!(notified(ANNA), vec![]);
    assert_eq!(notified(SARA).len(), 2);
    assert_eq!(notified(ADMIN).len(), 2);
}

#[test]
fn attendance_and_feedback_events_are_private() {
    let mut s = with_session(2);
    register(&mut s, GIULIA);
    let events = exec(
        &mut s,
        SARA,
        Web::MarkAttendance {
            session: S1,
            person: GIULIA,
            present: true,
        },
        start(),
    );
    assert!(redact_as(&s, GIULIA, &events[0]).is_some());
    assert!(redact_as(&s, SARA, &events[0]).is_some());
    assert!(redact_as(&s, ADMIN, &events[0]).is_some());
    assert!(redact_as(&s, LUCA, &events[0]).is_none());
    assert!(redact_as(&s, MARCO, &events[0]).is_none());
}

#[test]
fn replaying_redacted_events_gives_the_view() {
    // The browser builds its state from redacted events: it must match the
    // snapshot the server would send.
    let mut s = org();
    let mut log = Vec::new();
    let mut step = |s: &mut State, who, command, at| {
        log.extend(exec(s, who, command, at));
    };
    step(&mut s, SARA, save(S1, 1), now());
    step(&mut s, GIULIA, Web::Register { session: S1 }, now());
    step(&mut s, LUCA, Web::Register { session: S1 }, now());
    step(&mut s, ANNA, Web::Register { session: S1 }, now());
    step(
        &mut s,
        GIULIA,
        Web::CancelRegistration {
            session: S1,
            person: GIULIA,
        },
        now(),
    );
    for who in [GIULIA, LUCA, ANNA, MARCO, SARA, ADMIN] {
        // Judge each event on the state right after it.
        let mut replayed = org();
        let mut full = org();
        for event in &log {
            full.apply_event(&crate::Event::Webinars(event.clone()));
            if let Some(e) = redact_as(&full, who, event) {
                replayed.apply_event(&crate::Event::Webinars(e));
            }
        }
        assert_eq!(replayed.webinars, view_as(&s, who), "as {who}");
    }
}

#[test]
fn every_code_carries_the_area_prefix() {
    let t = start();
    let all = [
        WebRejection::SessionCancelled,
        WebRejection::SessionStarted { start: t },
        WebRejection::SessionTrainerWithoutRole { person: SARA },
        WebRejection::SessionNotAmongTrainers,
        WebRejection::SessionJoinLinkInvalid,
        WebRejection::SessionMaterialLinkInvalid { index: 0 },
        WebRejection::SessionCapacityBelowRegistered {
            capacity: 1,
            registered: 2,
        },
        WebRejection::SessionTooLong { max_hours: 10 },
        WebRejection::PathSessionCancelled,
        WebRejection::RegistrationClosed { start: t },
        WebRejection::RegistrationOutsideAudience,
        WebRejection::RegistrationExists {
            status: RegistrationStatus::Registered,
        },
        WebRejection::RegistrationByTrainer,
        WebRejection::AttendanceBeforeStart { start: t },
        WebRejection::AttendanceOutsideAudience,
        WebRejection::AttendanceOfTrainer,
        WebRejection::FeedbackNotAttended,
        WebRejection::FeedbackRatingOutOfRange { min: 1, max: 5 },
    ];
    let prefixes = [
        "session_",
        "registration_",
        "path_",
        "attendance_",
        "feedback_",
    ];
    let mut codes = std::collections::BTreeSet::new();
    for r in all {
        let code = Rejection::from(r).code();
        assert!(prefixes.iter().any(|p| code.starts_with(p)), "{code}");
        assert!(codes.insert(code.clone()), "{code} twice");
    }
}

// --- Organisations of a partnership ----------------------------------------

/// Sara's session S1 open to the whole partnership and S2 to her own
/// organisation only, in the two-organisation fixture.
fn partnership_sessions() -> State {
    let mut s = partnership();
    let mut open = save(S1, 5);
    if let Web::SaveSession { audience, .. } = &mut open {
        *audience = Audience::Partnership;
    }
    exec(&mut s, SARA, open, now());
    exec(&mut s, SARA, save(S2, 5), now());
    s
}

#[test]
fn a_session_belongs_to_its_trainers_organisation() {
    let s = partnership_sessions();
    assert_eq!(s.webinars.sessions[&S1].org, ORG);
    assert!(s.webinars.sessions[&S1].is_partnership());
    assert!(!s.webinars.sessions[&S2].is_partnership());
    // A trainer of another organisation is no co-trainer, and teams of
    // another organisation are no audience.
    let mut command = save(SessionId::from_u128(0x510), 5);
    if let Web::SaveSession { trainers, .. } = &mut command {
        trainers.insert(OSCAR);
    }
    assert_eq!(
        try_as(&s, SARA, command, now()),
        Err(Rejection::not_found(Entity::Person, OSCAR))
    );
    let mut command = save(SessionId::from_u128(0x510), 5);
    if let Web::SaveSession { audience, .. } = &mut command {
        *audience = Audience::Teams {
            teams: [CULTURA].into(),
        };
    }
    assert_eq!(
        try_as(&s, SARA, command, now()),
        Err(Rejection::not_found(Entity::Team, CULTURA))
    );
    // Administrators manage their own organisation's sessions only: the
    // other organisation's trainers do not exist for them.
    assert_eq!(
        try_as(&s, ADMIN2, save(SessionId::from_u128(0x510), 5), now()),
        Err(Rejection::not_found(Entity::Person, SARA))
    );
    // A session shared with the partnership is seen, not managed.
    assert_eq!(
        try_as(&s, ADMIN2, Web::CancelSession { id: S1 }, now()),
        not_allowed()
    );
    assert!(try_as(&s, ADMIN, Web::CancelSession { id: S1 }, now()).is_ok());
    let mut oscars = save(SessionId::from_u128(0x510), 5);
    if let Web::SaveSession { trainers, .. } = &mut oscars {
        *trainers = [OSCAR].into();
    }
    let events = try_as(&s, OSCAR, oscars.clone(), now()).expect("own session");
    assert!(matches!(&events[0], Event::SessionSaved { session, .. } if session.org == ORG2));
    assert!(try_as(&s, ADMIN2, oscars, now()).is_ok());
}

#[test]
fn other_organisations_register_for_partnership_sessions_only() {
    let mut s = partnership_sessions();
    assert_eq!(
        try_as(&s, IRENE, Web::Register { session: S2 }, now()),
        Err(Rejection::not_found(Entity::Session, S2))
    );
    exec(&mut s, IRENE, Web::Register { session: S1 }, now());
    assert_eq!(status(&s, IRENE), Some(RegistrationStatus::Registered));
    // The rest is unchanged: the trainer records her, she rates it.
    let during = start() + Duration::minutes(30);
    exec(
        &mut s,
        SARA,
        Web::MarkAttendance {
            session: S1,
            person: IRENE,
            present: true,
        },
        during,
    );
    exec(
        &mut s,
        IRENE,
        Web::GiveFeedback {
            session: S1,
            rating: 5,
            comment: None,
        },
        during,
    );
    assert!(s.webinars.may_join(S1, IRENE, start()));
    // Nobody of the other organisation can be recorded at the own one.
    assert_eq!(
        try_as(
            &s,
            SARA,
            Web::MarkAttendance {
                session: S2,
                person: OSCAR,
                present: true,
            },
            during,
        ),
        Err(WebRejection::AttendanceOutsideAudience.into())
    );
}

#[test]
fn paths_mix_own_and_partnership_sessions_and_stay_with_their_organisation() {
    let mut s = partnership_sessions();
    let path = |id, sessions: Vec<SessionId>| Web::SavePath {
        id: PathId::from_u128(id),
        title: "Percorso".into(),
        description: String::new(),
        sessions,
    };
    exec(&mut s, SARA, path(0x600, vec![S2, S1]), now());
    assert_eq!(s.webinars.paths[&PathId::from_u128(0x600)].org, ORG);
    // Oscar may include Sara's partnership session, not her own-only one.
    assert!(try_as(&s, OSCAR, path(0x601, vec![S1]), now()).is_ok());
    assert_eq!(
        try_as(&s, OSCAR, path(0x601, vec![S1, S2]), now()),
        Err(Rejection::not_found(Entity::Session, S2))
    );
    // Nor change Sara's organisation's path.
    assert_eq!(
        try_as(&s, OSCAR, path(0x600, vec![S1]), now()),
        not_allowed()
    );
    // Irene sees it listing only the session she may see.
    let irene = view_as(&s, IRENE);
    assert_eq!(irene.paths[&PathId::from_u128(0x600)].sessions, vec![S1]);
    assert_eq!(
        view_as(&s, GIULIA).paths[&PathId::from_u128(0x600)].sessions,
        vec![S2, S1]
    );
    exec(&mut s, SARA, path(0x602, vec![S2]), now());
    assert!(!view_as(&s, IRENE)
        .paths
        .contains_key(&PathId::from_u128(0x602)));
}

#[test]
fn other_organisations_see_partnership_sessions_and_their_own_registration() {
    let mut s = partnership_sessions();
    exec(&mut s, GIULIA, Web::Register { session: S1 }, now());
    exec(&mut s, IRENE, Web::Register { session: S1 }, now());
    for who in [IRENE, OSCAR, ADMIN2] {
        let v = view_as(&s, who);
        assert!(v.sessions.contains_key(&S1), "{who}");
        assert!(!v.sessions.contains_key(&S2), "{who}");
        assert_eq!(v.sessions[&S1].materials.len(), 1);
        let seen: Vec<_> = v
            .registrations
            .get(&S1)
            .map(|r| r.keys().copied().collect())
            .unwrap_or_default();
        assert!(!seen.contains(&GIULIA), "{who}");
        assert_eq!(v.occupancy[&S1].registered, 2);
    }
    assert_eq!(
        view_as(&s, IRENE).registrations[&S1]
            .keys()
            .collect::<Vec<_>>(),
        vec![&IRENE]
    );
    // The trainer and her administrators see every registrant.
    for who in [SARA, ADMIN] {
        let v = view_as(&s, who);
        assert!(v.registrations[&S1].contains_key(&IRENE), "{who}");
        assert!(v.registrations[&S1].contains_key(&GIULIA), "{who}");
    }
}

#[test]
fn a_trainer_sees_a_name_card_of_registrants_from_other_organisations() {
    let mut s = partnership_sessions();
    exec(&mut s, IRENE, Web::Register { session: S1 }, now());
    let sara = crate::visibility::view(&s, &Actor::Person(SARA));
    let card = &sara.directory.people[&IRENE];
    assert_eq!(card.name, "Irene Fait");
    assert_eq!(card.org, ORG2);
    assert_eq!(
        (
            card.username.as_str(),
            &card.email,
            card.roles.len(),
            card.team,
            card.commute_km
        ),
        ("", &None, 0, None, 0)
    );
    // Nothing else of her organisation comes with it.
    assert!(!sara.directory.people.contains_key(&OSCAR));
    assert!(!sara.directory.teams.contains_key(&CULTURA));
    assert!(sara
        .directory
        .agreements
        .values()
        .all(|a| a.person != IRENE));
    // Irene sees the trainer's card, not the rest of Sara's organisation.
    let irene = crate::visibility::view(&s, &Actor::Person(IRENE));
    assert_eq!(irene.directory.people[&SARA].name, "Sara Gallo");
    assert_eq!(irene.directory.people[&SARA].username, "");
    assert!(!irene.directory.people.contains_key(&GIULIA));
    // Giulia, no trainer, gets no card of Irene.
    let giulia = crate::visibility::view(&s, &Actor::Person(GIULIA));
    assert!(!giulia.directory.people.contains_key(&IRENE));
}

#[test]
fn only_partnership_session_events_cross_organisations() {
    let mut s = partnership();
    let mut open = save(S1, 5);
    if let Web::SaveSession { audience, .. } = &mut open {
        *audience = Audience::Partnership;
    }
    let opened = exec(&mut s, SARA, open, now());
    let own = exec(&mut s, SARA, save(S2, 5), now());
    assert!(redact_as(&s, IRENE, &opened[0]).is_some());
    assert_eq!(redact_as(&s, IRENE, &own[0]), None);
    assert_eq!(redact_as(&s, ADMIN2, &own[0]), None);
    let registered = exec(&mut s, IRENE, Web::Register { session: S1 }, now());
    assert!(matches!(
        redact_as(&s, SARA, &registered[0]),
        Some(Event::RegistrationSaved { .. })
    ));
    assert!(matches!(
        redact_as(&s, GIULIA, &registered[0]),
        Some(Event::SeatsChanged { .. })
    ));
    let giulias = exec(&mut s, GIULIA, Web::Register { session: S1 }, now());
    assert!(matches!(
        redact_as(&s, IRENE, &giulias[0]),
        Some(Event::SeatsChanged { .. })
    ));
}

#[test]
fn the_partnership_audience_has_a_readable_wire_form() {
    let json = serde_json::to_value(Audience::Partnership).expect("serialises");
    assert_eq!(json, serde_json::json!({"kind": "partnership"}));
    let back: Audience = serde_json::from_value(json).expect("parses");
    assert_eq!(back, Audience::Partnership);
}

#[test]
fn the_attendee_list_names_the_organisation_of_other_administrations() {
    let mut s = partnership_sessions();
    exec(&mut s, IRENE, Web::Register { session: S1 }, now());
    exec(&mut s, GIULIA, Web::Register { session: S1 }, now());
    for state in [s.clone(), crate::visibility::view(&s, &Actor::Person(SARA))] {
        let rows = super::report::attendees(&state, S1);
        let unit = |who| {
            rows.iter()
                .find(|r| r.person == who)
                .map(|r| (r.name.clone(), r.team.clone()))
        };
        assert_eq!(
            unit(IRENE),
            Some(("Irene Fait".into(), "Comune di Rovereto".into()))
        );
        assert_eq!(
            unit(GIULIA),
            Some(("Giulia Bianchi".into(), "Tributi".into()))
        );
    }
}

#[test]
fn replaying_redacted_events_across_organisations_gives_each_view_with_its_cards() {
    let start_state = partnership();
    let mut s = start_state.clone();
    let mut events = Vec::new();
    let mut open = save(S1, 1);
    if let Web::SaveSession { audience, .. } = &mut open {
        *audience = Audience::Partnership;
    }
    events.extend(exec(&mut s, SARA, open, now()));
    events.extend(exec(&mut s, SARA, save(S2, 5), now()));
    events.extend(exec(&mut s, GIULIA, Web::Register { session: S1 }, now()));
    events.extend(exec(&mut s, IRENE, Web::Register { session: S1 }, now()));
    events.extend(exec(
        &mut s,
        GIULIA,
        Web::CancelRegistration {
            session: S1,
            person: GIULIA,
        },
        now(),
    ));
    for who in [SARA, GIULIA, ADMIN, IRENE, OSCAR, ADMIN2] {
        let actor = Actor::Person(who);
        let mut replica = crate::visibility::view(&start_state, &actor);
        for e in &events {
            if let Some(e) =
                crate::visibility::redact(&s, &actor, &crate::Event::Webinars(e.clone()))
            {
                replica.apply_event(&e);
            }
        }
        let mut expected = crate::visibility::view(&s, &actor);
        // The ticket counter of sessions one cannot see may lag (see Part).
        replica.webinars.next_ticket = expected.webinars.next_ticket;
        expected.agile = replica.agile.clone();
        assert_eq!(replica.directory, expected.directory, "{who}");
        assert_eq!(replica.webinars, expected.webinars, "{who}");
    }
    // Irene, promoted from the waitlist, is a name to Sara's replica.
    let sara = crate::visibility::view(&s, &Actor::Person(SARA));
    assert_eq!(sara.directory.people[&IRENE].name, "Irene Fait");
}
