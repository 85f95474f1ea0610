//! `GET /api/me/personal-data` and `GET /api/people/{id}/personal-data`:
//! everything Vela holds about a person, as a JSON file to download — the
//! state's part from [`vela_domain::personal_data::export`], plus what the
//! server keeps beside it: the account's username (never the password's
//! hash), whether a calendar feed exists, and the security log's lines
//! about them.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;
use vela_domain::ids::PersonId;
use vela_domain::personal_data::{export, may_read, PersonalData};
use vela_domain::Actor;

use crate::audit::security::SecurityLine;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::org_store::now;
use crate::store::Store;
use crate::AppState;

/// The most security-log lines the file carries (the newest).
const MAX_SECURITY_LINES: usize = 10_000;

/// The downloaded document.
#[derive(Serialize, schemars::JsonSchema)]
pub struct PersonalDataFile {
    /// When the file was made.
    generated_at: DateTime<Utc>,
    /// The state's records about the person.
    #[schemars(with = "serde_json::Value")]
    data: PersonalData,
    /// The username they sign in with, if they have an account.
    username: Option<String>,
    /// When their personal calendar feed address was made, if they have one.
    calendar_feed_since: Option<DateTime<Utc>>,
    /// Sign-ins, failed sign-ins and credential changes about them, oldest
    /// first.
    #[schemars(with = "Vec<serde_json::Value>")]
    security: Vec<SecurityLine>,
}

/// The caller's own data.
pub async fn mine(State(state): State<AppState>, user: CurrentUser) -> Result<Response, ApiError> {
    file(&state, &user, user.person_id).await
}

/// Person `id`'s data, for an administrator of their organisation.
pub async fn of_person(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Response, ApiError> {
    file(&state, &user, id).await
}

async fn file(state: &AppState, user: &CurrentUser, person: Uuid) -> Result<Response, ApiError> {
    let reader = Actor::Person(PersonId(user.person_id));
    let data = state.store.read(user.org_id, |s, _| {
        // Another organisation's people do not exist for the reader.
        let known = s
            .directory
            .org_of_person(PersonId(person))
            .is_some_and(|org| query_org(s, user.person_id) == Some(org));
        if !known {
            return Err(ApiError::Missing("no such person in your organisation"));
        }
        if !may_read(s, &reader, PersonId(person)) {
            return Err(ApiError::Forbidden(
                "only the person and their administrators download their data",
            ));
        }
        export(s, PersonId(person)).ok_or(ApiError::Missing("no such person in your organisation"))
    })??;
    let username = state
        .auth
        .accounts
        .username_of(person)
        .await
        .map_err(ApiError::internal)?;
    let calendar_feed_since = state
        .feeds
        .get(person)
        .await
        .map_err(ApiError::internal)?
        .map(|f| f.created_at);
    let security = state
        .audit
        .security_about(person, MAX_SECURITY_LINES)
        .await
        .map_err(ApiError::internal)?;
    let body = serde_json::to_vec_pretty(&PersonalDataFile {
        generated_at: now(),
        data,
        username,
        calendar_feed_since,
        security,
    })
    .map_err(ApiError::internal)?;
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!(
        "attachment; filename=\"vela-dati-personali-{person}.json\""
    )) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

fn query_org(s: &vela_domain::State, person: Uuid) -> Option<vela_domain::ids::OrgId> {
    s.directory.org_of_person(PersonId(person))
}
