//! What the deployment's flags say about single sign-on, checked once at
//! start-up so a wrong setting stops the server with a clear message
//! instead of failing each person's sign-in.

use std::path::Path;

use openidconnect::{ClientId, ClientSecret, IssuerUrl};

use super::roles::RolesMapping;
use crate::config::Config;

/// Which ID token claim names the Vela person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UsernameClaim {
    /// `preferred_username`, compared with the person's username.
    PreferredUsername,
    /// `email`, compared with the person's e-mail address (case-insensitive;
    /// refused when the provider says it is not verified).
    Email,
    /// `sub` or any other claim holding a string, compared with the username.
    Other(String),
}

impl UsernameClaim {
    pub fn parse(name: &str) -> Self {
        match name.trim() {
            "preferred_username" => UsernameClaim::PreferredUsername,
            "email" => UsernameClaim::Email,
            other => UsernameClaim::Other(other.to_string()),
        }
    }

    pub fn name(&self) -> &str {
        match self {
            UsernameClaim::PreferredUsername => "preferred_username",
            UsernameClaim::Email => "email",
            UsernameClaim::Other(name) => name,
        }
    }
}

/// Single sign-on settings.
#[derive(Clone, Debug)]
pub struct OidcConfig {
    pub issuer: IssuerUrl,
    pub client_id: ClientId,
    /// None for a public client (PKCE alone).
    pub client_secret: Option<ClientSecret>,
    pub username_claim: UsernameClaim,
    /// The provider's name on the login page's button ("Accedi con MyID").
    pub button_label: Option<String>,
    /// Where the provider sends people back, when `--public-url` is set;
    /// otherwise it is built from each request's `Host`.
    pub public_url: Option<String>,
    /// Roles from the provider's groups, when configured.
    pub roles: Option<RolesMapping>,
    /// Seconds added to the clock that judges ID token expiry (tests only).
    pub clock_offset_secs: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum OidcConfigError {
    #[error("--oidc-issuer {0:?} is not a valid URL: {1}")]
    Issuer(String, String),
    #[error("--oidc-issuer needs --oidc-client-id")]
    NoClientId,
    #[error("--oidc-client-id and the other --oidc-* flags need --oidc-issuer")]
    NoIssuer,
    #[error("--no-local-passwords needs single sign-on (--oidc-issuer), or nobody could sign in")]
    NobodyCouldSignIn,
    #[error("--oidc-roles-claim and --oidc-roles-map go together")]
    HalfRoles,
    #[error("--oidc-roles-map: {0}")]
    RolesMap(String),
    #[error("cannot read the client secret file {path}: {detail}")]
    Secret { path: String, detail: String },
}

impl OidcConfig {
    /// The settings, or None when single sign-on is off.
    pub fn from_config(config: &Config) -> Result<Option<OidcConfig>, OidcConfigError> {
        let Some(issuer) = config.oidc_issuer.as_deref().map(str::trim) else {
            if config.oidc_client_id.is_some()
                || config.oidc_client_secret_file.is_some()
                || config.oidc_roles_claim.is_some()
            {
                return Err(OidcConfigError::NoIssuer);
            }
            if config.no_local_passwords {
                return Err(OidcConfigError::NobodyCouldSignIn);
            }
            return Ok(None);
        };
        // Providers differ on a trailing slash; the ID token's `iss` must
        // match the issuer exactly, so it is kept as given.
        let issuer = IssuerUrl::new(issuer.to_string())
            .map_err(|e| OidcConfigError::Issuer(issuer.to_string(), e.to_string()))?;
        let client_id = config
            .oidc_client_id
            .as_deref()
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .ok_or(OidcConfigError::NoClientId)?;
        let client_secret = config
            .oidc_client_secret_file
            .as_deref()
            .map(read_secret)
            .transpose()?;
        let roles = match (&config.oidc_roles_claim, &config.oidc_roles_map) {
            (None, None) => None,
            (Some(claim), Some(map)) => {
                Some(RolesMapping::parse(claim, map).map_err(OidcConfigError::RolesMap)?)
            }
            _ => return Err(OidcConfigError::HalfRoles),
        };
        Ok(Some(OidcConfig {
            issuer,
            client_id: ClientId::new(client_id.to_string()),
            client_secret,
            username_claim: UsernameClaim::parse(&config.oidc_username_claim),
            button_label: config
                .oidc_button_label
                .as_deref()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string),
            public_url: config
                .public_url
                .as_deref()
                .map(|u| u.trim_end_matches('/').to_string()),
            roles,
            clock_offset_secs: config.oidc_clock_offset_secs,
        }))
    }
}

/// The secret is the file's first line (kept out of the command line and
/// the environment, which other local users and crash reports can see).
fn read_secret(path: &Path) -> Result<ClientSecret, OidcConfigError> {
    let error = |detail: String| OidcConfigError::Secret {
        path: path.display().to_string(),
        detail,
    };
    let text = std::fs::read_to_string(path).map_err(|e| error(e.to_string()))?;
    let secret = text.lines().next().unwrap_or_default().trim();
    if secret.is_empty() {
        return Err(error("the first line is empty".into()));
    }
    Ok(ClientSecret::new(secret.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn config(args: &[&str]) -> Config {
        Config::try_parse_from([&["vela-server"], args].concat()).unwrap()
    }

    #[test]
    fn off_without_an_issuer_and_refused_half_configured() {
        assert!(OidcConfig::from_config(&config(&[])).unwrap().is_none());
        assert!(matches!(
            OidcConfig::from_config(&config(&["--oidc-client-id", "vela"])),
            Err(OidcConfigError::NoIssuer)
        ));
        assert!(matches!(
            OidcConfig::from_config(&config(&["--oidc-issuer", "https://id.example.org"])),
            Err(OidcConfigError::NoClientId)
        ));
        assert!(matches!(
            OidcConfig::from_config(&config(&["--no-local-passwords"])),
            Err(OidcConfigError::NobodyCouldSignIn)
        ));
        assert!(matches!(
            OidcConfig::from_config(&config(&[
                "--oidc-issuer",
                "not a url",
                "--oidc-client-id",
                "v"
            ])),
            Err(OidcConfigError::Issuer(..))
        ));
    }

    #[test]
    fn reads_the_secret_from_the_first_line_of_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("secret");
        std::fs::write(&file, "s3cret \nignored\n").unwrap();
        let file = file.to_str().unwrap();
        let on = OidcConfig::from_config(&config(&[
            "--oidc-issuer",
            "https://id.example.org/realms/pa",
            "--oidc-client-id",
            "vela",
            "--oidc-client-secret-file",
            file,
            "--oidc-username-claim",
            "email",
        ]))
        .unwrap()
        .unwrap();
        assert_eq!(on.client_secret.unwrap().secret(), "s3cret");
        assert_eq!(on.username_claim, UsernameClaim::Email);
        std::fs::write(dir.path().join("secret"), "\n").unwrap();
        assert!(matches!(
            OidcConfig::from_config(&config(&[
                "--oidc-issuer",
                "https://id.example.org",
                "--oidc-client-id",
                "vela",
                "--oidc-client-secret-file",
                file,
            ])),
            Err(OidcConfigError::Secret { .. })
        ));
    }
}
