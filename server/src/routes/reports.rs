//! `GET /api/reports/{period}/teams.csv`, `…/weekdays.csv` and
//! `…/organisations.csv`: the monitoring (`vela_domain::monitoring`) as
//! spreadsheet files. A period is a month (`2026-11`), a year (`2026`) or a
//! range of months (`2026-01..2026-06`). Administrators get their
//! organisation, leads their own teams (the domain's `Scope`), the
//! partnership administrator every organisation side by side.

use axum::extract::{Path, State};
use axum::response::Response;
use chrono::{NaiveDate, Weekday};
use vela_domain::actor::administers_partnership;
use vela_domain::ids::PersonId;
use vela_domain::monitoring::{partnership, period, Months, PeriodReport, Row, Scope};
use vela_domain::Actor;

use super::spreadsheet::{self, decimal};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::store::Store;
use crate::AppState;

const TEAMS_HEADER: [&str; 17] = [
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
    let report = monitoring(&state, &user, &period)?;
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
    let report = monitoring(&state, &user, &period)?;
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
    let months = parse_period(&period)?;
    let actor = Actor::Person(PersonId(user.person_id));
    let report = state
        .store
        .read(user.org_id, |all, _| {
            administers_partnership(all, &actor).then(|| partnership::report(all, months))
        })?
        .ok_or(ApiError::Forbidden(
            "only the partnership administrator compares its organisations",
        ))?;
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

/// The report of `period` for the part of the caller's own organisation
/// they may read: all of it for its administrators, their teams for a lead.
fn monitoring(
    state: &AppState,
    user: &CurrentUser,
    period: &str,
) -> Result<PeriodReport, ApiError> {
    let months = parse_period(period)?;
    let actor = Actor::Person(PersonId(user.person_id));
    state
        .store
        .read(user.org_id, |all, _| {
            let mine = all.directory.org_of_person(PersonId(user.person_id))?;
            let scope = Scope::of(all, &actor, mine)?;
            Some(period::report(all, mine, months, &scope))
        })?
        .ok_or(ApiError::Forbidden(
            "only administrators and team leads download the monitoring",
        ))
}

fn parse_period(period: &str) -> Result<Months, ApiError> {
    months_of(period).ok_or_else(|| {
        ApiError::BadRequest(format!(
            "a period is written YYYY-MM (a month), YYYY (a year) or YYYY-MM..YYYY-MM (at most {} \
             months), not {period:?}",
            vela_domain::monitoring::MAX_MONTHS
        ))
    })
}

/// `2026-11`, `2026` or `2026-01..2026-06`, within the years the domain
/// accepts (see `vela_domain::boundary`).
fn months_of(period: &str) -> Option<Months> {
    if let Some((from, until)) = period.split_once("..") {
        return Months::between(parse_month(from)?, parse_month(until)?);
    }
    if period.len() == 4 {
        let year = parse_year(period)?;
        return Months::year(year);
    }
    parse_month(period).map(Months::of)
}

fn parse_year(year: &str) -> Option<i32> {
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    (vela_domain::boundary::FIRST_YEAR..=vela_domain::boundary::LAST_YEAR)
        .contains(&year)
        .then_some(year)
}

fn parse_month(month: &str) -> Option<NaiveDate> {
    let (year, number) = month.split_once('-')?;
    if number.len() != 2 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(parse_year(year)?, number.parse().ok()?, 1)
}

/// A period as a file name part (`2026-01..2026-06` → `2026-01_2026-06`).
fn file_label(period: &str) -> String {
    period.replace("..", "_")
}

fn team_record(period: &str, name: &str, row: &Row) -> [String; 17] {
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

#[cfg(test)]
mod tests {
    use super::months_of;

    #[test]
    fn periods_are_a_month_a_year_or_a_range() {
        assert_eq!(months_of("2026-11").map(|m| m.count), Some(1));
        assert_eq!(months_of("2026").map(|m| m.count), Some(12));
        assert_eq!(months_of("2026-01..2026-06").map(|m| m.count), Some(6));
        for bad in [
            "2026-13",
            "2026-1",
            "26-11",
            "2026/11",
            "",
            "x",
            "2026-00",
            "+202-11",
            "0000-01",
            "9999-12",
            "9999",
            "+202",
            "2026-06..2026-01",
            "2000-01..2026-01",
            "2026-01..",
            "..2026-01",
            "2026-01..2026-02..2026-03",
        ] {
            assert!(months_of(bad).is_none(), "{bad}");
        }
    }
}
