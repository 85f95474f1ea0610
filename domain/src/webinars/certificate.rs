//! Certificates of attendance (*attestati di partecipazione*): for a
//! session a person was recorded present at, or for a training path whose
//! every session that counts they attended.
//!
//! A certificate is not stored: its facts are read from the state whenever
//! it is shown or checked. Its verification code is derived from what it
//! certifies — the kind, the session or path and the person — by SHA-256,
//! cut to 80 bits and written in Crockford's base32 (`K7QM-3XPA-9D2F-HT6W`).
//! Anyone may compute a code, but a code proves nothing by itself: the
//! administrator's check ([`verify`]) looks for the attendance or completed
//! path in the state that has this code, and shows those facts. A code made
//! up for something that did not happen matches nothing; a certificate whose
//! attendance a trainer removed no longer verifies.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::progress::path_progress;
use super::{Session, SessionStatus, TrainingPath};
use crate::calendar::rome_date;
use crate::ids::{OrgId, PathId, PersonId, SessionId};
use crate::State;

/// What a certificate is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CertificateKind {
    /// One session attended.
    Session,
    /// A training path completed.
    Path,
}

/// The facts a certificate states.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Certificate {
    /// The verification code, `XXXX-XXXX-XXXX-XXXX`.
    pub code: String,
    pub kind: CertificateKind,
    /// The session's or the path's id.
    pub item: Uuid,
    /// The name of the person's organisation, which issues it.
    pub organisation: String,
    pub person: PersonId,
    /// The person's name.
    pub name: String,
    /// The session's or the path's title.
    pub title: String,
    /// The sessions attended, in order: one for a session's certificate.
    pub sessions: Vec<CertifiedSession>,
    /// Minutes of training in all.
    pub minutes: u32,
    /// The day (Rome time) of the last session: when it was earned.
    pub date: NaiveDate,
}

/// One session a certificate counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CertifiedSession {
    pub session: SessionId,
    pub title: String,
    /// Its day, Rome time.
    pub date: NaiveDate,
    pub minutes: u32,
}

/// Characters of a code: Crockford's base32 (no I, L, O, U).
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters in a code, without the dashes (80 bits).
const CODE_LENGTH: usize = 16;

/// The verification code of the certificate of `kind` for `item` (a session
/// or path id) and `person`.
pub fn code(kind: CertificateKind, item: Uuid, person: PersonId) -> String {
    let mut hash = Sha256::new();
    hash.update(b"vela attestato 1");
    hash.update([match kind {
        CertificateKind::Session => 1,
        CertificateKind::Path => 2,
    }]);
    hash.update(item.as_bytes());
    hash.update(person.0.as_bytes());
    let digest = hash.finalize();
    // 80 bits: the first ten bytes, five bits at a time.
    let bits = digest
        .iter()
        .take(10)
        .fold(0u128, |acc, b| (acc << 8) | u128::from(*b));
    let chars: Vec<u8> = (0..CODE_LENGTH)
        .rev()
        .map(|i| ALPHABET[((bits >> (5 * i)) & 31) as usize])
        .collect();
    group(&chars)
}

fn group(chars: &[u8]) -> String {
    chars
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as typed, in its canonical form: case, spaces and dashes do not
/// matter, and O, I and L are read as 0, 1 and 1 as Crockford's base32
/// says. `None` when it cannot be a code at all.
pub fn normalise(typed: &str) -> Option<String> {
    let chars: Vec<u8> = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .map(|c| u8::try_from(c).ok().filter(|b| ALPHABET.contains(b)))
        .collect::<Option<_>>()?;
    (chars.len() == CODE_LENGTH).then(|| group(&chars))
}

fn certified(session: &Session) -> CertifiedSession {
    CertifiedSession {
        session: session.id,
        title: session.title.clone(),
        date: rome_date(session.start),
        minutes: session.minutes(),
    }
}

/// The organisation's and the person's names, if the person is known.
fn names(state: &State, person: PersonId) -> Option<(String, String)> {
    let who = state.directory.people.get(&person)?;
    let org = state
        .directory
        .organisations
        .get(&who.org)
        .map(|o| o.name.clone())
        .unwrap_or_default();
    Some((org, who.name.clone()))
}

/// `person`'s certificate for `session`: only when the session took place
/// (not cancelled) and they were recorded present.
pub fn for_session(state: &State, person: PersonId, session: SessionId) -> Option<Certificate> {
    let part = &state.webinars;
    let s = part
        .sessions
        .get(&session)
        .filter(|s| s.status == SessionStatus::Scheduled)?;
    if !part.attended(session, person) {
        return None;
    }
    let (organisation, name) = names(state, person)?;
    let attended = certified(s);
    Some(Certificate {
        code: code(CertificateKind::Session, session.0, person),
        kind: CertificateKind::Session,
        item: session.0,
        organisation,
        person,
        name,
        title: s.title.clone(),
        minutes: attended.minutes,
        date: attended.date,
        sessions: vec![attended],
    })
}

/// `person`'s certificate for the training path `path`: only once every
/// session that counts for them is attended ([`path_progress`]).
pub fn for_path(state: &State, person: PersonId, path: PathId) -> Option<Certificate> {
    let p = state.webinars.paths.get(&path)?;
    path_certificate(state, person, p)
}

fn path_certificate(state: &State, person: PersonId, path: &TrainingPath) -> Option<Certificate> {
    let progress = path_progress(state, path, person);
    if !progress.complete() {
        return None;
    }
    let sessions: Vec<CertifiedSession> = progress
        .steps
        .iter()
        .filter_map(|(id, _)| state.webinars.sessions.get(id))
        .map(certified)
        .collect();
    let date = sessions.iter().map(|s| s.date).max()?;
    let (organisation, name) = names(state, person)?;
    Some(Certificate {
        code: code(CertificateKind::Path, path.id.0, person),
        kind: CertificateKind::Path,
        item: path.id.0,
        organisation,
        person,
        name,
        title: path.title.clone(),
        minutes: progress.minutes,
        date,
        sessions,
    })
}

/// Every certificate `person` has earned: their attended sessions (newest
/// first), then their completed paths.
pub fn certificates_of(state: &State, person: PersonId) -> Vec<Certificate> {
    let part = &state.webinars;
    let mut sessions: Vec<Certificate> = part
        .attendance
        .iter()
        .filter(|(_, people)| people.contains(&person))
        .filter_map(|(id, _)| for_session(state, person, *id))
        .collect();
    crate::order::sort_by(&mut sessions, |a, b| {
        (b.date, &a.title).cmp(&(a.date, &b.title))
    });
    let paths = part
        .paths
        .values()
        .filter_map(|p| path_certificate(state, person, p));
    sessions.into_iter().chain(paths).collect()
}

/// The administrator's check: the certificate with this code (as typed) of
/// a person of organisation `org`, read from the state now; `None` when no
/// attendance or completed path of the organisation's people has it.
pub fn verify(state: &State, org: OrgId, typed: &str) -> Option<Certificate> {
    let wanted = normalise(typed)?;
    let of_org = |person: &PersonId| {
        state
            .directory
            .people
            .get(person)
            .is_some_and(|p| p.org == org)
    };
    let part = &state.webinars;
    for (session, people) in &part.attendance {
        for person in people.iter().filter(|p| of_org(p)) {
            if code(CertificateKind::Session, session.0, *person) == wanted {
                return for_session(state, *person, *session);
            }
        }
    }
    for path in part.paths.values() {
        // Only people who attended a session of the path can have completed it.
        let people = path
            .sessions
            .iter()
            .filter_map(|s| part.attendance.get(s))
            .flatten()
            .filter(|p| of_org(p));
        for person in people {
            if code(CertificateKind::Path, path.id.0, *person) == wanted {
                return path_certificate(state, *person, path);
            }
        }
    }
    None
}
