//! `GET /api/health`: liveness for load balancers and start-up scripts, and
//! whether the store can write.

use axum::extract::State;
use axum::Json;
use serde::Serialize;

use crate::error::ApiError;
use crate::store::Store;
use crate::AppState;

#[derive(Serialize, schemars::JsonSchema)]
pub struct Health {
    status: &'static str,
    version: &'static str,
    /// `"ok"` while every organisation's log can be written.
    store: &'static str,
}

/// 200 while the server can store changes; 503 `store_unavailable` while a
/// disk error lasts (the store retries on its own and this turns back to 200
/// once it has written again), so a load balancer or monitor notices.
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    if !state.store.writable() {
        return Err(ApiError::StoreUnavailable);
    }
    Ok(Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
        store: "ok",
    }))
}
