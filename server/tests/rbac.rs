//! Role × command matrix over real HTTP: each role of the demo organisation
//! pushes one command of each kind; the design's answer (allowed or
//! `not_allowed`) is checked. "Allowed" means the authorisation passed: the
//! command may still be refused by a business rule, never as `not_allowed`.
//! Then visibility per role, on pulls and on the event stream.

mod common;

use std::collections::BTreeMap;
use std::time::Duration;

use common::{Server, Session};
use serde_json::{json, Value};
use uuid::Uuid;

const FAST: &str = "--insecure-fast-hashing";

/// What the demo holds, found through the administrator's full view.
struct Demo {
    people: BTreeMap<String, String>,
    teams: BTreeMap<String, String>,
    team_of: BTreeMap<String, String>,
    /// A scheduled session of the trainer, in the future.
    session: String,
}

async fn demo_ids(admin: &Session) -> Demo {
    let (_, pull) = admin.get_json("/api/sync/pull?since=0&protocol=4").await;
    let state = &pull["snapshot"];
    let mut people = BTreeMap::new();
    let mut team_of = BTreeMap::new();
    for (id, person) in state["directory"]["people"].as_object().expect("people") {
        let username = person["username"].as_str().expect("username").to_string();
        if let Some(team) = person["team"].as_str() {
            team_of.insert(username.clone(), team.to_string());
        }
        people.insert(username, id.clone());
    }
    let teams = state["directory"]["teams"]
        .as_object()
        .expect("teams")
        .iter()
        .map(|(id, t)| (t["name"].as_str().expect("name").to_string(), id.clone()))
        .collect();
    let now = chrono::Utc::now();
    let session = state["webinars"]["sessions"]
        .as_object()
        .expect("sessions")
        .iter()
        .find(|(_, s)| {
            s["start"]
                .as_str()
                .and_then(|t| t.parse::<chrono::DateTime<chrono::Utc>>().ok())
                .is_some_and(|start| start > now + chrono::Duration::days(1))
        })
        .map(|(id, _)| id.clone())
        .expect("an upcoming demo session");
    Demo {
        people,
        teams,
        team_of,
        session,
    }
}

/// Pushes one command; `None` when accepted, else the rejection code.
async fn outcome(session: &Session, command: Value) -> Option<String> {
    let (status, body) = session
        .post_json(
            "/api/sync/push?protocol=4",
            &json!({"commands": [{"id": Uuid::new_v4(), "command": command}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    body["results"][0]["rejection"]["code"]
        .as_str()
        .map(str::to_string)
}

/// Pushes one command; `Ok(())` when authorised (accepted, or refused by a
/// rule other than authorisation), `Err(code)` when refused as not allowed.
async fn authorised(session: &Session, command: Value) -> Result<(), String> {
    let (status, body) = session
        .post_json(
            "/api/sync/push?protocol=4",
            &json!({"commands": [{"id": Uuid::new_v4(), "command": command}]}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let result = &body["results"][0];
    match result["status"].as_str() {
        Some("accepted") => Ok(()),
        Some("rejected") => {
            let code = result["rejection"]["code"]
                .as_str()
                .unwrap_or("?")
                .to_string();
            if code == "not_allowed" {
                Err(code)
            } else {
                Ok(())
            }
        }
        _ => panic!("unexpected result {body}"),
    }
}

fn next_weekday_in(days: i64) -> String {
    let mut date = chrono::Utc::now().date_naive() + chrono::Duration::days(days);
    while chrono::Datelike::weekday(&date).number_from_monday() > 5 {
        date += chrono::Duration::days(1);
    }
    date.to_string()
}

#[tokio::test]
async fn each_role_may_run_exactly_the_commands_the_design_gives_it() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let demo = demo_ids(&admin).await;
    let id = |u: &str| demo.people[u].clone();
    let tributi = demo.team_of["giulia"].clone();
    let other_team = demo
        .teams
        .values()
        .find(|t| **t != tributi)
        .expect("a second team")
        .clone();
    assert_eq!(demo.team_of["marco"], tributi, "marco leads giulia's team");
    assert_ne!(demo.team_of["sara"], tributi);

    let mut sessions = BTreeMap::new();
    for username in ["admin", "marco", "giulia", "sara", "luca", "elena"] {
        sessions.insert(username, server.login(username).await);
    }

    let day = next_weekday_in(40);
    let later = next_weekday_in(47);
    // (who, command, allowed?)
    type Case = (&'static str, Value, bool);
    let team_rule = |team: &str| json!({"area":"directory","type":"add_office_only_date","team":team,"date":day,"note":"riunione"});
    let min_office = |team: &str| json!({"area":"directory","type":"set_min_office","team":team,"min_office":{"kind":"percent","value":50}});
    let commute_of =
        |person: String| json!({"area":"directory","type":"set_commute","person":person,"km":9});
    let save_team = json!({"area":"directory","type":"save_team","id":Uuid::new_v4(),"name":"Nuovo ufficio","min_office":{"kind":"people","value":1}});
    let set_active =
        json!({"area":"directory","type":"set_active","person":id("luca"),"active":true});
    let absence_for = |person: String| json!({"area":"agile","type":"record_absence","id":Uuid::new_v4(),"person":person,"from":later,"until":later,"kind":"leave"});
    let objective_for = |person: String| {
        json!({"area":"objectives","type":"save_objective","id":Uuid::new_v4(),
               "owner":{"kind":"person","id":person},
               "period":{"from":"2027-01-01","until":"2027-06-30"},
               "title":"Obiettivo di prova","description":"","weight":10,
               "key_results":[{"id":Uuid::new_v4(),"indicator":"pratiche","unit":"n","baseline":"0","target":"10","weight":1}]})
    };
    let new_session = |trainer: String| {
        json!({"area":"webinars","type":"save_session","id":Uuid::new_v4(),"title":"Sessione di prova",
               "trainers":[trainer],"start":"2027-03-01T09:00:00Z","end":"2027-03-01T10:00:00Z",
               "capacity":10,"join_link":"https://meet.example.org/prova","audience":{"kind":"organisation"}})
    };
    let attendance = json!({"area":"webinars","type":"mark_attendance","session":demo.session,"person":id("giulia"),"present":true});

    let cases: Vec<Case> = vec![
        // Directory: the administrator runs the organisation.
        ("admin", save_team.clone(), true),
        ("marco", save_team.clone(), false),
        ("giulia", save_team.clone(), false),
        ("sara", save_team, false),
        ("admin", set_active.clone(), true),
        ("marco", set_active.clone(), false),
        ("giulia", set_active, false),
        // Office-only dates: a lead for their own team, or the administrator.
        ("marco", team_rule(&tributi), true),
        ("marco", team_rule(&other_team), false),
        ("giulia", team_rule(&tributi), false),
        ("admin", team_rule(&other_team), true),
        // Minimum presence: likewise.
        ("marco", min_office(&tributi), true),
        ("marco", min_office(&other_team), false),
        ("giulia", min_office(&tributi), false),
        ("admin", min_office(&other_team), true),
        // Commute: one's own, or the administrator's fix.
        ("giulia", commute_of(id("giulia")), true),
        ("giulia", commute_of(id("marco")), false),
        ("marco", commute_of(id("giulia")), false),
        ("admin", commute_of(id("giulia")), true),
        // Absences: the person, a lead of their team, or the administrator.
        ("giulia", absence_for(id("giulia")), true),
        ("marco", absence_for(id("giulia")), true),
        ("luca", absence_for(id("giulia")), false),
        ("elena", absence_for(id("giulia")), false),
        ("admin", absence_for(id("giulia")), true),
        // Objectives: one's own, or a lead assigning to their team.
        ("giulia", objective_for(id("giulia")), true),
        ("giulia", objective_for(id("luca")), false),
        ("marco", objective_for(id("giulia")), true),
        ("sara", objective_for(id("giulia")), false),
        // Webinars: trainers organise (as trainers of their own sessions).
        ("sara", new_session(id("sara")), true),
        ("giulia", new_session(id("sara")), false),
        ("marco", new_session(id("sara")), false),
        ("admin", new_session(id("sara")), true),
        ("giulia", attendance.clone(), false),
        ("marco", attendance, false),
    ];
    let mut wrong = Vec::new();
    for (who, command, allowed) in cases {
        let answer = authorised(&sessions[who], command.clone()).await;
        if answer.is_ok() != allowed {
            wrong.push(format!(
                "{who} {} {}: expected {}, got {answer:?}",
                command["area"],
                command["type"],
                if allowed { "allowed" } else { "not_allowed" }
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[tokio::test]
async fn a_lead_decides_only_for_their_own_team() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let demo = demo_ids(&admin).await;
    let giulia = server.login("giulia").await;
    let (_, pull) = giulia.get_json("/api/sync/pull?since=0&protocol=4").await;
    let requests = pull["snapshot"]["agile"]["requests"]
        .as_object()
        .expect("requests");
    let (request, _) = requests
        .iter()
        .find(|(_, r)| r["person"] == demo.people["giulia"].as_str())
        .expect("giulia has a request in the demo");
    let decide = json!({"area":"agile","type":"decide_days","request":request,"decision":"approve","acknowledge_coverage":true});
    for (lead, allowed) in [
        ("elena", false),
        ("roberto", false),
        ("giulia", false),
        ("marco", true),
    ] {
        let session = server.login(lead).await;
        let answer = outcome(&session, decide.clone()).await;
        // Someone who may not see the request gets the same answer as for
        // one that does not exist.
        let refused = matches!(answer.as_deref(), Some("not_allowed" | "not_found"));
        assert_eq!(!refused, allowed, "{lead}: {answer:?}");
    }
}

#[tokio::test]
async fn an_employee_never_receives_another_persons_objectives_or_another_teams_requests() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let demo = demo_ids(&admin).await;
    let (_, everything) = admin.get_json("/api/sync/pull?since=0&protocol=4").await;
    let all = &everything["snapshot"];
    let owners: Vec<&str> = all["objectives"]["objectives"]
        .as_object()
        .expect("objectives")
        .values()
        .filter_map(|o| o["owner"]["id"].as_str())
        .collect();
    assert!(
        owners.contains(&demo.people["giulia"].as_str()),
        "the demo gives giulia objectives"
    );

    for viewer in ["sara", "luca"] {
        let session = server.login(viewer).await;
        let me = demo.people[viewer].clone();
        let my_team = demo.team_of.get(viewer).cloned();
        let (_, pull) = session.get_json("/api/sync/pull?since=0&protocol=4").await;
        let view = &pull["snapshot"];
        for objective in view["objectives"]["objectives"]
            .as_object()
            .expect("map")
            .values()
        {
            let owner = &objective["owner"];
            let own = owner["kind"] == "person" && owner["id"] == me.as_str();
            let own_team = owner["kind"] == "team" && my_team.as_deref() == owner["id"].as_str();
            assert!(own || own_team, "{viewer} received {objective}");
        }
        for request in view["agile"]["requests"].as_object().expect("map").values() {
            let person = request["person"].as_str().expect("person");
            let username = demo
                .people
                .iter()
                .find(|(_, id)| id.as_str() == person)
                .map(|(u, _)| u.clone())
                .expect("known person");
            assert_eq!(
                demo.team_of.get(&username),
                my_team.as_ref(),
                "{viewer} received a request of another team: {request}"
            );
        }
    }
}

#[tokio::test]
async fn the_event_stream_stays_quiet_about_what_the_listener_may_not_see() {
    let server = Server::start(&[FAST, "--demo"]);
    let admin = server.login("admin").await;
    let demo = demo_ids(&admin).await;
    let giulia = server.login("giulia").await;
    let sara = server.login("sara").await;
    let mut stream = sara
        .http
        .get(format!("{}/api/sync/events?protocol=4", sara.base))
        .header(reqwest::header::COOKIE, &sara.cookie)
        .send()
        .await
        .expect("events");
    // A private objective draft of giulia: nothing sara may see.
    let draft = json!({"area":"objectives","type":"save_objective","id":Uuid::new_v4(),
        "owner":{"kind":"person","id":demo.people["giulia"]},
        "period":{"from":"2027-01-01","until":"2027-06-30"},
        "title":"Bozza privata","description":"","weight":10,"key_results":[]});
    authorised(&giulia, draft)
        .await
        .expect("giulia writes her own draft");
    let heard = tokio::time::timeout(Duration::from_millis(800), async {
        let mut text = String::new();
        while let Ok(Some(chunk)) = stream.chunk().await {
            text.push_str(&String::from_utf8_lossy(&chunk));
            if text.contains("event: revision") {
                return text;
            }
        }
        text
    })
    .await;
    assert!(
        heard.is_err(),
        "sara was told about giulia's draft: {heard:?}"
    );

    // Something she may see (a session open to everyone) is announced.
    let session = json!({"area":"webinars","type":"save_session","id":Uuid::new_v4(),"title":"Per tutti",
        "trainers":[demo.people["sara"]],"start":"2027-03-02T09:00:00Z","end":"2027-03-02T10:00:00Z",
        "capacity":10,"join_link":"https://meet.example.org/tutti","audience":{"kind":"organisation"}});
    authorised(&sara, session)
        .await
        .expect("sara creates her session");
    let heard = tokio::time::timeout(Duration::from_secs(2), async {
        let mut text = String::new();
        while let Ok(Some(chunk)) = stream.chunk().await {
            text.push_str(&String::from_utf8_lossy(&chunk));
            if text.contains("event: revision") {
                return text;
            }
        }
        text
    })
    .await
    .expect("announced");
    assert!(heard.contains("event: revision"), "{heard}");
}
