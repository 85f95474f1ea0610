//! The HTTP client of single sign-on: reqwest over rustls (the ring
//! provider, the system's trust store, so a provider with the
//! administration's own CA works once that CA is installed), adapted to
//! `openidconnect`'s request and response types.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use openidconnect::{AsyncHttpClient, HttpRequest, HttpResponse};
use rustls_platform_verifier::BuilderVerifierExt;

/// Largest answer read from the provider: discovery documents and key sets
/// are a few kilobytes; anything far bigger is a fault or an attack.
const MAX_BODY: usize = 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("{0}")]
    Request(#[from] reqwest::Error),
    #[error("the answer is larger than {MAX_BODY} bytes")]
    TooLarge,
    #[error("{0}")]
    Http(#[from] openidconnect::http::Error),
}

/// The client `openidconnect` calls (a named type: its futures must be
/// `Send` for every borrow, which a closure's cannot promise).
#[derive(Clone)]
pub struct Http(reqwest::Client);

impl<'c> AsyncHttpClient<'c> for Http {
    type Error = HttpError;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, HttpError>> + Send + 'c>>;

    fn call(&'c self, request: HttpRequest) -> Self::Future {
        Box::pin(send(&self.0, request))
    }
}

/// Builds the client: short timeouts (a person waits on each call) and no
/// redirects followed, as `openidconnect` advises (a redirect could point
/// the server at an internal address).
pub fn client() -> Result<Http, String> {
    let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| e.to_string())?
    .with_platform_verifier()
    .map_err(|e| e.to_string())?
    .with_no_client_auth();
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(10))
        .build()
        .map(Http)
        .map_err(|e| e.to_string())
}

/// Sends one request of the `openidconnect` flow.
async fn send(client: &reqwest::Client, request: HttpRequest) -> Result<HttpResponse, HttpError> {
    let request = reqwest::Request::try_from(request)?;
    let mut response = client.execute(request).await?;
    let mut builder = openidconnect::http::Response::builder().status(response.status());
    for (name, value) in response.headers() {
        builder = builder.header(name, value);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > MAX_BODY {
            return Err(HttpError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(builder.body(body)?)
}
