//! `GET /api/webinars/{id}/attendees.csv`: a session's attendee list for
//! its trainers and administrators, as a spreadsheet file.

use axum::extract::{Path, State};
use axum::response::Response;
use uuid::Uuid;
use vela_domain::actor::{administers, has_role};
use vela_domain::directory::Role;
use vela_domain::ids::{PersonId, SessionId};
use vela_domain::webinars::report::{attendees, AttendeeRow};
use vela_domain::webinars::RegistrationStatus;
use vela_domain::Actor;

use super::spreadsheet;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::store::Store;
use crate::AppState;

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
        Outcome::Refused => {
            return Err(ApiError::Forbidden(
                "only the session's trainers and administrators see its attendees",
            ))
        }
        Outcome::Rows(rows) => rows,
    };
    spreadsheet::attachment(to_csv(&rows), &format!("partecipanti-{id}.csv"))
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
    let mut writer = spreadsheet::writer();
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
    spreadsheet::finish(writer)
}
