//! The HTTP foundation: health, static files with SPA fallback, JSON 404s,
//! security headers, compression.

mod common;

use common::{client, Server, INDEX_HTML, WASM_NAME};
use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE};

#[tokio::test]
async fn health_reports_version() {
    let server = Server::start(&[]);
    let response = client()
        .get(server.url("/api/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
}

#[tokio::test]
async fn deep_links_get_the_app_and_unknown_api_paths_get_json_404() {
    let server = Server::start(&[]);
    let http = client();
    for path in ["/", "/calendar", "/webinars/some/deep/link", "/index.html"] {
        let response = http.get(server.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            response.headers()[CACHE_CONTROL].to_str().unwrap(),
            "no-cache",
            "{path}"
        );
        assert_eq!(response.text().await.unwrap(), INDEX_HTML, "{path}");
    }
    for path in ["/api/nope", "/api/", "/api/sync/nothing", "/api"] {
        let response = http.get(server.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 404, "{path}");
        assert!(response.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/json"));
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"], "not_found", "{path}");
        assert!(body["message"].is_string());
    }
    // A known route with the wrong method is a JSON 405, not the app either.
    let response = http.delete(server.url("/api/health")).send().await.unwrap();
    assert!(response.status().is_client_error());
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(body["error"].is_string());
}

#[tokio::test]
async fn assets_are_typed_and_cached_by_kind() {
    let server = Server::start(&[]);
    let http = client();
    let response = http
        .get(server.url(&format!("/{WASM_NAME}")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()[CONTENT_TYPE], "application/wasm");
    let cache = response.headers()[CACHE_CONTROL]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cache.contains("immutable") && cache.contains("max-age=31536000"),
        "{cache}"
    );
    let response = http.get(server.url("/sw.js")).send().await.unwrap();
    assert_eq!(response.headers()[CACHE_CONTROL], "no-cache");
    // A hashed name that does not exist falls back to the app, never cached for long.
    let response = http
        .get(server.url("/gone-0123456789abcdef.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()[CACHE_CONTROL], "no-cache");
}

#[tokio::test]
async fn security_headers_on_every_response() {
    let server = Server::start(&[]);
    let http = client();
    for path in ["/", "/calendar", "/api/health", "/api/nope", "/sw.js"] {
        let response = http.get(server.url(path)).send().await.unwrap();
        let h = response.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{path}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
    }
}

#[tokio::test]
async fn compresses_with_gzip_and_brotli_when_accepted() {
    let server = Server::start(&[]);
    let http = client();
    let path = "/vela-app-0123456789abcdef.js";
    for (accept, expected) in [("gzip", "gzip"), ("br", "br"), ("br, gzip", "br")] {
        let response = http
            .get(server.url(path))
            .header(ACCEPT_ENCODING, accept)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()[CONTENT_ENCODING], expected, "{accept}");
    }
    let response = http.get(server.url(path)).send().await.unwrap();
    assert!(response.headers().get(CONTENT_ENCODING).is_none());
}
