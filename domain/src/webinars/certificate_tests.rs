//! Path progress and certificates on the test organisation: Sara's path of
//! three sessions, one of them cancelled, one for the Sociali team only.

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::certificate::CertificateKind;
use super::certificate::{certificates_of, code, for_path, for_session, normalise, verify};
use super::progress::{path_progress, paths_of};
use super::{Audience, Command as Web};
use crate::ids::{PathId, PersonId, SessionId};
use crate::testing::*;
use crate::{Actor, Command, State};

const S1: SessionId = SessionId::from_u128(0x700);
const S2: SessionId = SessionId::from_u128(0x701);
const S3: SessionId = SessionId::from_u128(0x702);
const S4: SessionId = SessionId::from_u128(0x703);
const PATH: PathId = PathId::from_u128(0x710);

fn utc(m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, m, d, h, 0, 0)
        .single()
        .expect("valid")
}

fn web(state: &mut State, who: PersonId, command: Web, at: DateTime<Utc>) {
    let events = crate::apply(state, &Actor::Person(who), &Command::Webinars(command), at)
        .expect("accepted");
    for e in &events {
        state.apply_event(e);
    }
}

fn session(
    state: &mut State,
    id: SessionId,
    start: DateTime<Utc>,
    minutes: i64,
    audience: Audience,
) {
    web(
        state,
        SARA,
        Web::SaveSession {
            id,
            title: format!("Incontro {}", id.0.as_u128() - 0x6ff),
            description: String::new(),
            trainers: [SARA].into(),
            start,
            end: start + Duration::minutes(minutes),
            capacity: 10,
            join_link: "https://meet.example.it/x".into(),
            audience,
            materials: vec![],
        },
        now(),
    );
}

fn present(state: &mut State, session: SessionId, person: PersonId) {
    web(
        state,
        SARA,
        Web::MarkAttendance {
            session,
            person,
            present: true,
        },
        utc(12, 31, 12),
    );
}

/// S1 (2 h, 1 Dec), S2 (90 min, 3 Dec), S3 cancelled, S4 for Sociali
/// only: the path lists them all. Giulia registered for S1 and attended
/// S1 only; Luca attended S1 and S2; Anna (Sociali) attended S1 and S2.
fn state() -> State {
    let mut s = org();
    session(&mut s, S1, utc(12, 1, 9), 120, Audience::Organisation);
    session(&mut s, S2, utc(12, 3, 9), 90, Audience::Organisation);
    session(&mut s, S3, utc(12, 4, 9), 60, Audience::Organisation);
    session(
        &mut s,
        S4,
        utc(12, 7, 9),
        30,
        Audience::Teams {
            teams: [SOCIALI].into(),
        },
    );
    web(
        &mut s,
        SARA,
        Web::SavePath {
            id: PATH,
            title: "Percorso".into(),
            description: String::new(),
            sessions: vec![S1, S2, S3, S4],
        },
        now(),
    );
    // Cancelled after it was put on the path (a path takes no cancelled one).
    web(&mut s, SARA, Web::CancelSession { id: S3 }, now());
    web(&mut s, GIULIA, Web::Register { session: S1 }, now());
    for (session, person) in [(S1, GIULIA), (S1, LUCA), (S2, LUCA), (S1, ANNA), (S2, ANNA)] {
        present(&mut s, session, person);
    }
    s
}

#[test]
fn path_progress_counts_attended_of_required_and_hours() {
    let s = state();
    let path = &s.webinars.paths[&PATH];
    let giulia = path_progress(&s, path, GIULIA);
    assert_eq!(
        giulia.steps,
        vec![(S1, true), (S2, false)],
        "S3 cancelled, S4 not hers"
    );
    assert_eq!(
        (giulia.attended, giulia.required, giulia.minutes),
        (1, 2, 120)
    );
    assert!(!giulia.complete());
    let luca = path_progress(&s, path, LUCA);
    assert_eq!((luca.attended, luca.required, luca.minutes), (2, 2, 210));
    assert!(luca.complete());
    let anna = path_progress(&s, path, ANNA);
    assert_eq!(
        (anna.attended, anna.required),
        (2, 3),
        "S4 is open to Sociali"
    );
    assert!(!anna.complete());
    assert_eq!(paths_of(&s, GIULIA).len(), 1, "registered and attended");
    assert!(paths_of(&s, MARCO).is_empty(), "nothing to do with it");
}

#[test]
fn only_attended_sessions_give_a_certificate() {
    let s = state();
    let c = for_session(&s, GIULIA, S1).expect("attended");
    assert_eq!(c.kind, CertificateKind::Session);
    assert_eq!(c.name, "Giulia Bianchi");
    assert_eq!(c.organisation, s.directory.organisations[&ORG].name);
    assert_eq!((c.minutes, c.date), (120, date(2026, 12, 1)));
    assert_eq!(c.code, code(CertificateKind::Session, S1.0, GIULIA));
    assert_eq!(for_session(&s, GIULIA, S2), None, "not attended");
    assert_eq!(for_session(&s, MARCO, S1), None, "not attended");
    assert_eq!(for_path(&s, GIULIA, PATH), None, "path not complete");
    let path = for_path(&s, LUCA, PATH).expect("complete");
    assert_eq!(path.minutes, 210);
    assert_eq!(path.sessions.len(), 2);
    assert_eq!(path.date, date(2026, 12, 3), "the day of the last session");
    let mine: Vec<_> = certificates_of(&s, LUCA)
        .into_iter()
        .map(|c| (c.kind, c.item))
        .collect();
    assert_eq!(
        mine,
        vec![
            (CertificateKind::Session, S2.0),
            (CertificateKind::Session, S1.0),
            (CertificateKind::Path, PATH.0),
        ]
    );
    // A cancelled session certifies nothing, even with attendance kept.
    let mut cancelled = s.clone();
    web(&mut cancelled, SARA, Web::CancelSession { id: S1 }, now());
    assert_eq!(for_session(&cancelled, GIULIA, S1), None);
}

#[test]
fn codes_verify_against_the_state_of_the_organisation() {
    let s = state();
    let c = for_session(&s, GIULIA, S1).expect("attended");
    assert_eq!(c.code.len(), 19);
    assert_eq!(verify(&s, ORG, &c.code), Some(c.clone()));
    let typed = c.code.to_lowercase().replace('-', " ");
    assert_eq!(verify(&s, ORG, &typed), Some(c.clone()), "as typed");
    let path = for_path(&s, LUCA, PATH).expect("complete");
    assert_eq!(verify(&s, ORG, &path.code), Some(path));
    // Another organisation's administrators find nothing.
    assert_eq!(verify(&s, ORG2, &c.code), None);
    // A changed character, a code for an attendance that never happened,
    // and rubbish do not verify.
    let mut changed = c.code.clone().into_bytes();
    changed[0] = if changed[0] == b'A' { b'B' } else { b'A' };
    let changed = String::from_utf8(changed).expect("ascii");
    assert_eq!(verify(&s, ORG, &changed), None);
    assert_eq!(
        verify(&s, ORG, &code(CertificateKind::Session, S2.0, GIULIA)),
        None
    );
    assert_eq!(
        verify(&s, ORG, &code(CertificateKind::Path, PATH.0, GIULIA)),
        None
    );
    assert_eq!(verify(&s, ORG, "not a code"), None);
    // Removing the attendance takes the certificate away.
    let mut unmarked = s.clone();
    web(
        &mut unmarked,
        SARA,
        Web::MarkAttendance {
            session: S1,
            person: GIULIA,
            present: false,
        },
        utc(12, 31, 13),
    );
    assert_eq!(verify(&unmarked, ORG, &c.code), None);
}

#[test]
fn codes_read_as_crockford_base32() {
    assert_eq!(
        normalise(" k7qm-3xpa 9d2f-ht6w "),
        Some("K7QM-3XPA-9D2F-HT6W".into())
    );
    assert_eq!(
        normalise("O1IL-0000-0000-0000"),
        Some("0111-0000-0000-0000".into())
    );
    assert_eq!(normalise("K7QM-3XPA-9D2F-HT6"), None, "too short");
    assert_eq!(normalise("K7QM-3XPA-9D2F-HT6U"), None, "no U");
    let a = code(CertificateKind::Session, S1.0, GIULIA);
    assert_ne!(a, code(CertificateKind::Path, S1.0, GIULIA));
    assert_ne!(a, code(CertificateKind::Session, S1.0, LUCA));
    assert_eq!(normalise(&a), Some(a));
}
