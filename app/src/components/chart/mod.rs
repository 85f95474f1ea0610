//! Charts drawn as plain inline SVG (no chart library: the WASM budget).
//! Each kind is one component — [`line::LineChart`], [`bars::BarChart`] —
//! inside the same frame: a title, a sentence that says what the chart
//! shows, the drawing, and its data as a table one click away. Nothing is
//! told by colour alone: series differ by marker and dash and are named in
//! a legend, bars carry their values.

pub mod bars;
pub mod line;

use leptos::prelude::*;

/// The drawing's coordinate space; the SVG scales to its box.
pub(crate) const WIDTH: f64 = 640.0;
pub(crate) const HEIGHT: f64 = 240.0;
pub(crate) const LEFT: f64 = 48.0;
pub(crate) const RIGHT: f64 = 12.0;
pub(crate) const TOP: f64 = 20.0;
pub(crate) const BOTTOM: f64 = 36.0;

/// One line (or the bars) of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    /// One value per label.
    pub values: Vec<f64>,
}

/// One column of the data table.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    /// One cell per label, already formatted.
    pub cells: Vec<String>,
}

/// What a chart shows: already computed and formatted by the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Unique on the page: the ids of the title and summary derive from it.
    pub id: String,
    pub title: String,
    /// A sentence a screen reader hears and a printout keeps, such as
    /// "Highest: March, 42%".
    pub summary: String,
    /// The categories along the bottom (months, weekdays).
    pub labels: Vec<String>,
    /// What is drawn.
    pub series: Vec<Series>,
    /// The table's heading for the label column.
    pub label_heading: String,
    /// The table's other columns.
    pub columns: Vec<Column>,
    /// The top of the scale, if fixed (100 for percentages).
    pub max: Option<f64>,
}

impl Chart {
    /// The top of the scale: the fixed one, or a round number above every
    /// value (at least 1, so an empty chart still has an axis).
    pub(crate) fn top(&self) -> f64 {
        if let Some(max) = self.max {
            return max;
        }
        let highest = self
            .series
            .iter()
            .flat_map(|s| s.values.iter().copied())
            .fold(0.0_f64, f64::max);
        nice_ceiling(highest)
    }

    /// Where label `i` sits along the bottom (the middle of its slot).
    pub(crate) fn x(&self, i: usize) -> f64 {
        let slot = (WIDTH - LEFT - RIGHT) / self.labels.len().max(1) as f64;
        LEFT + slot * (i as f64 + 0.5)
    }

    /// Where `value` sits on the scale.
    pub(crate) fn y(&self, value: f64) -> f64 {
        let plot = HEIGHT - TOP - BOTTOM;
        HEIGHT - BOTTOM - plot * (value / self.top()).clamp(0.0, 1.0)
    }

    /// Every how many labels one is written, so long ranges stay legible.
    pub(crate) fn label_step(&self) -> usize {
        self.labels.len().div_ceil(12).max(1)
    }
}

/// 1, 2, 5 × 10ⁿ: the smallest such number at or above `value`.
fn nice_ceiling(value: f64) -> f64 {
    if value <= 1.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|f| f * magnitude)
        .find(|v| *v >= value)
        .unwrap_or(10.0 * magnitude)
}

/// The axis and its grid: lines at 0, half and the top, with their values,
/// and the labels along the bottom.
pub(crate) fn axes(chart: &Chart) -> impl IntoView {
    let top = chart.top();
    let grid = [0.0, top / 2.0, top]
        .into_iter()
        .map(|v| {
            let y = chart.y(v);
            let text = if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                format!("{v:.1}")
            };
            view! {
                <line class="chart-grid" x1=LEFT x2=WIDTH - RIGHT y1=y y2=y />
                <text class="chart-tick" x=LEFT - 6.0 y=y + 4.0 text-anchor="end">{text}</text>
            }
        })
        .collect_view();
    let step = chart.label_step();
    let labels = chart
        .labels
        .iter()
        .enumerate()
        .filter(|(i, _)| i % step == 0)
        .map(|(i, label)| {
            view! {
                <text class="chart-label" x=chart.x(i) y=HEIGHT - BOTTOM + 18.0 text-anchor="middle">
                    {label.clone()}
                </text>
            }
        })
        .collect_view();
    view! { <g aria-hidden="true">{grid}{labels}</g> }
}

/// Title, summary, the drawing and the data table.
#[component]
pub fn ChartFrame(chart: Chart, children: Children) -> impl IntoView {
    let title_id = format!("{}-title", chart.id);
    let summary_id = format!("{}-summary", chart.id);
    let (figure_label, svg_label) = (title_id.clone(), title_id.clone());
    let region_label = chart.title.clone();
    let described_by = summary_id.clone();
    let i18n = crate::i18n::use_i18n();
    let head = chart
        .columns
        .iter()
        .map(|c| view! { <th scope="col">{c.name.clone()}</th> })
        .collect_view();
    let rows = chart
        .labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let cells = chart
                .columns
                .iter()
                .map(|c| view! { <td>{c.cells.get(i).cloned().unwrap_or_default()}</td> })
                .collect_view();
            view! { <tr><th scope="row">{label.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <figure class="chart" role="group" aria-labelledby=figure_label>
            <figcaption>
                <h4 id=title_id>{chart.title.clone()}</h4>
                <p id=summary_id>{chart.summary.clone()}</p>
            </figcaption>
            <svg
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby=svg_label
                aria-describedby=described_by
            >
                {children()}
            </svg>
            <details class="chart-data">
                <summary>{move || i18n.t().monitoring().show_data}</summary>
                <div class="table-wrap" role="region" tabindex="0" aria-label=region_label>
                    <table class="admin-table">
                        <caption>{chart.title.clone()}</caption>
                        <thead><tr><th scope="col">{chart.label_heading.clone()}</th>{head}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::nice_ceiling;

    #[test]
    fn scales_end_on_round_numbers() {
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(3.0), 5.0);
        assert_eq!(nice_ceiling(42.0), 50.0);
        assert_eq!(nice_ceiling(100.0), 100.0);
        assert_eq!(nice_ceiling(101.0), 200.0);
    }
}
