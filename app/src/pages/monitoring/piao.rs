//! The yearly report for the PIAO section on agile work
//! (`/monitoring/piao?year=2026`): the indicators it asks for beside the
//! year before, the charts and tables of the year, and the CSV of the same
//! figures. Made to be printed: the print stylesheet
//! (`style/monitoring.css`) leaves out the navigation and the buttons, so
//! the browser's "save as PDF" gives a clean document.

use chrono::Datelike;
use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::calendar::rome_date;
use vela_domain::monitoring::{Months, PeriodReport, Row};

use super::{access, chosen_months, failure, fetch_report, period_title};
use crate::format::{number, percent};
use crate::i18n::use_i18n;
use crate::pages::team::loading_view;
use crate::sync::client::{now, use_sync};

/// How one indicator reads a year's total.
type Indicator = (&'static str, fn(&Row, crate::i18n::Locale) -> String);

/// "12 of 40 (30%)".
fn share(part: u32, whole: u32, pct: f64, locale: crate::i18n::Locale) -> String {
    format!("{part} / {whole} ({})", percent(pct, locale))
}

#[component]
pub fn PiaoReport() -> impl IntoView {
    let i18n = use_i18n();
    let access = access();
    let this_year =
        Months::year(rome_date(now()).year()).unwrap_or_else(|| Months::of(rome_date(now())));
    let chosen = chosen_months("year", this_year);
    // Only whole calendar years: anything else in the address is its year.
    let months = Memo::new(move |_| {
        let m = chosen.get();
        Months::year(m.first.year()).unwrap_or(m)
    });
    let year = move || months.get().first.year();
    let organisation = move || {
        use_sync()
            .organisation()
            .map(|o| o.name)
            .unwrap_or_default()
    };
    let body = move || {
        let a = access.get();
        match (a.loaded, a.teams_only) {
            (false, _) => loading_view().into_any(),
            (true, None) => {
                view! { <p class="admin-empty">{move || i18n.t().monitoring().not_for_you}</p> }
                    .into_any()
            }
            (true, Some(_)) => view! { <YearReport months /> }.into_any(),
        }
    };
    view! {
        <section class="page monitoring-page piao-report">
            <h1>{move || (i18n.t().monitoring().piao_title)(year())}</h1>
            <p class="piao-organisation">{organisation}</p>
            <p>{move || i18n.t().monitoring().piao_intro}</p>
            <div class="piao-actions">
                <crate::components::print_button::PrintButton label=|t| t.monitoring().print />
                <A href=move || format!("/monitoring?period={}", year()) attr:class="print-button">
                    {move || i18n.t().monitoring().back}
                </A>
            </div>
            {body}
        </section>
    }
}

#[component]
fn YearReport(months: Memo<Months>) -> impl IntoView {
    let i18n = use_i18n();
    let reload = RwSignal::new(0u32);
    let report = fetch_report(months, reload);
    let content = move || match report.get() {
        None => {
            view! { <p class="loading" role="status">{move || i18n.t().monitoring().loading}</p> }
                .into_any()
        }
        Some(Err(e)) => failure(e, reload),
        Some(Ok(r)) => {
            let period = period_title(&r.months, i18n.locale());
            view! {
                <Indicators report=r.clone() />
                <super::charts::Charts report=r.clone() />
                <super::tables::TeamsTable report=r.clone() period=period.clone() />
                <super::tables::WeekdaysTable report=r period />
            }
            .into_any()
        }
    };
    let label = move || months.get().label();
    view! {
        {content}
        <section class="downloads" aria-labelledby="piao-csv-title">
            <h2 id="piao-csv-title">{move || i18n.t().monitoring().piao_csv}</h2>
            <ul>
                <li>
                    <a href=move || format!("/api/reports/{}/teams.csv", label()) download="">
                        {move || i18n.t().monitoring().download_teams}
                    </a>
                </li>
                <li>
                    <a href=move || format!("/api/reports/{}/weekdays.csv", label()) download="">
                        {move || i18n.t().monitoring().download_weekdays}
                    </a>
                </li>
            </ul>
        </section>
    }
}

/// The PIAO's indicators for the year and the year before.
#[component]
fn Indicators(report: PeriodReport) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t().monitoring();
    let locale = i18n.locale();
    let year = report.months.first.year();
    let rows: [Indicator; 9] = [
        (t.with_agreement, |r, l| {
            share(r.with_agreement, r.staff, r.agreement_share_pct, l)
        }),
        (t.staff_away, |r, l| {
            share(r.staff_away, r.staff, r.staff_share_pct, l)
        }),
        (t.days_away, |r, l| {
            format!("{} ({})", r.days_away, percent(r.days_share_pct, l))
        }),
        (t.agile_days, |r, _| r.agile_days.to_string()),
        (t.remote_days, |r, _| r.remote_days.to_string()),
        (t.telework_days, |r, _| r.telework_days.to_string()),
        (t.training, |r, l| {
            let hours = number(f64::from(r.training_minutes) / 60.0, l, 1);
            (use_i18n().t().monitoring().training_value)(&hours, r.training_people)
        }),
        (t.objectives, |r, _| {
            (use_i18n().t().monitoring().objectives_value)(r.objectives_achieved, r.objectives)
        }),
        (t.commute, |r, l| {
            (use_i18n().t().monitoring().commute_value)(
                &number(f64::from(r.commute_km), l, 0),
                &number(r.co2_kg, l, 1),
            )
        }),
    ];
    let caption = (t.indicators_caption)(year);
    let label = caption.clone();
    let previous = report.previous.clone();
    view! {
        <div class="table-wrap" role="region" tabindex="0" aria-label=label>
            <table class="admin-table piao-indicators">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.col_indicator}</th>
                        <th scope="col">{year.to_string()}</th>
                        {previous.is_some().then(|| view! { <th scope="col">{(year - 1).to_string()}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(name, value)| {
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td>{value(&report.total, locale)}</td>
                                    {previous.as_ref().map(|p| view! { <td>{value(p, locale)}</td> })}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <p class="hint">{t.co2_note}</p>
    }
}
