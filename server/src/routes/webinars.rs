//! `GET /api/webinars/{id}/attendees.csv`: a session's attendee list for
//! its trainers and administrators, as a spreadsheet file.
//!
//! Italian spreadsheets expect `;` between fields (the comma is the decimal
//! separator) and need a UTF-8 byte order mark to read accents correctly,
//! so the file starts with one.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use uuid::Uuid;
use vela_domain::actor::{administers, has_role};
use vela_domain::directory::Role;
use vela_domain::ids::{PersonId, SessionId};
use vela_domain::webinars::report::{attendees, AttendeeRow};
use vela_domain::webinars::RegistrationStatus;
use vela_domain::Actor;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::store::Store;
use crate::AppState;

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Column titles, in Italian like the rest of the organisation's documents.
const HEADER: [&str; 7] = [
    "Nome",
    "Struttura",
    "Iscrizione",
    "Posizione in lista d'attesa",
    "Presente",
    "Valutazione",
    "Commento",
];

enum Outcome {
    Missing,
    Refused,
    Rows(Vec<AttendeeRow>),
}

/// The attendee list of one session as CSV (`;`-separated, UTF-8 with BOM).
pub async fn attendees_csv(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, ApiError> {
    let session = SessionId(id);
    let actor = Actor::Person(PersonId(user.person_id));
    let outcome = state.store.read(user.org_id, |org, _| {
        let Some(s) = org.webinars.sessions.get(&session) else {
            return Outcome::Missing;
        };
        let trains =
            s.trainers.contains(&PersonId(user.person_id)) && has_role(org, &actor, Role::Trainer);
        // Administrators of the session's own organisation only: the list
        // may name people of the whole partnership.
        if trains || administers(org, &actor, s.org) {
            Outcome::Rows(attendees(org, session))
        } else {
            Outcome::Refused
        }
    })?;
    let rows = match outcome {
        Outcome::Missing => return Err(ApiError::NotFound),
        Outcome::Refused => return Ok(forbidden()),
        Outcome::Rows(rows) => rows,
    };
    let body = to_csv(&rows).map_err(ApiError::internal)?;
    let disposition = format!("attachment; filename=\"partecipanti-{id}.csv\"");
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// A JSON 403 in the API's error shape.
fn forbidden() -> Response {
    (
        StatusCode::FORBIDDEN,
        Json(json!({
            "error": "forbidden",
            "message": "only the session's trainers and administrators see its attendees",
        })),
    )
        .into_response()
}

fn status_label(status: Option<RegistrationStatus>) -> &'static str {
    match status {
        Some(RegistrationStatus::Registered) => "iscritto",
        Some(RegistrationStatus::Waitlisted) => "in lista d'attesa",
        Some(RegistrationStatus::Cancelled) => "annullata",
        None => "senza iscrizione",
    }
}

/// The rows as CSV bytes, BOM first.
pub fn to_csv(rows: &[AttendeeRow]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(BOM.to_vec());
    writer.write_record(HEADER)?;
    for row in rows {
        writer.write_record([
            row.name.as_str(),
            row.team.as_str(),
            status_label(row.status),
            &row.waitlist_position
                .map(|p| p.to_string())
                .unwrap_or_default(),
            if row.attended { "sì" } else { "no" },
            &row.rating.map(|r| r.to_string()).unwrap_or_default(),
            row.comment.as_deref().unwrap_or(""),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}
