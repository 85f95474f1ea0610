//! Counting passed and failed tests across cargo and Playwright.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::cmd::describe;
use crate::{root, Result};

#[derive(Default)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
    pub skipped: u64,
    /// Each test run's own counts, in order: `(command, passed, failed)`.
    pub steps: Vec<(String, u64, u64)>,
}

impl Tally {
    /// The closing lines: one per test run, then the line CI reads,
    /// `summary: N passed, N failed`.
    pub fn line(&self) -> String {
        let mut lines: Vec<String> = self
            .steps
            .iter()
            .map(|(step, passed, failed)| format!("  {passed} passed, {failed} failed: {step}"))
            .collect();
        let mut line = format!("summary: {} passed, {} failed", self.passed, self.failed);
        if self.skipped > 0 {
            line.push_str(&format!(", {} skipped", self.skipped));
        }
        lines.push(line);
        lines.join("\n")
    }

    /// Runs a cargo test command, streaming its output and adding up the
    /// `test result:` lines.
    pub fn cargo_test(&mut self, command: &mut Command) -> Result {
        let shown = describe(command);
        println!("xtask: $ {shown}");
        let mut child = command
            .current_dir(root())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("could not start `{shown}`: {e}"))?;
        let stdout = child.stdout.take().ok_or("stdout not captured")?;
        let (passed, failed) = (self.passed, self.failed);
        for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
            println!("{line}");
            if let Some(result) = line.trim().strip_prefix("test result: ") {
                self.passed += count(result, "passed");
                self.failed += count(result, "failed");
                self.skipped += count(result, "ignored");
            }
        }
        let status = child.wait().map_err(|e| e.to_string())?;
        self.steps
            .push((shown.clone(), self.passed - passed, self.failed - failed));
        if status.success() {
            Ok(())
        } else {
            self.failed = self.failed.max(1);
            Err(format!("`{shown}` failed ({status})"))
        }
    }

    /// Adds the counts of a Playwright JSON report.
    pub fn playwright_report(&mut self, report: &std::path::Path) -> Result {
        let text =
            std::fs::read_to_string(report).map_err(|e| format!("{}: {e}", report.display()))?;
        let json: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", report.display()))?;
        let stat = |key: &str| json["stats"][key].as_u64().unwrap_or(0);
        self.passed += stat("expected") + stat("flaky");
        self.failed += stat("unexpected");
        self.steps.push((
            "playwright (browser suite)".into(),
            stat("expected") + stat("flaky"),
            stat("unexpected"),
        ));
        self.skipped += stat("skipped");
        Ok(())
    }
}

/// In "ok. 12 passed; 0 failed; 1 ignored", the number before `word`.
fn count(result: &str, word: &str) -> u64 {
    result
        .split(';')
        .filter_map(|part| {
            let mut words = part.split_whitespace().rev();
            (words.next()? == word).then(|| words.next()?.parse::<u64>().ok())?
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn reads_cargo_test_result_lines() {
        let line =
            "ok. 12 passed; 3 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s";
        assert_eq!(count(line, "passed"), 12);
        assert_eq!(count(line, "failed"), 3);
        assert_eq!(count(line, "ignored"), 1);
    }
}
