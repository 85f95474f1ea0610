//! The HTTP API of `vela-server`, as the app calls it.
//!
//! Every call maps failures to [`ApiError`]: no network is `Offline` (the
//! outbox keeps the work), a lost session is `Unauthorized` (back to login),
//! anything else carries the server's `{ "error", "message" }`.

use std::cell::RefCell;

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use web_sys::{AbortController, AbortSignal};

thread_local! {
    /// Aborts every request of the session that is ending (see [`cancel_all`]).
    static REQUESTS: RefCell<Option<AbortController>> = RefCell::new(AbortController::new().ok());
}

/// Abandons every request still in flight, before sign-out: the server
/// would answer them after the session ends, and the browser logs each
/// of those 401s as a failed load. Their callers see [`ApiError::Offline`]
/// (their page is gone by then); an abandoned push is sent again with the
/// same command ids at the next sign-in, and the server applies it once.
pub fn cancel_all() {
    REQUESTS.with(|current| {
        if let Some(old) = current.replace(AbortController::new().ok()) {
            old.abort();
        }
    });
}

fn signal() -> Option<AbortSignal> {
    REQUESTS.with(|current| current.borrow().as_ref().map(AbortController::signal))
}

/// `builder` sent under the current session's abort signal, with its body
/// and that body's content type.
async fn send(
    builder: RequestBuilder,
    body: Option<(&str, wasm_bindgen::JsValue)>,
) -> Result<Response, ApiError> {
    let signal = signal();
    let builder = builder.abort_signal(signal.as_ref());
    let request = match body {
        Some((content_type, body)) => builder
            .header("content-type", content_type)
            .body(body)
            .map_err(|e| ApiError::Decode(e.to_string()))?,
        None => builder
            .build()
            .map_err(|e| ApiError::Decode(e.to_string()))?,
    };
    request.send().await.map_err(|_| ApiError::Offline)
}

fn json(text: String) -> Option<(&'static str, wasm_bindgen::JsValue)> {
    Some(("application/json", text.into()))
}

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
    decode(send(Request::post(path), json(text)).await?).await
}

/// PUTs `body` as JSON to `path` and decodes the JSON answer.
pub async fn put<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    let text = crate::json::to_text(body).map_err(|e| ApiError::Decode(e.to_string()))?;
    decode(send(Request::put(path), json(text)).await?).await
}

/// GETs `path` and decodes the JSON answer.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    decode(send(Request::get(path), None).await?).await
}

/// DELETEs `path` (with an empty JSON object: every change is sent as
/// JSON, the server's CSRF rule); the answer's body is not read.
pub async fn delete(path: &str) -> Result<(), ApiError> {
    checked(send(Request::delete(path), json("{}".into())).await?).await?;
    Ok(())
}

/// POSTs a file as it is, with its content type (the browser streams it;
/// the WASM never holds it). The answer is the caller's to read, whatever
/// its status: an import's refusal carries a report.
pub async fn upload(
    path: &str,
    content_type: &str,
    file: web_sys::File,
) -> Result<Response, ApiError> {
    send(Request::post(path), Some((content_type, file.into()))).await
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let text = checked(response)
        .await?
        .text()
        .await
        .map_err(|_| ApiError::Offline)?;
    crate::json::from_text(&text).map_err(|e| ApiError::Decode(e.to_string()))
}

/// The response if it says success; otherwise the error it stands for.
async fn checked(response: Response) -> Result<Response, ApiError> {
    let status = response.status();
    if response.ok() {
        return Ok(response);
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
