//! Login rate limits: few guesses per account, none that lock everyone out.
//!
//! Each attempt is **reserved before its password is checked** and counted
//! as a failure from that moment: a burst of parallel guesses sees the
//! reservations of the others, so no more than the limit are ever checked
//! (checking first and counting after let a burst through whole). A right
//! password gives its reservation back; an attempt that could not be checked
//! (the server was busy) gives it back too.
//!
//! Three counts, each over the last minute:
//! - per account **and** client address: `limit` guesses, then 429 until the
//!   oldest leaves the window — even for the right password, or the limit
//!   would only slow wrong guesses, not stop the right one;
//! - per account, from any address: `ACCOUNT_FACTOR` × `limit`, so a guesser
//!   with many addresses is held too, while one with a single address cannot
//!   lock the account's owner out by themself;
//! - per client address, over all accounts: never a refusal (behind a
//!   reverse proxy every client may share one address, and one guesser must
//!   not lock out the whole office) but a slow-down: past
//!   `SLOW_DOWN_FACTOR` × `limit` failures, each further *failure* is answered
//!   [`SLOW_DOWN`] later. Right passwords are never delayed.
//!
//! Two homes, chosen once at start-up: [`memory`] (one server) and [`pg`]
//! (`vela_login_limits`, one row per key, so guesses through every replica
//! add up to the same limits).
//!
//! Which address is the client's is [`ClientAddress`]'s business (trusted
//! proxies).

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use crate::store::pg::DbError;

pub mod memory;
pub mod pg;

pub use memory::MemoryLimiter;
pub use pg::PgLimiter;

/// The window in which failures are counted.
pub const WINDOW: Duration = Duration::from_secs(60);

/// The per-account limit is this many times the per-account-and-address one.
pub const ACCOUNT_FACTOR: usize = 4;

/// An address is slowed down past this many times the limit in failures.
pub const SLOW_DOWN_FACTOR: usize = 10;

/// How much later a slowed-down failure is answered.
pub const SLOW_DOWN: Duration = Duration::from_secs(1);

/// Recent login attempts, wherever they are counted.
pub enum LoginLimiter {
    Memory(Arc<MemoryLimiter>),
    Pg(PgLimiter),
}

/// Why an attempt may not go on.
#[derive(Debug)]
pub enum Refused {
    /// Over a limit: how long until the oldest counted attempt leaves the
    /// window.
    Limit(Duration),
    /// The counts could not be read (the database is out of reach).
    Unavailable(DbError),
}

/// An attempt that may go on to check its password. Resolve it with
/// [`Reservation::failed`], [`Reservation::succeeded`] or
/// [`Reservation::release`]; dropped unresolved (the client went away during
/// the check), it stays counted as a failure.
pub enum Reservation {
    Memory(memory::Reservation),
    Pg(pg::Reservation),
}

impl LoginLimiter {
    /// Limits counted in this process's memory.
    pub fn in_memory(attempts_per_minute: u32) -> Self {
        LoginLimiter::Memory(Arc::new(MemoryLimiter::new(attempts_per_minute)))
    }

    /// Reserves an attempt at `account` from `address`.
    pub async fn reserve(&self, account: &str, address: IpAddr) -> Result<Reservation, Refused> {
        match self {
            LoginLimiter::Memory(m) => m
                .reserve(account, address)
                .map(Reservation::Memory)
                .map_err(Refused::Limit),
            LoginLimiter::Pg(p) => p.reserve(account, address).await.map(Reservation::Pg),
        }
    }
}

impl Reservation {
    /// The password was wrong: the attempt stays counted. Returns how long
    /// to wait before answering (the address's slow-down, usually zero).
    pub async fn failed(self) -> Duration {
        match self {
            Reservation::Memory(r) => r.failed(),
            Reservation::Pg(r) => r.failed().await,
        }
    }

    /// The password was right: the account's failures from this address are
    /// forgotten (not the address's: one right password must not reset a
    /// spray over many accounts).
    pub async fn succeeded(self) {
        match self {
            Reservation::Memory(r) => r.succeeded(),
            Reservation::Pg(r) => r.succeeded().await,
        }
    }

    /// The password could not be checked: the attempt does not count.
    pub async fn release(self) {
        match self {
            Reservation::Memory(r) => r.release(),
            Reservation::Pg(r) => r.release().await,
        }
    }
}
