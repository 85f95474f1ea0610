//! Calendar files for calendar apps: a person's own calendar (download or
//! subscribed feed) and one session's "add to my calendar".
//!
//! - `GET /api/calendar.ics` (session): my calendar as a download;
//! - `GET /api/webinars/{id}/ics` (session): one session I may see, built by
//!   `ics::session_file` from my view of it;
//! - `GET|POST|DELETE /api/calendar/feed` (session): whether my feed is live,
//!   make or rotate its secret URL (shown once), revoke it;
//! - `GET /api/feeds/{token}.ics` (no cookie: calendar apps cannot send one):
//!   my calendar for whoever holds the live token.
//!
//! Every file is built from `visibility::view` of the person it is for, and
//! sent only once the revision it reflects is durable (as sync pulls are).

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use vela_domain::ids::{PersonId, SessionId};
use vela_domain::visibility::view;
use vela_domain::Actor;

use super::ApiJson;
use crate::audit::{SecurityEvent, SecurityKind};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::ics::{person_calendar, session_file};
use crate::org_store::now;
use crate::store::Store;
use crate::AppState;

/// The path of a feed, as `POST /api/calendar/feed` answers it.
pub fn feed_path(token: &str) -> String {
    format!("/api/feeds/{token}.ics")
}

/// `GET /api/calendar/feed` and `DELETE` answer this.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct FeedStatus {
    /// Whether a feed URL is live (the URL itself is shown only when made).
    active: bool,
    created_at: Option<DateTime<Utc>>,
}

/// `POST /api/calendar/feed` answers this.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct NewFeed {
    /// Relative to the server: `/api/feeds/<token>.ics`.
    url: String,
    created_at: DateTime<Utc>,
}

/// The body of `POST /api/calendar/feed`: an empty JSON object.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoFields {}

/// `GET /api/calendar.ics`: the signed-in person's calendar, as a download.
pub async fn download(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Response, ApiError> {
    match calendar_of(&state, user.org_id, user.person_id).await? {
        Some(ics) => Ok(ics_response(ics, "attachment; filename=\"vela.ics\"")),
        None => {
            // Removed or deactivated since login (as `/api/me` does).
            state.auth.sessions.remove_person(user.person_id);
            Err(ApiError::Unauthenticated)
        }
    }
}

/// `GET /api/feeds/{token}.ics`: the calendar a live token opens. Unknown,
/// rotated and revoked tokens, and people no longer active, are all a 404.
pub async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, ApiError> {
    const NO_FEED: ApiError = ApiError::Missing("no such calendar feed");
    let token = file.strip_suffix(".ics").ok_or(NO_FEED)?;
    let (person, org) = state
        .feeds
        .find(token)
        .await
        .map_err(ApiError::internal)?
        .ok_or(NO_FEED)?;
    if !state.store.organisations().contains(&org) {
        return Err(NO_FEED);
    }
    let ics = calendar_of(&state, org, person).await?.ok_or(NO_FEED)?;
    Ok(ics_response(ics, "inline; filename=\"vela.ics\""))
}

/// `GET /api/webinars/{id}/ics`: one session as the caller sees it. A
/// session that does not exist and one the caller may not see are the same
/// 404; an id that is not a UUID is a 400.
pub async fn session(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let id = Uuid::parse_str(&id)
        .map(SessionId)
        .map_err(|_| ApiError::BadRequest(format!("{id:?} is not a session id")))?;
    let person = PersonId(user.person_id);
    let at = now();
    let (ics, revision) = state.store.read(user.org_id, |org, revision| {
        let mine = view(org, &Actor::Person(person));
        let Some(me) = mine.directory.people.get(&person).filter(|p| p.active) else {
            return (Err(ApiError::Unauthenticated), revision);
        };
        let Some(session) = mine.webinars.sessions.get(&id) else {
            return (Err(ApiError::Missing("no such session")), revision);
        };
        // The first trainer the directory knows organises it; a session
        // always has one, but a file naming the reader is still valid.
        let organizer = session
            .trainers
            .iter()
            .find_map(|t| mine.directory.people.get(t))
            .unwrap_or(me);
        (Ok(session_file(session, me, organizer, at)), revision)
    })?;
    let ics = ics?;
    state.store.wait_durable(user.org_id, revision).await?;
    let disposition = format!("attachment; filename=\"webinar-{}.ics\"", id.0);
    Ok(ics_response(ics, &disposition))
}

/// `GET /api/calendar/feed`: whether my feed is live.
pub async fn feed_status(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<FeedStatus>, ApiError> {
    let feed = state
        .feeds
        .get(user.person_id)
        .await
        .map_err(ApiError::internal)?;
    Ok(Json(FeedStatus {
        active: feed.is_some(),
        created_at: feed.map(|f| f.created_at),
    }))
}

/// `POST /api/calendar/feed` with `{}`: a new secret URL; the previous one,
/// if any, stops working at once.
pub async fn create_feed(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(NoFields {}): ApiJson<NoFields>,
) -> Result<Json<NewFeed>, ApiError> {
    let (token, feed) = state
        .feeds
        .create(user.person_id, user.org_id, now())
        .await
        .map_err(ApiError::internal)?;
    let event = SecurityEvent::about(SecurityKind::FeedCreated, user.org_id, user.person_id);
    state.audit.record(&state.store, event).await;
    Ok(Json(NewFeed {
        url: feed_path(&token),
        created_at: feed.created_at,
    }))
}

/// `DELETE /api/calendar/feed` (content-type `application/json`, like every
/// state-changing request): the URL stops working. Revoking nothing is fine.
pub async fn revoke_feed(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<FeedStatus>, ApiError> {
    let revoked = state
        .feeds
        .revoke(user.person_id)
        .await
        .map_err(ApiError::internal)?;
    if revoked {
        let event = SecurityEvent::about(SecurityKind::FeedRevoked, user.org_id, user.person_id);
        state.audit.record(&state.store, event).await;
    }
    Ok(Json(FeedStatus {
        active: false,
        created_at: None,
    }))
}

/// The person's calendar once the revision it shows is durable; `None` when
/// they are not an active person of `org`.
async fn calendar_of(
    state: &AppState,
    org: Uuid,
    person: Uuid,
) -> Result<Option<String>, ApiError> {
    let person = PersonId(person);
    let at = now();
    let (ics, revision) = state.store.read(org, |s, revision| {
        let mine = view(s, &Actor::Person(person));
        (person_calendar(&mine, person, at), revision)
    })?;
    state.store.wait_durable(org, revision).await?;
    Ok(ics)
}

fn ics_response(ics: String, disposition: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CONTENT_DISPOSITION, disposition),
            // Personal data: no shared cache may keep it.
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        ics,
    )
        .into_response()
}
