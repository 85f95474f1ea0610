//! Monitoring of work by objectives (the "objectives achieved" line of the
//! PIAO section on agile work): for a period, per team, how many objectives
//! are in each status and what share of the closed ones was achieved.
//!
//! Plain data for the app's tables and the CSV export. The report counts
//! what is in the state it is given: pass `visibility::view(state, actor)`
//! to limit it to what the actor may see (a lead, their teams).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::score::score;
use super::{Amount, Objective, Owner, Period, Status};
use crate::ids::TeamId;
use crate::State;

/// The objectives report for one period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    pub period: Period,
    /// One row per team of the organisation, by name, then one for
    /// objectives of people in no team when there are any.
    pub teams: Vec<TeamRow>,
    /// All rows together.
    pub total: Figures,
}

/// The figures of one team. An individual objective counts for its owner's
/// current team, a team objective for its team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TeamRow {
    /// `None` for people in no team.
    pub team: Option<TeamId>,
    /// The team's name (empty for people in no team).
    pub name: String,
    pub figures: Figures,
}

/// Counts and shares for a set of objectives.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Figures {
    /// Objectives whose period overlaps the report's.
    pub objectives: u32,
    pub by_status: StatusCounts,
    /// Closed objectives (achieved, partly or not).
    pub closed: u32,
    /// Achieved objectives as a percentage of the closed ones (3 decimals,
    /// rounded down); `None` when none is closed yet.
    pub achieved_share: Option<Amount>,
    /// Mean [`score`] of the closed objectives, in percent; `None` when
    /// none is closed yet.
    pub average_closed_score: Option<Amount>,
}

/// How many objectives are in each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusCounts {
    pub draft: u32,
    pub proposed: u32,
    pub agreed: u32,
    pub in_progress: u32,
    pub achieved: u32,
    pub partly_achieved: u32,
    pub not_achieved: u32,
}

impl StatusCounts {
    /// The count of `status`.
    pub fn get(&self, status: Status) -> u32 {
        match status {
            Status::Draft => self.draft,
            Status::Proposed => self.proposed,
            Status::Agreed => self.agreed,
            Status::InProgress => self.in_progress,
            Status::Achieved => self.achieved,
            Status::PartlyAchieved => self.partly_achieved,
            Status::NotAchieved => self.not_achieved,
        }
    }

    fn count(&mut self, status: Status) {
        let slot = match status {
            Status::Draft => &mut self.draft,
            Status::Proposed => &mut self.proposed,
            Status::Agreed => &mut self.agreed,
            Status::InProgress => &mut self.in_progress,
            Status::Achieved => &mut self.achieved,
            Status::PartlyAchieved => &mut self.partly_achieved,
            Status::NotAchieved => &mut self.not_achieved,
        };
        *slot += 1;
    }
}

/// Figures being counted, with the sum the mean score needs.
#[derive(Default)]
struct Tally {
    figures: Figures,
    /// Sum of closed scores, in thousandths of a percent.
    closed_score_sum: i64,
}

impl Tally {
    fn add(&mut self, objective: &Objective) {
        let f = &mut self.figures;
        f.objectives += 1;
        f.by_status.count(objective.status);
        if objective.status.is_closed() {
            f.closed += 1;
            self.closed_score_sum += score(objective).thousandths();
        }
    }

    fn merge(&mut self, other: &Tally) {
        let (f, o) = (&mut self.figures, &other.figures);
        f.objectives += o.objectives;
        for status in Status::ALL {
            for _ in 0..o.by_status.get(status) {
                f.by_status.count(status);
            }
        }
        f.closed += o.closed;
        self.closed_score_sum += other.closed_score_sum;
    }

    fn finish(&self) -> Figures {
        let mut f = self.figures.clone();
        let closed = i64::from(f.closed);
        if closed > 0 {
            let achieved = i64::from(f.by_status.achieved);
            f.achieved_share = Amount::from_thousandths(achieved * 100_000 / closed);
            f.average_closed_score = Amount::from_thousandths(self.closed_score_sum / closed);
        }
        f
    }
}

/// The report for the objectives whose period overlaps `period`.
pub fn report(state: &State, period: Period) -> Report {
    let dir = &state.directory;
    let mut rows: Vec<(Option<TeamId>, String, Tally)> = dir
        .teams
        .values()
        .map(|t| (Some(t.id), t.name.clone(), Tally::default()))
        .collect();
    crate::order::sort_by(&mut rows, |a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    let mut no_team = Tally::default();
    for objective in state
        .objectives
        .objectives
        .values()
        .filter(|o| o.period.overlaps(&period))
    {
        let team = match objective.owner {
            Owner::Team(team) => Some(team),
            Owner::Person(person) => dir.people.get(&person).and_then(|p| p.team),
        };
        match rows.iter_mut().find(|row| row.0.is_some() && row.0 == team) {
            Some(row) => row.2.add(objective),
            None => no_team.add(objective),
        }
    }
    if no_team.figures.objectives > 0 {
        rows.push((None, String::new(), no_team));
    }
    let mut total = Tally::default();
    for row in &rows {
        total.merge(&row.2);
    }
    Report {
        period,
        teams: rows
            .into_iter()
            .map(|(team, name, tally)| TeamRow {
                team,
                name,
                figures: tally.finish(),
            })
            .collect(),
        total: total.finish(),
    }
}

/// The report for a calendar year.
pub fn yearly(state: &State, year: i32) -> Option<Report> {
    let from = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let until = NaiveDate::from_ymd_opt(year, 12, 31)?;
    Some(report(state, Period { from, until }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{KeyResultId, ObjectiveId};
    use crate::objectives::{Command as Obj, KeyResultSpec, Outcome};
    use crate::testing::*;
    use crate::{Actor, Command};

    fn objective(
        s: &mut State,
        n: u128,
        owner: Owner,
        period: Period,
        steps: &[(crate::ids::PersonId, Obj)],
    ) {
        let id = ObjectiveId::from_u128(0x700 + n);
        let kr = KeyResultId::from_u128(0x800 + n);
        let author = match owner {
            Owner::Person(p) => p,
            Owner::Team(_) => LUCA,
        };
        let save = Obj::SaveObjective {
            id,
            owner,
            period,
            title: format!("Obiettivo {n}"),
            description: String::new(),
            weight: 10,
            key_results: vec![KeyResultSpec {
                id: kr,
                indicator: "pratiche".into(),
                unit: String::new(),
                baseline: Amount::ZERO,
                target: Amount::from_units(100).expect("amount"),
                weight: 1,
            }],
        };
        run(s, Actor::Person(author), Command::Objectives(save));
        for (actor, step) in steps {
            let step = match step.clone() {
                Obj::Propose { .. } => Obj::Propose { objective: id },
                Obj::Agree { .. } => Obj::Agree { objective: id },
                Obj::Start { .. } => Obj::Start { objective: id },
                Obj::RecordProgress { value, .. } => Obj::RecordProgress {
                    objective: id,
                    key_result: kr,
                    value,
                    note: String::new(),
                },
                Obj::Close { outcome, .. } => Obj::Close {
                    objective: id,
                    outcome,
                },
                other => other,
            };
            run(s, Actor::Person(*actor), Command::Objectives(step));
        }
    }

    fn lifecycle(
        owner_side: crate::ids::PersonId,
        lead: crate::ids::PersonId,
        value: i64,
        outcome: Option<Outcome>,
    ) -> Vec<(crate::ids::PersonId, Obj)> {
        let any = ObjectiveId::from_u128(0);
        let mut steps = vec![
            (owner_side, Obj::Propose { objective: any }),
            (lead, Obj::Agree { objective: any }),
            (owner_side, Obj::Start { objective: any }),
            (
                owner_side,
                Obj::RecordProgress {
                    objective: any,
                    key_result: KeyResultId::from_u128(0),
                    value: Amount::from_units(value).expect("amount"),
                    note: String::new(),
                },
            ),
        ];
        if let Some(outcome) = outcome {
            steps.push((
                lead,
                Obj::Close {
                    objective: any,
                    outcome,
                },
            ));
        }
        steps
    }

    fn year() -> Period {
        Period {
            from: date(2026, 1, 1),
            until: date(2026, 12, 31),
        }
    }

    #[test]
    fn counts_per_team_and_status_with_the_achieved_share() {
        let mut s = org();
        objective(
            &mut s,
            1,
            Owner::Person(GIULIA),
            year(),
            &lifecycle(GIULIA, MARCO, 100, Some(Outcome::Achieved)),
        );
        objective(
            &mut s,
            2,
            Owner::Person(LUCA),
            year(),
            &lifecycle(LUCA, MARCO, 50, Some(Outcome::PartlyAchieved)),
        );
        objective(
            &mut s,
            3,
            Owner::Team(TRIBUTI),
            year(),
            &lifecycle(LUCA, MARCO, 20, Some(Outcome::NotAchieved)),
        );
        objective(&mut s, 4, Owner::Person(GIULIA), year(), &[]);
        objective(
            &mut s,
            5,
            Owner::Person(ANNA),
            year(),
            &lifecycle(ANNA, PAOLO, 10, None),
        );
        objective(&mut s, 6, Owner::Person(SARA), year(), &[]);
        let last_year = Period {
            from: date(2025, 1, 1),
            until: date(2025, 12, 31),
        };
        objective(&mut s, 7, Owner::Person(GIULIA), last_year, &[]);

        let r = report(&s, year());
        let names: Vec<_> = r.teams.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, vec!["Servizi sociali", "Tributi", ""]);
        let tributi = &r.teams[1].figures;
        assert_eq!(tributi.objectives, 4);
        assert_eq!(
            tributi.by_status,
            StatusCounts {
                draft: 1,
                achieved: 1,
                partly_achieved: 1,
                not_achieved: 1,
                ..StatusCounts::default()
            }
        );
        assert_eq!(tributi.closed, 3);
        assert_eq!(
            tributi.achieved_share.map(|a| a.to_string()),
            Some("33.333".into())
        );
        assert_eq!(
            tributi.average_closed_score.map(|a| a.to_string()),
            Some("56.666".into()),
            "(100 + 50 + 20) / 3"
        );
        let sociali = &r.teams[0].figures;
        assert_eq!(sociali.by_status.in_progress, 1);
        assert_eq!(sociali.achieved_share, None, "nothing closed yet");
        assert_eq!(r.teams[2].team, None);
        assert_eq!(r.teams[2].figures.by_status.draft, 1, "Sara is in no team");
        assert_eq!(r.total.objectives, 6, "last year's objective is left out");
        assert_eq!(r.total.closed, 3);
        assert_eq!(r.total.achieved_share, tributi.achieved_share);
        assert_eq!(yearly(&s, 2025).expect("year").total.objectives, 1);
        let json = serde_json::to_string(&r).expect("serialises");
        assert_eq!(serde_json::from_str::<Report>(&json).expect("parses"), r);
    }

    #[test]
    fn an_empty_organisation_reports_its_teams_with_zeroes() {
        let r = report(&org(), year());
        assert_eq!(r.teams.len(), 2);
        assert_eq!(r.total, Figures::default());
        let json = serde_json::to_value(&r.teams[1]).expect("serialises");
        assert_eq!(json["figures"]["by_status"]["in_progress"], 0);
        assert_eq!(json["figures"]["achieved_share"], serde_json::Value::Null);
    }
}
