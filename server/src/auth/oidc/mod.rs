//! Single sign-on with OpenID Connect: the authorization code flow with
//! PKCE, `state` and `nonce`.
//!
//! [`Oidc::begin`] makes the provider's authorization URL and keeps the
//! flow's secrets on the server ([`flows`]); the browser carries only the
//! `state`, in the URL and in a short-lived cookie that ties the callback
//! to the browser that started it. [`Oidc::finish`] checks that `state`,
//! exchanges the code (with the PKCE verifier) and verifies the ID token —
//! signature against the provider's keys, issuer, audience, expiry, nonce
//! — and returns the claim that names the person. Who that person is in
//! Vela is [`people::find`]'s answer; [`outcome`] records how it ended.

use std::collections::BTreeMap;

use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreAuthenticationFlow, CoreErrorResponseType,
    CoreGenderClaim, CoreJsonWebKey, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
    CoreProviderMetadata, CoreRevocableToken, CoreRevocationErrorResponse,
    CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AdditionalClaims, AuthorizationCode, ClaimsVerificationError, Client, CsrfToken,
    EmptyExtraTokenFields, EndpointMaybeSet, EndpointNotSet, EndpointSet, IdTokenClaims,
    IdTokenFields, Nonce, PkceCodeChallenge, RedirectUrl, RequestTokenError, Scope,
    StandardErrorResponse, StandardTokenResponse, TokenResponse,
};
use serde::{Deserialize, Serialize};

pub mod config;
pub mod error;
pub mod flows;
pub mod http;
pub mod outcome;
pub mod people;
pub mod provider;
pub mod roles;

pub use config::{OidcConfig, UsernameClaim};
pub use error::OidcError;

use crate::auth::SessionUser;
use flows::{Flow, Flows, Pending};

/// How long the browser has to come from the callback to the session.
const HANDOFF_TTL: std::time::Duration = std::time::Duration::from_secs(60);

/// A verified sign-in waiting for its browser's second step (see
/// `routes::oidc`): the session cookie is set on a navigation from Vela's
/// own page, because browsers refuse a `SameSite=Strict` cookie on the
/// provider's redirect.
pub struct Handoff {
    pub user: SessionUser,
    pub identity: Identity,
    /// The flow's state, which the browser's flow cookie must still hold.
    pub state: String,
}
use provider::{chain, Provider};

/// The claims of an ID token beyond the standard ones, so a deployment can
/// name people by any claim its provider sends.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct ExtraClaims(BTreeMap<String, serde_json::Value>);

impl AdditionalClaims for ExtraClaims {}

type Claims = IdTokenClaims<ExtraClaims, CoreGenderClaim>;
type Tokens = StandardTokenResponse<
    IdTokenFields<
        ExtraClaims,
        EmptyExtraTokenFields,
        CoreGenderClaim,
        CoreJweContentEncryptionAlgorithm,
        CoreJwsSigningAlgorithm,
    >,
    CoreTokenType,
>;
type OidcClient = Client<
    ExtraClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    Tokens,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// What the provider sends back to the callback route.
#[derive(Debug, Default, Deserialize)]
pub struct CallbackParams {
    pub code: Option<String>,
    pub state: Option<String>,
    pub error: Option<String>,
    pub error_description: Option<String>,
}

/// A started sign-in: where to send the browser, and the `state` it must
/// bring back.
pub struct Started {
    pub authorize_url: String,
    pub state: String,
}

/// Who the provider vouched for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub claim: UsernameClaim,
    /// The claim's value (a username or an e-mail address).
    pub value: String,
    /// The provider's stable identifier of the person, for the log.
    pub subject: String,
    /// The groups of the roles claim, when roles come from the provider.
    pub groups: Vec<String>,
}

/// Single sign-on of one deployment.
pub struct Oidc {
    config: OidcConfig,
    provider: Provider,
    flows: Flows,
    handoffs: Pending<Handoff>,
}

impl Oidc {
    pub fn new(config: OidcConfig) -> Result<Self, OidcError> {
        let http = http::client().map_err(OidcError::Internal)?;
        Ok(Oidc {
            provider: Provider::new(config.issuer.clone(), http),
            config,
            flows: Flows::default(),
            handoffs: Pending::new(HANDOFF_TTL, flows::MAX_PENDING),
        })
    }

    pub fn config(&self) -> &OidcConfig {
        &self.config
    }

    /// Fetches the provider's metadata now: at start-up, so a wrong issuer
    /// shows in the log before anyone tries to sign in.
    pub async fn probe(&self) -> Result<(), OidcError> {
        self.provider.discover().await.map(|_| ())
    }

    /// Starts a sign-in that will come back to `redirect`.
    pub async fn begin(&self, redirect: RedirectUrl) -> Result<Started, OidcError> {
        let metadata = self.provider.metadata().await?;
        let client = self.client(&metadata, redirect.clone());
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("profile".into()))
            .add_scope(Scope::new("email".into()))
            .set_pkce_challenge(challenge)
            .url();
        let state = state.secret().clone();
        self.flows
            .insert(state.clone(), Flow::new(verifier, nonce, redirect));
        Ok(Started {
            authorize_url: url.to_string(),
            state,
        })
    }

    /// Finishes a sign-in: `browser_state` is the state the browser's flow
    /// cookie holds, which must be the callback's.
    pub async fn finish(
        &self,
        params: CallbackParams,
        browser_state: Option<&str>,
    ) -> Result<Identity, OidcError> {
        let state = params.state.as_deref().ok_or(OidcError::InvalidState)?;
        let flow = self.flows.take(state).ok_or(OidcError::InvalidState)?;
        if browser_state != Some(state) {
            return Err(OidcError::InvalidState);
        }
        if let Some(error) = params.error {
            let description = params.error_description.unwrap_or_default();
            return Err(OidcError::Refused(format!("{error} {description}")));
        }
        let code = params
            .code
            .ok_or_else(|| OidcError::Refused("no authorization code in the callback".into()))?;
        let metadata = self.provider.metadata().await?;
        let client = self.client(&metadata, flow.redirect.clone());
        let tokens = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| OidcError::ProviderUnavailable(format!("no token endpoint: {e}")))?
            .set_pkce_verifier(flow.verifier)
            .request_async(self.provider.http())
            .await
            .map_err(|e| match e {
                RequestTokenError::ServerResponse(answer) => {
                    OidcError::Refused(format!("token endpoint: {answer}"))
                }
                RequestTokenError::Request(e) => {
                    OidcError::ProviderUnavailable(format!("token endpoint: {}", chain(&e)))
                }
                other => OidcError::InvalidToken(format!("token endpoint: {}", chain(&other))),
            })?;
        let id_token = tokens
            .id_token()
            .ok_or_else(|| OidcError::InvalidToken("the token answer has no ID token".into()))?;
        let claims = match self.verify(&client, id_token, &flow.nonce) {
            Err(ClaimsVerificationError::SignatureVerification(_)) => {
                // Perhaps signed with a key published since the last
                // discovery: fetch the keys again and check once more.
                let fresh = self.provider.discover().await?;
                let client = self.client(&fresh, flow.redirect);
                self.verify(&client, id_token, &flow.nonce)
            }
            result => result,
        }
        .map_err(|e| OidcError::InvalidToken(chain(&e)))?;
        self.identity(&claims)
    }

    /// Keeps a verified sign-in for its second step; returns its one-time ticket.
    pub fn hand_off(&self, handoff: Handoff) -> String {
        let ticket = CsrfToken::new_random().secret().clone();
        self.handoffs.insert(ticket.clone(), handoff);
        ticket
    }

    /// The sign-in of `ticket`, once.
    pub fn take_handoff(&self, ticket: &str) -> Option<Handoff> {
        self.handoffs.take(ticket)
    }

    fn client(&self, metadata: &CoreProviderMetadata, redirect: RedirectUrl) -> OidcClient {
        OidcClient::from_provider_metadata(
            metadata.clone(),
            self.config.client_id.clone(),
            self.config.client_secret.clone(),
        )
        .set_redirect_uri(redirect)
    }

    fn verify(
        &self,
        client: &OidcClient,
        id_token: &openidconnect::IdToken<
            ExtraClaims,
            CoreGenderClaim,
            CoreJweContentEncryptionAlgorithm,
            CoreJwsSigningAlgorithm,
        >,
        nonce: &Nonce,
    ) -> Result<Claims, ClaimsVerificationError> {
        let offset = chrono::Duration::seconds(self.config.clock_offset_secs);
        let verifier = client
            .id_token_verifier()
            .set_time_fn(move || chrono::Utc::now() + offset);
        id_token.claims(&verifier, nonce).cloned()
    }

    /// The claim that names the person, as configured.
    fn identity(&self, claims: &Claims) -> Result<Identity, OidcError> {
        let claim = self.config.username_claim.clone();
        let value = match &claim {
            UsernameClaim::PreferredUsername => {
                claims.preferred_username().map(|u| u.as_str().to_string())
            }
            UsernameClaim::Email => {
                if claims.email_verified() == Some(false) {
                    return Err(OidcError::MissingClaim(
                        "email (the provider says it is not verified)".into(),
                    ));
                }
                claims.email().map(|e| e.as_str().to_string())
            }
            UsernameClaim::Other(name) if name == "sub" => Some(claims.subject().to_string()),
            UsernameClaim::Other(name) => claims
                .additional_claims()
                .0
                .get(name)
                .and_then(|v| v.as_str())
                .map(str::to_string),
        };
        let value = value
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .ok_or_else(|| OidcError::MissingClaim(claim.name().to_string()))?;
        let groups = match &self.config.roles {
            Some(roles) => match claims.additional_claims().0.get(&roles.claim) {
                Some(serde_json::Value::Array(items)) => items
                    .iter()
                    .filter_map(|g| g.as_str().map(str::to_string))
                    .collect(),
                Some(serde_json::Value::String(one)) => vec![one.clone()],
                _ => Vec::new(),
            },
            None => Vec::new(),
        };
        Ok(Identity {
            claim,
            value,
            subject: claims.subject().to_string(),
            groups,
        })
    }
}
