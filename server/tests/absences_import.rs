//! `POST /api/absences/import` over real HTTP: an administrator previews a
//! file from the attendance system, applies it all or nothing — planned
//! days under a new absence are withdrawn and their owner is told —, and
//! importing it again changes nothing; nobody else may; a bad file changes
//! nothing.

mod common;

use chrono::{Datelike, Days, NaiveDate, Utc, Weekday};
use common::{Server, Session};
use serde_json::{json, Value};
use uuid::Uuid;

const FAST: &str = "--insecure-fast-hashing";
const IMPORT: &str = "/api/absences/import";
const PREVIEW: &str = "/api/absences/import?dry_run=true";

async fn post_csv(session: &Session, path: &str, body: &str) -> (u16, Value) {
    session
        .post_raw(path, "text/csv", body.as_bytes().to_vec())
        .await
}

/// Everything the administrator's pull holds, and its revision.
async fn snapshot(admin: &Session) -> (u64, Value) {
    let (status, body) = admin.get_json("/api/sync/pull?since=0&protocol=4").await;
    assert_eq!(status, 200, "{body}");
    let revision = body["revision"].as_u64().expect("revision");
    (revision, body["snapshot"].clone())
}

fn person_id(snapshot: &Value, username: &str) -> String {
    snapshot["directory"]["people"]
        .as_object()
        .expect("people")
        .iter()
        .find(|(_, p)| p["username"] == username)
        .map(|(id, _)| id.clone())
        .expect("person")
}

/// A Tuesday about three months ahead, clear of anything the demo plans.
fn a_tuesday_ahead() -> NaiveDate {
    let mut day = Utc::now().date_naive() + Days::new(95);
    while day.weekday() != Weekday::Tue {
        day = day + Days::new(1);
    }
    day
}

fn kinds(report: &Value) -> Vec<String> {
    report["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["outcome"]["kind"].as_str().expect("kind").to_owned())
        .collect()
}

#[tokio::test]
async fn absences_are_previewed_applied_all_at_once_and_a_second_import_changes_nothing() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let giulia = server.login("giulia").await;
    let tuesday = a_tuesday_ahead();
    // Giulia plans that Tuesday at home.
    let (status, body) = giulia
        .post_json(
            "/api/sync/push?protocol=4",
            &json!({"commands": [{"id": Uuid::new_v4(), "command": {
                "area": "agile", "type": "request_days", "id": Uuid::new_v4(),
                "days": {"kind": "dates", "dates": [tuesday]},
                "mode": "agile", "place": {"kind": "home"}, "note": ""}}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["results"][0]["status"], "accepted", "{body}");

    let monday = tuesday - Days::new(1);
    let friday = tuesday + Days::new(3);
    let file = format!(
        "Username;Dal;Al;Causale;Note;Reparto\n\
         giulia;{};{};Ferie;Montagna;Tributi\n\
         marco;{};;malattia;;Tributi\n",
        monday.format("%d/%m/%Y"),
        friday.format("%d/%m/%Y"),
        friday
    );
    let (before, state) = snapshot(&admin).await;
    let giulia_id = person_id(&state, "giulia");

    let (status, preview) = post_csv(&admin, PREVIEW, &file).await;
    assert_eq!(status, 200, "{preview}");
    assert_eq!(preview["applied"], false);
    let report = &preview["report"];
    assert_eq!(kinds(report), ["new", "new"]);
    assert_eq!(
        report["rows"][0]["outcome"]["withdrawn_days"], 1,
        "{report}"
    );
    assert_eq!(report["counts"]["withdrawn_days"], 1);
    assert_eq!(report["ignored_columns"], json!(["Reparto"]));
    assert_eq!(snapshot(&admin).await.0, before, "a preview stores nothing");

    let (status, applied) = post_csv(&admin, IMPORT, &file).await;
    assert_eq!(status, 200, "{applied}");
    assert_eq!(applied["applied"], true);
    let revision = applied["revision"].as_u64().expect("revision");
    assert!(revision >= before + 2, "{applied}");
    let (_, state) = snapshot(&admin).await;
    let day = &state["agile"]["days"][&giulia_id][tuesday.to_string()];
    assert_eq!(day["status"], "withdrawn", "{day}");
    let absences = state["agile"]["absences"].as_object().expect("absences");
    let hers: Vec<&Value> = absences
        .values()
        .filter(|a| a["person"] == giulia_id.as_str())
        .filter(|a| a["from"] == monday.to_string())
        .collect();
    assert_eq!(hers.len(), 1, "{absences:?}");
    assert_eq!(hers[0]["detail"]["kind"], "holiday");

    // Giulia is told her day was withdrawn, as on the Absences page.
    let (_, own) = giulia.get_json("/api/sync/pull?since=0&protocol=4").await;
    let told = own["snapshot"]["notifications"].to_string();
    assert!(told.contains(&tuesday.to_string()), "{told}");

    // The same file again: nothing new, nothing stored.
    let (status, again) = post_csv(&admin, IMPORT, &file).await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(kinds(&again["report"]), ["unchanged", "unchanged"]);
    assert_eq!(again["revision"].as_u64(), Some(revision));

    // The security log names the import.
    let (status, audit) = admin.get_json("/api/audit?kind=security.import").await;
    assert_eq!(status, 200, "{audit}");
    assert!(audit.to_string().contains("absences: 2 new"), "{audit}");
}

#[tokio::test]
async fn a_file_with_a_refused_row_stores_nothing_and_says_why() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let tuesday = a_tuesday_ahead();
    let file = format!(
        "Matricola;Username;Dal;Al;Tipo\n\
         ;giulia;{tuesday};;ferie\n\
         ;nessuno;{tuesday};;ferie\n\
         ;giulia;{tuesday};;permesso\n\
         ;marco;{tuesday};;sciopero\n\
         ;marco;30/02/2027;;ferie\n"
    );
    let before = snapshot(&admin).await;
    let (status, body) = post_csv(&admin, IMPORT, &file).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"], "rows_refused");
    assert!(body["message"].as_str().is_some());
    let reasons: Vec<String> = body["report"]["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            r["outcome"]["reason"]["code"]
                .as_str()
                .or(r["outcome"]["kind"].as_str())
                .unwrap_or("?")
                .to_owned()
        })
        .collect();
    assert_eq!(
        reasons,
        [
            "new",
            "unknown_person",
            "rule",
            "unknown_kind",
            "not_a_date"
        ]
    );
    assert_eq!(
        body["report"]["rows"][2]["outcome"]["reason"]["rejection"]["code"],
        "absence_overlaps"
    );
    assert_eq!(snapshot(&admin).await, before);

    // Whole-file problems: one error with its code.
    for (file, code) in [
        ("", "empty"),
        ("Username;Tipo\ngiulia;ferie\n", "missing_column"),
        ("Dal;Tipo\n2027-01-05;ferie\n", "missing_column"),
        ("Username;Dal;Tipo\n", "no_rows"),
    ] {
        let (status, body) = post_csv(&admin, IMPORT, file).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (422, Some(code)),
            "{file:?}: {body}"
        );
        assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let (status, body) = admin
        .post_raw(IMPORT, "text/csv", b"\xFF\xFEU\0s\0".to_vec())
        .await;
    assert_eq!((status, body["error"].as_str()), (422, Some("encoding")));
    let (status, body) = admin
        .post_json(IMPORT, &json!({"file": "Username;Dal;Tipo"}))
        .await;
    assert_eq!(status, 415, "{body}");
    assert_eq!(snapshot(&admin).await, before);
}

#[tokio::test]
async fn only_administrators_import_absences_and_only_for_their_people() {
    let server = Server::start(&[FAST, "--demo"]);
    let tuesday = a_tuesday_ahead();
    let file = format!("Username;Dal;Tipo\ngiulia;{tuesday};ferie\n");
    for who in ["giulia", "marco", "sara"] {
        let session = server.login(who).await;
        let (status, body) = post_csv(&session, PREVIEW, &file).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (403, Some("forbidden")),
            "{who}"
        );
    }
    // The Comune di Rovereto's administrator does not know the Provincia's
    // people.
    let rovereto = server.login("admin.rovereto").await;
    let (status, body) = post_csv(&rovereto, PREVIEW, &file).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["report"]["rows"][0]["outcome"]["reason"]["code"],
        "unknown_person"
    );
}
