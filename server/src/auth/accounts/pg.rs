//! Accounts in PostgreSQL (`vela_accounts`: username → person,
//! organisation, argon2id hash), shared by every replica. Read on each
//! sign-in (one indexed query beside an argon2 check that takes far
//! longer), so a password set through one replica holds on all at once.

use deadpool_postgres::Pool;
use uuid::Uuid;

use super::{normalise, Account, AccountsError};
use crate::store::pg::DbError;

/// The accounts table, through a pool.
#[derive(Clone)]
pub struct PgAccounts {
    pool: Pool,
}

impl PgAccounts {
    pub fn new(pool: Pool) -> Self {
        PgAccounts { pool }
    }

    pub async fn get(&self, username: &str) -> Result<Option<Account>, AccountsError> {
        let client = self.pool.get().await.map_err(DbError::from)?;
        let row = client
            .query_opt(
                "SELECT person, org, password_hash FROM vela_accounts WHERE username = $1",
                &[&normalise(username)],
            )
            .await
            .map_err(DbError::from)?;
        Ok(row.map(|row| Account {
            person_id: row.get(0),
            org_id: row.get(1),
            password_hash: row.get(2),
        }))
    }

    pub async fn username_of(&self, person_id: Uuid) -> Result<Option<String>, AccountsError> {
        let client = self.pool.get().await.map_err(DbError::from)?;
        let row = client
            .query_opt(
                "SELECT username FROM vela_accounts WHERE person = $1 ORDER BY username LIMIT 1",
                &[&person_id],
            )
            .await
            .map_err(DbError::from)?;
        Ok(row.map(|row| row.get(0)))
    }

    /// Every account, by username (for `export`).
    pub async fn all(&self) -> Result<Vec<(String, Account)>, AccountsError> {
        let client = self.pool.get().await.map_err(DbError::from)?;
        let rows = client
            .query(
                "SELECT username, person, org, password_hash FROM vela_accounts ORDER BY username",
                &[],
            )
            .await
            .map_err(DbError::from)?;
        Ok(rows
            .into_iter()
            .map(|row| {
                (
                    row.get(0),
                    Account {
                        person_id: row.get(1),
                        org_id: row.get(2),
                        password_hash: row.get(3),
                    },
                )
            })
            .collect())
    }

    pub async fn set_for_person(
        &self,
        username: &str,
        account: Account,
    ) -> Result<(), AccountsError> {
        let mut client = self.pool.get().await.map_err(DbError::from)?;
        let tx = client.transaction().await.map_err(DbError::from)?;
        tx.execute(
            "DELETE FROM vela_accounts WHERE person = $1",
            &[&account.person_id],
        )
        .await
        .map_err(DbError::from)?;
        upsert_one(&tx, username, &account).await?;
        tx.commit().await.map_err(DbError::from)?;
        Ok(())
    }

    pub async fn remove_person(&self, person_id: Uuid) -> Result<(), AccountsError> {
        let client = self.pool.get().await.map_err(DbError::from)?;
        client
            .execute("DELETE FROM vela_accounts WHERE person = $1", &[&person_id])
            .await
            .map_err(DbError::from)?;
        Ok(())
    }

    pub async fn upsert(&self, accounts: Vec<(String, Account)>) -> Result<(), AccountsError> {
        let mut client = self.pool.get().await.map_err(DbError::from)?;
        let tx = client.transaction().await.map_err(DbError::from)?;
        for (username, account) in &accounts {
            upsert_one(&tx, username, account).await?;
        }
        tx.commit().await.map_err(DbError::from)?;
        Ok(())
    }
}

async fn upsert_one(
    tx: &deadpool_postgres::Transaction<'_>,
    username: &str,
    account: &Account,
) -> Result<(), AccountsError> {
    tx.execute(
        "INSERT INTO vela_accounts (username, person, org, password_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (username) DO UPDATE
         SET person = EXCLUDED.person, org = EXCLUDED.org, password_hash = EXCLUDED.password_hash",
        &[
            &normalise(username),
            &account.person_id,
            &account.org_id,
            &account.password_hash,
        ],
    )
    .await
    .map_err(DbError::from)?;
    Ok(())
}
