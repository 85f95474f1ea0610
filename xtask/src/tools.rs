//! Installs the tools the build and the tests need, skipping what is there.
//!
//! Versions and traps are recorded in shared/toolchain.md: trunk 0.21.14 must
//! be installed with `--locked`; wasm-bindgen-cli must match Cargo.lock and
//! must not use `--locked`; wasm-opt must be binaryen's npm build, never
//! Debian's (which silently breaks the app).

use std::path::PathBuf;
use std::process::Command;

use crate::cmd::{self, cargo_bin, output};
use crate::{root, Result};

const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Everything `trunk build` needs, and PATH set so trunk finds the right tools.
pub fn ensure_build_tools() -> Result {
    set_path();
    ensure_wasm_target()?;
    ensure_wasm_bindgen()?;
    ensure_trunk()?;
    ensure_npm_packages()?;
    // trunk runs cargo with --offline (Trunk.toml): the registry must be local first.
    cmd::cargo(&["fetch"])
}

/// Headless Chromium and its driver, from Debian.
pub fn ensure_browser() -> Result {
    let missing: Vec<&str> = [
        ("chromium", "/usr/bin/chromium"),
        ("chromium-driver", "/usr/bin/chromedriver"),
    ]
    .into_iter()
    .filter(|(_, path)| !PathBuf::from(path).exists())
    .map(|(package, _)| package)
    .collect();
    if missing.is_empty() {
        return Ok(());
    }
    apt_install(&missing)
}

/// PostgreSQL's server binaries, from Debian: the store tests start a real
/// database of their own (`server/tests/common/postgres.rs`).
pub fn ensure_postgres() -> Result {
    if postgres_bin_dir().is_some() {
        return Ok(());
    }
    apt_install(&["postgresql"])
}

/// Where Debian put `initdb` and `postgres` (any installed major version).
fn postgres_bin_dir() -> Option<PathBuf> {
    let versions = std::fs::read_dir("/usr/lib/postgresql").ok()?;
    versions
        .filter_map(|v| v.ok())
        .map(|v| v.path().join("bin"))
        .find(|bin| bin.join("initdb").exists() && bin.join("postgres").exists())
}

/// Puts the project's npm tools, then cargo's, first on PATH for every child.
fn set_path() {
    let mut dirs = vec![root().join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        dirs.push(home.join("bin"));
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    if let Ok(joined) = std::env::join_paths(dirs) {
        std::env::set_var("PATH", joined);
    }
}

fn ensure_wasm_target() -> Result {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    cmd::run_in(
        Command::new("rustup").args(["target", "add", WASM_TARGET]),
        &root(),
    )
}

fn ensure_wasm_bindgen() -> Result {
    let wanted = locked_version("wasm-bindgen")?;
    let have = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(wanted.as_str()) {
        return Ok(());
    }
    // No --locked: one of its pinned dependencies is missing from the registry mirror.
    cmd::run_in(
        Command::new(cargo_bin()).args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &wanted,
            "--force",
        ]),
        &root(),
    )
}

fn ensure_trunk() -> Result {
    let have = output("trunk", &["--version"]).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(TRUNK_VERSION) {
        return Ok(());
    }
    cmd::run_in(
        Command::new(cargo_bin()).args([
            "install",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--locked",
            "--force",
        ]),
        &root(),
    )
}

/// binaryen (wasm-opt), Playwright, axe for the accessibility checks, the
/// self-hosted Titillium Web font, the SMTP server of the mail tests
/// (`smtp-server`) and the OpenID provider of the single sign-on tests
/// (`oidc-provider`), pinned by the root package-lock.json.
fn ensure_npm_packages() -> Result {
    npm_ci(
        &root(),
        &[
            "node_modules/.bin/wasm-opt",
            "node_modules/@playwright/test",
            "node_modules/@axe-core/playwright",
            "node_modules/@fontsource/titillium-web",
            "node_modules/smtp-server",
            "node_modules/oidc-provider",
        ],
    )
}

/// Lighthouse and puppeteer-core, pinned by tests/audit/package-lock.json.
/// Only `cargo xtask audit` needs them, so the test suite never waits on them.
pub fn ensure_audit_packages() -> Result {
    npm_ci(
        &root().join("tests/audit"),
        &["node_modules/lighthouse", "node_modules/puppeteer-core"],
    )
}

/// `npm ci` in `dir` unless every `marker` exists and the lock file is older
/// than the last install.
fn npm_ci(dir: &std::path::Path, markers: &[&str]) -> Result {
    let modules = dir.join("node_modules");
    let complete = markers.iter().all(|m| dir.join(m).exists());
    let stale = match (
        modified(&dir.join("package-lock.json")),
        modified(&modules.join(".package-lock.json")),
    ) {
        (Some(lock), Some(installed)) => lock > installed,
        _ => true,
    };
    if complete && !stale {
        return Ok(());
    }
    if output("npm", &["--version"]).is_none() {
        apt_install(&["nodejs", "npm"])?;
    }
    cmd::run_in(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            // Playwright and Puppeteer drive Debian's Chromium; they must never
            // download their own (no network for that here).
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
            .env("PUPPETEER_SKIP_DOWNLOAD", "1"),
        dir,
    )
}

fn modified(path: &std::path::Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The version of `package` that Cargo.lock resolved.
pub fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == needle {
            if let Some(version) = lines
                .next()
                .and_then(|v| v.trim().strip_prefix("version = "))
            {
                return Ok(version.trim_matches('"').to_string());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

/// Installs Debian packages (as root, or through sudo).
fn apt_install(packages: &[&str]) -> Result {
    let as_root = output("id", &["-u"])
        .map(|id| id.trim() == "0")
        .unwrap_or(false);
    let apt = |args: &[&str]| {
        let mut command = if as_root {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd::run_in(&mut command, &root())
    };
    apt(&["update"])?;
    let mut args = vec!["install", "-y"];
    args.extend_from_slice(packages);
    apt(&args)
}
