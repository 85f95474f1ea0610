//! Who did what, and when: the audit trail of accepted changes and the
//! security log, both read by an organisation's administrators through
//! `GET /api/audit` and never synced to any browser.
//!
//! - [`trail`]: one append-only trail per stored state, written from each
//!   durable revision. The log segments are deleted after
//!   each snapshot, so the trail keeps its own file: one line per revision,
//!   with when, who, the command's id and what changed on whom
//!   ([`vela_domain::audit::change`]), by id only.
//! - [`security`]: one security log for the whole deployment — sign-ins,
//!   failed sign-ins, passwords set, calendar feeds created or revoked,
//!   imports and single sign-ons ([`Audit::record`] is the one hook).
//! - [`query`]: filters, pages and the rows both routes answer; names are
//!   looked up in the current state when read, so an anonymised person is
//!   named nowhere, however old the line.
//! - Where they are kept: [`file`] (`security.jsonl` and
//!   `orgs/<id>/audit.jsonl` in the data directory) or, with
//!   `--database-url`, [`pg`] (tables shared by replicas, the trail written
//!   once per revision whichever replica wrote it). Same JSON lines in both.

pub mod file;
pub mod pg;
pub mod query;
pub mod security;
pub mod trail;

use std::sync::Arc;

use uuid::Uuid;
use vela_domain::ids::PersonId;

pub use file::FileAudit;
pub use pg::PgAudit;
pub use security::{SecurityEvent, SecurityKind};

use crate::org_store::OrgStore;
use crate::store::pg::DbError;
use query::Filter;
use security::SecurityLine;
use trail::{TrailError, TrailLine};

/// The audit trail and the security log, wherever they are kept: chosen
/// once at start-up, as the store is.
pub enum Audit {
    /// In the data directory (one server).
    File(Arc<FileAudit>),
    /// In the database, shared by replicas.
    Pg(PgAudit),
}

/// The lines a reader filters: the trail of one stored state and the
/// security log, each oldest first, read lazily on a blocking thread.
pub struct Lines {
    pub trail: Box<dyn Iterator<Item = TrailLine> + Send>,
    pub security: Box<dyn Iterator<Item = SecurityLine> + Send>,
    /// Set if the database failed while the lines were read.
    pub failure: pg::ReadFailure,
}

impl Audit {
    /// The audit files of `data_dir`.
    pub fn in_dir(data_dir: &std::path::Path) -> Self {
        Audit::File(Arc::new(FileAudit::new(data_dir)))
    }

    /// Records a security event. The hook for every route that signs
    /// someone in, changes a credential or imports people: `kind`, the
    /// person concerned (or acting), and a short detail (no secrets). A
    /// failed write is logged, never fatal to the request it describes.
    pub async fn record(&self, store: &OrgStore, event: SecurityEvent) {
        let line = security::line(store, event);
        let written = match self {
            Audit::File(f) => {
                let f = f.clone();
                tokio::task::spawn_blocking(move || f.append_security(&line))
                    .await
                    .map_err(|e| e.to_string())
                    .and_then(|w| w.map_err(|e| e.to_string()))
            }
            Audit::Pg(p) => p.record(&line).await.map_err(|e| e.to_string()),
        };
        if let Err(e) = written {
            tracing::error!("cannot write the security log: {e}");
        }
    }

    /// Writes the trail of every durable revision of `org` it lacks;
    /// returns the people those revisions anonymised (whoever writes a
    /// revision's trail forgets their credentials, once).
    pub async fn catch_up(
        &self,
        store: &Arc<OrgStore>,
        org: Uuid,
    ) -> Result<Vec<PersonId>, TrailError> {
        match self {
            Audit::File(f) => {
                let (f, store) = (f.clone(), store.clone());
                // File I/O: off the async workers.
                tokio::task::spawn_blocking(move || f.catch_up(&store, org)).await?
            }
            Audit::Pg(p) => p.catch_up(store, org).await,
        }
    }

    /// The lines of stored state `store_org`'s trail and of the security
    /// log that `filter` may keep (it still applies its rules to each).
    pub fn lines(&self, store_org: Uuid, filter: &Filter) -> Lines {
        let failure = pg::ReadFailure::default();
        match self {
            Audit::File(f) => Lines {
                trail: Box::new(f.trail_lines(store_org)),
                security: Box::new(f.security_lines()),
                failure,
            },
            Audit::Pg(p) => Lines {
                trail: Box::new(p.trail_lines(store_org, filter, &failure)),
                security: Box::new(p.security_lines(filter, &failure)),
                failure,
            },
        }
    }

    /// The newest `most` security lines about `person`, oldest first.
    pub async fn security_about(
        &self,
        person: Uuid,
        most: usize,
    ) -> Result<Vec<SecurityLine>, DbError> {
        match self {
            Audit::File(f) => {
                let f = f.clone();
                tokio::task::spawn_blocking(move || f.security_about(person, most))
                    .await
                    .map_err(|e| DbError(e.to_string()))
            }
            Audit::Pg(p) => p.security_about(person, most).await,
        }
    }
}
