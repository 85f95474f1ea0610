//! The period's charts, from the report's figures: work at a distance by
//! month (line), office presence by weekday, commuting avoided, training
//! hours and objectives achieved (bars). Each says its highest (or lowest)
//! value in words and keeps its data in a table.

use chrono::Datelike;
use leptos::prelude::*;
use vela_domain::monitoring::period::month_start;
use vela_domain::monitoring::PeriodReport;

use crate::components::chart::bars::BarChart;
use crate::components::chart::line::LineChart;
use crate::components::chart::{Chart, Column, Series};
use crate::format::{month_short, month_title, number, percent};
use crate::i18n::{use_i18n, Locale};
use crate::pages::admin::weekday_name;

/// "Highest: March 2026, 42%" for the largest of `values` (the first one
/// on a tie), or that there is nothing to show.
fn summary(labels: &[String], values: &[f64], texts: &[String], lowest: bool) -> String {
    let t = &use_i18n().t().monitoring();
    let pick =
        values
            .iter()
            .enumerate()
            .fold(None, |best: Option<(usize, f64)>, (i, v)| match best {
                Some((_, b)) if (lowest && *v >= b) || (!lowest && *v <= b) => best,
                _ => Some((i, *v)),
            });
    match pick {
        Some((i, v)) if v > 0.0 || lowest => {
            let label = labels.get(i).map(String::as_str).unwrap_or_default();
            let text = texts.get(i).map(String::as_str).unwrap_or_default();
            if lowest {
                (t.lowest)(label, text)
            } else {
                (t.highest)(label, text)
            }
        }
        _ => t.nothing_yet.to_owned(),
    }
}

/// Each month of the report: its short label and its long one.
fn months(report: &PeriodReport, locale: Locale) -> (Vec<String>, Vec<String>) {
    report
        .by_month
        .iter()
        .filter_map(|m| month_start(&m.month))
        .map(|d| {
            (
                month_short(d.year(), d.month(), locale),
                month_title(d.year(), d.month(), locale),
            )
        })
        .unzip()
}

fn build(report: &PeriodReport, locale: Locale) -> Vec<(bool, Chart)> {
    let t = &use_i18n().t().monitoring();
    let (short, long) = months(report, locale);
    let per_month = |f: &dyn Fn(&vela_domain::monitoring::Row) -> f64| -> Vec<f64> {
        report.by_month.iter().map(|m| f(&m.total)).collect()
    };

    let staff = per_month(&|r| r.staff_share_pct);
    let days = per_month(&|r| r.days_share_pct);
    let days_text: Vec<String> = days.iter().map(|v| percent(*v, locale)).collect();
    let distance = Chart {
        id: "chart-distance".into(),
        title: t.chart_distance.to_owned(),
        summary: format!(
            "{}: {}",
            t.series_days,
            summary(&long, &days, &days_text, false)
        ),
        labels: short.clone(),
        series: vec![
            Series {
                name: t.series_staff.to_owned(),
                values: staff.clone(),
            },
            Series {
                name: t.series_days.to_owned(),
                values: days.clone(),
            },
        ],
        label_heading: t.col_month.to_owned(),
        columns: vec![
            Column {
                name: t.series_staff.to_owned(),
                cells: staff.iter().map(|v| percent(*v, locale)).collect(),
            },
            Column {
                name: t.series_days.to_owned(),
                cells: days_text,
            },
        ],
        max: Some(100.0),
    };

    let weekday_labels: Vec<String> = report
        .weekdays
        .iter()
        .map(|d| weekday_name(d.weekday, locale))
        .collect();
    let office: Vec<f64> = report.weekdays.iter().map(|d| d.in_office_pct).collect();
    let office_text: Vec<String> = office.iter().map(|v| percent(*v, locale)).collect();
    let weekdays = Chart {
        id: "chart-weekdays".into(),
        title: t.chart_weekdays.to_owned(),
        summary: format!(
            "{} {}",
            summary(&weekday_labels, &office, &office_text, false),
            summary(&weekday_labels, &office, &office_text, true)
        ),
        labels: weekday_labels.clone(),
        series: vec![Series {
            name: t.col_in_office.to_owned(),
            values: office,
        }],
        label_heading: t.col_weekday.to_owned(),
        columns: vec![
            Column {
                name: t.col_in_office.to_owned(),
                cells: office_text,
            },
            Column {
                name: t.col_away.to_owned(),
                cells: report.weekdays.iter().map(|d| d.away.to_string()).collect(),
            },
        ],
        max: Some(100.0),
    };

    let km = per_month(&|r| f64::from(r.commute_km));
    let km_text: Vec<String> = km.iter().map(|v| number(*v, locale, 0)).collect();
    let commute = Chart {
        id: "chart-commute".into(),
        title: t.chart_commute.to_owned(),
        summary: summary(&long, &km, &km_text, false),
        labels: short.clone(),
        series: vec![Series {
            name: t.col_km.to_owned(),
            values: km,
        }],
        label_heading: t.col_month.to_owned(),
        columns: vec![
            Column {
                name: t.col_km.to_owned(),
                cells: km_text,
            },
            Column {
                name: t.col_co2.to_owned(),
                cells: report
                    .by_month
                    .iter()
                    .map(|m| number(m.total.co2_kg, locale, 1))
                    .collect(),
            },
        ],
        max: None,
    };

    let hours = per_month(&|r| f64::from(r.training_minutes) / 60.0);
    let hours_text: Vec<String> = hours.iter().map(|v| number(*v, locale, 1)).collect();
    let training = Chart {
        id: "chart-training".into(),
        title: t.chart_training.to_owned(),
        summary: summary(&long, &hours, &hours_text, false),
        labels: short.clone(),
        series: vec![Series {
            name: t.col_training.to_owned(),
            values: hours,
        }],
        label_heading: t.col_month.to_owned(),
        columns: vec![Column {
            name: t.col_training.to_owned(),
            cells: hours_text,
        }],
        max: None,
    };

    let achieved = per_month(&|r| f64::from(r.objectives_achieved));
    let achieved_text: Vec<String> = achieved.iter().map(|v| number(*v, locale, 0)).collect();
    let objectives = Chart {
        id: "chart-objectives".into(),
        title: t.chart_objectives.to_owned(),
        summary: summary(&long, &achieved, &achieved_text, false),
        labels: short,
        series: vec![Series {
            name: t.col_achieved.to_owned(),
            values: achieved,
        }],
        label_heading: t.col_month.to_owned(),
        columns: vec![
            Column {
                name: t.col_achieved.to_owned(),
                cells: achieved_text,
            },
            Column {
                name: t.col_all_objectives.to_owned(),
                cells: report
                    .by_month
                    .iter()
                    .map(|m| m.total.objectives.to_string())
                    .collect(),
            },
        ],
        max: None,
    };

    vec![
        (true, distance),
        (false, weekdays),
        (false, commute),
        (false, training),
        (false, objectives),
    ]
}

#[component]
pub(super) fn Charts(report: PeriodReport) -> impl IntoView {
    let i18n = use_i18n();
    let charts = move || {
        build(&report, i18n.locale())
            .into_iter()
            .map(|(line, chart)| {
                if line {
                    view! { <LineChart chart /> }.into_any()
                } else {
                    view! { <BarChart chart /> }.into_any()
                }
            })
            .collect_view()
    };
    view! {
        <section class="charts" aria-labelledby="charts-title">
            <h3 id="charts-title">{move || i18n.t().monitoring().charts_title}</h3>
            <div class="chart-grid">{charts}</div>
        </section>
    }
}
