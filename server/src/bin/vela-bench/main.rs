//! Load benchmark of the sync server (`cargo xtask bench` runs it in release).
//!
//! For each organisation size it starts the real `vela-server` binary on a
//! fresh data dir seeded (`--synthetic N`) with that many people and a year of
//! day plans, then measures: pushes of one-command batches from 64 concurrent
//! clients (fsync on), one sequential client, pulls of an employee's and a
//! lead's view, and the server's resident memory. It prints a table; it
//! asserts nothing (budgets are read from figures like these, never timed in tests: a
//! loaded machine would turn such a test red for nothing).

mod client;
mod process;
mod report;
mod scenario;

use std::path::PathBuf;
use std::process::ExitCode;

#[tokio::main(flavor = "multi_thread")]
async fn main() -> ExitCode {
    let binary = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .or_else(|| {
            // Built side by side by cargo: target/<profile>/vela-server.
            std::env::current_exe()
                .ok()
                .and_then(|exe| exe.parent().map(|dir| dir.join("vela-server")))
        })
        .unwrap_or_else(|| PathBuf::from("target/release/vela-server"));
    let sizes = [250, 2_500];
    let mut rows = Vec::new();
    for people in sizes {
        eprintln!("vela-bench: organisation of {people} people…");
        match scenario::run(&binary, people).await {
            Ok(row) => rows.push(row),
            Err(e) => {
                eprintln!("vela-bench: {people} people: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    report::print(&rows);
    ExitCode::SUCCESS
}
