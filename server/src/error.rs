//! The one error type of the HTTP API.
//!
//! Every failure leaves as `{"error": code, "message": text}` with a status
//! that says whose fault it was: 4xx for the client's, 5xx only for a real
//! fault of the server. Internal details are logged here, never sent.

use std::time::Duration;

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// An error an API handler returns; handlers use `?` and never build responses by hand.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("no such API route")]
    NotFound,
    /// The route exists but the thing it names does not, or the caller may
    /// not see it (the two answers are the same on purpose).
    #[error("{0}")]
    Missing(&'static str),
    #[error("method not allowed on this route")]
    MethodNotAllowed,
    #[error("login required")]
    Unauthenticated,
    /// Signed in, but the person's roles do not allow this.
    #[error("{0}")]
    Forbidden(&'static str),
    #[error("wrong username or password")]
    InvalidCredentials,
    #[error("too many failed login attempts; retry later")]
    RateLimited { retry_after: Duration },
    /// Every slot for this kind of work is taken; the client may retry soon.
    #[error("the server is busy; retry shortly")]
    Busy { retry_after: Duration },
    #[error("request body must be JSON (content-type: application/json)")]
    UnsupportedMediaType,
    #[error("request body is larger than the limit of {limit} bytes")]
    PayloadTooLarge { limit: usize },
    /// The body or the query string could not be read as the route expects.
    #[error("{0}")]
    BadRequest(String),
    /// Well-formed JSON whose content does not fit the route's schema.
    #[error("{0}")]
    Unprocessable(String),
    /// The same command id was already used by someone else.
    #[error("command id {0} is already used")]
    CommandIdConflict(uuid::Uuid),
    /// The store cannot write to disk right now (full or failing); it
    /// retries on its own, so the client should retry later.
    #[error("the server cannot store changes right now; retry shortly")]
    StoreUnavailable,
    /// The client speaks an older sync protocol than the server.
    #[error("A new version of Vela is available: reload the page.")]
    ClientOutdated,
    /// A fault of the server; the detail is logged, not sent.
    #[error("internal server error")]
    Internal(String),
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
    message: String,
}

impl ApiError {
    /// The stable, machine-readable code clients switch on.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::NotFound | ApiError::Missing(_) => "not_found",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::Unauthenticated => "unauthenticated",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::InvalidCredentials => "invalid_credentials",
            ApiError::RateLimited { .. } => "too_many_attempts",
            ApiError::Busy { .. } => "busy",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::PayloadTooLarge { .. } => "payload_too_large",
            ApiError::BadRequest(_) => "bad_request",
            ApiError::Unprocessable(_) => "invalid_body",
            ApiError::CommandIdConflict(_) => "command_id_conflict",
            ApiError::StoreUnavailable => "store_unavailable",
            ApiError::ClientOutdated => "client_outdated",
            ApiError::Internal(_) => "internal",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::NotFound | ApiError::Missing(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Unauthenticated | ApiError::InvalidCredentials => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::CommandIdConflict(_) => StatusCode::CONFLICT,
            ApiError::StoreUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::ClientOutdated => StatusCode::UPGRADE_REQUIRED,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The error for a bare status some layer answered with.
    pub fn from_status(status: StatusCode) -> Self {
        match status {
            StatusCode::NOT_FOUND => ApiError::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed,
            StatusCode::UNAUTHORIZED => ApiError::Unauthenticated,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType,
            StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge {
                limit: crate::routes::BODY_LIMIT,
            },
            StatusCode::UNPROCESSABLE_ENTITY => {
                ApiError::Unprocessable("the request does not fit this route".into())
            }
            status if status.is_client_error() => {
                ApiError::BadRequest(format!("request refused ({status})"))
            }
            status => ApiError::internal(format!("a layer answered {status}")),
        }
    }

    /// Wraps a server-side fault, keeping its detail for the log only.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        ApiError::Internal(detail.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if let ApiError::Internal(detail) = &self {
            tracing::error!(%detail, "internal error");
        }
        let mut response = (
            status,
            Json(ErrorBody {
                error: self.code(),
                message: self.to_string(),
            }),
        )
            .into_response();
        if let ApiError::RateLimited { retry_after } | ApiError::Busy { retry_after } = &self {
            // Whole seconds, rounded up: a client waiting exactly this long succeeds.
            let secs = retry_after.as_secs() + u64::from(retry_after.subsec_nanos() > 0);
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs.max(1)));
        }
        response
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::MissingJsonContentType(_) => ApiError::UnsupportedMediaType,
            JsonRejection::JsonDataError(e) => ApiError::Unprocessable(e.body_text()),
            JsonRejection::JsonSyntaxError(e) => ApiError::BadRequest(e.body_text()),
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge {
                limit: crate::routes::BODY_LIMIT,
            },
            other => ApiError::BadRequest(other.body_text()),
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError::BadRequest(rejection.body_text())
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(error: crate::store::StoreError) -> Self {
        use crate::store::StoreError;
        match error {
            StoreError::Unavailable => ApiError::StoreUnavailable,
            // After start-up, an I/O error is a failed write: the store
            // retries it, and the client should too.
            StoreError::Io { .. } | StoreError::Database(_) => {
                tracing::error!(%error, "store write failed");
                ApiError::StoreUnavailable
            }
            other => ApiError::internal(other),
        }
    }
}
