//! `GET /api/config`: what the app needs to know about this deployment
//! before anyone signs in — whether it is a demo (then the login page lists
//! the demo accounts and every page says the data are samples).

use axum::extract::State;
use axum::Json;
use serde::Serialize;

use crate::store::Store;
use crate::AppState;

#[derive(Serialize, schemars::JsonSchema)]
pub struct PublicConfig {
    /// The deployment holds the demo partnership, whose accounts have a
    /// public password: its data are samples, not anyone's real plans.
    demo: bool,
}

pub async fn config(State(state): State<AppState>) -> Json<PublicConfig> {
    // A data directory once started with `--demo` keeps the demo accounts
    // even when started without it: still say so.
    let demo = state.config.demo || state.store.organisations().contains(&crate::demo::DEMO_ORG);
    Json(PublicConfig { demo })
}
