//! One benchmark run against an organisation of a given size.

use std::path::Path;
use std::time::{Duration, Instant};

use uuid::Uuid;
use vela_domain::directory::{Command as Dir, Language, MinOffice, Role};
use vela_domain::ids::{PersonId, TeamId};
use vela_domain::{Command, State};

use crate::client::Client;
use crate::process::ServerProcess;
use crate::report::{Latencies, Row};

/// Concurrent pushing clients (design.md §5).
const CLIENTS: usize = 64;
/// One-command batches each concurrent client pushes.
const PUSHES_PER_CLIENT: usize = 60;
/// One-command batches of the sequential client.
const SEQUENTIAL_PUSHES: usize = 400;
const PULLS: usize = 30;
/// The demo accounts that sign in; many sessions share them.
const ACCOUNTS: [&str; 4] = ["giulia", "marco", "sara", "admin"];

pub async fn run(binary: &Path, people: usize) -> Result<Row, String> {
    let server = ServerProcess::start(binary)?;
    let admin = Client::login(&server.base, "admin").await?;
    let populate_started = Instant::now();
    populate(&admin, people).await?;
    let populate_time = populate_started.elapsed();

    let clients = sign_in_clients(&server.base).await?;
    let (concurrent, wall) = concurrent_pushes(&clients).await?;
    let sequential = sequential_pushes(&clients[0]).await?;

    let giulia = Client::login(&server.base, "giulia").await?;
    let marco = Client::login(&server.base, "marco").await?;
    let (_, revision) = snapshot(&giulia).await?;
    let employee_snapshot = pulls(&giulia, 0).await?;
    let employee_recent = pulls(&giulia, revision.saturating_sub(20)).await?;
    let lead_snapshot = pulls(&marco, 0).await?;
    let (state, _) = snapshot(&admin).await?;

    Ok(Row {
        people: state.directory.people.len(),
        populate: populate_time,
        push: concurrent.summary(),
        push_rate: (CLIENTS * PUSHES_PER_CLIENT) as f64 / wall.as_secs_f64(),
        sequential_rate: SEQUENTIAL_PUSHES as f64 / sequential.as_secs_f64(),
        employee_snapshot: employee_snapshot.0.summary(),
        employee_snapshot_kib: employee_snapshot.1 as f64 / 1024.0,
        employee_recent: employee_recent.0.summary(),
        lead_snapshot: lead_snapshot.0.summary(),
        rss_mib: server.rss_mib().unwrap_or(f64::NAN),
    })
}

/// Grows the demo organisation to `people` with teams of twelve, each
/// person with an agile agreement, in batches like an import would.
async fn populate(admin: &Client, people: usize) -> Result<(), String> {
    let (state, _) = snapshot(admin).await?;
    let existing = state.directory.people.len();
    let missing = people.saturating_sub(existing);
    let mut commands = Vec::new();
    let mut team = TeamId(Uuid::new_v4());
    for i in 0..missing {
        if i % 12 == 0 {
            team = TeamId(Uuid::new_v4());
            commands.push(Command::Directory(Dir::SaveTeam {
                id: team,
                name: format!("Ufficio {}", i / 12 + 1),
                min_office: MinOffice::Percent(50),
                max_agile_share: None,
            }));
        }
        let person = PersonId(Uuid::new_v4());
        commands.push(Command::Directory(Dir::SavePerson {
            id: person,
            username: format!("bench{i}"),
            name: format!("Persona {i}"),
            email: None,
            roles: [Role::Employee].into(),
            team: Some(team),
            commute_km: (i % 40) as u32 + 1,
            language: Language::It,
        }));
    }
    for batch in commands.chunks(250) {
        let (answer, _) = admin.push(batch.to_vec()).await?;
        if let Some(refused) = answer
            .results
            .iter()
            .find(|r| matches!(r, vela_domain::sync::PushResult::Rejected { .. }))
        {
            return Err(format!("populating was refused: {refused:?}"));
        }
    }
    Ok(())
}

async fn sign_in_clients(base: &str) -> Result<Vec<(Client, PersonId)>, String> {
    let mut clients = Vec::new();
    for i in 0..CLIENTS {
        let username = ACCOUNTS[i % ACCOUNTS.len()];
        let client = Client::login(base, username).await?;
        let (state, _) = snapshot(&client).await?;
        let me = state
            .directory
            .by_username(username)
            .map(|p| p.id)
            .ok_or("demo person missing")?;
        clients.push((client, me));
    }
    Ok(clients)
}

/// A command that is always accepted and does real work: a person updates
/// their declared commute.
fn commute(person: PersonId, n: usize) -> Command {
    Command::Directory(Dir::SetCommute {
        person,
        km: (n % 90) as u32 + 1,
    })
}

async fn concurrent_pushes(
    clients: &[(Client, PersonId)],
) -> Result<(Latencies, Duration), String> {
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (client, me) in clients.iter().cloned() {
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(PUSHES_PER_CLIENT);
            for n in 0..PUSHES_PER_CLIENT {
                let (_, elapsed) = client.push(vec![commute(me, n)]).await?;
                latencies.push(elapsed);
            }
            Ok::<_, String>(latencies)
        }));
    }
    let mut all = Latencies::default();
    for task in tasks {
        all.extend(task.await.map_err(|e| e.to_string())??);
    }
    Ok((all, started.elapsed()))
}

async fn sequential_pushes((client, me): &(Client, PersonId)) -> Result<Duration, String> {
    let started = Instant::now();
    for n in 0..SEQUENTIAL_PUSHES {
        client.push(vec![commute(*me, n)]).await?;
    }
    Ok(started.elapsed())
}

async fn snapshot(client: &Client) -> Result<(State, u64), String> {
    let (answer, _, _) = client.pull(0).await?;
    let state = answer.snapshot.ok_or("pull since 0 gave no snapshot")?;
    Ok((state, answer.revision))
}

async fn pulls(client: &Client, since: u64) -> Result<(Latencies, usize), String> {
    let mut latencies = Latencies::default();
    let mut size = 0;
    for _ in 0..PULLS {
        let (_, bytes, elapsed) = client.pull(since).await?;
        latencies.extend([elapsed]);
        size = bytes;
    }
    Ok((latencies, size))
}
