//! Reaching the database: its URL, and TLS when the URL asks for it.
//!
//! `sslmode=require` makes every connection speak TLS, and the server's
//! certificate must be valid for the host name and signed by a CA the
//! system trusts, or by the one `sslrootcert=<PEM file>` names (as libpq
//! reads it; tokio-postgres does not know the setting, so it is taken out of
//! the URL here). That is libpq's `verify-full`: an encrypted connection to
//! an impostor protects nothing. Without `sslmode=require` connections are
//! plain, as before (Debian's PostgreSQL offers TLS with a self-signed
//! certificate, which `prefer` would otherwise fail to verify): keep such a
//! database on this machine (a Unix socket) or a private network.

use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;

use deadpool_postgres::{Manager, ManagerConfig};
use futures_util::Stream;
use tokio_postgres::config::SslMode;
use tokio_postgres::{AsyncMessage, Client, Config, NoTls};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::store::StoreError;

/// What a connection may receive besides answers (notifications).
pub type Messages = Pin<Box<dyn Stream<Item = Result<AsyncMessage, tokio_postgres::Error>> + Send>>;

/// A database URL, read once: connection settings and how to encrypt.
#[derive(Clone)]
pub struct Database {
    config: Config,
    tls: Option<MakeRustlsConnect>,
}

impl Database {
    /// Reads `url` (`postgresql://…` or `key=value …`). A wrong URL, an
    /// unreadable `sslrootcert` or one without `sslmode=require` is an error
    /// that names it.
    pub fn parse(url: &str) -> Result<Database, StoreError> {
        let (url, root_cert) = take_root_cert(url);
        let config: Config = url
            .parse()
            .map_err(|e: tokio_postgres::Error| StoreError::Database(e.to_string()))?;
        let tls = match (config.get_ssl_mode(), root_cert) {
            (SslMode::Require, root_cert) => Some(connector(root_cert)?),
            (_, Some(_)) => {
                return Err(StoreError::Database(
                    "sslrootcert is only read with sslmode=require".into(),
                ))
            }
            (_, None) => None,
        };
        Ok(Database { config, tls })
    }

    /// A pool's manager for this database.
    pub fn manager(&self, manager_config: ManagerConfig) -> Manager {
        let config = self.config.clone();
        match &self.tls {
            Some(tls) => Manager::from_config(config, tls.clone(), manager_config),
            None => Manager::from_config(config, NoTls, manager_config),
        }
    }

    /// A connection of its own, closed when the client is dropped.
    pub async fn connect(&self) -> Result<Client, StoreError> {
        let (client, messages) = self.connect_with_messages().await?;
        tokio::spawn(async move {
            use futures_util::StreamExt;
            let mut messages = messages;
            while let Some(message) = messages.next().await {
                if let Err(error) = message {
                    tracing::debug!(%error, "database connection closed");
                    break;
                }
            }
        });
        Ok(client)
    }

    /// A connection whose messages the caller reads (and so drives: nothing
    /// is answered while they are not read).
    pub async fn connect_with_messages(&self) -> Result<(Client, Messages), StoreError> {
        let error = |e: tokio_postgres::Error| StoreError::Database(e.to_string());
        Ok(match &self.tls {
            Some(tls) => {
                let (client, mut connection) =
                    self.config.connect(tls.clone()).await.map_err(error)?;
                let messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
                (client, Box::pin(messages) as Messages)
            }
            None => {
                let (client, mut connection) = self.config.connect(NoTls).await.map_err(error)?;
                let messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
                (client, Box::pin(messages) as Messages)
            }
        })
    }
}

/// One connection to the database at `url` (for the command line's checks).
pub async fn connect(url: &str) -> Result<Client, StoreError> {
    Database::parse(url)?.connect().await
}

/// TLS that trusts the system's CAs (as the single sign-on client does)
/// and the ones in `root_cert`.
fn connector(root_cert: Option<PathBuf>) -> Result<MakeRustlsConnect, StoreError> {
    let mut extra = Vec::new();
    if let Some(path) = root_cert {
        use rustls::pki_types::pem::PemObject;
        extra = rustls::pki_types::CertificateDer::pem_file_iter(&path)
            .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
            .map_err(|e| StoreError::Database(format!("sslrootcert {}: {e}", path.display())))?;
        if extra.is_empty() {
            return Err(StoreError::Database(format!(
                "sslrootcert {}: no certificate in it",
                path.display()
            )));
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier =
        rustls_platform_verifier::Verifier::new_with_extra_roots(extra, provider.clone())
            .map_err(|e| StoreError::Database(format!("certificate verifier: {e}")))?;
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| StoreError::Database(e.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

/// Splits libpq's `sslrootcert` off a URL in either form.
fn take_root_cert(url: &str) -> (String, Option<PathBuf>) {
    let url = url.trim();
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let Some((base, query)) = url.split_once('?') else {
            return (url.to_string(), None);
        };
        let mut root_cert = None;
        let kept: Vec<&str> = query
            .split('&')
            .filter(|pair| match pair.strip_prefix("sslrootcert=") {
                Some(path) => {
                    root_cert = Some(PathBuf::from(percent_decoded(path)));
                    false
                }
                None => true,
            })
            .collect();
        let url = if kept.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        (url, root_cert)
    } else {
        let mut root_cert = None;
        let kept: Vec<&str> = url
            .split_whitespace()
            .filter(|pair| match pair.strip_prefix("sslrootcert=") {
                Some(path) => {
                    root_cert = Some(PathBuf::from(path.trim_matches('\'')));
                    false
                }
                None => true,
            })
            .collect();
        (kept.join(" "), root_cert)
    }
}

/// `%2F` and the like, as a URL's query writes a path.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = (bytes[i] == b'%')
            .then(|| text.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match hex {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_certificate_comes_out_of_either_form_of_url() {
        assert_eq!(
            take_root_cert(
                "postgresql://vela@db/vela?sslmode=require&sslrootcert=%2Fetc%2Fvela%2Fca.pem"
            ),
            (
                "postgresql://vela@db/vela?sslmode=require".to_string(),
                Some(PathBuf::from("/etc/vela/ca.pem"))
            )
        );
        assert_eq!(
            take_root_cert("postgresql://vela@db/vela?sslrootcert=/ca.pem"),
            (
                "postgresql://vela@db/vela".to_string(),
                Some(PathBuf::from("/ca.pem"))
            )
        );
        assert_eq!(
            take_root_cert("host=db user=vela sslmode=require sslrootcert=/ca.pem"),
            (
                "host=db user=vela sslmode=require".to_string(),
                Some(PathBuf::from("/ca.pem"))
            )
        );
        assert_eq!(
            take_root_cert("postgresql://vela@db/vela"),
            ("postgresql://vela@db/vela".to_string(), None)
        );
    }

    #[test]
    fn a_root_certificate_without_required_tls_or_unreadable_is_refused() {
        let Err(error) = Database::parse("host=db user=vela sslrootcert=/ca.pem") else {
            panic!("accepted");
        };
        assert!(error.to_string().contains("sslmode=require"), "{error}");
        let Err(error) =
            Database::parse("host=db user=vela sslmode=require sslrootcert=/nowhere/ca.pem")
        else {
            panic!("accepted");
        };
        assert!(error.to_string().contains("/nowhere/ca.pem"), "{error}");
    }

    #[test]
    fn tls_only_when_required() {
        assert!(Database::parse("host=db user=vela").unwrap().tls.is_none());
        assert!(Database::parse("host=db user=vela sslmode=prefer")
            .unwrap()
            .tls
            .is_none());
        assert!(Database::parse("host=db user=vela sslmode=require")
            .unwrap()
            .tls
            .is_some());
    }
}
