//! `GET /api/health`: liveness for load balancers and start-up scripts.

use axum::Json;
use serde::Serialize;

#[derive(Serialize, schemars::JsonSchema)]
pub struct Health {
    status: &'static str,
    version: &'static str,
}

pub async fn health() -> Json<Health> {
    Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
    })
}
