use chrono::{DateTime, Duration, Utc};

use super::{Command as Note, Delivery, Event as NoteEvent, Kind, Notification, Preferences};
use crate::agile::{AbsenceKind, Command as Agile, DaySelection, Decision};
use crate::directory::{Command as Dir, MinOffice, Place, WorkMode};
use crate::ids::{AbsenceId, KeyResultId, ObjectiveId, PersonId, RequestId, SessionId};
use crate::objectives::{Amount, Command as Obj, KeyResultSpec, Outcome, Owner, Period};
use crate::testing::*;
use crate::webinars::{Audience, Command as Web};
use crate::{apply, visibility, Actor, Command, Event, State};

const R1: RequestId = RequestId::from_u128(0x5000);
const S1: SessionId = SessionId::from_u128(0x500);
const O1: ObjectiveId = ObjectiveId::from_u128(0x700);

/// Runs a command that must pass at `at`, applies it and returns the
/// notifications it caused.
fn told_at(
    state: &mut State,
    who: Actor,
    command: Command,
    at: DateTime<Utc>,
) -> Vec<Notification> {
    let events = state
        .execute(&who, &command, at)
        .unwrap_or_else(|r| panic!("refused: {r:?} for {command:?}"));
    events
        .into_iter()
        .filter_map(|e| match e {
            Event::Notifications(NoteEvent::Notified { notification }) => Some(notification),
            _ => None,
        })
        .collect()
}

fn told(state: &mut State, who: PersonId, command: Command) -> Vec<Notification> {
    told_at(state, Actor::Person(who), command, now())
}

fn recipients(told: &[Notification]) -> Vec<(PersonId, Kind)> {
    let mut out: Vec<_> = told.iter().map(|n| (n.recipient, n.kind)).collect();
    out.sort();
    out
}

fn request(dates: &[chrono::NaiveDate]) -> Command {
    Command::Agile(Agile::RequestDays {
        id: R1,
        days: DaySelection::Dates {
            dates: dates.to_vec(),
        },
        mode: WorkMode::Agile,
        place: Place::Home,
        note: "Chiusura pratiche".into(),
    })
}

fn decide(decision: Decision, note: &str, acknowledge_coverage: bool) -> Command {
    Command::Agile(Agile::DecideDays {
        request: R1,
        dates: None,
        decision,
        note: note.into(),
        acknowledge_coverage,
    })
}

/// Thursday 26 November 2026, a day of Giulia's agreement.
fn thursday() -> chrono::NaiveDate {
    date(2026, 11, 26)
}

fn with_request() -> State {
    let mut s = org();
    told(&mut s, GIULIA, request(&[thursday()]));
    s
}

// --- Agile days -----------------------------------------------------------

#[test]
fn a_request_tells_the_leads_of_the_team_and_nobody_else() {
    let mut s = org();
    let t = told(&mut s, GIULIA, request(&[thursday()]));
    assert_eq!(recipients(&t), vec![(MARCO, Kind::DaysRequested)]);
    let n = &t[0];
    assert_eq!(n.person, Some(GIULIA));
    assert_eq!(n.request, Some(R1));
    assert_eq!(n.dates, vec![thursday()]);
    assert_eq!(n.title, "Giulia Bianchi");
    assert_eq!(n.note, "Chiusura pratiche");
    assert_eq!(s.notifications.unread(MARCO), 1);
    assert_eq!(s.notifications.unread(GIULIA), 0);
}

#[test]
fn a_cancellation_tells_the_leads() {
    let mut s = with_request();
    let cancel = Command::Agile(Agile::CancelDays {
        request: R1,
        dates: None,
    });
    let t = told(&mut s, GIULIA, cancel);
    assert_eq!(recipients(&t), vec![(MARCO, Kind::DaysCancelled)]);
    assert_eq!(t[0].dates, vec![thursday()]);
}

#[test]
fn decisions_tell_the_person_with_the_reason_of_a_rejection() {
    let mut s = with_request();
    let t = told(&mut s, MARCO, decide(Decision::Approve, "", false));
    assert_eq!(recipients(&t), vec![(GIULIA, Kind::DaysApproved)]);
    assert_eq!(t[0].request, Some(R1));

    let mut s = with_request();
    let t = told(
        &mut s,
        MARCO,
        decide(Decision::Reject, "Scadenza F24", false),
    );
    assert_eq!(recipients(&t), vec![(GIULIA, Kind::DaysRejected)]);
    assert_eq!(t[0].note, "Scadenza F24");
}

#[test]
fn an_approval_under_the_minimum_presence_says_so() {
    let mut s = with_request();
    run(
        &mut s,
        Actor::Person(ADMIN),
        Command::Directory(Dir::SetMinOffice {
            team: TRIBUTI,
            min_office: MinOffice::Percent(100),
        }),
    );
    let t = told(
        &mut s,
        MARCO,
        decide(Decision::Approve, "Urgenza familiare", true),
    );
    assert_eq!(
        recipients(&t),
        vec![(GIULIA, Kind::DaysApprovedUnderCoverage)]
    );
    assert_eq!(t[0].note, "Urgenza familiare");
}

#[test]
fn leave_that_withdraws_days_tells_the_person_the_dates_only() {
    let mut s = with_request();
    let absence = Command::Agile(Agile::RecordAbsence {
        id: AbsenceId::from_u128(0x6000),
        person: GIULIA,
        from: thursday(),
        until: thursday(),
        kind: AbsenceKind::Sick,
        reason: "Visita specialistica".into(),
    });
    let t = told(&mut s, ADMIN, absence);
    assert_eq!(recipients(&t), vec![(GIULIA, Kind::DaysWithdrawn)]);
    assert_eq!(t[0].dates, vec![thursday()]);
    let json = serde_json::to_string(&t[0]).expect("json");
    assert!(!json.contains("Visita") && !json.contains("sick"), "{json}");
}

#[test]
fn nobody_is_told_of_their_own_action() {
    let mut s = with_request();
    // An administrator deciding their own… here: Marco cancels nothing of
    // his, so take Giulia recording her own leave over the requested day.
    let absence = Command::Agile(Agile::RecordAbsence {
        id: AbsenceId::from_u128(0x6001),
        person: GIULIA,
        from: thursday(),
        until: thursday(),
        kind: AbsenceKind::Holiday,
        reason: String::new(),
    });
    assert!(told(&mut s, GIULIA, absence).is_empty());
}

// --- Objectives -----------------------------------------------------------

fn objective(owner: Owner) -> Command {
    Command::Objectives(Obj::SaveObjective {
        id: O1,
        owner,
        period: Period {
            from: date(2026, 1, 1),
            until: date(2026, 12, 31),
        },
        title: "Archivio TARI digitale".into(),
        description: String::new(),
        weight: 40,
        key_results: vec![KeyResultSpec {
            id: KeyResultId::from_u128(0x800),
            indicator: "pratiche".into(),
            unit: String::new(),
            baseline: Amount::parse("0").expect("amount"),
            target: Amount::parse("10").expect("amount"),
            weight: 1,
        }],
    })
}

fn obj(command: Obj) -> Command {
    Command::Objectives(command)
}

#[test]
fn objectives_tell_the_lead_of_a_proposal_and_the_owner_of_the_answers() {
    let mut s = org();
    assert!(told(&mut s, GIULIA, objective(Owner::Person(GIULIA))).is_empty());
    let t = told(&mut s, GIULIA, obj(Obj::Propose { objective: O1 }));
    assert_eq!(recipients(&t), vec![(MARCO, Kind::ObjectiveProposed)]);
    assert_eq!(t[0].title, "Archivio TARI digitale");

    let back = Obj::SendBack {
        objective: O1,
        comment: "Target troppo basso".into(),
    };
    let t = told(&mut s, MARCO, obj(back));
    assert_eq!(recipients(&t), vec![(GIULIA, Kind::ObjectiveSentBack)]);
    assert_eq!(t[0].note, "Target troppo basso");

    told(&mut s, GIULIA, obj(Obj::Propose { objective: O1 }));
    let t = told(&mut s, MARCO, obj(Obj::Agree { objective: O1 }));
    assert_eq!(recipients(&t), vec![(GIULIA, Kind::ObjectiveAgreed)]);

    told(&mut s, GIULIA, obj(Obj::Start { objective: O1 }));
    let close = Obj::Close {
        objective: O1,
        outcome: Outcome::Achieved,
    };
    assert!(told(&mut s, MARCO, obj(close)).is_empty());
    let review = Obj::Review {
        objective: O1,
        rating: 4,
        comment: "Ottimo lavoro".into(),
    };
    let t = told(&mut s, MARCO, obj(review));
    assert_eq!(recipients(&t), vec![(GIULIA, Kind::ObjectiveReviewed)]);
    assert_eq!(t[0].note, "Ottimo lavoro");
}

#[test]
fn an_objective_assigned_by_the_lead_tells_the_owner() {
    let mut s = org();
    let t = told(&mut s, MARCO, objective(Owner::Person(GIULIA)));
    assert_eq!(recipients(&t), vec![(GIULIA, Kind::ObjectiveAssigned)]);
}

#[test]
fn a_team_objective_tells_every_active_member_but_the_actor() {
    let mut s = org();
    told(&mut s, GIULIA, objective(Owner::Team(TRIBUTI)));
    let t = told(&mut s, GIULIA, obj(Obj::Propose { objective: O1 }));
    assert_eq!(recipients(&t), vec![(MARCO, Kind::ObjectiveProposed)]);
    let t = told(&mut s, MARCO, obj(Obj::Agree { objective: O1 }));
    let people: Vec<_> = recipients(&t).into_iter().map(|(p, _)| p).collect();
    assert!(
        people.contains(&GIULIA) && people.contains(&LUCA),
        "{people:?}"
    );
    assert!(!people.contains(&MARCO));
}

// --- Webinars -------------------------------------------------------------

fn session_start() -> DateTime<Utc> {
    now() + Duration::days(7)
}

fn session(capacity: u32, start: DateTime<Utc>) -> Command {
    Command::Webinars(Web::SaveSession {
        id: S1,
        title: "Lavorare per obiettivi".into(),
        description: String::new(),
        trainers: [SARA].into(),
        start,
        end: start + Duration::hours(2),
        capacity,
        join_link: "https://meet.example.it/obiettivi".into(),
        audience: Audience::Organisation,
        materials: vec![],
    })
}

fn web(command: Web) -> Command {
    Command::Webinars(command)
}

#[test]
fn webinars_tell_registrants_of_seats_promotions_changes_and_cancellation() {
    let mut s = org();
    told(&mut s, SARA, session(1, session_start()));
    let t = told(&mut s, GIULIA, web(Web::Register { session: S1 }));
    assert_eq!(recipients(&t), vec![(GIULIA, Kind::RegistrationConfirmed)]);
    assert_eq!(t[0].session, Some(S1));
    assert_eq!(t[0].start, Some(session_start()));
    // Waitlisted: nothing yet.
    assert!(told(&mut s, LUCA, web(Web::Register { session: S1 })).is_empty());
    let cancel = Web::CancelRegistration {
        session: S1,
        person: GIULIA,
    };
    let t = told(&mut s, GIULIA, web(cancel));
    assert_eq!(recipients(&t), vec![(LUCA, Kind::Promoted)]);

    let later = session_start() + Duration::hours(1);
    let t = told(&mut s, SARA, session(1, later));
    assert_eq!(recipients(&t), vec![(LUCA, Kind::SessionChanged)]);
    // A change that moves nothing tells nobody.
    assert!(told(&mut s, SARA, session(2, later)).is_empty());

    let t = told(&mut s, SARA, web(Web::CancelSession { id: S1 }));
    assert_eq!(recipients(&t), vec![(LUCA, Kind::SessionCancelled)]);
}

// --- Agreements -----------------------------------------------------------

#[test]
fn a_withdrawn_agreement_tells_the_person_and_the_administrators() {
    let mut s = org();
    let withdraw = Command::Directory(Dir::WithdrawAgreement {
        id: GIULIA_AGREEMENT,
        effective: date(2027, 1, 31),
    });
    let t = told(&mut s, GIULIA, withdraw);
    assert_eq!(recipients(&t), vec![(ADMIN, Kind::AgreementWithdrawn)]);
    assert_eq!(t[0].person, Some(GIULIA));
    assert_eq!(t[0].dates, vec![date(2027, 1, 31)]);

    let mut s = org();
    let withdraw = Command::Directory(Dir::WithdrawAgreement {
        id: GIULIA_AGREEMENT,
        effective: date(2027, 1, 31),
    });
    let t = told(&mut s, ADMIN, withdraw);
    assert_eq!(recipients(&t), vec![(GIULIA, Kind::AgreementWithdrawn)]);
    assert_eq!(t[0].person, None);
}

// --- Timed ----------------------------------------------------------------

fn notify(state: &mut State, due: Vec<Notification>, at: DateTime<Utc>) -> Vec<Notification> {
    let command = Command::Notifications(Note::Notify { notifications: due });
    told_at(state, Actor::System, command, at)
}

#[test]
fn webinar_reminders_come_a_day_and_a_quarter_of_an_hour_before_once_each() {
    let mut s = org();
    told(&mut s, SARA, session(5, session_start()));
    told(&mut s, GIULIA, web(Web::Register { session: S1 }));
    assert!(super::due(&s, session_start() - Duration::days(2)).is_empty());

    let day_before = session_start() - Duration::hours(20);
    let due = super::due(&s, day_before);
    assert_eq!(recipients(&due), vec![(GIULIA, Kind::WebinarTomorrow)]);
    assert_eq!(notify(&mut s, due, day_before).len(), 1);
    // The scheduler runs every minute: the same reminder is not told again.
    let again = super::due(&s, day_before + Duration::minutes(1));
    assert!(notify(&mut s, again, day_before + Duration::minutes(1)).is_empty());

    let soon = session_start() - Duration::minutes(10);
    let due = super::due(&s, soon);
    assert_eq!(recipients(&due), vec![(GIULIA, Kind::WebinarSoon)]);
    assert_eq!(due[0].note, "https://meet.example.it/obiettivi");
    assert_eq!(notify(&mut s, due, soon).len(), 1);
    assert!(super::due(&s, session_start() + Duration::minutes(1)).is_empty());
}

#[test]
fn a_missing_activity_note_is_recalled_the_next_working_morning() {
    let mut s = with_request();
    told(&mut s, MARCO, decide(Decision::Approve, "", false));
    // Friday 27 November, 08:00 in Rome: not yet; 10:00: due.
    let friday_8 = now() + Duration::days(3) - Duration::hours(1);
    assert!(super::due(&s, friday_8).is_empty());
    let friday_10 = now() + Duration::days(3) + Duration::hours(1);
    let due = super::due(&s, friday_10);
    assert_eq!(recipients(&due), vec![(GIULIA, Kind::ActivityMissing)]);
    assert_eq!(due[0].dates, vec![thursday()]);
    // Once the note is written, nothing more.
    let log = Command::Agile(Agile::LogActivity {
        date: thursday(),
        objectives: vec![],
        note: "Pratiche TARI".into(),
    });
    told_at(&mut s, Actor::Person(GIULIA), log, friday_10);
    assert!(super::due(&s, friday_10).is_empty());
}

#[test]
fn a_request_pending_more_than_three_working_days_is_recalled_to_the_lead() {
    let mut s = org();
    // Asked on Tuesday 24 November for Thursday 3 December.
    told(&mut s, GIULIA, request(&[date(2026, 12, 3)]));
    // Wed, Thu, Fri: three working days; the weekend does not count.
    let monday_morning = now() + Duration::days(6) - Duration::hours(2);
    assert!(super::due(&s, now() + Duration::days(5)).is_empty());
    let due = super::due(&s, monday_morning);
    assert_eq!(recipients(&due), vec![(MARCO, Kind::RequestPending)]);
    assert_eq!(due[0].person, Some(GIULIA));
    assert_eq!(notify(&mut s, due, monday_morning).len(), 1);
    let again = super::due(&s, monday_morning);
    assert!(notify(&mut s, again, monday_morning).is_empty());
}

#[test]
fn only_the_system_notifies_and_unknown_recipients_are_skipped() {
    let mut s = org();
    let n = Notification::new("x".into(), GIULIA, Kind::ActivityMissing, now());
    let command = Command::Notifications(Note::Notify {
        notifications: vec![n.clone()],
    });
    assert!(apply(&s, &Actor::Person(ADMIN), &command, now()).is_err());
    let ghost = Notification {
        recipient: PersonId::from_u128(0xdead),
        ..n.clone()
    };
    assert_eq!(notify(&mut s, vec![ghost, n.clone(), n], now()).len(), 1);
}

// --- Reading, preferences, privacy ----------------------------------------

#[test]
fn marking_read_one_or_all_changes_only_ones_own() {
    let mut s = org();
    told(&mut s, GIULIA, request(&[thursday()]));
    let id = s.notifications.newest_first(MARCO)[0].id.clone();
    // Giulia cannot read Marco's.
    let mark = Command::Notifications(Note::MarkRead {
        ids: vec![id.clone()],
    });
    assert!(s
        .execute(&Actor::Person(GIULIA), &mark, now())
        .expect("ok")
        .is_empty());
    assert_eq!(s.notifications.unread(MARCO), 1);
    assert_eq!(
        s.execute(&Actor::Person(MARCO), &mark, now())
            .expect("ok")
            .len(),
        1
    );
    assert_eq!(s.notifications.unread(MARCO), 0);
    // Twice is not an error.
    assert!(s
        .execute(&Actor::Person(MARCO), &mark, now())
        .expect("ok")
        .is_empty());

    s.execute(
        &Actor::Person(GIULIA),
        &Command::Agile(Agile::CancelDays {
            request: R1,
            dates: None,
        }),
        now(),
    )
    .expect("cancel");
    assert_eq!(s.notifications.unread(MARCO), 1);
    let all = Command::Notifications(Note::MarkAllRead {});
    s.execute(&Actor::Person(MARCO), &all, now()).expect("ok");
    assert_eq!(s.notifications.unread(MARCO), 0);
    assert_eq!(s.notifications.newest_first(MARCO).len(), 2);
}

#[test]
fn preferences_are_ones_own_and_the_hour_is_checked() {
    let mut s = org();
    let mut preferences = Preferences::default();
    assert_eq!(
        preferences.delivery(Kind::DaysRequested),
        Delivery::Immediate
    );
    preferences
        .mail
        .insert(Kind::DaysRequested, Delivery::Digest);
    preferences.digest_hour = 17;
    let save = Command::Notifications(Note::SavePreferences {
        preferences: preferences.clone(),
    });
    s.execute(&Actor::Person(MARCO), &save, now()).expect("ok");
    assert_eq!(s.notifications.preferences_of(MARCO), preferences);
    assert_eq!(
        s.notifications.preferences_of(GIULIA),
        Preferences::default()
    );
    preferences.digest_hour = 24;
    let bad = Command::Notifications(Note::SavePreferences { preferences });
    assert!(apply(&s, &Actor::Person(MARCO), &bad, now()).is_err());
}

#[test]
fn each_person_sees_and_receives_only_their_own_notifications() {
    let mut s = org();
    let events = s
        .execute(&Actor::Person(GIULIA), &request(&[thursday()]), now())
        .expect("ok");
    let notified = events
        .iter()
        .find(|e| matches!(e, Event::Notifications(_)))
        .expect("a notification");
    assert!(visibility::redact(&s, &Actor::Person(MARCO), notified).is_some());
    for other in [GIULIA, LUCA, ADMIN, PAOLO] {
        assert!(visibility::redact(&s, &Actor::Person(other), notified).is_none());
        assert!(visibility::view(&s, &Actor::Person(other))
            .notifications
            .inbox
            .is_empty());
    }
    let marco = visibility::view(&s, &Actor::Person(MARCO));
    assert_eq!(marco.notifications.inbox.len(), 1);
}

#[test]
fn the_wire_form_round_trips() {
    let mut s = org();
    let events = s
        .execute(&Actor::Person(GIULIA), &request(&[thursday()]), now())
        .expect("ok");
    for e in &events {
        let json = serde_json::to_value(e).expect("json");
        let back: Event = serde_json::from_value(json.clone()).expect("back");
        assert_eq!(&back, e, "{json}");
    }
    let json = serde_json::json!({"area": "notifications", "type": "mark_all_read"});
    let c: Command = serde_json::from_value(json).expect("unit-like");
    assert_eq!(c, Command::Notifications(Note::MarkAllRead {}));
    // A state stored before notifications existed still loads.
    let mut old = serde_json::to_value(&s).expect("json");
    old.as_object_mut().expect("object").remove("notifications");
    let loaded: State = serde_json::from_value(old).expect("old state");
    assert!(loaded.notifications.inbox.is_empty());
}
