//! `POST /api/auth/login` and `POST /api/auth/logout`.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::ApiJson;
use crate::auth::limiter::Key;
use crate::auth::{accounts, cookie, Auth, SessionUser};
use crate::error::ApiError;
use crate::store::Store;
use crate::AppState;

/// Longest password checked: argon2 takes any length, but hashing a
/// megabyte per guess is a cheap way to burn the server's CPU.
const MAX_PASSWORD_BYTES: usize = 1024;
const MAX_USERNAME_BYTES: usize = 128;

#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    username: String,
    password: String,
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct LoginResponse {
    username: String,
    person_id: Uuid,
    org_id: Uuid,
}

/// Checks the credentials and starts a session in the `vela_session`
/// cookie. Failures count against the account and the client address;
/// past the limit the answer is 429 with Retry-After, even for the right
/// password.
pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<Response, ApiError> {
    if request.username.len() > MAX_USERNAME_BYTES || request.password.len() > MAX_PASSWORD_BYTES {
        return Err(ApiError::Unprocessable(format!(
            "username or password too long (at most {MAX_USERNAME_BYTES} and {MAX_PASSWORD_BYTES} bytes)"
        )));
    }
    let username = accounts::normalise(&request.username);
    let account_key = Key::Account(username.clone());
    let keys = [account_key.clone(), Key::Address(peer.ip())];
    state
        .auth
        .limiter
        .check(&keys)
        .map_err(|retry_after| ApiError::RateLimited { retry_after })?;

    let account = state.auth.accounts.get(&username);
    let auth = state.auth.clone();
    let checked = account.clone();
    // argon2 takes tens of milliseconds of CPU: keep it off the async workers.
    let matches =
        tokio::task::spawn_blocking(move || auth.verify(&request.password, checked.as_ref()))
            .await
            .map_err(ApiError::internal)?;
    let account = match account {
        Some(account) if matches && can_sign_in(&state, &account) => account,
        _ => {
            state.auth.limiter.fail(&keys);
            tracing::info!(%username, ip = %peer.ip(), "failed login");
            return Err(ApiError::InvalidCredentials);
        }
    };
    state.auth.limiter.succeed(&account_key);

    let token = state
        .auth
        .sessions
        .create(SessionUser {
            person_id: account.person_id,
            org_id: account.org_id,
            username: username.clone(),
        })
        .map_err(ApiError::internal)?;
    let set_cookie = set_cookie(&state.auth, Some(&token))?;
    let body = axum::Json(LoginResponse {
        username,
        person_id: account.person_id,
        org_id: account.org_id,
    });
    Ok(([(header::SET_COOKIE, set_cookie)], body).into_response())
}

/// Ends the session (if any) on the server and clears the cookie. Always
/// succeeds: logging out twice, or with an expired session, is not an error.
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    if let Some(token) = cookie::token(&headers) {
        state.auth.sessions.remove(token);
    }
    let clear = set_cookie(&state.auth, None)?;
    Ok((
        [(header::SET_COOKIE, clear)],
        axum::Json(serde_json::json!({ "status": "logged_out" })),
    )
        .into_response())
}

fn set_cookie(auth: &Arc<Auth>, token: Option<&str>) -> Result<HeaderValue, ApiError> {
    match token {
        Some(token) => auth.cookie.set(token),
        None => auth.cookie.clear(),
    }
    .ok_or_else(|| ApiError::internal("session cookie is not a valid header"))
}

/// Whether the account's person exists and is active in the domain state:
/// a deactivated person keeps the account but cannot sign in.
fn can_sign_in(state: &AppState, account: &accounts::Account) -> bool {
    state
        .store
        .read(account.org_id, |org, _| {
            org.directory
                .people
                .get(&vela_domain::ids::PersonId(account.person_id))
                .is_some_and(|p| p.active)
        })
        .unwrap_or(false)
}
