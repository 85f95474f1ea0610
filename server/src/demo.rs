//! Demo data, seeded only with `--demo`: the fictional partnership the
//! README's first command shows, and its accounts (all with the password
//! `vela-demo`).
//!
//! The organisation is built by applying the domain's demo commands as
//! ordinary commands through the store, so it passes every rule and lands in
//! the log like real data. Every id in it is derived from a counter, and the
//! command ids too, so seeding again after a crash half-way re-sends the same
//! commands and the store answers them from its idempotency index instead of
//! applying them twice; a complete partnership is left alone.

use std::sync::Arc;

use uuid::Uuid;
use vela_domain::ids::OrgId;

use crate::audit::Audit;
use crate::auth::{password, Account, Auth};
use crate::org_store::{now, OrgStore};
use crate::store::{CommandMeta, Outcome, Store, StoreError};

/// The demo organisation's id: fixed, so a later start can tell it is there.
pub const DEMO_ORG: Uuid = Uuid::from_u128(0x7e1a_0000_0000_4000_8000_0000_0000_0001);

/// The password of every demo account (shown on the login page).
pub const DEMO_PASSWORD: &str = "vela-demo";

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("demo command {index} was refused: {reason}")]
    Refused { index: usize, reason: String },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot create the demo accounts: {0}")]
    Accounts(String),
    #[error("cannot write the audit trail: {0}")]
    Audit(String),
}

/// Keeps an organisation's audit trail up with a seed. The trail is written
/// from the revisions the store keeps in memory, and a seed runs before the
/// trail's follower starts, so it catches up well before those are dropped.
pub struct SeedTrail {
    pub audit: Arc<Audit>,
    /// The store's `--recent-revisions`.
    pub recent_revisions: usize,
}

impl SeedTrail {
    /// After the command at `index`: catches up every half of the revisions
    /// kept in memory.
    async fn after(&self, index: usize, store: &Arc<OrgStore>, org: Uuid) -> Result<(), SeedError> {
        let every = (self.recent_revisions / 2).max(1);
        if index % every == every - 1 {
            self.catch_up(store, org).await?;
        }
        Ok(())
    }

    async fn catch_up(&self, store: &Arc<OrgStore>, org: Uuid) -> Result<(), SeedError> {
        self.audit
            .catch_up(store, org)
            .await
            .map_err(|e| SeedError::Audit(e.to_string()))?;
        Ok(())
    }
}

/// Seeds the demo partnership unless it is complete, and gives each of its
/// people without an account a demo account. Called only with `--demo`: a
/// production data directory starts empty.
pub async fn seed(
    store: &Arc<OrgStore>,
    auth: &Arc<Auth>,
    trail: &SeedTrail,
) -> Result<(), SeedError> {
    store.create_organisation(DEMO_ORG)?;
    let at = now();
    let today = vela_domain::calendar::rome_date(at);
    // Entity ids and command ids from two counters in the demo org's space.
    let mut counter = 0u128;
    let mut ids = || {
        counter += 1;
        Uuid::from_u128(DEMO_ORG.as_u128() + (1 << 32) + counter)
    };
    // A few happened in the past (agile days already worked): each runs at
    // its own time.
    let commands = vela_domain::demo::timed_commands(OrgId(DEMO_ORG), today, &mut ids);
    let usernames: Vec<String> = commands
        .iter()
        .filter_map(|(_, _, command)| match command {
            vela_domain::Command::Directory(vela_domain::directory::Command::SavePerson {
                username,
                ..
            }) => Some(username.clone()),
            _ => None,
        })
        .collect();
    // Each demo command is one revision: a partnership at or past their
    // count is complete (later revisions are what people did with it), and
    // re-sending nothing keeps a restart with `--demo` from touching the
    // log. A crash mid-seed leaves fewer, and the rest are sent again with
    // the same ids.
    let seeded = store.read(DEMO_ORG, |_, revision| revision)?;
    if seeded >= commands.len() as u64 {
        return seed_accounts(store, auth, DEMO_ORG, &usernames).await;
    }
    let mut fresh = 0;
    for (index, (when, actor, command)) in commands.into_iter().enumerate() {
        let at = when.unwrap_or(at);
        let meta = CommandMeta {
            id: Uuid::from_u128(DEMO_ORG.as_u128() + (2 << 32) + index as u128),
            actor,
            at,
        };
        let outcome = store
            .submit(DEMO_ORG, meta, |state| {
                fresh += 1;
                vela_domain::apply(state, &actor, &command, at)
            })
            .await?;
        match outcome {
            Outcome::Accepted { .. } => {}
            Outcome::Rejected(r) => {
                return Err(SeedError::Refused {
                    index,
                    reason: format!("{} ({r})", r.code()),
                })
            }
            Outcome::IdInUse => {
                return Err(SeedError::Refused {
                    index,
                    reason: "command id in use".into(),
                })
            }
        }
        trail.after(index, store, DEMO_ORG).await?;
    }
    trail.catch_up(store, DEMO_ORG).await?;
    if fresh > 0 {
        tracing::info!(commands = fresh, "demo organisation seeded");
    }
    seed_accounts(store, auth, DEMO_ORG, &usernames).await
}

/// Demo accounts for the people of `usernames` who have none (people
/// added later by the demo's administrators get their password from them).
async fn seed_accounts(
    store: &Arc<OrgStore>,
    auth: &Arc<Auth>,
    org: Uuid,
    usernames: &[String],
) -> Result<(), SeedError> {
    let named: Vec<(String, Uuid)> = store.read(org, |state, _| {
        state
            .directory
            .people
            .values()
            .filter(|p| usernames.contains(&p.username))
            .map(|p| (p.username.clone(), p.id.0))
            .collect()
    })?;
    let mut people = Vec::new();
    for (username, person) in named {
        let known = auth
            .accounts
            .get(&username)
            .await
            .map_err(|e| SeedError::Accounts(e.to_string()))?;
        if known.is_none() {
            people.push((username, person));
        }
    }
    if people.is_empty() {
        return Ok(());
    }
    // One hash for all: the demo password is public, so separate salts
    // would protect nothing, and argon2 is slow by design.
    let strength = auth.strength;
    let hash = tokio::task::spawn_blocking(move || password::hash(DEMO_PASSWORD, strength))
        .await
        .map_err(|e| SeedError::Accounts(e.to_string()))?
        .map_err(|e| SeedError::Accounts(e.to_string()))?;
    let count = people.len();
    let accounts = people
        .into_iter()
        .map(|(username, person_id)| {
            let account = Account {
                person_id,
                org_id: org,
                password_hash: hash.clone(),
            };
            (username, account)
        })
        .collect();
    auth.accounts
        .upsert(accounts)
        .await
        .map_err(|e| SeedError::Accounts(e.to_string()))?;
    tracing::info!(count, "demo accounts created");
    Ok(())
}

/// The load-test organisation of `vela_domain::demo::agile::synthetic`.
pub const SYNTHETIC_ORG: Uuid = Uuid::from_u128(0x5157);

/// Seeds a load-test organisation of `people` with a year of plans (for
/// `vela-bench`), unless it exists; every person gets an account with the
/// demo password. Refused commands only trim the plans, as in the domain's
/// own synthetic state.
pub async fn seed_synthetic(
    store: &Arc<OrgStore>,
    auth: &Arc<Auth>,
    trail: &SeedTrail,
    people: usize,
) -> Result<(), SeedError> {
    if store.organisations().contains(&SYNTHETIC_ORG) {
        return Ok(());
    }
    store.create_organisation(SYNTHETIC_ORG)?;
    let at = now();
    let today = vela_domain::calendar::rome_date(at);
    let commands = vela_domain::demo::agile::synthetic_commands(people, today);
    let total = commands.len();
    let mut refused = 0;
    for (index, (actor, command)) in commands.into_iter().enumerate() {
        let meta = CommandMeta {
            id: Uuid::from_u128(SYNTHETIC_ORG.as_u128() + (2 << 32) + index as u128),
            actor,
            at,
        };
        let outcome = store
            .submit(SYNTHETIC_ORG, meta, |state| {
                vela_domain::apply(state, &actor, &command, at)
            })
            .await?;
        if !matches!(outcome, Outcome::Accepted { .. }) {
            refused += 1;
        }
        trail.after(index, store, SYNTHETIC_ORG).await?;
    }
    trail.catch_up(store, SYNTHETIC_ORG).await?;
    tracing::info!(
        people,
        commands = total,
        refused,
        "load-test organisation seeded"
    );
    let usernames = store.read(SYNTHETIC_ORG, |state, _| {
        state
            .directory
            .people
            .values()
            .map(|p| p.username.clone())
            .collect::<Vec<_>>()
    })?;
    seed_accounts(store, auth, SYNTHETIC_ORG, &usernames).await
}
