//! The sync loop, and the context pages use to read and change state.
//!
//! One loop per logged-in person: push the outbox in chunks, pull what
//! changed, then wait for a reason to go again — a new local change, an
//! announcement on the server's event stream, the browser coming back
//! online, or a timer (backing off while the server cannot be reached).
//!
//! Browser storage per person (see `replica` for the formats):
//! - `vela.outbox.v2.<person id>`: the outbox, kept until sent, across
//!   sign-outs and reloads, and never written over when unreadable; read
//!   as text at start-up and decoded once the `codec` piece is there;
//! - `vela.replica.v2.<person id>`: the cached confirmed state, removed at
//!   sign-out and dropped when of another version;
//! - `vela.replica.<person id>`: the unversioned record of earlier builds,
//!   whose outbox is moved to the new key on first load.

use std::time::Duration;

use chrono::{DateTime, Utc};
use futures::channel::{mpsc, oneshot};
use futures::future::{select, Either};
use futures::StreamExt;
use gloo_net::eventsource::futures::EventSource;
use gloo_timers::future::sleep;
use leptos::prelude::*;
use uuid::Uuid;
use vela_domain::directory::Organisation;
use vela_domain::ids::PersonId;
use vela_domain::sync::{
    PullResponse, PushRequest, PushResponse, MAX_PUSH_BYTES, MAX_PUSH_COMMANDS,
};
use vela_domain::{Actor, Command, Rejection, State};

use super::codec;
use super::replica::{self, Reason, Refused, Replica, StoredOutbox, Unreadable};
use super::retry::{backoff, classify, Failure};
use crate::api::{self, sync_path, ApiError};
use crate::session::Session;
use crate::storage::{self, StorageError};

/// How often to pull even without announcements (the event stream may be down).
const QUIET_PULL: Duration = Duration::from_secs(60);

/// Room left under the server's body limit for what this estimate misses.
const PUSH_BYTES_MARGIN: usize = 4_096;

/// Key of a person's outbox.
pub fn outbox_key(person: PersonId) -> String {
    format!("vela.outbox.v{}.{person}", replica::FORMAT_VERSION)
}

/// Key of a person's cached confirmed state.
pub fn cache_key(person: PersonId) -> String {
    format!("vela.replica.v{}.{person}", replica::FORMAT_VERSION)
}

/// Key of the unversioned record earlier builds kept.
fn legacy_key(person: PersonId) -> String {
    format!("vela.replica.{person}")
}

/// What the sync status indicator shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Status {
    pub online: bool,
    pub last_synced: Option<DateTime<Utc>>,
    /// The last failure other than being offline, for the person to read.
    pub error: Option<String>,
    /// The server speaks a newer protocol: only a reload helps.
    pub outdated: bool,
    /// The outbox could not be written to browser storage.
    pub storage: Option<StorageError>,
    /// The last round could not reach the server (no connection).
    pub unreachable: bool,
}

/// The sync context: the replica, its status, and a way to wake the loop.
#[derive(Clone, Copy)]
pub struct Sync {
    replica: RwSignal<Replica>,
    status: RwSignal<Status>,
    view: Memo<State>,
    actor: StoredValue<Actor>,
    person: PersonId,
    wake: StoredValue<mpsc::UnboundedSender<()>>,
    alive: StoredValue<bool>,
    session: Session,
    /// A stored outbox this build cannot read, kept as it was found.
    unreadable: RwSignal<Option<Unreadable>>,
    /// The stored texts of the outbox until their commands are decoded
    /// (see `codec`); `None` once they are in the replica.
    unread: StoredValue<Option<UnreadOutbox>>,
    /// The cache is not written any more this session: the outbox needed its room.
    no_cache: StoredValue<bool>,
    /// The latest cache asked to be written: an older one finishing its
    /// encoding later is dropped.
    cache_turn: StoredValue<u64>,
    /// Whether the browser says it has a network (its `online`/`offline`
    /// events), known before any request fails.
    network: RwSignal<bool>,
}

impl Sync {
    /// What the person sees: confirmed state plus pending changes.
    pub fn state(&self) -> Memo<State> {
        self.view
    }

    /// The signed-in person.
    pub fn me(&self) -> Option<PersonId> {
        self.actor.get_value().person_id()
    }

    /// The signed-in person's organisation (its name and holidays). One
    /// deployment can host several administrations of a partnership, so
    /// pages ask this instead of picking one from the state.
    pub fn organisation(&self) -> Option<Organisation> {
        let me = self.me()?;
        self.view.with(|s| s.directory.organisation_of(me).cloned())
    }

    pub fn status(&self) -> Status {
        self.status.get()
    }

    pub fn waiting(&self) -> usize {
        self.replica.with(|r| r.waiting())
    }

    /// Whether changes made now would only be queued: the browser has no
    /// network, or the last attempt could not reach the server.
    pub fn offline(&self) -> bool {
        !self.network.get() || self.status.with(|s| s.unreachable)
    }

    /// [`Sync::offline`] without subscribing (in an event handler).
    pub fn offline_untracked(&self) -> bool {
        !self.network.get_untracked() || self.status.with_untracked(|s| s.unreachable)
    }

    pub fn refused(&self) -> Vec<Refused> {
        self.replica.with(|r| r.refused.clone())
    }

    /// The stored outbox this build could not read, if any.
    pub fn unreadable(&self) -> Option<Unreadable> {
        self.unreadable.get()
    }

    /// Applies `command` locally (instant feedback) and queues it for the
    /// server; a command the rules refuse is not queued and the reason returned.
    pub fn submit(&self, command: Command) -> Result<(), Rejection> {
        let actor = self.actor.get_value();
        let mut result = Ok(());
        self.replica
            .update(|r| result = r.submit(Uuid::new_v4(), command, &actor, now()));
        if result.is_ok() {
            self.save_outbox();
            self.poke();
        }
        result
    }

    /// Forgets a refused change once its reason has been read.
    pub fn dismiss(&self, id: Uuid) {
        self.replica.update(|r| r.dismiss(id));
        self.save_outbox();
    }

    /// Asks the loop to go now.
    pub fn poke(&self) {
        let _ = self.wake.try_with_value(|w| w.unbounded_send(()));
    }

    fn alive(&self) -> bool {
        self.alive.try_get_value().unwrap_or(false) && !self.session.ending()
    }

    /// Writes the outbox to its key, unless that key holds an outbox this
    /// build cannot read (it is never written over). When storage is full
    /// the cache gives up its room first; a failure left is shown. Returns
    /// whether the outbox is safe in storage.
    fn save_outbox(&self) -> bool {
        if !self.alive() {
            return false;
        }
        if self
            .unreadable
            .with_untracked(|u| u.as_ref().is_some_and(|u| !u.legacy))
        {
            return false;
        }
        let key = outbox_key(self.person);
        let stored = self.replica.with_untracked(|r| r.stored_outbox());
        let encode = |stored: &StoredOutbox| {
            crate::json::to_text(stored).map_err(|e| StorageError::Refused(format!("encode: {e}")))
        };
        // `None`: the outbox is empty and its key goes.
        let text = match self.unread.get_value() {
            None if stored.is_empty() => Ok(None),
            None => encode(&stored).map(Some),
            // The stored commands are not decoded yet: what was submitted
            // since goes after them, never over them.
            Some(_) if stored.commands.is_empty() => return true,
            Some(UnreadOutbox { outbox: None, .. }) => encode(&stored).map(Some),
            Some(UnreadOutbox {
                outbox: Some(text), ..
            }) => match replica::append_unread(&text, &stored) {
                Some(merged) => Ok(Some(merged)),
                None => return false,
            },
        };
        let mut result = text
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|text| write_outbox(&key, text.as_deref()));
        if result == Err(StorageError::Full) {
            self.no_cache.set_value(true);
            storage::remove(&cache_key(self.person));
            result = text
                .as_ref()
                .map_err(Clone::clone)
                .and_then(|text| write_outbox(&key, text.as_deref()));
        }
        if let (Ok(()), Ok(text)) = (&result, text) {
            self.unread.update_value(|unread| {
                if let Some(unread) = unread {
                    unread.outbox = text;
                }
            });
        }
        let failure = result.err();
        let saved = failure.is_none();
        if self.status.with_untracked(|s| s.storage != failure) {
            self.status.update(|s| s.storage = failure);
        }
        saved
    }

    /// Writes the confirmed state for the next start. The state's encoder is
    /// in the `codec` piece (it is as big as a page, and the first page
    /// needs it only here): a cache can wait for it, and if the piece
    /// cannot be downloaded the next pull saves one.
    fn save_cache(&self) {
        if !self.alive() || self.no_cache.get_value() {
            return;
        }
        let cache = self.replica.with_untracked(|r| r.stored_cache());
        let turn = self.cache_turn.get_value() + 1;
        self.cache_turn.set_value(turn);
        let sync = *self;
        leptos::task::spawn_local(async move {
            let Ok(encoded) = codec::cache_text(cache).await else {
                return;
            };
            // Signed out meanwhile, the outbox took the room, or a newer
            // cache is on its way.
            if !sync.alive()
                || sync.no_cache.try_get_value() != Some(false)
                || sync.cache_turn.try_get_value() != Some(turn)
            {
                return;
            }
            let saved = encoded
                .map_err(|e| format!("encode: {e}"))
                .and_then(|text| {
                    storage::save_text(&cache_key(sync.person), &text).map_err(|e| format!("{e:?}"))
                });
            if let Err(e) = saved {
                leptos::logging::warn!("could not save the cache in browser storage: {e}");
            }
        });
    }
}

/// Writes an outbox's text to `key`; none (an empty outbox) removes the key.
fn write_outbox(key: &str, text: Option<&str>) -> Result<(), StorageError> {
    match text {
        Some(text) => storage::save_text(key, text),
        None => {
            storage::remove(key);
            Ok(())
        }
    }
}

/// A person's stored outbox and record of earlier builds, as text.
#[derive(Clone, Debug)]
struct UnreadOutbox {
    outbox: Option<String>,
    legacy: Option<String>,
}

/// The current time, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Reads the cached state stored for `person`, dropping one this build
/// cannot use; their outbox is only read as text (see [`restore_outbox`]).
fn load(person: PersonId) -> (Replica, Option<UnreadOutbox>) {
    let outbox = storage::load_text(&outbox_key(person));
    let legacy = storage::load_text(&legacy_key(person));
    let cache = storage::load_text(&cache_key(person));
    let (replica, drop_cache) = replica::load_cache(cache.as_deref(), legacy.is_some());
    if drop_cache {
        storage::remove(&cache_key(person));
    }
    let unread = (outbox.is_some() || legacy.is_some()).then_some(UnreadOutbox { outbox, legacy });
    (replica, unread)
}

/// Decodes the stored outbox into the replica, moving an outbox kept by
/// earlier builds to its own key. Until then nothing is pushed, so the
/// server gets commands in the order they were made. Fails only when the
/// `codec` piece cannot be downloaded.
async fn restore_outbox(sync: Sync) -> Result<(), ApiError> {
    let Some(unread) = sync.unread.get_value() else {
        return Ok(());
    };
    let loaded = codec::stored_outbox(unread.outbox, unread.legacy)
        .await
        .map_err(|_| ApiError::Offline)?;
    if !sync.alive() {
        return Ok(());
    }
    if let Some(unreadable) = &loaded.unreadable {
        leptos::logging::warn!("stored outbox not readable: {}", unreadable.error);
    }
    // Commands submitted while decoding are in the replica; the stored
    // ones go before them.
    sync.replica.update(|r| r.restore(loaded.stored));
    sync.unreadable.set(loaded.unreadable);
    sync.unread.set_value(None);
    // The old record goes only once its outbox is safe under the new key.
    if sync.save_outbox() && loaded.drop_legacy {
        storage::remove(&legacy_key(sync.person));
    }
    Ok(())
}

/// Removes what sign-out must not leave behind for the next person on this
/// browser: the cached state (colleagues' names, plans, notes) and an
/// outbox with nothing in it. Unsent changes stay under the person's own
/// key until they sign in again; an unreadable outbox stays for recovery.
pub fn forget(person: PersonId) {
    storage::remove(&cache_key(person));
    let key = outbox_key(person);
    if storage::load_text(&key).is_some_and(|text| replica::holds_nothing(&text)) {
        storage::remove(&key);
    }
    // Its outbox was moved at load; if somehow not, it moves now.
    if let Some(text) = storage::load_text(&legacy_key(person)) {
        leptos::task::spawn_local(move_legacy(person, text));
    }
}

/// Moves the outbox of the record of earlier builds to its own key and
/// removes the record (it holds a copy of the state). One that cannot be
/// read stays for recovery, as does one whose commands cannot be decoded
/// now (the `codec` piece did not download).
async fn move_legacy(person: PersonId, text: String) {
    let Ok(Ok(old)) = codec::legacy_outbox(text).await else {
        return;
    };
    let key = outbox_key(person);
    let moved = old.is_empty()
        || storage::load_text(&key).is_some()
        || crate::json::to_text(&old)
            .ok()
            .is_some_and(|text| storage::save_text(&key, &text).is_ok());
    if moved {
        storage::remove(&legacy_key(person));
    }
}

/// Starts syncing for `person` and provides the [`Sync`] context. The loop
/// stops when the calling component is dropped (logout).
pub fn provide_sync(person: PersonId, session: Session) -> Sync {
    let (replica, unread) = load(person);
    let actor = Actor::Person(person);
    let (wake_tx, wake_rx) = mpsc::unbounded();
    let replica = RwSignal::new(replica);
    let view_actor = actor;
    let alive = StoredValue::new(true);
    let sync = Sync {
        replica,
        status: RwSignal::new(Status::default()),
        view: Memo::new(move |_| replica.with(|r| r.view(&view_actor, now()))),
        actor: StoredValue::new(actor),
        person,
        wake: StoredValue::new(wake_tx),
        alive,
        session,
        unreadable: RwSignal::new(None),
        unread: StoredValue::new(unread),
        no_cache: StoredValue::new(false),
        cache_turn: StoredValue::new(0),
        network: RwSignal::new(browser_online()),
    };
    provide_context(sync);

    // The header (outside this context) asks before signing out while
    // changes wait, and may ask the loop to hurry.
    Effect::new(move |_| session.set_waiting(sync.waiting()));
    Effect::new(move |_| {
        session.flush_requested();
        sync.poke();
    });

    let (stop, stopped) = oneshot::channel();
    on_cleanup(move || {
        alive.set_value(false);
        session.set_waiting(0);
        let _ = stop.send(());
    });
    leptos::task::spawn_local(run(sync, wake_rx, session));
    leptos::task::spawn_local(listen(sync, stopped));
    let network = sync.network;
    let _online = window_event_listener(leptos::ev::online, move |_| {
        network.set(true);
        sync.poke();
    });
    let _offline = window_event_listener(leptos::ev::offline, move |_| {
        network.set(false);
        sync.status.update(|s| s.online = false);
    });
    sync
}

/// What the browser says of its network now.
pub fn browser_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

pub fn use_sync() -> Sync {
    expect_context::<Sync>()
}

async fn run(sync: Sync, mut wake: mpsc::UnboundedReceiver<()>, session: Session) {
    let mut failures = 0;
    while sync.alive() {
        let result = round(sync).await;
        if !sync.alive() {
            return;
        }
        let pause = match result {
            Ok(()) => {
                failures = 0;
                sync.status.update(|s| {
                    s.online = true;
                    s.unreachable = false;
                    s.last_synced = Some(now());
                    s.error = None;
                });
                QUIET_PULL
            }
            Err(e) => match classify(&e) {
                Failure::SignedOut => {
                    // The outbox stays under the person's key: nothing is lost.
                    session.expired();
                    return;
                }
                Failure::Outdated => {
                    // Nothing more is sent: this build would misread the
                    // answers. The outbox waits in storage for the reload.
                    sync.status.update(|s| {
                        s.online = true;
                        s.outdated = true;
                    });
                    return;
                }
                Failure::Retry | Failure::Final { .. } => {
                    let unreachable = matches!(e, ApiError::Offline);
                    let error = match e {
                        ApiError::Server { message, .. } => Some(message),
                        ApiError::Decode(message) => Some(message),
                        ApiError::Offline | ApiError::Unauthorized => None,
                    };
                    sync.status.update(|s| {
                        s.online = error.is_some();
                        s.unreachable = unreachable;
                        s.error = error;
                    });
                    let pause = backoff(failures, js_sys::Math::random());
                    failures = failures.saturating_add(1);
                    pause
                }
            },
        };
        if let Either::Left((None, _)) = select(wake.next(), Box::pin(sleep(pause))).await {
            return; // the context is gone
        }
        // Several wake-ups while we worked need only one more round.
        while wake.try_recv().is_ok() {}
    }
}

/// Pushes the outbox chunk by chunk, then pulls once.
async fn round(sync: Sync) -> Result<(), ApiError> {
    restore_outbox(sync).await?;
    loop {
        let commands = sync.replica.with_untracked(|r| {
            r.next_chunk(MAX_PUSH_COMMANDS, MAX_PUSH_BYTES - PUSH_BYTES_MARGIN)
        });
        if commands.is_empty() {
            break;
        }
        let ids: Vec<Uuid> = commands.iter().map(|e| e.id).collect();
        let request = PushRequest { commands };
        let answer = match api::post(&sync_path("/api/sync/push"), &request).await {
            Ok(answer) => decode_push(answer).await,
            Err(e) => Err(e),
        };
        if !sync.alive() {
            return Ok(());
        }
        match answer {
            Ok(response) => {
                sync.replica.update(|r| r.pushed(&response.results));
                sync.save_outbox();
                let unanswered = sync
                    .replica
                    .with_untracked(|r| r.unsent().any(|p| ids.contains(&p.id)));
                if unanswered {
                    return Err(ApiError::Decode(
                        "the server did not answer every command".to_string(),
                    ));
                }
            }
            Err(e) => match classify(&e) {
                Failure::Final {
                    status,
                    code,
                    message,
                } => {
                    // The same request would get the same answer: these
                    // commands are refused, and the person is told why.
                    let reason = Reason::Request {
                        status,
                        code,
                        message,
                    };
                    sync.replica.update(|r| {
                        for id in &ids {
                            r.refuse(*id, reason.clone());
                        }
                    });
                    sync.save_outbox();
                }
                _ => return Err(e),
            },
        }
    }
    let since = sync.replica.with_untracked(|r| r.revision);
    let pull: Pull = api::get(&sync_path(&format!("/api/sync/pull?since={since}"))).await?;
    let pull = decode_pull(pull).await?;
    if !sync.alive() {
        return Ok(());
    }
    if pull.revision != since || pull.snapshot.is_some() {
        let before = sync.replica.with_untracked(|r| r.outbox.len());
        sync.replica.update(|r| r.pulled(pull));
        if sync.replica.with_untracked(|r| r.outbox.len()) != before {
            sync.save_outbox();
        }
        sync.save_cache();
    }
    Ok(())
}

/// A push's answer: decoded by the `codec` piece (it holds the rejections).
async fn decode_push(answer: serde_json::Value) -> Result<PushResponse, ApiError> {
    codec::push_answer(answer)
        .await
        .map_err(|_| ApiError::Offline)?
        .map_err(ApiError::Decode)
}

/// `PullResponse` with its changes not decoded yet: a snapshot needs only
/// the main module, changes need the `codec` piece.
#[derive(serde::Deserialize)]
struct Pull {
    revision: u64,
    #[serde(default)]
    snapshot: Option<State>,
    #[serde(default)]
    changes: Vec<serde_json::Value>,
}

async fn decode_pull(pull: Pull) -> Result<PullResponse, ApiError> {
    let changes = if pull.changes.is_empty() {
        Vec::new()
    } else {
        codec::changes(pull.changes)
            .await
            .map_err(|_| ApiError::Offline)?
            .map_err(ApiError::Decode)?
    };
    Ok(PullResponse {
        revision: pull.revision,
        snapshot: pull.snapshot,
        changes,
    })
}

/// Wakes the loop whenever the server announces a new revision. The
/// stream closes as soon as the context goes (sign-out), not at the next
/// announcement: after the session ends the browser would reconnect it and
/// meet a 401.
async fn listen(sync: Sync, mut stopped: oneshot::Receiver<()>) {
    while sync.alive()
        && !sync
            .status
            .try_with_untracked(|s| s.outdated)
            .unwrap_or(true)
    {
        if let Ok(mut source) = EventSource::new(&sync_path("/api/sync/events")) {
            if let Ok(mut revisions) = source.subscribe("revision") {
                loop {
                    match select(revisions.next(), &mut stopped).await {
                        Either::Left((Some(message), _)) => {
                            if message.is_ok() && sync.alive() {
                                sync.poke();
                            }
                        }
                        Either::Left((None, _)) => break,
                        Either::Right(_) => {
                            source.close();
                            return;
                        }
                    }
                }
            }
            source.close();
        }
        if let Either::Right(_) =
            select(Box::pin(sleep(Duration::from_secs(5))), &mut stopped).await
        {
            return;
        }
    }
}
