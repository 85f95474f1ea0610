//! `apply` of typical agile commands against organisations of 250 and 2,500
//! people with a year of day plans: the cost per command must not grow with
//! the organisation (target ≤ 1.5× from 250 to 2,500, under 20 µs).
//!
//! Figures (median, release, 2-core CI-class machine, 25 Nov 2026):
//!
//! | command                                   |   250 | 2,500 | ratio |
//! |-------------------------------------------|------:|------:|------:|
//! | request one day                           | 1.36 µs | 1.38 µs | 1.02× |
//! | request every Friday for 3 months (13 d.) | 6.47 µs | 6.44 µs | 1.00× |
//! | decide (approve) one day                  | 0.27 µs | 0.27 µs | 1.00× |
//! | `apply_event` of a one-day request        | 74 ns | 82 ns | 1.11× |
//!
//! Run with `cargo bench -p vela-domain --bench apply`.

use std::hint::black_box;

use chrono::{Duration, NaiveDate};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

use vela_domain::agile::{Command as Cmd, DaySelection, Decision};
use vela_domain::calendar::rome_midnight_utc;
use vela_domain::demo::agile::synthetic;
use vela_domain::directory::{Place, WorkMode};
use vela_domain::ids::{PersonId, RequestId};
use vela_domain::{apply, Actor, Command, State};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn bench(c: &mut Criterion) {
    let today = date(2026, 11, 24);
    let now = rome_midnight_utc(today) + Duration::hours(9);
    let mut group = c.benchmark_group("apply");
    for people in [250usize, 2_500] {
        let state: State = synthetic(people, today);
        // Person 5 works agile on Mondays and Wednesdays and may add a
        // Friday; person 9's year is pending for person 0, their lead.
        let requester = Actor::Person(PersonId::from_u128(0x1_0005));
        let one_day = Command::Agile(Cmd::RequestDays {
            id: RequestId::from_u128(0xBEEF),
            days: DaySelection::Dates {
                dates: vec![date(2027, 3, 5)],
            },
            mode: WorkMode::Agile,
            place: Place::Home,
            note: "Relazione trimestrale".into(),
        });
        let recurring = Command::Agile(Cmd::RequestDays {
            id: RequestId::from_u128(0xBEEF),
            days: DaySelection::Weekly {
                weekdays: vec![chrono::Weekday::Fri],
                from: date(2027, 3, 1),
                until: date(2027, 5, 31),
            },
            mode: WorkMode::Agile,
            place: Place::Home,
            note: String::new(),
        });
        let lead = Actor::Person(PersonId::from_u128(0x1_0000));
        let pending = RequestId::from_u128(0x3_0009);
        let first_pending = state.agile.requests[&pending]
            .dates
            .iter()
            .next()
            .copied()
            .expect("a pending day");
        let decide = Command::Agile(Cmd::DecideDays {
            request: pending,
            dates: Some(vec![first_pending]),
            decision: Decision::Approve,
            note: String::new(),
            acknowledge_coverage: true,
        });
        for (actor, command) in [
            (&requester, &one_day),
            (&requester, &recurring),
            (&lead, &decide),
        ] {
            assert!(apply(&state, actor, command, now).is_ok(), "{command:?}");
        }
        group.bench_with_input(
            BenchmarkId::new("request_one_day", people),
            &state,
            |b, s| b.iter(|| apply(black_box(s), &requester, black_box(&one_day), now)),
        );
        group.bench_with_input(
            BenchmarkId::new("request_fridays_for_3_months", people),
            &state,
            |b, s| b.iter(|| apply(black_box(s), &requester, black_box(&recurring), now)),
        );
        group.bench_with_input(
            BenchmarkId::new("decide_one_day", people),
            &state,
            |b, s| b.iter(|| apply(black_box(s), &lead, black_box(&decide), now)),
        );
        let mut applied = state.clone();
        let events = apply(&state, &requester, &one_day, now).expect("accepted");
        group.bench_function(BenchmarkId::new("apply_event_request", people), |b| {
            b.iter(|| {
                for e in &events {
                    applied.apply_event(black_box(e));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
