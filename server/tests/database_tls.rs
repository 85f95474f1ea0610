//! TLS to PostgreSQL: with `sslmode=require` every connection of the server
//! (pool, listener, snapshots) is encrypted and the database's certificate
//! is verified, against the CA `sslrootcert` names; a certificate nobody
//! vouches for stops the start-up with a reason; without it, plain as before.

mod common;

use common::postgres::TestDatabase;
use common::{temp_dirs, Server};
use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};

const FAST: &str = "--insecure-fast-hashing";

/// A CA (its certificate, PEM) and a certificate it signed for 127.0.0.1
/// (certificate and key, PEM).
fn certificates() -> (String, String, String) {
    let ca_key = KeyPair::generate().expect("CA key");
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "Vela test CA");
    let ca = ca_params.self_signed(&ca_key).expect("CA certificate");
    let issuer = rcgen::Issuer::new(ca_params, ca_key);
    let key = KeyPair::generate().expect("server key");
    let params = CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])
        .expect("server params");
    let certificate = params.signed_by(&key, &issuer).expect("server certificate");
    (ca.pem(), certificate.pem(), key.serialize_pem())
}

/// How many of this database's connections are encrypted, and how many there are.
async fn encrypted_connections(db: &TestDatabase) -> (i64, i64) {
    let (client, connection) = tokio_postgres::connect(&db.url(), tokio_postgres::NoTls)
        .await
        .expect("connect");
    tokio::spawn(connection);
    let row = client
        .query_one(
            "SELECT count(*) FILTER (WHERE s.ssl), count(*)
             FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)
             WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()",
            &[],
        )
        .await
        .expect("pg_stat_ssl");
    (row.get(0), row.get(1))
}

#[tokio::test]
async fn with_sslmode_require_every_connection_is_encrypted_and_verified() {
    let db = TestDatabase::create();
    let (ca, certificate, key) = certificates();
    db.enable_tls(&certificate, &key);
    let (temp, data, dist) = temp_dirs();
    let ca_file = temp.path().join("db-ca.pem");
    std::fs::write(&ca_file, &ca).expect("CA file");
    let url = format!(
        "{}?sslmode=require&sslrootcert={}",
        db.url(),
        ca_file.display()
    );

    let server = Server::start_plain(&data, &dist, &[FAST, "--demo", "--database-url", &url])
        .expect("the server starts over TLS");
    let giulia = server.login("giulia").await;
    let (status, _) = giulia.get_json("/api/me").await;
    assert_eq!(status, 200);
    let (encrypted, all) = encrypted_connections(&db).await;
    assert!(all > 0, "the server holds connections");
    assert_eq!(
        encrypted, all,
        "every connection of the server is encrypted"
    );
    drop(server);

    // The same database without the CA: its certificate is no one's the
    // system trusts, and the server says so instead of starting.
    let (_other, data, dist) = temp_dirs();
    let plain_require = format!("{}?sslmode=require", db.url());
    let Err(stderr) = Server::start_plain(&data, &dist, &[FAST, "--database-url", &plain_require])
    else {
        panic!("a server trusted an unknown certificate");
    };
    assert!(
        stderr.to_lowercase().contains("certificate"),
        "the reason names the certificate: {stderr}"
    );

    // Without sslmode=require the connections stay plain, as before, even
    // to a database that offers TLS (Debian's does, self-signed).
    // (A database of its own on the same cluster: the first server's
    // connections may linger a moment after it stopped.)
    let plain_db = TestDatabase::create();
    let (_plain, data, dist) = temp_dirs();
    let server = Server::start_plain(
        &data,
        &dist,
        &[FAST, "--demo", "--database-url", &plain_db.url()],
    )
    .expect("the server starts without TLS");
    server.login("giulia").await;
    let (encrypted, all) = encrypted_connections(&plain_db).await;
    assert!(all > 0, "the server holds connections");
    assert_eq!(encrypted, 0, "plain connections without sslmode=require");
}
