//! The built single-page app, with the caching each kind of file deserves.

use std::path::Path;

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

use crate::error::ApiError;

/// Serves `dist/`; a path that is no file gets `index.html`, so a reload on
/// a deep link such as `/calendar` opens the app at that page. The build
/// writes brotli and gzip copies beside each file (`cargo xtask dist`);
/// they are sent as they are to browsers that accept them, so no download
/// costs the server a compression.
pub fn service(dist: &Path) -> Router {
    let index = ServeFile::new(dist.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(cache_headers))
}

/// Hashed assets (`name-<hex hash>.wasm|js|css|bin`) never change under their
/// name, so browsers may keep them for a year; everything else (index.html,
/// the service worker, the manifest) must be revalidated, or a deploy would
/// not reach users.
async fn cache_headers(request: Request, next: Next) -> Response {
    // `/api` and `/api/` slip past the nested API router; an API path must
    // never be answered with the app.
    let path = request.uri().path();
    if path == "/api" || path.starts_with("/api/") {
        return ApiError::NotFound.into_response();
    }
    let hashed = is_hashed_asset(request.uri().path());
    let mut response = next.run(request).await;
    if response.status().is_server_error() {
        // The file system refused the path itself (a name longer than it
        // allows, say): there is no such file to serve.
        tracing::debug!(status = %response.status(), "static file error answered as 404");
        return ApiError::NotFound.into_response();
    }
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let value = if hashed && response.status() == StatusCode::OK && !is_html {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    // The same name gives brotli, gzip or plain bytes by what the browser
    // accepts: a shared cache must keep them apart.
    if !headers.contains_key(header::VARY) {
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    response
}

/// Whether the last path segment looks like trunk's `stem-<16 hex>.ext`
/// (or wasm-bindgen's `stem-<hash>_bg.wasm`).
fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    // `bin`: a piece of the app with its chunks (xtask/src/bundle.rs).
    if !matches!(ext, "wasm" | "js" | "css" | "bin") {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    hash.len() >= 8 && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::is_hashed_asset;

    #[test]
    fn recognises_trunk_hashes() {
        assert!(is_hashed_asset("/vela-app-5983e4a84dd19c52_bg.wasm"));
        assert!(is_hashed_asset("/vela-app-5983e4a84dd19c52.js"));
        assert!(is_hashed_asset("/main-73c3ad4b7d99ffa1.css"));
        // The pieces of the app and their loaders (xtask/src/split.rs).
        assert!(is_hashed_asset("/split_admin-eb0cea330000d9e7.wasm"));
        assert!(is_hashed_asset("/chunk_9-267f61d110268ca1.wasm"));
        assert!(is_hashed_asset("/vela-app-split-a57308e60912a598.js"));
        assert!(is_hashed_asset("/bundle_admin-0b1c2d3e4f506172.bin"));
        assert!(!is_hashed_asset("/sw.js"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/calendar"));
        assert!(!is_hashed_asset("/vela-app.js"));
    }
}
