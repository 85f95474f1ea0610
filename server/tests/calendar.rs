//! The iCalendar export over real HTTP against the real binary with the demo
//! data: my calendar as a download, the personal feed (no cookie, rotate,
//! revoke), one session's file, and JSON errors for bad input. Every file is
//! read back with a real RFC 5545 parser (the `icalendar` crate's).

mod common;

use std::collections::BTreeSet;

use common::{client, Server, Session};
use icalendar::{CalendarDateTime, Component, DatePerhapsTime, EventStatus};
use reqwest::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, COOKIE};
use serde_json::{json, Value};

const FAST: &str = "--insecure-fast-hashing";

async fn demo() -> Server {
    Server::start(&[FAST, "--demo"])
}

async fn person_id(session: &Session) -> String {
    let (status, me) = session.get_json("/api/me").await;
    assert_eq!(status, 200, "{me}");
    me["person"]["id"].as_str().expect("person id").to_string()
}

async fn snapshot(session: &Session) -> Value {
    let (status, body) = session.get_json("/api/sync/pull?since=0&protocol=4").await;
    assert_eq!(status, 200, "{body}");
    body["snapshot"].clone()
}

/// Status, content type and body of a GET (with the session's cookie, or
/// none).
async fn fetch(server: &Server, path: &str, session: Option<&Session>) -> (u16, String, String) {
    let mut request = client().get(server.url(path));
    if let Some(session) = session {
        request = request.header(COOKIE, &session.cookie);
    }
    let response = request.send().await.expect("GET");
    let status = response.status().as_u16();
    let content_type = header(&response, CONTENT_TYPE);
    (status, content_type, response.text().await.expect("body"))
}

fn header(response: &reqwest::Response, name: reqwest::header::HeaderName) -> String {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().expect("ASCII header").to_string())
        .unwrap_or_default()
}

/// Asserts a JSON error answer.
fn assert_error(status: u16, content_type: &str, body: &str, expected: u16, code: &str) {
    assert_eq!(status, expected, "{body}");
    assert!(
        content_type.starts_with("application/json"),
        "{content_type}"
    );
    let body: Value = serde_json::from_str(body).expect("JSON error");
    assert_eq!(body["error"], code, "{body}");
}

/// Parses a calendar with the crate's parser, failing on anything invalid.
fn parse(text: &str) -> icalendar::Calendar {
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(text.ends_with("END:VCALENDAR\r\n"), "{text}");
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
    }
    text.parse::<icalendar::Calendar>()
        .unwrap_or_else(|e| panic!("not a valid calendar: {e}\n{text}"))
}

fn uids(calendar: &icalendar::Calendar) -> BTreeSet<String> {
    calendar
        .events()
        .map(|e| e.get_uid().expect("every event has a UID").to_string())
        .collect()
}

/// The dates of `person`'s days with `status` in a snapshot.
fn days_with(snapshot: &Value, person: &str, status: &str) -> Vec<String> {
    snapshot["agile"]["days"][person]
        .as_object()
        .map(|days| {
            days.iter()
                .filter(|(_, d)| d["status"] == status)
                .map(|(date, _)| date.clone())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn my_calendar_holds_my_approved_days_and_seats_with_stable_uids() {
    let server = demo().await;
    let giulia = server.login("giulia").await;
    let me = person_id(&giulia).await;
    let state = snapshot(&giulia).await;

    let response = giulia.get("/api/calendar.ics").await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(header(&response, CONTENT_TYPE).starts_with("text/calendar"));
    assert!(header(&response, CONTENT_DISPOSITION).starts_with("attachment"));
    assert!(header(&response, CACHE_CONTROL).contains("no-store"));
    let text = response.text().await.expect("body");
    let calendar = parse(&text);

    // Every approved day is an all-day event with its stable UID.
    let approved = days_with(&state, &me, "approved");
    assert!(!approved.is_empty(), "the demo approves days of giulia");
    for date in &approved {
        let uid = format!("agile-{me}-{date}@vela");
        let event = calendar
            .events()
            .find(|e| e.get_uid() == Some(uid.as_str()))
            .unwrap_or_else(|| panic!("no event {uid} in\n{text}"));
        let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date");
        assert_eq!(event.get_start(), Some(DatePerhapsTime::Date(date)));
        assert_eq!(
            event.get_end(),
            Some(DatePerhapsTime::Date(date.succ_opt().expect("next")))
        );
        assert_eq!(event.get_status(), Some(EventStatus::Confirmed));
        assert!(event.get_timestamp().is_some(), "DTSTAMP");
    }
    // Pending and rejected days are not in it.
    for status in ["pending", "rejected"] {
        for date in days_with(&state, &me, status) {
            assert!(!text.contains(&format!("agile-{me}-{date}@vela")), "{date}");
        }
    }

    // Every session where giulia holds a seat is timed in Europe/Rome.
    let seats: Vec<String> = state["webinars"]["registrations"]
        .as_object()
        .expect("registrations")
        .iter()
        .filter(|(_, people)| people[&me]["status"] == "registered")
        .map(|(session, _)| session.clone())
        .collect();
    assert!(!seats.is_empty(), "giulia holds a seat in the demo");
    for session in &seats {
        let uid = format!("webinar-{session}@vela");
        let event = calendar
            .events()
            .find(|e| e.get_uid() == Some(uid.as_str()))
            .unwrap_or_else(|| panic!("no event {uid} in\n{text}"));
        match event.get_start() {
            Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { tzid, .. })) => {
                assert_eq!(tzid, "Europe/Rome")
            }
            other => panic!("{uid} starts at {other:?}"),
        }
        // Who gives it and who attends, as in the single session's file.
        let organizer = event
            .property_value("ORGANIZER")
            .unwrap_or_else(|| panic!("{uid} has no ORGANIZER in\n{text}"));
        assert!(organizer.starts_with("mailto:"), "{organizer}");
    }
    let unfolded = icalendar::parser::unfold(&text);
    let attendee = "ATTENDEE;CN=Giulia Bianchi;PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT:mailto:giulia@provincia.example.org";
    assert_eq!(
        unfolded.lines().filter(|l| *l == attendee).count(),
        seats.len(),
        "{text}"
    );
    assert_eq!(
        calendar.events().count(),
        approved.len() + seats.len(),
        "nothing else: {text}"
    );

    // The time zone is defined once, with both of its rules.
    let raw = icalendar::parser::unfold(&text);
    let raw = icalendar::parser::read_calendar(&raw).expect("parses");
    let zones: Vec<_> = raw
        .components
        .iter()
        .filter(|c| c.name == "VTIMEZONE")
        .collect();
    assert_eq!(zones.len(), 1);
    assert_eq!(
        zones[0].find_prop("TZID").map(|p| p.val.to_string()),
        Some("Europe/Rome".to_string())
    );
    let rules: BTreeSet<String> = zones[0]
        .components
        .iter()
        .map(|c| c.name.to_string())
        .collect();
    assert_eq!(rules, ["DAYLIGHT", "STANDARD"].map(String::from).into());
    assert!(zones[0].find_prop("DTSTAMP").is_none());

    // Downloading again gives the same events (so re-imports update).
    let (status, _, again) = fetch(&server, "/api/calendar.ics", Some(&giulia)).await;
    assert_eq!(status, 200);
    assert_eq!(uids(&parse(&again)), uids(&calendar));

    // Someone else's calendar holds their own days, not giulia's.
    let luca = server.login("luca").await;
    let (_, _, theirs) = fetch(&server, "/api/calendar.ics", Some(&luca)).await;
    assert!(!theirs.contains(&me), "giulia's id in luca's calendar");
}

#[tokio::test]
async fn the_feed_works_without_a_cookie_until_rotated_or_revoked() {
    let server = demo().await;
    let luca = server.login("luca").await;
    let (status, body) = luca.get_json("/api/calendar/feed").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body, json!({"active": false, "created_at": null}));

    let (status, created) = luca.post_json("/api/calendar/feed", &json!({})).await;
    assert_eq!(status, 200, "{created}");
    let first = created["url"].as_str().expect("url").to_string();
    assert!(
        first.starts_with("/api/feeds/") && first.ends_with(".ics"),
        "{first}"
    );
    assert!(created["created_at"].is_string(), "{created}");
    let (_, body) = luca.get_json("/api/calendar/feed").await;
    assert_eq!(body["active"], true, "{body}");
    assert_eq!(body["created_at"], created["created_at"]);
    assert!(body.get("url").is_none(), "the URL is shown only once");

    // No cookie: a calendar app.
    let (status, content_type, text) = fetch(&server, &first, None).await;
    assert_eq!(status, 200, "{text}");
    assert!(content_type.starts_with("text/calendar"), "{content_type}");
    let (_, _, download) = fetch(&server, "/api/calendar.ics", Some(&luca)).await;
    assert_eq!(uids(&parse(&text)), uids(&parse(&download)));
    assert!(text.contains("X-WR-CALNAME:Vela · Luca"), "{text}");
    let me = person_id(&luca).await;
    for date in days_with(&snapshot(&luca).await, &me, "approved") {
        assert!(
            text.contains(&format!("UID:agile-{me}-{date}@vela")),
            "{date}"
        );
    }

    // Rotating: the old URL stops working, the new one works.
    let (status, rotated) = luca.post_json("/api/calendar/feed", &json!({})).await;
    assert_eq!(status, 200, "{rotated}");
    let second = rotated["url"].as_str().expect("url").to_string();
    assert_ne!(first, second);
    let (status, content_type, body) = fetch(&server, &first, None).await;
    assert_error(status, &content_type, &body, 404, "not_found");
    let (status, _, _) = fetch(&server, &second, None).await;
    assert_eq!(status, 200);

    // Revoking needs a JSON request like every change (CSRF rule)…
    let response = client()
        .delete(server.url("/api/calendar/feed"))
        .header(COOKIE, &luca.cookie)
        .send()
        .await
        .expect("DELETE");
    assert_eq!(response.status().as_u16(), 415);
    let (status, _, _) = fetch(&server, &second, None).await;
    assert_eq!(status, 200, "a refused revoke changes nothing");
    // …and then the URL is gone.
    let response = client()
        .delete(server.url("/api/calendar/feed"))
        .header(COOKIE, &luca.cookie)
        .json(&json!({}))
        .send()
        .await
        .expect("DELETE");
    assert_eq!(response.status().as_u16(), 200);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body, json!({"active": false, "created_at": null}));
    let (status, content_type, body) = fetch(&server, &second, None).await;
    assert_error(status, &content_type, &body, 404, "not_found");
    let (_, body) = luca.get_json("/api/calendar/feed").await;
    assert_eq!(body["active"], false, "{body}");

    // Unknown and malformed tokens.
    for path in [
        "/api/feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics",
        "/api/feeds/not-a-token.ics",
        "/api/feeds/.ics",
        second.trim_end_matches(".ics"),
    ] {
        let (status, content_type, body) = fetch(&server, path, None).await;
        assert_error(status, &content_type, &body, 404, "not_found");
    }
}

#[tokio::test]
async fn feed_management_needs_a_session_and_an_empty_json_object() {
    let server = demo().await;
    for path in ["/api/calendar.ics", "/api/calendar/feed"] {
        let (status, content_type, body) = fetch(&server, path, None).await;
        assert_error(status, &content_type, &body, 401, "unauthenticated");
    }
    let response = client()
        .post(server.url("/api/calendar/feed"))
        .json(&json!({}))
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status().as_u16(), 401);

    let marco = server.login("marco").await;
    let (status, body) = marco
        .post_raw("/api/calendar/feed", "text/plain", b"{}".to_vec())
        .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (415, Some("unsupported_media_type"))
    );
    let (status, body) = marco
        .post_json("/api/calendar/feed", &json!({"person": "someone else"}))
        .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (422, Some("invalid_body"))
    );
    let (status, body) = marco
        .post_raw("/api/calendar/feed", "application/json", b"{".to_vec())
        .await;
    assert_eq!((status, body["error"].as_str()), (400, Some("bad_request")));
    let (_, body) = marco.get_json("/api/calendar/feed").await;
    assert_eq!(body["active"], false, "nothing was made: {body}");
}

#[tokio::test]
async fn one_session_file_only_for_sessions_i_may_see() {
    let server = demo().await;
    let giulia = server.login("giulia").await;
    let state = snapshot(&giulia).await;
    // The demo's session for one team only, which giulia may see.
    let (team_session, _) = state["webinars"]["sessions"]
        .as_object()
        .expect("sessions")
        .iter()
        .find(|(_, s)| s["audience"]["kind"] == "teams")
        .expect("a session for chosen teams");
    let path = format!("/api/webinars/{team_session}/ics");

    let response = giulia.get(&path).await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(header(&response, CONTENT_TYPE).starts_with("text/calendar"));
    assert!(header(&response, CONTENT_DISPOSITION).contains(&format!("webinar-{team_session}.ics")));
    let calendar = parse(&response.text().await.expect("body"));
    assert_eq!(
        uids(&calendar),
        [format!("webinar-{team_session}@vela")].into()
    );

    // Someone outside the audience does not learn that it exists.
    let mut outsider = None;
    for username in [
        "francesca",
        "roberto",
        "alessio",
        "martina",
        "stefano",
        "chiara",
    ] {
        let session = server.login(username).await;
        let theirs = snapshot(&session).await;
        if theirs["webinars"]["sessions"].get(team_session).is_none() {
            outsider = Some(session);
            break;
        }
    }
    let outsider = outsider.expect("someone outside the session's teams");
    let (status, content_type, body) = fetch(&server, &path, Some(&outsider)).await;
    assert_error(status, &content_type, &body, 404, "not_found");

    let unknown = format!("/api/webinars/{}/ics", uuid::Uuid::new_v4());
    let (status, content_type, body) = fetch(&server, &unknown, Some(&giulia)).await;
    assert_error(status, &content_type, &body, 404, "not_found");
    let (status, content_type, body) =
        fetch(&server, "/api/webinars/not-a-uuid/ics", Some(&giulia)).await;
    assert_error(status, &content_type, &body, 400, "bad_request");
    let (status, content_type, body) = fetch(&server, &path, None).await;
    assert_error(status, &content_type, &body, 401, "unauthenticated");
}

/// A validator for one schema of the OpenAPI document's components.
fn validator(document: &Value, name: &str) -> jsonschema::Validator {
    let mut root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": format!("#/components/schemas/{name}"),
    });
    root["components"] = document["components"].clone();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&root)
        .unwrap_or_else(|e| panic!("{name} compiles: {e}"))
}

#[tokio::test]
async fn the_openapi_document_describes_the_calendar_routes_as_they_answer() {
    let server = demo().await;
    let (status, _, text) = fetch(&server, "/api/openapi.json", None).await;
    assert_eq!(status, 200);
    let document: Value = serde_json::from_str(&text).expect("JSON");
    for path in [
        "/api/calendar.ics",
        "/api/calendar/feed",
        "/api/feeds/{token}.ics",
        "/api/webinars/{id}/ics",
    ] {
        assert!(document["paths"][path].is_object(), "{path} is documented");
    }
    for method in ["get", "post", "delete"] {
        assert!(document["paths"]["/api/calendar/feed"][method].is_object());
    }
    assert_eq!(
        document["paths"]["/api/feeds/{token}.ics"]["get"]["security"],
        json!([])
    );

    let status_schema = validator(&document, "FeedStatus");
    let new_schema = validator(&document, "NewFeed");
    let body_schema = validator(&document, "NoFields");
    assert!(body_schema.is_valid(&json!({})));
    assert!(!body_schema.is_valid(&json!({"person": "x"})));

    let chiara = server.login("chiara").await;
    let (_, before) = chiara.get_json("/api/calendar/feed").await;
    assert!(status_schema.is_valid(&before), "{before}");
    let (_, created) = chiara.post_json("/api/calendar/feed", &json!({})).await;
    assert!(new_schema.is_valid(&created), "{created}");
    let (_, after) = chiara.get_json("/api/calendar/feed").await;
    assert!(status_schema.is_valid(&after), "{after}");
}
