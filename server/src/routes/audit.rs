//! `GET /api/audit` and `GET /api/audit.csv`: who changed what, on whom and
//! when, and the security log — for the administrators of an organisation,
//! about their own organisation only (see [`crate::audit`]).

use axum::extract::State;
use axum::response::Response;
use axum::Json;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use vela_domain::actor::require_admin_of;
use vela_domain::ids::PersonId;
use vela_domain::Actor;

use super::spreadsheet;
use super::ApiQuery;
use crate::audit::query::{self, Filter, Row, MAX_CSV_ROWS, MAX_REACH};
use crate::audit::SecurityKind;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::store::Store;
use crate::AppState;

/// Entries per page unless asked otherwise, and the most a page may hold.
const DEFAULT_SIZE: usize = 50;
const MAX_SIZE: usize = 200;

/// The filters, all optional.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Entries about this person or by them.
    person: Option<Uuid>,
    /// One kind, as listed in the answer's `kinds`.
    kind: Option<String>,
    /// First day (Rome), `YYYY-MM-DD`.
    from: Option<NaiveDate>,
    /// Last day (Rome), included.
    until: Option<NaiveDate>,
    /// 0 = the newest entries (JSON only).
    page: Option<usize>,
    /// Entries per page, 1–200 (JSON only).
    size: Option<usize>,
}

/// One page of the audit, newest first.
#[derive(Serialize, schemars::JsonSchema)]
pub struct AuditPage {
    entries: Vec<Row>,
    page: usize,
    size: usize,
    /// Matching entries in all.
    total: usize,
    /// Every kind the filter accepts.
    kinds: Vec<String>,
}

/// A page of the caller's organisation's audit.
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(params): ApiQuery<AuditQuery>,
) -> Result<Json<AuditPage>, ApiError> {
    let page = params.page.unwrap_or(0);
    let size = params.size.unwrap_or(DEFAULT_SIZE);
    if !(1..=MAX_SIZE).contains(&size) {
        return Err(ApiError::BadRequest(format!(
            "size must be from 1 to {MAX_SIZE}"
        )));
    }
    if page.saturating_add(1).saturating_mul(size) > MAX_REACH {
        return Err(ApiError::BadRequest(format!(
            "pages reach the newest {MAX_REACH} entries: narrow the dates to see older ones"
        )));
    }
    let filter = filter(&state, &user, &params)?;
    let (items, total) = read(&state, user.org_id, filter, move |items| {
        query::page(items, page, size)
    })
    .await?;
    let entries = named(&state, &user, items)?;
    Ok(Json(AuditPage {
        entries,
        page,
        size,
        total,
        kinds: kinds(),
    }))
}

/// The same entries as a spreadsheet, oldest first (at most
/// [`MAX_CSV_ROWS`]; narrow the dates for more).
pub async fn csv(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiQuery(params): ApiQuery<AuditQuery>,
) -> Result<Response, ApiError> {
    let filter = filter(&state, &user, &params)?;
    let items = read(&state, user.org_id, filter, |items| {
        items.take(MAX_CSV_ROWS).collect::<Vec<_>>()
    })
    .await?;
    let rows = named(&state, &user, items)?;
    let mut writer = spreadsheet::writer();
    let body = (|| {
        writer.write_record([
            "Data e ora (UTC)",
            "Tipo",
            "Autore",
            "Persona",
            "Struttura",
            "Dal",
            "Al",
            "Assenza",
            "Motivo",
            "Indirizzo",
            "Dettaglio",
            "Revisione",
            "Record",
        ])?;
        for row in &rows {
            let name =
                |n: &Option<query::Named>| n.as_ref().map(|n| n.name.clone()).unwrap_or_default();
            let date = |d: Option<NaiveDate>| {
                d.map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default()
            };
            writer.write_record([
                row.at.format("%Y-%m-%d %H:%M:%S").to_string(),
                row.kind.clone(),
                name(&row.actor),
                row.person
                    .as_ref()
                    .map(|n| n.name.clone())
                    .or_else(|| row.username.clone())
                    .unwrap_or_default(),
                name(&row.team),
                date(row.from),
                date(row.until),
                row.absence
                    .as_ref()
                    .map(|a| format!("{:?}", a.kind).to_lowercase())
                    .unwrap_or_default(),
                row.absence
                    .as_ref()
                    .map(|a| a.reason.clone())
                    .unwrap_or_default(),
                row.address.clone().unwrap_or_default(),
                row.detail.clone(),
                row.revision.map(|r| r.to_string()).unwrap_or_default(),
                row.record.map(|r| r.to_string()).unwrap_or_default(),
            ])?;
        }
        spreadsheet::finish(writer)
    })();
    spreadsheet::attachment(body, "registro-attivita.csv")
}

/// The caller's filter, once they are known to administer their own
/// organisation (anyone else: 403).
fn filter(state: &AppState, user: &CurrentUser, params: &AuditQuery) -> Result<Filter, ApiError> {
    if let (Some(from), Some(until)) = (params.from, params.until) {
        if until < from {
            return Err(ApiError::BadRequest("until is before from".into()));
        }
    }
    if let Some(kind) = &params.kind {
        if !kinds().contains(kind) {
            return Err(ApiError::BadRequest(format!("unknown kind {kind:?}")));
        }
    }
    let actor = Actor::Person(PersonId(user.person_id));
    let org = state
        .store
        .read(user.org_id, |s, _| {
            let mine = query::org_of(s, user.person_id)?;
            require_admin_of(s, &actor, mine).ok().map(|()| mine)
        })?
        .ok_or(ApiError::Forbidden(
            "only administrators read the audit log",
        ))?;
    Ok(Filter {
        org: org.0,
        person: params.person,
        kind: params.kind.clone(),
        from: params.from,
        until: params.until,
    })
}

/// Brings the trail up to date, then reads the matching entries off the
/// async workers.
async fn read<R: Send + 'static>(
    state: &AppState,
    store_org: Uuid,
    filter: Filter,
    take: impl FnOnce(&mut dyn Iterator<Item = query::Item>) -> R + Send + 'static,
) -> Result<R, ApiError> {
    if let Err(e) = state.audit.catch_up(&state.store, store_org).await {
        tracing::error!(org = %store_org, "audit trail: {e}");
    }
    let lines = state.audit.lines(store_org, &filter);
    let (taken, failed) = tokio::task::spawn_blocking(move || {
        let failure = lines.failure.clone();
        let mut items = query::entries(lines.trail, lines.security, &filter);
        let taken = take(&mut items);
        drop(items);
        let failed = failure.lock().unwrap_or_else(|e| e.into_inner()).clone();
        (taken, failed)
    })
    .await
    .map_err(ApiError::internal)?;
    match failed {
        Some(e) => Err(ApiError::internal(e)),
        None => Ok(taken),
    }
}

fn named(
    state: &AppState,
    user: &CurrentUser,
    items: Vec<query::Item>,
) -> Result<Vec<Row>, ApiError> {
    let reader = Actor::Person(PersonId(user.person_id));
    Ok(state
        .store
        .read(user.org_id, |s, _| query::rows(s, &reader, items))?)
}

fn kinds() -> Vec<String> {
    vela_domain::audit::KINDS
        .iter()
        .map(|k| (*k).to_owned())
        .chain(SecurityKind::ALL.iter().map(|k| k.code().to_owned()))
        .collect()
}
