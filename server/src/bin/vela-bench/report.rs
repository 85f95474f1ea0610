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
    pub rss_mib: f64,
    /// The highest resident memory during the run.
    pub peak_mib: f64,
}

pub fn print(rows: &[Row]) {
    println!();
    println!("vela-bench — 64 concurrent clients, one-command pushes, fsync on (times in ms)");
    println!(
        "{:>7} | {:>9} | {:>8} {:>8} | {:>9} | {:>9} | {:>16} {:>8} | {:>14} | {:>14} | {:>7} {:>8}",
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
            "{:>7} | {:>8.1}s | {:>8.2} {:>8.2} | {:>9.0} | {:>9.0} | {:>16.2} {:>8.2} | {:>14.2} | {:>14.2} | {:>7.1} {:>8.1}",
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
            r.rss_mib,
            r.peak_mib
        );
        println!(
            "{:>7}   {} day plans; seeding took {:.1}s; employee snapshot {:.0} KiB",
            "",
            r.plans,
            r.populate.as_secs_f64(),
            r.employee_snapshot_kib
        );
    }
    if let [small, large] = rows {
        println!(
            "write cost, {}× the people: push p50 {:.2}× , p99 {:.2}×",
            large.people / small.people.max(1),
            large.push.0 / small.push.0,
            large.push.1 / small.push.1
        );
    }
}
