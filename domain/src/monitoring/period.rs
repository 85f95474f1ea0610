//! The figures of any stretch of whole months — one month, a year, a
//! custom range — for the part of an organisation a [`Scope`] allows, with
//! the same stretch just before it for the change.
//!
//! Figures that count days, kilometres or minutes add up: a year's are the
//! sum of its months'. Figures that count people (staff away, people
//! trained) count each person once over the whole stretch, and objectives
//! count each objective whose period overlaps it once; those are not sums.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Months, Row, Scope};
use crate::agile::report::{monthly_in as agile_month, pct, WeekdayPresence, KG_CO2_PER_CAR_KM};
use crate::calendar::month_label;
use crate::ids::{OrgId, PersonId, TeamId};
use crate::objectives::{report::report as objectives_report, Period};
use crate::webinars::report::hours_by_person;
use crate::State;

/// One month's total, for the series a chart draws.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MonthTotal {
    /// `"2026-11"`.
    pub month: String,
    pub working_days: u32,
    pub total: Row,
}

/// The figures of a stretch of months.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PeriodReport {
    /// `"2026"`, `"2026-11"` or `"2026-01..2026-06"` (see [`Months::label`]).
    pub period: String,
    pub months: Months,
    /// Working days in the stretch (weekends and holidays excluded).
    pub working_days: u32,
    /// Each month's total, oldest first.
    pub by_month: Vec<MonthTotal>,
    /// One row per team in scope, by name.
    pub teams: Vec<Row>,
    /// Everything in scope.
    pub total: Row,
    /// Office presence Monday to Friday, over the whole stretch.
    pub weekdays: Vec<WeekdayPresence>,
    /// The total of the stretch of the same length just before, if it is
    /// within the calendar's range.
    pub previous: Option<Row>,
}

/// The report of `org` over `months`, limited to `scope`.
pub fn report(state: &State, org: OrgId, months: Months, scope: &Scope) -> PeriodReport {
    let own = crate::visibility::organisation_state(state, org);
    let mut report = gather(&own, org, months, scope);
    report.previous = months
        .previous()
        .map(|before| gather(&own, org, before, scope).total);
    report
}

/// A team's figures while months are added up, with the people behind the
/// counts of people (kept here, never reported).
#[derive(Default)]
struct TeamTally {
    row: Row,
    away: BTreeSet<PersonId>,
    trained: BTreeSet<PersonId>,
}

pub(super) fn gather(state: &State, org: OrgId, months: Months, scope: &Scope) -> PeriodReport {
    let dir = &state.directory;
    let whole = Period {
        from: months.first,
        until: months.last_day(),
    };
    let training = hours_by_person(state);

    let mut tallies: BTreeMap<TeamId, TeamTally> = BTreeMap::new();
    let mut total = Row::default();
    let mut weekdays: BTreeMap<u32, WeekdayPresence> = BTreeMap::new();
    let mut by_month = Vec::new();
    let mut working_days = 0;
    for start in months.starts() {
        let agile = agile_month(state, org, start, scope.teams());
        working_days += agile.working_days;
        let label = month_label(start);
        let mut month_total = Row {
            days_away: agile.days_away,
            agile_days: agile.agile_days,
            remote_days: agile.remote_days,
            telework_days: agile.telework_days,
            commute_km: agile.commute_km,
            ..Row::default()
        };
        for team in &agile.teams {
            let tally = tallies.entry(team.team).or_default();
            let row = &mut tally.row;
            row.staff = row.staff.max(team.staff);
            row.person_days += team.person_days;
            row.days_away += team.days_away;
            row.agile_days += team.agile_days;
            row.remote_days += team.remote_days;
            row.telework_days += team.telework_days;
            row.commute_km += team.commute_km;
            month_total.staff += team.staff;
            month_total.staff_away += team.staff_away;
            month_total.person_days += team.person_days;
        }
        for person in &agile.people {
            let active = dir.people.get(&person.person).is_some_and(|p| p.active);
            if let (Some(team), true) = (person.team, active && person.days_away() > 0) {
                if let Some(tally) = tallies.get_mut(&team) {
                    tally.away.insert(person.person);
                }
            }
        }
        let mut month_trained = BTreeSet::new();
        for attended in training.iter().filter(|t| t.month == label) {
            let Some(team) = dir
                .people
                .get(&attended.person)
                .filter(|p| p.org == org)
                .and_then(|p| p.team)
                .filter(|t| scope.covers(Some(*t)))
            else {
                continue;
            };
            let tally = tallies.entry(team).or_default();
            tally.row.training_minutes =
                tally.row.training_minutes.saturating_add(attended.minutes);
            tally.trained.insert(attended.person);
            month_trained.insert(attended.person);
            month_total.training_minutes = month_total
                .training_minutes
                .saturating_add(attended.minutes);
        }
        month_total.training_people = count(month_trained.len());
        let month_goals = objectives_report(
            state,
            Period {
                from: start,
                until: Months::of(start).last_day(),
            },
        );
        let (goals, achieved) = objectives_in(&month_goals, scope);
        month_total.objectives = goals;
        month_total.objectives_achieved = achieved;
        total.days_away += month_total.days_away;
        total.agile_days += month_total.agile_days;
        total.remote_days += month_total.remote_days;
        total.telework_days += month_total.telework_days;
        total.commute_km += month_total.commute_km;
        total.training_minutes = total
            .training_minutes
            .saturating_add(month_total.training_minutes);
        for day in agile.weekdays {
            let entry = weekdays
                .entry(day.weekday.num_days_from_monday())
                .or_insert(WeekdayPresence {
                    weekday: day.weekday,
                    expected: 0,
                    away: 0,
                    absent: 0,
                    in_office: 0,
                    in_office_pct: 0.0,
                });
            entry.expected += day.expected;
            entry.away += day.away;
            entry.absent += day.absent;
            entry.in_office += day.in_office;
        }
        by_month.push(MonthTotal {
            month: label,
            working_days: agile.working_days,
            total: finish(month_total),
        });
    }

    let goals = objectives_report(state, whole);
    let agreed = with_agreement(state, org, whole);
    let mut teams: Vec<Row> = tallies
        .into_iter()
        .filter(|(team, _)| dir.org_of_team(*team) == Some(org) && scope.covers(Some(*team)))
        .map(|(team, tally)| {
            let figures = goals
                .teams
                .iter()
                .find(|x| x.team == Some(team))
                .map(|x| &x.figures);
            finish(Row {
                team: Some(team),
                name: dir
                    .teams
                    .get(&team)
                    .map(|t| t.name.clone())
                    .unwrap_or_default(),
                staff_away: count(tally.away.len()),
                with_agreement: agreed.get(&team).copied().unwrap_or(0),
                training_people: count(tally.trained.len()),
                objectives: figures.map_or(0, |g| g.objectives),
                objectives_achieved: figures.map_or(0, |g| g.by_status.achieved),
                ..tally.row
            })
        })
        .collect();
    crate::order::sort_by(&mut teams, |a, b| {
        a.name.cmp(&b.name).then(a.team.cmp(&b.team))
    });

    total.staff = teams.iter().map(|r| r.staff).sum();
    total.staff_away = teams.iter().map(|r| r.staff_away).sum();
    total.with_agreement = teams.iter().map(|r| r.with_agreement).sum();
    total.person_days = teams.iter().map(|r| r.person_days).sum();
    total.training_people = teams.iter().map(|r| r.training_people).sum();
    let (objectives, achieved) = objectives_in(&goals, scope);
    total.objectives = objectives;
    total.objectives_achieved = achieved;

    PeriodReport {
        period: months.label(),
        months,
        working_days,
        by_month,
        teams,
        total: finish(total),
        weekdays: weekdays
            .into_values()
            .map(|w| WeekdayPresence {
                in_office_pct: pct(w.in_office, w.expected),
                ..w
            })
            .collect(),
        previous: None,
    }
}

/// Per team of `org`, its active members with an agreement in force on at
/// least one day of `period`.
fn with_agreement(state: &State, org: OrgId, period: Period) -> BTreeMap<TeamId, u32> {
    let dir = &state.directory;
    let people: BTreeSet<PersonId> = dir
        .agreements
        .values()
        .filter(|a| {
            a.valid_from <= period.until
                && a.valid_until.is_none_or(|u| u >= period.from)
                && a.withdrawn_from
                    .is_none_or(|w| w > period.from && w > a.valid_from)
        })
        .map(|a| a.person)
        .collect();
    let mut teams = BTreeMap::new();
    for person in people {
        if let Some(team) = dir
            .people
            .get(&person)
            .filter(|p| p.active && p.org == org)
            .and_then(|p| p.team)
        {
            *teams.entry(team).or_insert(0) += 1;
        }
    }
    teams
}

/// Objectives and achieved ones in scope: the whole organisation's (people
/// in no team included) or the sum of the scope's teams.
fn objectives_in(report: &crate::objectives::report::Report, scope: &Scope) -> (u32, u32) {
    match scope {
        Scope::Organisation => (report.total.objectives, report.total.by_status.achieved),
        Scope::Teams(_) => report
            .teams
            .iter()
            .filter(|row| row.team.is_some() && scope.covers(row.team))
            .fold((0, 0), |(n, a), row| {
                (
                    n + row.figures.objectives,
                    a + row.figures.by_status.achieved,
                )
            }),
    }
}

/// Fills in what follows from the counts: shares and CO2.
fn finish(row: Row) -> Row {
    Row {
        staff_share_pct: pct(row.staff_away, row.staff),
        agreement_share_pct: pct(row.with_agreement, row.staff),
        days_share_pct: pct(row.days_away, row.person_days),
        co2_kg: f64::from(row.commute_km) * KG_CO2_PER_CAR_KM,
        ..row
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The day a label such as `"2026-11"` starts, for callers that hold one.
pub fn month_start(label: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{label}-01"), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::OrgId;
    use crate::monitoring::{monthly, partnership};
    use crate::testing::*;
    use crate::Actor;

    /// Far from the small ids the demo's commands are given.
    const DEMO: OrgId = OrgId::from_u128(1 << 100);

    /// The demo organisation, with plans, absences, training and objectives
    /// spread over the months around `today`.
    fn demo(today: NaiveDate) -> State {
        let mut n = 0u128;
        let mut ids = || {
            n += 1;
            uuid::Uuid::from_u128(n)
        };
        let mut s = State::default();
        for (actor, command) in crate::demo::commands(DEMO, today, &mut ids) {
            s.execute(&actor, &command, now()).expect("demo command");
        }
        s
    }

    fn rows(report: &PeriodReport) -> Vec<&Row> {
        let mut all: Vec<&Row> = report.teams.iter().collect();
        all.push(&report.total);
        all.extend(report.by_month.iter().map(|m| &m.total));
        all.extend(report.previous.iter());
        all
    }

    #[test]
    fn a_year_adds_up_its_months() {
        let s = demo(date(2026, 11, 24));
        let year = report(&s, DEMO, Months::year(2026).unwrap(), &Scope::Organisation);
        assert_eq!(year.period, "2026");
        assert_eq!(year.by_month.len(), 12);
        assert!(year.total.days_away > 0, "{year:?}");
        let sum = |f: fn(&Row) -> u32| year.by_month.iter().map(|m| f(&m.total)).sum::<u32>();
        assert_eq!(year.total.days_away, sum(|r| r.days_away));
        assert_eq!(year.total.agile_days, sum(|r| r.agile_days));
        assert_eq!(year.total.remote_days, sum(|r| r.remote_days));
        assert_eq!(year.total.telework_days, sum(|r| r.telework_days));
        assert_eq!(year.total.commute_km, sum(|r| r.commute_km));
        assert_eq!(year.total.person_days, sum(|r| r.person_days));
        assert_eq!(year.total.training_minutes, sum(|r| r.training_minutes));
        assert_eq!(
            year.working_days,
            year.by_month.iter().map(|m| m.working_days).sum::<u32>()
        );
        // Each month of the year is that month's own table.
        for (start, month) in year.months.starts().zip(&year.by_month) {
            let table = monthly(&s, DEMO, start);
            assert_eq!(month.month, table.month);
            assert_eq!(month.total.days_away, table.total.days_away);
            assert_eq!(month.total.commute_km, table.total.commute_km);
            assert_eq!(month.total.staff_away, table.total.staff_away);
            assert_eq!(month.total.training_people, table.total.training_people);
            assert_eq!(month.total.objectives, table.total.objectives);
        }
        // People are counted once over the year, never more than the staff.
        for row in &year.teams {
            assert!(row.staff_away <= row.staff, "{row:?}");
            assert!(row.with_agreement <= row.staff, "{row:?}");
        }
        assert!(year.total.with_agreement > 0, "{:?}", year.total);
        assert_eq!(
            year.total.with_agreement,
            year.teams.iter().map(|r| r.with_agreement).sum::<u32>()
        );
        assert_eq!(year.previous.as_ref().map(|r| r.days_away), Some(0));
    }

    #[test]
    fn modes_add_up_to_the_days_away_everywhere() {
        let s = demo(date(2026, 11, 24));
        let months = Months::between(date(2026, 9, 1), date(2027, 1, 31)).unwrap();
        let r = report(&s, DEMO, months, &Scope::Organisation);
        for row in rows(&r) {
            assert_eq!(
                row.days_away,
                row.agile_days + row.remote_days + row.telework_days,
                "{row:?}"
            );
        }
        let month = monthly(&s, DEMO, date(2026, 11, 24));
        for row in month.teams.iter().chain([&month.total]) {
            assert_eq!(
                row.days_away,
                row.agile_days + row.remote_days + row.telework_days
            );
        }
        let all = partnership::report(&s, months);
        assert_eq!(
            all.total.days_away,
            all.total.agile_days + all.total.remote_days + all.total.telework_days
        );
    }

    #[test]
    fn a_lead_sees_their_own_teams_only() {
        let s = org();
        assert_eq!(
            Scope::of(&s, &Actor::Person(MARCO), ORG),
            Some(Scope::Teams([TRIBUTI].into()))
        );
        assert_eq!(
            Scope::of(&s, &Actor::Person(ADMIN), ORG),
            Some(Scope::Organisation)
        );
        assert_eq!(Scope::of(&s, &Actor::Person(GIULIA), ORG), None);
        // Another organisation's administrator sees nothing of this one.
        let p = partnership();
        assert_eq!(Scope::of(&p, &Actor::Person(ADMIN2), ORG), None);
        assert_eq!(Scope::of(&p, &Actor::Person(OSCAR), ORG), None);

        let s = demo(date(2026, 11, 24));
        let (team, lead) = s
            .directory
            .teams
            .values()
            .filter(|t| t.org == DEMO)
            .find_map(|t| t.leads.iter().next().map(|l| (t.id, *l)))
            .expect("a team with a lead");
        let scope = Scope::of(&s, &Actor::Person(lead), DEMO).expect("a lead's scope");
        let led = scope.teams().expect("teams").clone();
        assert!(led.contains(&team));
        let months = Months::year(2026).unwrap();
        let theirs = report(&s, DEMO, months, &scope);
        let everything = report(&s, DEMO, months, &Scope::Organisation);
        assert!(theirs
            .teams
            .iter()
            .all(|r| r.team.is_some_and(|t| led.contains(&t))));
        assert_eq!(theirs.teams.len(), led.len());
        assert!(everything.teams.len() > theirs.teams.len());
        assert_eq!(
            theirs.total.days_away,
            theirs.teams.iter().map(|r| r.days_away).sum::<u32>()
        );
        assert_eq!(
            theirs.total.staff,
            theirs.teams.iter().map(|r| r.staff).sum::<u32>()
        );
        assert_eq!(
            theirs.total.with_agreement,
            theirs.teams.iter().map(|r| r.with_agreement).sum::<u32>()
        );
        for row in &theirs.teams {
            let same = everything
                .teams
                .iter()
                .find(|r| r.team == row.team)
                .unwrap();
            assert_eq!(
                row, same,
                "a team's figures do not depend on who reads them"
            );
        }
    }

    #[test]
    fn no_report_names_a_person() {
        let s = demo(date(2026, 11, 24));
        let months = Months::year(2026).unwrap();
        let texts = [
            serde_json::to_string(&report(&s, DEMO, months, &Scope::Organisation)).unwrap(),
            serde_json::to_string(&partnership::report(&s, months)).unwrap(),
            serde_json::to_string(&monthly(&s, DEMO, date(2026, 11, 24))).unwrap(),
        ];
        assert!(s.directory.people.len() > 5);
        for person in s.directory.people.values() {
            for text in &texts {
                assert!(!text.contains(&person.id.to_string()), "{}", person.name);
                assert!(!text.contains(&person.name), "{}", person.name);
            }
        }
    }

    #[test]
    fn the_partnership_total_is_its_members_sum() {
        let s = partnership();
        let months = Months::of(date(2026, 12, 15));
        let all = partnership::report(&s, months);
        assert_eq!(all.members.len(), 2);
        assert_eq!(
            all.total.staff,
            all.members.iter().map(|m| m.total.staff).sum::<u32>()
        );
        let second = all.members.iter().find(|m| m.org == ORG2).unwrap();
        assert_eq!(second.total, monthly(&s, ORG2, date(2026, 12, 15)).total);
    }
}
