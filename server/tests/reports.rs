//! `GET /api/reports/{month}/teams.csv` and `…/weekdays.csv` over real HTTP:
//! the monthly monitoring for the administrators, as Italian spreadsheets
//! read it, and a clear JSON refusal for everyone else and for bad months.

mod common;

use common::Server;

const FAST: &str = "--insecure-fast-hashing";

/// Reads a `;`-separated body (after its BOM) into records.
fn records(body: &[u8]) -> Vec<Vec<String>> {
    assert_eq!(&body[..3], b"\xEF\xBB\xBF", "UTF-8 byte order mark first");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(&body[3..])
        .records()
        .map(|r| r.expect("record").iter().map(str::to_string).collect())
        .collect()
}

fn number(cell: &str) -> f64 {
    cell.replace(',', ".")
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {cell:?}"))
}

fn this_month() -> String {
    chrono::Utc::now().format("%Y-%m").to_string()
}

#[tokio::test]
async fn the_administrator_downloads_the_month_per_team_with_a_total() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let month = this_month();
    let response = admin.get(&format!("/api/reports/{month}/teams.csv")).await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .expect("ascii");
    assert!(
        disposition.contains(&format!("monitoraggio-{month}-strutture.csv")),
        "{disposition}"
    );
    let rows = records(&response.bytes().await.expect("body"));

    assert_eq!(rows[0][0], "Struttura");
    assert_eq!(rows[0].len(), 18);
    assert_eq!(rows[0][17], "Persone con accordo individuale");
    let teams = &rows[1..rows.len() - 1];
    let total = rows.last().expect("total row");
    assert_eq!(total[0], "Totale");
    let names: Vec<&str> = teams.iter().map(|r| r[0].as_str()).collect();
    for demo_team in [
        "Servizio Formazione",
        "Servizio Sistemi informativi",
        "Servizio Tributi",
    ] {
        assert!(names.contains(&demo_team), "{names:?}");
    }
    for row in teams.iter().chain([total]) {
        assert_eq!(row[1], month);
        // Shares are percentages, with a decimal comma.
        for share in [&row[4], &row[10]] {
            assert!(share.contains(','), "{share}");
            assert!((0.0..=100.0).contains(&number(share)), "{share}");
        }
        // Agile, remote and telework days are apart and add up to the days away.
        assert_eq!(
            number(&row[6]),
            number(&row[7]) + number(&row[8]) + number(&row[9]),
            "{row:?}"
        );
    }
    assert!(number(&total[6]) > 0.0, "{total:?}");
    // The total adds up the teams' staff, and its CO2 follows from its km.
    let staff: f64 = teams.iter().map(|r| number(&r[2])).sum();
    assert_eq!(number(&total[2]), staff);
    let km = number(&total[11]);
    assert!((number(&total[12]) - km * 0.163).abs() < 0.06, "{total:?}");
}

#[tokio::test]
async fn office_presence_by_weekday_has_the_five_working_days() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let response = admin
        .get(&format!("/api/reports/{}/weekdays.csv", this_month()))
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let rows = records(&response.bytes().await.expect("body"));
    assert_eq!(rows[0][1], "Giorno");
    let days: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        days,
        ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì"]
    );
    for row in &rows[1..] {
        let expected = number(&row[2]);
        let parts = number(&row[3]) + number(&row[4]) + number(&row[5]);
        assert!(parts <= expected, "{row:?}");
    }
}

#[tokio::test]
async fn others_and_bad_months_get_a_json_error() {
    let server = Server::start(&[FAST, "--demo"]);
    let month = this_month();
    for who in ["giulia", "sara"] {
        let session = server.login(who).await;
        let (status, body) = session
            .get_json(&format!("/api/reports/{month}/teams.csv"))
            .await;
        assert_eq!(status, 403, "{who}: {body}");
        assert_eq!(body["error"], "forbidden");
    }
    let admin = server.login("admin").await;
    for bad in ["2026-13", "2026-1", "novembre", "2026-11-01"] {
        let (status, body) = admin
            .get_json(&format!("/api/reports/{bad}/teams.csv"))
            .await;
        assert_eq!(status, 400, "{bad}: {body}");
        assert_eq!(body["error"], "bad_request");
        assert!(
            body["message"]
                .as_str()
                .is_some_and(|m| m.contains("YYYY-MM")),
            "{body}"
        );
    }
    let anonymous = common::client();
    let response = anonymous
        .get(server.url(&format!("/api/reports/{month}/weekdays.csv")))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 401);
}

#[tokio::test]
async fn the_routes_are_described_in_the_openapi_document() {
    let server = Server::start(&[FAST]);
    let response = common::client()
        .get(server.url("/api/openapi.json"))
        .send()
        .await
        .expect("openapi");
    let document: serde_json::Value = response.json().await.expect("JSON");
    for path in [
        "/api/reports/{period}/teams.csv",
        "/api/reports/{period}/weekdays.csv",
        "/api/reports/{period}/organisations.csv",
        "/api/reports/{period}",
        "/api/reports/{period}/organisations",
    ] {
        let route = &document["paths"][path]["get"];
        for status in ["200", "400", "401", "403"] {
            assert!(
                route["responses"][status].is_object(),
                "{path}: {status} documented"
            );
        }
    }
}

#[tokio::test]
async fn each_administration_of_the_partnership_downloads_its_own_teams_only() {
    let server = Server::start(&[FAST, "--demo"]);
    let month = this_month();
    let path = format!("/api/reports/{month}/teams.csv");
    let names = |rows: &[Vec<String>]| -> Vec<String> {
        rows[1..rows.len() - 1]
            .iter()
            .map(|r| r[0].clone())
            .collect()
    };
    let admin = server.login("admin").await;
    let first = records(&admin.get(&path).await.bytes().await.expect("body"));
    assert!(!names(&first).contains(&"Servizio Cultura e Biblioteca".to_string()));
    let rovereto = server.login("admin.rovereto").await;
    let response = rovereto.get(&path).await;
    assert_eq!(response.status().as_u16(), 200);
    let second = records(&response.bytes().await.expect("body"));
    assert_eq!(names(&second), vec!["Servizio Cultura e Biblioteca"]);
    // Irene and Walter are its staff.
    assert_eq!(number(&second.last().expect("total")[2]), 2.0);
}

#[tokio::test]
async fn a_lead_downloads_their_own_teams_only() {
    let server = Server::start(&[FAST, "--demo"]);
    let path = format!("/api/reports/{}/teams.csv", this_month());
    let admin = server.login("admin").await;
    let everything = records(&admin.get(&path).await.bytes().await.expect("body"));
    let marco = server.login("marco").await;
    let response = marco.get(&path).await;
    assert_eq!(response.status().as_u16(), 200);
    let his = records(&response.bytes().await.expect("body"));
    let teams = &his[1..his.len() - 1];
    assert_eq!(teams.len(), 1, "{his:?}");
    assert_eq!(teams[0][0], "Servizio Tributi");
    // The same row as the administrator's, and a total of his team only.
    let same = everything
        .iter()
        .find(|r| r[0] == "Servizio Tributi")
        .expect("the team in the full report");
    assert_eq!(&teams[0], same);
    let total = his.last().expect("total");
    assert_eq!(total[2], teams[0][2]);
    assert_eq!(total[6], teams[0][6]);
    assert!(number(&everything.last().expect("total")[2]) > number(&total[2]));
}

#[tokio::test]
async fn a_year_adds_up_its_months() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let year = chrono::Utc::now().format("%Y").to_string();
    let response = admin.get(&format!("/api/reports/{year}/teams.csv")).await;
    assert_eq!(response.status().as_u16(), 200);
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(disposition.contains(&format!("monitoraggio-{year}-strutture.csv")));
    let rows = records(&response.bytes().await.expect("body"));
    let total = rows.last().expect("total").clone();
    assert_eq!(total[1], year);
    let mut days = 0.0;
    for month in 1..=12 {
        let path = format!("/api/reports/{year}-{month:02}/teams.csv");
        let rows = records(&admin.get(&path).await.bytes().await.expect("body"));
        days += number(&rows.last().expect("total")[6]);
    }
    assert_eq!(number(&total[6]), days);
    let range = admin
        .get(&format!("/api/reports/{year}-01..{year}-06/weekdays.csv"))
        .await;
    assert_eq!(range.status().as_u16(), 200);
    let rows = records(&range.bytes().await.expect("body"));
    assert_eq!(rows[1][0], format!("{year}-01..{year}-06"));
}

#[tokio::test]
async fn the_partnership_administrator_compares_the_organisations() {
    let server = Server::start(&[FAST, "--demo"]);
    let path = format!("/api/reports/{}/organisations.csv", this_month());
    // In the demo, `admin` is also the partnership administrator.
    let admin = server.login("admin").await;
    let response = admin.get(&path).await;
    assert_eq!(response.status().as_u16(), 200);
    let rows = records(&response.bytes().await.expect("body"));
    assert_eq!(rows[0][0], "Amministrazione");
    let members = &rows[1..rows.len() - 1];
    assert_eq!(members.len(), 2, "{rows:?}");
    let total = rows.last().expect("total");
    assert_eq!(total[0], "Totale");
    let staff: f64 = members.iter().map(|r| number(&r[2])).sum();
    assert_eq!(number(&total[2]), staff);
    for who in ["admin.rovereto", "marco", "giulia"] {
        let (status, body) = server.login(who).await.get_json(&path).await;
        assert_eq!(status, 403, "{who}: {body}");
    }
}

#[tokio::test]
async fn the_page_reads_the_same_figures_as_json() {
    let server = Server::start(&[FAST, "--demo"]);
    let year = chrono::Utc::now().format("%Y").to_string();
    let admin = server.login("admin").await;
    let (status, report) = admin.get_json(&format!("/api/reports/{year}")).await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["period"], year.as_str());
    assert_eq!(report["by_month"].as_array().map(Vec::len), Some(12));
    assert_eq!(report["weekdays"].as_array().map(Vec::len), Some(5));
    // The same total as the spreadsheet of the same period.
    let rows = records(
        &admin
            .get(&format!("/api/reports/{year}/teams.csv"))
            .await
            .bytes()
            .await
            .expect("body"),
    );
    let total = rows.last().expect("total");
    assert_eq!(report["total"]["staff"].as_f64(), Some(number(&total[2])));
    assert_eq!(
        report["total"]["days_away"].as_f64(),
        Some(number(&total[6]))
    );
    let days = &report["total"];
    assert_eq!(
        days["days_away"].as_u64(),
        Some(
            days["agile_days"].as_u64().unwrap_or(0)
                + days["remote_days"].as_u64().unwrap_or(0)
                + days["telework_days"].as_u64().unwrap_or(0)
        )
    );

    // A lead: his team only.
    let (status, his) = server
        .login("marco")
        .await
        .get_json(&format!("/api/reports/{year}"))
        .await;
    assert_eq!(status, 200, "{his}");
    let teams: Vec<&str> = his["teams"]
        .as_array()
        .expect("teams")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert_eq!(teams, vec!["Servizio Tributi"]);

    // The partnership, for its administrator only.
    let path = format!("/api/reports/{year}/organisations");
    let (status, all) = admin.get_json(&path).await;
    assert_eq!(status, 200, "{all}");
    assert_eq!(all["members"].as_array().map(Vec::len), Some(2));
    for who in ["admin.rovereto", "marco", "giulia"] {
        let (status, body) = server.login(who).await.get_json(&path).await;
        assert_eq!(status, 403, "{who}: {body}");
        assert!(body["error"].is_string(), "{body}");
    }
    let (status, body) = server
        .login("giulia")
        .await
        .get_json(&format!("/api/reports/{year}"))
        .await;
    assert_eq!(status, 403, "{body}");
    let (status, body) = admin.get_json("/api/reports/2026-13").await;
    assert_eq!(status, 400, "{body}");
}
