//! `vela-server admin create | reset-password`: the first administrator of
//! an installation (or of a new organisation), and a forgotten password.
//! On a data directory, while the server is stopped; with `--database-url`,
//! on the database, replicas running or not (the accounts are theirs too,
//! and the new revision reaches them through `LISTEN/NOTIFY`).

use std::path::Path;
use std::sync::Arc;

use uuid::Uuid;
use vela_domain::directory::{Command as Dir, FirstAdministrator, Language, Role};
use vela_domain::ids::{OrgId, PersonId};
use vela_domain::{Actor, Command};

use super::lock::DataDirLock;
use super::CliError;
use crate::audit::Audit;
use crate::auth::accounts::normalise;
use crate::auth::accounts::{FileAccounts, PgAccounts};
use crate::auth::{password, Account, Accounts, HashStrength};
use crate::org_store::{now, OrgStore};
use crate::store::{CommandMeta, Outcome, Store, StoreOptions};

/// Creates `username` as an administrator of the organisation called
/// `organisation`, setting that organisation up first if the deployment
/// does not have it. Goes through the domain's commands as the system, so
/// every rule (a free, well-formed username; a name) holds as for any
/// change; the account is written only once the command is durable.
pub async fn create(
    data_dir: &Path,
    username: &str,
    name: &str,
    organisation: &str,
    password: String,
) -> Result<String, CliError> {
    std::fs::create_dir_all(data_dir).map_err(|e| {
        CliError::new(format!(
            "cannot create the data directory {}: {e}",
            data_dir.display()
        ))
    })?;
    let lock = DataDirLock::acquire(data_dir)?;
    let accounts = Accounts::File(Arc::new(FileAccounts::open(data_dir)?));
    if accounts.get(username).await?.is_some() {
        return Err(CliError::new(format!(
            "the username {} is taken",
            normalise(username)
        )));
    }
    let dir = data_dir.to_path_buf();
    let store = tokio::task::spawn_blocking(move || OrgStore::open(&dir, StoreOptions::default()))
        .await
        .map_err(|e| CliError::new(format!("cannot load the data directory: {e}")))??;
    let store = Arc::new(store);
    let outcome = add_administrator(&store, username, name, organisation).await;
    // The shutdown below compacts the log into a snapshot, so the audit
    // trail must take the new revision now: the server could not describe
    // it afterwards.
    if let Ok((partition, ..)) = &outcome {
        Audit::in_dir(data_dir)
            .catch_up(&store, *partition)
            .await
            .map_err(|e| CliError::new(format!("cannot write the audit trail: {e}")))?;
    }
    // Writes a snapshot and stops the writers whatever happened.
    let closing = store.clone();
    let closed = tokio::task::spawn_blocking(move || closing.shutdown())
        .await
        .map_err(|e| CliError::new(format!("cannot close the data directory: {e}")))?;
    let (partition, person, org_name, created) = outcome?;
    closed?;
    let username = write_account(&accounts, username, person, partition, password).await?;
    super::owner::match_data_dir(data_dir)?;
    drop(lock);
    Ok(created_message(created, &org_name, &username))
}

/// `admin create --database-url`: the same commands through the database
/// (served by any replica), the account in `vela_accounts`.
pub async fn create_in_database(
    url: &str,
    username: &str,
    name: &str,
    organisation: &str,
    password: String,
) -> Result<String, CliError> {
    let accounts = Accounts::Pg(PgAccounts::new(crate::store::pg::pool(url, 1).await?));
    if accounts.get(username).await?.is_some() {
        return Err(CliError::new(format!(
            "the username {} is taken",
            normalise(username)
        )));
    }
    let store = Arc::new(OrgStore::connect(url, StoreOptions::default()).await?);
    let (partition, person, org_name, created) =
        add_administrator(&store, username, name, organisation).await?;
    let username = write_account(&accounts, username, person, partition, password).await?;
    Ok(created_message(created, &org_name, &username))
}

fn created_message(created: bool, org_name: &str, username: &str) -> String {
    if created {
        format!("created the organisation {org_name} and its administrator {username}")
    } else {
        format!("created the administrator {username} of {org_name}")
    }
}

/// Hashes `password` (on a blocking thread) and stores the account;
/// answers the username as stored.
async fn write_account(
    accounts: &Accounts,
    username: &str,
    person: PersonId,
    partition: Uuid,
    password: String,
) -> Result<String, CliError> {
    let username = normalise(username);
    let password_hash =
        tokio::task::spawn_blocking(move || password::hash(&password, HashStrength::Standard))
            .await
            .map_err(|e| CliError::new(format!("cannot hash the password: {e}")))?
            .map_err(|e| CliError::new(format!("cannot hash the password: {e}")))?;
    accounts
        .set_for_person(
            &username,
            Account {
                person_id: person.0,
                org_id: partition,
                password_hash,
            },
        )
        .await?;
    Ok(username)
}

/// Runs the commands; answers the store partition, the new person, the
/// organisation's name as stored and whether it was created.
async fn add_administrator(
    store: &Arc<OrgStore>,
    username: &str,
    name: &str,
    organisation: &str,
) -> Result<(Uuid, PersonId, String, bool), CliError> {
    let wanted = organisation.trim();
    let partitions = store.organisations();
    // One deployment keeps its whole partnership in one state; look for the
    // organisation in each, else add it to the (first) one there is.
    let mut found = None;
    for partition in &partitions {
        let org = store.read(*partition, |state, _| {
            state
                .directory
                .organisations
                .values()
                .find(|o| o.name.trim().eq_ignore_ascii_case(wanted))
                .map(|o| (o.id, o.name.clone()))
        })?;
        if let Some(org) = org {
            found = Some((*partition, org));
            break;
        }
    }
    let person = PersonId(Uuid::new_v4());
    let (partition, command, org_name, created) = match found {
        Some((partition, (org, org_name))) => (
            partition,
            Dir::SavePerson {
                id: person,
                username: username.into(),
                name: name.into(),
                email: None,
                employee_number: None,
                roles: [Role::Admin].into(),
                team: None,
                commute_km: 0,
                language: Language::default(),
                org: Some(org),
            },
            org_name,
            false,
        ),
        None => {
            let partition = match partitions.first() {
                Some(first) => *first,
                None => {
                    let id = Uuid::new_v4();
                    store.create_organisation(id)?;
                    id
                }
            };
            let command = Dir::SetUpOrganisation {
                id: OrgId(Uuid::new_v4()),
                name: wanted.into(),
                extra_holidays: vec![],
                administrator: Some(FirstAdministrator {
                    id: person,
                    username: username.into(),
                    name: name.into(),
                    email: None,
                }),
            };
            (partition, command, wanted.to_string(), true)
        }
    };
    let command = Command::Directory(command);
    let at = now();
    let meta = CommandMeta {
        id: Uuid::new_v4(),
        actor: Actor::System,
        at,
    };
    let outcome = store
        .submit(partition, meta, |state| {
            vela_domain::apply(state, &Actor::System, &command, at)
        })
        .await?;
    match outcome {
        Outcome::Accepted { .. } => Ok((partition, person, org_name, created)),
        Outcome::Rejected(rejection) => Err(CliError::new(format!("refused: {rejection}"))),
        Outcome::IdInUse => Err(CliError::new("refused: command id in use")),
    }
}

/// Gives `username` a new password.
pub fn reset_password(data_dir: &Path, username: &str, password: &str) -> Result<String, CliError> {
    if !data_dir.is_dir() {
        return Err(CliError::new(format!(
            "no data directory at {}",
            data_dir.display()
        )));
    }
    let _lock = DataDirLock::acquire(data_dir)?;
    let accounts = FileAccounts::open(data_dir)?;
    let username = normalise(username);
    let Some(account) = accounts.get(&username) else {
        return Err(CliError::new(format!("no account {username}")));
    };
    let password_hash = password::hash(password, HashStrength::Standard)
        .map_err(|e| CliError::new(format!("cannot hash the password: {e}")))?;
    accounts.set_for_person(
        &username,
        Account {
            password_hash,
            ..account
        },
    )?;
    super::owner::match_data_dir(data_dir)?;
    Ok(format!("the password of {username} is changed"))
}

/// `admin reset-password --database-url`: the new password holds on every
/// replica at once, and the person's sessions end on all of them.
pub async fn reset_password_in_database(
    url: &str,
    username: &str,
    password: String,
) -> Result<String, CliError> {
    let pool = crate::store::pg::pool(url, 1).await?;
    let accounts = PgAccounts::new(pool.clone());
    let username = normalise(username);
    let Some(account) = accounts.get(&username).await? else {
        return Err(CliError::new(format!("no account {username}")));
    };
    let password_hash =
        tokio::task::spawn_blocking(move || password::hash(&password, HashStrength::Standard))
            .await
            .map_err(|e| CliError::new(format!("cannot hash the password: {e}")))?
            .map_err(|e| CliError::new(format!("cannot hash the password: {e}")))?;
    let person = account.person_id;
    accounts
        .set_for_person(
            &username,
            Account {
                password_hash,
                ..account
            },
        )
        .await?;
    crate::auth::sessions::pg::PgSessions::new(
        pool,
        std::time::Duration::ZERO,
        std::time::Duration::ZERO,
    )
    .remove_person(person)
    .await
    .map_err(|e| CliError::new(e.to_string()))?;
    Ok(format!("the password of {username} is changed"))
}
