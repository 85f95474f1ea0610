//! Every durable format the server writes, its current version, and the
//! steps that bring an older version up to date.
//!
//! A format's version is written in each of its files or lines (`"format": N`
//! at the top level); version 1 is what Vela wrote before formats carried a
//! version, recognised by the absence of the field. Reading something older
//! than current runs it through one step per version, in order, as JSON
//! (`serde_json::Value`), then decodes it with today's types. Something newer
//! than current is refused: it was written by a later Vela, and reading it
//! with older types could drop what they do not know.
//!
//! To change a format: bump its `current` below, write `vN_to_vN+1` here
//! (JSON in, JSON out, no I/O, no clock), append it to the format's `steps`,
//! add its test next to the others, and keep the old fixtures under
//! `server/tests/fixtures/` (they prove every later build still reads them).

use serde_json::{Map, Value};

/// One version step: the JSON of version N in, of version N + 1 out.
pub type Step = fn(Value) -> Result<Value, UpgradeError>;

/// Why something could not be brought to the current version.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UpgradeError {
    #[error("written by a newer Vela ({name} format {found}; this build reads up to {current})")]
    TooNew {
        name: &'static str,
        found: u64,
        current: u32,
    },
    #[error("{name} format {from}: {reason}")]
    Step {
        name: &'static str,
        from: u32,
        reason: String,
    },
}

/// A durable format: its name (for messages), its current version and the
/// steps from version 1 (`steps[0]` goes from 1 to 2, `steps[i]` from
/// `i + 1` to `i + 2`), so `steps.len() + 1 == current`.
pub struct Format {
    pub name: &'static str,
    pub current: u32,
    pub steps: &'static [Step],
}

/// One line of an organisation's log (`orgs/<id>/log-*.jsonl`).
pub const LOG_LINE: Format = Format {
    name: "log line",
    current: 5,
    steps: &[
        log_line_v1_to_v2,
        log_line_v2_to_v3,
        log_line_v3_to_v4,
        log_line_v4_to_v5,
    ],
};

/// An organisation's snapshot (`orgs/<id>/snapshot.json`).
pub const SNAPSHOT: Format = Format {
    name: "snapshot",
    current: 4,
    steps: &[snapshot_v1_to_v2, snapshot_v2_to_v3, snapshot_v3_to_v4],
};

/// `accounts.json`.
pub const ACCOUNTS: Format = Format {
    name: "accounts",
    current: 2,
    steps: &[accounts_v1_to_v2],
};

/// `feeds.json`.
pub const FEEDS: Format = Format {
    name: "feeds",
    current: 2,
    steps: &[feeds_v1_to_v2],
};

/// One line of an organisation's audit trail (`orgs/<id>/audit.jsonl`).
pub const AUDIT_LINE: Format = Format {
    name: "audit line",
    current: 1,
    steps: &[],
};

/// One line of the security log (`security.jsonl`).
pub const SECURITY_LINE: Format = Format {
    name: "security line",
    current: 1,
    steps: &[],
};

/// Every format, for the documentation test that checks each registry.
pub const ALL: [&Format; 6] = [
    &LOG_LINE,
    &SNAPSHOT,
    &ACCOUNTS,
    &FEEDS,
    &AUDIT_LINE,
    &SECURITY_LINE,
];

/// The version a JSON value names (`1` when it names none).
pub fn version_of(value: &Value) -> u64 {
    value.get("format").and_then(Value::as_u64).unwrap_or(1)
}

impl Format {
    /// Brings `value` to the current version; a current value is returned
    /// untouched.
    pub fn upgrade(&self, mut value: Value) -> Result<Value, UpgradeError> {
        let found = version_of(&value);
        if found > u64::from(self.current) || found == 0 {
            return Err(UpgradeError::TooNew {
                name: self.name,
                found,
                current: self.current,
            });
        }
        // `found` is at most `current`, a u32.
        let mut version = u32::try_from(found).unwrap_or(self.current);
        while version < self.current {
            let step = self
                .steps
                .get(version as usize - 1)
                .ok_or_else(|| UpgradeError::Step {
                    name: self.name,
                    from: version,
                    reason: "no step registered".into(),
                })?;
            value = step(value).map_err(|e| match e {
                UpgradeError::Step { reason, .. } => UpgradeError::Step {
                    name: self.name,
                    from: version,
                    reason,
                },
                other => other,
            })?;
            version += 1;
            debug_assert_eq!(version_of(&value), u64::from(version));
        }
        Ok(value)
    }

    /// Refuses a version this build cannot read (for readers that decode the
    /// current version directly, without going through JSON).
    pub fn check(&self, found: u64) -> Result<(), UpgradeError> {
        if found == 0 || found > u64::from(self.current) {
            return Err(UpgradeError::TooNew {
                name: self.name,
                found,
                current: self.current,
            });
        }
        Ok(())
    }
}

fn object(value: Value, what: &str) -> Result<Map<String, Value>, UpgradeError> {
    match value {
        Value::Object(map) => Ok(map),
        _ => Err(UpgradeError::Step {
            name: "",
            from: 0,
            reason: format!("{what} is not a JSON object"),
        }),
    }
}

/// Log line 1 → 2. A version 1 line is the bare entry
/// (`{"revision", "command_id", "actor", "at", "events"}`); version 2 wraps
/// it as `{"format": 2, "crc32c": C, "entry": {…}}` where `C` checksums the
/// entry's bytes as written. An upgraded line gets no checksum: version 1
/// never had one, and one computed now would vouch for bytes never stored.
pub fn log_line_v1_to_v2(entry: Value) -> Result<Value, UpgradeError> {
    let entry = object(entry, "the log line")?;
    let mut line = Map::new();
    line.insert("format".into(), Value::from(2));
    line.insert("entry".into(), Value::Object(entry));
    Ok(Value::Object(line))
}

/// Snapshot 1 → 2. Version 1 stored the whole in-memory state, derived
/// indexes included; version 2 stores records only and rebuilds the indexes
/// on load, so the agile area's indexes are dropped here (decoding rebuilds
/// them). The idempotency list (`accepted`) keeps its shape.
pub fn snapshot_v1_to_v2(snapshot: Value) -> Result<Value, UpgradeError> {
    let mut snapshot = object(snapshot, "the snapshot")?;
    if let Some(Value::Object(agile)) = snapshot.get_mut("state").and_then(|s| s.get_mut("agile")) {
        for derived in ["absence_starts", "team_days", "members", "agreements"] {
            agile.remove(derived);
        }
    }
    snapshot.insert("format".into(), Value::from(2));
    Ok(Value::Object(snapshot))
}

/// Log line 2 → 3. Version 3 lines may hold the notifications area's
/// events (`{"area": "notifications", …}`), the `partnership_admin` role and
/// `set_up_organisation`'s first administrator, which a version 2 reader does
/// not know; the shape is the same, so the step only renames the version.
/// The checksum covers the entry's bytes, which do not change.
pub fn log_line_v2_to_v3(line: Value) -> Result<Value, UpgradeError> {
    let mut line = object(line, "the log line")?;
    line.insert("format".into(), Value::from(3));
    Ok(Value::Object(line))
}

/// Log line 3 → 4. Version 4 adds a line kind, the `end` that closes a
/// segment (`{"end":{"next":N}}`), which a version 3 reader would take for
/// corruption; entries and headers keep their shape, so the step only
/// renames the version (the checksum covers the body, which does not change).
pub fn log_line_v3_to_v4(line: Value) -> Result<Value, UpgradeError> {
    let mut line = object(line, "the log line")?;
    line.insert("format".into(), Value::from(4));
    Ok(Value::Object(line))
}

/// Log line 4 → 5. Version 5 entries may hold what a version 4 reader does
/// not know: the `person_deactivated` and `person_anonymised` events, a
/// person's `employee_number`, an organisation's public `notices`, the
/// `parental` kind of absence, and the commands behind them. The shape of
/// every line is the same, so the step only renames the version.
pub fn log_line_v4_to_v5(line: Value) -> Result<Value, UpgradeError> {
    let mut line = object(line, "the log line")?;
    line.insert("format".into(), Value::from(5));
    Ok(Value::Object(line))
}

/// Snapshot 3 → 4. A version 4 state may hold people's employee numbers,
/// organisations' public notices, the directory's `departures` (the day each
/// person left, and whether they were anonymised) and absences of the
/// `parental` kind; a version 3 state has none of them, and each is empty
/// when absent, so the step only renames the version.
pub fn snapshot_v3_to_v4(snapshot: Value) -> Result<Value, UpgradeError> {
    let mut snapshot = object(snapshot, "the snapshot")?;
    snapshot.insert("format".into(), Value::from(4));
    Ok(Value::Object(snapshot))
}

/// Snapshot 2 → 3. Version 3's state has a `notifications` part (each
/// person's inbox and mail preferences) and people may hold the
/// `partnership_admin` role; a version 2 state had neither, so the
/// notifications start empty and no role changes.
pub fn snapshot_v2_to_v3(snapshot: Value) -> Result<Value, UpgradeError> {
    let mut snapshot = object(snapshot, "the snapshot")?;
    if let Some(Value::Object(state)) = snapshot.get_mut("state") {
        state
            .entry("notifications")
            .or_insert_with(|| serde_json::json!({"inbox": {}, "preferences": {}}));
    }
    snapshot.insert("format".into(), Value::from(3));
    Ok(Value::Object(snapshot))
}

/// Accounts 1 → 2: version 1 is the bare map username → account; version 2
/// is `{"format": 2, "accounts": {…}}`.
pub fn accounts_v1_to_v2(accounts: Value) -> Result<Value, UpgradeError> {
    let accounts = object(accounts, "accounts.json")?;
    let mut out = Map::new();
    out.insert("format".into(), Value::from(2));
    out.insert("accounts".into(), Value::Object(accounts));
    Ok(Value::Object(out))
}

/// Feeds 1 → 2: version 1 is the bare map person → feed; version 2 is
/// `{"format": 2, "feeds": {…}}`.
pub fn feeds_v1_to_v2(feeds: Value) -> Result<Value, UpgradeError> {
    let feeds = object(feeds, "feeds.json")?;
    let mut out = Map::new();
    out.insert("format".into(), Value::from(2));
    out.insert("feeds".into(), Value::Object(feeds));
    Ok(Value::Object(out))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn every_format_has_one_step_per_version() {
        for format in ALL {
            assert_eq!(
                format.steps.len() + 1,
                format.current as usize,
                "{}: steps and version disagree",
                format.name
            );
        }
    }

    #[test]
    fn a_current_value_is_untouched_and_a_newer_one_refused() {
        let current = u64::from(LOG_LINE.current);
        let line = json!({"format": current, "crc32c": 7, "entry": {"revision": 1}});
        assert_eq!(LOG_LINE.upgrade(line.clone()), Ok(line));
        assert!(matches!(
            LOG_LINE.upgrade(json!({"format": current + 1, "entry": {}})),
            Err(UpgradeError::TooNew { found, .. }) if found == current + 1
        ));
        assert!(LOG_LINE.check(current).is_ok());
        assert!(LOG_LINE.check(current + 1).is_err());
    }

    #[test]
    fn log_line_v1_to_v2_wraps_the_entry_without_a_checksum() {
        let v1 = json!({"revision": 4, "command_id": "00000000-0000-0000-0000-000000000004",
            "actor": "system", "at": "2026-01-05T08:00:00Z", "events": []});
        let v2 = log_line_v1_to_v2(v1.clone()).unwrap();
        assert_eq!(v2, json!({"format": 2, "entry": v1}));
        assert!(LOG_LINE.upgrade(json!([1, 2])).is_err());
    }

    #[test]
    fn snapshot_v1_to_v2_drops_the_derived_indexes_and_keeps_the_records() {
        let v1 = json!({
            "revision": 9,
            "state": {"agile": {
                "days": {"p": {}}, "requests": {}, "absences": {},
                "absence_starts": {"p": {}}, "team_days": {"t": {}},
                "members": {"t": ["p"]}, "agreements": {"p": ["a"]}
            }, "directory": {"teams": {}}},
            "accepted": [{"id": "x", "revision": 9, "actor": "system"}]
        });
        let v2 = snapshot_v1_to_v2(v1).unwrap();
        assert_eq!(
            v2,
            json!({
                "format": 2,
                "revision": 9,
                "state": {"agile": {"days": {"p": {}}, "requests": {}, "absences": {}},
                    "directory": {"teams": {}}},
                "accepted": [{"id": "x", "revision": 9, "actor": "system"}]
            })
        );
    }

    #[test]
    fn log_line_v2_to_v3_renames_the_version_only() {
        let entry = json!({"revision": 4, "command_id": "00000000-0000-0000-0000-000000000004",
            "actor": {"kind": "system"}, "at": "2026-01-05T08:00:00Z", "events": []});
        let v2 = json!({"format": 2, "crc32c": 12345, "entry": entry});
        assert_eq!(
            log_line_v2_to_v3(v2).unwrap(),
            json!({"format": 3, "crc32c": 12345, "entry": entry})
        );
    }

    #[test]
    fn log_line_v4_to_v5_and_snapshot_v3_to_v4_rename_the_version_only() {
        let entry = json!({"revision": 9, "command_id": "00000000-0000-0000-0000-000000000009",
            "actor": {"kind": "system"}, "at": "2026-12-04T08:00:00Z", "events": []});
        assert_eq!(
            LOG_LINE
                .upgrade(json!({"format": 4, "crc32c": 5, "entry": entry}))
                .unwrap(),
            json!({"format": 5, "crc32c": 5, "entry": entry})
        );
        let state = json!({"directory": {"people": {}}});
        let v3 = json!({"format": 3, "revision": 9, "accepted": [], "state": state});
        assert_eq!(
            SNAPSHOT.upgrade(v3).unwrap(),
            json!({"format": 4, "revision": 9, "accepted": [], "state": state})
        );
    }

    #[test]
    fn log_line_v3_to_v4_renames_the_version_only() {
        let header = json!({"first": 11, "after": 10, "after_crc32c": 7});
        let v3 = json!({"format": 3, "crc32c": 99, "segment": header});
        assert_eq!(
            log_line_v3_to_v4(v3).unwrap(),
            json!({"format": 4, "crc32c": 99, "segment": header})
        );
    }

    #[test]
    fn snapshot_v2_to_v3_gives_the_state_empty_notifications() {
        let v2 = json!({
            "format": 2,
            "revision": 9,
            "state": {"directory": {"teams": {}}, "agile": {"days": {}}},
            "accepted": []
        });
        assert_eq!(
            snapshot_v2_to_v3(v2).unwrap(),
            json!({
                "format": 3,
                "revision": 9,
                "state": {"directory": {"teams": {}}, "agile": {"days": {}},
                    "notifications": {"inbox": {}, "preferences": {}}},
                "accepted": []
            })
        );
    }

    #[test]
    fn accounts_and_feeds_v1_to_v2_wrap_the_bare_map() {
        let accounts = json!({"giulia": {"person_id": "p"}});
        assert_eq!(
            ACCOUNTS.upgrade(accounts.clone()).unwrap(),
            json!({"format": 2, "accounts": accounts})
        );
        let feeds = json!({"p": {"hash": "h"}});
        assert_eq!(
            FEEDS.upgrade(feeds.clone()).unwrap(),
            json!({"format": 2, "feeds": feeds})
        );
        // A user named "format" is still a version 1 map.
        let odd = json!({"format": {"person_id": "p"}});
        assert_eq!(
            ACCOUNTS.upgrade(odd.clone()).unwrap(),
            json!({"format": 2, "accounts": odd})
        );
    }
}
