use chrono::{DateTime, NaiveDate, TimeZone, Utc, Weekday};

use super::{
    coverage, prevalence, AbsenceKind, Command as Cmd, DaySelection, DayStatus, Decision,
    Event as AgileEvent, Rejection as AgileRejection, TeamDay, Withdrawal,
};
use crate::directory::{Command as Dir, MinOffice, Place, WorkMode};
use crate::ids::{AbsenceId, ObjectiveId, PersonId, RequestId};
use crate::rejection::{CommonRejection, Problem, Rejection};
use crate::testing::*;
use crate::{apply, Actor, Command, Event, State};

fn try_at(
    state: &State,
    who: PersonId,
    command: Cmd,
    at: DateTime<Utc>,
) -> Result<Vec<AgileEvent>, Rejection> {
    let events = apply(state, &Actor::Person(who), &Command::Agile(command), at)?;
    Ok(events
        .into_iter()
        .filter_map(|e| match e {
            Event::Agile(e) => Some(e),
            // What it tells people is tested in the notifications area.
            Event::Notifications(_) => None,
            other => panic!("not an agile event: {other:?}"),
        })
        .collect())
}

fn try_run(state: &State, who: PersonId, command: Cmd) -> Result<Vec<AgileEvent>, Rejection> {
    try_at(state, who, command, now())
}

/// Runs a command that must pass and applies its events.
fn ok_at(state: &mut State, who: PersonId, command: Cmd, at: DateTime<Utc>) -> Vec<AgileEvent> {
    let events = try_at(state, who, command.clone(), at)
        .unwrap_or_else(|r| panic!("refused: {r:?} for {command:?}"));
    for e in &events {
        state.apply_event(&Event::Agile(e.clone()));
    }
    events
}

fn ok(state: &mut State, who: PersonId, command: Cmd) -> Vec<AgileEvent> {
    ok_at(state, who, command, now())
}

fn rid(n: u128) -> RequestId {
    RequestId::from_u128(0x5000 + n)
}

fn request(n: u128, dates: &[NaiveDate]) -> Cmd {
    Cmd::RequestDays {
        id: rid(n),
        days: DaySelection::Dates {
            dates: dates.to_vec(),
        },
        mode: WorkMode::Agile,
        place: Place::Home,
        note: String::new(),
    }
}

fn approve(n: u128) -> Cmd {
    Cmd::DecideDays {
        request: rid(n),
        dates: None,
        decision: Decision::Approve,
        note: String::new(),
        acknowledge_coverage: false,
    }
}

fn absence(n: u128, person: PersonId, from: NaiveDate, until: NaiveDate) -> Cmd {
    Cmd::RecordAbsence {
        id: AbsenceId::from_u128(0x6000 + n),
        person,
        from,
        until,
        kind: AbsenceKind::Holiday,
        reason: "Ferie estive".into(),
    }
}

fn agile_err(r: AgileRejection) -> Rejection {
    r.into()
}

fn status(state: &State, person: PersonId, d: NaiveDate) -> Option<DayStatus> {
    state.agile.day(person, d).map(|p| p.status)
}

fn refused_of(events: &[AgileEvent]) -> Vec<(NaiveDate, String)> {
    match &events[0] {
        AgileEvent::DaysRequested { refused, .. } => refused
            .iter()
            .map(|r| (r.date, Rejection::from(r.reason.clone()).code()))
            .collect(),
        other => panic!("unexpected {other:?}"),
    }
}

// ---- requests and per-day results ----

#[test]
fn a_request_becomes_pending_days_and_counts_for_the_team() {
    let mut s = org();
    let events = ok(&mut s, GIULIA, request(1, &[date(2026, 12, 1)]));
    assert!(
        matches!(&events[0], AgileEvent::DaysRequested { days, refused, .. }
        if days.len() == 1 && refused.is_empty())
    );
    assert_eq!(
        status(&s, GIULIA, date(2026, 12, 1)),
        Some(DayStatus::Pending)
    );
    assert_eq!(
        s.agile.team_day(TRIBUTI, date(2026, 12, 1)),
        TeamDay {
            away: 0,
            pending: 1,
            absent: 0
        }
    );
}

#[test]
fn copies_of_the_state_share_each_persons_plans_until_one_changes() {
    use std::sync::Arc;
    let mut s = org();
    ok(&mut s, GIULIA, request(1, &[date(2026, 12, 1)]));
    ok(&mut s, LUCA, request(2, &[date(2026, 12, 2)]));
    let copy = s.clone();
    let admin_view = crate::visibility::view(&s, &Actor::Person(ADMIN));
    for person in [GIULIA, LUCA] {
        assert!(Arc::ptr_eq(
            &s.agile.days[&person],
            &copy.agile.days[&person]
        ));
        assert!(Arc::ptr_eq(
            &s.agile.days[&person],
            &admin_view.agile.days[&person]
        ));
    }

    ok(&mut s, GIULIA, request(3, &[date(2026, 12, 3)]));
    assert!(!Arc::ptr_eq(
        &s.agile.days[&GIULIA],
        &copy.agile.days[&GIULIA]
    ));
    assert!(Arc::ptr_eq(&s.agile.days[&LUCA], &copy.agile.days[&LUCA]));
    // The copy keeps what it held.
    assert_eq!(copy.agile.days[&GIULIA].len(), 1);
    assert_eq!(s.agile.days[&GIULIA].len(), 2);
    // And the JSON is the plain map's.
    let json = serde_json::to_value(&copy.agile.days[&GIULIA]).unwrap();
    assert_eq!(json["2026-12-01"]["status"], "pending");
}

#[test]
fn a_recurring_request_expands_into_days_each_with_its_result() {
    let mut s = org();
    let events = ok(
        &mut s,
        GIULIA,
        Cmd::RequestDays {
            id: rid(1),
            days: DaySelection::Weekly {
                weekdays: vec![Weekday::Tue, Weekday::Thu],
                from: date(2026, 12, 1),
                until: date(2026, 12, 31),
            },
            mode: WorkMode::Agile,
            place: Place::Home,
            note: "Rendicontazione IMU".into(),
        },
    );
    // Ten Tue/Thu in December: the 8th is a holiday, the 31st would be the
    // ninth day of a month that allows eight.
    assert_eq!(
        refused_of(&events),
        vec![
            (date(2026, 12, 8), "non_working_day".to_owned()),
            (date(2026, 12, 31), "agreement_month_limit".to_owned()),
        ]
    );
    let AgileEvent::DaysRequested { request, days, .. } = &events[0] else {
        unreachable!()
    };
    assert_eq!(days.len(), 8);
    assert_eq!(request.dates.len(), 8);
    assert_eq!(s.agile.requests[&rid(1)].note, "Rendicontazione IMU");
}

#[test]
fn a_request_with_no_valid_day_is_refused_with_every_reason() {
    let s = org();
    // A single day: its own reason.
    assert_eq!(
        try_run(&s, GIULIA, request(1, &[date(2026, 11, 30)])),
        Err(agile_err(AgileRejection::AgreementWeekday {
            date: date(2026, 11, 30),
            weekday: Weekday::Mon
        }))
    );
    // Several days: the list.
    let r = try_run(
        &s,
        GIULIA,
        request(1, &[date(2026, 11, 30), date(2026, 12, 5)]),
    );
    let Err(Rejection::Agile(AgileRejection::NoDayAccepted { refused })) = r else {
        panic!("{r:?}")
    };
    assert_eq!(refused.len(), 2);
    assert_eq!(
        refused[1].reason,
        AgileRejection::NonWorkingDay {
            date: date(2026, 12, 5),
            holiday: "weekend".into()
        }
    );
}

#[test]
fn the_weekly_limit_counts_the_iso_week_across_months_and_years() {
    let mut s = org();
    // Luca: 3 a week. W49 runs from Monday 30 November to 6 December.
    ok(
        &mut s,
        LUCA,
        request(1, &[date(2026, 11, 30), date(2026, 12, 1)]),
    );
    let events = ok(
        &mut s,
        LUCA,
        request(2, &[date(2026, 12, 2), date(2026, 12, 3)]),
    );
    assert_eq!(
        refused_of(&events),
        vec![(date(2026, 12, 3), "agreement_week_limit".to_owned())]
    );
    assert_eq!(
        try_run(&s, LUCA, request(3, &[date(2026, 12, 4)])),
        Err(agile_err(AgileRejection::AgreementWeekLimit {
            limit: 3,
            week: "2026-W49".into()
        }))
    );
    // W53 of 2026 ends on Sunday 3 January 2027.
    ok(
        &mut s,
        LUCA,
        request(
            4,
            &[date(2026, 12, 28), date(2026, 12, 29), date(2026, 12, 30)],
        ),
    );
    assert_eq!(
        try_run(&s, LUCA, request(5, &[date(2026, 12, 31)])),
        Err(agile_err(AgileRejection::AgreementWeekLimit {
            limit: 3,
            week: "2026-W53".into()
        }))
    );
}

#[test]
fn office_days_must_prevail_net_of_absences() {
    let mut s = org();
    // September 2027: 22 working days → at most 10 days away.
    let p = prevalence(&s, LUCA, date(2027, 9, 1));
    assert_eq!((p.working_days, p.absent_days, p.max_days), (22, 0, 10));
    // With 8 working days of leave → at most 6.
    ok(
        &mut s,
        LUCA,
        absence(1, LUCA, date(2027, 9, 6), date(2027, 9, 15)),
    );
    let p = prevalence(&s, LUCA, date(2027, 9, 30));
    assert_eq!((p.working_days, p.absent_days, p.max_days), (22, 8, 6));
    // Six days pass (two weeks of three), the seventh does not.
    let days = [
        date(2027, 9, 1),
        date(2027, 9, 2),
        date(2027, 9, 3),
        date(2027, 9, 20),
        date(2027, 9, 21),
        date(2027, 9, 22),
        date(2027, 9, 27),
    ];
    let events = ok(&mut s, LUCA, request(1, &days));
    assert_eq!(
        refused_of(&events),
        vec![(date(2027, 9, 27), "office_prevalence".to_owned())]
    );
    assert_eq!(
        try_run(&s, LUCA, request(2, &[date(2027, 9, 28)])),
        Err(agile_err(AgileRejection::OfficePrevalence {
            month: "2027-09".into(),
            max_days: 6,
            working_days: 22,
            absent_days: 8
        }))
    );
}

#[test]
fn weekends_holidays_and_the_organisations_own_days_are_refused() {
    let mut s = org();
    crate::testing::run(
        &mut s,
        Actor::System,
        Command::Directory(Dir::UpdateOrganisation {
            name: "Comune di Prova".into(),
            extra_holidays: vec![crate::calendar::ExtraHoliday::Once {
                date: date(2026, 12, 7),
                name: "Ponte dell'Immacolata".into(),
            }],
            org: None,
        }),
    );
    for (d, holiday) in [
        (date(2026, 12, 5), "weekend"),
        (date(2026, 12, 8), "Immacolata Concezione"),
        (date(2026, 12, 7), "Ponte dell'Immacolata"),
    ] {
        assert_eq!(
            try_run(&s, LUCA, request(1, &[d])),
            Err(agile_err(AgileRejection::NonWorkingDay {
                date: d,
                holiday: holiday.into()
            }))
        );
    }
}

#[test]
fn the_agreement_must_be_in_force_and_allow_mode_weekday_and_place() {
    let s = org();
    let d = date(2026, 12, 1);
    assert_eq!(
        try_run(&s, ANNA, request(1, &[d])),
        Err(agile_err(AgileRejection::AgreementMissing { date: d }))
    );
    // Luca's agreement ends on 31 December 2027.
    assert_eq!(
        try_run(&s, LUCA, request(1, &[date(2028, 1, 3)])),
        Err(agile_err(AgileRejection::AgreementMissing {
            date: date(2028, 1, 3)
        }))
    );
    let with = |mode, place| Cmd::RequestDays {
        id: rid(1),
        days: DaySelection::Dates { dates: vec![d] },
        mode,
        place,
        note: String::new(),
    };
    assert_eq!(
        try_run(&s, GIULIA, with(WorkMode::Remote, Place::Home)),
        Err(agile_err(AgileRejection::AgreementMode {
            date: d,
            mode: WorkMode::Agile
        }))
    );
    assert_eq!(
        try_run(
            &s,
            GIULIA,
            with(
                WorkMode::Agile,
                Place::Named {
                    name: "Coworking Trento".into()
                }
            )
        ),
        Err(agile_err(AgileRejection::AgreementPlace { date: d }))
    );
}

#[test]
fn office_only_dates_of_the_team_are_refused() {
    let mut s = org();
    crate::testing::run(
        &mut s,
        Actor::Person(MARCO),
        Command::Directory(Dir::AddOfficeOnlyDate {
            team: TRIBUTI,
            date: date(2026, 12, 3),
            note: "Riunione di servizio".into(),
        }),
    );
    assert_eq!(
        try_run(&s, GIULIA, request(1, &[date(2026, 12, 3)])),
        Err(agile_err(AgileRejection::OfficeOnlyDay {
            date: date(2026, 12, 3),
            note: "Riunione di servizio".into()
        }))
    );
}

#[test]
fn a_day_is_planned_once_and_can_be_asked_again_after_cancelling() {
    let mut s = org();
    let d = date(2026, 12, 1);
    ok(&mut s, GIULIA, request(1, &[d]));
    assert_eq!(
        try_run(&s, GIULIA, request(2, &[d])),
        Err(agile_err(AgileRejection::DayAlreadyPlanned { date: d }))
    );
    assert_eq!(
        try_run(&s, GIULIA, request(1, &[date(2026, 12, 3)])),
        Err(CommonRejection::AlreadyExists {
            entity: crate::rejection::Entity::Request,
            id: rid(1).into()
        }
        .into())
    );
    ok(
        &mut s,
        GIULIA,
        Cmd::CancelDays {
            request: rid(1),
            dates: None,
        },
    );
    ok(&mut s, GIULIA, request(2, &[d]));
    assert_eq!(s.agile.day(GIULIA, d).map(|p| p.request), Some(rid(2)));
    assert_eq!(s.agile.team_day(TRIBUTI, d).pending, 1);
}

#[test]
fn days_that_have_started_cannot_be_asked_for() {
    let s = org();
    // now() is Tuesday 24 November, 09:00 in Rome.
    assert_eq!(
        try_run(&s, GIULIA, request(1, &[date(2026, 11, 24)])),
        Err(agile_err(AgileRejection::DayStarted {
            date: date(2026, 11, 24)
        }))
    );
    assert!(try_run(&s, GIULIA, request(1, &[date(2026, 11, 26)])).is_ok());
}

#[test]
fn invalid_selections_are_refused() {
    let s = org();
    let weekly = |from, until| Cmd::RequestDays {
        id: rid(1),
        days: DaySelection::Weekly {
            weekdays: vec![Weekday::Tue],
            from,
            until,
        },
        mode: WorkMode::Agile,
        place: Place::Home,
        note: String::new(),
    };
    assert_eq!(
        try_run(&s, GIULIA, weekly(date(2026, 12, 10), date(2026, 12, 1))),
        Err(Rejection::invalid("until", Problem::EndBeforeStart))
    );
    assert_eq!(
        try_run(&s, GIULIA, weekly(date(2026, 12, 1), date(2027, 12, 31))),
        Err(Rejection::invalid("until", Problem::OutOfRange))
    );
    assert_eq!(
        try_run(&s, GIULIA, request(1, &[])),
        Err(Rejection::invalid("days", Problem::Empty))
    );
    assert_eq!(
        try_at(&s, ADMIN, request(1, &[date(2026, 12, 1)]), now()),
        Err(agile_err(AgileRejection::AgreementMissing {
            date: date(2026, 12, 1)
        }))
    );
    assert_eq!(
        apply(
            &s,
            &Actor::System,
            &Command::Agile(request(1, &[date(2026, 12, 1)])),
            now()
        ),
        Err(CommonRejection::NotAllowed.into())
    );
}

// ---- team rules and decisions ----

fn save_tributi(s: &mut State, min_office: MinOffice, max_agile_share: Option<u8>) {
    crate::testing::run(
        s,
        Actor::System,
        Command::Directory(Dir::SaveTeam {
            id: TRIBUTI,
            name: "Tributi".into(),
            min_office,
            max_agile_share,
            org: None,
        }),
    );
}

#[test]
fn the_team_share_cap_limits_people_away_on_the_same_day() {
    let mut s = org();
    // Three members, 10% → one person away a day.
    save_tributi(&mut s, MinOffice::People(0), Some(10));
    let d = date(2026, 12, 1);
    ok(&mut s, GIULIA, request(1, &[d]));
    ok(&mut s, LUCA, request(2, &[d]));
    ok(&mut s, MARCO, approve(1));
    let refused = Err(agile_err(AgileRejection::TeamAgileShare {
        date: d,
        max_percent: 10,
        max_people: 1,
    }));
    assert_eq!(try_run(&s, MARCO, approve(2)), refused);
    assert_eq!(
        try_run(&s, LUCA, request(3, &[date(2026, 12, 1)])),
        Err(agile_err(AgileRejection::DayAlreadyPlanned { date: d }))
    );
    ok(
        &mut s,
        LUCA,
        Cmd::CancelDays {
            request: rid(2),
            dates: None,
        },
    );
    assert_eq!(try_run(&s, LUCA, request(3, &[d])), refused);
}

#[test]
fn approving_under_the_minimum_presence_needs_the_leads_acknowledgement() {
    let mut s = org();
    save_tributi(&mut s, MinOffice::People(2), None);
    let d = date(2026, 12, 1);
    ok(&mut s, GIULIA, request(1, &[d]));
    ok(&mut s, LUCA, request(2, &[d]));
    ok(&mut s, MARCO, approve(1));
    let c = coverage(&s, TRIBUTI, d);
    assert_eq!(
        (c.team_size, c.away, c.pending, c.in_office, c.minimum),
        (3, 1, 1, 2, 2)
    );
    assert_eq!(
        try_run(&s, MARCO, approve(2)),
        Err(agile_err(AgileRejection::CoverageBelowMinimum {
            date: d,
            in_office: 1,
            minimum: 2
        }))
    );
    ok(
        &mut s,
        MARCO,
        Cmd::DecideDays {
            request: rid(2),
            dates: Some(vec![d]),
            decision: Decision::Approve,
            note: "Scadenza F24: copro io lo sportello".into(),
            acknowledge_coverage: true,
        },
    );
    let day = s.agile.day(LUCA, d).cloned().unwrap();
    assert_eq!(day.status, DayStatus::Approved);
    assert_eq!(day.decided_by, Some(MARCO));
    assert!(coverage(&s, TRIBUTI, d).is_below_minimum());
}

#[test]
fn only_a_lead_of_the_persons_team_or_an_admin_decides() {
    let mut s = org();
    ok(
        &mut s,
        GIULIA,
        request(1, &[date(2026, 12, 1), date(2026, 12, 3)]),
    );
    for who in [PAOLO, GIULIA, LUCA, SARA] {
        assert_eq!(
            try_run(&s, who, approve(1)),
            Err(CommonRejection::NotAllowed.into()),
            "{who}"
        );
    }
    assert!(try_run(&s, ADMIN, approve(1)).is_ok());
    let events = ok(
        &mut s,
        MARCO,
        Cmd::DecideDays {
            request: rid(1),
            dates: Some(vec![date(2026, 12, 3)]),
            decision: Decision::Approve,
            note: String::new(),
            acknowledge_coverage: false,
        },
    );
    assert!(matches!(&events[0], AgileEvent::DaysDecided { days } if days.len() == 1));
    // Deciding again what is decided is refused; the rest is still pending.
    assert_eq!(
        try_run(
            &s,
            MARCO,
            Cmd::DecideDays {
                request: rid(1),
                dates: Some(vec![date(2026, 12, 3)]),
                decision: Decision::Approve,
                note: String::new(),
                acknowledge_coverage: false,
            }
        ),
        Err(agile_err(AgileRejection::DayNotPending {
            date: date(2026, 12, 3)
        }))
    );
    assert_eq!(
        try_run(
            &s,
            MARCO,
            Cmd::DecideDays {
                request: rid(1),
                dates: Some(vec![date(2026, 12, 10)]),
                decision: Decision::Approve,
                note: String::new(),
                acknowledge_coverage: false,
            }
        ),
        Err(agile_err(AgileRejection::DayNotInRequest {
            date: date(2026, 12, 10)
        }))
    );
    assert_eq!(
        status(&s, GIULIA, date(2026, 12, 1)),
        Some(DayStatus::Pending)
    );
}

#[test]
fn a_lead_does_not_approve_their_own_days() {
    let mut s = org();
    crate::testing::run(
        &mut s,
        Actor::System,
        Command::Directory(Dir::SaveAgreement {
            agreement: agreement(
                crate::ids::AgreementId::from_u128(0x499),
                MARCO,
                &[Weekday::Fri],
                1,
                4,
            ),
        }),
    );
    ok(&mut s, MARCO, request(1, &[date(2026, 12, 4)]));
    assert_eq!(
        try_run(&s, MARCO, approve(1)),
        Err(CommonRejection::NotAllowed.into())
    );
    assert!(try_run(&s, ADMIN, approve(1)).is_ok());
}

#[test]
fn a_rejection_needs_a_reason() {
    let mut s = org();
    ok(&mut s, GIULIA, request(1, &[date(2026, 12, 1)]));
    let reject = |note: &str| Cmd::DecideDays {
        request: rid(1),
        dates: None,
        decision: Decision::Reject,
        note: note.into(),
        acknowledge_coverage: false,
    };
    assert_eq!(
        try_run(&s, MARCO, reject("  ")),
        Err(Rejection::invalid("note", Problem::Empty))
    );
    ok(&mut s, MARCO, reject("Chiusura del bilancio"));
    let day = s.agile.day(GIULIA, date(2026, 12, 1)).unwrap();
    assert_eq!(day.status, DayStatus::Rejected);
    assert_eq!(day.decision_note.as_deref(), Some("Chiusura del bilancio"));
    assert_eq!(
        s.agile.team_day(TRIBUTI, date(2026, 12, 1)),
        TeamDay::default()
    );
    assert!(s.agile.team_days.is_empty());
}

// ---- cancelling ----

#[test]
fn the_owner_cancels_until_the_day_starts_in_rome() {
    let mut s = org();
    let d = date(2026, 11, 26);
    ok(&mut s, GIULIA, request(1, &[d]));
    ok(&mut s, MARCO, approve(1));
    let cancel = Cmd::CancelDays {
        request: rid(1),
        dates: Some(vec![d]),
    };
    assert_eq!(
        try_run(&s, MARCO, cancel.clone()),
        Err(CommonRejection::NotAllowed.into())
    );
    // 00:30 on the 26th in Rome is still the 25th in UTC.
    let started = Utc.with_ymd_and_hms(2026, 11, 25, 23, 30, 0).unwrap();
    assert_eq!(
        try_at(&s, GIULIA, cancel.clone(), started),
        Err(agile_err(AgileRejection::DayStarted { date: d }))
    );
    let last_minute = Utc.with_ymd_and_hms(2026, 11, 25, 22, 59, 0).unwrap();
    ok_at(&mut s, GIULIA, cancel.clone(), last_minute);
    assert_eq!(status(&s, GIULIA, d), Some(DayStatus::Cancelled));
    assert_eq!(
        try_run(&s, GIULIA, cancel),
        Err(agile_err(AgileRejection::DayNotActive { date: d }))
    );
}

#[test]
fn a_range_cancels_the_owners_days_still_to_come_across_requests() {
    let mut s = org();
    // Two requests; Thursday 26 November will have started when she cancels.
    ok(
        &mut s,
        GIULIA,
        request(1, &[date(2026, 11, 26), date(2026, 12, 1)]),
    );
    ok(&mut s, MARCO, approve(1));
    ok(
        &mut s,
        GIULIA,
        request(2, &[date(2026, 12, 3), date(2026, 12, 10)]),
    );
    ok(&mut s, LUCA, request(3, &[date(2026, 12, 2)]));
    let range = Cmd::CancelRange {
        from: date(2026, 11, 23),
        until: date(2026, 12, 4),
    };
    let on_the_26th = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
    let events = ok_at(&mut s, GIULIA, range.clone(), on_the_26th);
    let AgileEvent::DaysCancelled { days } = &events[0] else {
        panic!("{events:?}")
    };
    assert_eq!(
        days.iter().map(|d| d.date).collect::<Vec<_>>(),
        vec![date(2026, 12, 1), date(2026, 12, 3)]
    );
    assert_eq!(
        status(&s, GIULIA, date(2026, 11, 26)),
        Some(DayStatus::Approved)
    );
    assert_eq!(
        status(&s, GIULIA, date(2026, 12, 10)),
        Some(DayStatus::Pending)
    );
    // Only one's own days: Luca's day in the range is untouched.
    assert_eq!(
        status(&s, LUCA, date(2026, 12, 2)),
        Some(DayStatus::Pending)
    );
    assert_eq!(
        try_at(&s, GIULIA, range, on_the_26th),
        Err(agile_err(AgileRejection::NothingToCancel {
            from: date(2026, 11, 23),
            until: date(2026, 12, 4)
        }))
    );
    assert_eq!(
        try_run(
            &s,
            GIULIA,
            Cmd::CancelRange {
                from: date(2026, 12, 4),
                until: date(2026, 12, 1)
            }
        ),
        Err(Rejection::invalid("until", Problem::EndBeforeStart))
    );
}

// ---- absences ----

#[test]
fn an_absence_withdraws_the_days_it_covers_and_says_so() {
    let mut s = org();
    ok(
        &mut s,
        GIULIA,
        request(
            1,
            &[date(2026, 12, 1), date(2026, 12, 3), date(2026, 12, 10)],
        ),
    );
    ok(
        &mut s,
        MARCO,
        Cmd::DecideDays {
            request: rid(1),
            dates: Some(vec![date(2026, 12, 1)]),
            decision: Decision::Approve,
            note: String::new(),
            acknowledge_coverage: false,
        },
    );
    let events = ok(
        &mut s,
        GIULIA,
        absence(1, GIULIA, date(2026, 11, 30), date(2026, 12, 4)),
    );
    let AgileEvent::AbsenceRecorded { withdrawn, .. } = &events[0] else {
        panic!("{events:?}")
    };
    assert_eq!(
        withdrawn.iter().map(|d| d.date).collect::<Vec<_>>(),
        vec![date(2026, 12, 1), date(2026, 12, 3)]
    );
    for d in [date(2026, 12, 1), date(2026, 12, 3)] {
        let day = s.agile.day(GIULIA, d).unwrap();
        assert_eq!(day.status, DayStatus::Withdrawn);
        assert_eq!(day.withdrawn_for, Some(Withdrawal::Absence));
    }
    assert_eq!(
        status(&s, GIULIA, date(2026, 12, 10)),
        Some(DayStatus::Pending)
    );
    assert_eq!(
        s.agile.team_day(TRIBUTI, date(2026, 12, 1)),
        TeamDay {
            away: 0,
            pending: 0,
            absent: 1
        }
    );
    assert_eq!(
        try_run(&s, GIULIA, request(2, &[date(2026, 12, 3)])),
        Err(agile_err(AgileRejection::AbsentOnDay {
            date: date(2026, 12, 3)
        }))
    );
    assert_eq!(
        try_run(
            &s,
            GIULIA,
            absence(2, GIULIA, date(2026, 12, 4), date(2026, 12, 9))
        ),
        Err(agile_err(AgileRejection::AbsenceOverlaps {
            date: date(2026, 12, 4)
        }))
    );
    // Cancelling the absence frees the counts (not the withdrawn days).
    ok(
        &mut s,
        GIULIA,
        Cmd::CancelAbsence {
            id: AbsenceId::from_u128(0x6001),
        },
    );
    assert_eq!(
        s.agile.team_day(TRIBUTI, date(2026, 12, 1)),
        TeamDay::default()
    );
    assert!(s.agile.absence_on(GIULIA, date(2026, 12, 1)).is_none());
}

#[test]
fn absences_are_recorded_by_the_person_their_lead_or_an_administrator() {
    let mut s = org();
    let cmd = absence(1, GIULIA, date(2026, 12, 14), date(2026, 12, 18));
    // A teammate and the lead of another team may not.
    for who in [LUCA, PAOLO] {
        assert_eq!(
            try_run(&s, who, cmd.clone()),
            Err(CommonRejection::NotAllowed.into())
        );
    }
    ok(&mut s, ADMIN, cmd.clone());
    assert!(s.agile.absence_on(GIULIA, date(2026, 12, 16)).is_some());
    assert!(s.agile.absence_on(GIULIA, date(2026, 12, 19)).is_none());
    let cancel = Cmd::CancelAbsence {
        id: AbsenceId::from_u128(0x6001),
    };
    assert_eq!(
        try_run(&s, LUCA, cancel.clone()),
        Err(CommonRejection::NotAllowed.into())
    );
    // Giulia's lead records and cancels for her.
    ok(&mut s, MARCO, cancel);
    ok(&mut s, MARCO, cmd);
    assert!(s.agile.absence_on(GIULIA, date(2026, 12, 16)).is_some());
    assert_eq!(
        try_run(
            &s,
            GIULIA,
            absence(2, GIULIA, date(2026, 12, 20), date(2026, 12, 19))
        ),
        Err(Rejection::invalid("until", Problem::EndBeforeStart))
    );
    assert_eq!(
        try_run(
            &s,
            GIULIA,
            absence(2, GIULIA, date(2027, 1, 1), date(2028, 1, 2))
        ),
        Err(Rejection::invalid("until", Problem::OutOfRange))
    );
}

// ---- activity ----

#[test]
fn activity_is_logged_by_the_owner_on_an_approved_day_that_has_come() {
    use crate::objectives::{tests::giulia_at, Status};
    let mut s = giulia_at(Status::InProgress);
    let objective = crate::objectives::tests::O1;
    let d = date(2026, 11, 26);
    ok(&mut s, GIULIA, request(1, &[d]));
    let log = Cmd::LogActivity {
        date: d,
        objectives: vec![objective],
        note: "Istruttoria rimborsi TARI".into(),
    };
    assert_eq!(
        try_run(&s, GIULIA, log.clone()),
        Err(agile_err(AgileRejection::ActivityWithoutAgileDay {
            date: d
        }))
    );
    ok(&mut s, MARCO, approve(1));
    assert_eq!(
        try_run(&s, GIULIA, log.clone()),
        Err(agile_err(AgileRejection::ActivityInFuture { date: d }))
    );
    let on_the_day = Utc.with_ymd_and_hms(2026, 11, 26, 15, 0, 0).unwrap();
    assert_eq!(
        try_at(&s, LUCA, log.clone(), on_the_day),
        Err(agile_err(AgileRejection::ActivityWithoutAgileDay {
            date: d
        }))
    );
    // Only objectives of one's own that are under way: others look absent.
    let unknown = ObjectiveId::from_u128(0x700);
    let elsewhere = Cmd::LogActivity {
        date: d,
        objectives: vec![objective, unknown],
        note: String::new(),
    };
    assert_eq!(
        try_at(&s, GIULIA, elsewhere, on_the_day),
        Err(Rejection::not_found(
            crate::rejection::Entity::Objective,
            unknown
        ))
    );
    ok_at(&mut s, GIULIA, log, on_the_day);
    let activity = s
        .agile
        .day(GIULIA, d)
        .and_then(|p| p.activity.clone())
        .unwrap();
    assert_eq!(activity.note, "Istruttoria rimborsi TARI");
}

// ---- directory changes ----

#[test]
fn a_withdrawn_agreement_withdraws_the_days_after_it() {
    let mut s = org();
    ok(
        &mut s,
        GIULIA,
        request(1, &[date(2026, 12, 1), date(2026, 12, 29)]),
    );
    ok(&mut s, MARCO, approve(1));
    crate::testing::run(
        &mut s,
        Actor::Person(GIULIA),
        Command::Directory(Dir::WithdrawAgreement {
            id: GIULIA_AGREEMENT,
            effective: date(2026, 12, 28),
        }),
    );
    assert_eq!(
        status(&s, GIULIA, date(2026, 12, 1)),
        Some(DayStatus::Approved)
    );
    let day = s.agile.day(GIULIA, date(2026, 12, 29)).unwrap();
    assert_eq!(day.status, DayStatus::Withdrawn);
    assert_eq!(day.withdrawn_for, Some(Withdrawal::AgreementEnded));
    assert_eq!(
        s.agile.team_day(TRIBUTI, date(2026, 12, 29)),
        TeamDay::default()
    );
}

#[test]
fn a_person_changing_team_takes_their_counts_along() {
    let mut s = org();
    let d = date(2026, 12, 1);
    ok(&mut s, GIULIA, request(1, &[d]));
    ok(&mut s, MARCO, approve(1));
    ok(
        &mut s,
        GIULIA,
        absence(1, GIULIA, date(2026, 12, 14), date(2026, 12, 15)),
    );
    crate::testing::run(
        &mut s,
        Actor::System,
        Command::Directory(Dir::SavePerson {
            id: GIULIA,
            username: "giulia".into(),
            name: "Giulia Bianchi".into(),
            email: None,
            employee_number: None,
            roles: [crate::directory::Role::Employee].into(),
            team: Some(SOCIALI),
            commute_km: 12,
            language: Default::default(),
            org: None,
        }),
    );
    assert_eq!(s.agile.team_day(TRIBUTI, d), TeamDay::default());
    assert_eq!(s.agile.team_day(SOCIALI, d).away, 1);
    assert_eq!(s.agile.team_day(SOCIALI, date(2026, 12, 14)).absent, 1);
    assert_eq!(coverage(&s, TRIBUTI, d).team_size, 2);
    assert_eq!(coverage(&s, SOCIALI, d).team_size, 3);
    // The indexes kept event by event equal a rebuild.
    let mut rebuilt = s.clone();
    super::reindex(&mut rebuilt);
    assert_eq!(rebuilt, s);
    // Paolo now decides for Giulia, Marco no longer.
    ok(&mut s, GIULIA, request(2, &[date(2026, 12, 3)]));
    assert_eq!(
        try_run(&s, MARCO, approve(2)),
        Err(CommonRejection::NotAllowed.into())
    );
    assert!(try_run(&s, PAOLO, approve(2)).is_ok());
}

// ---- visibility ----

/// Giulia and Luca (Tributi) with requests, a decision note, an absence
/// with its reason and a logged activity; Anna (Sociali) with an absence.
fn busy_org() -> (State, Vec<AgileEvent>) {
    let mut s = org();
    let mut events = Vec::new();
    events.extend(ok(
        &mut s,
        GIULIA,
        Cmd::RequestDays {
            id: rid(1),
            days: DaySelection::Dates {
                dates: vec![date(2026, 11, 26), date(2026, 12, 1)],
            },
            mode: WorkMode::Agile,
            place: Place::Home,
            note: "Dichiarazioni IMU".into(),
        },
    ));
    events.extend(ok(
        &mut s,
        MARCO,
        Cmd::DecideDays {
            request: rid(1),
            dates: None,
            decision: Decision::Approve,
            note: "Va bene".into(),
            acknowledge_coverage: false,
        },
    ));
    events.extend(ok(&mut s, LUCA, request(2, &[date(2026, 12, 2)])));
    events.extend(ok(
        &mut s,
        LUCA,
        absence(1, LUCA, date(2026, 12, 9), date(2026, 12, 11)),
    ));
    events.extend(ok(
        &mut s,
        ANNA,
        Cmd::RecordAbsence {
            id: AbsenceId::from_u128(0x6002),
            person: ANNA,
            from: date(2026, 12, 1),
            until: date(2026, 12, 2),
            kind: AbsenceKind::Sick,
            reason: "Visita specialistica".into(),
        },
    ));
    events.extend(ok_at(
        &mut s,
        GIULIA,
        Cmd::LogActivity {
            date: date(2026, 11, 26),
            objectives: vec![],
            note: "Bonifica anagrafe tributaria".into(),
        },
        Utc.with_ymd_and_hms(2026, 11, 26, 16, 0, 0).unwrap(),
    ));
    (s, events)
}

#[test]
fn an_employee_sees_own_plans_in_full_and_the_team_by_status_only() {
    let (s, _) = busy_org();
    let v = super::view(&s, &Actor::Person(LUCA));
    // Own absence with its reason.
    let own = v.absences[&AbsenceId::from_u128(0x6001)].clone();
    assert_eq!(own.detail.unwrap().reason, "Ferie estive");
    // Giulia's days by name, without notes or activity.
    let giulia = v.day(GIULIA, date(2026, 11, 26)).unwrap();
    assert_eq!(giulia.status, DayStatus::Approved);
    assert!(giulia.decision_note.is_none() && giulia.activity.is_none());
    assert_eq!(v.requests[&rid(1)].note, "");
    // Another team: counts only.
    assert!(!v.absences.contains_key(&AbsenceId::from_u128(0x6002)));
    assert!(!v.days.contains_key(&ANNA) && !v.absence_starts.contains_key(&ANNA));
    assert_eq!(v.team_day(SOCIALI, date(2026, 12, 1)).absent, 1);
    // Agreements index: own only.
    assert!(v.agreements.contains_key(&LUCA) && !v.agreements.contains_key(&GIULIA));
}

#[test]
fn a_lead_sees_notes_and_activity_but_never_why_someone_is_absent() {
    let (s, _) = busy_org();
    let v = super::view(&s, &Actor::Person(MARCO));
    let giulia = v.day(GIULIA, date(2026, 11, 26)).unwrap();
    assert_eq!(giulia.decision_note.as_deref(), Some("Va bene"));
    assert!(giulia.activity.is_some());
    assert_eq!(v.requests[&rid(1)].note, "Dichiarazioni IMU");
    let luca = &v.absences[&AbsenceId::from_u128(0x6001)];
    assert!(luca.detail.is_none());
    assert!(v.absence_on(LUCA, date(2026, 12, 10)).is_some());
    // The other team's lead sees Tributi as counts only.
    let p = super::view(&s, &Actor::Person(PAOLO));
    assert!(p.days.is_empty() && p.requests.is_empty());
    assert_eq!(p.team_day(TRIBUTI, date(2026, 12, 1)).away, 1);
    assert!(p.absences[&AbsenceId::from_u128(0x6002)].detail.is_none());
}

#[test]
fn a_trainer_outside_teams_sees_counts_and_an_admin_sees_everything() {
    let (s, _) = busy_org();
    let v = super::view(&s, &Actor::Person(SARA));
    assert!(v.days.is_empty() && v.absences.is_empty() && v.requests.is_empty());
    assert_eq!(v.team_days, s.agile.team_days);
    assert_eq!(super::view(&s, &Actor::Person(ADMIN)), s.agile);
    assert_eq!(super::view(&s, &Actor::System), s.agile);
}

#[test]
fn events_are_redacted_like_the_view() {
    let (s, events) = busy_org();
    let requested = &events[0];
    // A teammate: the days by name, no note, no refused list.
    let Some(AgileEvent::DaysRequested { request, .. }) =
        super::redact(&s, &Actor::Person(LUCA), requested)
    else {
        panic!()
    };
    assert_eq!(request.note, "");
    // Another team: the new counts only.
    assert_eq!(
        super::redact(&s, &Actor::Person(ANNA), requested),
        Some(AgileEvent::TeamCounts {
            team: TRIBUTI,
            counts: [
                (
                    date(2026, 11, 26),
                    s.agile.team_day(TRIBUTI, date(2026, 11, 26))
                ),
                (
                    date(2026, 12, 1),
                    s.agile.team_day(TRIBUTI, date(2026, 12, 1))
                ),
            ]
            .into()
        })
    );
    // An absence reaches the team without its kind and reason.
    let absent = &events[3];
    let Some(AgileEvent::AbsenceRecorded { absence, .. }) =
        super::redact(&s, &Actor::Person(GIULIA), absent)
    else {
        panic!()
    };
    assert!(absence.detail.is_none());
    assert_eq!(
        super::redact(&s, &Actor::Person(LUCA), absent).as_ref(),
        Some(absent)
    );
    // Activity: the person and the lead only.
    let logged = events.last().unwrap();
    assert!(super::redact(&s, &Actor::Person(LUCA), logged).is_none());
    assert!(super::redact(&s, &Actor::Person(MARCO), logged).is_some());
    assert!(super::redact(&s, &Actor::Person(ANNA), logged).is_none());
}

#[test]
fn a_replica_fed_redacted_events_matches_the_view() {
    let start = org();
    let (end, events) = busy_org();
    for who in [GIULIA, LUCA, MARCO, ANNA, PAOLO, SARA, ADMIN] {
        let actor = Actor::Person(who);
        let mut replica = start.clone();
        replica.agile = super::view(&start, &actor);
        // Judged on the final state, as the server's pull does.
        for e in &events {
            if let Some(e) = super::redact(&end, &actor, e) {
                replica.apply_event(&Event::Agile(e));
            }
        }
        assert_eq!(replica.agile, super::view(&end, &actor), "{who}");
    }
}

// ---- wire form ----

#[test]
fn json_shapes_are_readable() {
    let command = Command::Agile(Cmd::RequestDays {
        id: rid(1),
        days: DaySelection::Weekly {
            weekdays: vec![Weekday::Tue, Weekday::Thu],
            from: date(2026, 12, 1),
            until: date(2026, 12, 31),
        },
        mode: WorkMode::Agile,
        place: Place::Home,
        note: "Rendicontazione".into(),
    });
    assert_eq!(
        serde_json::to_value(&command).unwrap(),
        serde_json::json!({
            "area": "agile",
            "type": "request_days",
            "id": "00000000-0000-0000-0000-000000005001",
            "days": {"kind": "weekly", "weekdays": ["Tue", "Thu"],
                     "from": "2026-12-01", "until": "2026-12-31"},
            "mode": "agile",
            "place": {"kind": "home"},
            "note": "Rendicontazione"
        })
    );
    let decide: Command = serde_json::from_value(serde_json::json!({
        "area": "agile", "type": "decide_days",
        "request": "00000000-0000-0000-0000-000000005001",
        "decision": "approve", "acknowledge_coverage": true
    }))
    .unwrap();
    assert!(matches!(
        decide,
        Command::Agile(Cmd::DecideDays { dates: None, .. })
    ));
    let mut s = org();
    let events = ok(
        &mut s,
        GIULIA,
        request(1, &[date(2026, 12, 1), date(2026, 12, 5)]),
    );
    assert_eq!(
        serde_json::to_value(Event::Agile(events[0].clone())).unwrap(),
        serde_json::json!({
            "area": "agile",
            "type": "days_requested",
            "request": {"id": "00000000-0000-0000-0000-000000005001",
                        "person": "00000000-0000-0000-0000-000000000302",
                        "dates": ["2026-12-01"], "note": ""},
            "days": [{"person": "00000000-0000-0000-0000-000000000302",
                      "date": "2026-12-01",
                      "request": "00000000-0000-0000-0000-000000005001",
                      "mode": "agile", "place": {"kind": "home"},
                      "status": "pending", "decided_by": null,
                      "decision_note": null, "withdrawn_for": null,
                      "activity": null}],
            "refused": [{"date": "2026-12-05",
                         "reason": {"code": "non_working_day",
                                    "date": "2026-12-05", "holiday": "weekend"}}]
        })
    );
    let rejection = Rejection::from(AgileRejection::AgreementWeekLimit {
        limit: 2,
        week: "2026-W49".into(),
    });
    assert_eq!(
        serde_json::to_value(&rejection).unwrap(),
        serde_json::json!({"code": "agreement_week_limit", "limit": 2, "week": "2026-W49"})
    );
    assert_eq!(
        serde_json::from_value::<Rejection>(serde_json::to_value(&rejection).unwrap()).unwrap(),
        rejection
    );
    // A state with its indexes survives a JSON round trip.
    let (busy, _) = busy_org();
    let text = serde_json::to_string(&busy).unwrap();
    assert_eq!(serde_json::from_str::<State>(&text).unwrap(), busy);
}

#[test]
fn an_office_only_date_fixed_after_the_request_blocks_the_approval() {
    let mut s = org();
    let d = date(2026, 12, 3);
    ok(&mut s, GIULIA, request(1, &[d]));
    crate::testing::run(
        &mut s,
        Actor::Person(MARCO),
        Command::Directory(Dir::AddOfficeOnlyDate {
            team: TRIBUTI,
            date: d,
            note: "Audit della Corte dei conti".into(),
        }),
    );
    assert_eq!(
        try_run(&s, MARCO, approve(1)),
        Err(agile_err(AgileRejection::OfficeOnlyDay {
            date: d,
            note: "Audit della Corte dei conti".into()
        }))
    );
}

#[test]
fn coverage_counts_absences_and_percent_minimums() {
    let mut s = org();
    save_tributi(&mut s, MinOffice::Percent(50), None);
    let d = date(2026, 12, 1);
    ok(&mut s, LUCA, absence(1, LUCA, d, d));
    let c = coverage(&s, TRIBUTI, d);
    // Three members, one absent; half of three rounded up is two.
    assert_eq!((c.absent, c.in_office, c.minimum), (1, 2, 2));
    assert!(!c.is_below_minimum());
    ok(&mut s, GIULIA, request(1, &[d]));
    assert_eq!(
        try_run(&s, MARCO, approve(1)),
        Err(agile_err(AgileRejection::CoverageBelowMinimum {
            date: d,
            in_office: 1,
            minimum: 2
        }))
    );
    // A team nobody belongs to needs nobody.
    let empty = coverage(&s, crate::ids::TeamId::from_u128(0x999), d);
    assert_eq!((empty.team_size, empty.minimum, empty.in_office), (0, 0, 0));
}

#[test]
fn prevalence_on_a_leap_february() {
    let s = org();
    let p = prevalence(&s, LUCA, date(2028, 2, 29));
    assert_eq!(p.month, "2028-02");
    assert_eq!((p.working_days, p.max_days), (21, 10));
    assert_eq!(super::share_allows(10, 5), 1);
    assert_eq!(super::share_allows(10, 25), 2);
    assert_eq!(super::share_allows(0, 25), 0);
}

#[test]
fn rejection_codes_are_unique_and_do_not_clash_with_the_directory() {
    let d = date(2026, 12, 1);
    let all = [
        AgileRejection::NonWorkingDay {
            date: d,
            holiday: String::new(),
        },
        AgileRejection::DayStarted { date: d },
        AgileRejection::AgreementMissing { date: d },
        AgileRejection::AgreementMode {
            date: d,
            mode: WorkMode::Agile,
        },
        AgileRejection::AgreementWeekday {
            date: d,
            weekday: Weekday::Mon,
        },
        AgileRejection::AgreementPlace { date: d },
        AgileRejection::AgreementWeekLimit {
            limit: 1,
            week: String::new(),
        },
        AgileRejection::AgreementMonthLimit {
            limit: 1,
            month: String::new(),
        },
        AgileRejection::OfficePrevalence {
            month: String::new(),
            max_days: 0,
            working_days: 0,
            absent_days: 0,
        },
        AgileRejection::TeamAgileShare {
            date: d,
            max_percent: 0,
            max_people: 0,
        },
        AgileRejection::OfficeOnlyDay {
            date: d,
            note: String::new(),
        },
        AgileRejection::DayAlreadyPlanned { date: d },
        AgileRejection::AbsentOnDay { date: d },
        AgileRejection::NoDayAccepted { refused: vec![] },
        AgileRejection::CoverageBelowMinimum {
            date: d,
            in_office: 0,
            minimum: 0,
        },
        AgileRejection::DayNotPending { date: d },
        AgileRejection::DayNotActive { date: d },
        AgileRejection::DayNotInRequest { date: d },
        AgileRejection::AbsenceOverlaps { date: d },
        AgileRejection::ActivityWithoutAgileDay { date: d },
        AgileRejection::ActivityInFuture { date: d },
    ];
    let codes: std::collections::BTreeSet<String> = all
        .iter()
        .map(|r| Rejection::from(r.clone()).code())
        .collect();
    assert_eq!(codes.len(), all.len());
    let taken = [
        "not_allowed",
        "not_found",
        "already_exists",
        "invalid",
        "organisation_exists",
        "no_organisation",
        "username_taken",
        "notice_too_short",
        "withdrawal_too_soon",
        "contact_band_too_long",
        "contact_in_rest_band",
        "rest_too_short",
        "agreement_overlaps",
        "last_admin",
    ];
    for code in taken {
        assert!(!codes.contains(code), "{code}");
    }
    // Every code parses back to the agile rejection it came from.
    for r in all {
        let any = Rejection::from(r.clone());
        let back: Rejection = serde_json::from_value(serde_json::to_value(&any).unwrap()).unwrap();
        assert_eq!(back, any);
    }
}

// ---- queries ----

#[test]
fn a_calendar_day_says_what_it_is_and_a_lead_sees_what_waits() {
    use super::{day_kind, month_plan, pending_decisions, DayKind};
    let mut s = org();
    ok(
        &mut s,
        GIULIA,
        request(1, &[date(2026, 12, 1), date(2026, 12, 3)]),
    );
    ok(&mut s, LUCA, request(2, &[date(2026, 12, 2)]));
    ok(
        &mut s,
        MARCO,
        Cmd::DecideDays {
            request: rid(1),
            dates: Some(vec![date(2026, 12, 3)]),
            decision: Decision::Reject,
            note: "Sportello".into(),
            acknowledge_coverage: false,
        },
    );
    ok(
        &mut s,
        GIULIA,
        absence(1, GIULIA, date(2026, 12, 10), date(2026, 12, 10)),
    );
    assert!(
        matches!(day_kind(&s, GIULIA, date(2026, 12, 1)), DayKind::Away { plan } if plan.status == DayStatus::Pending)
    );
    assert!(
        matches!(day_kind(&s, GIULIA, date(2026, 12, 3)), DayKind::Office { last: Some(p) } if p.status == DayStatus::Rejected)
    );
    assert!(matches!(
        day_kind(&s, GIULIA, date(2026, 12, 4)),
        DayKind::Office { last: None }
    ));
    assert!(matches!(
        day_kind(&s, GIULIA, date(2026, 12, 10)),
        DayKind::Absent { .. }
    ));
    assert_eq!(
        day_kind(&s, GIULIA, date(2026, 12, 25)),
        DayKind::NonWorking {
            holiday: "Natale".into()
        }
    );
    assert_eq!(month_plan(&s, GIULIA, date(2026, 12, 15)).len(), 31);
    let inbox = pending_decisions(&s, &Actor::Person(MARCO));
    assert_eq!(
        inbox
            .iter()
            .map(|(r, d)| (r.id, d.len()))
            .collect::<Vec<_>>(),
        vec![(rid(1), 1), (rid(2), 1)]
    );
    assert!(pending_decisions(&s, &Actor::Person(PAOLO)).is_empty());
    assert!(pending_decisions(&s, &Actor::Person(GIULIA)).is_empty());
}

#[test]
fn a_deactivated_person_leaves_the_team_counts_and_comes_back() {
    let mut s = org();
    let d = date(2026, 12, 1);
    ok(&mut s, LUCA, request(1, &[d]));
    ok(&mut s, MARCO, approve(1));
    let set_active = |s: &mut State, active| {
        crate::testing::run(
            s,
            Actor::System,
            Command::Directory(Dir::SetActive {
                person: LUCA,
                active,
            }),
        )
    };
    set_active(&mut s, false);
    let c = coverage(&s, TRIBUTI, d);
    assert_eq!((c.team_size, c.away, c.in_office), (2, 0, 2));
    set_active(&mut s, true);
    let c = coverage(&s, TRIBUTI, d);
    assert_eq!((c.team_size, c.away, c.in_office), (3, 1, 2));
    let mut rebuilt = s.clone();
    super::reindex(&mut rebuilt);
    assert_eq!(rebuilt, s);
}

#[test]
fn a_team_is_seen_by_name_by_its_members_its_leads_and_administrators() {
    let s = org();
    let sees = |who: PersonId, team| super::sees_team_by_name(&s, &Actor::Person(who), team);
    assert!(sees(GIULIA, TRIBUTI), "a member");
    assert!(sees(MARCO, TRIBUTI), "its lead");
    assert!(sees(ADMIN, SOCIALI), "an administrator");
    assert!(!sees(GIULIA, SOCIALI), "another team: counts only");
    assert!(!sees(SARA, TRIBUTI), "someone without a team");
}
