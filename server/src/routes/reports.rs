//! `GET /api/reports/{month}/teams.csv` and `…/weekdays.csv`: the monthly
//! monitoring (`vela_domain::monitoring`) as spreadsheet files for the
//! administrators, who send these figures on to the partnership.

use axum::extract::{Path, State};
use axum::response::Response;
use chrono::{NaiveDate, Weekday};
use vela_domain::actor::require_admin_of;
use vela_domain::ids::PersonId;
use vela_domain::monitoring::{monthly, Monitoring, Row};
use vela_domain::Actor;

use super::spreadsheet::{self, decimal};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::store::Store;
use crate::AppState;

const TEAMS_HEADER: [&str; 14] = [
    "Struttura",
    "Mese",
    "Personale",
    "Personale in lavoro agile",
    "% personale in lavoro agile",
    "Giornate lavorative",
    "Giornate di lavoro agile",
    "% giornate di lavoro agile",
    "Km di pendolarismo evitati",
    "CO2 evitata (kg)",
    "Ore di formazione",
    "Persone formate",
    "Obiettivi",
    "Obiettivi raggiunti",
];

const WEEKDAYS_HEADER: [&str; 7] = [
    "Mese",
    "Giorno",
    "Presenze attese",
    "In lavoro agile",
    "Assenti",
    "In ufficio",
    "% in ufficio",
];

/// One team per row, then the total.
pub async fn teams_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(month): Path<String>,
) -> Result<Response, ApiError> {
    let report = monitoring(&state, &user, &month)?;
    let mut writer = spreadsheet::writer();
    let body = (|| {
        writer.write_record(TEAMS_HEADER)?;
        for row in &report.teams {
            writer.write_record(team_record(&report.month, &row.name, row))?;
        }
        writer.write_record(team_record(&report.month, "Totale", &report.total))?;
        spreadsheet::finish(writer)
    })();
    spreadsheet::attachment(
        body,
        &format!("monitoraggio-{}-strutture.csv", report.month),
    )
}

/// Office presence by weekday.
pub async fn weekdays_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(month): Path<String>,
) -> Result<Response, ApiError> {
    let report = monitoring(&state, &user, &month)?;
    let mut writer = spreadsheet::writer();
    let body = (|| {
        writer.write_record(WEEKDAYS_HEADER)?;
        for day in &report.weekdays {
            writer.write_record([
                report.month.clone(),
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
    spreadsheet::attachment(body, &format!("monitoraggio-{}-giorni.csv", report.month))
}

/// The report of `month` ("2026-11", a year the domain accepts: see
/// `vela_domain::boundary`) of the caller's own organisation, if
/// they administer it (each administration of a partnership reports its
/// own figures).
fn monitoring(state: &AppState, user: &CurrentUser, month: &str) -> Result<Monitoring, ApiError> {
    let day = parse_month(month).ok_or_else(|| {
        ApiError::BadRequest(format!("month must be written YYYY-MM, not {month:?}"))
    })?;
    let actor = Actor::Person(PersonId(user.person_id));
    state
        .store
        .read(user.org_id, |org, _| {
            let mine = org
                .directory
                .org_of_person(PersonId(user.person_id))
                .ok_or(())?;
            require_admin_of(org, &actor, mine)
                .map(|()| monthly(org, mine, day))
                .map_err(|_| ())
        })?
        .map_err(|_| ApiError::Forbidden("only administrators download the monitoring"))
}

fn parse_month(month: &str) -> Option<NaiveDate> {
    let (year, number) = month.split_once('-')?;
    let digits =
        |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    if !digits(year, 4) || !digits(number, 2) {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    if !(vela_domain::boundary::FIRST_YEAR..=vela_domain::boundary::LAST_YEAR).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, number.parse().ok()?, 1)
}

fn team_record(month: &str, name: &str, row: &Row) -> [String; 14] {
    [
        name.to_owned(),
        month.to_owned(),
        row.staff.to_string(),
        row.staff_away.to_string(),
        decimal(row.staff_share_pct, 1),
        row.person_days.to_string(),
        row.days_away.to_string(),
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
    use super::parse_month;

    #[test]
    fn months_are_year_dash_month() {
        assert!(parse_month("2026-11").is_some());
        for bad in [
            "2026-13", "2026-1", "26-11", "2026/11", "", "x", "2026-00", "+202-11", "0000-01",
            "9999-12",
        ] {
            assert!(parse_month(bad).is_none(), "{bad}");
        }
    }
}
