//! Why the store failed.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use uuid::Uuid;

/// A store failure. `Clone` because one failed fsync answers every command
/// of its group.
#[derive(Clone, Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: Arc<io::Error>,
    },
    /// Data on disk that cannot be read back. Never "repaired" silently:
    /// only a torn last line (no newline: never acknowledged) is cut off
    /// (see [`super::log`]); `salvage` says what an operator can do.
    #[error("{}, line {line}: {reason}. The server will not drop acknowledged data on its own. {salvage}", file.display())]
    Corrupt {
        file: PathBuf,
        line: usize,
        reason: String,
        salvage: String,
    },
    /// A write to disk failed (e.g. the disk is full). Nothing more is
    /// accepted until the writer has stored what memory already holds; it
    /// retries on its own, so this clears without a restart once the
    /// condition does.
    #[error("the store cannot write to disk right now (full or failing); it retries on its own")]
    Unavailable,
    /// The PostgreSQL store could not reach the database, or it refused a
    /// statement; what was not committed was not acknowledged.
    #[error("database: {0}")]
    Database(String),
    #[error("no organisation {0}")]
    UnknownOrganisation(Uuid),
    #[error("cannot encode for the store: {0}")]
    Encode(String),
}

impl StoreError {
    pub fn io(path: &Path, source: io::Error) -> Self {
        StoreError::Io {
            path: path.to_path_buf(),
            source: Arc::new(source),
        }
    }
}
