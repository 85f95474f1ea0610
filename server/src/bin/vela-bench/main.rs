//! Load benchmark of the sync server (`cargo xtask bench` runs it in release).
//!
//! For each organisation size it starts the real `vela-server` binary on a
//! fresh data dir seeded (`--synthetic N`) with that many people and a year of
//! day plans, then measures: pushes of one-command batches from 64 concurrent
//! clients (fsync on), one sequential client, pulls of an employee's and a
//! lead's view, and the server's resident memory. It prints a table; it
//! asserts nothing (budgets are read from figures like these, never timed in tests: a
//! loaded machine would turn such a test red for nothing).
//!
//! `vela-bench --postgres [binary]` measures the PostgreSQL store instead:
//! it starts a PostgreSQL cluster of its own as the tests do (flushing every
//! commit, as production does) and, for each size, one replica and then two
//! replicas on one database, the clients spread over them.

mod client;
mod process;
mod report;
mod scenario;

// The tests' PostgreSQL cluster, so the bench starts one the same way.
#[allow(dead_code)]
#[path = "../../../tests/common/postgres.rs"]
mod postgres;

use std::path::PathBuf;
use std::process::ExitCode;

use scenario::Setup;

#[tokio::main(flavor = "multi_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let on_postgres = args.iter().any(|a| a == "--postgres");
    let binary = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .or_else(|| {
            // Built side by side by cargo: target/<profile>/vela-server.
            std::env::current_exe()
                .ok()
                .and_then(|exe| exe.parent().map(|dir| dir.join("vela-server")))
        })
        .unwrap_or_else(|| PathBuf::from("target/release/vela-server"));
    let sizes = [250, 2_500];
    let setups: &[Setup] = if on_postgres {
        postgres::flush_to_disk();
        &[
            Setup::Postgres { replicas: 1 },
            Setup::Postgres { replicas: 2 },
        ]
    } else {
        &[Setup::Json]
    };
    let mut rows = Vec::new();
    for setup in setups {
        for people in sizes {
            eprintln!("vela-bench: {setup}, organisation of {people} people…");
            match scenario::run(&binary, people, *setup).await {
                Ok(row) => rows.push(row),
                Err(e) => {
                    eprintln!("vela-bench: {setup}, {people} people: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    report::print(&rows);
    ExitCode::SUCCESS
}
