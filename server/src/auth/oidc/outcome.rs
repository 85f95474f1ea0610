//! How each single sign-on ended, in the server's log (the callback route
//! also writes a success to the security log).

use std::net::IpAddr;

use super::{Identity, OidcError};
use crate::auth::SessionUser;

/// A person signed in through the provider.
pub fn sign_in_succeeded(user: &SessionUser, identity: &Identity, client: IpAddr) {
    tracing::info!(
        username = %user.username,
        person = %user.person_id,
        subject = %identity.subject,
        ip = %client,
        "single sign-on succeeded"
    );
}

/// A single sign-on was refused or failed; `error` says why (its detail
/// is for the administrator, the browser only gets its code).
pub fn sign_in_failed(error: &OidcError, client: IpAddr) {
    match error {
        OidcError::ProviderUnavailable(_) | OidcError::Internal(_) => {
            tracing::error!(code = error.code(), ip = %client, "single sign-on failed: {error}")
        }
        _ => tracing::warn!(code = error.code(), ip = %client, "single sign-on refused: {error}"),
    }
}
