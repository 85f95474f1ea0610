//! The `vela-server` binary: configuration, logging, start-up.

use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;
use vela_server::Config;

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        // stdout carries the "listening on" line that scripts parse; logs go to stderr.
        .with_writer(std::io::stderr)
        .init();
    match vela_server::run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            eprintln!("vela-server: {e}");
            ExitCode::FAILURE
        }
    }
}
