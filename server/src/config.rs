//! Command-line and environment configuration.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

/// How the server is started: every flag also reads an environment variable,
/// so `cargo xtask run`, systemd units and tests can configure it alike.
#[derive(Clone, Debug, Parser)]
#[command(
    name = "vela-server",
    version,
    about = "Vela: lavoro agile planner server"
)]
pub struct Config {
    /// Address to listen on; port 0 picks a free port (the line printed at
    /// start-up tells which).
    #[arg(long, env = "VELA_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// Directory of the durable data: one folder per organisation and the
    /// accounts file. Created if missing; the server holds a lock file in it
    /// (`vela.lock`) while it runs, so admin commands can tell it is in use.
    #[arg(long, env = "VELA_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,

    /// Directory of the built single-page app (trunk's `dist/`).
    #[arg(long = "dist", env = "VELA_DIST_DIR", default_value = "./dist")]
    pub dist_dir: PathBuf,

    /// Seed the demo partnership (the Provincia and the Comune di Rovereto,
    /// accounts with the public password `vela-demo`) if it is not there
    /// yet, and tell the app it is a demo. Without it an empty data
    /// directory starts empty.
    #[arg(long, env = "VELA_DEMO")]
    pub demo: bool,

    /// Seed a load-test organisation of this many people with a year of
    /// plans instead of the demo (used by `vela-bench`).
    #[arg(long, hide = true)]
    pub synthetic: Option<usize>,

    /// Mark the session cookie `Secure`: set it when the server is reached
    /// over HTTPS (directly or behind a TLS-terminating proxy).
    #[arg(long, env = "VELA_SECURE_COOKIES")]
    pub secure_cookies: bool,

    /// A session ends after this many seconds without a request (idle
    /// timeout); each authenticated request starts the count again.
    #[arg(long, env = "VELA_SESSION_TTL", default_value_t = 12 * 60 * 60)]
    pub session_ttl_secs: u64,

    /// A session ends this many seconds after login however active it is;
    /// also the cookie's Max-Age.
    #[arg(long, env = "VELA_SESSION_MAX_AGE", default_value_t = 7 * 24 * 60 * 60)]
    pub session_max_age_secs: u64,

    /// Login attempts allowed per account from one client address within a
    /// minute (and four times as many per account from all addresses); the
    /// next one is refused with 429 until the minute has passed, even with
    /// the right password. An address is never locked out, only slowed down.
    #[arg(long, env = "VELA_LOGIN_ATTEMPTS", default_value_t = 5)]
    pub login_attempts_per_minute: u32,

    /// Hash new passwords with very light argon2id parameters. Only for
    /// tests and throw-away demos: such hashes are cheap to brute-force.
    /// Existing hashes keep their own parameters either way.
    #[arg(long, env = "VELA_INSECURE_FAST_HASHING", hide = true)]
    pub insecure_fast_hashing: bool,

    /// Write a compacted snapshot every this many revisions (and at shutdown).
    #[arg(long, env = "VELA_SNAPSHOT_EVERY", default_value_t = 10_000)]
    pub snapshot_every: u64,

    /// Keep the organisations' logs and snapshots in PostgreSQL instead of
    /// the data directory (e.g. `postgresql://vela@db.internal/vela`), so
    /// several servers can serve them: see `docs/operations.md`. Put a
    /// password in `--database-url-file`, not here. Accounts, sessions,
    /// login limits, calendar feeds, the mail outbox, the audit trail and
    /// the security log are kept there too.
    #[arg(long, env = "VELA_DATABASE_URL", conflicts_with = "database_url_file")]
    pub database_url: Option<String>,

    /// A file holding the `--database-url` (with its password), kept out of
    /// the command line and the environment.
    #[arg(long, env = "VELA_DATABASE_URL_FILE")]
    pub database_url_file: Option<PathBuf>,

    /// How many recent revisions each organisation keeps in memory to answer
    /// `pull?since=R`; clients further behind get a snapshot instead. Events
    /// carry whole records (a year-long request holds its hundred days), so
    /// this is the main memory cost after the state: 1,000 keeps an
    /// organisation of 2,500 people with a year of plans under 200 MB.
    #[arg(long, env = "VELA_RECENT_REVISIONS", default_value_t = 1_000)]
    pub recent_revisions: usize,

    // Connections and client addresses (see SECURITY.md).
    /// Reverse proxies whose `X-Forwarded-For` is believed, comma-separated
    /// addresses or CIDR ranges (e.g. `127.0.0.1,10.0.0.0/8`). Requests from
    /// anyone else count under their own address. Empty by default.
    #[arg(
        long,
        env = "VELA_TRUSTED_PROXIES",
        value_delimiter = ',',
        value_parser = crate::auth::proxies::parse_proxy
    )]
    pub trusted_proxies: Vec<ipnet::IpNet>,

    /// Seconds a client has to send a request's headers once it started
    /// (slow senders are cut off).
    #[arg(long, env = "VELA_HEADER_TIMEOUT", default_value_t = 10)]
    pub header_timeout_secs: u64,

    /// Seconds a request body may go without a byte arriving before the
    /// request is refused (a JSON 400).
    #[arg(long, env = "VELA_BODY_TIMEOUT", default_value_t = 30)]
    pub body_timeout_secs: u64,

    /// Seconds a connection may stay silent both ways (an idle keep-alive
    /// connection, or one that never sends anything) before it is closed.
    /// Event streams send a comment every 15 seconds, so they stay open.
    #[arg(long, env = "VELA_IDLE_TIMEOUT", default_value_t = 60)]
    pub idle_timeout_secs: u64,

    /// Most connections open at once; beyond it new ones are answered 503
    /// and closed at once, while open ones keep working. Keep it under the
    /// process's file-descriptor limit (`ulimit -n`, often 1024).
    #[arg(long, env = "VELA_MAX_CONNECTIONS", default_value_t = 512)]
    pub max_connections: usize,

    /// The SMTP server for notification mails: `smtp://host:port` (plain,
    /// for a relay on the same host or network; add `?tls=required` for
    /// STARTTLS) or `smtps://host:port` (TLS). Needs `--mail-from`; without
    /// both, notifications stay in the app.
    #[arg(long, env = "VELA_SMTP_URL")]
    pub smtp_url: Option<String>,

    /// A file with the SMTP user name on its first line and the password on
    /// its second (kept out of the command line and the environment).
    #[arg(long, env = "VELA_SMTP_CREDENTIALS_FILE")]
    pub smtp_credentials_file: Option<PathBuf>,

    /// The sender of notification mails, e.g. `Vela <vela@example.org>`.
    #[arg(long, env = "VELA_MAIL_FROM")]
    pub mail_from: Option<String>,

    /// The address people open Vela at (e.g. `https://vela.example.org`),
    /// for the links in mails; without it mails carry no links.
    #[arg(long, env = "VELA_PUBLIC_URL")]
    pub public_url: Option<String>,

    // Single sign-on with OpenID Connect (see docs/operations.md).
    /// The OpenID provider's issuer URL (its discovery document is
    /// `<issuer>/.well-known/openid-configuration`). Turns single sign-on on;
    /// register `<public URL>/api/auth/oidc/callback` as the redirect URI.
    #[arg(long, env = "VELA_OIDC_ISSUER")]
    pub oidc_issuer: Option<String>,

    /// Vela's client id at the provider.
    #[arg(long, env = "VELA_OIDC_CLIENT_ID")]
    pub oidc_client_id: Option<String>,

    /// A file with Vela's client secret on its first line; without it Vela
    /// is a public client (PKCE only).
    #[arg(long, env = "VELA_OIDC_CLIENT_SECRET_FILE")]
    pub oidc_client_secret_file: Option<PathBuf>,

    /// The ID token claim that names the person: `preferred_username` (matched
    /// to the username), `email` (matched to the e-mail address; must not
    /// be marked unverified) or any other string claim (matched to the username).
    #[arg(
        long,
        env = "VELA_OIDC_USERNAME_CLAIM",
        default_value = "preferred_username"
    )]
    pub oidc_username_claim: String,

    /// The provider's name on the login page's button: "Accedi con NAME" /
    /// "Sign in with NAME" (e.g. `MyID`); without it the button says "sign
    /// in with your organisation's account".
    #[arg(long, env = "VELA_OIDC_BUTTON_LABEL")]
    pub oidc_button_label: Option<String>,

    /// The ID token claim listing the person's groups (e.g. `groups`): with
    /// `--oidc-roles-map`, the provider decides Vela roles at each sign-in.
    #[arg(long, env = "VELA_OIDC_ROLES_CLAIM")]
    pub oidc_roles_claim: Option<String>,

    /// Which group grants which Vela role: `GROUP=ROLE[,GROUP=ROLE…]`, roles
    /// `employee`, `lead`, `trainer`, `admin`, `partnership_admin`. A person
    /// whose groups grant none is refused.
    #[arg(long, env = "VELA_OIDC_ROLES_MAP")]
    pub oidc_roles_map: Option<String>,

    /// Switch local passwords off: people sign in only through single sign-on.
    #[arg(long, env = "VELA_NO_LOCAL_PASSWORDS")]
    pub no_local_passwords: bool,

    /// Seconds added to the clock that judges ID token expiry (tests only).
    #[arg(
        long,
        env = "VELA_OIDC_CLOCK_OFFSET",
        default_value_t = 0,
        hide = true,
        allow_hyphen_values = true
    )]
    pub oidc_clock_offset_secs: i64,

    /// Seconds between two runs of the timed notifications (reminders).
    #[arg(long, env = "VELA_SCHEDULER_EVERY", default_value_t = 60, hide = true)]
    pub scheduler_every_secs: u64,

    /// Seconds added to the mailer's clock: lets tests reach a digest hour.
    #[arg(
        long,
        env = "VELA_MAIL_CLOCK_OFFSET",
        default_value_t = 0,
        hide = true,
        allow_hyphen_values = true
    )]
    pub mail_clock_offset_secs: i64,
}

impl Config {
    pub fn session_ttl(&self) -> Duration {
        Duration::from_secs(self.session_ttl_secs)
    }

    pub fn session_max_age(&self) -> Duration {
        Duration::from_secs(self.session_max_age_secs)
    }

    pub fn header_timeout(&self) -> Duration {
        Duration::from_secs(self.header_timeout_secs.max(1))
    }

    pub fn body_timeout(&self) -> Duration {
        Duration::from_secs(self.body_timeout_secs.max(1))
    }

    pub fn idle_timeout(&self) -> Duration {
        Duration::from_secs(self.idle_timeout_secs.max(1))
    }

    /// The PostgreSQL connection string, if the store is PostgreSQL: from
    /// `--database-url`, or the first line of `--database-url-file`.
    pub fn database_url(&self) -> std::io::Result<Option<String>> {
        if let Some(url) = &self.database_url {
            return Ok(Some(url.clone()));
        }
        let Some(path) = &self.database_url_file else {
            return Ok(None);
        };
        let text = std::fs::read_to_string(path)?;
        Ok(text.lines().next().map(|line| line.trim().to_string()))
    }
}
