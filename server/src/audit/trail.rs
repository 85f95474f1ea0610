//! The audit trail of one stored state: one line per durable revision
//! (`orgs/<id>/audit.jsonl`, or rows of `vela_audit_trail` with
//! replicas), appended by a follower that runs right behind the
//! store's durable revision (and once more at shutdown, before the final
//! snapshot). It reads the revisions the store keeps in memory, not the
//! segments, so compaction cannot take a revision away before the trail has
//! it — unless the follower fell more than `--recent-revisions` behind
//! (a crash between a revision's fsync and the trail's, then a snapshot
//! before the restart): then the trail writes a line saying which revisions
//! it could not describe rather than hiding the gap.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio::sync::watch;
use uuid::Uuid;
use vela_domain::audit::{change, organisation_of, Change};
use vela_domain::ids::{OrgId, PersonId};
use vela_domain::{actor, Actor};

use super::Audit;
use crate::org_store::OrgStore;
use crate::store::pg::DbError;
use crate::store::upgrade::AUDIT_LINE;
use crate::store::{Changes, Store, StoreError};

/// One line of the trail (format [`AUDIT_LINE`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrailLine {
    pub format: u32,
    pub revision: u64,
    pub at: DateTime<Utc>,
    pub actor: Actor,
    pub command_id: Uuid,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<OrgChange>,
    /// On a gap line: the first revision the trail could not describe
    /// (through `revision`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing_from: Option<u64>,
}

/// A change and the organisation it belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgChange {
    #[serde(flatten)]
    pub change: Change,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<OrgId>,
}

/// Why the trail could not be brought up to date.
#[derive(Debug, thiserror::Error)]
pub enum TrailError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Database(#[from] DbError),
    #[error("a trail task failed: {0}")]
    Task(String),
}

impl From<tokio::task::JoinError> for TrailError {
    fn from(error: tokio::task::JoinError) -> Self {
        TrailError::Task(error.to_string())
    }
}

/// The lines describing `org`'s durable revisions after `last` (none when
/// the trail is up to date). When the store no longer keeps them all in
/// memory, one gap line says which it could not describe.
pub(super) fn describe(
    store: &OrgStore,
    org: Uuid,
    last: u64,
) -> Result<Vec<TrailLine>, StoreError> {
    let durable = *store.durable(org)?.borrow();
    if durable <= last {
        return Ok(Vec::new());
    }
    match store.changes_since(org, last)? {
        Changes::Entries(entries) => store.read(org, |state, _| {
            entries
                .iter()
                .filter(|e| e.revision > last && e.revision <= durable)
                .map(|e| {
                    let actor_org = actor::actor_org(state, &e.actor);
                    TrailLine {
                        format: AUDIT_LINE.current,
                        revision: e.revision,
                        at: e.at,
                        actor: e.actor,
                        command_id: e.command_id,
                        changes: e
                            .events
                            .iter()
                            .filter_map(change)
                            .map(|c| OrgChange {
                                org: organisation_of(state, &c, actor_org),
                                change: c,
                            })
                            .collect(),
                        missing_from: None,
                    }
                })
                .collect()
        }),
        Changes::TooOld => {
            tracing::error!(%org, from = last + 1, until = durable, "the audit trail misses revisions that were compacted before it wrote them");
            Ok(vec![TrailLine {
                format: AUDIT_LINE.current,
                revision: durable,
                at: crate::org_store::now(),
                actor: Actor::System,
                command_id: Uuid::nil(),
                changes: Vec::new(),
                missing_from: Some(last + 1),
            }])
        }
    }
}

/// The people anonymised in `lines` (the server then drops their account
/// and calendar feed, which live beside the state).
pub(super) fn anonymised(lines: &[TrailLine]) -> Vec<PersonId> {
    lines
        .iter()
        .flat_map(|l| &l.changes)
        .filter(|c| c.change.kind == "directory.person_anonymised")
        .filter_map(|c| c.change.person)
        .collect()
}

/// What the server does when people are anonymised.
pub type OnAnonymised = Arc<dyn Fn(Vec<PersonId>) + Send + Sync>;

/// Brings `org`'s trail up to date, then forgets the credentials of the
/// people its new lines anonymised.
pub async fn catch_up_and_forget(
    audit: &Arc<Audit>,
    store: &Arc<OrgStore>,
    org: Uuid,
    on_anonymised: &OnAnonymised,
) {
    match audit.catch_up(store, org).await {
        Ok(people) if !people.is_empty() => {
            let forget = on_anonymised.clone();
            // Rewrites files: off the async workers.
            if let Err(e) = tokio::task::spawn_blocking(move || forget(people)).await {
                tracing::error!(%org, "audit trail: {e}");
            }
        }
        Ok(_) => {}
        Err(e) => tracing::error!(%org, "audit trail: {e}"),
    }
}

/// Keeps `org`'s trail right behind its durable revision until shutdown.
pub fn follow(
    audit: Arc<Audit>,
    store: Arc<OrgStore>,
    org: Uuid,
    on_anonymised: OnAnonymised,
    mut shutdown: watch::Receiver<bool>,
) {
    tokio::spawn(async move {
        let Ok(mut durable) = store.durable(org) else {
            return;
        };
        loop {
            catch_up_and_forget(&audit, &store, org, &on_anonymised).await;
            tokio::select! {
                changed = durable.changed() => if changed.is_err() { break },
                _ = shutdown.changed() => break,
            }
        }
    });
}
