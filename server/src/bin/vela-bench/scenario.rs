//! One benchmark run against an organisation of a given size.

use std::path::Path;
use std::time::{Duration, Instant};

use vela_domain::directory::Command as Dir;
use vela_domain::ids::PersonId;
use vela_domain::{Command, State};

use crate::client::Client;
use crate::postgres;
use crate::process::ServerProcess;
use crate::report::{Latencies, Row};

/// Concurrent pushing clients: the load the push budget is stated for.
const CLIENTS: usize = 64;
/// One-command batches each concurrent client pushes.
const PUSHES_PER_CLIENT: usize = 60;
/// One-command batches of the sequential client.
const SEQUENTIAL_PUSHES: usize = 400;
const PULLS: usize = 30;
/// People of the load-test organisation (`demo::agile::synthetic`): teams
/// of ten, the first of each leads it.
const EMPLOYEE: &str = "persona1";
const LEAD: &str = "persona0";

/// Where the organisation is stored.
#[derive(Clone, Copy, Debug)]
pub enum Setup {
    /// One server on its JSON files.
    Json,
    /// Servers on one PostgreSQL database, the clients spread over them.
    Postgres { replicas: usize },
}

impl std::fmt::Display for Setup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Setup::Json => write!(f, "JSON"),
            Setup::Postgres { replicas: 1 } => write!(f, "PG, 1 replica"),
            Setup::Postgres { replicas } => write!(f, "PG, {replicas} replicas"),
        }
    }
}

/// The servers of one run, and what keeps their database.
struct Servers {
    replicas: Vec<ServerProcess>,
    _database: Option<(postgres::TestDatabase, tempfile::TempDir)>,
}

/// Starts the servers of `setup`; the first one seeds the organisation.
fn start(binary: &Path, people: usize, setup: Setup) -> Result<Servers, String> {
    let Setup::Postgres { replicas } = setup else {
        let server = ServerProcess::start(binary, people, None, None)?;
        return Ok(Servers {
            replicas: vec![server],
            _database: None,
        });
    };
    let database = postgres::TestDatabase::create();
    let dir = tempfile::tempdir().map_err(|e| format!("temp dir: {e}"))?;
    let url_file = dir.path().join("database-url");
    std::fs::write(&url_file, database.url()).map_err(|e| format!("url file: {e}"))?;
    let first = ServerProcess::start(binary, people, Some(&url_file), None)?;
    let accounts = first.accounts();
    let mut servers = vec![first];
    for _ in 1..replicas {
        let accounts = accounts.exists().then_some(accounts.as_path());
        servers.push(ServerProcess::start(
            binary,
            people,
            Some(&url_file),
            accounts,
        )?);
    }
    Ok(Servers {
        replicas: servers,
        _database: Some((database, dir)),
    })
}

pub async fn run(binary: &Path, people: usize, setup: Setup) -> Result<Row, String> {
    let populate_started = Instant::now();
    let servers = start(binary, people, setup)?;
    let populate_time = populate_started.elapsed();
    let first = &servers.replicas[0];
    let admin = Client::login(&first.base, "admin").await?;

    let bases: Vec<&str> = servers.replicas.iter().map(|s| s.base.as_str()).collect();
    let clients = sign_in_clients(&bases, people).await?;
    let (concurrent, wall) = concurrent_pushes(&clients).await?;
    let sequential = sequential_pushes(&clients[0]).await?;

    // Pulls on the last replica: with two, the one that heard of most
    // revisions from the other.
    let last = &servers.replicas[servers.replicas.len() - 1];
    let employee = Client::login(&last.base, EMPLOYEE).await?;
    let lead = Client::login(&last.base, LEAD).await?;
    let (_, revision) = snapshot(&employee).await?;
    let employee_snapshot = pulls(&employee, 0).await?;
    let employee_recent = pulls(&employee, revision.saturating_sub(20)).await?;
    let lead_snapshot = pulls(&lead, 0).await?;
    let (state, _) = snapshot(&admin).await?;
    let plans: usize = state.agile.days.values().map(|d| d.len()).sum();
    // Resident memory once the burst is over: the server hands freed
    // memory back within two seconds (`vela_server::memory`).
    tokio::time::sleep(Duration::from_secs(3)).await;

    Ok(Row {
        setup: setup.to_string(),
        people: state.directory.people.len(),
        plans,
        populate: populate_time,
        push: concurrent.summary(),
        push_rate: (CLIENTS * PUSHES_PER_CLIENT) as f64 / wall.as_secs_f64(),
        sequential_rate: SEQUENTIAL_PUSHES as f64 / sequential.as_secs_f64(),
        employee_snapshot: employee_snapshot.0.summary(),
        employee_snapshot_kib: employee_snapshot.1 as f64 / 1024.0,
        employee_recent: employee_recent.0.summary(),
        lead_snapshot: lead_snapshot.0.summary(),
        rss_mib: servers
            .replicas
            .iter()
            .map(|s| s.rss_mib().unwrap_or(f64::NAN))
            .collect(),
        peak_mib: servers
            .replicas
            .iter()
            .map(|s| s.peak_mib().unwrap_or(f64::NAN))
            .collect(),
    })
}

/// One session per client, each a different person (as many as exist),
/// on the servers in turn (as a load balancer would spread them).
async fn sign_in_clients(bases: &[&str], people: usize) -> Result<Vec<(Client, PersonId)>, String> {
    let mut clients = Vec::new();
    for i in 0..CLIENTS {
        let username = format!("persona{}", i % people.max(1));
        let username = username.as_str();
        let client = Client::login(bases[i % bases.len()], username).await?;
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
