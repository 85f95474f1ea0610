//! The headline figures of the period, each with the period before: days
//! at a distance and each mode apart, staff, commute, training, objectives.

use leptos::prelude::*;
use vela_domain::monitoring::{PeriodReport, Row};

use crate::format::{number, percent};
use crate::i18n::{use_i18n, Locale};

/// "+12", "−3,5", "=": a change, signed.
fn signed(change: f64, locale: Locale, decimals: u32) -> String {
    if change.abs() < 1e-9 {
        "=".to_owned()
    } else if change > 0.0 {
        format!("+{}", number(change, locale, decimals))
    } else {
        format!("−{}", number(-change, locale, decimals))
    }
}

#[component]
pub(super) fn Figures(report: PeriodReport) -> impl IntoView {
    let i18n = use_i18n();
    let figures = move || {
        let t = i18n.t().monitoring();
        let locale = i18n.locale();
        let r = &report.total;
        let before = report.previous.as_ref();
        // The period before's value of the same figure and the change.
        let change = |f: fn(&Row) -> f64, decimals: u32| {
            before.map(|b| {
                (t.change)(
                    &number(f(b), locale, decimals),
                    &signed(f(r) - f(b), locale, decimals),
                )
            })
        };
        let hours = |row: &Row| f64::from(row.training_minutes) / 60.0;
        let items = [
            (
                t.days_away,
                (t.days_share)(r.days_away, &percent(r.days_share_pct, locale)),
                change(|x| f64::from(x.days_away), 0),
            ),
            (
                t.agile_days,
                (t.days)(r.agile_days),
                change(|x| f64::from(x.agile_days), 0),
            ),
            (
                t.remote_days,
                (t.days)(r.remote_days),
                change(|x| f64::from(x.remote_days), 0),
            ),
            (
                t.telework_days,
                (t.days)(r.telework_days),
                change(|x| f64::from(x.telework_days), 0),
            ),
            (
                t.staff_away,
                (t.of_people)(r.staff_away, r.staff, &percent(r.staff_share_pct, locale)),
                change(|x| f64::from(x.staff_away), 0),
            ),
            (
                t.commute,
                (t.commute_value)(
                    &number(f64::from(r.commute_km), locale, 0),
                    &number(r.co2_kg, locale, 1),
                ),
                change(|x| f64::from(x.commute_km), 0),
            ),
            (
                t.training,
                (t.training_value)(&number(hours(r), locale, 1), r.training_people),
                change(hours, 1),
            ),
            (
                t.objectives,
                (t.objectives_value)(r.objectives_achieved, r.objectives),
                change(|x| f64::from(x.objectives_achieved), 0),
            ),
        ];
        view! {
            <p>{(t.working_days)(report.working_days)}</p>
            <dl class="figures">
                {items
                    .into_iter()
                    .map(|(label, value, change)| {
                        view! {
                            <div>
                                <dt>{label}</dt>
                                <dd>{value}</dd>
                                {change.map(|c| view! { <dd class="change">{c}</dd> })}
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
            <p class="hint">{t.co2_note}</p>
        }
    };
    view! { <section class="monitoring-figures">{figures}</section> }
}
