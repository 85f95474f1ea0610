//! The tables of a period: one row per team (or organisation) with the
//! three modes apart and their total, and office presence by weekday.

use leptos::prelude::*;
use vela_domain::monitoring::{PeriodReport, Row};

use crate::format::{number, percent};
use crate::i18n::use_i18n;
use crate::pages::admin::weekday_name;

/// The header of a table of [`FigureRow`]s, `first` naming its rows.
pub(super) fn figure_head(first: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t().monitoring();
    view! {
        <thead>
            <tr>
                <th scope="col">{first}</th>
                <th scope="col">{t.col_staff}</th>
                <th scope="col">{t.col_staff_away}</th>
                <th scope="col">{t.col_days_away}</th>
                <th scope="col">{t.col_agile}</th>
                <th scope="col">{t.col_remote}</th>
                <th scope="col">{t.col_telework}</th>
                <th scope="col">{t.col_km}</th>
                <th scope="col">{t.col_co2}</th>
                <th scope="col">{t.col_training}</th>
                <th scope="col">{t.col_objectives}</th>
            </tr>
        </thead>
    }
}

/// One team's, organisation's or the total's figures.
#[component]
pub(super) fn FigureRow(name: String, row: Row) -> impl IntoView {
    let locale = use_i18n().locale();
    view! {
        <tr>
            <th scope="row">{name}</th>
            <td>{row.staff}</td>
            <td>{format!("{} ({})", row.staff_away, percent(row.staff_share_pct, locale))}</td>
            <td>{format!("{} ({})", row.days_away, percent(row.days_share_pct, locale))}</td>
            <td>{row.agile_days}</td>
            <td>{row.remote_days}</td>
            <td>{row.telework_days}</td>
            <td>{number(f64::from(row.commute_km), locale, 0)}</td>
            <td>{number(row.co2_kg, locale, 1)}</td>
            <td>{number(f64::from(row.training_minutes) / 60.0, locale, 1)}</td>
            <td>{format!("{} / {}", row.objectives_achieved, row.objectives)}</td>
        </tr>
    }
}

#[component]
pub(super) fn TeamsTable(report: PeriodReport, period: String) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t().monitoring();
    let caption = (t.teams_caption)(&period);
    let label = caption.clone();
    let PeriodReport { teams, total, .. } = report;
    view! {
        <div class="table-wrap" role="region" tabindex="0" aria-label=label>
            <table class="admin-table">
                <caption>{caption}</caption>
                {figure_head(t.col_team)}
                <tbody>
                    <For
                        each=move || teams.clone()
                        key=|row| row.team
                        children=|row| view! { <FigureRow name=row.name.clone() row /> }
                    />
                </tbody>
                <tfoot>
                    <FigureRow name=t.total.to_owned() row=total />
                </tfoot>
            </table>
        </div>
    }
}

#[component]
pub(super) fn WeekdaysTable(report: PeriodReport, period: String) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t().monitoring();
    let locale = i18n.locale();
    let caption = (t.weekdays_caption)(&period);
    let label = caption.clone();
    view! {
        <div class="table-wrap" role="region" tabindex="0" aria-label=label>
            <table class="admin-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.col_weekday}</th>
                        <th scope="col">{t.col_expected}</th>
                        <th scope="col">{t.col_away}</th>
                        <th scope="col">{t.col_absent}</th>
                        <th scope="col">{t.col_in_office}</th>
                    </tr>
                </thead>
                <tbody>
                    {report
                        .weekdays
                        .iter()
                        .map(|d| {
                            view! {
                                <tr>
                                    <th scope="row">{weekday_name(d.weekday, locale)}</th>
                                    <td>{d.expected}</td>
                                    <td>{d.away}</td>
                                    <td>{d.absent}</td>
                                    <td>{format!("{} ({})", d.in_office, percent(d.in_office_pct, locale))}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
