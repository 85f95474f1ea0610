//! `PUT /api/people/{id}/password`: an administrator gives a person of
//! their organisation the password they sign in with (a new colleague, or
//! a forgotten password). The account lives in `accounts.json` (or the
//! database), never in the synced state, so this is a route and not a
//! domain command.

use axum::extract::{Path, State};
use axum::Json;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use vela_domain::actor::{administers_partnership, may_set_password, require_admin};
use vela_domain::directory::{password_long_enough, MIN_PASSWORD_CHARS};
use vela_domain::ids::PersonId;
use vela_domain::Actor;

use super::ApiJson;
use crate::audit::{SecurityEvent, SecurityKind};
use crate::auth::{password, Account, CurrentUser};
use crate::error::ApiError;
use crate::store::Store;
use crate::AppState;

/// Longest, in bytes, as at login.
const MAX_PASSWORD_BYTES: usize = 1024;

#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetPassword {
    password: String,
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct PasswordSet {
    /// The username the person signs in with.
    username: String,
}

/// Sets the password of person `id`, ending their open sessions.
pub async fn set_password(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    ApiJson(request): ApiJson<SetPassword>,
) -> Result<Json<PasswordSet>, ApiError> {
    let actor = Actor::Person(PersonId(user.person_id));
    let username = state.store.read(user.org_id, |org, _| {
        if require_admin(org, &actor).is_err() && !administers_partnership(org, &actor) {
            return Err(ApiError::Forbidden("only administrators set passwords"));
        }
        // Only people of the administrator's own organisation (another
        // administration's people do not exist for them: one store may
        // hold a partnership), or, for the partnership's administrators,
        // the administrators of its organisations.
        org.directory
            .people
            .get(&PersonId(id))
            .filter(|p| may_set_password(org, &actor, p.id))
            .map(|p| p.username.clone())
            .ok_or(ApiError::Missing("no such person in your organisation"))
    })??;
    if !password_long_enough(&request.password) || request.password.len() > MAX_PASSWORD_BYTES {
        return Err(ApiError::Unprocessable(format!(
            "the password must be at least {MIN_PASSWORD_CHARS} characters (and at most {MAX_PASSWORD_BYTES} bytes)"
        )));
    }
    let strength = state.auth.strength;
    let password_hash =
        tokio::task::spawn_blocking(move || password::hash(&request.password, strength))
            .await
            .map_err(ApiError::internal)?
            .map_err(ApiError::internal)?;
    let account = Account {
        person_id: id,
        org_id: user.org_id,
        password_hash,
    };
    state
        .auth
        .accounts
        .set_for_person(&username, account)
        .await
        .map_err(ApiError::internal)?;
    // Whoever knew the old password is signed out, on every replica.
    state.auth.sessions.end_person(id).await?;
    tracing::info!(person = %id, by = %user.person_id, "password set");
    let mut event = SecurityEvent::about(SecurityKind::PasswordSet, user.org_id, id);
    event.by = Some(user.person_id);
    state.audit.record(&state.store, event).await;
    Ok(Json(PasswordSet { username }))
}
