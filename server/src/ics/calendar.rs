//! A person's calendar as one `.ics` file: what the download and the
//! personal feed send.
//!
//! Built from `visibility::view` of the person (the caller passes that view),
//! so a calendar never holds anything its owner could not see in the app:
//! - each **approved** day away from the office (agile, remote, telework) is
//!   an all-day event (`DTSTART;VALUE=DATE`, `DTEND` the next day,
//!   `TRANSP:TRANSPARENT`: the person works, they are not busy), UID
//!   `agile-<person>-<date>@vela`;
//! - each webinar session in which they hold a seat is a timed event in
//!   `TZID=Europe/Rome`, UID `webinar-<session>@vela` ([`session_uid`]),
//!   `SEQUENCE` = the session's; a session called off stays in the file
//!   with `STATUS:CANCELLED`, so subscribed calendars strike it out instead
//!   of silently dropping it.
//!
//! One session alone ("add to my calendar", [`session_file`]) is the same
//! event with its organiser and the reader as attendee, in the same time
//! zone: Vela writes every timed event in Europe/Rome, the wall clock the
//! sessions are announced in.
//!
//! UIDs depend only on ids and dates, so importing the file again (or the
//! feed refreshing) updates events instead of duplicating them. `DTSTAMP`
//! is the `now` passed in: the output is a pure function of the arguments.
//!
//! The `icalendar` crate writes every component it knows with a `DTSTAMP`
//! and a `UID` (made up when missing), which a `VTIMEZONE` must not carry;
//! so the Europe/Rome definition ([`VTIMEZONE_ROME`], the EU rule the domain's
//! `calendar::rome` also follows) is written as fixed text between the
//! calendar's properties and its events.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use icalendar::{
    Calendar, CalendarDateTime, Component, DatePerhapsTime, EventLike, EventStatus, Property,
};
use vela_domain::agile::{DayPlan, DayStatus};
use vela_domain::calendar::to_rome;
use vela_domain::directory::{Language, Person, Place, WorkMode};
use vela_domain::ids::PersonId;
use vela_domain::webinars::{RegistrationStatus, Session, SessionStatus};
use vela_domain::State;

/// The `PRODID` of the personal calendar.
pub const PRODID: &str = "-//Vela//Calendario personale//IT";

/// The `PRODID` of one session's file.
pub const SESSION_PRODID: &str = "-//Vela//Webinar//IT";

/// The time zone of every timed event.
pub const TZID: &str = "Europe/Rome";

/// Europe/Rome since 1996 (EU rule): CEST from the last Sunday of March at
/// 02:00 local, CET from the last Sunday of October at 03:00 local.
pub const VTIMEZONE_ROME: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Rome\r\n\
X-LIC-LOCATION:Europe/Rome\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\n\
DTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:CET\r\n\
DTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// The stable `UID` of a session's event: the same across edits and
/// cancellation (`SEQUENCE` grows instead), in the personal calendar and in
/// the single-session file, so importing both never duplicates it.
pub fn session_uid(session: &Session) -> String {
    format!("webinar-{}@vela", session.id)
}

/// The stable UID of a person's day away from the office.
pub fn day_uid(person: PersonId, date: NaiveDate) -> String {
    format!("agile-{person}-{date}@vela")
}

/// The calendar of `person` built from `view` (their `visibility::view`),
/// or `None` when the view has no such active person.
pub fn person_calendar(view: &State, person: PersonId, now: DateTime<Utc>) -> Option<String> {
    let me = view.directory.people.get(&person).filter(|p| p.active)?;
    let words = Words::of(me.language);

    let mut events = Vec::new();
    if let Some(days) = view.agile.days.get(&person) {
        for plan in days.values().filter(|p| p.status == DayStatus::Approved) {
            let note = view
                .agile
                .requests
                .get(&plan.request)
                .map(|r| r.note.as_str())
                .unwrap_or_default();
            events.push(day_event(plan, note, &words, now));
        }
    }
    let mut sessions: Vec<&Session> = view
        .webinars
        .registrations
        .iter()
        .filter(|(_, people)| {
            people
                .get(&person)
                .is_some_and(|r| r.status == RegistrationStatus::Registered)
        })
        .filter_map(|(id, _)| view.webinars.sessions.get(id))
        .collect();
    sessions.sort_by_key(|s| (s.start, s.id));
    events.extend(sessions.into_iter().map(|s| {
        let organizer = s.trainers.iter().find_map(|t| view.directory.people.get(t));
        session_event(s, me, organizer, &words, now)
    }));

    Some(write(me, &words, &events))
}

/// One session as a calendar with a single event ("add to my calendar"):
/// `organizer` (a trainer of the session) as ORGANIZER, `registrant` as
/// ATTENDEE, `DTSTAMP` = `now`. The join link goes in `URL` and `LOCATION`
/// when the session carries it (it does not in the views of people without
/// a seat).
pub fn session_file(
    session: &Session,
    registrant: &Person,
    organizer: &Person,
    now: DateTime<Utc>,
) -> String {
    let words = Words::of(registrant.language);
    let event = session_event(session, registrant, Some(organizer), &words, now);
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", SESSION_PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .timezone(TZID);
    frame(&calendar, &[event])
}

/// A person's calendar address: their e-mail, or a URN of their id for
/// people without one (still a valid, stable cal-address).
fn cal_address(person: &Person) -> String {
    match &person.email {
        Some(email) => format!("mailto:{email}"),
        None => format!("urn:uuid:{}", person.id),
    }
}

/// The calendar text: properties, the time zone, the events.
fn write(me: &Person, words: &Words, events: &[icalendar::Event]) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"))
        .append_property(("X-WR-CALNAME", format!("Vela · {}", me.name).as_str()))
        .append_property(("X-WR-CALDESC", words.calendar_description))
        .timezone(TZID)
        // How often subscribed calendar apps should fetch the feed again.
        .append_property(
            Property::new("REFRESH-INTERVAL", "PT1H")
                .add_parameter("VALUE", "DURATION")
                .done(),
        )
        .append_property(("X-PUBLISHED-TTL", "PT1H"));
    frame(&calendar, events)
}

/// `calendar`'s properties, then the time zone, then the events.
fn frame(calendar: &Calendar, events: &[icalendar::Event]) -> String {
    let head = calendar.to_string();
    let head = head
        .strip_suffix("END:VCALENDAR\r\n")
        .unwrap_or(head.as_str());
    let mut out = String::with_capacity(head.len() + VTIMEZONE_ROME.len() + events.len() * 600);
    out.push_str(head);
    out.push_str(VTIMEZONE_ROME);
    for event in events {
        out.push_str(&event.to_string());
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

fn day_event(plan: &DayPlan, note: &str, words: &Words, now: DateTime<Utc>) -> icalendar::Event {
    let mode = match plan.mode {
        WorkMode::Agile => words.agile,
        WorkMode::Remote => words.remote,
        WorkMode::Telework => words.telework,
    };
    let place = match &plan.place {
        Place::Home => words.home,
        Place::Named { name } => name.as_str(),
    };
    let mut event = icalendar::Event::new();
    event
        .uid(&day_uid(plan.person, plan.date))
        .timestamp(now)
        .summary(&format!("{mode} ({place})"))
        .starts(DatePerhapsTime::Date(plan.date))
        .ends(DatePerhapsTime::Date(
            plan.date.succ_opt().unwrap_or(plan.date),
        ))
        .status(EventStatus::Confirmed)
        .add_property("TRANSP", "TRANSPARENT");
    if let Place::Named { name } = &plan.place {
        event.location(name);
    }
    if !note.trim().is_empty() {
        event.description(note.trim());
    }
    event.done()
}

fn session_event(
    session: &Session,
    me: &Person,
    organizer: Option<&Person>,
    words: &Words,
    now: DateTime<Utc>,
) -> icalendar::Event {
    let rome = |instant: DateTime<Utc>| {
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time: to_rome(instant),
            tzid: TZID.into(),
        })
    };
    // A session always ends after it starts; keep the file valid regardless
    // (checked: a stored session may lie at the end of chrono's range).
    let end = session
        .start
        .checked_add_signed(Duration::minutes(1))
        .map_or(session.end, |min| session.end.max(min));
    let mut event = icalendar::Event::new();
    event
        .uid(&session_uid(session))
        .timestamp(now)
        .sequence(session.sequence)
        .summary(&session.title)
        .starts(rome(session.start))
        .ends(rome(end))
        .status(match session.status {
            SessionStatus::Scheduled => EventStatus::Confirmed,
            SessionStatus::Cancelled => EventStatus::Cancelled,
        });
    let description = session_description(session, words);
    if !description.is_empty() {
        event.description(&description);
    }
    if let Some(link) = &session.join_link {
        event.url(link).location(link);
    }
    // The same people as the single session's file: calendar apps show who
    // gives it and that the seat is accepted.
    if let Some(organizer) = organizer {
        event.append_property(
            Property::new("ORGANIZER", cal_address(organizer))
                .add_parameter("CN", &organizer.name)
                .done(),
        );
    }
    event.append_multi_property(
        Property::new("ATTENDEE", cal_address(me))
            .add_parameter("CN", &me.name)
            .add_parameter("ROLE", "REQ-PARTICIPANT")
            .add_parameter("PARTSTAT", "ACCEPTED")
            .done(),
    );
    event.done()
}

/// The description followed by the materials, one per line.
fn session_description(session: &Session, words: &Words) -> String {
    let mut text = session.description.trim().to_string();
    if !session.materials.is_empty() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(words.materials);
        for m in &session.materials {
            text.push_str(&format!("\n- {}: {}", m.title, m.url));
        }
    }
    text
}

/// The few words the file carries, in the person's language.
struct Words {
    agile: &'static str,
    remote: &'static str,
    telework: &'static str,
    home: &'static str,
    materials: &'static str,
    calendar_description: &'static str,
}

impl Words {
    fn of(language: Language) -> Words {
        match language {
            Language::It => Words {
                agile: "Lavoro agile",
                remote: "Lavoro da remoto",
                telework: "Telelavoro",
                home: "casa",
                materials: "Materiali:",
                calendar_description:
                    "Giornate di lavoro agile approvate e webinar a cui sei iscritto",
            },
            Language::En => Words {
                agile: "Agile work",
                remote: "Remote work",
                telework: "Telework",
                home: "home",
                materials: "Materials:",
                calendar_description:
                    "Your approved agile days and the webinars you registered for",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use uuid::Uuid;
    use vela_domain::ids::OrgId;
    use vela_domain::visibility::view;
    use vela_domain::Actor;

    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0)
            .single()
            .expect("valid")
    }

    fn demo() -> State {
        let mut counter = 0u128;
        let mut ids = || {
            counter += 1;
            Uuid::from_u128(counter)
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid");
        let mut state = State::default();
        for (actor, command) in vela_domain::demo::commands(OrgId::from_u128(7), today, &mut ids) {
            state
                .execute(&actor, &command, now())
                .expect("demo command");
        }
        state
    }

    fn person(state: &State, username: &str) -> PersonId {
        state
            .directory
            .people
            .values()
            .find(|p| p.username == username)
            .map(|p| p.id)
            .expect(username)
    }

    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "")
    }

    #[test]
    fn approved_days_are_all_day_events_with_stable_uids() {
        let state = demo();
        let giulia = person(&state, "giulia");
        let mine = view(&state, &Actor::Person(giulia));
        let ics = person_calendar(&mine, giulia, now()).expect("calendar");
        let approved: Vec<NaiveDate> = state.agile.days[&giulia]
            .values()
            .filter(|d| d.status == DayStatus::Approved)
            .map(|d| d.date)
            .collect();
        assert!(
            !approved.is_empty(),
            "the demo approves some of giulia's days"
        );
        let text = unfold(&ics);
        for date in &approved {
            assert!(text.contains(&format!("UID:{}\r\n", day_uid(giulia, *date))));
            assert!(text.contains(&format!("DTSTART;VALUE=DATE:{}\r\n", date.format("%Y%m%d"))));
        }
        let others: Vec<NaiveDate> = state.agile.days[&giulia]
            .values()
            .filter(|d| d.status != DayStatus::Approved)
            .map(|d| d.date)
            .collect();
        for date in others {
            assert!(
                !text.contains(&day_uid(giulia, date)),
                "{date} is not approved"
            );
        }
        assert_eq!(ics, person_calendar(&mine, giulia, now()).expect("again"));
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 1);
        for line in ics.split_terminator("\r\n") {
            assert!(line.len() <= 75, "longer than 75 octets: {line:?}");
        }
    }

    #[test]
    fn sessions_with_a_seat_are_timed_in_rome_and_cancelled_ones_say_so() {
        let mut state = demo();
        let (session_id, person_id) = state
            .webinars
            .registrations
            .iter()
            .find_map(|(s, people)| {
                people
                    .iter()
                    .find(|(_, r)| r.status == RegistrationStatus::Registered)
                    .map(|(p, _)| (*s, *p))
            })
            .expect("the demo has a registration");
        let session = state.webinars.sessions[&session_id].clone();
        let mine = view(&state, &Actor::Person(person_id));
        let text = unfold(&person_calendar(&mine, person_id, now()).expect("calendar"));
        assert!(text.contains(&format!("UID:{}\r\n", session_uid(&session))));
        let start = to_rome(session.start).format("%Y%m%dT%H%M%S");
        assert!(
            text.contains(&format!("DTSTART;TZID=Europe/Rome:{start}\r\n")),
            "{text}"
        );
        assert!(text.contains("STATUS:CONFIRMED\r\n"));

        if let Some(s) = state.webinars.sessions.get_mut(&session_id) {
            s.status = SessionStatus::Cancelled;
        }
        let mine = view(&state, &Actor::Person(person_id));
        let text = unfold(&person_calendar(&mine, person_id, now()).expect("calendar"));
        assert!(text.contains(&format!("UID:{}\r\n", session_uid(&session))));
        assert!(text.contains("STATUS:CANCELLED\r\n"));
    }

    #[test]
    fn nobody_gets_a_calendar_from_a_view_without_them() {
        let state = demo();
        let giulia = person(&state, "giulia");
        assert!(person_calendar(&State::default(), giulia, now()).is_none());
    }

    fn a_session(state: &State) -> (Session, Person, Person) {
        let session = state
            .webinars
            .sessions
            .values()
            .find(|s| s.join_link.is_some() && !s.materials.is_empty())
            .or_else(|| state.webinars.sessions.values().next())
            .expect("the demo has sessions")
            .clone();
        let organizer = session
            .trainers
            .iter()
            .find_map(|t| state.directory.people.get(t))
            .expect("a trainer")
            .clone();
        let giulia = state.directory.people[&person(state, "giulia")].clone();
        (session, giulia, organizer)
    }

    #[test]
    fn one_session_file_names_organizer_attendee_and_rome_times() {
        let state = demo();
        let (session, giulia, organizer) = a_session(&state);
        let ics = session_file(&session, &giulia, &organizer, now());
        let text = unfold(&ics);
        let start = to_rome(session.start).format("%Y%m%dT%H%M%S");
        for expected in [
            "BEGIN:VCALENDAR".to_string(),
            "VERSION:2.0".into(),
            format!("PRODID:{SESSION_PRODID}"),
            "BEGIN:VTIMEZONE".into(),
            format!("UID:{}", session_uid(&session)),
            "DTSTAMP:20261124T080000Z".into(),
            format!("DTSTART;TZID=Europe/Rome:{start}"),
            format!("SEQUENCE:{}", session.sequence),
            format!(
                "ORGANIZER;CN={}:{}",
                organizer.name,
                cal_address(&organizer)
            ),
            "END:VCALENDAR".into(),
        ] {
            assert!(
                text.split("\r\n").any(|line| line == expected),
                "missing {expected:?} in\n{ics}"
            );
        }
        assert!(text.contains(&format!(
            "ATTENDEE;CN={};PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT:{}\r\n",
            giulia.name,
            cal_address(&giulia)
        )));
        let event = text.split("BEGIN:VEVENT").nth(1).expect("an event");
        assert!(
            !event.contains("DTSTART:") && !event.contains("DTEND:"),
            "no UTC times: {text}"
        );
        for line in ics.split_terminator("\r\n") {
            assert!(line.len() <= 75, "longer than 75 octets: {line:?}");
        }
        assert_eq!(ics, session_file(&session, &giulia, &organizer, now()));
        let mut cancelled = session.clone();
        cancelled.status = SessionStatus::Cancelled;
        let ics = session_file(&cancelled, &giulia, &organizer, now());
        assert!(ics.contains("STATUS:CANCELLED\r\n"));
        let mut hidden = session;
        hidden.join_link = None;
        let mut anonymous = giulia;
        anonymous.email = None;
        let ics = unfold(&session_file(&hidden, &anonymous, &organizer, now()));
        assert!(!ics.contains("URL:"));
        assert!(ics.contains(&format!(":urn:uuid:{}\r\n", anonymous.id)));
    }

    #[test]
    fn sessions_at_the_end_of_time_do_not_panic() {
        let mut state = demo();
        let (mut session, giulia, organizer) = a_session(&state);
        for (start, end) in [
            (DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MAX_UTC),
            (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MIN_UTC),
            (DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC),
        ] {
            session.start = start;
            session.end = end;
            let _ = session_file(&session, &giulia, &organizer, now());
            state.webinars.sessions.insert(session.id, session.clone());
            for someone in state.directory.people.keys().copied().collect::<Vec<_>>() {
                let mine = view(&state, &Actor::Person(someone));
                let _ = person_calendar(&mine, someone, now());
            }
        }
    }
}
