//! `vela-server`: the authoritative home of every organisation's state.
//!
//! Start reading at [`routes::app`], which builds the router. Then:
//! - [`store`]: the durable log of accepted commands (JSON Lines + snapshot);
//! - [`auth`]: accounts, sessions and login rate limits;
//! - [`error::ApiError`]: how every failure leaves the server.
//!
//! `main.rs` only parses the configuration and calls [`run`].

use std::sync::Arc;

use tokio::net::TcpListener;
use tokio::sync::watch;

pub mod config;
pub mod error;
pub mod routes;
pub mod store;

pub use config::Config;

/// What every handler can reach; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    /// Flips to `true` when shutdown starts, so long-lived streams (SSE) end
    /// and graceful shutdown does not wait on them forever.
    pub shutdown: watch::Receiver<bool>,
}

/// Starts the server and runs it until Ctrl-C or SIGTERM, then flushes.
pub async fn run(config: Config) -> Result<(), StartError> {
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let state = AppState {
        config: Arc::new(config.clone()),
        shutdown: shutdown_rx,
    };
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|e| StartError::Bind(config.addr, e))?;
    let local = listener
        .local_addr()
        .map_err(|e| StartError::Bind(config.addr, e))?;
    // Tests and xtask read this exact line to learn the port.
    println!("vela-server listening on http://{local}");
    tracing::info!(%local, data_dir = %config.data_dir.display(), dist = %config.dist_dir.display(), "started");

    let app = routes::app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            shutdown_signal().await;
            tracing::info!("shutting down");
            let _ = shutdown_tx.send(true);
        })
        .await
        .map_err(StartError::Serve)?;
    tracing::info!("stopped");
    Ok(())
}

/// Why the server could not start (or stopped with an error).
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot listen on {0}: {1}")]
    Bind(std::net::SocketAddr, std::io::Error),
    #[error("server error: {0}")]
    Serve(std::io::Error),
}

/// Resolves on Ctrl-C or SIGTERM (what `docker stop` and systemd send).
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!("cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::error!("cannot listen for SIGTERM: {e}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
