//! The audit trail of one stored state: `orgs/<id>/audit.jsonl`, one line
//! per durable revision, appended by a follower that runs right behind the
//! store's durable revision (and once more at shutdown, before the final
//! snapshot). It reads the revisions the store keeps in memory, not the
//! segments, so compaction cannot take a revision away before the trail has
//! it — unless the follower fell more than `--recent-revisions` behind
//! (a crash between a revision's fsync and the trail's, then a snapshot
//! before the restart): then the trail writes a line saying which revisions
//! it could not describe rather than hiding the gap.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;
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
}

/// The newest revision each trail holds (read from its file once).
#[derive(Default)]
pub(super) struct Cursors(HashMap<Uuid, u64>);

impl Audit {
    /// Appends a line for every durable revision of `org` the trail lacks;
    /// returns the people those revisions anonymised. Blocking (file I/O).
    pub fn catch_up(&self, store: &OrgStore, org: Uuid) -> Result<Vec<PersonId>, TrailError> {
        let mut cursors = self.trail.lock().unwrap_or_else(|e| e.into_inner());
        let path = self.trail_path(org);
        let last = match cursors.0.get(&org) {
            Some(last) => *last,
            None => last_revision(&path),
        };
        let durable = *store.durable(org)?.borrow();
        if durable <= last {
            cursors.0.insert(org, last);
            return Ok(Vec::new());
        }
        let lines = match store.changes_since(org, last)? {
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
                    .collect::<Vec<_>>()
            })?,
            Changes::TooOld => {
                tracing::error!(%org, from = last + 1, until = durable, "the audit trail misses revisions that were compacted before it wrote them");
                vec![TrailLine {
                    format: AUDIT_LINE.current,
                    revision: durable,
                    at: crate::org_store::now(),
                    actor: Actor::System,
                    command_id: Uuid::nil(),
                    changes: Vec::new(),
                    missing_from: Some(last + 1),
                }]
            }
        };
        let Some(newest) = lines.last().map(|l| l.revision) else {
            return Ok(Vec::new());
        };
        let mut bytes = Vec::new();
        for line in &lines {
            // Serialising our own types cannot fail; skip rather than panic.
            if let Ok(mut json) = serde_json::to_vec(line) {
                json.push(b'\n');
                bytes.extend(json);
            }
        }
        super::append_bytes(&path, &bytes).map_err(|source| TrailError::Io {
            path: path.display().to_string(),
            source,
        })?;
        cursors.0.insert(org, newest);
        Ok(anonymised(&lines))
    }
}

/// The people anonymised in `lines` (the server then drops their account
/// and calendar feed, which live beside the state).
fn anonymised(lines: &[TrailLine]) -> Vec<PersonId> {
    lines
        .iter()
        .flat_map(|l| &l.changes)
        .filter(|c| c.change.kind == "directory.person_anonymised")
        .filter_map(|c| c.change.person)
        .collect()
}

/// The newest revision in a trail file (0 when there is none). A torn last
/// line (a crash mid-write) is ignored: its revision is written again.
fn last_revision(path: &Path) -> u64 {
    let Ok(file) = std::fs::File::open(path) else {
        return 0;
    };
    std::io::BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .filter_map(|line| serde_json::from_str::<RevisionOnly>(&line).ok())
        .map(|l| l.revision)
        .max()
        .unwrap_or(0)
}

#[derive(Deserialize)]
struct RevisionOnly {
    revision: u64,
}

/// What the server does when people are anonymised.
pub type OnAnonymised = Arc<dyn Fn(Vec<PersonId>) + Send + Sync>;

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
            let (a, s) = (audit.clone(), store.clone());
            match tokio::task::spawn_blocking(move || a.catch_up(&s, org)).await {
                Ok(Ok(people)) if !people.is_empty() => {
                    let forget = on_anonymised.clone();
                    // Rewrites files: off the async workers.
                    if let Err(e) = tokio::task::spawn_blocking(move || forget(people)).await {
                        tracing::error!(%org, "audit trail: {e}");
                    }
                }
                Ok(Ok(_)) => {}
                Ok(Err(e)) => tracing::error!(%org, "audit trail: {e}"),
                Err(e) => tracing::error!(%org, "audit trail: {e}"),
            }
            tokio::select! {
                changed = durable.changed() => if changed.is_err() { break },
                _ = shutdown.changed() => break,
            }
        }
    });
}
