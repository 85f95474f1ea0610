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

#[tokio::test]
async fn precompressed_copies_are_sent_as_they_are() {
    let server = Server::start(&[]);
    let http = client();
    let name = "vela-app-fedcba9876543210.js";
    let plain = "console.log('precompressed');\n".repeat(100);
    std::fs::write(server.dist_dir.join(name), &plain).unwrap();
    // Not real brotli or gzip: only a copy read from disk can give these
    // bytes, so they prove nothing was compressed on the way.
    let br = b"brotli copy written by the build".to_vec();
    let gz = b"gzip copy written by the build".to_vec();
    std::fs::write(server.dist_dir.join(format!("{name}.br")), &br).unwrap();
    std::fs::write(server.dist_dir.join(format!("{name}.gz")), &gz).unwrap();
    for (accept, encoding, body) in [
        ("br", Some("br"), br.clone()),
        ("gzip, deflate, br", Some("br"), br.clone()),
        ("gzip", Some("gzip"), gz.clone()),
        ("identity", None, plain.clone().into_bytes()),
    ] {
        let response = http
            .get(server.url(&format!("/{name}")))
            .header(ACCEPT_ENCODING, accept)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{accept}");
        let headers = response.headers().clone();
        assert_eq!(
            headers.get(CONTENT_ENCODING).map(|v| v.to_str().unwrap()),
            encoding,
            "{accept}"
        );
        assert!(headers[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .contains("javascript"));
        assert!(headers[CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("immutable"));
        assert!(
            headers.get_all("vary").iter().any(|v| v
                .to_str()
                .unwrap()
                .to_ascii_lowercase()
                .contains("accept-encoding")),
            "{accept}: {headers:?}"
        );
        assert_eq!(
            response.bytes().await.unwrap().as_ref(),
            body.as_slice(),
            "{accept}"
        );
    }
    // index.html, through the app's fallback too.
    std::fs::write(server.dist_dir.join("index.html.br"), b"brotli index").unwrap();
    let response = http
        .get(server.url("/calendar"))
        .header(ACCEPT_ENCODING, "br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()[CONTENT_ENCODING], "br");
    assert_eq!(response.headers()[CACHE_CONTROL], "no-cache");
    assert_eq!(response.bytes().await.unwrap().as_ref(), b"brotli index");
}
