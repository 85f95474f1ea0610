//! `POST /api/absences/import`: an administrator imports their
//! organisation's absences from a CSV file of the attendance system.
//!
//! The domain plans it ([`vela_domain::agile::import::plan`]); for an apply,
//! the plan is made again under the write lock on the state as it is then
//! and applied only if it gives the same commands (else 409), each new
//! absence becoming a revision, with one fsync: all or nothing, as the
//! people import.

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::post;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use vela_domain::agile::import::{self, FileError, Plan, Report};
use vela_domain::Actor;

use super::csv_upload;
use super::ApiQuery;
use crate::audit::{SecurityEvent, SecurityKind};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::org_store::{now, OrgStore};
use crate::store::Store;
use crate::AppState;

/// The route, with the file limit.
pub fn routes() -> Router<AppState> {
    csv_upload::with_file_limit(Router::new().route("/absences/import", post(import)))
}

/// Query of `POST /api/absences/import`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportQuery {
    /// Only check the file and answer the preview; nothing is stored.
    #[serde(default)]
    dry_run: bool,
}

/// The answer: the preview, or what was done with each row's revision.
#[derive(Serialize, schemars::JsonSchema)]
pub struct AbsenceImportResult {
    /// Whether the absences were stored (never for a dry run).
    applied: bool,
    report: Report,
    /// The organisation's revision after the import (absent for a dry run).
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<u64>,
}

/// Why an import of absences was not done.
pub type ImportError = csv_upload::ImportError<FileError, Report>;

/// The answer when the state changed between the check and the apply.
const CHANGED: &str = "absences or plans changed while the file was checked";

/// Checks (`?dry_run=true`) or applies a CSV file of absences.
pub async fn import(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(query): ApiQuery<ImportQuery>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<AbsenceImportResult>, ImportError> {
    let actor = csv_upload::administrator(
        &state,
        &user,
        "only administrators import absences from a file",
    )?;
    let file = csv_upload::csv_body(&headers, body)?;
    let _turn = csv_upload::take_turn().await?;
    let seed = Uuid::new_v4().as_u128();
    let org = user.org_id;
    let store = state.store.clone();
    let dry_run = query.dry_run;
    let result = tokio::task::spawn_blocking(move || run(&store, org, actor, &file, seed, dry_run))
        .await
        .map_err(ApiError::internal)??;
    if result.applied {
        let counts = &result.report.counts;
        let event = SecurityEvent {
            by: Some(user.person_id),
            detail: format!(
                "absences: {} new, {} planned days withdrawn",
                counts.new, counts.withdrawn_days
            ),
            ..SecurityEvent::about(SecurityKind::Import, user.org_id, user.person_id)
        };
        state.audit.record(&state.store, event).await;
    }
    Ok(Json(result))
}

fn run(
    store: &OrgStore,
    org: Uuid,
    actor: Actor,
    file: &[u8],
    seed: u128,
    dry_run: bool,
) -> Result<AbsenceImportResult, ImportError> {
    let started = Instant::now();
    let at = now();
    let mut plan: Plan = store
        .read(org, |state, _| import::plan(state, &actor, file, seed, at))
        .map_err(ApiError::from)?
        .map_err(ImportError::File)?;
    if dry_run {
        tracing::info!(
            rows = plan.report.rows.len(),
            refused = plan.report.counts.refused,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "absence import checked"
        );
        return Ok(AbsenceImportResult {
            applied: false,
            report: plan.report,
            revision: None,
        });
    }
    if !plan.report.applicable() {
        return Err(ImportError::Refused {
            refused: plan.report.counts.refused,
            report: Box::new(plan.report),
        });
    }
    let steps: Vec<_> = plan.steps.iter().map(|step| &step.command).collect();
    let planned = &plan.steps;
    let revisions = csv_upload::apply_checked(store, org, actor, &steps, at, |state| {
        // Anything may have changed the people's days since the check: the
        // plan is made again on this state, and must be the same.
        import::plan(state, &actor, file, seed, at).is_ok_and(|again| again.steps == *planned)
    })?
    .ok_or(ImportError::Changed(CHANGED))?;
    plan.record_revisions(revisions);
    let revision = *store.durable(org).map_err(ApiError::from)?.borrow();
    tracing::info!(
        rows = plan.report.rows.len(),
        absences = plan.steps.len(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "absences imported"
    );
    Ok(AbsenceImportResult {
        applied: true,
        report: plan.report,
        revision: Some(revision),
    })
}
