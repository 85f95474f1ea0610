//! A line chart: one line per series over the labels, each with its own
//! marker and dash so the lines differ without colour, and a legend.

use leptos::prelude::*;

use super::{axes, Chart, ChartFrame, LEFT};

/// The marker drawn at each point of series `n`, centred on (x, y).
fn marker(n: usize, x: f64, y: f64) -> AnyView {
    match n % 3 {
        0 => view! { <circle class="chart-marker" cx=x cy=y r="4" /> }.into_any(),
        1 => view! { <rect class="chart-marker" x=x - 4.0 y=y - 4.0 width="8" height="8" /> }
            .into_any(),
        _ => view! {
            <path class="chart-marker" d=format!("M{x} {} L{} {} L{} {} Z", y - 5.0, x + 5.0, y + 4.0, x - 5.0, y + 4.0) />
        }
        .into_any(),
    }
}

#[component]
pub fn LineChart(chart: Chart) -> impl IntoView {
    let lines = chart
        .series
        .iter()
        .enumerate()
        .map(|(n, series)| {
            let points: Vec<(f64, f64)> = series
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| (chart.x(i), chart.y(*v)))
                .collect();
            let path = points
                .iter()
                .map(|(x, y)| format!("{x:.1},{y:.1}"))
                .collect::<Vec<_>>()
                .join(" ");
            let markers = points.iter().map(|(x, y)| marker(n, *x, *y)).collect_view();
            view! {
                <g class=format!("chart-series chart-series-{}", n % 3)>
                    <polyline class="chart-line" points=path fill="none" />
                    {markers}
                </g>
            }
        })
        .collect_view();
    let legend = chart
        .series
        .iter()
        .enumerate()
        .map(|(n, series)| {
            let x = LEFT + 180.0 * n as f64;
            view! {
                <g class=format!("chart-series chart-series-{}", n % 3)>
                    <line class="chart-line" x1=x y1="8" x2=x + 24.0 y2="8" />
                    {marker(n, x + 12.0, 8.0)}
                    <text class="chart-legend" x=x + 30.0 y="12">{series.name.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let grid = axes(&chart);
    view! {
        <ChartFrame chart=chart.clone()>
            {grid}
            <g aria-hidden="true">{lines}{legend}</g>
        </ChartFrame>
    }
}
