//! Demo agile days: every demo employee asks for days in the rest of this
//! month and in the next one, their leads approve most of them, reject a few
//! with a reason and leave some pending (so a lead's inbox is not empty);
//! a few absences free days already planned, and one person cancels a day.
//!
//! The commands are tried on a scratch copy of the organisation as they are
//! made and kept only when accepted, so the demo passes every rule whatever
//! `today` is (a month-end, a holiday week, a short month).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use uuid::Uuid;

use super::DemoPeople;
use crate::agile::{AbsenceKind, Command as Agile, DaySelection, Decision, Event};
use crate::calendar::rome_midnight_utc;
use crate::directory::{Place, WorkMode};
use crate::ids::{AbsenceId, PersonId, RequestId};
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

struct Demo<'a> {
    state: State,
    now: chrono::DateTime<chrono::Utc>,
    out: Vec<(Actor, Command)>,
    ids: &'a mut dyn FnMut() -> Uuid,
}

impl Demo<'_> {
    /// Applies the command to the scratch state and keeps it if accepted.
    fn run(&mut self, actor: Actor, command: Agile) -> Option<Vec<Event>> {
        let command = Command::Agile(command);
        let events = self.state.execute(&actor, &command, self.now).ok()?;
        self.out.push((actor, command));
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
        let agreement = self.state.directory.agreement_on(person, from)?;
        let weekdays: Vec<Weekday> = agreement.weekdays.clone();
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
        let approve = Agile::DecideDays {
            request,
            dates: Some(vec![date]),
            decision: Decision::Approve,
            note: String::new(),
            acknowledge_coverage: false,
        };
        if self.run(decider, approve).is_none() {
            self.reject(decider, request, date, REJECTIONS[2]);
        }
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
/// demo commands, which this replays on a scratch state).
pub fn commands(
    today: NaiveDate,
    people: &DemoPeople,
    earlier: &[(Actor, Command)],
    ids: &mut dyn FnMut() -> Uuid,
) -> Vec<(Actor, Command)> {
    let now = rome_midnight_utc(today) + Duration::hours(9);
    let mut state = State::default();
    for (actor, command) in earlier {
        // The directory's commands pass (its own demo test checks it).
        let _ = state.execute(actor, command, now);
    }
    let mut demo = Demo {
        state,
        now,
        out: Vec::new(),
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
    demo.out
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
