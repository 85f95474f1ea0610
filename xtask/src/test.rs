//! `cargo xtask test`: every check CI runs. Formatting, lints and builds stop
//! it at once; test failures do not, so one run shows every failing test
//! (the Rust suites and the browser suite both run).

use std::process::Command;

use crate::cmd::{self, cargo_bin};
use crate::server::TestServer;
use crate::summary::Tally;
use crate::{dist, root, size, tools, Result};

pub fn run() -> Result {
    let started = std::time::Instant::now();
    let mut tally = Tally::default();
    let result = steps(&mut tally);
    if result.is_err() && tally.failed == 0 {
        // A step that is not a test runner (fmt, clippy, build) failed.
        tally.failed = 1;
    }
    println!(
        "xtask test: finished in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    println!("{}", tally.line());
    result
}

/// Only the browser suite, on a fresh build: the quick loop while working on
/// the app (`cargo xtask test` remains what CI runs). `filters` go to
/// Playwright as they are (e.g. `team.spec` or `-g coverage`).
pub fn run_e2e(filters: &[String]) -> Result {
    let mut tally = Tally::default();
    let result = tools::ensure_build_tools()
        .and_then(|_| tools::ensure_browser())
        .and_then(|_| dist::build())
        .and_then(|_| cmd::cargo(&["build", "-p", "vela-server"]))
        .and_then(|_| end_to_end(&mut tally, filters));
    println!("{}", tally.line());
    result
}

fn steps(tally: &mut Tally) -> Result {
    tools::ensure_build_tools()?;
    tools::ensure_browser()?;
    tools::ensure_postgres()?;

    cmd::cargo(&["fmt", "--all", "--", "--check"])?;
    cmd::cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    cmd::cargo(&[
        "check",
        "-p",
        "vela-domain",
        "--target",
        "wasm32-unknown-unknown",
    ])?;

    let unit =
        tally.cargo_test(Command::new(cargo_bin()).args(["test", "--workspace", "--no-fail-fast"]));
    // The server suite again, every server on a database of its own (the
    // tests about the JSON files as such say so and end early).
    let on_postgres = tally.cargo_test(
        Command::new(cargo_bin())
            .args(["test", "-p", "vela-server", "--no-fail-fast"])
            .env("VELA_TEST_STORE", "postgres"),
    );
    let unit = unit.and(on_postgres);

    dist::build()?;
    size::report(&root().join("dist"))?;
    cmd::cargo(&["build", "-p", "vela-server"])?;
    let browser = end_to_end(tally, &[]);
    unit.and(browser)
}

/// The browser suite (tests/e2e) in headless Chromium against the real
/// server serving the freshly built app.
fn end_to_end(tally: &mut Tally, filters: &[String]) -> Result {
    let target = crate::target_dir();
    let server = TestServer::start(
        &target.join("debug/vela-server"),
        &root().join("dist"),
        target.join("e2e-server.log"),
    )?;
    println!(
        "xtask: e2e server at {} (log: {})",
        server.url,
        server.log.display()
    );
    let report = target.join("e2e-report.json");
    let _ = std::fs::remove_file(&report);
    let run = cmd::run_in(
        Command::new("npx")
            .args([
                "playwright",
                "test",
                "--config",
                "tests/e2e/playwright.config.ts",
            ])
            .args(filters)
            .env("VELA_BASE_URL", &server.url)
            // For specs that need a server started otherwise (sso.spec.ts
            // starts one with single sign-on beside its OpenID provider).
            .env("VELA_SERVER_BIN", target.join("debug/vela-server"))
            .env("VELA_DIST_DIR", root().join("dist"))
            .env("VELA_E2E_REPORT", &report),
        &root(),
    );
    let counted = tally.playwright_report(&report);
    run.and(counted)
}
