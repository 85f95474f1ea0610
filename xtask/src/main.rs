//! Project tasks: `cargo xtask <task>`.
//!
//! - `run`: install missing tools, build the SPA and the server, serve the app with demo data (`--demo`).
//! - `test`: everything CI checks, stopping at the first failure, ending with a pass/fail summary.
//! - `size`: gzip sizes of the built SPA.
//! - `bench`: benchmarks that print figures (not timed tests); `bench --postgres`: the
//!   server load benchmark on PostgreSQL, one and two replicas.
//! - `audit`: Lighthouse (mobile) on the login and calendar pages, the median
//!   of five runs against the budgets, and how long each area takes to open
//!   the first time on slow 4G.
//! - `dist`: just build the SPA into dist/.
//!
//! Every tool the tasks need is installed here (see `tools.rs`), so a fresh
//! Debian machine with only the Rust toolchain can run them.

mod bundle;
mod cmd;
mod compress;
mod dist;
mod loader;
mod server;
mod size;
mod split;
mod styles;
mod summary;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (task, rest) = match args.split_first() {
        Some((task, rest)) => (task.as_str(), rest),
        None => ("help", &[][..]),
    };
    let result = match task {
        "run" => run(rest),
        "test" => test::run(),
        "e2e" => test::run_e2e(rest),
        "size" => size::report(&root().join("dist")).map(|_| ()),
        "bench" if rest == ["--postgres"] => bench_postgres(),
        "bench" => bench(),
        "audit" => audit(),
        "dist" => tools::ensure_build_tools().and_then(|_| dist::build()),
        _ => {
            eprintln!(
                "usage: cargo xtask <run [server flags…] | test | e2e [playwright filters…] | size | bench [--postgres] | audit | dist>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {task}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Where cargo puts what it builds: `CARGO_TARGET_DIR` if set (relative to
/// the workspace root, as cargo reads it), else `target/`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root().join(dir),
        _ => root().join("target"),
    }
}

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

pub type Result<T = ()> = std::result::Result<T, String>;

/// Builds everything and runs the server in the foreground; extra arguments
/// go to `vela-server` (e.g. `--addr 0.0.0.0:8080`).
fn run(server_args: &[String]) -> Result {
    tools::ensure_build_tools()?;
    dist::build()?;
    size::report(&root().join("dist"))?;
    cmd::cargo(&["build", "--release", "-p", "vela-server"])?;
    let binary = target_dir().join("release/vela-server");
    println!("xtask: starting the server (Ctrl-C stops it) — open the URL it prints");
    // The server handles Ctrl-C / SIGTERM itself; the terminal sends SIGINT to
    // the whole foreground group, so we just wait for it to finish.
    cmd::run_in(
        std::process::Command::new(binary)
            .args(["--dist", "dist", "--demo"])
            .args(server_args.iter().filter(|a| *a != "--demo")),
        &root(),
    )
}

/// Criterion benchmarks of the domain, then the server load benchmark
/// against the real release binary. Both print figures; neither asserts.
fn bench() -> Result {
    cmd::cargo(&["bench", "-p", "vela-domain"])?;
    cmd::cargo(&["build", "--release", "-p", "vela-server", "--bins"])?;
    let release = target_dir().join("release");
    cmd::run_in(
        std::process::Command::new(release.join("vela-bench")).arg(release.join("vela-server")),
        &root(),
    )
}

/// The server load benchmark on the PostgreSQL store (a cluster of its own,
/// as the tests start one): one replica, then two on one database.
fn bench_postgres() -> Result {
    tools::ensure_postgres()?;
    cmd::cargo(&["build", "--release", "-p", "vela-server", "--bins"])?;
    let release = target_dir().join("release");
    cmd::run_in(
        std::process::Command::new(release.join("vela-bench"))
            .arg("--postgres")
            .arg(release.join("vela-server")),
        &root(),
    )
}

/// Lighthouse, mobile preset, against a release server with demo data.
fn audit() -> Result {
    tools::ensure_build_tools()?;
    tools::ensure_browser()?;
    tools::ensure_audit_packages()?;
    dist::build()?;
    cmd::cargo(&["build", "--release", "-p", "vela-server"])?;
    let target = target_dir();
    let server = server::TestServer::start(
        &target.join("release/vela-server"),
        &root().join("dist"),
        target.join("audit-server.log"),
    )?;
    // Lighthouse fails when a median score misses its budget; the pieces'
    // timings are printed all the same.
    let lighthouse = cmd::run_in(
        std::process::Command::new("node")
            .arg("tests/audit/lighthouse.mjs")
            .env("VELA_BASE_URL", &server.url)
            .env("VELA_AUDIT_REPORT", target.join("lighthouse.json")),
        &root(),
    );
    let pieces = cmd::run_in(
        std::process::Command::new("node")
            .arg("tests/audit/pieces.mjs")
            .env("VELA_BASE_URL", &server.url),
        &root(),
    );
    lighthouse.and(pieces)
}
