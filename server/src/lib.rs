//! `vela-server`: the authoritative home of every organisation's state.
//!
//! Start reading at [`routes::app`], which builds the router. Then:
//! - [`store`]: the durable log of accepted commands (JSON Lines + snapshot);
//! - [`auth`]: accounts, sessions and login rate limits;
//! - [`error::ApiError`]: how every failure leaves the server.
//!
//! `main.rs` only parses the configuration and calls [`run`].

// The OpenAPI document is one `json!` literal, deeper than the macro's
// default recursion allows.
#![recursion_limit = "512"]

use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::watch;

pub mod audit;
pub mod auth;
pub mod brotli_json;
pub mod cli;
pub mod config;
pub mod connections;
pub mod demo;
pub mod error;
pub mod ics;
pub mod mail;
pub mod memory;
pub mod org_store;
pub mod routes;
pub mod store;

pub use config::Config;

use auth::Auth;
use org_store::OrgStore;
use store::{Store, StoreOptions};

/// What every handler can reach; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    /// Flips to `true` when shutdown starts, so long-lived streams (SSE) end
    /// and graceful shutdown does not wait on them forever.
    pub shutdown: watch::Receiver<bool>,
    pub auth: Arc<Auth>,
    pub store: Arc<OrgStore>,
    /// Personal calendar feed tokens (`feeds.json` or the database).
    pub feeds: Arc<ics::Feeds>,
    /// Notification mails, when an SMTP server is configured.
    pub mailer: Option<Arc<mail::Mailer>>,
    /// The audit trail and the security log.
    pub audit: Arc<audit::Audit>,
    /// Single sign-on, when an OpenID provider is configured.
    pub oidc: Option<Arc<auth::oidc::Oidc>>,
}

/// Connections per replica for accounts, sessions, limits and feeds (a
/// session check per request is one short statement).
const SHARED_POOL_SIZE: usize = 8;

/// Starts the server and runs it until Ctrl-C or SIGTERM, then flushes.
pub async fn run(config: Config) -> Result<(), StartError> {
    memory::map_large_allocations_alone();
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    std::fs::create_dir_all(&config.data_dir).map_err(|source| StartError::DataDir {
        path: config.data_dir.clone(),
        source,
    })?;
    // Held until the process ends: admin commands refuse a directory in use.
    let _lock = cli::lock::DataDirLock::acquire(&config.data_dir)?;
    let options = StoreOptions {
        snapshot_every: config.snapshot_every.max(1),
        recent_revisions: config.recent_revisions,
        ..StoreOptions::default()
    };
    let database_url = config
        .database_url()
        .map_err(|e| StartError::Task(format!("cannot read --database-url-file: {e}")))?;
    // Accounts, sessions, limits and feeds beside the log: in the same
    // database for replicas, else in the data directory and memory.
    let mut shared = None;
    let store = match database_url {
        Some(url) => {
            let store = OrgStore::connect(&url, options).await?;
            shared = Some(store::pg::pool(&url, SHARED_POOL_SIZE).await?);
            match cli::credentials::adopt(&config.data_dir, &url).await {
                Ok(Some(what)) => tracing::warn!(
                    "{what} copied from the data directory into the database, which keeps them from now on: accounts.json and feeds.json are no longer read"
                ),
                Ok(None) => {}
                Err(e) => return Err(StartError::Task(format!("accounts and feeds: {e}"))),
            }
            store
        }
        None => {
            let data_dir = config.data_dir.clone();
            // Replaying logs reads files: do it on a blocking thread.
            tokio::task::spawn_blocking(move || OrgStore::open(&data_dir, options))
                .await
                .map_err(|e| StartError::Task(e.to_string()))??
        }
    };
    let store = Arc::new(store);
    let auth = Arc::new(Auth::open(&config.data_dir, &config, shared.as_ref())?);
    let feeds = Arc::new(match &shared {
        Some(pool) => ics::Feeds::Pg(ics::PgFeeds::new(pool.clone())),
        None => ics::Feeds::File(Arc::new(ics::FileFeeds::open(&config.data_dir)?)),
    });
    // Before seeding: the seeds keep the audit trail up with them.
    let audit = Arc::new(match &shared {
        Some(pool) => audit::Audit::Pg(audit::PgAudit::new(pool.clone())),
        None => audit::Audit::in_dir(&config.data_dir),
    });
    let trail = demo::SeedTrail {
        audit: audit.clone(),
        recent_revisions: config.recent_revisions,
    };
    match config.synthetic {
        Some(people) => demo::seed_synthetic(&store, &auth, &trail, people).await?,
        None if config.demo => demo::seed(&store, &auth, &trail).await?,
        None => {}
    }
    let oidc = auth::oidc::OidcConfig::from_config(&config)?
        .map(auth::oidc::Oidc::new)
        .transpose()?
        .map(Arc::new);
    if let Some(oidc) = &oidc {
        // In the background: a provider that is down must not keep Vela
        // from starting; sign-ins try again and say so meanwhile.
        let oidc = oidc.clone();
        tokio::spawn(async move {
            match oidc.probe().await {
                Ok(()) => tracing::info!("single sign-on: the identity provider answered"),
                Err(e) => tracing::error!("single sign-on: {e}"),
            }
        });
    }
    let mailer = mail::Mailer::from_config(&config, shared.as_ref())?;
    if let Some(mailer) = &mailer {
        mailer.start(store.clone(), shutdown_rx.clone());
    }
    mail::scheduler::start(
        store.clone(),
        std::time::Duration::from_secs(config.scheduler_every_secs.max(1)),
        shutdown_rx.clone(),
    );
    let on_anonymised = forget_credentials(auth.clone(), feeds.clone());
    for org in store.organisations() {
        audit::trail::follow(
            audit.clone(),
            store.clone(),
            org,
            on_anonymised.clone(),
            shutdown_rx.clone(),
        );
    }
    let state = AppState {
        config: Arc::new(config.clone()),
        shutdown: shutdown_rx,
        auth,
        store: store.clone(),
        feeds,
        mailer,
        audit: audit.clone(),
        oidc,
    };
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|e| StartError::Bind(config.addr, e))?;
    let local = listener
        .local_addr()
        .map_err(|e| StartError::Bind(config.addr, e))?;
    let signal = shutdown_signal();
    // Tests and xtask read this exact line to learn the port.
    println!("vela-server listening on http://{local}");
    tracing::info!(%local, data_dir = %config.data_dir.display(), dist = %config.dist_dir.display(), "started");

    let limits = connections::Limits {
        header_timeout: config.header_timeout(),
        idle_timeout: config.idle_timeout(),
        max_connections: config.max_connections,
    };
    connections::serve(listener, routes::app(state), limits, async move {
        signal.await;
        tracing::info!("shutting down");
        let _ = shutdown_tx.send(true);
    })
    .await;
    // Every acknowledged command is already durable; the audit trail takes
    // the last ones before the final snapshot, which writes everything so
    // the next start-up replays nothing.
    for org in store.organisations() {
        audit::trail::catch_up_and_forget(&audit, &store, org, &on_anonymised).await;
    }
    tokio::task::spawn_blocking(move || store.shutdown())
        .await
        .map_err(|e| StartError::Task(e.to_string()))??;
    tracing::info!("stopped");
    Ok(())
}

/// Drops the account and the calendar feed of anonymised people: the
/// username and the feed live beside the state, and would still name them.
fn forget_credentials(auth: Arc<Auth>, feeds: Arc<ics::Feeds>) -> audit::trail::OnAnonymised {
    Arc::new(move |people| {
        // Always called on a blocking thread (the audit trail's), which may
        // wait for the runtime: done before the trail moves on.
        tokio::runtime::Handle::current().block_on(async {
            for person in people {
                if let Err(e) = auth.accounts.remove_person(person.0).await {
                    tracing::error!(%person, "cannot remove an anonymised person's account: {e}");
                }
                if let Err(e) = feeds.revoke(person.0).await {
                    tracing::error!(%person, "cannot revoke an anonymised person's feed: {e}");
                }
                if let Err(e) = auth.sessions.end_person(person.0).await {
                    tracing::error!(%person, "cannot end an anonymised person's sessions: {e}");
                }
            }
        });
    })
}

/// Why the server could not start (or stopped with an error).
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot listen on {0}: {1}")]
    Bind(std::net::SocketAddr, std::io::Error),
    #[error("cannot create the data directory {}: {source}", path.display())]
    DataDir {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("cannot load the store: {0}")]
    Store(#[from] store::StoreError),
    #[error("cannot load the accounts: {0}")]
    Accounts(#[from] auth::accounts::AccountsError),
    #[error("cannot load the calendar feeds: {0}")]
    Feeds(#[from] ics::FeedError),
    #[error("cannot seed the demo data: {0}")]
    Seed(#[from] demo::SeedError),
    #[error(transparent)]
    InUse(#[from] cli::lock::LockError),
    #[error("cannot set up mail: {0}")]
    Mail(#[from] mail::MailError),
    #[error("single sign-on: {0}")]
    OidcConfig(#[from] auth::oidc::config::OidcConfigError),
    #[error("single sign-on: {0}")]
    Oidc(#[from] auth::oidc::OidcError),
    #[error("a start-up task failed: {0}")]
    Task(String),
}

/// Listens for Ctrl-C and SIGTERM (what `docker stop` and systemd send).
///
/// Made before the "listening" line is printed: a signal that arrives
/// between start-up and the first poll must still mean a clean shutdown,
/// not the default action (an immediate exit with nothing flushed).
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let interrupt = signal(SignalKind::interrupt());
        let terminate = signal(SignalKind::terminate());
        async move {
            let wait =
                |name: &'static str, stream: std::io::Result<tokio::signal::unix::Signal>| async move {
                    match stream {
                        Ok(mut stream) => {
                            stream.recv().await;
                        }
                        Err(e) => {
                            tracing::error!("cannot listen for {name}: {e}");
                            std::future::pending::<()>().await;
                        }
                    }
                };
            tokio::select! {
                () = wait("SIGINT", interrupt) => {},
                () = wait("SIGTERM", terminate) => {},
            }
        }
    }
    #[cfg(not(unix))]
    async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!("cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
    }
}
