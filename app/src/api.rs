//! The HTTP API of `vela-server`, as the app calls it.
//!
//! Every call maps failures to [`ApiError`]: no network is `Offline` (the
//! outbox keeps the work), a lost session is `Unauthorized` (back to login),
//! anything else carries the server's `{ "error", "message" }`.

use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The server could not be reached.
    Offline,
    /// No valid session: the person must log in (again).
    Unauthorized,
    /// The server refused the request or failed; `code` is its stable error code.
    Server {
        status: u16,
        code: String,
        message: String,
    },
    /// The answer was not what this version of the app understands.
    Decode(String),
}

/// The body of every error the server sends.
#[derive(Deserialize)]
struct ErrorBody {
    error: String,
    #[serde(default)]
    message: String,
}

/// `path` of a sync route with the protocol version this build speaks,
/// which every sync request must carry.
pub fn sync_path(path: &str) -> String {
    let separator = if path.contains('?') { '&' } else { '?' };
    format!(
        "{path}{separator}protocol={}",
        vela_domain::sync::PROTOCOL_VERSION
    )
}

/// Sends `body` as JSON to `path` and decodes the JSON answer.
pub async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    let text = crate::json::to_text(body).map_err(|e| ApiError::Decode(e.to_string()))?;
    let request = Request::post(path)
        .header("content-type", "application/json")
        .body(text)
        .map_err(|e| ApiError::Decode(e.to_string()))?;
    decode(request.send().await.map_err(|_| ApiError::Offline)?).await
}

/// PUTs `body` as JSON to `path` and decodes the JSON answer.
pub async fn put<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    let text = crate::json::to_text(body).map_err(|e| ApiError::Decode(e.to_string()))?;
    let request = Request::put(path)
        .header("content-type", "application/json")
        .body(text)
        .map_err(|e| ApiError::Decode(e.to_string()))?;
    decode(request.send().await.map_err(|_| ApiError::Offline)?).await
}

/// GETs `path` and decodes the JSON answer.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let response = Request::get(path)
        .send()
        .await
        .map_err(|_| ApiError::Offline)?;
    decode(response).await
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    if response.ok() {
        let text = response.text().await.map_err(|_| ApiError::Offline)?;
        return crate::json::from_text(&text).map_err(|e| ApiError::Decode(e.to_string()));
    }
    if status == 401 {
        return Err(ApiError::Unauthorized);
    }
    let body = response.text().await.ok();
    let (code, message) = match body.as_deref().map(crate::json::from_text::<ErrorBody>) {
        Some(Ok(body)) => (body.error, body.message),
        _ => ("http_error".to_string(), response.status_text()),
    };
    Err(ApiError::Server {
        status,
        code,
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_paths_carry_the_protocol_version() {
        assert_eq!(
            sync_path("/api/sync/push"),
            format!(
                "/api/sync/push?protocol={}",
                vela_domain::sync::PROTOCOL_VERSION
            )
        );
        assert_eq!(
            sync_path("/api/sync/pull?since=7"),
            format!(
                "/api/sync/pull?since=7&protocol={}",
                vela_domain::sync::PROTOCOL_VERSION
            )
        );
    }
}
