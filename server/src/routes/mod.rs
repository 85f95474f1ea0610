//! The router: every route and the middleware around them, built in one place.
//!
//! `/api/…` answers JSON only (an unknown API path is a JSON 404, never the
//! app); everything else is the single-page app from `dist/`.

use axum::extract::{DefaultBodyLimit, FromRequest, FromRequestParts, Request};
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::error::ApiError;
use crate::AppState;

pub mod absences_import;
pub mod accounts;
pub mod audit;
pub mod auth;
pub mod calendar;
pub mod certificates;
pub mod config;
pub mod csv_upload;
pub mod encoded_json;
pub mod health;
pub mod mail;
pub mod me;
pub mod oidc;
pub mod openapi;
pub mod partnership;
pub mod people_import;
pub mod personal_data;
pub mod reports;
pub mod spreadsheet;
pub mod static_files;
pub mod sync;
pub mod webinars;

/// Largest request body accepted, in bytes (1 MiB): a push of a few hundred
/// commands fits easily; anything bigger is a client fault or an attack.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// Content-Security-Policy of every response. WASM needs `'wasm-unsafe-eval'`;
/// nothing else is relaxed (the built index.html carries no inline script).
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; \
object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Builds the whole application: API, static files, middleware.
pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .route("/health", get(health::health))
        .route("/config", get(config::config))
        .route("/partnership/organisations", post(partnership::add_member))
        .route("/auth/login", post(auth::login))
        .route("/auth/logout", post(auth::logout))
        .route("/auth/oidc/login", get(oidc::login))
        .route("/auth/oidc/callback", get(oidc::callback))
        .route("/auth/oidc/complete", get(oidc::complete))
        .route("/me", get(me::me))
        .route("/people/{id}/password", put(accounts::set_password))
        .route("/openapi.json", get(openapi::openapi))
        .route("/sync/push", post(sync::push))
        .route("/sync/pull", get(sync::pull))
        .route("/sync/events", get(sync::events))
        .route("/calendar.ics", get(calendar::download))
        .route(
            "/calendar/feed",
            get(calendar::feed_status)
                .post(calendar::create_feed)
                .delete(calendar::revoke_feed),
        )
        .route("/feeds/{file}", get(calendar::feed))
        .route("/webinars/{id}/ics", get(calendar::session))
        .route("/webinars/{id}/attendees.csv", get(webinars::attendees_csv))
        .route("/certificates/{code}", get(certificates::check))
        .route("/reports/{period}", get(reports::report_json))
        .route(
            "/reports/{period}/organisations",
            get(reports::organisations_json),
        )
        .route("/reports/{period}/teams.csv", get(reports::teams_csv))
        .route("/reports/{period}/weekdays.csv", get(reports::weekdays_csv))
        .route(
            "/reports/{period}/organisations.csv",
            get(reports::organisations_csv),
        )
        .route("/admin/mail", get(mail::status))
        .route("/audit", get(audit::list))
        .route("/audit.csv", get(audit::csv))
        .route("/me/personal-data", get(personal_data::mine))
        .route("/people/{id}/personal-data", get(personal_data::of_person))
        // On matched routes only: a method a route does not declare is a
        // 405 whatever its content type, and an unknown path a 404.
        .route_layer(middleware::from_fn(require_json_body))
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        // The extractor turns an oversized body into a JSON 413 (see `ApiJson`).
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        // Transport-level guard for any body, whoever reads it; its own
        // answer is plain text, which `json_errors` below rewrites.
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        // A CSV file upload, with its own content type and larger limit.
        .merge(people_import::routes())
        .merge(absences_import::routes())
        // Every API answer is about someone (or harmless): no cache, shared
        // or private, may keep it. Files set their own (also no-store).
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(middleware::from_fn(json_errors));

    let secure = state.config.secure_cookies;
    let body_timeout = state.config.body_timeout();
    let app = Router::new()
        .nest("/api", api)
        .fallback_service(static_files::service(&state.config.dist_dir))
        .with_state(state)
        // A body that stalls is cut off (the answer is a JSON 400); the
        // connection's own timeouts are in `connections`.
        .layer(RequestBodyTimeoutLayer::new(body_timeout))
        .layer(CompressionLayer::new().gzip(true).br(true))
        .layer(security_header(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(security_header(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(security_header(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(security_header(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(TraceLayer::new_for_http());
    if secure {
        // Served over HTTPS (that is what `--secure-cookies` declares):
        // browsers must never fall back to plain HTTP for this host.
        app.layer(security_header(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        ))
    } else {
        app
    }
}

fn security_header(name: HeaderName, value: HeaderValue) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(name, value)
}

/// State-changing API requests must declare a JSON body. Besides strictness
/// this closes a CSRF path: an HTML form cannot send `application/json`.
/// Oversized declared bodies are refused here before anything is read.
async fn require_json_body(request: Request, next: Next) -> Result<Response, ApiError> {
    let changes_state = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if changes_state {
        if !declares_json(request.headers()) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let declared = request
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|len| len > BODY_LIMIT as u64) {
            return Err(ApiError::PayloadTooLarge { limit: BODY_LIMIT });
        }
    }
    Ok(next.run(request).await)
}

/// Whether the body is declared as `application/json` (parameters such as
/// `charset` allowed).
fn declares_json(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"))
}

/// Every API error leaves as JSON, including those made by layers and
/// extractors that answer in plain text (tower-http's 413, axum's own
/// rejections): a client must never have to parse anything else.
async fn json_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if (status.is_client_error() || status.is_server_error()) && !is_json {
        let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
        let mut fixed = ApiError::from_status(status).into_response();
        if let Some(value) = retry_after {
            fixed.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return fixed;
    }
    response
}

/// A strict JSON body: `application/json`, a JSON object at the top (serde
/// would also read a struct from an array), and types that deny unknown
/// fields. Rejections speak our error shape: 400 for bytes that are not
/// JSON, 422 for JSON of the wrong shape, 413 past the body limit.
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        if !declares_json(request.headers()) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = axum::body::Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::PayloadTooLarge { limit: BODY_LIMIT }
                } else {
                    ApiError::BadRequest(rejection.body_text())
                }
            })?;
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
        if first.is_some_and(|b| *b != b'{')
            && serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_ok()
        {
            return Err(ApiError::Unprocessable(
                "the body must be a JSON object".into(),
            ));
        }
        let axum::Json(value) = axum::Json::<T>::from_bytes(&bytes)?;
        Ok(ApiJson(value))
    }
}

impl<T: serde::Serialize> axum::response::IntoResponse for ApiJson<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// `axum::extract::Query` whose rejections speak our error shape.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct ApiQuery<T>(pub T);
