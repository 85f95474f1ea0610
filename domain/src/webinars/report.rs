//! Training figures for the monitoring report (the PIAO section on agile
//! work asks for training hours) and for trainers: hours attended per
//! person, team and month; attendance rate and average feedback per session.
//!
//! Only attendance recorded by trainers counts, of sessions not cancelled.
//! A session counts in the month (Rome time) in which it starts, for its
//! full length. Teams are the people's current teams.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{RegistrationStatus, Session, SessionStatus};
use crate::calendar::{month_label, rome_date};
use crate::ids::{PersonId, SessionId, TeamId};
use crate::State;

/// Training one person attended in one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PersonMonth {
    pub person: PersonId,
    /// `"2026-11"`.
    pub month: String,
    pub sessions: u32,
    pub minutes: u32,
}

/// Training the members of one team attended in one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TeamMonth {
    pub team: TeamId,
    pub month: String,
    /// Different people of the team who attended at least one session.
    pub people: u32,
    /// Attendances (one person at one session counts one).
    pub attendances: u32,
    pub minutes: u32,
}

/// How a session went.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionFigures {
    pub session: SessionId,
    /// People holding a seat.
    pub registered: u32,
    /// People recorded present (including any without a seat).
    pub attended: u32,
    /// Share of seat holders who attended, in whole percent; `None` when
    /// nobody registered.
    pub attendance_percent: Option<u32>,
    /// How many gave feedback.
    pub ratings: u32,
    /// Mean rating 1–5; `None` without feedback.
    pub average_rating: Option<f64>,
}

fn counted(session: &Session) -> bool {
    session.status == SessionStatus::Scheduled
}

fn month_of(session: &Session) -> String {
    month_label(rome_date(session.start))
}

fn attendances(state: &State) -> impl Iterator<Item = (&Session, PersonId)> {
    let part = &state.webinars;
    part.attendance.iter().flat_map(move |(id, people)| {
        part.sessions
            .get(id)
            .filter(|s| counted(s))
            .into_iter()
            .flat_map(move |s| people.iter().map(move |p| (s, *p)))
    })
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One line of a session's attendee list (the trainer's screen and the
/// CSV export): seat holders first, then the waitlist in order, then
/// cancellations, then people recorded present without a registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AttendeeRow {
    pub person: PersonId,
    pub name: String,
    /// The team's name, empty for people without a team.
    pub team: String,
    /// `None` for people present without a registration.
    pub status: Option<RegistrationStatus>,
    /// 1-based, for waitlisted people.
    pub waitlist_position: Option<u32>,
    pub attended: bool,
    pub rating: Option<u8>,
    pub comment: Option<String>,
}

/// The attendee list of `session` (empty for an unknown session). Only for
/// those who may see the session's people: its trainers and
/// administrators.
pub fn attendees(state: &State, session: SessionId) -> Vec<AttendeeRow> {
    let part = &state.webinars;
    let registrations = part.registrations.get(&session);
    let mut people: Vec<(u8, u64, PersonId)> = registrations
        .into_iter()
        .flat_map(|m| m.values())
        .map(|r| {
            let rank = match r.status {
                RegistrationStatus::Registered => 0,
                RegistrationStatus::Waitlisted => 1,
                RegistrationStatus::Cancelled => 2,
            };
            (rank, r.ticket, r.person)
        })
        .collect();
    for person in part.attendance.get(&session).into_iter().flatten() {
        if part.registration(session, *person).is_none() {
            people.push((3, 0, *person));
        }
    }
    crate::order::sort(&mut people);
    let session_org = part.sessions.get(&session).map(|s| s.org);
    people
        .into_iter()
        .map(|(_, _, id)| {
            let who = state.directory.people.get(&id);
            let feedback = part.feedback.get(&session).and_then(|m| m.get(&id));
            AttendeeRow {
                person: id,
                name: who.map(|p| p.name.clone()).unwrap_or_default(),
                team: who
                    .and_then(|p| unit_name(state, session_org, p))
                    .unwrap_or_default(),
                status: part.registration(session, id).map(|r| r.status),
                waitlist_position: part.waitlist_position(session, id),
                attended: part.attended(session, id),
                rating: feedback.map(|f| f.rating),
                comment: feedback.and_then(|f| f.comment.clone()),
            }
        })
        .collect()
}

/// Where a registrant works, for the attendee list: their team, or for
/// someone of another organisation of the partnership that organisation
/// (their teams are not visible outside it).
fn unit_name(
    state: &State,
    session_org: Option<crate::ids::OrgId>,
    person: &crate::directory::Person,
) -> Option<String> {
    if session_org.is_some_and(|org| org != person.org) {
        return state
            .directory
            .organisations
            .get(&person.org)
            .map(|o| o.name.clone());
    }
    person
        .team
        .and_then(|t| state.directory.teams.get(&t))
        .map(|t| t.name.clone())
}

/// Training attended per person and month, ordered by person then month.
pub fn hours_by_person(state: &State) -> Vec<PersonMonth> {
    let mut rows: BTreeMap<(PersonId, String), PersonMonth> = BTreeMap::new();
    for (session, person) in attendances(state) {
        let month = month_of(session);
        let row = rows
            .entry((person, month.clone()))
            .or_insert_with(|| PersonMonth {
                person,
                month,
                sessions: 0,
                minutes: 0,
            });
        row.sessions += 1;
        row.minutes = row.minutes.saturating_add(session.minutes());
    }
    rows.into_values().collect()
}

/// Training attended per team and month (people without a team are left
/// out), ordered by team then month.
pub fn hours_by_team(state: &State) -> Vec<TeamMonth> {
    let mut rows: BTreeMap<(TeamId, String), (BTreeSet<PersonId>, TeamMonth)> = BTreeMap::new();
    for (session, person) in attendances(state) {
        let Some(team) = state.directory.people.get(&person).and_then(|p| p.team) else {
            continue;
        };
        let month = month_of(session);
        let (people, row) = rows.entry((team, month.clone())).or_insert_with(|| {
            (
                BTreeSet::new(),
                TeamMonth {
                    team,
                    month,
                    people: 0,
                    attendances: 0,
                    minutes: 0,
                },
            )
        });
        people.insert(person);
        row.people = count(people.len());
        row.attendances += 1;
        row.minutes = row.minutes.saturating_add(session.minutes());
    }
    rows.into_values().map(|(_, row)| row).collect()
}

/// The figures of one session (any status).
pub fn session_figures(state: &State, session: SessionId) -> Option<SessionFigures> {
    let part = &state.webinars;
    part.sessions.get(&session)?;
    let seat_holders: BTreeSet<PersonId> = part
        .registrations
        .get(&session)
        .into_iter()
        .flat_map(|m| m.values())
        .filter(|r| r.status == RegistrationStatus::Registered)
        .map(|r| r.person)
        .collect();
    let present = part.attendance.get(&session);
    let attended = present.map_or(0, |p| p.len());
    let attended_with_seat = present.map_or(0, |p| p.intersection(&seat_holders).count());
    let ratings: Vec<u8> = part
        .feedback
        .get(&session)
        .into_iter()
        .flat_map(|m| m.values().map(|f| f.rating))
        .collect();
    Some(SessionFigures {
        session,
        registered: count(seat_holders.len()),
        attended: count(attended),
        attendance_percent: (!seat_holders.is_empty())
            .then(|| count(attended_with_seat * 100 / seat_holders.len())),
        ratings: count(ratings.len()),
        average_rating: (!ratings.is_empty())
            .then(|| ratings.iter().map(|r| f64::from(*r)).sum::<f64>() / ratings.len() as f64),
    })
}

/// The figures of every session, by start time.
pub fn all_session_figures(state: &State) -> Vec<SessionFigures> {
    let mut sessions: Vec<&Session> = state.webinars.sessions.values().collect();
    crate::order::sort_by_key(&mut sessions, |s| (s.start, s.id));
    sessions
        .into_iter()
        .filter_map(|s| session_figures(state, s.id))
        .collect()
}

/// Mean rating over all feedback of sessions not cancelled.
pub fn average_feedback(state: &State) -> Option<f64> {
    let part = &state.webinars;
    let ratings: Vec<f64> = part
        .feedback
        .iter()
        .filter(|(id, _)| part.sessions.get(id).is_some_and(counted))
        .flat_map(|(_, m)| m.values().map(|f| f64::from(f.rating)))
        .collect();
    (!ratings.is_empty()).then(|| ratings.iter().sum::<f64>() / ratings.len() as f64)
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Duration, TimeZone, Utc};

    use super::*;
    use crate::testing::*;
    use crate::webinars::{Audience, Command as Web};
    use crate::{Actor, Command};

    const S1: SessionId = SessionId::from_u128(0x500);
    const S2: SessionId = SessionId::from_u128(0x501);

    fn utc(m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, m, d, h, 0, 0)
            .single()
            .expect("valid")
    }

    fn session(state: &mut State, id: SessionId, start: DateTime<Utc>, minutes: i64) {
        run(
            state,
            Actor::Person(SARA),
            Command::Webinars(Web::SaveSession {
                id,
                title: "Formazione".into(),
                description: String::new(),
                trainers: [SARA].into(),
                start,
                end: start + Duration::minutes(minutes),
                capacity: 10,
                join_link: "https://meet.example.it/x".into(),
                audience: Audience::Organisation,
                materials: vec![],
            }),
        );
    }

    fn at(state: &mut State, who: crate::ids::PersonId, command: Web, when: DateTime<Utc>) {
        let events = crate::apply(
            state,
            &Actor::Person(who),
            &Command::Webinars(command),
            when,
        )
        .expect("accepted");
        for e in &events {
            state.apply_event(e);
        }
    }

    fn mark(state: &mut State, session: SessionId, person: crate::ids::PersonId) {
        at(
            state,
            SARA,
            Web::MarkAttendance {
                session,
                person,
                present: true,
            },
            utc(12, 31, 12),
        );
    }

    /// S1: 30 Nov 2026 23:30 Rome (22:30 UTC), 90 minutes, counts in
    /// November. S2: 3 December, 60 minutes.
    fn state() -> State {
        let mut s = org();
        session(&mut s, S1, utc(11, 30, 22) + Duration::minutes(30), 90);
        session(&mut s, S2, utc(12, 3, 9), 60);
        for p in [GIULIA, LUCA, ANNA] {
            at(&mut s, p, Web::Register { session: S1 }, now());
        }
        at(&mut s, GIULIA, Web::Register { session: S2 }, now());
        mark(&mut s, S1, GIULIA);
        mark(&mut s, S1, LUCA);
        mark(&mut s, S1, MARCO);
        mark(&mut s, S2, GIULIA);
        for (who, rating) in [(GIULIA, 5), (LUCA, 4), (MARCO, 2)] {
            at(
                &mut s,
                who,
                Web::GiveFeedback {
                    session: S1,
                    rating,
                    comment: None,
                },
                utc(12, 31, 12),
            );
        }
        s
    }

    #[test]
    fn the_attendee_list_puts_seats_first_then_the_waitlist_then_walk_ins() {
        let s = state();
        let rows = attendees(&s, S1);
        let who: Vec<_> = rows
            .iter()
            .map(|r| (r.person, r.status, r.attended))
            .collect();
        use RegistrationStatus::*;
        assert_eq!(
            who,
            vec![
                (GIULIA, Some(Registered), true),
                (LUCA, Some(Registered), true),
                (ANNA, Some(Registered), false),
                (MARCO, None, true),
            ]
        );
        assert_eq!(rows[0].name, "Giulia Bianchi");
        assert_eq!(rows[0].team, "Tributi");
        assert_eq!(rows[0].rating, Some(5));
        assert!(attendees(&s, SessionId::from_u128(0x999)).is_empty());
    }

    #[test]
    fn hours_count_per_person_and_rome_month() {
        let rows = hours_by_person(&state());
        let giulia: Vec<_> = rows.iter().filter(|r| r.person == GIULIA).collect();
        assert_eq!(giulia.len(), 2);
        assert_eq!(
            (giulia[0].month.as_str(), giulia[0].minutes),
            ("2026-11", 90)
        );
        assert_eq!(
            (giulia[1].month.as_str(), giulia[1].minutes),
            ("2026-12", 60)
        );
        assert_eq!(rows.len(), 4);
    }

    #[test]
    fn hours_count_per_team_with_distinct_people() {
        let rows = hours_by_team(&state());
        assert_eq!(
            rows.iter()
                .find(|r| r.team == TRIBUTI && r.month == "2026-11"),
            Some(&TeamMonth {
                team: TRIBUTI,
                month: "2026-11".into(),
                people: 3,
                attendances: 3,
                minutes: 270,
            })
        );
        assert!(
            rows.iter().all(|r| r.team != SOCIALI),
            "Anna did not attend"
        );
    }

    #[test]
    fn attendance_rate_counts_seat_holders_and_feedback_averages() {
        let s = state();
        let f = session_figures(&s, S1).expect("exists");
        assert_eq!(f.registered, 3);
        assert_eq!(f.attended, 3, "Marco followed without a seat");
        assert_eq!(f.attendance_percent, Some(66));
        assert_eq!(f.ratings, 3);
        assert_eq!(f.average_rating, Some(11.0 / 3.0));
        assert_eq!(session_figures(&s, S2).and_then(|f| f.average_rating), None);
        assert_eq!(average_feedback(&s), Some(11.0 / 3.0));
        assert_eq!(all_session_figures(&s).len(), 2);
    }
}
