//! The timed notifications: a task that asks the domain every minute what
//! is due and submits it as the system.

use std::sync::Arc;

use tokio::sync::watch;
use uuid::Uuid;
use vela_domain::notifications::{due, Command as NoteCommand};
use vela_domain::{Actor, Command};

use crate::org_store::{now, OrgStore};
use crate::store::{CommandMeta, Store};

/// Runs until shutdown: every `every`, for each stored state, submits the
/// due notifications not yet told. Ids are deterministic and the domain's
/// `notify` keeps only new ones, so a tick repeated (or two servers' ticks)
/// tells nothing twice.
pub fn start(
    store: Arc<OrgStore>,
    every: std::time::Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    tokio::spawn(async move {
        // The first run waits one period: start-up (demo seeding, log
        // replay) is busy enough, and a minute late is still on time.
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = tick.tick() => {},
                _ = shutdown.changed() => return,
            }
            for org in store.organisations() {
                let at = now();
                let fresh = store.read(org, |state, _| {
                    let inbox = &state.notifications.inbox;
                    due(state, at)
                        .into_iter()
                        .filter(|n| {
                            !inbox
                                .get(&n.recipient)
                                .is_some_and(|i| i.contains_key(&n.id))
                        })
                        .collect::<Vec<_>>()
                });
                let Ok(fresh) = fresh else { continue };
                if fresh.is_empty() {
                    continue;
                }
                let command = Command::Notifications(NoteCommand::Notify {
                    notifications: fresh,
                });
                let meta = CommandMeta {
                    id: Uuid::new_v4(),
                    actor: Actor::System,
                    at,
                };
                let result = store
                    .submit(org, meta, |state| {
                        vela_domain::apply(state, &Actor::System, &command, at)
                    })
                    .await;
                if let Err(e) = result {
                    tracing::error!(%org, "timed notifications not stored: {e}");
                }
            }
        }
    });
}
