//! `POST /api/people/import` over real HTTP: an administrator previews an
//! HR file, applies it all or nothing, and importing it again changes
//! nothing; nobody else may; and every bad file is refused with one clear
//! answer, leaving the organisation exactly as it was.

mod common;

use std::time::Instant;

use common::{Server, Session};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const FAST: &str = "--insecure-fast-hashing";
const IMPORT: &str = "/api/people/import";
const PREVIEW: &str = "/api/people/import?dry_run=true";

/// A file as the Provincia's HR would send it: Italian headers, `;`, a
/// column Vela does not know.
const FILE: &str = "Matricola;Cognome;Nome;E-mail;Username;Struttura;Ruoli;Km;Codice fiscale\n\
    1001;Bianchi;Giulia;giulia@provincia.example;giulia;Servizio Tributi;dipendente;;BNCGLI\n\
    1002;Rossi;Marco;;marco;servizio tributi;dipendente, responsabile;9;RSSMRC\n\
    2001;Esposito;Nadia;nadia@provincia.example;nesposito;Servizio Formazione;dipendente;14;SPSNDA\n";

async fn post_csv(session: &Session, path: &str, body: impl Into<Vec<u8>>) -> (u16, Value) {
    session.post_raw(path, "text/csv", body.into()).await
}

/// The organisation as its administrator sees it, and its revision.
async fn state_of(admin: &Session) -> (u64, Value) {
    let (status, body) = admin.get_json("/api/sync/pull?since=0&protocol=4").await;
    assert_eq!(status, 200, "{body}");
    let revision = body["revision"].as_u64().expect("revision");
    (revision, body["snapshot"]["directory"].clone())
}

fn person<'a>(directory: &'a Value, username: &str) -> Option<&'a Value> {
    directory["people"]
        .as_object()
        .expect("people")
        .values()
        .find(|p| p["username"] == username)
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
async fn a_preview_changes_nothing_the_apply_all_and_a_second_import_nothing() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let (before, directory) = state_of(&admin).await;

    let (status, preview) = post_csv(&admin, PREVIEW, FILE).await;
    assert_eq!(status, 200, "{preview}");
    assert_eq!(preview["applied"], false);
    assert!(preview.get("revision").is_none());
    let report = &preview["report"];
    assert_eq!(kinds(report), ["changed", "changed", "new"]);
    assert_eq!(
        report["ignored_columns"],
        serde_json::json!(["Codice fiscale"])
    );
    let marco = &report["rows"][1]["outcome"]["changes"];
    let fields: Vec<&str> = marco
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| c["field"].as_str().expect("field"))
        .collect();
    assert!(fields.contains(&"employee_number"), "{marco}");
    assert!(fields.contains(&"commute_km"), "{marco}");
    assert!(report["counts"]["missing"].as_u64().expect("missing") > 0);
    assert_eq!(state_of(&admin).await, (before, directory));

    let (status, applied) = post_csv(&admin, IMPORT, FILE).await;
    assert_eq!(status, 200, "{applied}");
    assert_eq!(applied["applied"], true);
    assert_eq!(kinds(&applied["report"]), ["changed", "changed", "new"]);
    let revision = applied["revision"].as_u64().expect("revision");
    assert_eq!(revision, before + 3, "one revision per change");
    let row_revisions: Vec<u64> = applied["report"]["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["revision"].as_u64().expect("row revision"))
        .collect();
    assert_eq!(row_revisions, [before + 1, before + 2, before + 3]);
    let (now, directory) = state_of(&admin).await;
    assert_eq!(now, revision);
    let nadia = person(&directory, "nesposito").expect("nadia added");
    assert_eq!(nadia["name"], "Nadia Esposito");
    assert_eq!(nadia["employee_number"], "2001");
    assert_eq!(nadia["commute_km"], 14);
    assert_eq!(nadia["active"], true);
    assert_eq!(
        person(&directory, "giulia").expect("giulia")["employee_number"],
        "1001"
    );

    let (status, again) = post_csv(&admin, IMPORT, FILE).await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(
        kinds(&again["report"]),
        ["unchanged", "unchanged", "unchanged"]
    );
    assert_eq!(again["revision"].as_u64(), Some(revision), "nothing stored");
    assert_eq!(state_of(&admin).await.0, revision);

    // Each applied import is in the security log, with its counts; the
    // previews are not.
    let (status, log) = admin.get_json("/api/audit?kind=security.import").await;
    assert_eq!(status, 200, "{log}");
    let entries = log["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 2, "{log}");
    assert!(
        entries
            .iter()
            .any(|e| e.to_string().contains("1 new, 2 changed")),
        "{log}"
    );
}

#[tokio::test]
async fn people_missing_from_the_file_are_deactivated_when_asked() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let (status, preview) = post_csv(
        &admin,
        "/api/people/import?dry_run=true&deactivate_missing=true",
        FILE,
    )
    .await;
    assert_eq!(status, 200, "{preview}");
    let counts = &preview["report"]["counts"];
    let deactivated = counts["deactivated"].as_u64().expect("deactivated");
    // Everyone else but the importing administrator.
    assert_eq!(
        counts["missing"].as_u64(),
        Some(deactivated + 1),
        "{counts}"
    );

    let (status, applied) =
        post_csv(&admin, "/api/people/import?deactivate_missing=true", FILE).await;
    assert_eq!(status, 200, "{applied}");
    let (_, directory) = state_of(&admin).await;
    assert_eq!(person(&directory, "luca").expect("kept")["active"], false);
    assert_eq!(person(&directory, "giulia").expect("kept")["active"], true);
    assert_eq!(person(&directory, "admin").expect("kept")["active"], true);
    // A deactivated person cannot sign in.
    assert_eq!(
        server.login_with("luca", common::DEMO_PASSWORD).await.err(),
        Some(401)
    );
}

#[tokio::test]
async fn only_administrators_of_the_organisation_import_and_only_into_it() {
    let server = Server::start(&[FAST, "--demo"]);
    let http = common::client();
    let response = http
        .post(server.url(PREVIEW))
        .header("content-type", "text/csv")
        .body(FILE)
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 401);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["error"], "unauthenticated");

    for who in ["giulia", "marco"] {
        let session = server.login(who).await;
        let (status, body) = post_csv(&session, PREVIEW, FILE).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (403, Some("forbidden")),
            "{who}"
        );
        let (status, _) = post_csv(&session, IMPORT, FILE).await;
        assert_eq!(status, 403, "{who}");
    }

    // Another administration's administrator: the Provincia's teams do not
    // exist for them, nor do its people.
    let rovereto = server.login("admin.rovereto").await;
    let (status, preview) = post_csv(&rovereto, PREVIEW, FILE).await;
    assert_eq!(status, 200, "{preview}");
    let reasons: Vec<&str> = preview["report"]["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["outcome"]["reason"]["code"].as_str().unwrap_or("none"))
        .collect();
    assert_eq!(reasons, ["unknown_team"; 3]);
    let admin = server.login("admin").await;
    let before = state_of(&admin).await;
    let (status, body) = post_csv(&rovereto, IMPORT, FILE).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (422, Some("rows_refused"))
    );
    assert_eq!(state_of(&admin).await, before);
}

/// Sends `body` to the import route on a raw connection and returns the
/// status line and the JSON body: the server may answer before reading a
/// large body and close, which an HTTP client reports as a failed send.
async fn raw_post(server: &Server, session: &Session, path: &str, body: &[u8]) -> (u16, Value) {
    let address = server.base.trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(&address)
        .await
        .expect("connect");
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nCookie: {}\r\nContent-Type: text/csv\r\n\
Content-Length: {}\r\nConnection: close\r\n\r\n",
        session.cookie,
        body.len()
    );
    stream.write_all(head.as_bytes()).await.expect("head");
    for chunk in body.chunks(256 * 1024) {
        if stream.write_all(chunk).await.is_err() {
            break;
        }
    }
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let answer = String::from_utf8_lossy(&answer);
    let status = answer
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {answer}"));
    let json = answer
        .split_once("\r\n\r\n")
        .and_then(|(_, body)| serde_json::from_str(body).ok())
        .unwrap_or(Value::Null);
    (status, json)
}

#[tokio::test]
async fn every_bad_file_is_refused_whole_and_changes_nothing() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let before = state_of(&admin).await;
    let header = "Matricola;Cognome;Nome;E-mail;Username;Struttura\n";

    let utf16: Vec<u8> = format!("\u{feff}{header}1;Rossi;Anna;;arossi;\n")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let mut hundred_thousand = String::from(header);
    for n in 0..100_000 {
        hundred_thousand.push_str(&format!("{n};Cognome;Nome;;u{n};\n"));
    }
    let files: Vec<(&str, Vec<u8>, &str)> = vec![
        ("UTF-16", utf16, "encoding"),
        (
            "an .xlsx",
            b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0".to_vec(),
            "encoding",
        ),
        (
            "no username column",
            b"Matricola;Cognome;Nome\n1;Rossi;Anna\n".to_vec(),
            "missing_column",
        ),
        (
            "a matricola twice",
            format!("{header}7;Rossi;Anna;;arossi;\n7;Verdi;Ugo;;uverdi;\n").into_bytes(),
            "duplicate_employee_number",
        ),
        (
            "100,000 rows",
            hundred_thousand.into_bytes(),
            "too_many_rows",
        ),
        ("only a header", header.as_bytes().to_vec(), "no_rows"),
    ];
    for (what, file, code) in files {
        for path in [PREVIEW, IMPORT] {
            let (status, body) = post_csv(&admin, path, file.clone()).await;
            assert_eq!(status, 422, "{what} on {path}: {body}");
            assert_eq!(body["error"], code, "{what}: {body}");
            assert_eq!(body["file"]["code"], code, "{what}: {body}");
            assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
        }
    }
    assert_eq!(state_of(&admin).await, before);

    // Rows the rules refuse: a preview shows why, an apply imports nothing.
    let refused = format!(
        "{header}3001;Rossi;Anna;anna@provincia.example;arossi;Servizio Tributi\n\
         3002;Verdi;Ugo;;uverdi;Ragioneria\n\
         3003;Neri;Ada;ada-at-provincia;aneri;Servizio Tributi\n"
    );
    let (status, preview) = post_csv(&admin, PREVIEW, refused.clone()).await;
    assert_eq!(status, 200, "{preview}");
    assert_eq!(kinds(&preview["report"]), ["new", "refused", "refused"]);
    let reason = |row: usize| preview["report"]["rows"][row]["outcome"]["reason"].clone();
    assert_eq!(reason(1)["code"], "unknown_team");
    assert_eq!(reason(1)["team"], "Ragioneria");
    assert_eq!(reason(2)["code"], "rule");
    assert_eq!(reason(2)["rejection"]["code"], "invalid");
    assert_eq!(reason(2)["rejection"]["field"], "email");
    let (status, body) = post_csv(&admin, IMPORT, refused).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["error"], "rows_refused");
    assert_eq!(kinds(&body["report"]), ["new", "refused", "refused"]);
    assert_eq!(state_of(&admin).await, before, "not even the good row");

    // Not CSV, or too big.
    let (status, body) = admin
        .post_raw(IMPORT, "application/json", FILE.as_bytes().to_vec())
        .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (415, Some("unsupported_media_type"))
    );
    let mut twenty_megabytes = header.as_bytes().to_vec();
    twenty_megabytes.resize(20 * 1024 * 1024 + 1, b'x');
    let (status, body) = raw_post(&server, &admin, IMPORT, &twenty_megabytes).await;
    assert_eq!(status, 413, "{body}");
    assert_eq!(body["error"], "payload_too_large");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("20971520")),
        "{body}"
    );
    let (status, body) = post_csv(&admin, "/api/people/import?dry_run=maybe", FILE).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("bad_request")));
    assert_eq!(state_of(&admin).await, before);
    // The server is fine.
    assert_eq!(admin.get_json("/api/me").await.0, 200);
}

/// A file just under the size limit is read (and refused for what it
/// holds, not for its size).
#[tokio::test]
async fn a_file_just_under_twenty_megabytes_is_read() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let mut file = String::from("Matricola;Cognome;Nome;Username;Note\n");
    let note = "n".repeat(4000);
    let mut n = 0;
    while file.len() + 4100 < 20 * 1024 * 1024 {
        file.push_str(&format!("{n};Cognome;Nome;u{n};{note}\n"));
        n += 1;
    }
    let (status, body) = raw_post(&server, &admin, PREVIEW, file.as_bytes()).await;
    // About 5,000 rows of new people.
    assert_eq!(status, 200, "{}", body["message"]);
    assert_eq!(body["report"]["counts"]["new"].as_u64(), Some(n));
}

/// The budgets are 2 s to preview and 10 s to apply 5,000 rows (printed,
/// not asserted: this is a debug build on a shared machine).
#[tokio::test]
async fn five_thousand_rows_preview_and_apply() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let mut file = String::from("Matricola;Cognome;Nome;E-mail;Username;Struttura;Ruoli;Km\n");
    for n in 0..5_000 {
        file.push_str(&format!(
            "{n:05};Cognome{n};Nome;p{n}@provincia.example;p{n};Servizio Tributi;dipendente;{}\n",
            n % 40
        ));
    }
    // A debug build takes far longer than the 20 s of the usual client.
    let admin = Session {
        http: reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(600))
            .build()
            .expect("client"),
        ..admin
    };
    let started = Instant::now();
    let (status, preview) = post_csv(&admin, PREVIEW, file.clone()).await;
    let preview_time = started.elapsed();
    assert_eq!(status, 200, "{}", preview["message"]);
    assert_eq!(preview["report"]["counts"]["new"], 5_000);

    let started = Instant::now();
    let (status, applied) = post_csv(&admin, IMPORT, file.clone()).await;
    let apply_time = started.elapsed();
    assert_eq!(status, 200, "{}", applied["message"]);
    let started = Instant::now();
    let (status, again) = post_csv(&admin, PREVIEW, file).await;
    let again_time = started.elapsed();
    assert_eq!(status, 200);
    assert_eq!(again["report"]["counts"]["unchanged"], 5_000);
    println!(
        "5,000 rows: preview {preview_time:?}, apply {apply_time:?}, preview of the same file again {again_time:?}"
    );
}
