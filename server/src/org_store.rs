//! The store as the server uses it: the domain's `State` is the model.

use vela_domain::{Actor, Event, Rejection, State};

use std::future::Future;

use futures_util::future::Either;
use tokio::sync::watch;
use uuid::Uuid;

use crate::store::{
    Changes, CommandMeta, JsonStore, Model, Outcome, PgStore, Store, StoreError, StoreOptions,
};

impl Model for State {
    type Event = Event;
    type Actor = Actor;
    type Rejection = Rejection;

    fn apply(&mut self, event: &Event) {
        self.apply_event(event);
    }

    fn drop_derived(&mut self) {
        State::drop_derived(self);
    }
}

/// Every organisation's state and log, in the store the deployment chose:
/// JSON files in the data directory (the default) or PostgreSQL
/// (`--database-url`). Each method hands over to the chosen one.
pub enum OrgStore {
    Json(JsonStore<State>),
    Pg(PgStore<State>),
}

impl OrgStore {
    /// The JSON store of a data directory (see [`JsonStore::open`]).
    pub fn open(data_dir: &std::path::Path, options: StoreOptions) -> Result<Self, StoreError> {
        JsonStore::open(data_dir, options).map(OrgStore::Json)
    }

    /// The PostgreSQL store (see [`PgStore::connect`]).
    pub async fn connect(url: &str, options: StoreOptions) -> Result<Self, StoreError> {
        PgStore::connect(url, options).await.map(OrgStore::Pg)
    }
}

impl Store<State> for OrgStore {
    fn organisations(&self) -> Vec<Uuid> {
        match self {
            OrgStore::Json(store) => store.organisations(),
            OrgStore::Pg(store) => store.organisations(),
        }
    }

    fn create_organisation(&self, org: Uuid) -> Result<(), StoreError> {
        match self {
            OrgStore::Json(store) => store.create_organisation(org),
            OrgStore::Pg(store) => store.create_organisation(org),
        }
    }

    fn submit<F>(
        &self,
        org: Uuid,
        command: CommandMeta<Actor>,
        decide: F,
    ) -> impl Future<Output = Result<Outcome<Rejection>, StoreError>> + Send
    where
        F: FnOnce(&State) -> Result<Vec<Event>, Rejection> + Send,
    {
        match self {
            OrgStore::Json(store) => Either::Left(store.submit(org, command, decide)),
            OrgStore::Pg(store) => Either::Right(store.submit(org, command, decide)),
        }
    }

    fn submit_batch<F>(
        &self,
        org: Uuid,
        commands: Vec<CommandMeta<Actor>>,
        decide: F,
    ) -> impl Future<Output = Result<Vec<Outcome<Rejection>>, StoreError>> + Send
    where
        F: FnMut(&State, usize) -> Result<Vec<Event>, Rejection> + Send,
    {
        match self {
            OrgStore::Json(store) => Either::Left(store.submit_batch(org, commands, decide)),
            OrgStore::Pg(store) => Either::Right(store.submit_batch(org, commands, decide)),
        }
    }

    fn writable(&self) -> bool {
        match self {
            OrgStore::Json(store) => store.writable(),
            OrgStore::Pg(store) => store.writable(),
        }
    }

    fn read<R>(&self, org: Uuid, f: impl FnOnce(&State, u64) -> R) -> Result<R, StoreError> {
        match self {
            OrgStore::Json(store) => store.read(org, f),
            OrgStore::Pg(store) => store.read(org, f),
        }
    }

    fn changes_since(&self, org: Uuid, since: u64) -> Result<Changes<State>, StoreError> {
        match self {
            OrgStore::Json(store) => store.changes_since(org, since),
            OrgStore::Pg(store) => store.changes_since(org, since),
        }
    }

    fn durable(&self, org: Uuid) -> Result<watch::Receiver<u64>, StoreError> {
        match self {
            OrgStore::Json(store) => store.durable(org),
            OrgStore::Pg(store) => store.durable(org),
        }
    }

    fn wait_durable(
        &self,
        org: Uuid,
        revision: u64,
    ) -> impl Future<Output = Result<(), StoreError>> + Send {
        match self {
            OrgStore::Json(store) => Either::Left(store.wait_durable(org, revision)),
            OrgStore::Pg(store) => Either::Right(store.wait_durable(org, revision)),
        }
    }

    fn catch_up(&self, org: Uuid) -> impl Future<Output = Result<(), StoreError>> + Send {
        match self {
            OrgStore::Json(store) => Either::Left(store.catch_up(org)),
            OrgStore::Pg(store) => Either::Right(store.catch_up(org)),
        }
    }

    fn shutdown(&self) -> Result<(), StoreError> {
        match self {
            OrgStore::Json(store) => store.shutdown(),
            OrgStore::Pg(store) => store.shutdown(),
        }
    }
}

/// The current time as the domain takes it. The server is the only place
/// that reads the clock; the domain is given the instant.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from(std::time::SystemTime::now())
}

/// Checks a data directory's stores without serving them and without
/// changing anything (for `vela-server check`): see [`crate::store::verify`].
pub fn verify(
    data_dir: &std::path::Path,
) -> Result<crate::store::Summary, crate::store::StoreError> {
    crate::store::verify::<State>(data_dir)
}
