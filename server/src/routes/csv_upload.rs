//! What the routes that take a CSV file (people from HR, absences from the
//! attendance system) share: a `text/csv` body with its own size limit, one
//! import at a time, administrators only, and applying a checked plan all
//! or nothing.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use serde::Serialize;
use tokio::sync::{Semaphore, SemaphorePermit};
use tower_http::limit::RequestBodyLimitLayer;
use uuid::Uuid;
use vela_domain::actor::require_admin;
use vela_domain::ids::PersonId;
use vela_domain::rejection::{Problem, Rejection};
use vela_domain::{Actor, Command, State as DomainState};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::org_store::OrgStore;
use crate::store::{CommandMeta, Outcome, Store};
use crate::AppState;

/// The largest CSV file any import takes: what the domain's imports read.
pub const MAX_FILE_BYTES: usize = vela_domain::directory::import::MAX_FILE_BYTES;
const _: () = assert!(vela_domain::agile::import::MAX_FILE_BYTES == MAX_FILE_BYTES);

/// What an import's whole-file error tells the answer.
pub trait FileProblem: std::fmt::Display + Serialize {
    /// The stable machine code, e.g. `"missing_column"`.
    fn code(&self) -> String;
    /// Whether the file was over the size limit (answered 413).
    fn too_large(&self) -> bool;
}

impl FileProblem for vela_domain::directory::import::FileError {
    fn code(&self) -> String {
        self.code()
    }
    fn too_large(&self) -> bool {
        matches!(self, Self::TooLarge { .. })
    }
}

impl FileProblem for vela_domain::agile::import::FileError {
    fn code(&self) -> String {
        self.code()
    }
    fn too_large(&self) -> bool {
        matches!(self, Self::TooLarge { .. })
    }
}

/// Why an import was not done; `F` is the file error and `R` the report of
/// the import.
#[derive(Debug, thiserror::Error)]
pub enum ImportError<F: FileProblem, R: Serialize> {
    #[error(transparent)]
    Api(#[from] ApiError),
    /// The file as a whole cannot be imported.
    #[error("{0}")]
    File(F),
    /// Some rows are refused: nothing was imported.
    #[error("{refused} refused in the file: nothing was imported")]
    Refused { refused: u32, report: Box<R> },
    /// What the file would change changed between the check and the apply.
    #[error("{0}: check the file again")]
    Changed(&'static str),
}

impl<F: FileProblem, R: Serialize> IntoResponse for ImportError<F, R> {
    fn into_response(self) -> Response {
        let message = self.to_string();
        let (status, body) = match self {
            ImportError::Api(error) => return error.into_response(),
            ImportError::File(error) if error.too_large() => {
                return ApiError::PayloadTooLarge {
                    limit: MAX_FILE_BYTES,
                }
                .into_response()
            }
            ImportError::File(error) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                serde_json::json!({"error": error.code(), "message": message, "file": error}),
            ),
            ImportError::Refused { report, .. } => (
                StatusCode::UNPROCESSABLE_ENTITY,
                serde_json::json!({"error": "rows_refused", "message": message, "report": report}),
            ),
            ImportError::Changed(_) => (
                StatusCode::CONFLICT,
                serde_json::json!({"error": "changed_meanwhile", "message": message}),
            ),
        };
        (status, Json(body)).into_response()
    }
}

/// Gives `router` the file limit instead of the JSON routes' 1 MiB, and a
/// JSON 413 that names it.
pub fn with_file_limit<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router
        .layer(DefaultBodyLimit::max(MAX_FILE_BYTES))
        .layer(RequestBodyLimitLayer::new(MAX_FILE_BYTES))
        .layer(middleware::from_fn(name_the_limit))
}

/// Imports are planned one at a time: each takes a core for up to a few
/// seconds, and two administrators importing at once is rare.
static IMPORTS: Semaphore = Semaphore::const_new(1);

/// How long a request waits for the import before it is answered busy.
const WAIT_FOR_TURN: Duration = Duration::from_secs(20);

/// Waits for this request's turn to import (503 `busy` after a while).
pub async fn take_turn() -> Result<SemaphorePermit<'static>, ApiError> {
    tokio::time::timeout(WAIT_FOR_TURN, IMPORTS.acquire())
        .await
        .map_err(|_| ApiError::Busy {
            retry_after: Duration::from_secs(5),
        })?
        .map_err(ApiError::internal)
}

/// The file of a request declared `text/csv` (parameters allowed). Like the
/// JSON-only rule of the other routes, the declaration closes the CSRF path
/// of HTML forms, which cannot send it.
pub fn csv_body(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Bytes, ApiError> {
    let declared = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("text/csv"));
    if !declared {
        return Err(ApiError::UnsupportedMediaType);
    }
    body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge {
                limit: MAX_FILE_BYTES,
            }
        } else {
            ApiError::BadRequest(rejection.body_text())
        }
    })
}

/// The caller as an actor, if they are an active administrator; `forbidden`
/// says what only administrators do.
pub fn administrator(
    state: &AppState,
    user: &CurrentUser,
    forbidden: &'static str,
) -> Result<Actor, ApiError> {
    let actor = Actor::Person(PersonId(user.person_id));
    let (active, admin) = state.store.read(user.org_id, |org, _| {
        let active = org
            .directory
            .people
            .get(&PersonId(user.person_id))
            .is_some_and(|p| p.active);
        (active, require_admin(org, &actor).is_ok())
    })?;
    if !active {
        state.auth.sessions.remove_person(user.person_id);
        return Err(ApiError::Unauthenticated);
    }
    if !admin {
        return Err(ApiError::Forbidden(forbidden));
    }
    Ok(actor)
}

/// Applies a checked plan's `commands` as `actor`, all or nothing: under one
/// hold of the write lock, `still_holds` first asks whether the plan made
/// before is still the one the current state gives; if so each command
/// becomes a revision (one fsync for all) and their revisions are answered,
/// else `None` and nothing is stored. Blocking: call it off the async
/// workers.
pub fn apply_checked(
    store: &OrgStore,
    org: Uuid,
    actor: Actor,
    commands: &[&Command],
    at: DateTime<Utc>,
    still_holds: impl FnOnce(&DomainState) -> bool + Send,
) -> Result<Option<Vec<u64>>, ApiError> {
    if commands.is_empty() {
        return Ok(Some(Vec::new()));
    }
    let metas = commands
        .iter()
        .map(|_| CommandMeta {
            id: Uuid::new_v4(),
            actor,
            at,
        })
        .collect::<Vec<_>>();
    let mut check = Some(still_holds);
    let mut holds = false;
    let submitted = store.submit_batch(org, metas, |state, index| {
        if let Some(check) = check.take() {
            holds = check(state);
        }
        if !holds {
            return Err(Rejection::invalid("import", Problem::OutOfRange));
        }
        vela_domain::apply(state, &actor, commands[index], at)
    });
    let outcomes = tokio::runtime::Handle::current()
        .block_on(submitted)
        .map_err(ApiError::from)?;
    if !holds {
        return Ok(None);
    }
    outcomes
        .into_iter()
        .map(|outcome| match outcome {
            Outcome::Accepted { revision } => Ok(revision),
            // The same commands on the same state were all accepted a moment
            // ago under the same lock; this cannot happen short of a bug.
            other => Err(ApiError::internal(format!(
                "a checked import step was not accepted: {other:?}"
            ))),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// The body limit layer answers 413 in plain text, which the API's JSON
/// rewrite would describe with the JSON routes' limit: name this one.
async fn name_the_limit(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE && !is_json {
        return ApiError::PayloadTooLarge {
            limit: MAX_FILE_BYTES,
        }
        .into_response();
    }
    response
}
