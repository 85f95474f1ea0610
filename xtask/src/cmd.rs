//! Running other programs, with their output streamed to ours.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::{root, Result};

/// Runs `cargo <args>` in the workspace root.
pub fn cargo(args: &[&str]) -> Result {
    run_in(Command::new(cargo_bin()).args(args), &root())
}

/// The cargo that runs us, so `cargo +toolchain xtask` stays on that toolchain.
pub fn cargo_bin() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// Runs a command in `dir`, inheriting stdio; fails if it exits non-zero.
pub fn run_in(command: &mut Command, dir: &Path) -> Result {
    let shown = describe(command);
    println!("xtask: $ {shown}");
    let status = command
        .current_dir(dir)
        .stdin(Stdio::null())
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs a command and returns its stdout, or None if it cannot run or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn describe(command: &Command) -> String {
    // Variables set for this command only, as a shell would show them.
    let mut parts: Vec<String> = command
        .get_envs()
        .filter_map(|(name, value)| {
            Some(format!(
                "{}={}",
                name.to_string_lossy(),
                value?.to_string_lossy()
            ))
        })
        .collect();
    parts.push(command.get_program().to_string_lossy().into_owned());
    parts.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}
