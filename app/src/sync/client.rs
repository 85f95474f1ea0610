//! The sync loop, and the context pages use to read and change state.
//!
//! One loop per logged-in person: push the outbox, pull what changed, then
//! wait for a reason to go again — a new local change, an announcement on
//! the server's event stream, the browser coming back online, or a timer
//! (backing off while the server cannot be reached).

use std::time::Duration;

use chrono::{DateTime, Utc};
use futures::channel::mpsc;
use futures::future::{select, Either};
use futures::StreamExt;
use gloo_net::eventsource::futures::EventSource;
use gloo_timers::future::sleep;
use leptos::prelude::*;
use uuid::Uuid;
use vela_domain::directory::Organisation;
use vela_domain::ids::PersonId;
use vela_domain::sync::{Envelope, PullResponse, PushRequest, PushResponse};
use vela_domain::{Actor, Command, Rejection, State};

use super::replica::{Refused, Replica};
use crate::api::{self, ApiError};
use crate::session::Session;
use crate::storage;

/// How often to pull even without announcements (the event stream may be down).
const QUIET_PULL: Duration = Duration::from_secs(60);
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// What the sync status indicator shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Status {
    pub online: bool,
    pub last_synced: Option<DateTime<Utc>>,
    /// The last failure other than being offline, for the person to read.
    pub error: Option<String>,
}

/// The sync context: the replica, its status, and a way to wake the loop.
#[derive(Clone, Copy)]
pub struct Sync {
    replica: RwSignal<Replica>,
    status: RwSignal<Status>,
    view: Memo<State>,
    actor: StoredValue<Actor>,
    storage_key: StoredValue<String>,
    wake: StoredValue<mpsc::UnboundedSender<()>>,
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

    pub fn refused(&self) -> Vec<Refused> {
        self.replica.with(|r| r.refused.clone())
    }

    /// Applies `command` locally (instant feedback) and queues it for the
    /// server; a command the rules refuse is not queued and the reason returned.
    pub fn submit(&self, command: Command) -> Result<(), Rejection> {
        let actor = self.actor.get_value();
        let mut result = Ok(());
        self.replica
            .update(|r| result = r.submit(Uuid::new_v4(), command, &actor, now()));
        if result.is_ok() {
            self.save();
            self.poke();
        }
        result
    }

    /// Forgets a refused change once its reason has been read.
    pub fn dismiss(&self, id: Uuid) {
        self.replica.update(|r| r.dismiss(id));
        self.save();
    }

    fn poke(&self) {
        let _ = self.wake.with_value(|w| w.unbounded_send(()));
    }

    fn save(&self) {
        let key = self.storage_key.get_value();
        self.replica.with_untracked(|r| storage::save(&key, r));
    }
}

/// The current time, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Starts syncing for `person` and provides the [`Sync`] context. The loop
/// stops when the calling component is dropped (logout).
pub fn provide_sync(person: PersonId, session: Session) -> Sync {
    let storage_key = format!("vela.replica.{person}");
    let replica = storage::load::<Replica>(&storage_key).unwrap_or_default();
    let actor = Actor::Person(person);
    let (wake_tx, wake_rx) = mpsc::unbounded();
    let replica = RwSignal::new(replica);
    let view_actor = actor;
    let sync = Sync {
        replica,
        status: RwSignal::new(Status::default()),
        view: Memo::new(move |_| replica.with(|r| r.view(&view_actor, now()))),
        actor: StoredValue::new(actor),
        storage_key: StoredValue::new(storage_key),
        wake: StoredValue::new(wake_tx),
    };
    provide_context(sync);

    let alive = StoredValue::new(true);
    on_cleanup(move || alive.set_value(false));
    leptos::task::spawn_local(run(sync, wake_rx, alive, session));
    leptos::task::spawn_local(listen(sync, alive));
    let _online = window_event_listener(leptos::ev::online, move |_| sync.poke());
    sync
}

pub fn use_sync() -> Sync {
    expect_context::<Sync>()
}

async fn run(
    sync: Sync,
    mut wake: mpsc::UnboundedReceiver<()>,
    alive: StoredValue<bool>,
    session: Session,
) {
    let mut backoff = Duration::from_secs(1);
    while alive.try_get_value().unwrap_or(false) {
        let pause = match round(sync).await {
            Ok(()) => {
                backoff = Duration::from_secs(1);
                sync.status.set(Status {
                    online: true,
                    last_synced: Some(now()),
                    error: None,
                });
                QUIET_PULL
            }
            Err(ApiError::Unauthorized) => {
                // The outbox stays in storage under the person's key: nothing is lost.
                session.set(None);
                return;
            }
            Err(e) => {
                let error = match e {
                    ApiError::Offline => None,
                    ApiError::Server { message, .. } => Some(message),
                    ApiError::Decode(message) => Some(message),
                    ApiError::Unauthorized => None,
                };
                sync.status.update(|s| {
                    s.online = error.is_some();
                    s.error = error;
                });
                let pause = backoff;
                backoff = (backoff * 2).min(MAX_BACKOFF);
                pause
            }
        };
        if let Either::Left((None, _)) = select(wake.next(), Box::pin(sleep(pause))).await {
            return; // the context is gone
        }
        // Several wake-ups while we worked need only one more round.
        while wake.try_recv().is_ok() {}
    }
}

/// One push (if anything waits) and one pull.
async fn round(sync: Sync) -> Result<(), ApiError> {
    let commands: Vec<Envelope> = sync.replica.with_untracked(|r| {
        r.unsent()
            .map(|p| Envelope {
                id: p.id,
                command: p.command.clone(),
            })
            .collect()
    });
    if !commands.is_empty() {
        let request = PushRequest { commands };
        let response: PushResponse = api::post("/api/sync/push?protocol=3", &request).await?;
        sync.replica.update(|r| r.pushed(&response.results));
        sync.save();
    }
    let since = sync.replica.with_untracked(|r| r.revision);
    let pull: PullResponse = api::get(&format!("/api/sync/pull?since={since}&protocol=3")).await?;
    if pull.revision != since || pull.snapshot.is_some() {
        sync.replica.update(|r| r.pulled(pull));
        sync.save();
    }
    Ok(())
}

/// Wakes the loop whenever the server announces a new revision.
async fn listen(sync: Sync, alive: StoredValue<bool>) {
    while alive.try_get_value().unwrap_or(false) {
        if let Ok(mut source) = EventSource::new("/api/sync/events?protocol=3") {
            if let Ok(mut revisions) = source.subscribe("revision") {
                while let Some(message) = revisions.next().await {
                    if !alive.try_get_value().unwrap_or(false) {
                        source.close();
                        return;
                    }
                    if message.is_ok() {
                        sync.poke();
                    }
                }
            }
            source.close();
        }
        sleep(Duration::from_secs(5)).await;
    }
}
