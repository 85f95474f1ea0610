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

/// Allocations from this size up get their own mapping, unmapped on free.
const OWN_MAPPING_FROM: i32 = 1024 * 1024;

/// Makes large allocations go back to the system as soon as they are freed.
///
/// glibc maps a large block on its own, but after the first such block is
/// freed it raises that threshold to the block's size, so later blocks come
/// from the arena of whichever thread asked and stay there. A password check
/// takes a 19 MiB block on one of many blocking threads: a burst of logins
/// would leave 19 MiB in every arena (hundreds of MB). A fixed threshold
/// turns that adjustment off. Call once at start-up.
pub fn map_large_allocations_alone() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter under the allocator's
    // own lock; it has no preconditions and is safe from any thread.
    unsafe {
        if libc::mallopt(libc::M_MMAP_THRESHOLD, OWN_MAPPING_FROM) != 1 {
            tracing::warn!("cannot set the allocator's mapping threshold");
        }
    }
}

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
