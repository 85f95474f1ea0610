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
    /// only a torn last line is cut off (see [`super::log`]).
    #[error(
        "{}, line {line}: {reason}. This is not a torn last line from a crash, so the \
         server will not drop it; restore the file from a backup or repair it by hand",
        file.display()
    )]
    Corrupt {
        file: PathBuf,
        line: usize,
        reason: String,
    },
    /// A write to disk failed earlier: memory may be ahead of disk, so
    /// nothing more is accepted until a restart reloads from disk.
    #[error("the store refuses writes after a failed write to disk")]
    Unavailable,
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
