//! The iCalendar (.ics, RFC 5545) file of one session, for "add to my
//! calendar" and the personal feed.
//!
//! Built with the `icalendar` crate, as issue 6 asks. That crate fills in a
//! missing `DTSTAMP` with the clock and a missing `UID` with a random UUID;
//! here both are always set (the stamp is the `now` passed in, the UID comes
//! from the session id), so those branches are never reached and the output
//! is a pure function of the arguments. Its default `parser` feature is off.
//!
//! Times are written in UTC (`…Z`): valid everywhere without shipping a
//! `VTIMEZONE` for Europe/Rome, and calendar apps show them in local time.
//! The `UID` stays the same across edits and cancellation and `SEQUENCE`
//! grows with each, so a re-import updates the event instead of adding one.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, EventLike, EventStatus, Property};

use super::{Session, SessionStatus};
use crate::directory::Person;

/// The `PRODID` of every calendar Vela writes.
pub const PRODID: &str = "-//Vela//Webinar//IT";

/// The stable `UID` of a session's calendar event.
pub fn session_uid(session: &Session) -> String {
    format!("webinar-{}@vela", session.id)
}

/// One session as a calendar with a single event: `organizer` (a trainer of
/// the session) as ORGANIZER, `registrant` as ATTENDEE, `DTSTAMP` = `now`.
/// A cancelled session gets `STATUS:CANCELLED`, so calendars that imported
/// it strike it out. The join link goes in `URL` and `LOCATION` when the
/// session carries it (it does not in the views of people without a seat).
pub fn session_event(
    session: &Session,
    registrant: &Person,
    organizer: &Person,
    now: DateTime<Utc>,
) -> String {
    let mut event = icalendar::Event::new();
    event
        .uid(&session_uid(session))
        .timestamp(now)
        .sequence(session.sequence)
        .summary(&session.title)
        .description(&description(session))
        .starts(session.start)
        .ends(session.end)
        .status(match session.status {
            SessionStatus::Scheduled => EventStatus::Confirmed,
            SessionStatus::Cancelled => EventStatus::Cancelled,
        })
        .append_property(
            Property::new("ORGANIZER", cal_address(organizer))
                .add_parameter("CN", &organizer.name)
                .done(),
        )
        .append_multi_property(
            Property::new("ATTENDEE", cal_address(registrant))
                .add_parameter("CN", &registrant.name)
                .add_parameter("ROLE", "REQ-PARTICIPANT")
                .add_parameter("PARTSTAT", "ACCEPTED")
                .done(),
        );
    if let Some(link) = &session.join_link {
        event.url(link).location(link);
    }
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .push(event.done());
    calendar.to_string()
}

/// The description followed by the materials, one per line.
fn description(session: &Session) -> String {
    let mut text = session.description.clone();
    if !session.materials.is_empty() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str("Materiali:");
        for m in &session.materials {
            text.push_str(&format!("\n- {}: {}", m.title, m.url));
        }
    }
    text
}

/// A person's calendar address: their e-mail, or a URN of their id for
/// people without one (still a valid, stable cal-address).
pub fn cal_address(person: &Person) -> String {
    match &person.email {
        Some(email) => format!("mailto:{email}"),
        None => format!("urn:uuid:{}", person.id),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;
    use crate::testing::*;
    use crate::webinars::{Audience, Material};

    fn session(status: SessionStatus) -> Session {
        let start = Utc
            .with_ymd_and_hms(2026, 12, 1, 9, 0, 0)
            .single()
            .expect("valid");
        Session {
            id: crate::ids::SessionId::from_u128(0x500),
            org: ORG,
            title: "Sicurezza informatica, phishing; password".into(),
            description: "Come riconoscere il phishing\\lo spoofing.\nEsempi pratici.".into(),
            trainers: [SARA].into(),
            start,
            end: start + Duration::minutes(90),
            capacity: 30,
            join_link: Some("https://meet.example.it/sicurezza".into()),
            audience: Audience::Organisation,
            materials: vec![Material {
                title: "Vademecum".into(),
                url: "https://intranet.example.it/vademecum.pdf".into(),
            }],
            status,
            sequence: 2,
        }
    }

    fn people() -> (Person, Person) {
        let s = org();
        (
            s.directory.people[&GIULIA].clone(),
            s.directory.people[&SARA].clone(),
        )
    }

    /// Undoes RFC 5545 line folding.
    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "")
    }

    #[test]
    fn the_event_names_organizer_attendee_times_and_a_stable_uid() {
        let (giulia, sara) = people();
        let ics = session_event(&session(SessionStatus::Scheduled), &giulia, &sara, now());
        let lines = unfold(&ics);
        let lines: Vec<&str> = lines.split("\r\n").collect();
        for expected in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Vela//Webinar//IT",
            "BEGIN:VEVENT",
            "UID:webinar-00000000-0000-0000-0000-000000000500@vela",
            "DTSTAMP:20261124T080000Z",
            "DTSTART:20261201T090000Z",
            "DTEND:20261201T103000Z",
            "SEQUENCE:2",
            "STATUS:CONFIRMED",
            "ORGANIZER;CN=Sara Gallo:mailto:sara@comune.test.it",
            "ATTENDEE;CN=Giulia Bianchi;PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT:mailto:giulia@comune.test.it",
            "URL:https://meet.example.it/sicurezza",
            "END:VEVENT",
            "END:VCALENDAR",
        ] {
            assert!(lines.contains(&expected), "missing {expected:?} in\n{ics}");
        }
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn text_is_escaped_lines_are_folded_and_end_in_crlf() {
        let (giulia, sara) = people();
        let ics = session_event(&session(SessionStatus::Scheduled), &giulia, &sara, now());
        let unfolded = unfold(&ics);
        assert!(unfolded.contains("SUMMARY:Sicurezza informatica\\, phishing\\; password\r\n"));
        assert!(unfolded.contains(
            "DESCRIPTION:Come riconoscere il phishing\\\\lo spoofing.\\nEsempi pratici.\\n\\nMateriali:\\n- Vademecum: https://intranet.example.it/vademecum.pdf\r\n"
        ));
        for line in ics.split_terminator("\r\n") {
            assert!(line.len() <= 75, "longer than 75 octets: {line:?}");
            assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
        }
        assert!(
            ics.lines().count() > unfolded.lines().count(),
            "something was folded"
        );
    }

    #[test]
    fn a_cancelled_session_is_cancelled_in_the_calendar_too() {
        let (giulia, sara) = people();
        let ics = session_event(&session(SessionStatus::Cancelled), &giulia, &sara, now());
        assert!(ics.contains("STATUS:CANCELLED\r\n"));
    }

    #[test]
    fn the_output_depends_only_on_the_arguments() {
        let (mut giulia, sara) = people();
        let mut hidden = session(SessionStatus::Scheduled);
        hidden.join_link = None;
        giulia.email = None;
        let a = session_event(&hidden, &giulia, &sara, now());
        let b = session_event(&hidden, &giulia, &sara, now());
        assert_eq!(a, b);
        assert!(!a.contains("URL:") && !a.contains("meet.example.it"));
        assert!(unfold(&a).contains(":urn:uuid:00000000-0000-0000-0000-000000000302\r\n"));
        let later = session_event(&hidden, &giulia, &sara, now() + Duration::days(1));
        assert!(later.contains("DTSTAMP:20261125T080000Z"));
    }
}
