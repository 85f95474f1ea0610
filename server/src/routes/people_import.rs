//! `POST /api/people/import`: an administrator imports their organisation's
//! people from a CSV file of the HR system.
//!
//! The domain does the work ([`vela_domain::directory::import::plan`]):
//! this module reads the file, runs the plan off the async workers, and for
//! an apply hands the plan's commands to [`Store::submit_batch`] — under one
//! hold of the write lock, the plan is made again on the state as it is
//! then, and only if it is the same plan are its commands applied, each
//! becoming a revision, with one fsync. A file with a refused row is not
//! applied at all, and neither is one whose plan changed since it was
//! checked (409): an import is all or nothing.

use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use tokio::sync::Semaphore;
use tower_http::limit::RequestBodyLimitLayer;
use uuid::Uuid;
use vela_domain::actor::require_admin;
use vela_domain::directory::import::{self, FileError, Options, Plan, Report, MAX_FILE_BYTES};
use vela_domain::directory::Directory;
use vela_domain::ids::PersonId;
use vela_domain::rejection::{Problem, Rejection};
use vela_domain::Actor;

use super::ApiQuery;
use crate::audit::{SecurityEvent, SecurityKind};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::org_store::now;
use crate::store::{CommandMeta, Outcome, Store};
use crate::AppState;

/// The route, with its own body limit: a file is larger than any JSON body.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/people/import", post(import))
        .layer(DefaultBodyLimit::max(MAX_FILE_BYTES))
        .layer(RequestBodyLimitLayer::new(MAX_FILE_BYTES))
        .layer(middleware::from_fn(name_the_limit))
}

/// Imports are planned one at a time: each takes a core for up to a few
/// seconds, and two administrators importing at once is rare.
static IMPORTS: Semaphore = Semaphore::const_new(1);

/// How long a request waits for the import before it is answered busy.
const WAIT_FOR_TURN: Duration = Duration::from_secs(20);

/// Query of `POST /api/people/import`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportQuery {
    /// Only check the file and answer the preview; nothing is stored.
    #[serde(default)]
    dry_run: bool,
    /// Deactivate the organisation's active people the file does not name.
    #[serde(default)]
    deactivate_missing: bool,
}

/// The answer: the report (the preview, or what was done with the
/// revision of each change).
#[derive(Serialize, schemars::JsonSchema)]
pub struct ImportResult {
    /// Whether the changes were stored (never for a dry run).
    applied: bool,
    report: Report,
    /// The organisation's revision after the import (absent for a dry run).
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<u64>,
}

/// Why an import was not done.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Api(#[from] ApiError),
    /// The file as a whole cannot be imported.
    #[error("{0}")]
    File(FileError),
    /// Some rows are refused: nothing was imported.
    #[error("{} rows or people are refused: nothing was imported", .0.counts.refused)]
    Refused(Box<Report>),
    /// The organisation's people changed between the check and the apply.
    #[error("the people of the organisation changed while the file was checked: check it again")]
    Changed,
}

impl IntoResponse for ImportError {
    fn into_response(self) -> Response {
        let message = self.to_string();
        let (status, body) = match self {
            ImportError::Api(error) => return error.into_response(),
            ImportError::File(FileError::TooLarge { .. }) => {
                return ApiError::PayloadTooLarge {
                    limit: MAX_FILE_BYTES,
                }
                .into_response()
            }
            ImportError::File(error) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                serde_json::json!({"error": error.code(), "message": message, "file": error}),
            ),
            ImportError::Refused(report) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                serde_json::json!({"error": "rows_refused", "message": message, "report": report}),
            ),
            ImportError::Changed => (
                StatusCode::CONFLICT,
                serde_json::json!({"error": "changed_meanwhile", "message": message}),
            ),
        };
        (status, Json(body)).into_response()
    }
}

/// Checks (`?dry_run=true`) or applies a CSV file of people.
pub async fn import(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(query): ApiQuery<ImportQuery>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<ImportResult>, ImportError> {
    let actor = administrator(&state, &user)?;
    if !declares_csv(&headers) {
        return Err(ApiError::UnsupportedMediaType.into());
    }
    let file = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge {
                limit: MAX_FILE_BYTES,
            }
        } else {
            ApiError::BadRequest(rejection.body_text())
        }
    })?;
    let _turn = tokio::time::timeout(WAIT_FOR_TURN, IMPORTS.acquire())
        .await
        .map_err(|_| ApiError::Busy {
            retry_after: Duration::from_secs(5),
        })?
        .map_err(ApiError::internal)?;
    let options = Options {
        deactivate_missing: query.deactivate_missing,
        id_seed: Uuid::new_v4().as_u128(),
    };
    let org = user.org_id;
    let store = state.store.clone();
    let dry_run = query.dry_run;
    let result = tokio::task::spawn_blocking(move || {
        if dry_run {
            preview(&store, org, actor, &file, options)
        } else {
            apply(&store, org, actor, &file, options)
        }
    })
    .await
    .map_err(ApiError::internal)??;
    if result.applied {
        let counts = &result.report.counts;
        let event = SecurityEvent {
            by: Some(user.person_id),
            detail: format!(
                "{} new, {} changed, {} deactivated",
                counts.new, counts.changed, counts.deactivated
            ),
            ..SecurityEvent::about(SecurityKind::Import, user.org_id, user.person_id)
        };
        state.audit.record(&state.store, event).await;
    }
    Ok(Json(result))
}

/// The caller as an actor, if they are an active administrator.
fn administrator(state: &AppState, user: &CurrentUser) -> Result<Actor, ApiError> {
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
        return Err(ApiError::Forbidden(
            "only administrators import people from a file",
        ));
    }
    Ok(actor)
}

/// Whether the body is declared as `text/csv` (parameters allowed). Like
/// the JSON-only rule of the other routes, this closes the CSRF path of
/// HTML forms, which cannot send it.
fn declares_csv(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("text/csv"))
}

/// The plan of `file` on the organisation's current state, and the
/// directory it was made on.
fn plan_now(
    store: &crate::org_store::OrgStore,
    org: Uuid,
    actor: Actor,
    file: &[u8],
    options: Options,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(Plan, Directory), ImportError> {
    let (plan, directory) = store
        .read(org, |state, _| {
            let plan = import::plan(state, &actor, file, options, at);
            let directory = plan_is_ok(&plan).then(|| state.directory.clone());
            (plan, directory)
        })
        .map_err(ApiError::from)?;
    let plan = plan.map_err(ImportError::File)?;
    Ok((plan, directory.unwrap_or_default()))
}

fn plan_is_ok(plan: &Result<Plan, FileError>) -> bool {
    plan.as_ref().is_ok_and(|p| p.report.applicable())
}

fn preview(
    store: &crate::org_store::OrgStore,
    org: Uuid,
    actor: Actor,
    file: &[u8],
    options: Options,
) -> Result<ImportResult, ImportError> {
    let started = Instant::now();
    let (plan, _) = plan_now(store, org, actor, file, options, now())?;
    tracing::info!(
        rows = plan.report.rows.len(),
        refused = plan.report.counts.refused,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "people import checked"
    );
    Ok(ImportResult {
        applied: false,
        report: plan.report,
        revision: None,
    })
}

fn apply(
    store: &crate::org_store::OrgStore,
    org: Uuid,
    actor: Actor,
    file: &[u8],
    options: Options,
) -> Result<ImportResult, ImportError> {
    let started = Instant::now();
    let at = now();
    let (mut plan, planned_on) = plan_now(store, org, actor, file, options, at)?;
    if !plan.report.applicable() {
        return Err(ImportError::Refused(Box::new(plan.report)));
    }
    let metas = plan
        .steps
        .iter()
        .map(|_| CommandMeta {
            id: Uuid::new_v4(),
            actor,
            at,
        })
        .collect::<Vec<_>>();
    let mut holds = false;
    let outcomes = if metas.is_empty() {
        holds = true;
        Vec::new()
    } else {
        let steps = &plan.steps;
        let submitted = store.submit_batch(org, metas, |state, index| {
            // Under the write lock: the plan must still be the one checked,
            // or nothing of it is applied. Directory commands are decided
            // by the directory alone, so an unchanged directory is the
            // cheap proof; otherwise the plan is made again.
            if index == 0 {
                holds = state.directory == planned_on
                    || import::plan(state, &actor, file, options, at)
                        .is_ok_and(|again| again.steps == *steps);
            }
            if !holds {
                return Err(Rejection::invalid("import", Problem::OutOfRange));
            }
            vela_domain::apply(state, &actor, &steps[index].command, at)
        });
        tokio::runtime::Handle::current()
            .block_on(submitted)
            .map_err(ApiError::from)?
    };
    if !holds {
        return Err(ImportError::Changed);
    }
    let mut revisions = Vec::with_capacity(outcomes.len());
    for outcome in outcomes {
        match outcome {
            Outcome::Accepted { revision } => revisions.push(revision),
            // The same commands on the same state were all accepted a moment
            // ago under the same lock; this cannot happen short of a bug.
            other => {
                return Err(ApiError::internal(format!(
                    "a checked import step was not accepted: {other:?}"
                ))
                .into())
            }
        }
    }
    plan.record_revisions(revisions);
    let revision = *store.durable(org).map_err(ApiError::from)?.borrow();
    tracing::info!(
        rows = plan.report.rows.len(),
        commands = plan.steps.len(),
        by = %actor.person_id().map(|p| p.0).unwrap_or_default(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "people imported"
    );
    Ok(ImportResult {
        applied: true,
        report: plan.report,
        revision: Some(revision),
    })
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
