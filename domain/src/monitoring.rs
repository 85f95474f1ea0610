//! The monthly monitoring table: what the partnership reports on agile work
//! (the shape of the PIAO section), one row per team, gathered from the
//! three areas' reports so the administration page and the CSV export show
//! the same figures.
//!
//! It covers one organisation of the partnership (each administration
//! reports its own, see [`crate::visibility::organisation_state`]),
//! computed on whatever state it is given: the full state for the
//! administrators, a visibility view for anyone else.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::agile::report::{monthly as agile_month, pct, WeekdayPresence};
use crate::calendar::month_label;
use crate::ids::{OrgId, TeamId};
use crate::objectives::{report::report as objectives_report, Period};
use crate::webinars::report::hours_by_team;
use crate::State;

/// One team's month, or the organisation's total.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// `None` on the total row.
    pub team: Option<TeamId>,
    /// The team's name (empty on the total row).
    pub name: String,
    /// Active members.
    pub staff: u32,
    /// Members with at least one approved day away.
    pub staff_away: u32,
    /// `staff_away` over `staff`, in percent.
    pub staff_share_pct: f64,
    /// Members' working days net of absences.
    pub person_days: u32,
    /// Approved days away (agile, remote, telework).
    pub days_away: u32,
    /// `days_away` over `person_days`, in percent.
    pub days_share_pct: f64,
    /// Commute kilometres avoided, both ways.
    pub commute_km: u32,
    /// CO2 avoided, kg (see [`crate::agile::report::KG_CO2_PER_CAR_KM`]).
    pub co2_kg: f64,
    /// Minutes of training attended by the members in the month.
    pub training_minutes: u32,
    /// Members who attended at least one session in the month.
    pub training_people: u32,
    /// Objectives whose period overlaps the month.
    pub objectives: u32,
    /// Of those, the ones closed as achieved.
    pub objectives_achieved: u32,
}

/// The monitoring of one month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Monitoring {
    /// `"2026-11"`.
    pub month: String,
    /// Working days of the month (weekends and holidays excluded).
    pub working_days: u32,
    /// One row per team, by name.
    pub teams: Vec<Row>,
    /// The whole organisation (people outside teams included in the
    /// objectives and commute figures, as in the areas' reports).
    pub total: Row,
    /// Office presence Monday to Friday.
    pub weekdays: Vec<WeekdayPresence>,
}

/// The monitoring of `org` for the month that contains `day`.
pub fn monthly(state: &State, org: OrgId, day: NaiveDate) -> Monitoring {
    let own = crate::visibility::organisation_state(state, org);
    let state = &own;
    let agile = agile_month(state, org, day);
    let label = month_label(day);
    let first = day.with_day(1).unwrap_or(day);
    let last = first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(day);
    let objectives = objectives_report(
        state,
        Period {
            from: first,
            until: last,
        },
    );
    let training: Vec<_> = hours_by_team(state)
        .into_iter()
        .filter(|t| t.month == label)
        .collect();

    let mut teams: Vec<Row> = agile
        .teams
        .iter()
        .map(|t| {
            let name = state
                .directory
                .teams
                .get(&t.team)
                .map(|x| x.name.clone())
                .unwrap_or_default();
            let trained = training.iter().find(|x| x.team == t.team);
            let goals = objectives
                .teams
                .iter()
                .find(|x| x.team == Some(t.team))
                .map(|x| &x.figures);
            Row {
                team: Some(t.team),
                name,
                staff: t.staff,
                staff_away: t.staff_away,
                staff_share_pct: t.staff_share_pct,
                person_days: t.person_days,
                days_away: t.days_away,
                days_share_pct: t.days_share_pct,
                commute_km: t.commute_km,
                co2_kg: t.co2_kg,
                training_minutes: trained.map_or(0, |x| x.minutes),
                training_people: trained.map_or(0, |x| x.people),
                objectives: goals.map_or(0, |g| g.objectives),
                objectives_achieved: goals.map_or(0, |g| g.by_status.achieved),
            }
        })
        .collect();
    teams.sort_by(|a, b| a.name.cmp(&b.name).then(a.team.cmp(&b.team)));

    let sum = |f: fn(&Row) -> u32| teams.iter().map(f).sum::<u32>();
    let (staff, staff_away, person_days) = (
        sum(|r| r.staff),
        sum(|r| r.staff_away),
        sum(|r| r.person_days),
    );
    let total = Row {
        team: None,
        name: String::new(),
        staff,
        staff_away,
        staff_share_pct: pct(staff_away, staff),
        person_days,
        days_away: agile.days_away,
        days_share_pct: pct(agile.days_away, person_days),
        commute_km: agile.commute_km,
        co2_kg: agile.co2_kg,
        training_minutes: sum(|r| r.training_minutes),
        training_people: sum(|r| r.training_people),
        objectives: objectives.total.objectives,
        objectives_achieved: objectives.total.by_status.achieved,
    };
    Monitoring {
        month: label,
        working_days: agile.working_days,
        teams,
        total,
        weekdays: agile.weekdays,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn one_row_per_team_and_a_total_that_adds_them_up() {
        let s = org();
        let m = monthly(&s, ORG, date(2026, 11, 24));
        assert_eq!(m.month, "2026-11");
        assert_eq!(m.teams.len(), s.directory.teams.len());
        let names: Vec<_> = m.teams.iter().map(|r| r.name.clone()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        assert_eq!(m.total.staff, m.teams.iter().map(|r| r.staff).sum::<u32>());
        assert_eq!(m.weekdays.len(), 5);
        assert!(m.total.team.is_none());
    }

    #[test]
    fn the_demo_month_has_days_away_and_their_co2() {
        let today = date(2026, 11, 24);
        let mut n = 0u128;
        let mut ids = || {
            n += 1;
            uuid::Uuid::from_u128(n)
        };
        let mut s = State::default();
        for (actor, command) in
            crate::demo::commands(crate::ids::OrgId::from_u128(7), today, &mut ids)
        {
            s.execute(&actor, &command, now()).expect("demo command");
        }
        let m = monthly(&s, crate::ids::OrgId::from_u128(7), today);
        assert!(m.total.days_away > 0, "{m:?}");
        assert!(m.total.commute_km > 0);
        let expected = f64::from(m.total.commute_km) * crate::agile::report::KG_CO2_PER_CAR_KM;
        assert!((m.total.co2_kg - expected).abs() < 1e-9);
        assert!(m.total.days_share_pct > 0.0 && m.total.days_share_pct <= 100.0);
    }

    #[test]
    fn each_administration_of_a_partnership_monitors_its_own_teams() {
        let s = partnership();
        let day = date(2026, 12, 15);
        let first = monthly(&s, ORG, day);
        let second = monthly(&s, ORG2, day);
        let teams = |m: &Monitoring| m.teams.iter().filter_map(|r| r.team).collect::<Vec<_>>();
        assert_eq!(teams(&second), vec![CULTURA]);
        assert!(!teams(&first).contains(&CULTURA));
        assert_eq!(second.total.staff, 2);
        assert_eq!((first.working_days, second.working_days), (21, 20));
        // Computed on the administrator's view, the figures are the same.
        let view = crate::visibility::view(&s, &crate::Actor::Person(ADMIN2));
        assert_eq!(monthly(&view, ORG2, day), second);
    }
}
