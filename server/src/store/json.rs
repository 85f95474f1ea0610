//! [`JsonStore`]: the embedded default [`Store`], JSON files on local disk.
//!
//! Each organisation has its state in memory behind a lock, and its files
//! (see [`super::log`]) behind one writer thread. A submit decides and
//! applies under the lock, queues its line, releases the lock, and only then
//! waits for the fsync, so commands queued meanwhile share the next fsync.

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use tokio::sync::watch;
use uuid::Uuid;

use super::entry::{CommandMeta, Outcome, Snapshot};
use super::format::encode_entry;
use super::ids::{CommandIds, Seen};
use super::log::{Encoded, OrgLog, Ticket};
use super::upgrade::SNAPSHOT;
use super::{Changes, EntryOf, Model, Store, StoreError};

/// Tuning of a [`JsonStore`].
#[derive(Clone, Debug)]
pub struct StoreOptions {
    /// A snapshot is taken in the background every this many revisions (and
    /// at shutdown). Fewer means faster start-up, more means less I/O.
    pub snapshot_every: u64,
    /// How many recent entries each organisation keeps in memory to answer
    /// [`Store::changes_since`]; older revisions get [`Changes::TooOld`].
    pub recent_revisions: usize,
    /// How many accepted command ids each organisation remembers (the
    /// newest ones) to answer a retry with its first answer. An organisation
    /// of 2,500 people makes a few thousand commands a day, so the default
    /// covers weeks; a retry of an older id is decided again.
    pub remembered_commands: usize,
    /// How many refused command ids each organisation remembers.
    pub remembered_rejections: usize,
}

impl Default for StoreOptions {
    /// The same defaults as the command line's.
    fn default() -> Self {
        StoreOptions {
            snapshot_every: 10_000,
            recent_revisions: 1_000,
            remembered_commands: 100_000,
            remembered_rejections: 100_000,
        }
    }
}

/// The JSON-files store rooted at `<data>/orgs/`.
pub struct JsonStore<M: Model> {
    root: PathBuf,
    options: StoreOptions,
    orgs: RwLock<HashMap<Uuid, Arc<Org<M>>>>,
}

/// One organisation: its files and its memory.
struct Org<M: Model> {
    log: OrgLog,
    /// Readers (pulls) share it; a submit holds it only to decide, apply
    /// and queue, never across the fsync.
    memory: RwLock<Memory<M>>,
}

/// What an organisation holds in memory.
struct Memory<M: Model> {
    state: M,
    revision: u64,
    ids: CommandIds<M::Actor, M::Rejection>,
    recent: VecDeque<Arc<EntryOf<M>>>,
    /// Revision of the last snapshot written or queued.
    snapshot_revision: u64,
}

/// Locks even if a panicking thread poisoned the lock. Only a bug in
/// `Model::apply` (which must not panic) can poison it, after its line was
/// queued: memory may then be partly applied, but the log is whole and a
/// restart rebuilds memory from it. Taking the organisation down for every
/// later request would not help anyone.
fn write<T>(lock: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(PoisonError::into_inner)
}

fn read<T>(lock: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(PoisonError::into_inner)
}

impl<M: Model> JsonStore<M> {
    /// Opens every organisation under `<data_dir>/orgs/`, replaying its log.
    /// Refuses to start on any corruption but a torn last line.
    pub fn open(data_dir: &Path, options: StoreOptions) -> Result<Self, StoreError> {
        let root = data_dir.join("orgs");
        std::fs::create_dir_all(&root).map_err(|e| StoreError::io(&root, e))?;
        let mut orgs = HashMap::new();
        for entry in std::fs::read_dir(&root).map_err(|e| StoreError::io(&root, e))? {
            let entry = entry.map_err(|e| StoreError::io(&root, e))?;
            let name = entry.file_name();
            let Some(id) = name.to_str().and_then(|n| Uuid::parse_str(n).ok()) else {
                tracing::warn!(path = %entry.path().display(), "not an organisation directory; ignored");
                continue;
            };
            orgs.insert(id, Arc::new(Org::open(&entry.path(), &options)?));
        }
        Ok(JsonStore {
            root,
            options,
            orgs: RwLock::new(orgs),
        })
    }

    fn org(&self, id: Uuid) -> Result<Arc<Org<M>>, StoreError> {
        self.orgs
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&id)
            .cloned()
            .ok_or(StoreError::UnknownOrganisation(id))
    }

    /// The decision half of [`Store::submit_batch`], under the
    /// organisation's lock held once for the whole batch.
    fn decide<F>(
        &self,
        org: &Org<M>,
        commands: Vec<CommandMeta<M::Actor>>,
        mut decide: F,
    ) -> Result<Decided<M::Rejection>, StoreError>
    where
        F: FnMut(&M, usize) -> Result<Vec<M::Event>, M::Rejection>,
    {
        if org.log.is_failed() {
            return Err(StoreError::Unavailable);
        }
        let mut memory = write(&org.memory);
        let mut answers = Vec::with_capacity(commands.len());
        let mut lines = Vec::new();
        for (index, command) in commands.into_iter().enumerate() {
            match memory.ids.lookup(command.id, &command.actor) {
                // A retry may arrive while the first copy is still being
                // written: it must not be acknowledged before that fsync.
                Seen::Answered(Outcome::Accepted { revision }) => {
                    answers.push(Pending::AfterDurable(revision));
                    continue;
                }
                Seen::Answered(outcome) => {
                    answers.push(Pending::Ready(outcome));
                    continue;
                }
                Seen::New => {}
            }
            let events = match decide(&memory.state, index) {
                Ok(events) => events,
                Err(rejection) => {
                    memory
                        .ids
                        .reject(command.id, rejection.clone(), command.actor);
                    answers.push(Pending::Ready(Outcome::Rejected(rejection)));
                    continue;
                }
            };
            let revision = memory.revision + 1;
            let entry = EntryOf::<M> {
                revision,
                command_id: command.id,
                actor: command.actor,
                at: command.at,
                events,
            };
            // Encoding cost is the entry's, never the state's. Encoded before
            // anything changes, so a failure leaves memory as it was.
            let (bytes, crc) = match encode_entry(&entry) {
                Ok(encoded) => encoded,
                Err(e) => {
                    answers.push(Pending::Failed(StoreError::Encode(e.to_string())));
                    continue;
                }
            };
            lines.push(Encoded {
                revision,
                bytes,
                crc,
            });
            for event in &entry.events {
                memory.state.apply(event);
            }
            memory.revision = revision;
            memory
                .ids
                .accept(entry.command_id, revision, entry.actor.clone());
            memory.recent.push_back(Arc::new(entry));
            while memory.recent.len() > self.options.recent_revisions {
                memory.recent.pop_front();
            }
            answers.push(Pending::Written(revision));
        }
        let ticket = (!lines.is_empty()).then(|| org.log.append(lines));
        if memory.revision >= memory.snapshot_revision + self.options.snapshot_every {
            queue_snapshot(org, &mut memory);
        }
        Ok((answers, ticket))
    }
}

/// Hands the writer a snapshot of the state as it is now. The clone is
/// taken under the lock (memory copy only); encoding and writing happen on
/// a background thread, and only every `snapshot_every` revisions, so a
/// write's cost stays flat in the state's size.
fn queue_snapshot<M: Model>(org: &Org<M>, memory: &mut Memory<M>) {
    let mut snapshot = Snapshot {
        format: SNAPSHOT.current,
        revision: memory.revision,
        accepted: memory.ids.accepted(),
        state: memory.state.clone(),
    };
    memory.snapshot_revision = memory.revision;
    org.log.snapshot(
        memory.revision,
        Box::new(move |out| {
            snapshot.state.drop_derived();
            serde_json::to_writer(out, &snapshot).map_err(std::io::Error::other)
        }),
    );
}

/// A decided batch: each command's pending answer, and the ticket of the
/// batch's lines if any were written.
type Decided<R> = (Vec<Pending<R>>, Option<Ticket>);

/// What a command's answer waits for after the lock is released.
enum Pending<R> {
    Ready(Outcome<R>),
    /// In this batch's lines: answered once they are durable.
    Written(u64),
    /// Accepted earlier (a retry): answered once that revision is durable.
    AfterDurable(u64),
    Failed(StoreError),
}

impl<M: Model> Org<M> {
    fn open(dir: &Path, options: &StoreOptions) -> Result<Self, StoreError> {
        let (log, recovered) = OrgLog::open::<Snapshot<M, M::Actor>, EntryOf<M>>(dir)?;
        let mut ids = CommandIds::new(options.remembered_commands, options.remembered_rejections);
        let (mut state, mut revision) = match recovered.snapshot {
            Some(snapshot) => {
                for command in snapshot.accepted {
                    ids.accept(command.id, command.revision, command.actor);
                }
                (snapshot.state, snapshot.revision)
            }
            None => (M::default(), 0),
        };
        let snapshot_revision = revision;
        let mut recent = VecDeque::new();
        for line in recovered.lines {
            for event in &line.events {
                state.apply(event);
            }
            revision = line.revision;
            ids.accept(line.command_id, line.revision, line.actor.clone());
            recent.push_back(Arc::new(line));
            if recent.len() > options.recent_revisions {
                recent.pop_front();
            }
        }
        tracing::info!(dir = %dir.display(), revision, "organisation loaded");
        Ok(Org {
            log,
            memory: RwLock::new(Memory {
                state,
                revision,
                ids,
                recent,
                snapshot_revision,
            }),
        })
    }
}

impl<M: Model> Store<M> for JsonStore<M> {
    fn organisations(&self) -> Vec<Uuid> {
        let mut ids: Vec<_> = self
            .orgs
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .keys()
            .copied()
            .collect();
        ids.sort();
        ids
    }

    fn create_organisation(&self, id: Uuid) -> Result<(), StoreError> {
        let mut orgs = self.orgs.write().unwrap_or_else(PoisonError::into_inner);
        if orgs.contains_key(&id) {
            return Ok(());
        }
        let dir = self.root.join(id.to_string());
        let org = Org::open(&dir, &self.options)?;
        // The new directory's entry must survive a crash too.
        super::fsutil::sync_dir(&self.root).map_err(|e| StoreError::io(&self.root, e))?;
        orgs.insert(id, Arc::new(org));
        Ok(())
    }

    fn submit<F>(
        &self,
        org: Uuid,
        command: CommandMeta<M::Actor>,
        decide: F,
    ) -> impl Future<Output = Result<Outcome<M::Rejection>, StoreError>> + Send
    where
        F: FnOnce(&M) -> Result<Vec<M::Event>, M::Rejection> + Send,
    {
        let mut decide = Some(decide);
        let batch = self.submit_batch(org, vec![command], move |state, _| match decide.take() {
            Some(decide) => decide(state),
            // Called once per command, and this batch has one.
            None => Ok(Vec::new()),
        });
        async move {
            batch
                .await?
                .pop()
                .ok_or(StoreError::Encode("no answer for the command".into()))
        }
    }

    fn submit_batch<F>(
        &self,
        org: Uuid,
        commands: Vec<CommandMeta<M::Actor>>,
        decide: F,
    ) -> impl Future<Output = Result<Vec<Outcome<M::Rejection>>, StoreError>> + Send
    where
        F: FnMut(&M, usize) -> Result<Vec<M::Event>, M::Rejection> + Send,
    {
        // Decide now, synchronously, so only the wait is in the future.
        let decided = self
            .org(org)
            .and_then(|handle| Ok((self.decide(&handle, commands, decide)?, handle)));
        async move {
            let ((answers, ticket), handle) = decided?;
            if let Some(ticket) = ticket {
                ticket.await.map_err(|_| StoreError::Unavailable)??;
            }
            let mut outcomes = Vec::with_capacity(answers.len());
            for answer in answers {
                outcomes.push(match answer {
                    Pending::Ready(outcome) => outcome,
                    Pending::Written(revision) => Outcome::Accepted { revision },
                    Pending::AfterDurable(revision) => {
                        wait_for(&handle.log, revision).await?;
                        Outcome::Accepted { revision }
                    }
                    Pending::Failed(error) => return Err(error),
                });
            }
            Ok(outcomes)
        }
    }

    fn writable(&self) -> bool {
        read(&self.orgs).values().all(|org| !org.log.is_failed())
    }

    fn read<R>(&self, org: Uuid, f: impl FnOnce(&M, u64) -> R) -> Result<R, StoreError> {
        let org = self.org(org)?;
        let memory = read(&org.memory);
        Ok(f(&memory.state, memory.revision))
    }

    fn changes_since(&self, org: Uuid, since: u64) -> Result<Changes<M>, StoreError> {
        let org = self.org(org)?;
        let durable = *org.log.durable().borrow();
        let memory = read(&org.memory);
        if since > memory.revision {
            return Ok(Changes::TooOld);
        }
        let oldest = memory
            .recent
            .front()
            .map_or(memory.revision + 1, |e| e.revision);
        if since + 1 < oldest {
            return Ok(Changes::TooOld);
        }
        Ok(Changes::Entries(
            memory
                .recent
                .iter()
                .filter(|e| e.revision > since && e.revision <= durable)
                .cloned()
                .collect(),
        ))
    }

    fn durable(&self, org: Uuid) -> Result<watch::Receiver<u64>, StoreError> {
        Ok(self.org(org)?.log.durable())
    }

    fn wait_durable(
        &self,
        org: Uuid,
        revision: u64,
    ) -> impl Future<Output = Result<(), StoreError>> + Send {
        let org = self.org(org);
        async move { wait_for(&org?.log, revision).await }
    }

    fn shutdown(&self) -> Result<(), StoreError> {
        let orgs: Vec<_> = self
            .orgs
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .values()
            .cloned()
            .collect();
        for org in orgs {
            {
                let mut memory = write(&org.memory);
                if memory.revision > memory.snapshot_revision && !org.log.is_failed() {
                    queue_snapshot(&org, &mut memory);
                }
            }
            org.log.close();
        }
        Ok(())
    }
}

/// Waits until the log has `revision` on disk, or fails once it cannot write.
async fn wait_for(log: &OrgLog, revision: u64) -> Result<(), StoreError> {
    let mut durable = log.durable();
    loop {
        if *durable.borrow_and_update() >= revision {
            return Ok(());
        }
        if log.is_failed() {
            return Err(StoreError::Unavailable);
        }
        // A failed write never moves the durable revision, so also wake up
        // now and then to notice the failure.
        match tokio::time::timeout(std::time::Duration::from_millis(100), durable.changed()).await {
            Ok(Ok(())) | Err(_) => {}
            // The writer has stopped (shutdown): it will never get there.
            Ok(Err(_)) => return Err(StoreError::Unavailable),
        }
    }
}

/// What [`verify`] found in a data directory.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub organisations: Vec<OrgSummary>,
}

/// One organisation as [`verify`] found it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct OrgSummary {
    pub id: Uuid,
    /// The newest revision on disk.
    pub revision: u64,
    /// The snapshot's revision, if there is a snapshot.
    pub snapshot_revision: Option<u64>,
    /// Log segment files.
    pub segments: usize,
    /// Log lines after the snapshot.
    pub lines: usize,
    /// An incomplete last line (`file:line`), which start-up would cut off:
    /// a crash while appending, never acknowledged.
    pub torn_last_line: Option<String>,
}

/// Checks a data directory without serving it and without changing
/// anything: every organisation's snapshot decodes (upgrading older
/// versions), every log line decodes and matches its checksum, revisions are
/// contiguous and the segments form an unbroken chain from the snapshot.
/// The error names the file and line, and how to salvage.
pub fn verify<M: Model>(data_dir: &Path) -> Result<Summary, StoreError> {
    let root = data_dir.join("orgs");
    let mut organisations = Vec::new();
    let entries = match std::fs::read_dir(&root) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Summary { organisations }),
        Err(e) => return Err(StoreError::io(&root, e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| StoreError::io(&root, e))?;
        let Some(id) = entry
            .file_name()
            .to_str()
            .and_then(|n| Uuid::parse_str(n).ok())
        else {
            continue;
        };
        let scan = super::log::scan::<Snapshot<M, M::Actor>, EntryOf<M>>(&entry.path())?;
        let snapshot_revision = scan.snapshot.as_ref().map(|s| s.revision);
        let revision = scan
            .lines
            .last()
            .map_or(snapshot_revision.unwrap_or(0), |l| l.revision);
        organisations.push(OrgSummary {
            id,
            revision,
            snapshot_revision,
            segments: scan.segments,
            lines: scan.lines.len(),
            torn_last_line: scan
                .torn
                .map(|(file, line, _)| format!("{}:{line}", file.display())),
        });
    }
    organisations.sort_by_key(|o| o.id);
    Ok(Summary { organisations })
}
