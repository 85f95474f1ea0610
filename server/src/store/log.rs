//! The files of one organisation: log segments and the snapshot.
//!
//! ```text
//! <data>/orgs/<org id>/snapshot.json               compacted state at some revision
//! <data>/orgs/<org id>/log-<first revision>.jsonl  accepted commands, one line each
//! ```
//!
//! Appends go to one writer thread per organisation that does group commit:
//! it takes every batch queued while the previous fsync ran, writes them with
//! one `write` and one `fdatasync`, then acknowledges all of them. The log is
//! cut into segments at each snapshot so old ones can be deleted without
//! rewriting anything; a write never touches more than the end of one file,
//! so its cost does not grow with the state.
//!
//! Lines and segment headers are described in [`super::format`]. Start-up
//! tells three cases apart: an incomplete last line (no newline; a crash
//! while appending, never acknowledged) is cut off; a complete line that does
//! not decode or whose checksum does not match is refused, naming the file
//! and line and how to salvage; a broken chain (a segment missing, truncated
//! or out of order, the segment the snapshot continues in missing, or the
//! segment a closed one names as its successor missing) is refused likewise.
//!
//! A segment is closed by its `end` line only after the next segment exists
//! on disk, so a closing line always names a real file: when the newest
//! segment is lost, its predecessor says so.
//!
//! A failed write (disk full, I/O error) does not stop the organisation for
//! good: the writer cuts the file back to its last durable length, keeps the
//! unwritten lines (memory already holds them) and retries every
//! [`HEAL_EVERY`]; while it cannot write, new commands are refused with
//! [`StoreError::Unavailable`]. Once the retry succeeds, disk and memory
//! agree again and writes resume.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use tokio::sync::{oneshot, watch};

use super::entry::Revisioned;
use super::format::{
    decode_line, decode_snapshot, encode_end, encode_header, Line, SegmentEnd, SegmentHeader,
};
use super::fsutil::{atomic_write_with, sync_dir};
use super::StoreError;

const SNAPSHOT_FILE: &str = "snapshot.json";

/// How often a writer that failed tries again.
pub const HEAL_EVERY: Duration = Duration::from_millis(250);

/// Resolves once an appended batch is durable (or its write failed).
pub type Ticket = oneshot::Receiver<Result<(), StoreError>>;

/// Serializes a snapshot into the file being written; runs on a
/// background thread, not the writer.
pub type SnapshotJob = Box<dyn FnOnce(&mut dyn std::io::Write) -> std::io::Result<()> + Send>;

/// One encoded line to append: its revision, bytes (no newline), checksum.
pub struct Encoded {
    pub revision: u64,
    pub bytes: Vec<u8>,
    pub crc: u32,
}

/// What start-up found on disk.
pub struct Recovered<S, L> {
    pub snapshot: Option<S>,
    /// Every line after the snapshot, in revision order.
    pub lines: Vec<L>,
}

/// What a read of an organisation's directory found, before anything is
/// changed on disk.
pub struct Scan<S, L> {
    pub snapshot: Option<S>,
    pub lines: Vec<L>,
    /// Segment files read.
    pub segments: usize,
    /// An incomplete last line: its file, line number and byte offset (the
    /// length the file is cut to).
    pub torn: Option<(PathBuf, usize, u64)>,
    /// The newest segment: its path, first revision, whether it starts with
    /// a header, and its length without a torn line.
    newest: Option<(PathBuf, u64, bool, u64)>,
    /// The revision and checksum of the last line read (or the snapshot's
    /// revision, checksum unknown).
    last: (u64, Option<u32>),
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

fn salvage_line(file: &Path, offset: u64) -> String {
    format!(
        "To salvage every revision before it: stop the server, copy the data directory aside, \
         run `truncate -s {offset} {}` and move every later log-*.jsonl segment of this \
         organisation away (the revisions from this line on are then lost), then run \
         `vela-server check --data-dir <data dir>`; or restore the directory from a backup",
        file.display()
    )
}

fn salvage_chain() -> String {
    "Restore the missing or truncated segment from a backup (or the whole data directory), \
     then run `vela-server check --data-dir <data dir>`"
        .to_string()
}

/// The log of one organisation, open for appending.
pub struct OrgLog {
    ops: mpsc::Sender<Op>,
    durable: watch::Receiver<u64>,
    failed: Arc<AtomicBool>,
    writer: Mutex<Option<JoinHandle<()>>>,
}

enum Op {
    /// Lines of consecutive revisions, written together and acknowledged
    /// together.
    Append {
        lines: Vec<Encoded>,
        done: Waiter,
    },
    /// Snapshot at `revision`: everything queued before it is written
    /// first, then a new segment starts at `revision + 1`.
    Snapshot {
        revision: u64,
        job: SnapshotJob,
    },
    Close,
}

/// Reads an organisation's directory without changing anything: the
/// snapshot, every line after it, and whether the last line is torn.
/// Corruption and a broken chain are errors naming the file and line.
pub fn scan<S, L>(dir: &Path) -> Result<Scan<S, L>, StoreError>
where
    S: DeserializeOwned + Revisioned,
    L: DeserializeOwned + Revisioned,
{
    let snapshot_path = dir.join(SNAPSHOT_FILE);
    let snapshot: Option<S> = match std::fs::read(&snapshot_path) {
        // Written atomically, so a bad snapshot is never a torn write.
        Ok(bytes) => Some(decode_snapshot(&bytes).map_err(|reason| {
            StoreError::Corrupt {
                file: snapshot_path.clone(),
                line: 1,
                reason,
                salvage:
                    "Restore snapshot.json from a backup; if the log segments from revision 1 \
                          are all still there, moving snapshot.json away also works"
                        .into(),
            }
        })?),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(StoreError::io(&snapshot_path, e)),
    };
    let base = snapshot.as_ref().map_or(0, Revisioned::revision);

    let segments = list_segments(dir)?;
    let mut reader = Reader {
        base,
        expected: base + 1,
        last: (base, None),
        previous: None,
        ended: None,
        lines: Vec::new(),
        torn: None,
    };
    let mut newest = None;
    let count = segments.len();
    for (index, (first, path)) in segments.iter().enumerate() {
        let last_segment = index + 1 == count;
        let (has_header, length) = reader.segment(path, *first, last_segment)?;
        if last_segment {
            newest = Some((path.clone(), *first, has_header, length));
        }
    }
    if let (Some(next), Some(previous)) = (reader.ended, &reader.previous) {
        // The newest segment was closed: its successor was made before the
        // closing line was written, and is gone.
        let missing = dir.join(segment_name(next));
        return Err(StoreError::Corrupt {
            file: missing.clone(),
            line: 0,
            reason: format!(
                "{} is missing: {} ends at revision {} and says the log continues in it \
                 (acknowledged revisions after {} may be lost)",
                missing.display(),
                previous.display(),
                next - 1,
                next - 1
            ),
            salvage: salvage_chain(),
        });
    }
    // A snapshot is written only after the segment that follows it was
    // created, so that segment must be there (perhaps empty).
    if base > 0 && !segments.iter().any(|(first, _)| *first == base + 1) {
        let missing = dir.join(segment_name(base + 1));
        return Err(StoreError::Corrupt {
            file: missing.clone(),
            line: 0,
            reason: format!(
                "{} is missing: the snapshot is at revision {base} and the log continues \
                 in it (acknowledged revisions after {base} may be lost)",
                missing.display()
            ),
            salvage: salvage_chain(),
        });
    }
    Ok(Scan {
        snapshot,
        lines: reader.lines,
        segments: count,
        torn: reader.torn,
        newest,
        last: reader.last,
    })
}

/// The state of a scan across segments.
struct Reader<L> {
    base: u64,
    /// The next revision after the snapshot that must come.
    expected: u64,
    /// Revision and checksum of the last line read.
    last: (u64, Option<u32>),
    /// The previous segment read, if any.
    previous: Option<PathBuf>,
    /// Where the previous segment said the log goes on, if it was closed.
    ended: Option<u64>,
    lines: Vec<L>,
    torn: Option<(PathBuf, usize, u64)>,
}

impl<L: DeserializeOwned + Revisioned> Reader<L> {
    /// Reads one segment; answers whether it has a header and its length
    /// without a torn last line.
    fn segment(
        &mut self,
        path: &Path,
        first: u64,
        last_segment: bool,
    ) -> Result<(bool, u64), StoreError> {
        let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, e))?;
        let corrupt = |line: usize, offset: usize, reason: String| StoreError::Corrupt {
            file: path.to_path_buf(),
            line,
            reason,
            salvage: salvage_line(path, offset as u64),
        };
        if let Some(next) = self.ended.take() {
            if next != first {
                return Err(StoreError::Corrupt {
                    file: path.to_path_buf(),
                    line: 0,
                    reason: format!(
                        "the previous segment says the log continues at revision {next}, this \
                         segment starts at {first}: a segment is missing"
                    ),
                    salvage: salvage_chain(),
                });
            }
        }
        let mut offset = 0usize;
        let mut number = 0usize;
        let mut has_header = false;
        while offset < bytes.len() {
            number += 1;
            let rest = &bytes[offset..];
            let Some(end) = rest.iter().position(|&b| b == b'\n') else {
                if last_segment {
                    // A crash while appending leaves at most the last line
                    // incomplete; it was never acknowledged (acks follow the
                    // fsync of the newline), so it may be cut off.
                    self.torn = Some((path.to_path_buf(), number, offset as u64));
                    return Ok((has_header, offset as u64));
                }
                return Err(corrupt(
                    number,
                    offset,
                    "the line is incomplete (no newline) and a later segment exists".into(),
                ));
            };
            let text = &rest[..end];
            match decode_line::<L>(text).map_err(|reason| corrupt(number, offset, reason))? {
                Line::Header(header) => {
                    if number != 1 {
                        return Err(corrupt(
                            number,
                            offset,
                            "a segment header inside a segment".into(),
                        ));
                    }
                    self.header(path, first, &header)?;
                    has_header = true;
                }
                Line::Entry { entry, crc } => {
                    let revision = entry.revision();
                    if revision > self.base {
                        if revision != self.expected {
                            return Err(corrupt(
                                number,
                                offset,
                                format!("revision {revision} where {} was expected", self.expected),
                            ));
                        }
                        self.expected += 1;
                        self.lines.push(entry);
                    }
                    self.last = (revision, Some(crc));
                }
                Line::End(closing) => {
                    if offset + end + 1 != bytes.len() {
                        return Err(corrupt(
                            number,
                            offset,
                            "lines after the line that closes the segment".into(),
                        ));
                    }
                    if closing.next != self.last.0 + 1 {
                        return Err(corrupt(
                            number,
                            offset,
                            format!(
                                "the segment ends at revision {} but its closing line says the \
                                 next one starts at {}",
                                self.last.0, closing.next
                            ),
                        ));
                    }
                    self.ended = Some(closing.next);
                }
            }
            offset += end + 1;
        }
        self.previous = Some(path.to_path_buf());
        Ok((has_header, bytes.len() as u64))
    }

    /// Checks that a segment continues where the previous one (or the
    /// snapshot) ended.
    fn header(
        &mut self,
        path: &Path,
        first: u64,
        header: &SegmentHeader,
    ) -> Result<(), StoreError> {
        let broken = |reason: String| StoreError::Corrupt {
            file: path.to_path_buf(),
            line: 1,
            reason,
            salvage: salvage_chain(),
        };
        if header.first != first || header.after + 1 != first {
            return Err(broken(format!(
                "the header says the segment starts at revision {} after {}, its name says {first}",
                header.first, header.after
            )));
        }
        match &self.previous {
            Some(previous) => {
                let crc_differs = matches!(
                    (header.after_crc32c, self.last.1),
                    (Some(a), Some(b)) if a != b
                );
                if header.after != self.last.0 || crc_differs {
                    return Err(broken(format!(
                        "the segment continues revision {} but {} ends at revision {}: a segment \
                         is missing or was truncated",
                        header.after,
                        previous.display(),
                        self.last.0
                    )));
                }
            }
            None => {
                if header.after > self.base {
                    return Err(broken(format!(
                        "revisions {}..={} are missing: the snapshot ends at {} and this is the \
                         oldest segment",
                        self.base + 1,
                        header.after,
                        self.base
                    )));
                }
                self.last = (header.after, header.after_crc32c);
            }
        }
        Ok(())
    }
}

impl OrgLog {
    /// Opens (or creates) the organisation's directory: loads the snapshot,
    /// reads every log line after it, cuts off a torn last line, and starts
    /// the writer thread. Corruption anywhere else is an error naming the
    /// file and line: data is never dropped silently.
    pub fn open<S, L>(dir: &Path) -> Result<(OrgLog, Recovered<S, L>), StoreError>
    where
        S: DeserializeOwned + Revisioned,
        L: DeserializeOwned + Revisioned,
    {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        let scan = scan::<S, L>(dir)?;
        if let Some((path, line, offset)) = &scan.torn {
            tracing::warn!(file = %path.display(), line, offset, "cutting off a torn last line of the log");
            let file = OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| StoreError::io(path, e))?;
            file.set_len(*offset)
                .and_then(|()| file.sync_all())
                .map_err(|e| StoreError::io(path, e))?;
        }
        let revision = scan
            .lines
            .last()
            .map(Revisioned::revision)
            .unwrap_or_else(|| scan.snapshot.as_ref().map_or(0, Revisioned::revision));
        let last = (revision, scan.last.1.filter(|_| scan.last.0 == revision));

        // Append to the newest segment if it has a header; otherwise start
        // one that has (an older build's segment, or none yet).
        let (path, file, length) = match scan.newest {
            Some((path, _, true, length)) => {
                let file = OpenOptions::new()
                    .append(true)
                    .open(&path)
                    .map_err(|e| StoreError::io(&path, e))?;
                (path, file, length)
            }
            Some((path, first, false, 0)) if first == revision + 1 => {
                let (file, length) = start_segment(dir, &path, first, last.1)?;
                (path, file, length)
            }
            newest => {
                let path = dir.join(segment_name(revision + 1));
                let (file, length) = start_segment(dir, &path, revision + 1, last.1)?;
                if let Some((old, ..)) = newest.filter(|n| n.3 > 0) {
                    end_segment(&old, revision + 1).map_err(|e| StoreError::io(&old, e))?;
                }
                (path, file, length)
            }
        };

        let (ops, rx) = mpsc::channel();
        let (durable_tx, durable) = watch::channel(revision);
        let failed = Arc::new(AtomicBool::new(false));
        let writer = Writer {
            dir: dir.to_path_buf(),
            file,
            path,
            length,
            last: (revision, last.1),
            pending: Vec::new(),
            pending_last: (revision, last.1),
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
        Ok((
            log,
            Recovered {
                snapshot: scan.snapshot,
                lines: scan.lines,
            },
        ))
    }

    /// Queues lines of consecutive revisions (in revision order, after
    /// everything queued before); the ticket resolves once all of them are
    /// on disk, written with one `write` and one fsync.
    pub fn append(&self, lines: Vec<Encoded>) -> Ticket {
        let (done, ticket) = oneshot::channel();
        if let Err(mpsc::SendError(Op::Append { done, .. })) =
            self.ops.send(Op::Append { lines, done })
        {
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

    /// Whether the writer cannot write right now (new commands are refused
    /// until it can).
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

/// Creates (or fills, if empty) a segment with its header and makes it
/// durable, directory entry included.
fn start_segment(
    dir: &Path,
    path: &Path,
    first: u64,
    after_crc32c: Option<u32>,
) -> Result<(File, u64), StoreError> {
    let header = encode_header(&SegmentHeader {
        first,
        after: first - 1,
        after_crc32c,
    });
    let mut file = OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .map_err(|e| StoreError::io(path, e))?;
    let result = super::fault::check()
        .and_then(|()| file.set_len(0))
        .and_then(|()| file.write_all(&header))
        .and_then(|()| file.write_all(b"\n"))
        .and_then(|()| file.sync_all())
        .and_then(|()| sync_dir(dir));
    if let Err(e) = result {
        // Leave no half-made segment behind: an empty one reads as nothing.
        let _ = file.set_len(0);
        return Err(StoreError::io(path, e));
    }
    Ok((file, header.len() as u64 + 1))
}

/// Appends one line and its newline with a single write.
fn write_line(file: &mut File, line: &[u8]) -> io::Result<()> {
    let mut bytes = Vec::with_capacity(line.len() + 1);
    bytes.extend_from_slice(line);
    bytes.push(b'\n');
    file.write_all(&bytes)
}

/// Closes the segment at `path` with the line that names its successor,
/// which must already exist on disk.
fn end_segment(path: &Path, next: u64) -> io::Result<()> {
    let mut file = OpenOptions::new().append(true).open(path)?;
    write_line(&mut file, &encode_end(&SegmentEnd { next }))?;
    file.sync_data()
}

/// Log segments of `dir`, ordered by first revision.
fn list_segments(dir: &Path) -> Result<Vec<(u64, PathBuf)>, StoreError> {
    let mut segments = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(segments),
        Err(e) => return Err(StoreError::io(dir, e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| StoreError::io(dir, e))?;
        if let Some(first) = parse_segment_name(&entry.file_name().to_string_lossy()) {
            segments.push((first, entry.path()));
        }
    }
    segments.sort();
    Ok(segments)
}

/// The thread that owns the open segment.
struct Writer {
    dir: PathBuf,
    file: File,
    path: PathBuf,
    /// The durable length of `file`: a failed write is cut back to it.
    length: u64,
    /// Revision and checksum of the last durable line.
    last: (u64, Option<u32>),
    /// Lines taken but not yet durable (memory already holds them).
    pending: Vec<u8>,
    /// Revision and checksum of the last pending line.
    pending_last: (u64, Option<u32>),
    durable: watch::Sender<u64>,
    failed: Arc<AtomicBool>,
    /// The snapshot being written in the background, if any.
    snapshotter: Option<JoinHandle<()>>,
}

type Waiter = oneshot::Sender<Result<(), StoreError>>;

/// Most batches taken into one group commit; bounds the memory of one write.
const MAX_GROUP: usize = 8192;

impl Writer {
    fn run(mut self, ops: mpsc::Receiver<Op>) {
        let mut waiters: Vec<Waiter> = Vec::new();
        let mut close = false;
        let mut next_heal = Instant::now();
        while !close {
            let first = if self.failed.load(Ordering::Acquire) {
                let now = Instant::now();
                if now >= next_heal {
                    self.heal();
                    next_heal = now + HEAL_EVERY;
                    continue;
                }
                match ops.recv_timeout(next_heal - now) {
                    Ok(op) => op,
                    Err(RecvTimeoutError::Timeout) => continue,
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            } else {
                next_heal = Instant::now() + HEAL_EVERY;
                match ops.recv() {
                    Ok(op) => op,
                    Err(_) => break,
                }
            };
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
                    Op::Append { lines, done } => {
                        for line in lines {
                            self.pending.extend_from_slice(&line.bytes);
                            self.pending.push(b'\n');
                            self.pending_last = (line.revision, Some(line.crc));
                        }
                        waiters.push(done);
                    }
                    Op::Snapshot { revision, job } => {
                        self.commit(&mut waiters);
                        self.start_snapshot(revision, job);
                    }
                    Op::Close => close = true,
                }
            }
            self.commit(&mut waiters);
        }
        // Every ack is out; let a running snapshot finish before exiting.
        if let Some(handle) = self.snapshotter.take() {
            let _ = handle.join();
        }
    }

    /// Writes and fsyncs what is pending, then answers the waiters.
    fn commit(&mut self, waiters: &mut Vec<Waiter>) {
        if waiters.is_empty() {
            return;
        }
        let result = if self.failed.load(Ordering::Acquire) {
            // Kept in `pending`: written with the rest once the disk heals.
            Err(StoreError::Unavailable)
        } else {
            self.write_pending().map_err(|e| {
                tracing::error!(file = %self.path.display(), "log write failed: {e}; refusing new commands until a retry succeeds");
                self.failed.store(true, Ordering::Release);
                // Whatever part reached the file is cut: the retry writes it all.
                let _ = self.file.set_len(self.length);
                StoreError::io(&self.path, e)
            })
        };
        for waiter in waiters.drain(..) {
            let _ = waiter.send(result.clone());
        }
    }

    /// Writes the pending lines and fsyncs; on success they are durable.
    fn write_pending(&mut self) -> io::Result<()> {
        super::fault::check()?;
        self.file.write_all(&self.pending)?;
        self.file.sync_data()?;
        self.length += self.pending.len() as u64;
        self.pending.clear();
        self.last = self.pending_last;
        self.durable.send_replace(self.last.0);
        Ok(())
    }

    /// After a failed write: cut the file back to its durable length and try
    /// the pending lines again. Success makes disk and memory agree, and new
    /// commands are taken again.
    fn heal(&mut self) {
        let retried = self
            .file
            .set_len(self.length)
            .and_then(|()| self.write_pending());
        match retried {
            Ok(()) => {
                self.failed.store(false, Ordering::Release);
                tracing::info!(file = %self.path.display(), revision = self.last.0, "log writes resumed");
            }
            Err(e) => {
                let _ = self.file.set_len(self.length);
                tracing::debug!(file = %self.path.display(), "log still cannot be written: {e}");
            }
        }
    }

    /// Runs after every line up to `revision` is durable: starts the next
    /// segment, then writes the snapshot on another thread so appends go on.
    fn start_snapshot(&mut self, revision: u64, job: SnapshotJob) {
        if self.failed.load(Ordering::Acquire) || self.last.0 != revision {
            // Memory may hold revisions that never reached disk; a snapshot
            // would make them durable behind their senders' backs.
            return;
        }
        if let Some(previous) = self.snapshotter.take() {
            // Snapshots are thousands of revisions apart, so this almost
            // never waits; two at once could delete each other's segments.
            let _ = previous.join();
        }
        if !self.rotate(revision + 1) {
            // The snapshot promises that the next segment exists.
            return;
        }
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

    /// Starts the segment of `first_revision`; false if it could not (the
    /// current one then goes on).
    fn rotate(&mut self, first_revision: u64) -> bool {
        let path = self.dir.join(segment_name(first_revision));
        if path == self.path {
            return true;
        }
        match start_segment(&self.dir, &path, first_revision, self.last.1) {
            Ok((file, length)) => {
                let closing = encode_end(&SegmentEnd {
                    next: first_revision,
                });
                let closed = super::fault::check()
                    .and_then(|()| write_line(&mut self.file, &closing))
                    .and_then(|()| self.file.sync_data());
                if let Err(e) = closed {
                    // The new segment's header still chains it to this one;
                    // only the check for a lost newest segment is missing.
                    tracing::warn!(file = %self.path.display(), "cannot close the log segment: {e}");
                    let _ = self.file.set_len(self.length);
                    let _ = self.file.sync_data();
                }
                self.file = file;
                self.path = path;
                self.length = length;
                true
            }
            Err(e) => {
                tracing::error!("cannot start a log segment: {e}; the current one goes on");
                let _ = std::fs::remove_file(&path);
                false
            }
        }
    }
}

/// Makes an organisation directory holding only a snapshot at `revision`,
/// as compaction leaves one (for `vela-server export`): the (empty) segment
/// the log continues in, then the snapshot.
pub fn write_compacted(dir: &Path, revision: u64, job: SnapshotJob) -> Result<(), StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    if revision > 0 {
        let segment = dir.join(segment_name(revision + 1));
        File::create(&segment)
            .and_then(|file| file.sync_all())
            .map_err(|e| StoreError::io(&segment, e))?;
    }
    let path = dir.join(SNAPSHOT_FILE);
    atomic_write_with(&path, job).map_err(|e| StoreError::io(&path, e))?;
    sync_dir(dir).map_err(|e| StoreError::io(dir, e))
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
