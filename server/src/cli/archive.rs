//! `vela-server backup | restore | check`.
//!
//! A backup copies the data directory while the server may be writing it:
//! the snapshot (replaced atomically, so read whole or not at all), the log
//! segments (appended to; an incomplete last line is cut, as start-up
//! would), the accounts and feeds files (replaced atomically). A segment
//! deleted mid-copy means a new snapshot was written meanwhile: the copy
//! starts again. The copy is then loaded strictly, as start-up loads, and
//! only a copy that loads is archived (tar + gzip). Every command
//! acknowledged before the backup started was fsynced into a file that
//! existed when the copy listed them, so it is in the archive.
//!
//! `check` makes the same copy in a temporary directory and loads it, so it
//! never writes to the directory it checks, and works while a server runs.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use uuid::Uuid;

use super::lock::{DataDirLock, LOCK_FILE};
use super::CliError;
use crate::auth::accounts::FileAccounts;
use crate::org_store::OrgStore;
use crate::store::{format, Store, StoreError, StoreOptions};

/// The folder every archive holds the data directory in.
const ROOT: &str = "vela-data";

/// How often a copy is started again when the server compacts its log
/// under it; each snapshot is thousands of revisions apart, so more than a
/// couple of attempts means something else is wrong.
const ATTEMPTS: usize = 5;

/// What a data directory holds, as `check`, `backup` and `restore` print it.
struct Summary {
    organisations: Vec<String>,
    revisions: u64,
    people: usize,
    accounts: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} organisation(s){}{}, {} revision(s), {} people, {} account(s)",
            self.organisations.len(),
            if self.organisations.is_empty() {
                ""
            } else {
                ": "
            },
            self.organisations.join(", "),
            self.revisions,
            self.people,
            self.accounts,
        )
    }
}

/// Why one copy attempt failed.
enum CopyError {
    /// The server changed the files under the copy: try again.
    Moved(PathBuf),
    Fatal(CliError),
}

fn fatal(path: &Path, e: io::Error) -> CopyError {
    CopyError::Fatal(CliError::new(format!("{}: {e}", path.display())))
}

/// Checks that `dir` is a readable Vela data directory.
pub(super) fn require_data_dir(dir: &Path) -> Result<(), CliError> {
    let meta = std::fs::metadata(dir).map_err(|e| {
        CliError::new(format!(
            "cannot read the data directory {}: {e}",
            dir.display()
        ))
    })?;
    if !meta.is_dir() {
        return Err(CliError::new(format!(
            "{} is not a directory",
            dir.display()
        )));
    }
    std::fs::read_dir(dir).map_err(|e| {
        CliError::new(format!(
            "cannot read the data directory {}: {e}",
            dir.display()
        ))
    })?;
    if !dir.join("orgs").is_dir() && !dir.join("accounts.json").is_file() {
        return Err(CliError::new(format!(
            "{} is not a Vela data directory (it has neither orgs/ nor accounts.json)",
            dir.display()
        )));
    }
    Ok(())
}

/// A consistent copy of `src` into the empty directory `dst`, loaded
/// strictly; answers the notes about incomplete last lines it cut.
fn copy_verified(src: &Path, dst: &Path) -> Result<(Vec<String>, Summary), CliError> {
    let mut last = None;
    let mut corrupt_once = false;
    for _ in 0..ATTEMPTS {
        if dst.exists() {
            std::fs::remove_dir_all(dst)
                .map_err(|e| CliError::new(format!("{}: {e}", dst.display())))?;
        }
        std::fs::create_dir_all(dst)
            .map_err(|e| CliError::new(format!("{}: {e}", dst.display())))?;
        let mut notes = Vec::new();
        match copy_data_dir(src, dst, &mut notes) {
            Ok(()) => {}
            Err(CopyError::Moved(path)) => {
                tracing::info!(file = %path.display(), "changed during the copy; copying again");
                last = Some(format!("{} kept changing during the copy", path.display()));
                continue;
            }
            Err(CopyError::Fatal(e)) => return Err(e),
        }
        match load(dst) {
            Ok(summary) => return Ok((notes, summary)),
            // A copy that straddles a compaction in a way the file checks
            // missed shows as a gap in revisions: copy again. Corruption
            // that is really there stays and is reported.
            Err(LoadError::Store(StoreError::Corrupt { .. })) if !corrupt_once => {
                corrupt_once = true;
            }
            Err(e) => return Err(CliError::new(e.to_string())),
        }
    }
    Err(CliError::new(format!(
        "could not take a consistent copy in {ATTEMPTS} attempts{}",
        last.map(|l| format!(": {l}")).unwrap_or_default()
    )))
}

fn copy_data_dir(src: &Path, dst: &Path, notes: &mut Vec<String>) -> Result<(), CopyError> {
    // The store first: accounts and feeds copied after it are as new or
    // newer, so an account never lacks the person it signs in as because
    // of the copy's order.
    let orgs = src.join("orgs");
    if orgs.is_dir() {
        let target = dst.join("orgs");
        std::fs::create_dir_all(&target).map_err(|e| fatal(&target, e))?;
        let mut dirs = Vec::new();
        for entry in std::fs::read_dir(&orgs).map_err(|e| fatal(&orgs, e))? {
            let entry = entry.map_err(|e| fatal(&orgs, e))?;
            let name = entry.file_name();
            if name
                .to_str()
                .and_then(|n| Uuid::parse_str(n).ok())
                .is_some()
                && entry.file_type().is_ok_and(|t| t.is_dir())
            {
                dirs.push(name);
            }
        }
        dirs.sort();
        for name in dirs {
            copy_org(&orgs.join(&name), &target.join(&name), notes)?;
        }
    }
    for entry in std::fs::read_dir(src).map_err(|e| fatal(src, e))? {
        let entry = entry.map_err(|e| fatal(src, e))?;
        let name = entry.file_name();
        let Some(text) = name.to_str() else { continue };
        // The lock belongs to the running server; dot files are the
        // temporaries of atomic writes.
        if text == LOCK_FILE
            || text.starts_with('.')
            || !entry.file_type().is_ok_and(|t| t.is_file())
        {
            continue;
        }
        match std::fs::read(entry.path()) {
            Ok(bytes) => write_file(&dst.join(&name), &bytes)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(fatal(&entry.path(), e)),
        }
    }
    Ok(())
}

/// One organisation's files: everything but the log segments first (the
/// snapshot), then the segments listed before it, oldest first.
fn copy_org(src: &Path, dst: &Path, notes: &mut Vec<String>) -> Result<(), CopyError> {
    std::fs::create_dir_all(dst).map_err(|e| fatal(dst, e))?;
    let mut segments = Vec::new();
    let mut others = Vec::new();
    for entry in std::fs::read_dir(src).map_err(|e| fatal(src, e))? {
        let entry = entry.map_err(|e| fatal(src, e))?;
        let name = entry.file_name();
        let Some(text) = name.to_str() else { continue };
        if text.starts_with('.') || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        if text.starts_with("log-") {
            segments.push(name);
        } else {
            others.push(name);
        }
    }
    segments.sort();
    for name in others {
        match std::fs::read(src.join(&name)) {
            Ok(bytes) => write_file(&dst.join(&name), &bytes)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(fatal(&src.join(&name), e)),
        }
    }
    let count = segments.len();
    for (index, name) in segments.into_iter().enumerate() {
        let path = src.join(&name);
        let mut bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            // Compacted away after a newer snapshot: the copy of the
            // snapshot may be older than that, so start again.
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(CopyError::Moved(path)),
            Err(e) => return Err(fatal(&path, e)),
        };
        if index + 1 == count {
            // The line being appended right now was not acknowledged yet.
            let whole = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            if whole < bytes.len() {
                notes.push(format!(
                    "{}: an incomplete last line ({} bytes) is left out, as start-up cuts it",
                    path.display(),
                    bytes.len() - whole
                ));
                bytes.truncate(whole);
            }
            // Closed after the listing: its successor is not in this copy.
            // If it is there now, copy again; if not, it is lost, and the
            // strict load reports it.
            let body = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
            let start = body.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            if let Some(next) = format::closing_next(&body[start..]) {
                let successor = src.join(format!("log-{next:020}.jsonl"));
                if successor.exists() {
                    return Err(CopyError::Moved(successor));
                }
            }
        }
        write_file(&dst.join(&name), &bytes)?;
    }
    Ok(())
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), CopyError> {
    std::fs::write(path, bytes).map_err(|e| fatal(path, e))
}

#[derive(Debug, thiserror::Error)]
enum LoadError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Accounts(#[from] crate::auth::accounts::AccountsError),
    #[error(transparent)]
    Feeds(#[from] crate::ics::FeedError),
}

/// Loads a data directory as start-up does (the store, the accounts, the
/// feeds) and sums it up. Writes nothing a start-up would not.
fn load(dir: &Path) -> Result<Summary, LoadError> {
    let accounts = FileAccounts::open(dir)?;
    crate::ics::FileFeeds::open(dir)?;
    let store = OrgStore::open(dir, StoreOptions::default())?;
    let mut summary = Summary {
        organisations: Vec::new(),
        revisions: 0,
        people: 0,
        accounts: accounts.len(),
    };
    for partition in store.organisations() {
        store.read(partition, |state, revision| {
            summary.revisions += revision;
            summary.people += state.directory.people.len();
            summary.organisations.extend(
                state
                    .directory
                    .organisations
                    .values()
                    .map(|o| o.name.clone()),
            );
        })?;
    }
    // Dropped without `shutdown`: no snapshot is written.
    drop(store);
    Ok(summary)
}

/// `vela-server check`.
pub fn check(data_dir: &Path) -> Result<String, CliError> {
    require_data_dir(data_dir)?;
    let temp = tempfile::Builder::new()
        .prefix("vela-check-")
        .tempdir()
        .map_err(|e| CliError::new(format!("cannot make a temporary directory: {e}")))?;
    let copy = temp.path().join(ROOT);
    // Errors name the checked directory, not the temporary copy.
    let rename =
        |text: String| text.replace(&copy.display().to_string(), &data_dir.display().to_string());
    let (notes, summary) =
        copy_verified(data_dir, &copy).map_err(|e| CliError::new(rename(e.0)))?;
    let mut out = String::new();
    for note in notes {
        out.push_str(&format!("note: {}\n", rename(note)));
    }
    out.push_str(&format!("{}: ok — {summary}", data_dir.display()));
    Ok(out)
}

/// `vela-server backup`.
pub fn backup(data_dir: &Path, output: &Path) -> Result<String, CliError> {
    require_data_dir(data_dir)?;
    if output.exists() {
        return Err(CliError::new(format!(
            "{} exists; give the backup a new name (nothing is overwritten)",
            output.display()
        )));
    }
    let folder = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(CliError::new(format!(
            "no directory {} to write the backup in",
            folder.display()
        )));
    }
    let temp = tempfile::Builder::new()
        .prefix(".vela-backup-")
        .tempdir_in(&folder)
        .map_err(|e| CliError::new(format!("cannot write in {}: {e}", folder.display())))?;
    let copy = temp.path().join(ROOT);
    let (_, summary) = copy_verified(data_dir, &copy)?;
    // The verification's start-up may have opened a fresh segment; the
    // archive holds exactly what was copied and loaded.
    let partial = tempfile::Builder::new()
        .prefix(".vela-backup-")
        .suffix(".partial")
        .tempfile_in(&folder)
        .map_err(|e| CliError::new(format!("cannot write in {}: {e}", folder.display())))?;
    let write = |file: &File| -> io::Result<()> {
        let gzip = flate2::write::GzEncoder::new(file, flate2::Compression::default());
        let mut tar = tar::Builder::new(gzip);
        tar.follow_symlinks(false);
        tar.append_dir_all(ROOT, &copy)?;
        let mut gzip = tar.into_inner()?;
        gzip.flush()?;
        gzip.finish()?.sync_all()
    };
    write(partial.as_file())
        .map_err(|e| CliError::new(format!("cannot write {}: {e}", output.display())))?;
    partial
        .persist_noclobber(output)
        .map_err(|e| CliError::new(format!("cannot write {}: {}", output.display(), e.error)))?;
    crate::store::fsutil::sync_dir(&folder)
        .map_err(|e| CliError::new(format!("{}: {e}", folder.display())))?;
    Ok(format!(
        "backup of {} written to {}: {summary}",
        data_dir.display(),
        output.display()
    ))
}

/// `vela-server restore`.
pub fn restore(input: &Path, data_dir: &Path) -> Result<String, CliError> {
    let archive = File::open(input)
        .map_err(|e| CliError::new(format!("cannot read the archive {}: {e}", input.display())))?;
    // The target: new, or an empty directory no server uses.
    let mut existed = false;
    match std::fs::metadata(data_dir) {
        Ok(meta) if !meta.is_dir() => {
            return Err(CliError::new(format!(
                "{} exists and is not a directory",
                data_dir.display()
            )))
        }
        Ok(_) => {
            existed = true;
            if DataDirLock::is_held(data_dir) {
                return Err(super::lock::LockError::InUse {
                    path: data_dir.to_path_buf(),
                }
                .into());
            }
            let mut entries = std::fs::read_dir(data_dir)
                .map_err(|e| CliError::new(format!("cannot read {}: {e}", data_dir.display())))?;
            if entries.next().is_some() {
                return Err(CliError::new(format!(
                    "{} is not empty; restore into an empty or new directory (nothing was changed)",
                    data_dir.display()
                )));
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(CliError::new(format!(
                "cannot read {}: {e}",
                data_dir.display()
            )))
        }
    }
    let parent = match data_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)
        .map_err(|e| CliError::new(format!("cannot create {}: {e}", parent.display())))?;
    let temp = tempfile::Builder::new()
        .prefix(".vela-restore-")
        .tempdir_in(&parent)
        .map_err(|e| CliError::new(format!("cannot write in {}: {e}", parent.display())))?;
    let corrupt = |why: String| {
        CliError::new(format!(
            "{} is not a usable Vela backup: {why}",
            input.display()
        ))
    };
    unpack(archive, temp.path()).map_err(corrupt)?;
    let restored = temp.path().join(ROOT);
    if !restored.is_dir() {
        return Err(corrupt(format!("it holds no {ROOT}/ folder")));
    }
    let summary = load(&restored).map_err(|e| corrupt(e.to_string()))?;
    sync_tree(&restored)
        .map_err(|e| CliError::new(format!("cannot sync the restored files: {e}")))?;
    if existed {
        // Replaced only now, and only if still empty (rename refuses a
        // directory that is not).
        std::fs::remove_dir(data_dir)
            .map_err(|e| CliError::new(format!("{}: {e}", data_dir.display())))?;
    }
    std::fs::rename(&restored, data_dir).map_err(|e| {
        CliError::new(format!(
            "cannot move the restored data to {}: {e}",
            data_dir.display()
        ))
    })?;
    crate::store::fsutil::sync_dir(&parent)
        .map_err(|e| CliError::new(format!("{}: {e}", parent.display())))?;
    Ok(format!(
        "restored {} into {}: {summary}",
        input.display(),
        data_dir.display()
    ))
}

/// Unpacks the archive's regular files and folders under `into`, refusing
/// anything else (links, devices, paths leaving the folder).
fn unpack(archive: File, into: &Path) -> Result<(), String> {
    let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(io::BufReader::new(archive)));
    let entries = tar.entries().map_err(|e| e.to_string())?;
    for entry in entries {
        let mut entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path().map_err(|e| e.to_string())?.into_owned();
        let safe =
            path.components().all(|c| matches!(c, Component::Normal(_))) && path.starts_with(ROOT);
        if !safe {
            return Err(format!("unexpected entry {}", path.display()));
        }
        let kind = entry.header().entry_type();
        if !(kind.is_file() || kind.is_dir()) {
            return Err(format!("unexpected entry {} (not a file)", path.display()));
        }
        let target = into.join(&path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        entry
            .unpack(&target)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// fsyncs every file and folder under `dir`, so a restored directory is
/// durable before it is put in place.
fn sync_tree(dir: &Path) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            sync_tree(&entry.path())?;
        } else {
            File::open(entry.path())?.sync_all()?;
        }
    }
    crate::store::fsutil::sync_dir(dir)
}
