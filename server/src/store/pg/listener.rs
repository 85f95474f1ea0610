//! Follows the other replicas: `LISTEN` on the store's channel, and each
//! notification (`<org> <revision>`) brings that organisation up to date,
//! which moves its `durable()` watchers (live events). The connection is
//! remade if it drops, and every organisation is then caught up, since
//! notifications sent meanwhile are lost. Organisations left stale by a
//! failed commit are rebuilt here too, once a second.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use tokio::sync::{mpsc, oneshot};
use tokio_postgres::AsyncMessage;
use uuid::Uuid;

use super::{db_error, read, Shared, CHANNEL};
use crate::store::{Model, StoreError};

/// Runs until the store is dropped; `ready` is answered after the first
/// `LISTEN` and the first full catch-up (or with the first failure).
pub(super) async fn run<M: Model>(
    shared: Arc<Shared<M>>,
    ready: oneshot::Sender<Result<(), StoreError>>,
) {
    let mut ready = Some(ready);
    let mut backoff = Duration::from_millis(100);
    loop {
        let listened = listen(&shared, &mut ready).await;
        shared.listening.store(false, Ordering::SeqCst);
        if listened.is_ok() {
            // It was connected: try again soon, as after a first failure.
            backoff = Duration::from_millis(100);
        }
        if let Err(error) = listened {
            if let Some(ready) = ready.take() {
                let _ = ready.send(Err(error));
                return;
            }
            tracing::error!(%error, "not following the other replicas; retrying");
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(5));
    }
}

/// One connection's life: returns when it drops.
async fn listen<M: Model>(
    shared: &Arc<Shared<M>>,
    ready: &mut Option<oneshot::Sender<Result<(), StoreError>>>,
) -> Result<(), StoreError> {
    let (client, mut messages) = shared.database.connect_with_messages().await?;
    let (notified, mut notifications) = mpsc::unbounded_channel();
    let driver = tokio::spawn(async move {
        while let Some(message) = messages.next().await {
            match message {
                Ok(AsyncMessage::Notification(n)) => {
                    if notified.send(n.payload().to_string()).is_err() {
                        break;
                    }
                }
                Ok(_) => {}
                Err(error) => {
                    tracing::warn!(%error, "notification connection lost");
                    break;
                }
            }
        }
    });
    let _stop_driver = AbortOnDrop(driver.abort_handle());
    client
        .batch_execute(&format!("LISTEN {CHANNEL}"))
        .await
        .map_err(db_error)?;
    shared.refresh().await?;
    shared.listening.store(true, Ordering::SeqCst);
    if let Some(ready) = ready.take() {
        let _ = ready.send(Ok(()));
    }
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    loop {
        tokio::select! {
            payload = notifications.recv() => {
                let Some(payload) = payload else { return Ok(()) };
                let Some((org, revision)) = parse(&payload) else {
                    tracing::warn!(payload, "unexpected notification");
                    continue;
                };
                if let Err(error) = follow(shared, org, revision).await {
                    tracing::error!(%org, %error, "cannot catch up on another replica's revision");
                }
            }
            _ = tick.tick() => {
                let stale: Vec<Uuid> = read(&shared.orgs)
                    .iter()
                    .filter(|(_, org)| read(&org.memory).stale)
                    .map(|(id, _)| *id)
                    .collect();
                for org in stale {
                    match follow(shared, org, u64::MAX).await {
                        Ok(()) => tracing::info!(%org, "organisation rebuilt from the database"),
                        Err(error) => tracing::error!(%org, %error, "cannot rebuild the organisation yet"),
                    }
                }
            }
        }
    }
}

async fn follow<M: Model>(shared: &Shared<M>, org: Uuid, revision: u64) -> Result<(), StoreError> {
    let client = shared.client().await?;
    shared.follow(&client, org, revision).await
}

fn parse(payload: &str) -> Option<(Uuid, u64)> {
    let (org, revision) = payload.split_once(' ')?;
    Some((org.parse().ok()?, revision.parse().ok()?))
}

struct AbortOnDrop(tokio::task::AbortHandle);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}
