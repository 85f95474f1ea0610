//! `GET /api/webinars/{id}/attendees.csv` over real HTTP: the rows of the
//! demo's past session, accents intact for Italian spreadsheets, and access
//! only for the session's trainers and administrators. And the partnership
//! over `/api/sync/pull`: a person of the second administration receives the
//! sessions open to the whole partnership and nothing else of the first.

mod common;

use common::{Server, Session};
use serde_json::Value;

const FAST: &str = "--insecure-fast-hashing";
const PAST: &str = "Introduzione al lavoro agile: accordo individuale e regole";

/// The id of the demo session titled `title`, as `session` sees it.
async fn session_id(session: &Session, title: &str) -> String {
    let (status, body) = session.get_json("/api/sync/pull?since=0&protocol=4").await;
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

/// A session by the signed-in trainer, two days from now, pushed over sync.
async fn push_session(trainer: &Session, title: &str, audience: Value) -> String {
    let (_, me) = trainer.get_json("/api/me").await;
    let id = uuid::Uuid::new_v4().to_string();
    let start = chrono::Utc::now() + chrono::Duration::days(2);
    let end = start + chrono::Duration::hours(1);
    let (status, body) = trainer
        .post_json(
            "/api/sync/push?protocol=4",
            &serde_json::json!({"commands": [{"id": uuid::Uuid::new_v4(), "command": {
                "area": "webinars", "type": "save_session", "id": id, "title": title,
                "trainers": [me["person"]["id"]], "start": start, "end": end,
                "capacity": 10, "join_link": format!("https://meet.example.org/{id}"),
                "audience": audience,
            }}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["results"][0]["status"], "accepted", "{body}");
    id
}

async fn pull(session: &Session, since: u64) -> Value {
    let (status, body) = session
        .get_json(&format!("/api/sync/pull?since={since}&protocol=4"))
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

#[tokio::test]
async fn only_partnership_sessions_reach_another_organisation_over_sync() {
    let server = Server::start(&[FAST, "--demo"]);
    let irene = server.login("irene").await;
    let (_, me) = irene.get_json("/api/me").await;
    assert_eq!(me["organisation"]["name"], "Comune di Rovereto");
    let irene_id = me["person"]["id"].as_str().expect("id").to_owned();

    // Her snapshot: her own administration, the partnership's sessions.
    let first = pull(&irene, 0).await;
    let snapshot = &first["snapshot"];
    let people = snapshot["directory"]["people"].as_object().expect("people");
    let org = &people[&irene_id]["org"];
    for (id, person) in people {
        // Someone of the first administration appears only as the minimal
        // card of a partnership session's trainer.
        if person["org"] != *org {
            assert_eq!(person["username"], "", "{id}: {person}");
            assert!(person["email"].is_null(), "{person}");
            assert_eq!(person["roles"], serde_json::json!([]), "{person}");
        }
    }
    assert!(people.values().all(|p| p["name"] != "Giulia Bianchi"));
    let teams = snapshot["directory"]["teams"].as_object().expect("teams");
    assert!(teams.values().all(|t| t["org"] == *org), "{teams:?}");
    let agreements = snapshot["directory"]["agreements"].as_object().expect("a");
    assert!(agreements
        .values()
        .all(|a| a["person"] == irene_id.as_str()));
    let agile = &snapshot["agile"];
    // Team counts travel (they cannot be rebuilt from a view); the indexes
    // the client rebuilds do not.
    if let Some(counts) = agile["team_days"].as_object() {
        assert!(counts.keys().all(|k| teams.contains_key(k)), "team_days");
    }
    for derived in ["members", "agreements", "absence_starts"] {
        assert!(agile.get(derived).is_none(), "{derived} sent in a pull");
    }
    for plans in ["days", "requests", "absences"] {
        let map = agile[plans].as_object().expect(plans);
        assert!(
            map.keys()
                .all(|k| people.get(k).is_none_or(|p| p["org"] == *org)),
            "{plans}"
        );
        if plans == "requests" {
            assert!(map.values().all(|r| r["person"] == irene_id.as_str()));
        }
    }
    assert!(agile["requests"].as_object().expect("r").is_empty());
    assert!(snapshot["objectives"]["objectives"]
        .as_object()
        .expect("objectives")
        .is_empty());
    let sessions = snapshot["webinars"]["sessions"].as_object().expect("s");
    let titles: Vec<&str> = sessions
        .values()
        .filter_map(|s| s["title"].as_str())
        .collect();
    assert!(titles.contains(&"Lavoro agile nel partenariato VeLA: buone pratiche"));
    assert!(titles.contains(&"Biblioteca digitale: servizi al pubblico da remoto"));
    assert!(!titles.contains(&PAST), "{titles:?}");
    let revision = first["revision"].as_u64().expect("revision");

    // Sara opens one session to the partnership and keeps one for her own
    // administration; Giulia changes her commute.
    let sara = server.login("sara").await;
    let open = push_session(
        &sara,
        "Aperto a tutti",
        serde_json::json!({"kind": "partnership"}),
    )
    .await;
    let own = push_session(
        &sara,
        "Solo Provincia",
        serde_json::json!({"kind": "organisation"}),
    )
    .await;
    let giulia = server.login("giulia").await;
    let (_, giulia_me) = giulia.get_json("/api/me").await;
    let (status, body) = giulia
        .post_json(
            "/api/sync/push?protocol=4",
            &serde_json::json!({"commands": [{"id": uuid::Uuid::new_v4(), "command": {
                "area": "directory", "type": "set_commute",
                "person": giulia_me["person"]["id"], "km": 31,
            }}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");

    let changes = pull(&irene, revision).await;
    assert!(changes["snapshot"].is_null(), "{changes}");
    let text = changes["changes"].to_string();
    assert!(text.contains(&open), "the partnership session arrives");
    assert!(
        !text.contains(&own),
        "the own-organisation one never: {text}"
    );
    assert!(
        !text.contains("person_saved"),
        "no people of the other: {text}"
    );
    let again = pull(&irene, 0).await.to_string();
    assert!(again.contains(&open));
    assert!(!again.contains(&own));
    assert!(!again.contains(giulia_me["person"]["id"].as_str().expect("id")));

    // She registers for the open one and not for the other; Sara sees her.
    for (session, expected) in [(&open, "accepted"), (&own, "rejected")] {
        let (status, body) = irene
            .post_json(
                "/api/sync/push?protocol=4",
                &serde_json::json!({"commands": [{"id": uuid::Uuid::new_v4(), "command": {
                    "area": "webinars", "type": "register", "session": session,
                }}]}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["results"][0]["status"], expected, "{body}");
    }
    let saras = pull(&sara, 0).await;
    let registrants = &saras["snapshot"]["webinars"]["registrations"][&open];
    assert_eq!(registrants[&irene_id]["status"], "registered", "{saras}");
    let card = &saras["snapshot"]["directory"]["people"][&irene_id];
    assert_eq!(card["name"], "Irene Fait");
    assert_eq!(card["username"], "");
    let rows = records(&sara.get(&csv_path(&open)).await.bytes().await.expect("csv"));
    assert!(
        rows.iter()
            .any(|r| r[0] == "Irene Fait" && r[1] == "Comune di Rovereto"),
        "{rows:?}"
    );
    // The other administration's administrator gets no attendee list.
    let admin2 = server.login("admin.rovereto").await;
    assert_eq!(admin2.get(&csv_path(&open)).await.status().as_u16(), 403);
}
