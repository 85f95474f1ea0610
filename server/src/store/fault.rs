//! A fault-injection hook for tests of disk errors: in debug builds, while
//! the file named by `VELA_TEST_FAIL_WRITES_WHILE` exists, every log write
//! fails as if the disk were full. Release builds compile it to nothing.

use std::io;

/// Fails with ENOSPC while the test's flag file exists (debug builds only).
#[cfg(debug_assertions)]
pub fn check() -> io::Result<()> {
    use std::path::PathBuf;
    use std::sync::OnceLock;

    static FLAG: OnceLock<Option<PathBuf>> = OnceLock::new();
    let flag =
        FLAG.get_or_init(|| std::env::var_os("VELA_TEST_FAIL_WRITES_WHILE").map(PathBuf::from));
    match flag {
        Some(flag) if flag.exists() => Err(io::Error::from_raw_os_error(libc::ENOSPC)),
        _ => Ok(()),
    }
}

/// Never fails in release builds.
#[cfg(not(debug_assertions))]
#[inline(always)]
pub fn check() -> io::Result<()> {
    Ok(())
}
