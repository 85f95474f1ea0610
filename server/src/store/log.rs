//! The files of one organisation: log segments and the snapshot.
//!
//! ```text
//! <data>/orgs/<org id>/snapshot.json               compacted state at some revision
//! <data>/orgs/<org id>/log-<first revision>.jsonl  accepted commands, one line each
//! ```
//!
//! Appends go to one writer thread per organisation that does group commit:
//! it takes every line queued while the previous fsync ran, writes them with
//! one `write` and one `fdatasync`, then acknowledges all of them. The log is
//! cut into segments at each snapshot so old ones can be deleted without
//! rewriting anything; a write never touches more than the end of one file,
//! so its cost does not grow with the state.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use serde::de::DeserializeOwned;
use tokio::sync::{oneshot, watch};

use super::entry::Revisioned;
use super::fsutil::{atomic_write_with, sync_dir};
use super::StoreError;

const SNAPSHOT_FILE: &str = "snapshot.json";

/// Resolves once an appended line is durable (or its write failed).
pub type Ticket = oneshot::Receiver<Result<(), StoreError>>;

/// Serializes a snapshot into the file being written; runs on a
/// background thread, not the writer.
pub type SnapshotJob = Box<dyn FnOnce(&mut dyn std::io::Write) -> std::io::Result<()> + Send>;

/// What start-up found on disk.
pub struct Recovered<S, L> {
    pub snapshot: Option<S>,
    /// Every line after the snapshot, in revision order.
    pub lines: Vec<L>,
}

fn segment_name(first_revision: u64) -> String {
    format!("log-{first_revision:020}.jsonl")
}

fn parse_segment_name(name: &str) -> Option<u64> {
    name.strip_prefix("log-")?
        .strip_suffix(".jsonl")?
        .parse()
        .ok()
}

/// The log of one organisation, open for appending.
pub struct OrgLog {
    ops: mpsc::Sender<Op>,
    durable: watch::Receiver<u64>,
    failed: Arc<AtomicBool>,
    writer: Mutex<Option<JoinHandle<()>>>,
}

enum Op {
    Append {
        revision: u64,
        bytes: Vec<u8>,
        done: oneshot::Sender<Result<(), StoreError>>,
    },
    /// Snapshot at `revision`: everything queued before it is written
    /// first, then a new segment starts at `revision + 1`.
    Snapshot {
        revision: u64,
        job: SnapshotJob,
    },
    Close,
}

impl OrgLog {
    /// Opens (or creates) the organisation's directory: loads the snapshot,
    /// reads every log line after it, cuts off a torn last line, and starts
    /// the writer thread. Corruption anywhere but the last line is an error
    /// naming the file and line: data is never dropped silently.
    pub fn open<S, L>(dir: &Path) -> Result<(OrgLog, Recovered<S, L>), StoreError>
    where
        S: DeserializeOwned + Revisioned,
        L: DeserializeOwned + Revisioned,
    {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        let snapshot_path = dir.join(SNAPSHOT_FILE);
        let snapshot: Option<S> = match std::fs::read(&snapshot_path) {
            // Written atomically, so a bad snapshot is never a torn write.
            Ok(bytes) => Some(
                serde_json::from_slice(&bytes).map_err(|e| StoreError::Corrupt {
                    file: snapshot_path.clone(),
                    line: e.line(),
                    reason: e.to_string(),
                })?,
            ),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(StoreError::io(&snapshot_path, e)),
        };
        let base = snapshot.as_ref().map_or(0, Revisioned::revision);

        let mut segments = list_segments(dir)?;
        let mut lines = Vec::new();
        let mut expected = base + 1;
        let count = segments.len();
        for (index, (_, path)) in segments.iter().enumerate() {
            let last_segment = index + 1 == count;
            read_segment(path, last_segment, base, &mut expected, &mut lines)?;
        }
        let revision = expected - 1;

        // Append to the newest segment, or start one after the snapshot.
        let current = match segments.pop() {
            Some((_, path)) => path,
            None => {
                let path = dir.join(segment_name(revision + 1));
                File::create(&path).map_err(|e| StoreError::io(&path, e))?;
                sync_dir(dir).map_err(|e| StoreError::io(dir, e))?;
                path
            }
        };
        let file = OpenOptions::new()
            .append(true)
            .open(&current)
            .map_err(|e| StoreError::io(&current, e))?;

        let (ops, rx) = mpsc::channel();
        let (durable_tx, durable) = watch::channel(revision);
        let failed = Arc::new(AtomicBool::new(false));
        let writer = Writer {
            dir: dir.to_path_buf(),
            file,
            path: current,
            durable: durable_tx,
            failed: failed.clone(),
            snapshotter: None,
        };
        let handle = std::thread::Builder::new()
            .name("vela-log-writer".into())
            .spawn(move || writer.run(rx))
            .map_err(|e| StoreError::io(dir, e))?;
        let log = OrgLog {
            ops,
            durable,
            failed,
            writer: Mutex::new(Some(handle)),
        };
        Ok((log, Recovered { snapshot, lines }))
    }

    /// Queues a line (without its newline). Lines must be queued in revision
    /// order; the ticket resolves once the line is on disk.
    pub fn append(&self, revision: u64, bytes: Vec<u8>) -> Ticket {
        let (done, ticket) = oneshot::channel();
        if self.failed.load(Ordering::Acquire) {
            let _ = done.send(Err(StoreError::Unavailable));
            return ticket;
        }
        if let Err(mpsc::SendError(Op::Append { done, .. })) = self.ops.send(Op::Append {
            revision,
            bytes,
            done,
        }) {
            let _ = done.send(Err(StoreError::Unavailable));
        }
        ticket
    }

    /// Queues a snapshot of the state at `revision`, which must be the last
    /// revision queued so far (call it under the lock that orders appends).
    /// The writer makes every earlier line durable, starts a new segment,
    /// and hands `job` to a background thread that writes the snapshot and
    /// then deletes the segments it makes redundant.
    pub fn snapshot(&self, revision: u64, job: SnapshotJob) {
        let _ = self.ops.send(Op::Snapshot { revision, job });
    }

    /// The highest revision known to be on disk.
    pub fn durable(&self) -> watch::Receiver<u64> {
        self.durable.clone()
    }

    /// Whether a write failed (then nothing more is accepted).
    pub fn is_failed(&self) -> bool {
        self.failed.load(Ordering::Acquire)
    }

    /// Writes out everything queued (and a queued snapshot) and stops the
    /// writer. Blocking.
    pub fn close(&self) {
        let _ = self.ops.send(Op::Close);
        let handle = self.writer.lock().ok().and_then(|mut h| h.take());
        if let Some(handle) = handle {
            let _ = handle.join();
        }
    }
}

impl Drop for OrgLog {
    fn drop(&mut self) {
        self.close();
    }
}

/// Log segments of `dir`, ordered by first revision.
fn list_segments(dir: &Path) -> Result<Vec<(u64, PathBuf)>, StoreError> {
    let mut segments = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| StoreError::io(dir, e))? {
        let entry = entry.map_err(|e| StoreError::io(dir, e))?;
        if let Some(first) = parse_segment_name(&entry.file_name().to_string_lossy()) {
            segments.push((first, entry.path()));
        }
    }
    segments.sort();
    Ok(segments)
}

/// Reads one segment into `lines`, skipping what the snapshot already holds.
fn read_segment<L>(
    path: &Path,
    last_segment: bool,
    base: u64,
    expected: &mut u64,
    lines: &mut Vec<L>,
) -> Result<(), StoreError>
where
    L: DeserializeOwned + Revisioned,
{
    let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, e))?;
    let mut offset = 0usize;
    let mut number = 0usize;
    while offset < bytes.len() {
        number += 1;
        let rest = &bytes[offset..];
        let (text, next, complete) = match rest.iter().position(|&b| b == b'\n') {
            Some(end) => (&rest[..end], offset + end + 1, true),
            None => (rest, bytes.len(), false),
        };
        let parsed = if complete {
            serde_json::from_slice::<L>(text).map_err(|e| e.to_string())
        } else {
            Err("line is incomplete (no newline at its end)".to_string())
        };
        match parsed {
            Ok(line) => {
                let revision = line.revision();
                if revision > base {
                    if revision != *expected {
                        return Err(StoreError::Corrupt {
                            file: path.to_path_buf(),
                            line: number,
                            reason: format!("revision {revision} where {expected} was expected"),
                        });
                    }
                    *expected += 1;
                    lines.push(line);
                }
            }
            Err(reason) if last_segment && next == bytes.len() => {
                // A crash while appending leaves at most the last line torn; it
                // was never acknowledged (acks follow the fsync), so cut it off.
                tracing::warn!(
                    file = %path.display(),
                    line = number,
                    bytes = bytes.len() - offset,
                    %reason,
                    "cutting off a torn last line of the log"
                );
                let file = OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(|e| StoreError::io(path, e))?;
                file.set_len(offset as u64)
                    .and_then(|()| file.sync_all())
                    .map_err(|e| StoreError::io(path, e))?;
                return Ok(());
            }
            Err(reason) => {
                return Err(StoreError::Corrupt {
                    file: path.to_path_buf(),
                    line: number,
                    reason,
                })
            }
        }
        offset = next;
    }
    Ok(())
}

/// The thread that owns the open segment.
struct Writer {
    dir: PathBuf,
    file: File,
    path: PathBuf,
    durable: watch::Sender<u64>,
    failed: Arc<AtomicBool>,
    /// The snapshot being written in the background, if any.
    snapshotter: Option<JoinHandle<()>>,
}

type Waiter = oneshot::Sender<Result<(), StoreError>>;

/// Most lines taken into one group commit; bounds the memory of one write.
const MAX_GROUP: usize = 8192;

impl Writer {
    fn run(mut self, ops: mpsc::Receiver<Op>) {
        let mut buffer = Vec::with_capacity(64 * 1024);
        let mut waiters: Vec<Waiter> = Vec::new();
        let mut last_revision = *self.durable.borrow();
        let mut close = false;
        while !close {
            let Ok(first) = ops.recv() else { break };
            // Group commit: everything queued while the last fsync ran goes
            // into this one write and this one fsync.
            let mut batch = vec![first];
            while batch.len() < MAX_GROUP {
                match ops.try_recv() {
                    Ok(op) => batch.push(op),
                    Err(_) => break,
                }
            }
            for op in batch {
                match op {
                    Op::Append {
                        revision,
                        bytes,
                        done,
                    } => {
                        buffer.extend_from_slice(&bytes);
                        buffer.push(b'\n');
                        waiters.push(done);
                        last_revision = revision;
                    }
                    Op::Snapshot { revision, job } => {
                        self.commit(&mut buffer, &mut waiters, last_revision);
                        self.start_snapshot(revision, job);
                    }
                    Op::Close => close = true,
                }
            }
            self.commit(&mut buffer, &mut waiters, last_revision);
        }
        // Every ack is out; let a running snapshot finish before exiting.
        if let Some(handle) = self.snapshotter.take() {
            let _ = handle.join();
        }
    }

    /// Writes and fsyncs the buffer, then answers its waiters.
    fn commit(&mut self, buffer: &mut Vec<u8>, waiters: &mut Vec<Waiter>, revision: u64) {
        if waiters.is_empty() {
            return;
        }
        let result = if self.failed.load(Ordering::Acquire) {
            Err(StoreError::Unavailable)
        } else {
            self.file
                .write_all(buffer)
                .and_then(|()| self.file.sync_data())
                .map_err(|e| {
                    // Memory is now ahead of disk: refuse further writes
                    // rather than acknowledge anything not durable.
                    tracing::error!(file = %self.path.display(), "log write failed: {e}; no further writes accepted");
                    self.failed.store(true, Ordering::Release);
                    StoreError::io(&self.path, e)
                })
        };
        if result.is_ok() {
            self.durable.send_replace(revision);
        }
        buffer.clear();
        for waiter in waiters.drain(..) {
            let _ = waiter.send(result.clone());
        }
    }

    /// Runs after every line up to `revision` is durable: starts the next
    /// segment, then writes the snapshot on another thread so appends go on.
    fn start_snapshot(&mut self, revision: u64, job: SnapshotJob) {
        if self.failed.load(Ordering::Acquire) {
            // Memory may hold revisions that never reached disk; a snapshot
            // would make them durable behind their senders' backs.
            return;
        }
        if let Some(previous) = self.snapshotter.take() {
            // Snapshots are thousands of revisions apart, so this almost
            // never waits; two at once could delete each other's segments.
            let _ = previous.join();
        }
        self.rotate(revision + 1);
        let dir = self.dir.clone();
        let spawned = std::thread::Builder::new()
            .name("vela-snapshot".into())
            .spawn(move || {
                let result = write_snapshot(&dir, revision, job);
                match result {
                    Ok(()) => tracing::info!(dir = %dir.display(), revision, "snapshot written"),
                    // The log still holds everything: a missed snapshot costs
                    // start-up time, not data.
                    Err(e) => {
                        tracing::error!(dir = %dir.display(), revision, "snapshot failed: {e}")
                    }
                }
                // The state's copy and its JSON text are freed by now, on
                // this thread's own malloc arena, which glibc would keep.
                super::fsutil::release_freed_memory();
            });
        match spawned {
            Ok(handle) => self.snapshotter = Some(handle),
            Err(e) => tracing::error!("cannot start the snapshot thread: {e}"),
        }
    }

    fn rotate(&mut self, first_revision: u64) {
        let path = self.dir.join(segment_name(first_revision));
        if path == self.path {
            return;
        }
        let opened = OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)
            .and_then(|file| sync_dir(&self.dir).map(|()| file));
        match opened {
            Ok(file) => {
                self.file = file;
                self.path = path;
            }
            Err(e) => {
                tracing::error!(file = %path.display(), "cannot start a log segment: {e}; no further writes accepted");
                self.failed.store(true, Ordering::Release);
            }
        }
    }
}

/// Writes a snapshot atomically, then deletes the segments it makes
/// redundant: a segment can go once the next one starts at or before
/// `revision + 1`, since all its lines are then inside the snapshot.
fn write_snapshot(dir: &Path, revision: u64, job: SnapshotJob) -> Result<(), StoreError> {
    let path = dir.join(SNAPSHOT_FILE);
    atomic_write_with(&path, job).map_err(|e| StoreError::io(&path, e))?;
    let segments = list_segments(dir)?;
    let mut removed = false;
    for pair in segments.windows(2) {
        if pair[1].0 <= revision + 1 {
            std::fs::remove_file(&pair[0].1).map_err(|e| StoreError::io(&pair[0].1, e))?;
            removed = true;
        }
    }
    if removed {
        sync_dir(dir).map_err(|e| StoreError::io(dir, e))?;
    }
    Ok(())
}
