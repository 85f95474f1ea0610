//! The `vela-server` binary: serves (no subcommand) or administers a data
//! directory (`admin`, `backup`, `restore`, `check`; see `cli`).

use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;
use vela_server::cli::{self, Cli};

#[tokio::main]
async fn main() -> ExitCode {
    let parsed = match Cli::try_parse() {
        Ok(parsed) => parsed,
        Err(e) if !e.use_stderr() => {
            // --help and --version: their text, as clap prints it.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("vela-server: {}", cli::one_line(&e));
            return ExitCode::from(2);
        }
    };
    // Subcommands print their own result; the log only tells of trouble.
    let default_level = if parsed.task.is_some() {
        "warn"
    } else {
        "info"
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_level)),
        )
        // stdout carries the "listening on" line that scripts parse; logs go to stderr.
        .with_writer(std::io::stderr)
        .init();
    match parsed.task {
        Some(task) => match cli::run(task).await {
            Ok(report) => {
                println!("{report}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("vela-server: {e}");
                ExitCode::FAILURE
            }
        },
        None => match vela_server::run(parsed.serve).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                tracing::error!("{e}");
                eprintln!("vela-server: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
