//! `GET /api/reports/{period}/teams.csv`, `…/weekdays.csv` and
//! `…/organisations.csv`: the monitoring (`vela_domain::monitoring`) as
//! spreadsheet files; `GET /api/reports/{period}` and
//! `…/organisations` the same reports as JSON, for the app's monitoring
//! page (a lead's synced view lacks figures their teams' report counts —
//! colleagues' commutes, training, objectives — so the page asks here, and
//! page and files always agree). A period is a month (`2026-11`), a year (`2026`) or a
//! range of months (`2026-01..2026-06`). Administrators get their
//! organisation, leads their own teams (the domain's `Scope`), the
//! partnership administrator every organisation side by side.

use axum::extract::{Path, State};
use axum::response::Response;
use axum::Json;
use chrono::Weekday;
use vela_domain::actor::administers_partnership;
use vela_domain::ids::PersonId;
use vela_domain::monitoring::partnership::{self, PartnershipReport};
use vela_domain::monitoring::{period, Months, PeriodReport, Row, Scope};
use vela_domain::Actor;

use super::spreadsheet::{self, decimal};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::store::Store;
use crate::AppState;

const TEAMS_HEADER: [&str; 18] = [
    "Struttura",
    "Periodo",
    "Personale",
    "Personale a distanza",
    "% personale a distanza",
    "Giornate lavorative",
    "Giornate a distanza",
    "di cui lavoro agile",
    "di cui lavoro da remoto",
    "di cui telelavoro",
    "% giornate a distanza",
    "Km di pendolarismo evitati",
    "CO2 evitata (kg)",
    "Ore di formazione",
    "Persone formate",
    "Obiettivi",
    "Obiettivi raggiunti",
    "Persone con accordo individuale",
];

const WEEKDAYS_HEADER: [&str; 7] = [
    "Periodo",
    "Giorno",
    "Presenze attese",
    "A distanza",
    "Assenti",
    "In ufficio",
    "% in ufficio",
];

/// One team per row, then the total.
pub async fn teams_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(period): Path<String>,
) -> Result<Response, ApiError> {
    let report = monitoring(&state, &user, &period).await?;
    let mut writer = spreadsheet::writer();
    let body = (|| {
        writer.write_record(TEAMS_HEADER)?;
        for row in &report.teams {
            writer.write_record(team_record(&report.period, &row.name, row))?;
        }
        writer.write_record(team_record(&report.period, "Totale", &report.total))?;
        spreadsheet::finish(writer)
    })();
    spreadsheet::attachment(
        body,
        &format!("monitoraggio-{}-strutture.csv", file_label(&report.period)),
    )
}

/// Office presence by weekday.
pub async fn weekdays_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(period): Path<String>,
) -> Result<Response, ApiError> {
    let report = monitoring(&state, &user, &period).await?;
    let mut writer = spreadsheet::writer();
    let body = (|| {
        writer.write_record(WEEKDAYS_HEADER)?;
        for day in &report.weekdays {
            writer.write_record([
                report.period.clone(),
                weekday_it(day.weekday).to_owned(),
                day.expected.to_string(),
                day.away.to_string(),
                day.absent.to_string(),
                day.in_office.to_string(),
                decimal(day.in_office_pct, 1),
            ])?;
        }
        spreadsheet::finish(writer)
    })();
    spreadsheet::attachment(
        body,
        &format!("monitoraggio-{}-giorni.csv", file_label(&report.period)),
    )
}

/// One organisation per row, then the partnership's total: for the
/// partnership administrator.
pub async fn organisations_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(period): Path<String>,
) -> Result<Response, ApiError> {
    let report = organisations(&state, &user, &period).await?;
    let mut writer = spreadsheet::writer();
    let body = (|| {
        let mut header = TEAMS_HEADER;
        header[0] = "Amministrazione";
        writer.write_record(header)?;
        for member in &report.members {
            writer.write_record(team_record(&report.period, &member.name, &member.total))?;
        }
        writer.write_record(team_record(&report.period, "Totale", &report.total))?;
        spreadsheet::finish(writer)
    })();
    spreadsheet::attachment(
        body,
        &format!(
            "monitoraggio-{}-amministrazioni.csv",
            file_label(&report.period)
        ),
    )
}

/// The report of `period` as JSON, for the caller's scope (as the CSV).
pub async fn report_json(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(period): Path<String>,
) -> Result<Json<PeriodReport>, ApiError> {
    monitoring(&state, &user, &period).await.map(Json)
}

/// The partnership's organisations side by side as JSON, for its
/// administrator.
pub async fn organisations_json(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(period): Path<String>,
) -> Result<Json<PartnershipReport>, ApiError> {
    organisations(&state, &user, &period).await.map(Json)
}

/// The report of `period` for the part of the caller's own organisation
/// they may read: all of it for its administrators, their teams for a lead.
/// Built off the async workers: a long range reads every day of it.
async fn monitoring(
    state: &AppState,
    user: &CurrentUser,
    period: &str,
) -> Result<PeriodReport, ApiError> {
    let months = parse_period(period)?;
    let person = PersonId(user.person_id);
    let (store, org) = (state.store.clone(), user.org_id);
    tokio::task::spawn_blocking(move || {
        store.read(org, |all, _| {
            let mine = all.directory.org_of_person(person)?;
            let scope = Scope::of(all, &Actor::Person(person), mine)?;
            Some(period::report(all, mine, months, &scope))
        })
    })
    .await
    .map_err(ApiError::internal)??
    .ok_or(ApiError::Forbidden(
        "only administrators and team leads read the monitoring",
    ))
}

/// Every organisation over `period`, for the partnership administrator.
async fn organisations(
    state: &AppState,
    user: &CurrentUser,
    period: &str,
) -> Result<PartnershipReport, ApiError> {
    let months = parse_period(period)?;
    let actor = Actor::Person(PersonId(user.person_id));
    let (store, org) = (state.store.clone(), user.org_id);
    tokio::task::spawn_blocking(move || {
        store.read(org, |all, _| {
            administers_partnership(all, &actor).then(|| partnership::report(all, months))
        })
    })
    .await
    .map_err(ApiError::internal)??
    .ok_or(ApiError::Forbidden(
        "only the partnership administrator compares its organisations",
    ))
}

fn parse_period(period: &str) -> Result<Months, ApiError> {
    Months::parse(period).ok_or_else(|| {
        ApiError::BadRequest(format!(
            "a period is written YYYY-MM (a month), YYYY (a year) or YYYY-MM..YYYY-MM (at most {} \
             months), not {period:?}",
            vela_domain::monitoring::MAX_MONTHS
        ))
    })
}

/// A period as a file name part (`2026-01..2026-06` → `2026-01_2026-06`).
fn file_label(period: &str) -> String {
    period.replace("..", "_")
}

fn team_record(period: &str, name: &str, row: &Row) -> [String; 18] {
    [
        name.to_owned(),
        period.to_owned(),
        row.staff.to_string(),
        row.staff_away.to_string(),
        decimal(row.staff_share_pct, 1),
        row.person_days.to_string(),
        row.days_away.to_string(),
        row.agile_days.to_string(),
        row.remote_days.to_string(),
        row.telework_days.to_string(),
        decimal(row.days_share_pct, 1),
        row.commute_km.to_string(),
        decimal(row.co2_kg, 1),
        decimal(f64::from(row.training_minutes) / 60.0, 1),
        row.training_people.to_string(),
        row.objectives.to_string(),
        row.objectives_achieved.to_string(),
        row.with_agreement.to_string(),
    ]
}

fn weekday_it(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "lunedì",
        Weekday::Tue => "martedì",
        Weekday::Wed => "mercoledì",
        Weekday::Thu => "giovedì",
        Weekday::Fri => "venerdì",
        Weekday::Sat => "sabato",
        Weekday::Sun => "domenica",
    }
}
