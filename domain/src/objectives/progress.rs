//! Progress over time: an objective's curve rebuilt from its progress
//! updates, and a team's progress over a period for the lead's overview.
//!
//! Every update is kept on the objective ([`Objective::updates`], oldest
//! first, with its time and value), so the curve needs nothing stored
//! beyond it: replaying the updates onto the key results at their baseline
//! gives the value of each key result, and the [`score`], after each one.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::score::{key_result_progress, overall_score, score};
use super::{Amount, Objective, Owner, Period, Status};
use crate::calendar::rome_date;
use crate::ids::{KeyResultId, TeamId};
use crate::State;

/// One point of an objective's curve: how things stood right after a
/// moment of its life.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurvePoint {
    pub at: DateTime<Utc>,
    /// The key result whose update made this point (`None` for the start).
    pub updated: Option<KeyResultId>,
    /// The objective's weighted score then, 0–100 %.
    pub score: Amount,
    /// Each key result's value then, in the objective's key-result order.
    pub values: Vec<Amount>,
    /// Each key result's progress then, 0–100 %, in the same order.
    pub progress: Vec<Amount>,
}

/// The objective's progress curve: a first point with every key result at
/// its baseline — when work started (the status change to in progress), or
/// at the first update if that is not recorded — then one point after each
/// progress update, in the order they were recorded. Empty for an
/// objective that never started and has no updates. Updates naming a key
/// result the objective no longer has are left out.
pub fn curve(objective: &Objective) -> Vec<CurvePoint> {
    let started = objective
        .history
        .iter()
        .find(|c| c.status == Status::InProgress)
        .map(|c| c.at);
    let Some(start) = started.or_else(|| objective.updates.first().map(|u| u.at)) else {
        return Vec::new();
    };
    let mut replay = objective.clone();
    for kr in &mut replay.key_results {
        kr.current = kr.baseline;
    }
    let mut points = vec![point(&replay, start, None)];
    for update in &objective.updates {
        let Some(kr) = replay
            .key_results
            .iter_mut()
            .find(|kr| kr.id == update.key_result)
        else {
            continue;
        };
        kr.current = update.value;
        points.push(point(&replay, update.at, Some(update.key_result)));
    }
    points
}

fn point(objective: &Objective, at: DateTime<Utc>, updated: Option<KeyResultId>) -> CurvePoint {
    CurvePoint {
        at,
        updated,
        score: score(objective),
        values: objective.key_results.iter().map(|kr| kr.current).collect(),
        progress: objective
            .key_results
            .iter()
            .map(key_result_progress)
            .collect(),
    }
}

/// A team's progress over a period, as the lead's overview shows it in one
/// line: the objectives its people and the team committed to, their
/// weighted score now, and how many progress updates were recorded within
/// the period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamProgress {
    /// Objectives agreed, in progress or closed whose period overlaps the
    /// period (drafts and proposals are not commitments yet).
    pub objectives: u32,
    /// Of those, the ones closed as achieved.
    pub achieved: u32,
    /// Their weighted score ([`overall_score`]); `None` without objectives.
    pub score: Option<Amount>,
    /// Progress updates recorded on them on a day (Rome time) of the period.
    pub updates: u32,
    /// The day of the latest of those updates.
    pub last_update: Option<NaiveDate>,
}

/// The progress of `team` over `period`: the individual objectives of its
/// current members and the team's own. Counts what is in `state` (pass the
/// lead's view).
pub fn team_progress(state: &State, team: TeamId, period: Period) -> TeamProgress {
    let committed: Vec<&Objective> = state
        .objectives
        .objectives
        .values()
        .filter(|o| match o.owner {
            Owner::Team(t) => t == team,
            Owner::Person(p) => state
                .directory
                .people
                .get(&p)
                .is_some_and(|p| p.team == Some(team)),
        })
        .filter(|o| o.period.overlaps(&period))
        .filter(|o| !matches!(o.status, Status::Draft | Status::Proposed))
        .collect();
    let days: Vec<NaiveDate> = committed
        .iter()
        .flat_map(|o| o.updates.iter().map(|u| rome_date(u.at)))
        .filter(|d| period.from <= *d && *d <= period.until)
        .collect();
    TeamProgress {
        objectives: count(committed.len()),
        achieved: count(
            committed
                .iter()
                .filter(|o| o.status == Status::Achieved)
                .count(),
        ),
        score: overall_score(committed.iter().copied()),
        updates: count(days.len()),
        last_update: days.into_iter().max(),
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::ids::PersonId;
    use crate::objectives::tests::{giulia_at, O1};
    use crate::objectives::{Command as Obj, Status};
    use crate::testing::*;
    use crate::{Actor, Command};

    fn record(state: &mut State, who: PersonId, kr: usize, value: &str, at: DateTime<Utc>) {
        let key_result = state.objectives.objectives[&O1].key_results[kr].id;
        let command = Command::Objectives(Obj::RecordProgress {
            objective: O1,
            key_result,
            value: Amount::parse(value).expect("amount"),
            note: String::new(),
        });
        let events = crate::apply(state, &Actor::Person(who), &command, at).expect("accepted");
        for e in &events {
            state.apply_event(e);
        }
    }

    fn percent(text: &str) -> Amount {
        Amount::parse(text).expect("amount")
    }

    #[test]
    fn the_curve_replays_every_update_from_the_baseline() {
        // O1: 0 → 1200 documents (weight 3), 30 → 10 days (weight 1).
        let mut s = giulia_at(Status::InProgress);
        let day = Duration::days(1);
        record(&mut s, GIULIA, 0, "300", now() + day);
        record(&mut s, GIULIA, 1, "20", now() + day * 2);
        record(&mut s, GIULIA, 0, "1200", now() + day * 3);
        let o = &s.objectives.objectives[&O1];
        let points = curve(o);
        assert_eq!(points.len(), 4, "the start, then one point per update");
        assert_eq!(points[0].at, now(), "work started at now()");
        let scores: Vec<Amount> = points.iter().map(|p| p.score).collect();
        // 3×25 % / 4; then (3×25 + 1×50) / 4; then (3×100 + 50) / 4.
        assert_eq!(
            scores,
            vec![
                percent("0"),
                percent("18.75"),
                percent("31.25"),
                percent("87.5")
            ]
        );
        assert_eq!(points[2].values, vec![percent("300"), percent("20")]);
        assert_eq!(points[2].progress, vec![percent("25"), percent("50")]);
        assert_eq!(points[3].at, now() + day * 3);
        let kr1 = o.key_results[1].id;
        assert_eq!(points[0].updated, None);
        assert_eq!(points[2].updated, Some(kr1));
        assert_eq!(
            points.last().map(|p| p.score),
            Some(crate::objectives::score::score(o)),
            "the curve ends where the objective stands"
        );
    }

    #[test]
    fn an_objective_not_started_has_no_curve() {
        let s = giulia_at(Status::Agreed);
        assert!(curve(&s.objectives.objectives[&O1]).is_empty());
    }

    #[test]
    fn team_progress_counts_commitments_and_the_updates_of_the_period() {
        let mut s = giulia_at(Status::InProgress);
        record(&mut s, GIULIA, 0, "600", now());
        record(&mut s, GIULIA, 0, "1200", now() + Duration::days(60));
        let november = Period {
            from: date(2026, 11, 1),
            until: date(2026, 11, 30),
        };
        let p = team_progress(&s, TRIBUTI, november);
        assert_eq!(p.objectives, 1);
        assert_eq!(p.achieved, 0);
        assert_eq!(p.score, Some(percent("75")), "3×100 % of 4");
        assert_eq!(p.updates, 1, "the January update is outside November");
        assert_eq!(p.last_update, Some(date(2026, 11, 24)));
        assert_eq!(
            team_progress(&s, SOCIALI, november),
            TeamProgress::default()
        );
        let drafts = giulia_at(Status::Proposed);
        assert_eq!(team_progress(&drafts, TRIBUTI, november).objectives, 0);
    }
}
