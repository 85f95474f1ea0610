//! Monitoring: what an administration reports on agile work (the shape of
//! the PIAO section), one row per team and a total, gathered from the three
//! areas' reports so the administration page, the charts and the CSV files
//! show the same figures.
//!
//! - [`monthly`]: one month of one organisation, as the monthly table shows it;
//! - [`period::report`]: any stretch of whole [`Months`] (a year, a range) for
//!   the part a [`Scope`] allows (a lead's teams), with the change from the
//!   stretch before;
//! - [`partnership::report`]: every organisation side by side and their total.
//!
//! Every figure counts days, kilometres, minutes, people or objectives of a
//! team or more: nothing in a report is about one person.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::agile::report::WeekdayPresence;
use crate::ids::{OrgId, TeamId};
use crate::State;

mod months;
pub mod partnership;
pub mod period;
mod scope;

pub use months::{Months, MAX_MONTHS};
pub use period::{MonthTotal, PeriodReport};
pub use scope::Scope;

/// One team's figures, or the total of everything in scope.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Row {
    /// `None` on the total row.
    pub team: Option<TeamId>,
    /// The team's name (empty on the total row).
    pub name: String,
    /// Active members.
    pub staff: u32,
    /// Active members with an individual agreement in force on at least one
    /// day of the period (the PIAO's "people with an agreement").
    #[serde(default)]
    pub with_agreement: u32,
    /// `with_agreement` over `staff`, in percent.
    #[serde(default)]
    pub agreement_share_pct: f64,
    /// Members with at least one approved day away (each counted once over
    /// the whole period).
    pub staff_away: u32,
    /// `staff_away` over `staff`, in percent.
    pub staff_share_pct: f64,
    /// Members' working days net of absences.
    pub person_days: u32,
    /// Approved days away: the sum of the three modes below.
    pub days_away: u32,
    /// Of those, *lavoro agile* days.
    #[serde(default)]
    pub agile_days: u32,
    /// *Lavoro da remoto* days (fixed place and hours).
    #[serde(default)]
    pub remote_days: u32,
    /// Days at a telecentre or coworking.
    #[serde(default)]
    pub telework_days: u32,
    /// `days_away` over `person_days`, in percent.
    pub days_share_pct: f64,
    /// Commute kilometres avoided, both ways.
    pub commute_km: u32,
    /// CO2 avoided, kg (see [`crate::agile::report::KG_CO2_PER_CAR_KM`]).
    pub co2_kg: f64,
    /// Minutes of training attended by the members.
    pub training_minutes: u32,
    /// Members who attended at least one session.
    pub training_people: u32,
    /// Objectives whose period overlaps the report's.
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
    /// objectives, days away and commute figures, as in the areas' reports).
    pub total: Row,
    /// Office presence Monday to Friday.
    pub weekdays: Vec<WeekdayPresence>,
}

/// The monitoring of `org` for the month that contains `day`.
pub fn monthly(state: &State, org: OrgId, day: NaiveDate) -> Monitoring {
    let own = crate::visibility::organisation_state(state, org);
    let report = period::gather(&own, org, Months::of(day), &Scope::Organisation);
    Monitoring {
        month: report.period,
        working_days: report.working_days,
        teams: report.teams,
        total: report.total,
        weekdays: report.weekdays,
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
        crate::order::sort(&mut sorted);
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
