//! Accounts and calendar feeds with `--database-url`: `migrate` carries
//! them from a data directory into the database and `export` back, so a
//! server on either side signs the same people in and serves the same feed
//! URLs without copying a file; `admin create | reset-password` work on the
//! database while a replica serves it.

mod common;

use std::path::Path;

use common::postgres::TestDatabase;
use common::{temp_dirs, vela, Server};
use serde_json::json;

const FAST: &str = "--insecure-fast-hashing";

fn text(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

async fn feed_status(server: &Server, path: &str) -> u16 {
    common::client()
        .get(server.url(path))
        .send()
        .await
        .expect("GET feed")
        .status()
        .as_u16()
}

#[tokio::test]
async fn migrate_and_export_carry_accounts_and_feeds() {
    let db = TestDatabase::create();
    let mut json_server = Server::start_json(&[FAST, "--demo"]);
    let giulia = json_server.login("giulia").await;
    let (status, created) = giulia.post_json("/api/calendar/feed", &json!({})).await;
    assert_eq!(status, 200, "{created}");
    let feed = created["url"].as_str().expect("url").to_string();
    assert!(json_server.terminate().success());
    let temp = json_server.keep_dirs().expect("dirs");
    let (data, dist) = (json_server.data_dir.clone(), json_server.dist_dir.clone());
    drop(json_server);
    let url = db.url();

    let common::Run {
        code,
        stdout,
        stderr,
    } = vela(
        &["migrate", "--data-dir", text(&data), "--database-url", &url],
        "",
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("calendar feed(s)"), "{stdout}");
    assert!(!stdout.contains(" 0 account(s)"), "{stdout}");

    // A server on the database with an empty directory of its own.
    let (_fresh, fresh_data, _) = temp_dirs();
    let pg_server = Server::start_plain(&fresh_data, &dist, &[FAST, "--database-url", &url])
        .expect("server on the database starts");
    pg_server.login("giulia").await;
    assert_eq!(feed_status(&pg_server, &feed).await, 200);
    assert!(!fresh_data.join("accounts.json").exists());
    drop(pg_server);

    let exported = temp.path().join("exported");
    let common::Run {
        code,
        stdout,
        stderr,
    } = vela(
        &[
            "export",
            "--data-dir",
            text(&exported),
            "--database-url",
            &url,
        ],
        "",
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    let json_again =
        Server::start_plain_json(&exported, &dist, &[FAST]).expect("JSON server starts");
    json_again.login("giulia").await;
    assert_eq!(feed_status(&json_again, &feed).await, 200);
    assert_eq!(
        json_again.login_with("giulia", "sbagliata").await.err(),
        Some(401)
    );
}

#[tokio::test]
async fn admin_commands_work_on_the_database_while_a_replica_serves_it() {
    let db = TestDatabase::create();
    let url = db.url();
    let replica = Server::start(&[FAST, "--demo", "--database-url", &url]);
    let giulia = replica.login("giulia").await;

    let common::Run {
        code,
        stdout,
        stderr,
    } = vela(
        &[
            "admin",
            "create",
            "--database-url",
            &url,
            "--username",
            "Nuova.Admin",
            "--name",
            "Nuova Amministratrice",
            "--organisation",
            "Provincia autonoma di Trento",
            "--password-stdin",
        ],
        "una-password-lunga\n",
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    replica
        .login_with("nuova.admin", "una-password-lunga")
        .await
        .expect("the new administrator signs in through the running replica");

    let common::Run {
        code,
        stdout,
        stderr,
    } = vela(
        &[
            "admin",
            "reset-password",
            "--database-url",
            &url,
            "--username",
            "giulia",
            "--password-stdin",
        ],
        "un-altra-password\n",
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (status, _) = giulia.get_json("/api/me").await;
    assert_eq!(status, 401, "a reset ends the person's sessions");
    assert_eq!(
        replica.login_with("giulia", "vela-demo").await.err(),
        Some(401)
    );
    replica
        .login_with("giulia", "un-altra-password")
        .await
        .expect("the new password");
}

#[tokio::test]
async fn a_server_on_the_database_adopts_the_files_an_older_migrate_left() {
    let db = TestDatabase::create();
    let mut json_server = Server::start_json(&[FAST, "--demo"]);
    let giulia = json_server.login("giulia").await;
    let (status, created) = giulia.post_json("/api/calendar/feed", &json!({})).await;
    assert_eq!(status, 200, "{created}");
    let feed = created["url"].as_str().expect("url").to_string();
    assert!(json_server.terminate().success());
    let _temp = json_server.keep_dirs().expect("dirs");
    let (data, dist) = (json_server.data_dir.clone(), json_server.dist_dir.clone());
    drop(json_server);
    let url = db.url();
    let common::Run {
        code,
        stdout,
        stderr,
    } = vela(
        &["migrate", "--data-dir", text(&data), "--database-url", &url],
        "",
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    // As the build before this one migrated: the state only.
    let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
        .await
        .expect("connect");
    tokio::spawn(connection);
    client
        .batch_execute("DELETE FROM vela_accounts; DELETE FROM vela_feeds;")
        .await
        .expect("delete");

    let pg_server = Server::start_plain(&data, &dist, &[FAST, "--database-url", &url])
        .expect("server on the database starts");
    pg_server.login("giulia").await;
    assert_eq!(feed_status(&pg_server, &feed).await, 200);
    assert!(pg_server
        .log_text()
        .contains("copied from the data directory"));
    let accounts: i64 = client
        .query_one("SELECT count(*) FROM vela_accounts", &[])
        .await
        .expect("count")
        .get(0);
    assert!(accounts > 0);
}
