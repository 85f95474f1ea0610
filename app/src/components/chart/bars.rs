//! A bar chart: one bar per label with its value written above it, so the
//! figure is read, not guessed from a colour or a height.

use leptos::prelude::*;

use super::{axes, Chart, ChartFrame, BOTTOM, HEIGHT, LEFT, RIGHT, WIDTH};

#[component]
pub fn BarChart(chart: Chart) -> impl IntoView {
    let slot = (WIDTH - LEFT - RIGHT) / chart.labels.len().max(1) as f64;
    let width = (slot * 0.6).min(48.0);
    let values = chart
        .series
        .first()
        .map(|s| s.values.clone())
        .unwrap_or_default();
    // The value written above each bar: the first table column's text.
    let texts = chart
        .columns
        .first()
        .map(|c| c.cells.clone())
        .unwrap_or_default();
    let step = chart.label_step();
    let bars = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let x = chart.x(i);
            let y = chart.y(*v);
            let label = (i % step == 0)
                .then(|| texts.get(i).cloned())
                .flatten()
                .map(|t| view! { <text class="chart-value" x=x y=y - 4.0 text-anchor="middle">{t}</text> });
            view! {
                <rect class="chart-bar" x=x - width / 2.0 y=y width=width height=(HEIGHT - BOTTOM - y).max(0.0) />
                {label}
            }
        })
        .collect_view();
    let grid = axes(&chart);
    view! {
        <ChartFrame chart=chart.clone()>
            {grid}
            <g aria-hidden="true">{bars}</g>
        </ChartFrame>
    }
}
