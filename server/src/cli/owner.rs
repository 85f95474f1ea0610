//! Files an admin command writes belong to whoever owns the data
//! directory. Run as root against a service's directory (systemd's
//! `DynamicUser` gives it an unnamed user), a root-owned log segment would
//! be one the server cannot append to at its next start.

use std::path::Path;

use super::CliError;

/// Gives every file and folder under `data_dir` the owner of `data_dir`
/// itself, when running as root; otherwise nothing to do (an ordinary user
/// can only create files of their own, in a directory they may write).
#[cfg(unix)]
pub fn match_data_dir(data_dir: &Path) -> Result<(), CliError> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return Ok(());
    }
    let top = std::fs::metadata(data_dir)
        .map_err(|e| CliError::new(format!("{}: {e}", data_dir.display())))?;
    let (uid, gid) = (top.uid(), top.gid());
    if uid == 0 {
        return Ok(());
    }
    fn walk(dir: &Path, uid: u32, gid: u32) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            let meta = std::fs::symlink_metadata(&path)?;
            if meta.uid() != uid || meta.gid() != gid {
                std::os::unix::fs::lchown(&path, Some(uid), Some(gid))?;
            }
            if meta.is_dir() {
                walk(&path, uid, gid)?;
            }
        }
        Ok(())
    }
    walk(data_dir, uid, gid).map_err(|e| {
        CliError::new(format!(
            "cannot give the new files the owner of {}: {e}",
            data_dir.display()
        ))
    })
}

#[cfg(not(unix))]
pub fn match_data_dir(_data_dir: &Path) -> Result<(), CliError> {
    Ok(())
}
