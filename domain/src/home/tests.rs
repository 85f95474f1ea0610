use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::agile::{AbsenceKind, Command as Agile, DaySelection};
use crate::directory::{Command as Dir, MinOffice, Place, WorkMode};
use crate::ids::{AbsenceId, RequestId, SessionId};
use crate::objectives::tests::{giulia_at, O1};
use crate::testing::*;
use crate::webinars::{Audience, Command as Web};

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 8, 0, 0).single().unwrap()
}

fn exec(state: &mut State, who: PersonId, command: Command, when: DateTime<Utc>) {
    if let Err(r) = state.execute(&Actor::Person(who), &command, when) {
        panic!("refused: {r:?} for {command:?}");
    }
}

fn ask(id: u128, dates: &[NaiveDate]) -> Command {
    Command::Agile(Agile::RequestDays {
        id: RequestId::from_u128(id),
        days: DaySelection::Dates {
            dates: dates.to_vec(),
        },
        mode: WorkMode::Agile,
        place: Place::Home,
        note: String::new(),
    })
}

fn approve(id: u128) -> Command {
    Command::Agile(Agile::DecideDays {
        request: RequestId::from_u128(id),
        dates: None,
        decision: Decision::Approve,
        note: String::new(),
        acknowledge_coverage: false,
    })
}

#[test]
fn pending_requests_wait_for_the_lead_with_coverage_warnings_only_when_close() {
    let mut s = org();
    // Thursday 26 November and Tuesday 15 December: both pending.
    exec(
        &mut s,
        GIULIA,
        ask(1, &[date(2026, 11, 26), date(2026, 12, 15)]),
        now(),
    );
    let mine = agenda(&s, GIULIA, now());
    assert_eq!(
        mine.pending_requests,
        vec![(
            RequestId::from_u128(1),
            vec![date(2026, 11, 26), date(2026, 12, 15)]
        )]
    );
    assert!(mine.to_decide.is_empty());
    let lead = agenda(&s, MARCO, now());
    assert_eq!(lead.to_decide.len(), 1);
    assert_eq!(lead.to_decide[0].person, GIULIA);
    assert!(lead.to_decide[0].coverage_warnings.is_empty());
    // Two people must stay in: approving either day would leave only Marco
    // and Luca... but Luca is on leave both days, so both fall short; only
    // the one within two weeks is a warning on the home page.
    run(
        &mut s,
        Actor::System,
        Command::Directory(Dir::SaveTeam {
            id: TRIBUTI,
            name: "Tributi".into(),
            min_office: MinOffice::People(2),
            max_agile_share: None,
            org: None,
        }),
    );
    for (n, d) in [(1, date(2026, 11, 26)), (2, date(2026, 12, 15))] {
        exec(
            &mut s,
            LUCA,
            Command::Agile(Agile::RecordAbsence {
                id: AbsenceId::from_u128(n),
                person: LUCA,
                from: d,
                until: d,
                kind: AbsenceKind::Holiday,
                reason: String::new(),
            }),
            now(),
        );
    }
    let lead = agenda(&s, MARCO, now());
    assert_eq!(
        lead.to_decide[0].coverage_warnings,
        vec![date(2026, 11, 26)]
    );
    // Another team's lead has nothing to decide.
    assert!(agenda(&s, PAOLO, now()).to_decide.is_empty());
}

#[test]
fn approved_days_that_have_come_ask_for_their_activity() {
    let mut s = org();
    let before = at(2026, 11, 10);
    exec(
        &mut s,
        GIULIA,
        ask(1, &[date(2026, 11, 19), date(2026, 11, 26)]),
        before,
    );
    exec(&mut s, MARCO, approve(1), before);
    // Only the day that has come, not the one to come.
    assert_eq!(
        agenda(&s, GIULIA, now()).activity_due,
        vec![date(2026, 11, 19)]
    );
    exec(
        &mut s,
        GIULIA,
        Command::Agile(Agile::LogActivity {
            date: date(2026, 11, 19),
            objectives: vec![],
            note: "Pratiche IMU".into(),
        }),
        now(),
    );
    assert!(agenda(&s, GIULIA, now()).activity_due.is_empty());
    // Long past days stop asking.
    let later = now() + Duration::days(ACTIVITY_LOOKBACK_DAYS + 5);
    assert_eq!(
        agenda(&s, GIULIA, later).activity_due,
        Vec::<NaiveDate>::new()
    );
}

#[test]
fn objectives_need_the_owner_when_ending_and_the_lead_to_agree_or_review() {
    let proposed = giulia_at(Status::Proposed);
    assert_eq!(
        agenda(&proposed, MARCO, now()).objectives_to_agree,
        vec![O1]
    );
    assert!(agenda(&proposed, GIULIA, now()).objectives_due.is_empty());
    // Administrators agree through their own pages, not as a lead.
    assert!(agenda(&proposed, ADMIN, now())
        .objectives_to_agree
        .is_empty());

    let running = giulia_at(Status::InProgress);
    // Its period ends on 31 December.
    assert!(agenda(&running, GIULIA, now()).objectives_due.is_empty());
    assert_eq!(
        agenda(&running, GIULIA, at(2026, 12, 10)).objectives_due,
        vec![(O1, ObjectiveDue::EndsSoon)]
    );
    let january = at(2027, 1, 5);
    assert_eq!(
        agenda(&running, GIULIA, january).objectives_due,
        vec![(O1, ObjectiveDue::Overdue)]
    );
    assert_eq!(
        agenda(&running, MARCO, january).objectives_to_review,
        vec![O1]
    );
    assert!(agenda(&running, MARCO, now())
        .objectives_to_review
        .is_empty());
}

#[test]
fn trainers_see_their_next_sessions_and_registrants_their_webinars() {
    let mut s = org();
    let start = at(2026, 12, 1);
    let session = SessionId::from_u128(0x900);
    exec(
        &mut s,
        SARA,
        Command::Webinars(Web::SaveSession {
            id: session,
            title: "Lavorare per obiettivi".into(),
            description: String::new(),
            trainers: [SARA].into(),
            start,
            end: start + Duration::hours(2),
            capacity: 1,
            join_link: "https://meet.example.it/obiettivi".into(),
            audience: Audience::Organisation,
            materials: vec![],
        }),
        now(),
    );
    for who in [GIULIA, LUCA] {
        exec(
            &mut s,
            who,
            Command::Webinars(Web::Register { session }),
            now(),
        );
    }
    let trainer = agenda(&s, SARA, now());
    assert_eq!(trainer.sessions.len(), 1);
    let seats = &trainer.sessions[0];
    assert_eq!(
        (seats.capacity, seats.registered, seats.waitlisted),
        (1, 1, 1)
    );
    assert_eq!(
        agenda(&s, GIULIA, now()).next_webinars,
        vec![(session, RegistrationStatus::Registered)]
    );
    assert_eq!(
        agenda(&s, LUCA, now()).next_webinars,
        vec![(session, RegistrationStatus::Waitlisted)]
    );
    // Once over, it leaves both lists.
    let after = start + Duration::hours(3);
    assert!(agenda(&s, SARA, after).sessions.is_empty());
    assert!(agenda(&s, GIULIA, after).next_webinars.is_empty());
}

#[test]
fn administrators_see_the_agreements_ending_soon() {
    let mut s = org();
    let mut luca = agreement(LUCA_AGREEMENT, LUCA, &[chrono::Weekday::Mon], 1, 4);
    luca.valid_until = Some(date(2026, 12, 31));
    run(
        &mut s,
        Actor::System,
        Command::Directory(Dir::SaveAgreement { agreement: luca }),
    );
    let admin = agenda(&s, ADMIN, now());
    assert_eq!(
        admin.agreements_ending,
        vec![Ending {
            agreement: LUCA_AGREEMENT,
            person: LUCA,
            on: date(2026, 12, 31)
        }]
    );
    assert!(agenda(&s, MARCO, now()).agreements_ending.is_empty());
    // Giulia's ends at the end of 2027: listed from mid-November.
    let giulia = |when| {
        agenda(&s, ADMIN, when)
            .agreements_ending
            .iter()
            .any(|e| e.person == GIULIA)
    };
    assert!(!giulia(now()) && !giulia(at(2027, 11, 1)) && giulia(at(2027, 11, 20)));
}
