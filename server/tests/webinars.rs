//! `GET /api/webinars/{id}/attendees.csv` over real HTTP: the rows of the
//! demo's past session, accents intact for Italian spreadsheets, and access
//! only for the session's trainers and administrators.

mod common;

use common::{Server, Session};
use serde_json::Value;

const FAST: &str = "--insecure-fast-hashing";
const PAST: &str = "Introduzione al lavoro agile: accordo individuale e regole";

/// The id of the demo session titled `title`, as `session` sees it.
async fn session_id(session: &Session, title: &str) -> String {
    let (status, body) = session.get_json("/api/sync/pull?since=0").await;
    assert_eq!(status, 200, "{body}");
    let sessions = body["snapshot"]["webinars"]["sessions"]
        .as_object()
        .expect("sessions");
    sessions
        .iter()
        .find(|(_, s)| s["title"] == title)
        .map(|(id, _)| id.clone())
        .unwrap_or_else(|| panic!("no session {title}"))
}

fn csv_path(id: &str) -> String {
    format!("/api/webinars/{id}/attendees.csv")
}

/// Reads a `;`-separated body (after its BOM) into records.
fn records(body: &[u8]) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(&body[3..]);
    reader
        .records()
        .map(|r| r.expect("record").iter().map(str::to_string).collect())
        .collect()
}

#[tokio::test]
async fn the_trainer_downloads_the_attendees_as_csv_with_accents() {
    let server = Server::start(&[FAST, "--demo"]);
    let sara = server.login("sara").await;
    let id = session_id(&sara, PAST).await;
    let response = sara.get(&csv_path(&id)).await;
    assert_eq!(response.status().as_u16(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
    let disposition = headers["content-disposition"].to_str().expect("ascii");
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    let body = response.bytes().await.expect("body");
    assert_eq!(&body[..3], b"\xEF\xBB\xBF", "UTF-8 byte order mark first");
    let text = std::str::from_utf8(&body[3..]).expect("UTF-8");
    assert!(text.starts_with("Nome;Struttura;Iscrizione;"), "{text}");

    let rows = records(&body);
    assert_eq!(rows[0].len(), 7);
    // The demo records eight people present, none of them registered.
    let people = &rows[1..];
    assert_eq!(people.len(), 8, "{text}");
    for row in people {
        assert_eq!(row.len(), 7, "{row:?}");
        assert!(!row[0].is_empty(), "a name: {row:?}");
        assert_eq!(row[2], "senza iscrizione");
        assert_eq!(row[4], "sì");
    }
    assert!(people.iter().any(|r| r[0] == "Giulia Bianchi"));
    let rated: Vec<_> = people.iter().filter(|r| !r[5].is_empty()).collect();
    assert_eq!(rated.len(), 5);
    assert!(
        people.iter().any(|r| r[6]
            == "Chiarissimo, finalmente ho capito come funzionano le fasce di contattabilità."),
        "accented comment intact: {text}"
    );
}

#[tokio::test]
async fn an_administrator_may_download_and_an_employee_may_not() {
    let server = Server::start(&[FAST, "--demo"]);
    let sara = server.login("sara").await;
    let id = session_id(&sara, PAST).await;

    let admin = server.login("admin").await;
    assert_eq!(admin.get(&csv_path(&id)).await.status().as_u16(), 200);

    // Giulia attended (she sees the session) but does not train it.
    let giulia = server.login("giulia").await;
    let (status, body) = giulia.get_json(&csv_path(&id)).await;
    assert_eq!(status, 403, "{body}");
    assert_eq!(body["error"], "forbidden");

    // Another trainer, not of this session.
    let francesca = server.login("francesca").await;
    let (status, body) = francesca.get_json(&csv_path(&id)).await;
    assert_eq!(status, 403, "{body}");

    let (status, body): (u16, Value) = sara
        .get_json(&csv_path("00000000-0000-4000-8000-000000000000"))
        .await;
    assert_eq!(status, 404, "{body}");
    assert_eq!(body["error"], "not_found");

    let (status, body) = sara
        .get_json("/api/webinars/not-a-uuid/attendees.csv")
        .await;
    assert_eq!(status, 400, "{body}");

    let anonymous = common::client()
        .get(server.url(&csv_path(&id)))
        .send()
        .await
        .expect("GET");
    assert_eq!(anonymous.status().as_u16(), 401);
}

#[tokio::test]
async fn the_route_is_described_in_the_openapi_document() {
    let server = Server::start(&[FAST]);
    let response = common::client()
        .get(server.url("/api/openapi.json"))
        .send()
        .await
        .expect("openapi");
    let document: Value = response.json().await.expect("JSON");
    let route = &document["paths"]["/api/webinars/{id}/attendees.csv"]["get"];
    assert!(route.is_object(), "documented");
    for status in ["200", "401", "403", "404"] {
        assert!(
            route["responses"][status].is_object(),
            "{status} documented"
        );
    }
}
