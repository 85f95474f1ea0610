//! The audit in the data directory (one server): `security.jsonl` for the
//! deployment and `orgs/<id>/audit.jsonl` per stored state, JSON Lines
//! appended and synced. Blocking: called on blocking threads.

use std::collections::{HashMap, VecDeque};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use uuid::Uuid;
use vela_domain::ids::PersonId;

use super::security::SecurityLine;
use super::trail::{self, TrailError, TrailLine};
use crate::org_store::OrgStore;

/// The audit files of one data directory.
pub struct FileAudit {
    data_dir: PathBuf,
    /// One writer at a time for the security log; its lines are short.
    security: Mutex<()>,
    /// One catch-up at a time (the follower and a reader asking for the
    /// newest lines may race), and the newest revision each trail holds
    /// (read from its file once).
    trail: Mutex<HashMap<Uuid, u64>>,
}

impl FileAudit {
    /// The audit of `data_dir` (files are created when first written).
    pub fn new(data_dir: &Path) -> Self {
        FileAudit {
            data_dir: data_dir.to_owned(),
            security: Mutex::new(()),
            trail: Mutex::new(HashMap::new()),
        }
    }

    /// The security log's file.
    pub fn security_path(&self) -> PathBuf {
        self.data_dir.join("security.jsonl")
    }

    /// The audit trail of stored state `org`.
    pub fn trail_path(&self, org: Uuid) -> PathBuf {
        self.data_dir
            .join("orgs")
            .join(org.to_string())
            .join("audit.jsonl")
    }

    pub fn append_security(&self, line: &SecurityLine) -> std::io::Result<()> {
        let _one = self.security.lock().unwrap_or_else(|e| e.into_inner());
        let mut bytes = serde_json::to_vec(line).map_err(std::io::Error::other)?;
        bytes.push(b'\n');
        append_bytes(&self.security_path(), &bytes)
    }

    /// Appends a line for every durable revision of `org` the trail lacks;
    /// returns the people those revisions anonymised.
    pub fn catch_up(&self, store: &OrgStore, org: Uuid) -> Result<Vec<PersonId>, TrailError> {
        let mut cursors = self.trail.lock().unwrap_or_else(|e| e.into_inner());
        let path = self.trail_path(org);
        let last = match cursors.get(&org) {
            Some(last) => *last,
            None => last_revision(&path),
        };
        let lines = trail::describe(store, org, last)?;
        let Some(newest) = lines.last().map(|l| l.revision) else {
            cursors.insert(org, last);
            return Ok(Vec::new());
        };
        append_bytes(&path, &json_lines(&lines)).map_err(|source| TrailError::Io {
            path: path.display().to_string(),
            source,
        })?;
        cursors.insert(org, newest);
        Ok(trail::anonymised(&lines))
    }

    /// The trail of `org`, oldest first, read lazily.
    pub fn trail_lines(&self, org: Uuid) -> impl Iterator<Item = TrailLine> + Send + 'static {
        let path = self.trail_path(org);
        std::iter::once(()).flat_map(move |()| lines(&path))
    }

    /// The security log, oldest first, read lazily.
    pub fn security_lines(&self) -> impl Iterator<Item = SecurityLine> + Send + 'static {
        let path = self.security_path();
        std::iter::once(()).flat_map(move |()| lines(&path))
    }

    /// Writes a whole audit (`vela-server export`, into an empty
    /// directory).
    pub fn write_all(&self, dump: &super::pg::Dump) -> std::io::Result<()> {
        if !dump.security.is_empty() {
            append_bytes(&self.security_path(), &json_lines(&dump.security))?;
        }
        for (org, lines) in &dump.trails {
            append_bytes(&self.trail_path(*org), &json_lines(lines))?;
        }
        Ok(())
    }

    /// Reads a whole audit (`vela-server migrate`): the security log and
    /// the trails of stored states `orgs`.
    pub fn read_all(&self, orgs: &[Uuid]) -> super::pg::Dump {
        super::pg::Dump {
            security: self.security_lines().collect(),
            trails: orgs
                .iter()
                .map(|org| (*org, self.trail_lines(*org).collect::<Vec<_>>()))
                .filter(|(_, lines)| !lines.is_empty())
                .collect(),
        }
    }

    /// The newest `most` lines about `person`, oldest first.
    pub fn security_about(&self, person: Uuid, most: usize) -> Vec<SecurityLine> {
        let mut newest = VecDeque::new();
        for line in self.security_lines().filter(|l| l.person == Some(person)) {
            newest.push_back(line);
            if newest.len() > most {
                newest.pop_front();
            }
        }
        newest.into()
    }
}

/// `lines` as JSON Lines.
fn json_lines(lines: &[impl serde::Serialize]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for line in lines {
        // Serialising our own types cannot fail; skip rather than panic.
        if let Ok(mut json) = serde_json::to_vec(line) {
            json.push(b'\n');
            bytes.extend(json);
        }
    }
    bytes
}

/// The lines of a JSON Lines file that decode (a torn line is skipped, as
/// are lines of a newer format by the readers: they show what they can,
/// and never misread what a later Vela wrote).
fn lines<T: serde::de::DeserializeOwned>(path: &Path) -> impl Iterator<Item = T> + Send {
    let file = std::fs::File::open(path).ok();
    file.into_iter().flat_map(|f| {
        std::io::BufReader::new(f)
            .lines()
            .map_while(Result::ok)
            .filter_map(|line| serde_json::from_str::<T>(&line).ok())
    })
}

/// The newest revision in a trail file (0 when there is none). A torn last
/// line (a crash mid-write) is ignored: its revision is written again.
fn last_revision(path: &Path) -> u64 {
    #[derive(serde::Deserialize)]
    struct RevisionOnly {
        revision: u64,
    }
    lines::<RevisionOnly>(path)
        .map(|l| l.revision)
        .max()
        .unwrap_or(0)
}

/// Appends `bytes` (whole lines) and makes them durable. A torn last line
/// (a crash mid-write) is ended first, so it spoils only itself.
fn append_bytes(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom, Write};
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .read(true)
        .append(true)
        .open(path)?;
    let mut last = [b'\n'];
    if file.metadata()?.len() > 0 {
        file.seek(SeekFrom::End(-1))?;
        file.read_exact(&mut last)?;
    }
    if last[0] != b'\n' {
        file.write_all(b"\n")?;
    }
    file.write_all(bytes)?;
    file.sync_data()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_torn_line_spoils_only_itself() {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("security.jsonl");
        std::fs::write(&path, b"{\"format\":1,\"revis").expect("torn");
        append_bytes(&path, b"{\"revision\":2}\n").expect("append");
        let text = std::fs::read_to_string(&path).expect("read");
        assert_eq!(text.lines().last(), Some("{\"revision\":2}"));
        assert_eq!(last_revision(&path), 2);
    }
}
