//! The tables of the PostgreSQL store and the steps that create them.
//!
//! Each step runs once, in order, in one transaction under an advisory lock,
//! so replicas starting together do not race; `vela_schema` records how many
//! ran. A database migrated by a newer Vela is refused, as newer files are.

use tokio_postgres::Client;

use super::db_error;
use crate::store::StoreError;

/// Serialises schema changes between replicas (any constant unlikely to
/// collide with the per-organisation keys, which are hashes of ids).
const MIGRATION_LOCK: i64 = 0x7665_6c61_0001;

/// One entry per schema version; never edit a released one, append.
const STEPS: &[&str] = &[
    // 1: organisations, their log rows and snapshots. `format` is the log
    // line / snapshot format version (`store::upgrade`) the JSON was
    // written in, so older rows go through the same steps as older files.
    "CREATE TABLE vela_organisations (
         org uuid PRIMARY KEY,
         created_at timestamptz NOT NULL DEFAULT now()
     );
     CREATE TABLE vela_log (
         org uuid NOT NULL REFERENCES vela_organisations (org),
         revision bigint NOT NULL CHECK (revision > 0),
         format integer NOT NULL,
         entry jsonb NOT NULL,
         PRIMARY KEY (org, revision)
     );
     CREATE TABLE vela_snapshots (
         org uuid NOT NULL REFERENCES vela_organisations (org),
         revision bigint NOT NULL,
         format integer NOT NULL,
         snapshot jsonb NOT NULL,
         PRIMARY KEY (org, revision)
     );",
    // 2: what a replica must share beside the log, so any replica serves
    // anyone: accounts (argon2id hashes), sessions and calendar feeds (only
    // the SHA-256 of their tokens, never the tokens) and the login limits
    // (one row per counted key, its attempts in the window).
    "CREATE TABLE vela_accounts (
         username text PRIMARY KEY,
         person uuid NOT NULL,
         org uuid NOT NULL,
         password_hash text NOT NULL
     );
     CREATE INDEX vela_accounts_person ON vela_accounts (person);
     CREATE TABLE vela_sessions (
         token_sha256 bytea PRIMARY KEY,
         person uuid NOT NULL,
         org uuid NOT NULL,
         username text NOT NULL,
         created_at timestamptz NOT NULL,
         last_seen timestamptz NOT NULL
     );
     CREATE INDEX vela_sessions_person ON vela_sessions (person);
     CREATE TABLE vela_login_limits (
         key text PRIMARY KEY,
         attempts timestamptz[] NOT NULL,
         updated_at timestamptz NOT NULL
     );
     CREATE TABLE vela_feeds (
         person uuid PRIMARY KEY,
         org uuid NOT NULL,
         token_sha256 text NOT NULL UNIQUE,
         created_at timestamptz NOT NULL
     );",
    // 3: the mail outbox (`mail::outbox::pg`): per stored state the last
    // revision whose mails are queued, the mails waiting (a sender's claim
    // is `claimed_until`), the keys resolved (sent or dropped) and when a
    // mail was last sent.
    "CREATE TABLE vela_mail_cursors (
         org uuid PRIMARY KEY,
         revision bigint NOT NULL
     );
     CREATE TABLE vela_mail_pending (
         org uuid NOT NULL,
         revision bigint NOT NULL,
         recipient uuid NOT NULL,
         digest boolean NOT NULL,
         notifications jsonb NOT NULL,
         digest_at timestamptz,
         attempts integer NOT NULL DEFAULT 0,
         next_attempt timestamptz NOT NULL,
         last_error text,
         claimed_until timestamptz,
         PRIMARY KEY (org, revision, recipient, digest)
     );
     CREATE TABLE vela_mail_sent (
         org uuid NOT NULL,
         revision bigint NOT NULL,
         recipient uuid NOT NULL,
         digest boolean NOT NULL,
         resolved_at timestamptz NOT NULL,
         delivered boolean NOT NULL,
         PRIMARY KEY (org, revision, recipient, digest)
     );
     CREATE INDEX vela_mail_sent_resolved ON vela_mail_sent (resolved_at);
     CREATE TABLE vela_mail_last_sent (
         only_row boolean PRIMARY KEY CHECK (only_row),
         at timestamptz NOT NULL
     );",
    // 4: the audit (`audit::pg`): the security log, one row per event (its
    // JSON line, with the columns the audit page filters and pages on), and
    // the trail, one row per revision of a stored state, written once
    // whichever replica wrote the revision: a follower inserts past its
    // state's cursor while it holds the cursor's row lock.
    "CREATE TABLE vela_security_log (
         id bigserial PRIMARY KEY,
         at timestamptz NOT NULL,
         org uuid,
         kind text NOT NULL,
         person uuid,
         by_person uuid,
         line jsonb NOT NULL
     );
     CREATE INDEX vela_security_log_org_at ON vela_security_log (org, at);
     CREATE INDEX vela_security_log_person ON vela_security_log (person, at);
     CREATE TABLE vela_audit_cursors (
         org uuid PRIMARY KEY,
         revision bigint NOT NULL
     );
     CREATE TABLE vela_audit_trail (
         org uuid NOT NULL,
         revision bigint NOT NULL,
         at timestamptz NOT NULL,
         line jsonb NOT NULL,
         PRIMARY KEY (org, revision)
     );
     CREATE INDEX vela_audit_trail_at ON vela_audit_trail (org, at);",
    // 5: snapshots brotli-compressed (`snapshots.rs`): a row holds either
    // form, the JSONB of earlier builds or the compressed document.
    "ALTER TABLE vela_snapshots ALTER COLUMN snapshot DROP NOT NULL;
     ALTER TABLE vela_snapshots ADD COLUMN compressed bytea;
     ALTER TABLE vela_snapshots ADD CONSTRAINT vela_snapshots_one_form
         CHECK ((snapshot IS NULL) <> (compressed IS NULL));",
];

/// Brings the database's tables to this build's version.
pub async fn migrate(client: &mut Client) -> Result<(), StoreError> {
    let tx = client.transaction().await.map_err(db_error)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await
        .map_err(db_error)?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS vela_schema (version integer NOT NULL)")
        .await
        .map_err(db_error)?;
    let found: i32 = tx
        .query_opt("SELECT max(version) FROM vela_schema", &[])
        .await
        .map_err(db_error)?
        .and_then(|row| row.get::<_, Option<i32>>(0))
        .unwrap_or(0);
    let known = STEPS.len();
    let done = usize::try_from(found).unwrap_or(0);
    if done > known {
        return Err(StoreError::Database(format!(
            "the database's tables were made by a newer Vela (schema {found}; this build knows up to {known})"
        )));
    }
    for (index, step) in STEPS.iter().enumerate().skip(done) {
        tx.batch_execute(step).await.map_err(db_error)?;
        tracing::info!(version = index + 1, "database schema step applied");
    }
    if done < known {
        let version = i32::try_from(known).unwrap_or(i32::MAX);
        tx.execute("DELETE FROM vela_schema", &[])
            .await
            .map_err(db_error)?;
        tx.execute("INSERT INTO vela_schema (version) VALUES ($1)", &[&version])
            .await
            .map_err(db_error)?;
    }
    tx.commit().await.map_err(db_error)
}
