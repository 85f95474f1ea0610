//! The provider's discovery document and signing keys
//! (`<issuer>/.well-known/openid-configuration` and its `jwks_uri`),
//! fetched when first needed and again once they are older than
//! [`FRESH_FOR`] or a token is signed with a key they lack (the provider
//! rotated its keys). Start-up does not wait for the provider: a provider
//! that is down makes sign-ins fail with a clear message, not the server.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use openidconnect::core::CoreProviderMetadata;
use openidconnect::IssuerUrl;

use super::error::OidcError;
use super::http::Http;

/// How long a discovery is trusted before the next sign-in fetches it again.
pub const FRESH_FOR: Duration = Duration::from_secs(15 * 60);

pub struct Provider {
    issuer: IssuerUrl,
    http: Http,
    cached: Mutex<Option<(Arc<CoreProviderMetadata>, Instant)>>,
}

impl Provider {
    pub fn new(issuer: IssuerUrl, http: Http) -> Self {
        Provider {
            issuer,
            http,
            cached: Mutex::new(None),
        }
    }

    pub fn http(&self) -> &Http {
        &self.http
    }

    /// The metadata, fetched again when stale.
    pub async fn metadata(&self) -> Result<Arc<CoreProviderMetadata>, OidcError> {
        let cached = self
            .cached
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        match cached {
            Some((metadata, at)) if at.elapsed() < FRESH_FOR => Ok(metadata),
            _ => self.discover().await,
        }
    }

    /// Fetches the metadata and keys now.
    pub async fn discover(&self) -> Result<Arc<CoreProviderMetadata>, OidcError> {
        let metadata = CoreProviderMetadata::discover_async(self.issuer.clone(), &self.http)
            .await
            .map_err(|e| {
                OidcError::ProviderUnavailable(format!(
                    "discovery of {}: {}",
                    self.issuer.as_str(),
                    chain(&e)
                ))
            })?;
        let metadata = Arc::new(metadata);
        *self.cached.lock().unwrap_or_else(PoisonError::into_inner) =
            Some((metadata.clone(), Instant::now()));
        Ok(metadata)
    }
}

/// An error with its causes, for the log.
pub fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
