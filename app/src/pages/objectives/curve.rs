//! The objective's progress curve — its score after each update — and each
//! key result's values over its own updates, drawn with the shared line
//! chart from `vela_domain::objectives::progress::curve` (the figures are
//! the domain's; this only formats them).

use leptos::prelude::*;
use vela_domain::calendar::rome_date;
use vela_domain::objectives::progress::{curve, CurvePoint};
use vela_domain::objectives::{Amount, KeyResult, Objective};

use super::logic::amount_text;
use super::parts::tx;
use crate::components::chart::line::LineChart;
use crate::components::chart::{Chart, Column, Series};
use crate::format::{day_month, long_date, percent};
use crate::i18n::{use_i18n, Locale};

fn as_f64(amount: Amount) -> f64 {
    amount.thousandths() as f64 / Amount::SCALE as f64
}

fn label(point: &CurvePoint, locale: Locale) -> String {
    day_month(rome_date(point.at), locale)
}

/// The chart of the objective's score, with each key result's value beside
/// it in the table.
fn score_chart(o: &Objective, points: &[CurvePoint], locale: Locale) -> Chart {
    let t = locale.texts().objectives();
    let scores: Vec<f64> = points.iter().map(|p| as_f64(p.score)).collect();
    let mut columns = vec![Column {
        name: t.score_label.to_owned(),
        cells: scores.iter().map(|s| percent(*s, locale)).collect(),
    }];
    columns.extend(o.key_results.iter().enumerate().map(|(i, kr)| {
        Column {
            name: kr.indicator.clone(),
            cells: points
                .iter()
                .map(|p| value_text(p.values.get(i).copied(), kr, locale))
                .collect(),
        }
    }));
    let first = scores.first().copied().unwrap_or_default();
    let last = scores.last().copied().unwrap_or_default();
    let latest = points
        .last()
        .map(|p| long_date(rome_date(p.at), locale))
        .unwrap_or_default();
    Chart {
        id: "objective-curve".into(),
        title: t.curve_title.to_owned(),
        summary: (t.curve_summary)(
            &percent(first, locale),
            &percent(last, locale),
            points.len().saturating_sub(1),
            &latest,
        ),
        labels: points.iter().map(|p| label(p, locale)).collect(),
        series: vec![Series {
            name: t.score_label.to_owned(),
            values: scores,
        }],
        label_heading: t.curve_col_when.to_owned(),
        columns,
        max: Some(100.0),
    }
}

fn value_text(value: Option<Amount>, kr: &KeyResult, locale: Locale) -> String {
    value
        .map(|v| {
            format!("{} {}", amount_text(v, locale), kr.unit)
                .trim()
                .to_owned()
        })
        .unwrap_or_default()
}

/// The chart of one key result's values: its baseline at the start, then
/// after each of its own updates; `None` before its first update.
fn key_result_chart(
    index: usize,
    kr: &KeyResult,
    points: &[CurvePoint],
    locale: Locale,
) -> Option<Chart> {
    let t = locale.texts().objectives();
    let own: Vec<&CurvePoint> = points
        .iter()
        .enumerate()
        .filter(|(n, p)| *n == 0 || p.updated == Some(kr.id))
        .map(|(_, p)| p)
        .collect();
    if own.len() < 2 {
        return None;
    }
    let values: Vec<Amount> = own
        .iter()
        .map(|p| p.values.get(index).copied().unwrap_or(kr.baseline))
        .collect();
    let text = |a: Amount| amount_text(a, locale);
    Some(Chart {
        id: format!("kr-curve-{}", kr.id),
        title: (t.kr_curve_title)(&kr.indicator),
        summary: (t.kr_curve_summary)(
            &text(values[0]),
            &text(values[values.len() - 1]),
            &kr.unit,
            own.len() - 1,
        ),
        labels: own.iter().map(|p| label(p, locale)).collect(),
        series: vec![Series {
            name: kr.indicator.clone(),
            values: values.iter().map(|v| as_f64(*v)).collect(),
        }],
        label_heading: t.curve_col_when.to_owned(),
        columns: vec![Column {
            name: kr.indicator.clone(),
            cells: values
                .iter()
                .map(|v| value_text(Some(*v), kr, locale))
                .collect(),
        }],
        max: None,
    })
}

/// The curves of one objective, or a sentence while it has none.
#[component]
pub fn ProgressCurves(objective: Objective) -> impl IntoView {
    let i18n = use_i18n();
    let points = curve(&objective);
    let charts = move || {
        if points.is_empty() {
            return view! { <p class="empty">{tx(|t| t.curve_empty)}</p> }.into_any();
        }
        let locale = i18n.locale();
        let score = score_chart(&objective, &points, locale);
        let key_results = objective
            .key_results
            .iter()
            .enumerate()
            .filter_map(|(i, kr)| key_result_chart(i, kr, &points, locale))
            .map(|chart| view! { <LineChart chart /> })
            .collect_view();
        view! {
            <LineChart chart=score />
            <div class="kr-curves">{key_results}</div>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="curve-heading" class="objective-curves">
            <h2 id="curve-heading">{tx(|t| t.curve_heading)}</h2>
            {charts}
        </section>
    }
}
