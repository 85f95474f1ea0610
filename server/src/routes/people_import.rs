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

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::post;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use vela_domain::directory::import::{self, FileError, Options, Plan, Report};
use vela_domain::directory::Directory;
use vela_domain::Actor;

use super::csv_upload;
use super::ApiQuery;
use crate::audit::{SecurityEvent, SecurityKind};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::org_store::now;
use crate::store::Store;
use crate::AppState;

/// The route, with its own body limit: a file is larger than any JSON body.
pub fn routes() -> Router<AppState> {
    csv_upload::with_file_limit(Router::new().route("/people/import", post(import)))
}

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

/// Why an import of people was not done.
pub type ImportError = csv_upload::ImportError<FileError, Report>;

/// The answer when the state changed between the check and the apply.
const CHANGED: &str = "the people of the organisation changed while the file was checked";

/// Checks (`?dry_run=true`) or applies a CSV file of people.
pub async fn import(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(query): ApiQuery<ImportQuery>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<ImportResult>, ImportError> {
    let actor = csv_upload::administrator(
        &state,
        &user,
        "only administrators import people from a file",
    )?;
    let file = csv_upload::csv_body(&headers, body)?;
    let _turn = csv_upload::take_turn().await?;
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
        return Err(ImportError::Refused {
            refused: plan.report.counts.refused,
            report: Box::new(plan.report),
        });
    }
    let steps: Vec<_> = plan.steps.iter().map(|step| &step.command).collect();
    let planned = &plan.steps;
    let revisions = csv_upload::apply_checked(store, org, actor, &steps, at, |state| {
        // The plan must still be the one checked, or nothing of it is
        // applied. Directory commands are decided by the directory alone,
        // so an unchanged directory is the cheap proof; otherwise the plan
        // is made again.
        state.directory == planned_on
            || import::plan(state, &actor, file, options, at)
                .is_ok_and(|again| again.steps == *planned)
    })?
    .ok_or(ImportError::Changed(CHANGED))?;
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
