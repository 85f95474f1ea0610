//! Which store the server suite runs on: the JSON files (the default) or,
//! with `VELA_TEST_STORE=postgres`, a fresh database of the test cluster for
//! each data dir — so one suite covers both stores (`cargo xtask test` runs
//! it twice).
//!
//! A data dir keeps its database for as long as the directory exists, so a
//! test that restarts a server on the same data dir finds its state again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use super::postgres::{self, TestDatabase};

/// The store the servers of this test run use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreKind {
    Json,
    Postgres,
}

/// `VELA_TEST_STORE`: unset or `json`, or `postgres`.
pub fn store_kind() -> StoreKind {
    static KIND: OnceLock<StoreKind> = OnceLock::new();
    *KIND.get_or_init(|| match std::env::var("VELA_TEST_STORE").as_deref() {
        Err(_) | Ok("" | "json") => StoreKind::Json,
        Ok("postgres") => StoreKind::Postgres,
        Ok(other) => panic!("VELA_TEST_STORE={other}: expected `json` or `postgres`"),
    })
}

/// Ends a test that by nature reads or writes the JSON store's files (log
/// segments, snapshots, the data dir's backup) when the suite runs on
/// PostgreSQL; the reason is printed so the skip is visible.
#[macro_export]
macro_rules! json_store_only {
    ($reason:literal) => {
        if $crate::common::store_kind() != $crate::common::StoreKind::Json {
            eprintln!("JSON store only: {}", $reason);
            return;
        }
    };
}

type Databases = Mutex<HashMap<PathBuf, Arc<TestDatabase>>>;

fn databases() -> &'static Databases {
    static DATABASES: OnceLock<Databases> = OnceLock::new();
    DATABASES.get_or_init(|| {
        // SAFETY: registers a plain `extern "C" fn` with no captured state.
        unsafe { libc::atexit(stop_at_exit) };
        postgres::hold_cluster();
        Mutex::new(HashMap::new())
    })
}

fn lock() -> std::sync::MutexGuard<'static, HashMap<PathBuf, Arc<TestDatabase>>> {
    databases().lock().unwrap_or_else(|e| e.into_inner())
}

/// The database of `data`: the one an earlier server on it used, or a new one.
pub fn database_for(data: &Path) -> Arc<TestDatabase> {
    {
        let mut map = lock();
        // Databases whose data dir is gone and that no server holds are done with.
        map.retain(|dir, db| Arc::strong_count(db) > 1 || dir.exists());
        if let Some(database) = map.get(data) {
            return database.clone();
        }
    }
    // Made without holding the lock: tests start their servers in parallel.
    let made = Arc::new(TestDatabase::create());
    lock().entry(data.to_path_buf()).or_insert(made).clone()
}

/// A server on `data` stopped, its dir stays: its database waits for a restart.
pub fn release(data: &Path, database: Arc<TestDatabase>) {
    drop(database);
    if !data.exists() {
        forget(data);
    }
}

/// `data` is being deleted: its database goes (dropped) with it.
pub fn forget(data: &Path) {
    let gone = lock().remove(data);
    drop(gone);
}

/// Drops the databases still waiting and stops the cluster, which would
/// otherwise outlive the test process's last test (its directory left behind).
extern "C" fn stop_at_exit() {
    let waiting = std::mem::take(&mut *lock());
    drop(waiting);
    postgres::release_cluster();
}
