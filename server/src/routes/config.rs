//! `GET /api/config`: what the app needs to know about this deployment
//! before anyone signs in — whether it is a demo (then the login page lists
//! the demo accounts and every page says the data are samples), and how
//! people sign in (single sign-on, local passwords, or both).

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
    /// Single sign-on is on: the login page offers a button that opens
    /// `/api/auth/oidc/login`.
    sso: bool,
    /// The provider's name for the button ("Accedi con <name>"), when the
    /// deployment gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    sso_label: Option<String>,
    /// Username and password sign-in is on.
    local_passwords: bool,
}

pub async fn config(State(state): State<AppState>) -> Json<PublicConfig> {
    // A data directory once started with `--demo` keeps the demo accounts
    // even when started without it: still say so.
    let demo = state.config.demo || state.store.organisations().contains(&crate::demo::DEMO_ORG);
    let oidc = state.oidc.as_deref();
    Json(PublicConfig {
        demo,
        sso: oidc.is_some(),
        sso_label: oidc.and_then(|o| o.config().button_label.clone()),
        local_passwords: !state.config.no_local_passwords,
    })
}
