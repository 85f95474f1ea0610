//! The app's copy of what the person may see, and the commands the server
//! has not confirmed yet.
//!
//! What the UI shows is [`Replica::view`]: the confirmed state (as of
//! `revision`) with the pending commands applied on top by the same
//! `vela_domain::apply` the server runs. A pull replaces or advances the
//! confirmed state; pending commands are then re-applied on it (rebase).
//! An accepted command stays in the outbox until a pull brings its revision,
//! so its effect never blinks out between the push answer and the pull.
//!
//! In browser storage the two halves live apart, because they are worth
//! very different things: the outbox ([`StoredOutbox`]) is the person's
//! unsent work and is never dropped, while the confirmed state
//! ([`StoredCache`]) is a copy of the server that can always be pulled
//! again, so a cache this build cannot read is simply discarded.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use vela_domain::sync::{Envelope, PullResponse, PushResult};
use vela_domain::{apply, Actor, Command, Rejection, State};

/// The version of both stored formats written by this build. A step to a
/// new version adds a reader for this one to [`read_outbox`].
pub const FORMAT_VERSION: u32 = 2;

/// A command waiting for the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    pub id: Uuid,
    pub command: Command,
    pub created: DateTime<Utc>,
    /// The revision the server gave it, once accepted.
    #[serde(default)]
    pub accepted_at: Option<u64>,
}

/// Why the server will never take a command.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// A rule of the domain refused it.
    Rule { rejection: Rejection },
    /// Its id was already used by someone else's command.
    IdInUse,
    /// The server refused the request carrying it (a 4xx answer other than
    /// a lost session), with its error code and message.
    Request {
        status: u16,
        code: String,
        message: String,
    },
}

/// A command the server refused: shown to the person until dismissed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Refused {
    pub id: Uuid,
    pub command: Command,
    pub reason: Reason,
}

/// The outbox as kept in browser storage, under its own key per person:
/// `{"version": 2, "commands": [Pending…], "refused": [Refused…]}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredOutbox {
    pub version: u32,
    pub commands: Vec<Pending>,
    #[serde(default)]
    pub refused: Vec<Refused>,
}

impl StoredOutbox {
    /// Whether there is nothing in it worth keeping.
    pub fn is_empty(&self) -> bool {
        self.commands.is_empty() && self.refused.is_empty()
    }
}

/// The confirmed state as cached in browser storage:
/// `{"version": 2, "revision": R, "confirmed": State}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredCache {
    pub version: u32,
    pub revision: u64,
    pub confirmed: State,
}

/// Reads a stored outbox; an error names what this build cannot read, and
/// the caller must then keep the text as it is.
pub fn read_outbox(text: &str) -> Result<StoredOutbox, String> {
    #[derive(Deserialize)]
    struct Version {
        version: u32,
    }
    let Version { version } = crate::json::from_text(text).map_err(|e| e.to_string())?;
    if version != FORMAT_VERSION {
        return Err(format!("outbox format version {version}"));
    }
    crate::json::from_text(text).map_err(|e| e.to_string())
}

/// Reads a cached confirmed state; `None` when it is of another version or
/// unreadable (it is then dropped and pulled again).
pub fn read_cache(text: &str) -> Option<StoredCache> {
    crate::json::from_text::<StoredCache>(text)
        .ok()
        .filter(|cache| cache.version == FORMAT_VERSION)
}

/// Takes the outbox out of the unversioned record of earlier builds, which
/// kept confirmed state and outbox together: `{"revision", "confirmed",
/// "outbox": [Pending…], "refused": [{"id", "command", "rejection"}…]}`.
/// The confirmed state is not read at all: it is pulled again.
pub fn read_legacy(text: &str) -> Result<StoredOutbox, String> {
    #[derive(Deserialize)]
    struct LegacyRefused {
        id: Uuid,
        command: Command,
        rejection: Rejection,
    }
    #[derive(Deserialize)]
    struct Legacy {
        #[serde(default)]
        outbox: Vec<Pending>,
        #[serde(default)]
        refused: Vec<LegacyRefused>,
    }
    let legacy: Legacy = crate::json::from_text(text).map_err(|e| e.to_string())?;
    Ok(StoredOutbox {
        version: FORMAT_VERSION,
        commands: legacy.outbox,
        refused: legacy
            .refused
            .into_iter()
            .map(|r| Refused {
                id: r.id,
                command: r.command,
                reason: Reason::Rule {
                    rejection: r.rejection,
                },
            })
            .collect(),
    })
}

/// What start-up makes of a person's stored outbox and the record of
/// earlier builds, read as far as possible. Decoding commands takes the
/// `codec` piece, so the client does this after the first page shows.
#[derive(Debug, Default, PartialEq)]
pub struct LoadedOutbox {
    pub stored: StoredOutbox,
    /// A stored outbox this build cannot read: its text, to be kept as is
    /// (never written over) and offered for download, and why.
    pub unreadable: Option<Unreadable>,
    /// The outbox must be written to its key (something was migrated).
    pub save_outbox: bool,
    /// The record of earlier builds must be removed (its outbox is moved).
    pub drop_legacy: bool,
}

/// A stored outbox that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// Which key holds it: the outbox's own, or the record of earlier builds.
    pub legacy: bool,
    pub text: String,
    pub error: String,
}

/// Reads the outbox and the record of earlier builds of one person.
pub fn load_outbox(outbox: Option<&str>, legacy: Option<&str>) -> LoadedOutbox {
    let mut loaded = LoadedOutbox {
        stored: StoredOutbox {
            version: FORMAT_VERSION,
            ..StoredOutbox::default()
        },
        ..LoadedOutbox::default()
    };
    if let Some(text) = outbox {
        match read_outbox(text) {
            Ok(read) => loaded.stored = read,
            Err(error) => {
                loaded.unreadable = Some(Unreadable {
                    legacy: false,
                    text: text.to_string(),
                    error,
                })
            }
        }
    }
    if let Some(text) = legacy {
        match read_legacy(text) {
            Ok(old) => {
                // The old record's commands are older than anything queued
                // under the new key, so they go first.
                let stored = &mut loaded.stored;
                let known: HashSet<Uuid> = stored.commands.iter().map(|p| p.id).collect();
                let mut commands: Vec<Pending> = old
                    .commands
                    .into_iter()
                    .filter(|p| !known.contains(&p.id))
                    .collect();
                commands.append(&mut stored.commands);
                stored.commands = commands;
                stored.refused.splice(0..0, old.refused);
                loaded.save_outbox = true;
                loaded.drop_legacy = true;
            }
            Err(error) => {
                if loaded.unreadable.is_none() {
                    loaded.unreadable = Some(Unreadable {
                        legacy: true,
                        text: text.to_string(),
                        error,
                    });
                }
            }
        }
    }
    loaded
}

/// The confirmed half at start-up, with an empty outbox, and whether the
/// cache must be removed (of another version, or unreadable). While a
/// record of earlier builds is still there the cache is not used: its
/// outbox may hold commands accepted at revisions of a cache that is gone,
/// so the next pull is a snapshot, and pruning after it removes them.
pub fn load_cache(cache: Option<&str>, legacy_present: bool) -> (Replica, bool) {
    let read = cache.map(read_cache);
    let drop_cache = matches!(read, Some(None));
    let replica = match read.flatten() {
        Some(cache) if !legacy_present => Replica {
            revision: cache.revision,
            confirmed: cache.confirmed,
            ..Replica::default()
        },
        _ => Replica::default(),
    };
    (replica, drop_cache)
}

/// A stored outbox read as JSON only, without decoding its commands: its
/// `commands` and `refused` arrays, if it is of this build's version.
fn outbox_arrays(text: &str) -> Option<(Vec<serde_json::Value>, Vec<serde_json::Value>)> {
    let serde_json::Value::Object(mut outbox) = serde_json::from_str(text).ok()? else {
        return None;
    };
    if outbox.get("version")?.as_u64()? != u64::from(FORMAT_VERSION) {
        return None;
    }
    let mut array = |key: &str| match outbox.remove(key) {
        Some(serde_json::Value::Array(items)) => Some(items),
        None => Some(Vec::new()),
        Some(_) => None,
    };
    Some((array("commands")?, array("refused")?))
}

/// How many commands a stored outbox holds (`None`: not one this build
/// reads). Counted without the command decoders, which the login form
/// does not load.
pub fn count_commands(text: &str) -> Option<usize> {
    outbox_arrays(text).map(|(commands, _)| commands.len())
}

/// Whether a stored outbox holds nothing worth keeping. One this build
/// cannot read holds something.
pub fn holds_nothing(text: &str) -> bool {
    outbox_arrays(text).is_some_and(|(commands, refused)| commands.is_empty() && refused.is_empty())
}

/// The stored outbox `text` (not decoded yet) with the commands of
/// `fresh` it does not hold added after its own: what was submitted since
/// start-up, saved before the stored commands could be read. `None` when
/// `text` is not an outbox this build reads (it is then never written over).
pub fn append_unread(text: &str, fresh: &StoredOutbox) -> Option<String> {
    let (mut commands, refused) = outbox_arrays(text)?;
    let id = |v: &serde_json::Value| v.get("id").and_then(|id| id.as_str()).map(str::to_owned);
    let known: HashSet<String> = commands.iter().filter_map(id).collect();
    for pending in &fresh.commands {
        if !known.contains(&pending.id.to_string()) {
            commands.push(serde_json::to_value(pending).ok()?);
        }
    }
    crate::json::to_text(&serde_json::json!({
        "version": FORMAT_VERSION,
        "commands": commands,
        "refused": refused,
    }))
    .ok()
}

/// What start-up makes of the three stored texts of one person, as the
/// client does it in two steps (tests only).
#[cfg(test)]
#[derive(Debug, Default, PartialEq)]
pub struct Loaded {
    pub replica: Replica,
    pub unreadable: Option<Unreadable>,
    pub save_outbox: bool,
    pub drop_cache: bool,
    pub drop_legacy: bool,
}

#[cfg(test)]
pub fn load(outbox: Option<&str>, cache: Option<&str>, legacy: Option<&str>) -> Loaded {
    let (mut replica, drop_cache) = load_cache(cache, legacy.is_some());
    let read = load_outbox(outbox, legacy);
    replica.restore(read.stored);
    Loaded {
        replica,
        unreadable: read.unreadable,
        save_outbox: read.save_outbox,
        drop_cache,
        drop_legacy: read.drop_legacy,
    }
}

/// Confirmed state, revision and outbox of one person.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Replica {
    pub revision: u64,
    pub confirmed: State,
    pub outbox: Vec<Pending>,
    pub refused: Vec<Refused>,
}

/// Bytes of `{"commands":[` and `]}` around the envelopes of a push.
const PUSH_FRAME: usize = 16;

impl Replica {
    /// The outbox half, as stored.
    pub fn stored_outbox(&self) -> StoredOutbox {
        StoredOutbox {
            version: FORMAT_VERSION,
            commands: self.outbox.clone(),
            refused: self.refused.clone(),
        }
    }

    /// Takes in the stored outbox once it is decoded. Its commands are
    /// older than any submitted since start-up, so they go first; one in
    /// both (saved meanwhile by [`append_unread`]) is kept once.
    pub fn restore(&mut self, stored: StoredOutbox) {
        let known: HashSet<Uuid> = stored.commands.iter().map(|p| p.id).collect();
        let fresh = std::mem::replace(&mut self.outbox, stored.commands);
        self.outbox
            .extend(fresh.into_iter().filter(|p| !known.contains(&p.id)));
        let known: HashSet<Uuid> = stored.refused.iter().map(|r| r.id).collect();
        let refused = std::mem::replace(&mut self.refused, stored.refused);
        self.refused
            .extend(refused.into_iter().filter(|r| !known.contains(&r.id)));
        self.prune();
    }

    /// The confirmed half, as cached.
    pub fn stored_cache(&self) -> StoredCache {
        StoredCache {
            version: FORMAT_VERSION,
            revision: self.revision,
            confirmed: self.confirmed.clone(),
        }
    }

    /// What the person sees: the confirmed state with every pending command
    /// applied in order. A pending command that no longer applies (the state
    /// moved under it) adds nothing; the server will refuse it and say why.
    pub fn view(&self, actor: &Actor, now: DateTime<Utc>) -> State {
        let mut state = self.confirmed.clone();
        for pending in self.outbox.iter().filter(|p| !self.is_confirmed(p)) {
            if let Ok(events) = apply(&state, actor, &pending.command, now) {
                for event in &events {
                    state.apply_event(event);
                }
            }
        }
        state
    }

    /// Queues `command` if the rules accept it on what the person sees now;
    /// otherwise returns the rule it breaks and queues nothing.
    pub fn submit(
        &mut self,
        id: Uuid,
        command: Command,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), Rejection> {
        apply(&self.view(actor, now), actor, &command, now)?;
        self.outbox.push(Pending {
            id,
            command,
            created: now,
            accepted_at: None,
        });
        Ok(())
    }

    /// The commands to push, in order: those the server has not answered.
    pub fn unsent(&self) -> impl Iterator<Item = &Pending> {
        self.outbox.iter().filter(|p| p.accepted_at.is_none())
    }

    /// The next push: the oldest unanswered commands, as many as fit in
    /// `max_commands` and a body of `max_bytes`. A single command larger
    /// than that still goes alone, so the server's answer says why it
    /// cannot be taken instead of it blocking the queue.
    pub fn next_chunk(&self, max_commands: usize, max_bytes: usize) -> Vec<Envelope> {
        let mut chunk = Vec::new();
        let mut bytes = PUSH_FRAME;
        for pending in self.unsent().take(max_commands) {
            let envelope = Envelope {
                id: pending.id,
                command: pending.command.clone(),
            };
            // One comma between envelopes.
            let size = crate::json::to_text(&envelope).map_or(0, |t| t.len()) + 1;
            if !chunk.is_empty() && bytes + size > max_bytes {
                break;
            }
            bytes += size;
            chunk.push(envelope);
        }
        chunk
    }

    /// Number of changes still waiting for confirmation.
    pub fn waiting(&self) -> usize {
        self.outbox.iter().filter(|p| !self.is_confirmed(p)).count()
    }

    /// Records the server's answers to a push.
    pub fn pushed(&mut self, results: &[PushResult]) {
        for result in results {
            match result {
                PushResult::Accepted { id, revision } => {
                    if let Some(p) = self.outbox.iter_mut().find(|p| p.id == *id) {
                        p.accepted_at = Some(*revision);
                    }
                }
                PushResult::Rejected { id, rejection, .. } => self.refuse(
                    *id,
                    Reason::Rule {
                        rejection: rejection.clone(),
                    },
                ),
                PushResult::IdInUse { id } => self.refuse(*id, Reason::IdInUse),
            }
        }
        self.prune();
    }

    /// Moves the command `id` from the outbox to the refused ones: the
    /// server will never take it, for `reason`.
    pub fn refuse(&mut self, id: Uuid, reason: Reason) {
        if let Some(index) = self.outbox.iter().position(|p| p.id == id) {
            let pending = self.outbox.remove(index);
            self.refused.push(Refused {
                id: pending.id,
                command: pending.command,
                reason,
            });
        }
    }

    /// Takes in a pull: a snapshot replaces the confirmed state, changes
    /// advance it; either way pending commands are re-applied on top by `view`.
    pub fn pulled(&mut self, pull: PullResponse) {
        if let Some(snapshot) = pull.snapshot {
            self.confirmed = snapshot;
        } else {
            for change in pull.changes.iter().filter(|c| c.revision > self.revision) {
                for event in &change.events {
                    self.confirmed.apply_event(event);
                }
            }
        }
        self.revision = pull.revision;
        self.prune();
    }

    /// Forgets a refused command once the person has read why.
    pub fn dismiss(&mut self, id: Uuid) {
        self.refused.retain(|r| r.id != id);
    }

    fn is_confirmed(&self, pending: &Pending) -> bool {
        pending
            .accepted_at
            .is_some_and(|revision| revision <= self.revision)
    }

    fn prune(&mut self) {
        let revision = self.revision;
        self.outbox
            .retain(|p| p.accepted_at.is_none_or(|r| r > revision));
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone};
    use vela_domain::directory::{Command as Dir, Language};
    use vela_domain::ids::{OrgId, PersonId};
    use vela_domain::rejection::CommonRejection;
    use vela_domain::sync::Change;

    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap()
    }

    /// The demo organisation, and Giulia's and Luca's ids.
    fn demo() -> (State, PersonId, PersonId) {
        let mut counter = 0u128;
        let mut ids = || {
            counter += 1;
            Uuid::from_u128(counter)
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut state = State::default();
        for (actor, command) in vela_domain::demo::commands(OrgId::from_u128(1), today, &mut ids) {
            state.execute(&actor, &command, now()).unwrap();
        }
        let id = |name| state.directory.by_username(name).unwrap().id;
        let (giulia, luca) = (id("giulia"), id("luca"));
        (state, giulia, luca)
    }

    fn language(km: u32) -> Command {
        Command::Directory(Dir::SetLanguage {
            language: if km == 0 { Language::It } else { Language::En },
        })
    }

    fn commute(person: PersonId, km: u32) -> Command {
        Command::Directory(Dir::SetCommute { person, km })
    }

    fn replica(state: State) -> Replica {
        Replica {
            revision: 10,
            confirmed: state,
            ..Replica::default()
        }
    }

    #[test]
    fn pending_commands_show_on_top_of_the_confirmed_state() {
        let (state, giulia, _) = demo();
        let mut r = replica(state);
        let me = Actor::Person(giulia);
        r.submit(Uuid::from_u128(1), commute(giulia, 99), &me, now())
            .unwrap();
        assert_eq!(r.view(&me, now()).directory.people[&giulia].commute_km, 99);
        assert_ne!(r.confirmed.directory.people[&giulia].commute_km, 99);
        assert_eq!(r.waiting(), 1);
        assert_eq!(r.unsent().count(), 1);
    }

    #[test]
    fn a_command_the_rules_refuse_is_not_queued() {
        let (state, giulia, luca) = demo();
        let mut r = replica(state);
        let refused = r.submit(
            Uuid::from_u128(1),
            commute(luca, 5),
            &Actor::Person(giulia),
            now(),
        );
        assert_eq!(refused, Err(CommonRejection::NotAllowed.into()));
        assert!(r.outbox.is_empty());
    }

    #[test]
    fn an_accepted_command_stays_visible_until_the_pull_brings_it() {
        let (state, giulia, _) = demo();
        let mut r = replica(state.clone());
        let me = Actor::Person(giulia);
        r.submit(Uuid::from_u128(1), commute(giulia, 99), &me, now())
            .unwrap();
        r.pushed(&[PushResult::Accepted {
            id: Uuid::from_u128(1),
            revision: 11,
        }]);
        assert_eq!(r.unsent().count(), 0, "not pushed twice");
        assert_eq!(
            r.view(&me, now()).directory.people[&giulia].commute_km,
            99,
            "no blink"
        );
        // The pull brings revision 11 with the server's events.
        let events = vela_domain::apply(&state, &me, &commute(giulia, 99), now()).unwrap();
        r.pulled(PullResponse {
            revision: 11,
            snapshot: None,
            changes: vec![Change {
                revision: 11,
                events,
            }],
        });
        assert!(r.outbox.is_empty());
        assert_eq!(r.confirmed.directory.people[&giulia].commute_km, 99);
        assert_eq!(r.revision, 11);
    }

    #[test]
    fn a_rejected_command_leaves_no_phantom_state_and_is_reported() {
        let (state, giulia, _) = demo();
        let mut r = replica(state);
        let me = Actor::Person(giulia);
        r.submit(Uuid::from_u128(1), commute(giulia, 99), &me, now())
            .unwrap();
        let rejection: Rejection = CommonRejection::NotAllowed.into();
        r.pushed(&[PushResult::Rejected {
            id: Uuid::from_u128(1),
            rejection: rejection.clone(),
            message: String::new(),
        }]);
        assert!(r.outbox.is_empty());
        assert_ne!(r.view(&me, now()).directory.people[&giulia].commute_km, 99);
        assert_eq!(r.refused.len(), 1);
        assert_eq!(r.refused[0].reason, Reason::Rule { rejection });
        r.dismiss(Uuid::from_u128(1));
        assert!(r.refused.is_empty());
    }

    #[test]
    fn pending_commands_are_rebased_on_a_new_snapshot() {
        let (state, giulia, _) = demo();
        let mut r = replica(state.clone());
        let me = Actor::Person(giulia);
        r.submit(Uuid::from_u128(1), language(1), &me, now())
            .unwrap();
        // Meanwhile someone else changed Giulia's commute on the server.
        let mut newer = state;
        newer
            .execute(&Actor::System, &commute(giulia, 7), now())
            .unwrap();
        r.pulled(PullResponse {
            revision: 20,
            snapshot: Some(newer),
            changes: vec![],
        });
        let view = r.view(&me, now());
        assert_eq!(view.directory.people[&giulia].commute_km, 7);
        assert_eq!(view.directory.people[&giulia].language, Language::En);
        assert_eq!(r.waiting(), 1);
    }

    /// Giulia's replica with `n` changes of her commute waiting (queued
    /// directly: judging each on the view would make this quadratic).
    fn with_outbox(n: u128) -> (Replica, PersonId) {
        let (state, giulia, _) = demo();
        let mut r = replica(state);
        r.outbox = (1..=n)
            .map(|i| Pending {
                id: Uuid::from_u128(i),
                command: commute(giulia, (i % 1_000) as u32),
                created: now(),
                accepted_at: None,
            })
            .collect();
        (r, giulia)
    }

    fn text<T: Serialize>(value: &T) -> String {
        crate::json::to_text(value).unwrap()
    }

    #[test]
    fn the_outbox_survives_a_json_round_trip_in_its_own_versioned_record() {
        let (mut r, _) = with_outbox(3);
        r.refuse(Uuid::from_u128(2), Reason::IdInUse);
        let stored = text(&r.stored_outbox());
        assert!(stored.contains(r#""version":2"#), "{stored}");
        let read = read_outbox(&stored).unwrap();
        assert_eq!(read.commands, r.outbox);
        assert_eq!(read.refused, r.refused);
        let cache = read_cache(&text(&r.stored_cache())).unwrap();
        assert_eq!((cache.revision, cache.confirmed), (r.revision, r.confirmed));
    }

    #[test]
    fn pushes_are_chunked_within_the_count_and_byte_limits_in_order() {
        let (r, _) = with_outbox(1_200);
        let chunk = r.next_chunk(500, usize::MAX);
        assert_eq!(chunk.len(), 500);
        assert_eq!(chunk[0].id, Uuid::from_u128(1));
        assert_eq!(chunk[499].id, Uuid::from_u128(500));
        // A byte limit that holds about ten commands.
        let one = text(&chunk[0]).len();
        let limit = PUSH_FRAME + 10 * (one + 1) + 5;
        let small = r.next_chunk(500, limit);
        assert!((9..=10).contains(&small.len()), "{}", small.len());
        let body = text(&vela_domain::sync::PushRequest { commands: small });
        assert!(body.len() <= limit, "{} > {limit}", body.len());
        // One command larger than the limit goes alone, never blocks the queue.
        assert_eq!(r.next_chunk(500, 10).len(), 1);
    }

    #[test]
    fn a_whole_outbox_drains_chunk_by_chunk() {
        let (mut r, _) = with_outbox(1_200);
        let mut pushes = 0;
        let mut revision = 10;
        loop {
            let chunk = r.next_chunk(500, 1_048_576);
            if chunk.is_empty() {
                break;
            }
            pushes += 1;
            let results: Vec<PushResult> = chunk
                .iter()
                .map(|e| {
                    revision += 1;
                    PushResult::Accepted { id: e.id, revision }
                })
                .collect();
            r.pushed(&results);
        }
        assert_eq!(pushes, 3);
        assert_eq!(r.unsent().count(), 0);
        assert_eq!(r.waiting(), 1_200, "confirmed only by the pull");
    }

    #[test]
    fn an_id_in_use_and_a_refused_request_are_final_with_their_reason() {
        let (mut r, _) = with_outbox(3);
        r.pushed(&[
            PushResult::Accepted {
                id: Uuid::from_u128(1),
                revision: 11,
            },
            PushResult::IdInUse {
                id: Uuid::from_u128(2),
            },
        ]);
        let reason = Reason::Request {
            status: 413,
            code: "payload_too_large".into(),
            message: "too large".into(),
        };
        r.refuse(Uuid::from_u128(3), reason.clone());
        assert_eq!(r.unsent().count(), 0);
        let reasons: Vec<_> = r.refused.iter().map(|x| (x.id, x.reason.clone())).collect();
        assert_eq!(
            reasons,
            vec![
                (Uuid::from_u128(2), Reason::IdInUse),
                (Uuid::from_u128(3), reason)
            ]
        );
    }

    #[test]
    fn the_record_of_earlier_builds_gives_its_outbox_and_loses_its_copy_of_the_state() {
        #[derive(Serialize)]
        struct OldRefused {
            id: Uuid,
            command: Command,
            rejection: Rejection,
        }
        #[derive(Serialize)]
        struct Old {
            revision: u64,
            confirmed: State,
            outbox: Vec<Pending>,
            refused: Vec<OldRefused>,
        }
        let (r, giulia) = with_outbox(2);
        let old = text(&Old {
            revision: r.revision,
            confirmed: r.confirmed.clone(),
            outbox: r.outbox.clone(),
            refused: vec![OldRefused {
                id: Uuid::from_u128(9),
                command: commute(giulia, 9),
                rejection: CommonRejection::NotAllowed.into(),
            }],
        });
        let loaded = load(None, None, Some(&old));
        assert!(loaded.save_outbox && loaded.drop_legacy);
        assert_eq!(loaded.unreadable, None);
        assert_eq!(loaded.replica.outbox, r.outbox);
        assert_eq!(loaded.replica.refused.len(), 1);
        assert_eq!(loaded.replica.revision, 0, "the state is pulled again");
        assert_eq!(loaded.replica.confirmed, State::default());
    }

    #[test]
    fn an_unreadable_outbox_is_kept_as_it_is_and_reported() {
        for garbage in [
            "{not json",
            r#"{"version":3,"commands":[]}"#,
            r#"{"version":2,"commands":[{"id":"x"}]}"#,
        ] {
            let loaded = load(Some(garbage), None, None);
            let unreadable = loaded.unreadable.unwrap();
            assert_eq!(unreadable.text, garbage);
            assert!(!unreadable.legacy);
            assert!(!loaded.save_outbox, "never written over");
            assert!(loaded.replica.outbox.is_empty());
        }
        // An unreadable record of earlier builds stays too.
        let loaded = load(None, None, Some("[1, 2"));
        assert!(loaded.unreadable.unwrap().legacy);
        assert!(!loaded.drop_legacy);
    }

    #[test]
    fn a_cache_of_another_version_is_dropped_and_the_outbox_kept() {
        let (r, _) = with_outbox(2);
        let outbox = text(&r.stored_outbox());
        let mut cache = r.stored_cache();
        cache.version = 1;
        let loaded = load(Some(&outbox), Some(&text(&cache)), None);
        assert!(loaded.drop_cache);
        assert_eq!(loaded.replica.revision, 0);
        assert_eq!(loaded.replica.outbox, r.outbox);
        let fine = load(Some(&outbox), Some(&text(&r.stored_cache())), None);
        assert!(!fine.drop_cache);
        assert_eq!(fine.replica, r);
    }

    fn ids(outbox: &[Pending]) -> Vec<u128> {
        outbox.iter().map(|p| p.id.as_u128()).collect()
    }

    #[test]
    fn a_stored_outbox_is_counted_and_found_empty_without_decoding_its_commands() {
        let (mut r, _) = with_outbox(2);
        let stored = text(&r.stored_outbox());
        assert_eq!(count_commands(&stored), Some(2));
        assert!(!holds_nothing(&stored));
        r.refuse(Uuid::from_u128(1), Reason::IdInUse);
        r.outbox.clear();
        assert_eq!(count_commands(&text(&r.stored_outbox())), Some(0));
        assert!(
            !holds_nothing(&text(&r.stored_outbox())),
            "a refusal to read"
        );
        assert!(holds_nothing(r#"{"version":2,"commands":[]}"#));
        for other in [
            "{not json",
            r#"{"version":3,"commands":[]}"#,
            r#"{"version":2,"commands":{}}"#,
            "[]",
        ] {
            assert_eq!(count_commands(other), None, "{other}");
            assert!(!holds_nothing(other), "{other} is kept");
        }
    }

    #[test]
    fn commands_submitted_before_the_stored_ones_are_decoded_are_saved_after_them() {
        let (mut stored, _) = with_outbox(2);
        stored.refuse(Uuid::from_u128(2), Reason::IdInUse);
        let stored_text = text(&stored.stored_outbox());
        // Since start-up, before decoding: commands 3 and 4.
        let (all, _) = with_outbox(4);
        let mut fresh = Replica {
            outbox: all.outbox[2..].to_vec(),
            ..Replica::default()
        };
        let merged = append_unread(&stored_text, &fresh.stored_outbox()).unwrap();
        // Saving again adds nothing twice.
        let merged = append_unread(&merged, &fresh.stored_outbox()).unwrap();
        let read = load_outbox(Some(&merged), None);
        assert_eq!(read.unreadable, None);
        assert_eq!(ids(&read.stored.commands), vec![1, 3, 4]);
        assert_eq!(read.stored.refused.len(), 1);
        // The decoded outbox goes first; what is in both is kept once.
        fresh.restore(read.stored);
        assert_eq!(ids(&fresh.outbox), vec![1, 3, 4]);
        assert_eq!(fresh.refused.len(), 1);
        // Never written over a text this build cannot read.
        assert_eq!(append_unread("{not json", &fresh.stored_outbox()), None);
    }

    #[test]
    fn restoring_puts_the_stored_commands_first_and_drops_those_already_confirmed() {
        let (all, _) = with_outbox(3);
        let mut r = replica(all.confirmed.clone());
        r.outbox = all.outbox[2..].to_vec();
        let mut stored = all.stored_outbox();
        stored.commands.truncate(2);
        stored.commands[0].accepted_at = Some(r.revision);
        r.restore(stored);
        assert_eq!(ids(&r.outbox), vec![2, 3]);
    }

    #[test]
    fn the_cache_waits_while_a_record_of_earlier_builds_is_there() {
        let (r, _) = with_outbox(1);
        let cache = text(&r.stored_cache());
        let (used, drop) = load_cache(Some(&cache), false);
        assert_eq!((used.revision, drop), (r.revision, false));
        assert!(used.outbox.is_empty(), "the outbox comes later");
        let (waiting, drop) = load_cache(Some(&cache), true);
        assert_eq!((waiting.revision, drop), (0, false));
        assert!(load_cache(Some("{not json"), false).1, "dropped");
    }
}
