//! Figures and the table they are printed in.

use std::time::Duration;

/// Latencies of many requests.
#[derive(Default)]
pub struct Latencies(Vec<Duration>);

impl Latencies {
    pub fn extend(&mut self, more: impl IntoIterator<Item = Duration>) {
        self.0.extend(more);
    }

    /// p50 and p99 in milliseconds.
    pub fn summary(mut self) -> (f64, f64) {
        self.0.sort();
        let at = |q: f64| {
            if self.0.is_empty() {
                return f64::NAN;
            }
            let index = ((self.0.len() as f64 - 1.0) * q).round() as usize;
            self.0[index.min(self.0.len() - 1)].as_secs_f64() * 1000.0
        };
        (at(0.50), at(0.99))
    }
}

/// The figures of one organisation size.
pub struct Row {
    /// The store and how many servers: "JSON", "PG, 2 replicas".
    pub setup: String,
    pub people: usize,
    /// Day plan records in the organisation.
    pub plans: usize,
    pub populate: Duration,
    pub push: (f64, f64),
    pub push_rate: f64,
    pub sequential_rate: f64,
    pub employee_snapshot: (f64, f64),
    pub employee_snapshot_kib: f64,
    pub employee_recent: (f64, f64),
    pub lead_snapshot: (f64, f64),
    /// Each server's resident memory after the run, in MiB.
    pub rss_mib: Vec<f64>,
    /// Each server's highest resident memory during the run.
    pub peak_mib: Vec<f64>,
}

/// Figures of several servers: "83.1 + 80.2".
fn each(figures: &[f64]) -> String {
    figures
        .iter()
        .map(|f| format!("{f:.1}"))
        .collect::<Vec<_>>()
        .join(" + ")
}

pub fn print(rows: &[Row]) {
    println!();
    println!("vela-bench — 64 concurrent clients, one-command pushes, durable (fsync) acknowledgements (times in ms)");
    println!(
        "{:<15} | {:>7} | {:>9} | {:>8} {:>8} | {:>9} | {:>9} | {:>16} {:>8} | {:>14} | {:>14} | {:>13} | {:>13}",
        "store",
        "people",
        "seed",
        "push p50",
        "p99",
        "cmds/s",
        "seq w/s",
        "emp snapshot p50",
        "p99",
        "emp recent p50",
        "lead snap p50",
        "RSS MiB",
        "peak"
    );
    for r in rows {
        println!(
            "{:<15} | {:>7} | {:>8.1}s | {:>8.2} {:>8.2} | {:>9.0} | {:>9.0} | {:>16.2} {:>8.2} | {:>14.2} | {:>14.2} | {:>13} | {:>13}",
            r.setup,
            r.people,
            r.populate.as_secs_f64(),
            r.push.0,
            r.push.1,
            r.push_rate,
            r.sequential_rate,
            r.employee_snapshot.0,
            r.employee_snapshot.1,
            r.employee_recent.0,
            r.lead_snapshot.0,
            each(&r.rss_mib),
            each(&r.peak_mib)
        );
        println!(
            "{:<15}   {} day plans; seeding took {:.1}s; employee snapshot {:.0} KiB",
            "",
            r.plans,
            r.populate.as_secs_f64(),
            r.employee_snapshot_kib
        );
    }
    // Write cost as the state grows: each setup's smallest and largest size.
    let mut setups: Vec<&str> = rows.iter().map(|r| r.setup.as_str()).collect();
    setups.dedup();
    for setup in setups {
        let of: Vec<&Row> = rows.iter().filter(|r| r.setup == setup).collect();
        if let (Some(small), Some(large)) = (of.first(), of.last()) {
            if small.people < large.people {
                println!(
                    "write cost ({setup}), {}× the people: push p50 {:.2}× , p99 {:.2}×",
                    large.people / small.people.max(1),
                    large.push.0 / small.push.0,
                    large.push.1 / small.push.1
                );
            }
        }
    }
}
