//! Monitoring (what the partnership reports, in the shape of the PIAO
//! section on agile work): per month, days away per person and team, the
//! share of staff working agile and the share of days worked agile per
//! team, office presence by weekday, and the commute avoided with its CO2.
//!
//! Plain data: the server and the app turn it into CSV and tables. It reads
//! the whole month, so it is for reports, never for `apply`. It covers one
//! organisation of the partnership (each administration reports its own):
//! computed on the full state it is that organisation's administrators'
//! report; on a lead's view it covers what the lead may see.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::rules::month_bounds;
use super::DayStatus;
use crate::calendar::{month_label, working_days_in_month, Holidays};
use crate::directory::WorkMode;
use crate::ids::{OrgId, PersonId, TeamId};
use crate::State;

/// Kilograms of CO2 emitted per kilometre by the average car on Italian
/// roads: 0.163 kg/km, ISPRA (Istituto Superiore per la Protezione e la
/// Ricerca Ambientale), average emission factor of the national passenger
/// car fleet, *Fattori di emissione dei trasporti stradali*. A day away
/// avoids the return commute: 2 × the declared one-way kilometres.
pub const KG_CO2_PER_CAR_KM: f64 = 0.163;

/// One person's approved days away in the month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PersonMonth {
    pub person: PersonId,
    pub team: Option<TeamId>,
    pub agile_days: u32,
    pub remote_days: u32,
    pub telework_days: u32,
    /// Working days of the month net of the person's absences.
    pub working_days: u32,
    /// Commute kilometres avoided (both ways).
    pub commute_km: u32,
    pub co2_kg: f64,
}

impl PersonMonth {
    /// All approved days away, whatever the mode.
    pub fn days_away(&self) -> u32 {
        self.agile_days + self.remote_days + self.telework_days
    }
}

/// One team's month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TeamMonth {
    pub team: TeamId,
    /// Active members.
    pub staff: u32,
    /// Members with at least one approved day away.
    pub staff_away: u32,
    /// `staff_away` over `staff`, in percent.
    pub staff_share_pct: f64,
    /// Person-days of work: each member's working days net of absences.
    pub person_days: u32,
    /// Approved days away: the sum of the three modes below.
    pub days_away: u32,
    pub agile_days: u32,
    pub remote_days: u32,
    pub telework_days: u32,
    /// `days_away` over `person_days`, in percent.
    pub days_share_pct: f64,
    pub commute_km: u32,
    pub co2_kg: f64,
}

/// Office presence on one weekday over the month, for the whole
/// organisation (people in a team).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WeekdayPresence {
    pub weekday: Weekday,
    /// Person-days expected (members × working days on that weekday).
    pub expected: u32,
    pub away: u32,
    pub absent: u32,
    pub in_office: u32,
    /// `in_office` over `expected`, in percent.
    pub in_office_pct: f64,
}

/// The monitoring report of one month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MonthReport {
    /// `"2026-11"`.
    pub month: String,
    pub working_days: u32,
    /// People with days away or in a team, by person.
    pub people: Vec<PersonMonth>,
    pub teams: Vec<TeamMonth>,
    /// Monday to Friday.
    pub weekdays: Vec<WeekdayPresence>,
    /// The sum of the three modes below.
    pub days_away: u32,
    pub agile_days: u32,
    pub remote_days: u32,
    pub telework_days: u32,
    pub commute_km: u32,
    pub co2_kg: f64,
}

/// `part` over `whole` in percent; 0 for an empty whole.
pub(crate) fn pct(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        f64::from(part) * 100.0 / f64::from(whole)
    }
}

fn co2(km: u32) -> f64 {
    f64::from(km) * KG_CO2_PER_CAR_KM
}

/// The report of `org` for the month that contains `day`.
pub fn monthly(state: &State, org: OrgId, day: NaiveDate) -> MonthReport {
    monthly_in(state, org, day, None)
}

/// The report of `org` for the month that contains `day`, limited to the
/// people of `teams` when given (a lead's report covers their teams only:
/// people outside them, and people in no team, are left out).
pub fn monthly_in(
    state: &State,
    org: OrgId,
    day: NaiveDate,
    teams: Option<&BTreeSet<TeamId>>,
) -> MonthReport {
    let (first, last) = month_bounds(day);
    let dir = &state.directory;
    let hol = Holidays {
        extra: dir
            .organisations
            .get(&org)
            .map_or(&[], |o| o.extra_holidays.as_slice()),
    };
    let in_org = |team: &TeamId| {
        dir.org_of_team(*team) == Some(org) && teams.is_none_or(|only| only.contains(team))
    };
    let in_scope =
        |team: Option<TeamId>| teams.is_none_or(|only| team.is_some_and(|t| only.contains(&t)));
    let working = working_days_in_month(day, hol);
    let working_days = u32::try_from(working.len()).unwrap_or(0);

    let mut people = Vec::new();
    for person in dir
        .people
        .values()
        .filter(|p| p.org == org && in_scope(p.team))
    {
        let days: Vec<_> = state
            .agile
            .days
            .get(&person.id)
            .into_iter()
            .flat_map(|d| d.range(first..=last).map(|(_, p)| p))
            .filter(|p| p.status == DayStatus::Approved)
            .collect();
        let in_team = person.active && person.team.is_some();
        if days.is_empty() && !in_team {
            continue;
        }
        let by = |mode| u32::try_from(days.iter().filter(|d| d.mode == mode).count()).unwrap_or(0);
        let away = u32::try_from(days.len()).unwrap_or(0);
        let prevalence = super::prevalence(state, person.id, day);
        let km = away * 2 * person.commute_km;
        people.push(PersonMonth {
            person: person.id,
            team: person.team,
            agile_days: by(WorkMode::Agile),
            remote_days: by(WorkMode::Remote),
            telework_days: by(WorkMode::Telework),
            working_days: prevalence.working_days
                - prevalence.absent_days.min(prevalence.working_days),
            commute_km: km,
            co2_kg: co2(km),
        });
    }

    let mut team_months = Vec::new();
    for team in dir.teams.values().filter(|t| in_org(&t.id)) {
        let members: Vec<&PersonMonth> = people
            .iter()
            .filter(|p| {
                p.team == Some(team.id)
                    && state
                        .directory
                        .people
                        .get(&p.person)
                        .is_some_and(|x| x.active)
            })
            .collect();
        let all: Vec<&PersonMonth> = people.iter().filter(|p| p.team == Some(team.id)).collect();
        let staff = u32::try_from(members.len()).unwrap_or(0);
        let staff_away =
            u32::try_from(members.iter().filter(|p| p.days_away() > 0).count()).unwrap_or(0);
        let person_days = members.iter().map(|p| p.working_days).sum();
        let days_away = all.iter().map(|p| p.days_away()).sum();
        let commute_km = all.iter().map(|p| p.commute_km).sum();
        team_months.push(TeamMonth {
            team: team.id,
            staff,
            staff_away,
            staff_share_pct: pct(staff_away, staff),
            person_days,
            days_away,
            agile_days: all.iter().map(|p| p.agile_days).sum(),
            remote_days: all.iter().map(|p| p.remote_days).sum(),
            telework_days: all.iter().map(|p| p.telework_days).sum(),
            days_share_pct: pct(days_away, person_days),
            commute_km,
            co2_kg: co2(commute_km),
        });
    }

    let staff: u32 = state
        .agile
        .members
        .iter()
        .filter(|(team, _)| in_org(team))
        .map(|(_, m)| u32::try_from(m.len()).unwrap_or(0))
        .sum();
    let mut by_weekday: BTreeMap<u32, WeekdayPresence> = BTreeMap::new();
    for date in &working {
        let (away, absent) = state
            .agile
            .team_days
            .iter()
            .filter(|(team, _)| in_org(team))
            .filter_map(|(_, d)| d.get(date))
            .fold((0, 0), |(a, b), c| (a + c.away, b + c.absent));
        let entry = by_weekday
            .entry(date.weekday().num_days_from_monday())
            .or_insert(WeekdayPresence {
                weekday: date.weekday(),
                expected: 0,
                away: 0,
                absent: 0,
                in_office: 0,
                in_office_pct: 0.0,
            });
        entry.expected += staff;
        entry.away += away;
        entry.absent += absent;
        entry.in_office += staff.saturating_sub(away + absent);
    }
    let weekdays = by_weekday
        .into_values()
        .map(|w| WeekdayPresence {
            in_office_pct: pct(w.in_office, w.expected),
            ..w
        })
        .collect();

    let days_away = people.iter().map(PersonMonth::days_away).sum();
    let commute_km = people.iter().map(|p| p.commute_km).sum();
    MonthReport {
        month: month_label(first),
        working_days,
        teams: team_months,
        weekdays,
        days_away,
        agile_days: people.iter().map(|p| p.agile_days).sum(),
        remote_days: people.iter().map(|p| p.remote_days).sum(),
        telework_days: people.iter().map(|p| p.telework_days).sum(),
        commute_km,
        co2_kg: co2(commute_km),
        people,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agile::{Command as Cmd, DaySelection, Decision};
    use crate::directory::Place;
    use crate::ids::RequestId;
    use crate::testing::*;
    use crate::{Actor, Command};

    #[test]
    fn days_away_shares_presence_and_co2_of_a_month() {
        let mut s = org();
        let request = |n, dates: Vec<NaiveDate>| {
            Command::Agile(Cmd::RequestDays {
                id: RequestId::from_u128(n),
                days: DaySelection::Dates { dates },
                mode: WorkMode::Agile,
                place: Place::Home,
                note: String::new(),
            })
        };
        let approve = |n| {
            Command::Agile(Cmd::DecideDays {
                request: RequestId::from_u128(n),
                dates: None,
                decision: Decision::Approve,
                note: String::new(),
                acknowledge_coverage: false,
            })
        };
        run(
            &mut s,
            Actor::Person(GIULIA),
            request(1, vec![date(2026, 12, 1), date(2026, 12, 3)]),
        );
        run(
            &mut s,
            Actor::Person(LUCA),
            request(2, vec![date(2026, 12, 1)]),
        );
        run(&mut s, Actor::Person(MARCO), approve(1));
        // Luca's day stays pending: it does not count.
        let r = monthly(&s, ORG, date(2026, 12, 15));
        assert_eq!(r.month, "2026-12");
        assert_eq!(r.working_days, 21);
        let giulia = r.people.iter().find(|p| p.person == GIULIA).unwrap();
        assert_eq!((giulia.agile_days, giulia.commute_km), (2, 48));
        assert!((giulia.co2_kg - 48.0 * 0.163).abs() < 1e-9);
        let tributi = r.teams.iter().find(|t| t.team == TRIBUTI).unwrap();
        assert_eq!(
            (tributi.staff, tributi.staff_away, tributi.days_away),
            (3, 1, 2)
        );
        assert_eq!(tributi.person_days, 63);
        assert!((tributi.staff_share_pct - 100.0 / 3.0).abs() < 1e-9);
        // Tuesdays of December 2026: 1, 15, 22, 29 (the 8th is a holiday);
        // five people in teams.
        let tuesday = r
            .weekdays
            .iter()
            .find(|w| w.weekday == Weekday::Tue)
            .unwrap();
        assert_eq!(
            (tuesday.expected, tuesday.away, tuesday.in_office),
            (20, 1, 19)
        );
        assert_eq!(r.weekdays.len(), 5);
        assert_eq!(r.days_away, 2);
    }

    #[test]
    fn each_organisation_of_a_partnership_reports_its_own_people_and_holidays() {
        let s = partnership();
        let day = date(2026, 12, 15);
        let first = monthly(&s, ORG, day);
        let second = monthly(&s, ORG2, day);
        // The second organisation's own holiday (9 December) is not a
        // working day for it only.
        assert_eq!((first.working_days, second.working_days), (21, 20));
        assert!(second
            .people
            .iter()
            .all(|p| [IRENE, OSCAR].contains(&p.person)));
        assert_eq!(second.teams.len(), 1);
        assert_eq!(second.teams[0].team, CULTURA);
        assert!(first
            .people
            .iter()
            .all(|p| ![IRENE, OSCAR].contains(&p.person)));
        assert!(first.teams.iter().all(|t| t.team != CULTURA));
    }
}
