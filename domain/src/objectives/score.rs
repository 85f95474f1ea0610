//! How far an objective got, in percent, from its key results.
//!
//! The progress of a key result is how much of the way from its baseline to
//! its target the current value has gone, clamped to 0–100 %: going past the
//! target counts as 100 %, going the wrong way as 0 %. The same formula
//! serves targets above the baseline (documents digitised: 0 → 1200) and
//! below it (days to answer: 30 → 10). A key result whose target equals its
//! baseline (a level to keep) is 100 % while the value is exactly there and
//! 0 % otherwise.
//!
//! The score of an objective is the weighted mean of its key results'
//! progress: Σ(weight × progress) / Σ weight. Everything is integer
//! arithmetic; results are rounded down to the thousandth of a percent, so
//! 100 % means every key result is reached and nothing less.

use super::{Amount, KeyResult, Objective};

/// Internal precision: 1 = 10⁻¹² of the whole way.
const WHOLE: i128 = 1_000_000_000_000;
/// Thousandths of a percent in the whole way (100 %).
const PERCENT_THOUSANDTHS: i128 = 100_000;

/// Progress of one key result as a fraction of [`WHOLE`], rounded down.
fn fraction(kr: &KeyResult) -> i128 {
    let baseline = i128::from(kr.baseline.thousandths());
    let mut done = i128::from(kr.current.thousandths()) - baseline;
    let mut way = i128::from(kr.target.thousandths()) - baseline;
    if way == 0 {
        return if done == 0 { WHOLE } else { 0 };
    }
    if way < 0 {
        // A target below the baseline: count the way down.
        way = -way;
        done = -done;
    }
    done.clamp(0, way) * WHOLE / way
}

fn percent(fraction: i128) -> Amount {
    let thousandths = fraction * PERCENT_THOUSANDTHS / WHOLE;
    // 0 ≤ thousandths ≤ 100 000: always a valid amount.
    Amount::from_thousandths(thousandths as i64).unwrap_or(Amount::ZERO)
}

/// The progress of one key result, 0–100 %, to the thousandth of a percent
/// (rounded down).
pub fn key_result_progress(kr: &KeyResult) -> Amount {
    percent(fraction(kr))
}

/// The weighted score of an objective, 0–100 %, to the thousandth of a
/// percent (rounded down). An objective without key results scores 0.
pub fn score(objective: &Objective) -> Amount {
    let total_weight: i128 = objective
        .key_results
        .iter()
        .map(|kr| i128::from(kr.weight))
        .sum();
    if total_weight == 0 {
        return Amount::ZERO;
    }
    let weighted: i128 = objective
        .key_results
        .iter()
        .map(|kr| i128::from(kr.weight) * fraction(kr))
        .sum();
    percent(weighted / total_weight)
}

/// The score rounded down to a whole percent, for badges and bars.
pub fn score_whole_percent(objective: &Objective) -> u8 {
    (score(objective).thousandths() / Amount::SCALE) as u8
}

/// The weighted score of several objectives — say a person's for a year:
/// Σ(objective weight × score) / Σ weight, rounded down; `None` when there
/// are none.
pub fn overall_score<'a>(objectives: impl IntoIterator<Item = &'a Objective>) -> Option<Amount> {
    let (weighted, total) = objectives
        .into_iter()
        .fold((0i128, 0i128), |(weighted, total), o| {
            let weight = i128::from(o.weight);
            (
                weighted + weight * i128::from(score(o).thousandths()),
                total + weight,
            )
        });
    if total == 0 {
        return None;
    }
    // Between 0 and 100 000 thousandths: always a valid amount.
    Amount::from_thousandths((weighted / total) as i64)
}
