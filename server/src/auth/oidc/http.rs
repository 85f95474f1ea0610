//! The HTTP client of single sign-on: hyper over rustls (the ring
//! provider, the system's trust store, so a provider with the
//! administration's own CA works once that CA is installed), adapted to
//! `openidconnect`'s request and response types.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use openidconnect::{AsyncHttpClient, HttpRequest, HttpResponse};
use rustls_platform_verifier::BuilderVerifierExt;

/// Largest answer read from the provider: discovery documents and key sets
/// are a few kilobytes; anything far bigger is a fault or an attack.
const MAX_BODY: usize = 1024 * 1024;
/// A person waits on every call: a provider slower than this is down.
const TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("{0}")]
    Request(#[from] hyper_util::client::legacy::Error),
    #[error("no answer within {} seconds", TIMEOUT.as_secs())]
    Timeout,
    #[error("reading the answer: {0}")]
    Body(String),
    #[error("{0}")]
    Http(#[from] openidconnect::http::Error),
}

/// The client `openidconnect` calls. It follows no redirects, as
/// `openidconnect` advises (a redirect could point the server at an
/// internal address).
#[derive(Clone)]
pub struct Http(Client<HttpsConnector<HttpConnector>, Full<axum::body::Bytes>>);

impl<'c> AsyncHttpClient<'c> for Http {
    type Error = HttpError;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, HttpError>> + Send + 'c>>;

    fn call(&'c self, request: HttpRequest) -> Self::Future {
        Box::pin(async move {
            tokio::time::timeout(TIMEOUT, self.send(request))
                .await
                .map_err(|_| HttpError::Timeout)?
        })
    }
}

impl Http {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, HttpError> {
        let (parts, body) = request.into_parts();
        let request = openidconnect::http::Request::from_parts(parts, Full::from(body));
        let response = self.0.request(request).await?;
        let (parts, body) = response.into_parts();
        let body = Limited::new(body, MAX_BODY)
            .collect()
            .await
            .map_err(|e| HttpError::Body(e.to_string()))?
            .to_bytes()
            .to_vec();
        Ok(openidconnect::http::Response::from_parts(parts, body))
    }
}

/// Builds the client. `http://` issuers are allowed for tests and
/// providers on the same host; the docs ask for `https://`.
pub fn client() -> Result<Http, String> {
    let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| e.to_string())?
    .with_platform_verifier()
    .map_err(|e| e.to_string())?
    .with_no_client_auth();
    let mut http = HttpConnector::new();
    http.enforce_http(false);
    http.set_connect_timeout(Some(Duration::from_secs(5)));
    let connector = hyper_rustls::HttpsConnectorBuilder::new()
        .with_tls_config(tls)
        .https_or_http()
        .enable_http1()
        .wrap_connector(http);
    Ok(Http(Client::builder(TokioExecutor::new()).build(connector)))
}
