//! Why a single sign-on failed. The login page shows [`OidcError::code`];
//! the detail goes to the server's log for the administrator, never to
//! the browser.

#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    /// Discovery, the key set or the token endpoint could not be reached,
    /// or answered something that is not OpenID Connect.
    #[error("the identity provider cannot be reached or answered wrongly: {0}")]
    ProviderUnavailable(String),
    /// The provider said no (the person cancelled, or may not use Vela).
    #[error("the identity provider refused the sign-in: {0}")]
    Refused(String),
    /// The callback's `state` is unknown, expired, already used, or was
    /// started in another browser: a forged or replayed callback.
    #[error("unknown, expired, already used or foreign sign-in state")]
    InvalidState,
    /// The ID token failed a check: signature, issuer, audience, expiry,
    /// nonce — or there was none.
    #[error("invalid ID token: {0}")]
    InvalidToken(String),
    /// The token is good but names nobody who may use Vela.
    #[error("no active person of Vela has {claim} {value:?}{detail}")]
    UnknownPerson {
        claim: String,
        value: String,
        detail: &'static str,
    },
    /// Roles come from the provider, and none of the person's groups grants one.
    #[error("none of the person's groups grants a Vela role")]
    NoRole,
    /// The ID token lacks the claim that names the person.
    #[error("the ID token carries no usable {0} claim")]
    MissingClaim(String),
    #[error("single sign-on failed: {0}")]
    Internal(String),
}

impl OidcError {
    /// The stable code the login page turns into a sentence.
    pub fn code(&self) -> &'static str {
        match self {
            OidcError::ProviderUnavailable(_) => "provider_unavailable",
            OidcError::Refused(_) => "refused",
            OidcError::InvalidState => "invalid_state",
            OidcError::InvalidToken(_) => "invalid_token",
            OidcError::UnknownPerson { .. } => "unknown_person",
            OidcError::NoRole => "no_role",
            OidcError::MissingClaim(_) => "missing_claim",
            OidcError::Internal(_) => "internal",
        }
    }
}
