//! [`PgStore`]: the [`Store`] on PostgreSQL, so several Vela servers
//! ("replicas") can serve the same organisations from one database.
//!
//! Like [`super::JsonStore`], each organisation's state, idempotency index
//! and recent entries are kept in memory; the database holds the log
//! (`rows`: one JSONB row per revision) and snapshots (`snapshots`), in the
//! same versioned formats as the files.
//!
//! Writes are grouped (`Session`): the first submit of a group takes a
//! connection, `BEGIN`s, takes `pg_advisory_xact_lock` on the organisation
//! (which orders the writers of every replica) and catches up on rows other
//! replicas committed (so it decides on the newest state, and a command id
//! another replica accepted is answered as a retry). Every submit then
//! decides in memory under the organisation's local lock and leaves its rows
//! in the open transaction; a committer task, queued behind the submits
//! already waiting, inserts them with one statement, `pg_notify`s and
//! commits: one commit (one flush) per group, and an acknowledgement still
//! means committed.
//!
//! If a commit fails, memory holds revisions the database does not: the
//! organisation is marked stale and rebuilt from the database before it is
//! used again. `listener` follows `LISTEN/NOTIFY`, so revisions committed by
//! other replicas reach this one's `durable()` watchers (live events).
//! Snapshots are written every `snapshot_every` revisions in the
//! background, after the commit of the revision they hold; then the rows
//! they hold are deleted but for the newest `recent_revisions` before them
//! (a replica further behind loads the snapshot instead).

mod database;
mod import;
mod listener;
mod pool;
mod rows;
mod schema;
mod snapshots;

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use deadpool_postgres::{ManagerConfig, Pool, RecyclingMethod};
use tokio::sync::watch;
use uuid::Uuid;

use super::entry::{CommandMeta, Outcome, Snapshot};
use super::ids::{CommandIds, Seen};
use super::upgrade::SNAPSHOT;

use super::{Changes, EntryOf, Model, Store, StoreError, StoreOptions};
pub use database::connect;
pub use import::{import, Imported};
pub use pool::{pool, DbError};

/// The channel of `LISTEN/NOTIFY`; the payload is `<org> <revision>`.
const CHANNEL: &str = "vela_revisions";

/// Loads of an organisation that find its rows pruned under them before
/// one is refused (each finds a newer snapshot, so one retry is the rule).
const LOAD_ATTEMPTS: usize = 5;

/// Connections per replica: one per organisation writing at once, plus
/// catch-ups and snapshots.
const POOL_SIZE: usize = 16;

/// The PostgreSQL store. Dropping it stops following other replicas.
pub struct PgStore<M: Model> {
    shared: Arc<Shared<M>>,
    listener: tokio::task::AbortHandle,
}

/// What the store's methods and its listener task share.
struct Shared<M: Model> {
    pool: Pool,
    database: database::Database,
    options: StoreOptions,
    orgs: RwLock<HashMap<Uuid, Arc<Org<M>>>>,
    /// Whether the listener is connected (otherwise other replicas' writes
    /// would not reach live events).
    listening: AtomicBool,
    /// Whether the last statement failed; cleared by the next success.
    failing: AtomicBool,
}

/// One organisation on this replica.
struct Org<M: Model> {
    /// One writer (or catch-up) at a time on this replica, and the group
    /// being written; the advisory lock orders replicas.
    writer: tokio::sync::Mutex<Session<M>>,
    memory: RwLock<Memory<M>>,
    /// The newest committed revision this replica knows.
    durable: watch::Sender<u64>,
    /// Whether its `vela_organisations` row is known to exist.
    registered: AtomicBool,
}

/// The open transaction of a group of submits, if any.
struct Session<M: Model> {
    /// Kept between groups; dropped (closed) after an error.
    client: Option<deadpool_postgres::Object>,
    /// `BEGIN` done, the advisory lock held, caught up.
    open: bool,
    rows: Vec<rows::Row>,
    /// The submits waiting for this group's commit.
    waiting: Vec<tokio::sync::oneshot::Sender<Result<(), StoreError>>>,
    snapshot: Option<Snapshot<M, M::Actor>>,
    committer: bool,
}

impl<M: Model> Default for Session<M> {
    fn default() -> Self {
        Session {
            client: None,
            open: false,
            rows: Vec::new(),
            waiting: Vec::new(),
            snapshot: None,
            committer: false,
        }
    }
}

/// What an organisation holds in memory (as in the JSON store).
struct Memory<M: Model> {
    state: M,
    revision: u64,
    ids: CommandIds<M::Actor, M::Rejection>,
    recent: VecDeque<Arc<EntryOf<M>>>,
    snapshot_revision: u64,
    /// Holds revisions whose transaction did not commit: rebuilt from the
    /// database before anything else happens to it.
    stale: bool,
}

fn write<T>(lock: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(PoisonError::into_inner)
}

fn read<T>(lock: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(PoisonError::into_inner)
}

/// A database failure as the store reports it.
fn db_error(error: tokio_postgres::Error) -> StoreError {
    StoreError::Database(error.to_string())
}

fn pool_error(error: deadpool_postgres::PoolError) -> StoreError {
    StoreError::Database(error.to_string())
}

/// The advisory lock of one organisation, taken for the transaction.
const ORG_LOCK: &str = "SELECT pg_advisory_xact_lock(hashtextextended($1::uuid::text, 0))";

impl<M: Model> PgStore<M> {
    /// Connects (`url`: a `postgresql://` URL or `key=value` settings),
    /// creates or updates the tables, loads every organisation and starts
    /// following the other replicas' writes.
    pub async fn connect(url: &str, options: StoreOptions) -> Result<Self, StoreError> {
        let database = database::Database::parse(url)?;
        let manager = database.manager(ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        });
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .build()
            .map_err(|e| StoreError::Database(e.to_string()))?;
        {
            let mut client = pool.get().await.map_err(pool_error)?;
            let client: &mut tokio_postgres::Client = &mut client;
            schema::migrate(client).await?;
        }
        let shared = Arc::new(Shared {
            pool,
            database,
            options,
            orgs: RwLock::new(HashMap::new()),
            listening: AtomicBool::new(false),
            failing: AtomicBool::new(false),
        });
        // Listening starts before the organisations are loaded, so nothing
        // committed meanwhile is missed.
        let (ready, started) = tokio::sync::oneshot::channel();
        let listener = tokio::spawn(listener::run(shared.clone(), ready)).abort_handle();
        let store = PgStore { shared, listener };
        started
            .await
            .map_err(|_| StoreError::Database("the listener stopped".into()))??;
        Ok(store)
    }
}

impl<M: Model> PgStore<M> {
    /// An organisation as a snapshot would hold it now: its state, revision
    /// and remembered command ids (for `vela-server export`).
    pub fn snapshot(&self, org: Uuid) -> Result<Snapshot<M, M::Actor>, StoreError> {
        let org = self.shared.org(org)?;
        let memory = read(&org.memory);
        Ok(Snapshot {
            format: SNAPSHOT.current,
            revision: memory.revision,
            accepted: memory.ids.accepted(),
            state: memory.state.clone(),
        })
    }
}

impl<M: Model> Drop for PgStore<M> {
    fn drop(&mut self) {
        self.listener.abort();
    }
}

impl<M: Model> Shared<M> {
    fn org(&self, id: Uuid) -> Result<Arc<Org<M>>, StoreError> {
        read(&self.orgs)
            .get(&id)
            .cloned()
            .ok_or(StoreError::UnknownOrganisation(id))
    }

    async fn client(&self) -> Result<deadpool_postgres::Object, StoreError> {
        self.pool.get().await.map_err(|e| {
            self.failing.store(true, Ordering::SeqCst);
            pool_error(e)
        })
    }

    /// Loads every organisation the database has and this replica does not,
    /// and catches up on the others (after a lost notification).
    async fn refresh(&self) -> Result<(), StoreError> {
        let client = self.client().await?;
        let rows = client
            .query("SELECT org FROM vela_organisations ORDER BY org", &[])
            .await
            .map_err(db_error)?;
        for row in rows {
            let id: Uuid = row.try_get(0).map_err(db_error)?;
            self.follow(&client, id, u64::MAX).await?;
        }
        Ok(())
    }

    /// Brings one organisation up to what the database holds, loading it if
    /// this replica does not know it yet; `hint` is the revision a
    /// notification announced (nothing to do if it is already here).
    async fn follow(
        &self,
        client: &tokio_postgres::Client,
        id: Uuid,
        hint: u64,
    ) -> Result<(), StoreError> {
        let org = match self.org(id) {
            Ok(org) => org,
            Err(_) => {
                let memory = self.load(client, id).await?;
                let org = Arc::new(Org::new(memory, true));
                write(&self.orgs).entry(id).or_insert(org);
                return Ok(());
            }
        };
        if hint != u64::MAX && *org.durable.borrow() >= hint {
            return Ok(());
        }
        let session = org.writer.lock().await;
        if session.open {
            // This replica holds the organisation's lock: nobody else wrote.
            return Ok(());
        }
        self.catch_up(&org, client, id).await
    }

    /// An organisation's memory as the database has it: the newest snapshot
    /// and the rows after it.
    async fn load(
        &self,
        client: &tokio_postgres::Client,
        id: Uuid,
    ) -> Result<Memory<M>, StoreError> {
        // Another replica may store a newer snapshot and delete the rows
        // after this one between the two reads: the next attempt reads that
        // snapshot. Rows missing after the newest one are refused.
        for _ in 0..LOAD_ATTEMPTS {
            let options = &self.options;
            let mut ids =
                CommandIds::new(options.remembered_commands, options.remembered_rejections);
            let newest = {
                let alone = self.database.connect().await?;
                snapshots::newest::<M>(&alone, id).await?
            };
            let (state, revision) = match newest {
                Some(snapshot) => {
                    for command in snapshot.accepted {
                        ids.accept(command.id, command.revision, command.actor);
                    }
                    (snapshot.state, snapshot.revision)
                }
                None => (M::default(), 0),
            };
            let rows::After::Entries(entries) = rows::after::<M>(client, id, revision).await?
            else {
                continue;
            };
            let mut memory = Memory {
                state,
                revision,
                ids,
                recent: VecDeque::new(),
                snapshot_revision: revision,
                stale: false,
            };
            memory.apply_all(entries, options.recent_revisions);
            // The snapshot's text and rows are freed.
            crate::memory::trim_soon();
            tracing::info!(org = %id, revision = memory.revision, "organisation loaded from the database");
            return Ok(memory);
        }
        Err(StoreError::Database(format!(
            "organisation {id}: the log rows after its newest snapshot are missing. The server will not drop acknowledged data on its own"
        )))
    }

    /// Applies what other replicas committed since this one last looked
    /// (rebuilding a stale organisation first). The caller holds the
    /// organisation's writer lock with no transaction open.
    async fn catch_up(
        &self,
        org: &Org<M>,
        client: &tokio_postgres::Client,
        id: Uuid,
    ) -> Result<(), StoreError> {
        // Stale, or never loaded (made here while another replica or a
        // migration wrote it): the newest snapshot and the rows after it.
        let (stale, revision) = {
            let memory = read(&org.memory);
            (memory.stale, memory.revision)
        };
        if stale || revision == 0 {
            let fresh = self.load(client, id).await?;
            *write(&org.memory) = fresh;
        } else {
            match rows::after::<M>(client, id, revision).await? {
                rows::After::Entries(entries) => {
                    if !entries.is_empty() {
                        write(&org.memory).apply_all(entries, self.options.recent_revisions);
                    }
                }
                // So far behind that the rows it needs were pruned.
                rows::After::Pruned => {
                    let fresh = self.load(client, id).await?;
                    tracing::info!(org = %id, from = revision, to = fresh.revision, "caught up from a snapshot");
                    *write(&org.memory) = fresh;
                }
            }
        }
        let revision = read(&org.memory).revision;
        org.durable.send_if_modified(|durable| {
            let moved = *durable != revision;
            *durable = revision;
            moved
        });
        Ok(())
    }

    /// Opens a group: connection, `BEGIN`, the organisation's advisory
    /// lock, catch-up. The caller holds the writer lock.
    async fn begin(
        &self,
        org: &Org<M>,
        session: &mut Session<M>,
        id: Uuid,
    ) -> Result<(), StoreError> {
        if session.client.is_none() {
            session.client = Some(self.client().await?);
        }
        let Some(client) = session.client.as_deref() else {
            return Err(StoreError::Unavailable);
        };
        let begun = async {
            client.batch_execute("BEGIN").await.map_err(db_error)?;
            if !org.registered.load(Ordering::SeqCst) {
                register(client, id).await?;
            }
            client.execute(ORG_LOCK, &[&id]).await.map_err(db_error)?;
            self.catch_up(org, client, id).await
        }
        .await;
        match begun {
            Ok(()) => {
                session.open = true;
                Ok(())
            }
            Err(error) => {
                self.close(session);
                Err(error)
            }
        }
    }

    /// Drops a session's connection (it may be mid-transaction): closed, not
    /// returned to the pool, so the transaction is rolled back.
    fn close(&self, session: &mut Session<M>) {
        if let Some(client) = session.client.take() {
            drop(deadpool_postgres::Object::take(client));
        }
        session.open = false;
        self.failing.store(true, Ordering::SeqCst);
    }

    /// Commits the open group, if any: its rows with one statement, the
    /// notification, `COMMIT`; then answers every submit waiting for it.
    async fn commit(self: &Arc<Self>, org: &Org<M>, id: Uuid) {
        let mut session = org.writer.lock().await;
        session.committer = false;
        if !session.open {
            return;
        }
        let rows = std::mem::take(&mut session.rows);
        let waiting = std::mem::take(&mut session.waiting);
        let snapshot = session.snapshot.take();
        let last = rows.last().map(|row| row.revision);
        let committed = match session.client.as_deref() {
            None => Err(StoreError::Unavailable),
            Some(client) => {
                async {
                    if let Some(last) = last {
                        rows::insert(client, id, &rows).await?;
                        client
                            .execute(
                                "SELECT pg_notify($1, $2)",
                                &[&CHANNEL, &format!("{id} {last}")],
                            )
                            .await
                            .map_err(db_error)?;
                    }
                    client.batch_execute("COMMIT").await.map_err(db_error)
                }
                .await
            }
        };
        session.open = false;
        match &committed {
            Ok(()) => {
                self.failing.store(false, Ordering::SeqCst);
                org.registered.store(true, Ordering::SeqCst);
                if let Some(last) = last {
                    org.durable.send_replace(last);
                }
                if let Some(snapshot) = snapshot {
                    self.write_snapshot(id, snapshot);
                }
            }
            Err(error) => {
                // Memory is ahead of the database (or the commit's answer was
                // lost): rebuild it from what the database really holds.
                write(&org.memory).stale = true;
                self.close(&mut session);
                tracing::error!(org = %id, %error, "a group of commands did not commit");
            }
        }
        drop(session);
        for submit in waiting {
            let _ = submit.send(committed.clone());
        }
    }

    /// One batch: join (or open) the group, decide in memory, leave the rows
    /// to the group's commit and wait for it.
    async fn write_batch<F>(
        self: &Arc<Self>,
        org: &Arc<Org<M>>,
        id: Uuid,
        commands: Vec<CommandMeta<M::Actor>>,
        decide: F,
    ) -> Result<Vec<Outcome<M::Rejection>>, StoreError>
    where
        F: FnMut(&M, usize) -> Result<Vec<M::Event>, M::Rejection> + Send,
    {
        let (decided, committed) = {
            let mut session = org.writer.lock().await;
            if !session.open {
                self.begin(org, &mut session, id).await?;
            }
            let mut decided = self.decide(org, commands, decide)?;
            let committed = (!decided.rows.is_empty()).then(|| {
                let (done, committed) = tokio::sync::oneshot::channel();
                session.waiting.push(done);
                committed
            });
            session.rows.append(&mut decided.rows);
            if decided.snapshot.is_some() {
                session.snapshot = decided.snapshot.take();
            }
            if !session.committer {
                // Queued behind the submits already waiting for the lock, so
                // they join this group; the task cannot be cancelled halfway.
                session.committer = true;
                let shared = self.clone();
                let org = org.clone();
                tokio::spawn(async move { shared.commit(&org, id).await });
            }
            (decided, committed)
        };
        if let Some(committed) = committed {
            committed.await.map_err(|_| StoreError::Unavailable)??;
        }
        if let Some(error) = decided.failed {
            return Err(error);
        }
        let decided = decided.outcomes;
        // A retry of a command accepted in a group still committing.
        let mut durable = org.durable.subscribe();
        for outcome in &decided {
            if let Outcome::Accepted { revision } = outcome {
                if *durable.borrow_and_update() < *revision {
                    wait_for(org, *revision).await?;
                }
            }
        }
        Ok(decided)
    }

    /// Decides a batch on the current state under the memory lock, applying
    /// each accepted command before the next is decided.
    fn decide<F>(
        &self,
        org: &Org<M>,
        commands: Vec<CommandMeta<M::Actor>>,
        mut decide: F,
    ) -> Result<Decided<M>, StoreError>
    where
        F: FnMut(&M, usize) -> Result<Vec<M::Event>, M::Rejection>,
    {
        let mut memory = write(&org.memory);
        let mut decided = Decided {
            outcomes: Vec::with_capacity(commands.len()),
            rows: Vec::new(),
            snapshot: None,
            failed: None,
        };
        for (index, command) in commands.into_iter().enumerate() {
            // A retry of a command of a group still committing waits for
            // that commit (`write_batch`).
            if let Seen::Answered(outcome) = memory.ids.lookup(command.id, &command.actor) {
                decided.outcomes.push(outcome);
                continue;
            }
            let events = match decide(&memory.state, index) {
                Ok(events) => events,
                Err(rejection) => {
                    memory
                        .ids
                        .reject(command.id, rejection.clone(), command.actor);
                    decided.outcomes.push(Outcome::Rejected(rejection));
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
            // Encoded before anything changes, so a failure leaves memory as
            // it was; as in the JSON store, it fails the batch (after the
            // others are written).
            match rows::encode::<M>(&entry) {
                Ok(row) => decided.rows.push(row),
                Err(error) => {
                    decided.failed = Some(error);
                    continue;
                }
            }
            memory.apply(Arc::new(entry), self.options.recent_revisions);
            decided.outcomes.push(Outcome::Accepted { revision });
        }
        if memory.revision >= memory.snapshot_revision + self.options.snapshot_every {
            memory.snapshot_revision = memory.revision;
            decided.snapshot = Some(Snapshot {
                format: SNAPSHOT.current,
                revision: memory.revision,
                accepted: memory.ids.accepted(),
                state: memory.state.clone(),
            });
        }
        Ok(decided)
    }

    /// Encodes and stores a snapshot in the background; a failure is only
    /// logged (the rows hold everything; the next snapshot will try again).
    /// Then deletes the rows the snapshot holds, but for the newest
    /// `recent_revisions` before it (a failure there is only logged too: the
    /// next snapshot deletes them).
    fn write_snapshot(&self, id: Uuid, snapshot: Snapshot<M, M::Actor>) {
        let pool = self.pool.clone();
        let database = self.database.clone();
        // The snapshot's own row stays, so a replica behind it always finds
        // a row after its revision and can tell pruned rows from none.
        let keep = u64::try_from(self.options.recent_revisions)
            .unwrap_or(u64::MAX)
            .max(1);
        tokio::spawn(async move {
            let revision = snapshot.revision;
            let written = async {
                let compressed = snapshots::encode::<M>(snapshot).await?;
                let alone = database.connect().await?;
                snapshots::write(&alone, id, revision, &compressed).await?;
                Ok::<_, StoreError>(compressed.len())
            }
            .await;
            // The copy of the state and its JSON are freed: as the JSON
            // store's snapshot thread does, give that memory back, or the
            // resident size keeps the peak of the largest snapshot.
            crate::memory::trim_soon();
            let bytes = match written {
                Ok(bytes) => bytes,
                Err(error) => {
                    tracing::error!(org = %id, revision, %error, "snapshot not stored");
                    return;
                }
            };
            tracing::info!(org = %id, revision, bytes, "snapshot stored");
            let Some(through) = revision.checked_sub(keep).filter(|r| *r > 0) else {
                return;
            };
            let pruned = match pool.get().await {
                Ok(client) => rows::prune(&client, id, through).await,
                Err(error) => Err(pool_error(error)),
            };
            match pruned {
                Ok(deleted) => tracing::debug!(org = %id, through, deleted, "log rows pruned"),
                Err(error) => tracing::warn!(org = %id, through, %error, "log rows not pruned"),
            }
        });
    }
}

/// Waits until `revision` is committed (as far as this replica knows).
async fn wait_for<M: Model>(org: &Org<M>, revision: u64) -> Result<(), StoreError> {
    let mut durable = org.durable.subscribe();
    loop {
        if *durable.borrow_and_update() >= revision {
            return Ok(());
        }
        // Only a failed commit leaves memory ahead of the database.
        if read(&org.memory).stale {
            return Err(StoreError::Unavailable);
        }
        match tokio::time::timeout(std::time::Duration::from_millis(100), durable.changed()).await {
            Ok(Ok(())) | Err(_) => {}
            Ok(Err(_)) => return Err(StoreError::Unavailable),
        }
    }
}

/// Records an organisation (nothing happens if another replica did).
async fn register(client: &tokio_postgres::Client, id: Uuid) -> Result<(), StoreError> {
    client
        .execute(
            "INSERT INTO vela_organisations (org) VALUES ($1) ON CONFLICT DO NOTHING",
            &[&id],
        )
        .await
        .map_err(db_error)?;
    Ok(())
}

/// A decided batch: each command's answer once committed, the rows to
/// insert, and a snapshot to write after the commit if one is due.
struct Decided<M: Model> {
    outcomes: Vec<Outcome<M::Rejection>>,
    rows: Vec<rows::Row>,
    snapshot: Option<Snapshot<M, M::Actor>>,
    /// An entry that could not be encoded: the batch's answer.
    failed: Option<StoreError>,
}

impl<M: Model> Org<M> {
    fn new(memory: Memory<M>, registered: bool) -> Self {
        let (durable, _) = watch::channel(memory.revision);
        Org {
            writer: tokio::sync::Mutex::new(Session::default()),
            memory: RwLock::new(memory),
            durable,
            registered: AtomicBool::new(registered),
        }
    }
}

impl<M: Model> Memory<M> {
    fn empty(options: &StoreOptions) -> Self {
        Memory {
            state: M::default(),
            revision: 0,
            ids: CommandIds::new(options.remembered_commands, options.remembered_rejections),
            recent: VecDeque::new(),
            snapshot_revision: 0,
            stale: false,
        }
    }

    fn apply(&mut self, entry: Arc<EntryOf<M>>, keep: usize) {
        for event in &entry.events {
            self.state.apply(event);
        }
        self.revision = entry.revision;
        self.ids
            .accept(entry.command_id, entry.revision, entry.actor.clone());
        self.recent.push_back(entry);
        while self.recent.len() > keep {
            self.recent.pop_front();
        }
    }

    fn apply_all(&mut self, entries: Vec<EntryOf<M>>, keep: usize) {
        for entry in entries {
            self.apply(Arc::new(entry), keep);
        }
    }
}

impl<M: Model> Store<M> for PgStore<M> {
    fn organisations(&self) -> Vec<Uuid> {
        let mut ids: Vec<_> = read(&self.shared.orgs).keys().copied().collect();
        ids.sort();
        ids
    }

    /// The organisation exists at once in memory; its row is written in the
    /// background and, at the latest, by its first revision's transaction.
    fn create_organisation(&self, id: Uuid) -> Result<(), StoreError> {
        let org = {
            let mut orgs = write(&self.shared.orgs);
            if orgs.contains_key(&id) {
                return Ok(());
            }
            let org = Arc::new(Org::new(Memory::empty(&self.shared.options), false));
            orgs.insert(id, org.clone());
            org
        };
        let shared = self.shared.clone();
        tokio::spawn(async move {
            let registered = async {
                let client = shared.client().await?;
                register(&client, id).await?;
                client
                    .execute("SELECT pg_notify($1, $2)", &[&CHANNEL, &format!("{id} 0")])
                    .await
                    .map_err(db_error)?;
                Ok::<(), StoreError>(())
            }
            .await;
            match registered {
                Ok(()) => org.registered.store(true, Ordering::SeqCst),
                Err(error) => tracing::warn!(org = %id, %error, "organisation not recorded yet"),
            }
        });
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
        let shared = self.shared.clone();
        async move {
            let handle = shared.org(org)?;
            shared.write_batch(&handle, org, commands, decide).await
        }
    }

    fn writable(&self) -> bool {
        self.shared.listening.load(Ordering::SeqCst)
            && !self.shared.failing.load(Ordering::SeqCst)
            && read(&self.shared.orgs)
                .values()
                .all(|org| !read(&org.memory).stale)
    }

    fn read<R>(&self, org: Uuid, f: impl FnOnce(&M, u64) -> R) -> Result<R, StoreError> {
        let org = self.shared.org(org)?;
        let memory = read(&org.memory);
        Ok(f(&memory.state, memory.revision))
    }

    fn changes_since(&self, org: Uuid, since: u64) -> Result<Changes<M>, StoreError> {
        let org = self.shared.org(org)?;
        let durable = *org.durable.borrow();
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
        Ok(self.shared.org(org)?.durable.subscribe())
    }

    fn wait_durable(
        &self,
        org: Uuid,
        revision: u64,
    ) -> impl Future<Output = Result<(), StoreError>> + Send {
        let org = self.shared.org(org);
        async move { wait_for(&*org?, revision).await }
    }

    /// One query for the rows after this replica's revision (read under the
    /// writer lock, so never during one of its own groups).
    fn catch_up(&self, org: Uuid) -> impl Future<Output = Result<(), StoreError>> + Send {
        let shared = self.shared.clone();
        async move {
            // An organisation this replica does not know yet is loaded too.
            let client = shared.client().await?;
            shared.follow(&client, org, u64::MAX).await
        }
    }

    /// Every acknowledged revision is already committed, and snapshots are
    /// written as revisions accumulate: nothing to flush. Stops following
    /// the other replicas.
    fn shutdown(&self) -> Result<(), StoreError> {
        self.listener.abort();
        Ok(())
    }
}
