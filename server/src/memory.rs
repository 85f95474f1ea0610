//! Giving memory back to the system after bursts of large answers.
//!
//! A snapshot pull copies the caller's whole view and encodes it (megabytes
//! for a big organisation); glibc keeps the freed pages in per-thread arenas,
//! so after many people open the app at once the server would stay at the
//! peak. Trimming on every pull would stall the other requests; instead a
//! background thread trims at most once every [`PERIOD`] after such a burst.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Duration;

use crate::store::fsutil::release_freed_memory;

/// The longest time freed memory waits before it is returned.
const PERIOD: Duration = Duration::from_secs(2);

static PENDING: AtomicBool = AtomicBool::new(false);
static TRIMMER: OnceLock<()> = OnceLock::new();

/// Notes that a large allocation was just freed; the memory goes back to
/// the system within [`PERIOD`].
pub fn trim_soon() {
    PENDING.store(true, Ordering::Relaxed);
    TRIMMER.get_or_init(|| {
        let spawned = std::thread::Builder::new()
            .name("memory-trim".into())
            .spawn(|| loop {
                std::thread::sleep(PERIOD);
                if PENDING.swap(false, Ordering::Relaxed) {
                    release_freed_memory();
                }
            });
        if let Err(e) = spawned {
            // Only memory use suffers; the server works on.
            tracing::warn!("cannot start the memory trimmer: {e}");
        }
    });
}
