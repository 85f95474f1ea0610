//! The month's monitoring (`vela_domain::monitoring`): the headline
//! figures, a table per team, office presence by weekday, and the same
//! figures as CSV files from the server.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use vela_domain::calendar::rome_date;
use vela_domain::monitoring::{monthly, Row};

use super::weekday_name;
use crate::format::{month_title, number, percent};
use crate::i18n::use_i18n;
use crate::sync::client::{now, use_sync};

/// The first day of the month `offset` months from `start`.
fn shifted(start: NaiveDate, offset: i32) -> NaiveDate {
    let months = start.year() * 12 + start.month0() as i32 + offset;
    NaiveDate::from_ymd_opt(months.div_euclid(12), months.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(start)
}

#[component]
pub fn Monitoring() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let this_month = rome_date(now()).with_day(1).unwrap_or_default();
    let offset = RwSignal::new(0i32);
    let month = Memo::new(move |_| shifted(this_month, offset.get()));
    let sync = use_sync();
    // The signed-in administrator's own organisation (nothing before the
    // first pull).
    let report = Memo::new(move |_| {
        let org = sync
            .organisation()
            .map_or(vela_domain::ids::OrgId(uuid::Uuid::nil()), |o| o.id);
        state.with(|s| monthly(s, org, month.get()))
    });
    let title = move || {
        let m = month.get();
        month_title(m.year(), m.month(), i18n.locale())
    };

    let figures = move || {
        let t = &i18n.t().admin;
        let locale = i18n.locale();
        report.with(|r| {
            let total = &r.total;
            if total.staff == 0 {
                return view! { <p class="admin-empty">{t.no_data}</p> }.into_any();
            }
            let items = [
                (
                    t.staff_away,
                    (t.of_people)(
                        total.staff_away,
                        total.staff,
                        &percent(total.staff_share_pct, locale),
                    ),
                ),
                (
                    t.days_away,
                    (t.days_share)(total.days_away, &percent(total.days_share_pct, locale)),
                ),
                (
                    t.commute,
                    (t.commute_value)(
                        &number(f64::from(total.commute_km), locale, 0),
                        &number(total.co2_kg, locale, 1),
                    ),
                ),
                (
                    t.training,
                    (t.training_value)(
                        &number(f64::from(total.training_minutes) / 60.0, locale, 1),
                        total.training_people,
                    ),
                ),
                (
                    t.objectives,
                    (t.objectives_value)(total.objectives_achieved, total.objectives),
                ),
            ];
            view! {
                <p>{(t.working_days)(r.working_days)}</p>
                <dl class="figures">
                    {items
                        .into_iter()
                        .map(|(label, value)| view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
                        .collect_view()}
                </dl>
                <p class="hint">{t.co2_note}</p>
            }
            .into_any()
        })
    };

    let team_row = move |row: &Row, name: String| {
        let locale = i18n.locale();
        view! {
            <th scope="row">{name}</th>
            <td>{row.staff}</td>
            <td>{format!("{} ({})", row.staff_away, percent(row.staff_share_pct, locale))}</td>
            <td>{format!("{} ({})", row.days_away, percent(row.days_share_pct, locale))}</td>
            <td>{number(f64::from(row.commute_km), locale, 0)}</td>
            <td>{number(row.co2_kg, locale, 1)}</td>
            <td>{number(f64::from(row.training_minutes) / 60.0, locale, 1)}</td>
            <td>{format!("{} / {}", row.objectives_achieved, row.objectives)}</td>
        }
    };
    let teams = move || {
        let t = &i18n.t().admin;
        report.with(|r| {
            (r.total.staff > 0).then(|| {
                view! {
                    <div class="table-wrap" role="region" tabindex="0" aria-label=(t.teams_caption)(&title())>
                        <table class="admin-table">
                            <caption>{(t.teams_caption)(&title())}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t.col_team}</th>
                                    <th scope="col">{t.col_staff}</th>
                                    <th scope="col">{t.col_staff_away}</th>
                                    <th scope="col">{t.col_days_away}</th>
                                    <th scope="col">{t.col_km}</th>
                                    <th scope="col">{t.col_co2}</th>
                                    <th scope="col">{t.col_training}</th>
                                    <th scope="col">{t.col_objectives}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {r.teams
                                    .iter()
                                    .map(|row| view! { <tr>{team_row(row, row.name.clone())}</tr> })
                                    .collect_view()}
                            </tbody>
                            <tfoot>
                                <tr>{team_row(&r.total, t.total.to_owned())}</tr>
                            </tfoot>
                        </table>
                    </div>
                }
            })
        })
    };
    let weekdays = move || {
        let t = &i18n.t().admin;
        let locale = i18n.locale();
        report.with(|r| {
            (r.total.staff > 0).then(|| {
                view! {
                    <div class="table-wrap" role="region" tabindex="0" aria-label=(t.weekdays_caption)(&title())>
                        <table class="admin-table">
                            <caption>{(t.weekdays_caption)(&title())}</caption>
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
                                {r.weekdays
                                    .iter()
                                    .map(|d| view! {
                                        <tr>
                                            <th scope="row">{weekday_name(d.weekday, locale)}</th>
                                            <td>{d.expected}</td>
                                            <td>{d.away}</td>
                                            <td>{d.absent}</td>
                                            <td>{format!("{} ({})", d.in_office, percent(d.in_office_pct, locale))}</td>
                                        </tr>
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })
        })
    };
    let label = move || report.with(|r| r.month.clone());

    view! {
        <section class="monitoring" aria-labelledby="monitoring-title">
            <h2 id="monitoring-title">{move || i18n.t().admin.monitoring_title}</h2>
            <p>{move || i18n.t().admin.monitoring_intro}</p>
            <div class="month-nav">
                <button type="button" class="secondary" on:click=move |_| offset.update(|o| *o -= 1)>
                    <span aria-hidden="true">"‹ "</span>
                    {move || i18n.t().admin.previous_month}
                </button>
                <h3 aria-live="polite">{title}</h3>
                <button type="button" class="secondary" on:click=move |_| offset.update(|o| *o += 1)>
                    {move || i18n.t().admin.next_month}
                    <span aria-hidden="true">" ›"</span>
                </button>
            </div>
            {figures}
            {teams}
            {weekdays}
            <section class="downloads" aria-labelledby="downloads-title">
                <h3 id="downloads-title">{move || i18n.t().admin.downloads_title}</h3>
                <ul>
                    <li>
                        <a href=move || format!("/api/reports/{}/teams.csv", label()) download="">
                            {move || i18n.t().admin.download_teams}
                        </a>
                    </li>
                    <li>
                        <a href=move || format!("/api/reports/{}/weekdays.csv", label()) download="">
                            {move || i18n.t().admin.download_weekdays}
                        </a>
                    </li>
                </ul>
                <p class="hint">{move || i18n.t().admin.downloads_hint}</p>
            </section>
        </section>
    }
}
