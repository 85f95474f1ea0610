//! `POST /api/auth/login` and `POST /api/auth/logout`.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::ApiJson;
use crate::audit::{SecurityEvent, SecurityKind};
use crate::auth::limiter::Refused;
use crate::auth::pool::PoolError;
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
/// cookie. The attempt is reserved against the limits before the password
/// is checked (see `auth::limiter`); past them the answer is 429 with
/// Retry-After, even for the right password. When every password-check slot
/// stays busy the answer is 503 with Retry-After, and the attempt does not
/// count.
pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<Response, ApiError> {
    if state.config.no_local_passwords {
        return Err(ApiError::Forbidden(
            "sign-in with a password is switched off here: use single sign-on",
        ));
    }
    if request.username.len() > MAX_USERNAME_BYTES || request.password.len() > MAX_PASSWORD_BYTES {
        return Err(ApiError::Unprocessable(format!(
            "username or password too long (at most {MAX_USERNAME_BYTES} and {MAX_PASSWORD_BYTES} bytes)"
        )));
    }
    let username = accounts::normalise(&request.username);
    let client = state.auth.proxies.client(peer.ip(), &headers);
    let reservation = state
        .auth
        .limiter
        .reserve(&username, client)
        .await
        .map_err(|refused| match refused {
            Refused::Limit(retry_after) => ApiError::RateLimited { retry_after },
            Refused::Unavailable(e) => {
                tracing::error!("login limits: {e}");
                ApiError::StoreUnavailable
            }
        })?;

    let account = match state.auth.accounts.get(&username).await {
        Ok(account) => account,
        Err(e) => {
            reservation.release().await;
            tracing::error!("accounts: {e}");
            return Err(ApiError::StoreUnavailable);
        }
    };
    let checked = state
        .auth
        .pool
        .verify(state.auth.clone(), request.password, account.clone())
        .await;
    let matches = match checked {
        Ok(matches) => matches,
        Err(PoolError::Busy) => {
            reservation.release().await;
            return Err(ApiError::Busy {
                retry_after: std::time::Duration::from_secs(1),
            });
        }
        Err(PoolError::Task(detail)) => {
            reservation.release().await;
            return Err(ApiError::internal(detail));
        }
    };
    let account = match account {
        Some(account) if matches && can_sign_in(&state, &account) => account,
        other => {
            let delay = reservation.failed().await;
            tracing::info!(%username, ip = %client, "failed login");
            let mut event = match &other {
                Some(known) => {
                    SecurityEvent::about(SecurityKind::SignInFailed, known.org_id, known.person_id)
                }
                // What was typed names no account: kept as typed.
                None => SecurityEvent::unattributed(SecurityKind::SignInFailed, &username),
            };
            event.address = Some(client);
            state.audit.record(&state.store, event).await;
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            return Err(ApiError::InvalidCredentials);
        }
    };
    reservation.succeeded().await;
    let mut signed_in =
        SecurityEvent::about(SecurityKind::SignIn, account.org_id, account.person_id);
    signed_in.address = Some(client);
    state.audit.record(&state.store, signed_in).await;

    let token = state
        .auth
        .sessions
        .create(SessionUser {
            person_id: account.person_id,
            org_id: account.org_id,
            username: username.clone(),
        })
        .await?;
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
        state.auth.sessions.remove(token).await?;
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
