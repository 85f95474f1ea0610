//! The bytes of log lines and snapshots, in their current version (see
//! [`super::upgrade`] for the versions and the steps from older ones).
//!
//! A log line is one JSON object on one line:
//!
//! ```text
//! {"format":4,"crc32c":C,"entry":{"revision":…,"command_id":…,"actor":…,"at":…,"events":[…]}}
//! {"format":4,"crc32c":C,"segment":{"first":F,"after":R,"after_crc32c":P}}
//! {"format":4,"crc32c":C,"end":{"next":N}}
//! ```
//!
//! `C` is the CRC32C of the bytes of `entry` (or `segment`, `end`) exactly as
//! written, so a flipped byte anywhere in them is detected. Every segment
//! starts with a `segment` header naming its first revision and the revision
//! and checksum of the line before it (the last line of the previous
//! segment), so segments form a chain: a missing or truncated segment breaks
//! it. A segment that was closed ends with an `end` line naming the revision
//! the next segment starts at: the newest segment has none, so losing the
//! newest segment leaves its predecessor promising one that is not there.
//! Version 1 lines (the bare entry, no checksum) are still read.

use std::io::Write;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use super::upgrade::{LOG_LINE, SNAPSHOT};

/// The checksum of a line's payload.
pub fn checksum(bytes: &[u8]) -> u32 {
    crc32c::crc32c(bytes)
}

/// The first line of every segment written since version 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentHeader {
    /// The revision of the segment's first entry (also in its file name).
    pub first: u64,
    /// The revision just before `first`: the last line of the previous
    /// segment, or the snapshot's revision.
    pub after: u64,
    /// The checksum of that line, when it was known as the segment started.
    #[serde(default)]
    pub after_crc32c: Option<u32>,
}

/// The last line of a closed segment: where the log goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentEnd {
    /// The first revision of the next segment (also in its file name).
    pub next: u64,
}

fn wrap(kind: &str, body: &[u8]) -> (Vec<u8>, u32) {
    let crc = checksum(body);
    let mut line = Vec::with_capacity(body.len() + 48);
    // Writing into a Vec cannot fail.
    let _ = write!(
        line,
        "{{\"format\":{},\"crc32c\":{crc},\"{kind}\":",
        LOG_LINE.current
    );
    line.extend_from_slice(body);
    line.push(b'}');
    (line, crc)
}

/// A log line for `entry` (without its newline) and its checksum.
pub fn encode_entry<T: Serialize>(entry: &T) -> Result<(Vec<u8>, u32), serde_json::Error> {
    Ok(wrap("entry", &serde_json::to_vec(entry)?))
}

/// The header line of a segment (without its newline).
pub fn encode_header(header: &SegmentHeader) -> Vec<u8> {
    // A struct of integers always encodes.
    let body = serde_json::to_vec(header).unwrap_or_default();
    wrap("segment", &body).0
}

/// The closing line of a segment (without its newline).
pub fn encode_end(end: &SegmentEnd) -> Vec<u8> {
    // A struct of integers always encodes.
    let body = serde_json::to_vec(end).unwrap_or_default();
    wrap("end", &body).0
}

/// The revision a segment's closing line names, if `line` is one.
pub fn closing_next(line: &[u8]) -> Option<u64> {
    match decode_line::<serde::de::IgnoredAny>(line) {
        Ok(Line::End(end)) => Some(end.next),
        _ => None,
    }
}

/// One decoded log line.
pub enum Line<L> {
    /// An entry and its checksum (for version 1 lines, the checksum of the
    /// whole line, so the chain can name it).
    Entry {
        entry: L,
        crc: u32,
    },
    Header(SegmentHeader),
    End(SegmentEnd),
}

#[derive(Deserialize)]
struct RawLine<'a> {
    #[serde(default)]
    format: Option<u64>,
    #[serde(default)]
    crc32c: Option<u32>,
    #[serde(borrow, default)]
    entry: Option<&'a RawValue>,
    #[serde(borrow, default)]
    segment: Option<&'a RawValue>,
    #[serde(borrow, default)]
    end: Option<&'a RawValue>,
}

/// Decodes one complete line; the error says why it cannot be trusted.
pub fn decode_line<L: DeserializeOwned>(bytes: &[u8]) -> Result<Line<L>, String> {
    let raw: RawLine = serde_json::from_slice(bytes).map_err(|e| format!("not JSON: {e}"))?;
    let Some(format) = raw.format else {
        // Version 1: the bare entry.
        let value: Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        let upgraded = LOG_LINE.upgrade(value).map_err(|e| e.to_string())?;
        let entry = upgraded.get("entry").cloned().unwrap_or(Value::Null);
        let entry = serde_json::from_value(entry).map_err(|e| e.to_string())?;
        return Ok(Line::Entry {
            entry,
            crc: checksum(bytes),
        });
    };
    LOG_LINE.check(format).map_err(|e| e.to_string())?;
    let (body, kind) = match (raw.entry, raw.segment, raw.end) {
        (Some(body), None, None) => (body, Kind::Entry),
        (None, Some(body), None) => (body, Kind::Header),
        (None, None, Some(body)) => (body, Kind::End),
        _ => return Err("neither an entry nor a segment header or end".into()),
    };
    let crc = checksum(body.get().as_bytes());
    match raw.crc32c {
        Some(stored) if stored == crc => {}
        Some(stored) => {
            return Err(format!(
                "checksum mismatch (stored {stored}, computed {crc}): the line was changed after it was written"
            ))
        }
        None => return Err("no checksum".into()),
    }
    if format < u64::from(LOG_LINE.current) {
        let value: Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        let upgraded = LOG_LINE.upgrade(value).map_err(|e| e.to_string())?;
        // Older lines are read once, at start-up: a second encoding is cheap.
        let body = upgraded.get(kind.key()).cloned().unwrap_or(Value::Null);
        return kind.decode(&body.to_string(), crc);
    }
    kind.decode(body.get(), crc)
}

/// What a line holds, by its one payload key.
#[derive(Clone, Copy)]
enum Kind {
    Entry,
    Header,
    End,
}

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::Entry => "entry",
            Kind::Header => "segment",
            Kind::End => "end",
        }
    }

    fn decode<L: DeserializeOwned>(self, body: &str, crc: u32) -> Result<Line<L>, String> {
        let error = |e: serde_json::Error| e.to_string();
        Ok(match self {
            Kind::Entry => Line::Entry {
                entry: serde_json::from_str(body).map_err(error)?,
                crc,
            },
            Kind::Header => Line::Header(serde_json::from_str(body).map_err(error)?),
            Kind::End => Line::End(serde_json::from_str(body).map_err(error)?),
        })
    }
}

/// Decodes a snapshot file of any readable version.
pub fn decode_snapshot<S: DeserializeOwned>(bytes: &[u8]) -> Result<S, String> {
    #[derive(Deserialize)]
    struct Probe {
        #[serde(default)]
        format: Option<u64>,
    }
    let probe: Probe = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let version = probe.format.unwrap_or(1);
    SNAPSHOT.check(version).map_err(|e| e.to_string())?;
    if version == u64::from(SNAPSHOT.current) {
        return serde_json::from_slice(bytes).map_err(|e| e.to_string());
    }
    let value: Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    let upgraded = SNAPSHOT.upgrade(value).map_err(|e| e.to_string())?;
    serde_json::from_value(upgraded).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Entry {
        revision: u64,
        text: String,
    }

    fn entry(line: &[u8]) -> Result<(Entry, u32), String> {
        match decode_line::<Entry>(line)? {
            Line::Entry { entry, crc } => Ok((entry, crc)),
            Line::Header(_) | Line::End(_) => Err("not an entry".into()),
        }
    }

    #[test]
    fn a_line_round_trips_and_any_changed_byte_is_caught() {
        let original = Entry {
            revision: 3,
            text: "smart working".into(),
        };
        let (line, crc) = encode_entry(&original).unwrap();
        assert!(
            line.starts_with(format!("{{\"format\":{},\"crc32c\":", LOG_LINE.current).as_bytes())
        );
        assert_eq!(entry(&line).unwrap(), (original, crc));
        let at = line.len() - 5;
        let mut flipped = line.clone();
        flipped[at] = b'X';
        let error = entry(&flipped).unwrap_err();
        assert!(error.contains("checksum mismatch"), "{error}");
    }

    #[test]
    fn a_version_1_line_is_read_and_a_newer_one_refused() {
        let v1 = br#"{"revision":1,"text":"old"}"#;
        let (old, crc) = entry(v1).unwrap();
        assert_eq!(old.text, "old");
        assert_eq!(crc, checksum(v1));
        let newer = format!(
            r#"{{"format":{},"crc32c":0,"entry":{{"revision":1,"text":"new"}}}}"#,
            LOG_LINE.current + 1
        );
        assert!(entry(newer.as_bytes()).unwrap_err().contains("newer Vela"));
    }

    #[test]
    fn a_version_2_line_is_read_with_its_checksum() {
        let body = br#"{"revision":1,"text":"before notifications"}"#;
        let crc = checksum(body);
        let v2 = format!(
            "{{\"format\":2,\"crc32c\":{crc},\"entry\":{}}}",
            String::from_utf8_lossy(body)
        );
        let (read, read_crc) = entry(v2.as_bytes()).unwrap();
        assert_eq!(read.text, "before notifications");
        assert_eq!(read_crc, crc);
    }

    #[test]
    fn headers_round_trip() {
        let header = SegmentHeader {
            first: 11,
            after: 10,
            after_crc32c: Some(42),
        };
        match decode_line::<Entry>(&encode_header(&header)).ok() {
            Some(Line::Header(h)) => assert_eq!(h, header),
            _ => panic!("header not read back"),
        }
    }

    #[test]
    fn ends_round_trip_and_are_told_apart() {
        let end = SegmentEnd { next: 12 };
        let line = encode_end(&end);
        assert_eq!(closing_next(&line), Some(12));
        assert_eq!(
            closing_next(&encode_header(&SegmentHeader {
                first: 1,
                after: 0,
                after_crc32c: None
            })),
            None
        );
        match decode_line::<Entry>(&line).ok() {
            Some(Line::End(e)) => assert_eq!(e, end),
            _ => panic!("end not read back"),
        }
        let mut flipped = line.clone();
        let at = flipped.len() - 3;
        flipped[at] = b'9';
        assert!(decode_line::<Entry>(&flipped).is_err());
    }
}
