//! Single sign-on routes: `GET /api/auth/oidc/login` sends the browser to
//! the OpenID provider; the provider sends it back to
//! `GET /api/auth/oidc/callback`, which verifies everything and answers a
//! tiny page that moves on at once to `GET /api/auth/oidc/complete`; that
//! one sets the usual `vela_session` cookie and opens the app. Any failure
//! opens the login page with `?sso_error=<code>` saying why.
//!
//! Why two steps: browsers refuse to store a `SameSite=Strict` cookie from
//! the answer to a navigation that came from the provider's site; the
//! second request comes from Vela's own page, so they keep it.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use openidconnect::RedirectUrl;

use super::ApiQuery;
use crate::audit::{SecurityEvent, SecurityKind};
use crate::auth::oidc::{outcome, people, roles, CallbackParams, Handoff, Oidc, OidcError};
use crate::error::ApiError;
use crate::AppState;

/// Path of the callback: the redirect URI to register at the provider is
/// the public URL followed by it.
pub const CALLBACK_PATH: &str = "/api/auth/oidc/callback";

/// The cookie that ties a callback to the browser that started the sign-in
/// (without it, anyone could send a victim a callback URL of their own
/// sign-in and have the victim work in the attacker's account). `Lax`, not
/// `Strict`: it must come back on the provider's redirect, a navigation
/// from another site. Scoped to these routes, gone after ten minutes.
const FLOW_COOKIE: &str = "vela_oidc_state";

/// Starts a sign-in: 303 to the provider. When the provider cannot be
/// reached, 303 to the login page with `sso_error=provider_unavailable`.
pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let oidc = configured(&state)?;
    let started = match redirect_uri(&state, oidc, &headers) {
        Ok(redirect) => oidc.begin(redirect).await,
        Err(e) => Err(e),
    };
    match started {
        Ok(started) => Ok((
            [(header::SET_COOKIE, flow_cookie(&state, &started.state)?)],
            Redirect::to(&started.authorize_url),
        )
            .into_response()),
        Err(error) => {
            let client = state.auth.proxies.client(peer.ip(), &headers);
            outcome::sign_in_failed(&error, client);
            Ok(back_to_login(&state, &error))
        }
    }
}

/// Finishes a sign-in: 303 into the app with a session, or to the login
/// page with `sso_error=<code>`.
pub async fn callback(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiQuery(params): ApiQuery<CallbackParams>,
) -> Result<Response, ApiError> {
    let oidc = configured(&state)?;
    let client = state.auth.proxies.client(peer.ip(), &headers);
    let browser_state = flow_state(&headers);
    let flow = params.state.clone().unwrap_or_default();
    let signed_in = async {
        let identity = oidc.finish(params, browser_state).await?;
        let user = people::find(&state.store, &identity)?;
        if let Some(mapping) = &oidc.config().roles {
            roles::apply(&state.store, &user, mapping.roles_of(&identity.groups)).await?;
        }
        Ok::<_, OidcError>((identity, user))
    }
    .await;
    let (identity, user) = match signed_in {
        Ok(found) => found,
        Err(error) => {
            outcome::sign_in_failed(&error, client);
            return Ok(back_to_login(&state, &error));
        }
    };
    let ticket = oidc.hand_off(Handoff {
        user,
        identity,
        state: flow,
    });
    let next = format!("{COMPLETE_PATH}?ticket={ticket}");
    // No script (the CSP forbids inline ones): a refresh, and a link for
    // the rare browser that ignores it.
    let page = format!(
        "<!doctype html><html lang=\"it\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"refresh\" content=\"0;url={next}\"><title>Vela</title></head>\
<body><p><a href=\"{next}\">Continua / Continue</a></p></body></html>"
    );
    Ok(([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response())
}

/// Path of the second step.
const COMPLETE_PATH: &str = "/api/auth/oidc/complete";

/// The ticket of `GET /api/auth/oidc/complete`.
#[derive(serde::Deserialize)]
pub struct CompleteParams {
    ticket: Option<String>,
}

/// Second step of a verified sign-in: starts the session (303 into the
/// app), when the ticket is live and this browser holds its flow cookie.
pub async fn complete(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiQuery(params): ApiQuery<CompleteParams>,
) -> Result<Response, ApiError> {
    let oidc = configured(&state)?;
    let client = state.auth.proxies.client(peer.ip(), &headers);
    let handoff = params
        .ticket
        .as_deref()
        .and_then(|ticket| oidc.take_handoff(ticket))
        .filter(|handoff| flow_state(&headers) == Some(handoff.state.as_str()));
    let Some(Handoff { user, identity, .. }) = handoff else {
        let error = OidcError::InvalidState;
        outcome::sign_in_failed(&error, client);
        return Ok(back_to_login(&state, &error));
    };
    let token = state.auth.sessions.create(user.clone()).await?;
    outcome::sign_in_succeeded(&user, &identity, client);
    let signed_in = SecurityEvent {
        address: Some(client),
        ..SecurityEvent::about(SecurityKind::SsoSignIn, user.org_id, user.person_id)
    };
    state.audit.record(&state.store, signed_in).await;
    let session = state
        .auth
        .cookie
        .set(&token)
        .ok_or_else(|| ApiError::internal("session cookie is not a valid header"))?;
    // The marker tells the app to ask who is signed in: nothing in this
    // browser remembers a sign-in it did not see start.
    let mut response = Redirect::to("/?signed_in=sso").into_response();
    let cookies = response.headers_mut();
    cookies.append(header::SET_COOKIE, session);
    cookies.append(header::SET_COOKIE, clear_flow_cookie(&state)?);
    Ok(response)
}

fn configured(state: &AppState) -> Result<&Oidc, ApiError> {
    state
        .oidc
        .as_deref()
        .ok_or(ApiError::Missing("single sign-on is not configured"))
}

/// The login page, told why; the flow cookie is dropped.
fn back_to_login(state: &AppState, error: &OidcError) -> Response {
    let mut response = Redirect::to(&format!("/?sso_error={}", error.code())).into_response();
    if let Ok(clear) = clear_flow_cookie(state) {
        response.headers_mut().append(header::SET_COOKIE, clear);
    }
    response
}

/// Where the provider must send the browser back: `--public-url` when set
/// (what the administrator registered), else this request's own host.
fn redirect_uri(
    state: &AppState,
    oidc: &Oidc,
    headers: &HeaderMap,
) -> Result<RedirectUrl, OidcError> {
    let base = match &oidc.config().public_url {
        Some(url) => url.clone(),
        None => {
            let host = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .filter(|h| !h.is_empty() && !h.contains(['/', '?', '#', '@', '\\']))
                .ok_or_else(|| OidcError::Internal("the request names no host".into()))?;
            let scheme = if state.config.secure_cookies {
                "https"
            } else {
                "http"
            };
            format!("{scheme}://{host}")
        }
    };
    RedirectUrl::new(format!("{base}{CALLBACK_PATH}"))
        .map_err(|e| OidcError::Internal(format!("redirect URI from {base:?}: {e}")))
}

fn flow_cookie(state: &AppState, value: &str) -> Result<HeaderValue, ApiError> {
    cookie(state, value, 600)
}

fn clear_flow_cookie(state: &AppState) -> Result<HeaderValue, ApiError> {
    cookie(state, "", 0)
}

fn cookie(state: &AppState, value: &str, max_age: u64) -> Result<HeaderValue, ApiError> {
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{FLOW_COOKIE}={value}; HttpOnly; SameSite=Lax; Path=/api/auth/oidc; Max-Age={max_age}{secure}"
    ))
    .map_err(|_| ApiError::internal("the sign-in state is not a valid cookie"))
}

/// The state the browser's flow cookie holds.
fn flow_state(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == FLOW_COOKIE)
        .map(|(_, value)| value.trim())
        .filter(|value| !value.is_empty())
}
