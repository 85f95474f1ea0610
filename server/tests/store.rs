//! The stores on a toy model, so these tests say what a store guarantees,
//! whatever the rules. What every store promises (durability across a
//! reopen, idempotency, batches, concurrency) is one suite run on both
//! backends (`on_every_store!`): the JSON store on real files in temp dirs
//! and the PostgreSQL store on a real PostgreSQL (`common/postgres.rs`).
//! Then the JSON files' own recovery rules, and PostgreSQL's replicas.

mod common;

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use common::postgres::TestDatabase;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use vela_server::store::{
    Changes, CommandMeta, JsonStore, Model, Outcome, PgStore, Store, StoreError, StoreOptions,
};

/// A running total; refuses to go below zero.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Tally {
    total: i64,
    count: u64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct Added(i64);

impl Model for Tally {
    type Event = Added;
    type Actor = String;
    type Rejection = String;

    fn apply(&mut self, event: &Added) {
        self.total += event.0;
        self.count += 1;
    }
}

const ORG: Uuid = Uuid::from_u128(0x0123);

fn options(snapshot_every: u64) -> StoreOptions {
    StoreOptions {
        snapshot_every,
        recent_revisions: 1000,
        remembered_commands: 10_000,
        remembered_rejections: 1000,
    }
}

fn open(data: &Path, snapshot_every: u64) -> JsonStore<Tally> {
    let store = JsonStore::open(data, options(snapshot_every)).expect("store opens");
    store.create_organisation(ORG).expect("org");
    store
}

fn meta(id: Uuid, actor: &str) -> CommandMeta<String> {
    CommandMeta {
        id,
        actor: actor.to_string(),
        at: DateTime::<Utc>::from(std::time::SystemTime::now()),
    }
}

/// Adds `n`, refusing a total below zero.
async fn add<S: Store<Tally>>(store: &S, id: Uuid, n: i64) -> Outcome<String> {
    store
        .submit(ORG, meta(id, "giulia"), |state: &Tally| {
            if state.total + n < 0 {
                Err("negative_total".to_string())
            } else {
                Ok(vec![Added(n)])
            }
        })
        .await
        .expect("submit")
}

fn org_dir(data: &Path) -> PathBuf {
    data.join("orgs").join(ORG.to_string())
}

fn segments(data: &Path) -> Vec<PathBuf> {
    let mut list: Vec<_> = std::fs::read_dir(org_dir(data))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    list.sort();
    list
}

fn total<S: Store<Tally>>(store: &S) -> (i64, u64) {
    store.read(ORG, |s, revision| (s.total, revision)).unwrap()
}

/// Where a store keeps its data, so a test can open it again.
trait Backend {
    type Store: Store<Tally>;
    fn new() -> Self;
    /// Opens the store (again) with organisation `ORG` in it.
    async fn open_with(&self, options: StoreOptions) -> Self::Store;
}

/// The JSON files in a temp dir.
struct Files(tempfile::TempDir);

impl Backend for Files {
    type Store = JsonStore<Tally>;
    fn new() -> Self {
        Files(tempfile::tempdir().unwrap())
    }
    async fn open_with(&self, options: StoreOptions) -> JsonStore<Tally> {
        let store = JsonStore::open(self.0.path(), options).expect("store opens");
        store.create_organisation(ORG).expect("org");
        store
    }
}

/// A database of its own on the test PostgreSQL.
struct Database(TestDatabase);

impl Backend for Database {
    type Store = PgStore<Tally>;
    fn new() -> Self {
        Database(TestDatabase::create())
    }
    async fn open_with(&self, options: StoreOptions) -> PgStore<Tally> {
        let store = PgStore::connect(&self.0.url(), options)
            .await
            .expect("store connects");
        store.create_organisation(ORG).expect("org");
        store
    }
}

/// Runs each generic test below once per backend.
macro_rules! on_every_store {
    ($($test:ident),* $(,)?) => {
        mod json_store {
            use super::Backend;
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $test() {
                    super::$test(super::Files::new()).await
                }
            )*
        }
        mod pg_store {
            use super::Backend;
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $test() {
                    super::$test(super::Database::new()).await
                }
            )*
        }
    };
}

on_every_store!(
    appends_survive_a_reopen,
    concurrent_appends_all_survive,
    the_same_id_gets_the_same_answer,
    concurrent_duplicates_are_applied_once,
    unknown_organisations_are_an_error,
    a_batch_is_decided_at_once_and_each_command_answered,
    remembered_ids_are_bounded_through_snapshots,
    changes_are_listed_in_order_and_watchers_follow,
);

async fn appends_survive_a_reopen<B: Backend>(backend: B) {
    {
        let store = backend.open_with(options(1000)).await;
        for n in 1..=5 {
            assert_eq!(
                add(&store, Uuid::from_u128(n), n as i64).await,
                Outcome::Accepted { revision: n as u64 }
            );
        }
        // No shutdown: what is acknowledged must already be stored.
    }
    let store = backend.open_with(options(1000)).await;
    assert_eq!(total(&store), (15, 5));
    assert_eq!(store.organisations(), vec![ORG]);
}

async fn concurrent_appends_all_survive<B: Backend>(backend: B) {
    let store = Arc::new(backend.open_with(options(1_000_000)).await);
    let mut tasks = Vec::new();
    for n in 0..400u128 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            add(&*store, Uuid::from_u128(1000 + n), 1).await
        }));
    }
    let mut revisions = Vec::new();
    for task in tasks {
        match task.await.unwrap() {
            Outcome::Accepted { revision } => revisions.push(revision),
            other => panic!("not accepted: {other:?}"),
        }
    }
    revisions.sort();
    assert_eq!(revisions, (1..=400).collect::<Vec<_>>());
    drop(store);
    let store = backend.open_with(options(1_000_000)).await;
    assert_eq!(total(&store), (400, 400));
    // Every id is still known after the reload.
    for n in 0..400u128 {
        assert!(matches!(
            add(&store, Uuid::from_u128(1000 + n), 1).await,
            Outcome::Accepted { .. }
        ));
    }
    assert_eq!(total(&store), (400, 400));
}

async fn the_same_id_gets_the_same_answer<B: Backend>(backend: B) {
    let store = backend.open_with(options(1000)).await;
    let id = Uuid::from_u128(7);
    assert_eq!(add(&store, id, 5).await, Outcome::Accepted { revision: 1 });
    // A retry is not decided again (the total would change).
    assert_eq!(add(&store, id, 5).await, Outcome::Accepted { revision: 1 });
    assert_eq!(total(&store), (5, 1));

    let refused = Uuid::from_u128(8);
    assert_eq!(
        add(&store, refused, -10).await,
        Outcome::Rejected("negative_total".into())
    );
    // Even if the state would now allow it, the remembered answer stands.
    add(&store, Uuid::from_u128(9), 100).await;
    assert_eq!(
        add(&store, refused, -10).await,
        Outcome::Rejected("negative_total".into())
    );

    // Someone else reusing an id gets neither the answer nor a new revision.
    let other = store
        .submit(ORG, meta(id, "marco"), |_: &Tally| Ok(vec![Added(1)]))
        .await
        .unwrap();
    assert_eq!(other, Outcome::IdInUse);
    assert_eq!(total(&store), (105, 2));
}

async fn concurrent_duplicates_are_applied_once<B: Backend>(backend: B) {
    let store = Arc::new(backend.open_with(options(1000)).await);
    let id = Uuid::from_u128(42);
    let mut tasks = Vec::new();
    for _ in 0..32 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move { add(&*store, id, 1).await }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), Outcome::Accepted { revision: 1 });
    }
    assert_eq!(total(&*store), (1, 1));
}

async fn unknown_organisations_are_an_error<B: Backend>(backend: B) {
    let store = backend.open_with(options(1000)).await;
    let other = Uuid::from_u128(0xdead);
    assert!(matches!(
        store.read(other, |_, r| r),
        Err(StoreError::UnknownOrganisation(id)) if id == other
    ));
    assert!(matches!(
        store
            .submit(other, meta(Uuid::from_u128(1), "giulia"), |_: &Tally| Ok(vec![Added(1)]))
            .await,
        Err(StoreError::UnknownOrganisation(id)) if id == other
    ));
}

async fn a_batch_is_decided_at_once_and_each_command_answered<B: Backend>(backend: B) {
    let store = backend.open_with(options(1000)).await;
    let taken = Uuid::from_u128(1);
    add(&store, taken, 1).await;
    let batch = vec![
        meta(Uuid::from_u128(2), "marco"),
        meta(taken, "marco"),
        meta(Uuid::from_u128(3), "marco"),
        meta(Uuid::from_u128(4), "marco"),
    ];
    let amounts = [2, 100, -50, 4];
    let outcomes = store
        .submit_batch(ORG, batch, |state: &Tally, i| {
            // Each command sees the ones before it in the batch.
            if state.total + amounts[i] < 0 {
                Err("negative_total".to_string())
            } else {
                Ok(vec![Added(amounts[i])])
            }
        })
        .await
        .unwrap();
    assert_eq!(
        outcomes,
        vec![
            Outcome::Accepted { revision: 2 },
            Outcome::IdInUse,
            Outcome::Rejected("negative_total".into()),
            Outcome::Accepted { revision: 3 },
        ]
    );
    assert_eq!(total(&store), (7, 3));
    drop(store);
    // Both accepted ones are durable; the id in use still belongs to giulia.
    let store = backend.open_with(options(1000)).await;
    assert_eq!(total(&store), (7, 3));
    assert_eq!(
        add(&store, taken, 1).await,
        Outcome::Accepted { revision: 1 }
    );
}

async fn remembered_ids_are_bounded_through_snapshots<B: Backend>(backend: B) {
    let small = StoreOptions {
        remembered_commands: 5,
        ..options(10)
    };
    {
        let store = backend.open_with(small.clone()).await;
        for n in 1..=10 {
            add(&store, Uuid::from_u128(n), 1).await;
        }
    }
    let store = backend.open_with(small).await;
    assert_eq!(total(&store), (10, 10));
    // Remembered: the same answer. Forgotten: decided again.
    assert_eq!(
        add(&store, Uuid::from_u128(7), 1).await,
        Outcome::Accepted { revision: 7 }
    );
    assert_eq!(
        add(&store, Uuid::from_u128(2), 1).await,
        Outcome::Accepted { revision: 11 }
    );
}

async fn changes_are_listed_in_order_and_watchers_follow<B: Backend>(backend: B) {
    let store = backend.open_with(options(1000)).await;
    let mut durable = store.durable(ORG).unwrap();
    for n in 1..=3 {
        add(&store, Uuid::from_u128(n), 1).await;
    }
    durable.wait_for(|r| *r >= 3).await.unwrap();
    store.wait_durable(ORG, 3).await.unwrap();
    let Changes::Entries(entries) = store.changes_since(ORG, 1).unwrap() else {
        panic!("revision 1 is recent");
    };
    let revisions: Vec<u64> = entries.iter().map(|e| e.revision).collect();
    assert_eq!(revisions, vec![2, 3]);
    assert!(matches!(store.changes_since(ORG, 9), Ok(Changes::TooOld)));
}

// The JSON files' own rules.

#[tokio::test]
async fn log_lines_carry_their_format_and_checksum() {
    let temp = tempfile::tempdir().unwrap();
    {
        let store = open(temp.path(), 1000);
        for n in 1..=5 {
            add(&store, Uuid::from_u128(n), n as i64).await;
        }
    }
    let log = std::fs::read_to_string(&segments(temp.path())[0]).unwrap();
    assert_eq!(log.lines().count(), 6, "a header and five lines");
    assert!(log.ends_with('\n'));
    for line in log.lines() {
        let line: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(
            line["format"],
            vela_server::store::upgrade::LOG_LINE.current,
            "{line}"
        );
        assert!(line["crc32c"].is_u64(), "{line}");
    }
}

#[tokio::test]
async fn a_stray_directory_is_no_organisation() {
    let temp = tempfile::tempdir().unwrap();
    drop(open(temp.path(), 1000));
    std::fs::create_dir_all(temp.path().join("orgs").join("lost+found")).unwrap();
    assert_eq!(open(temp.path(), 1000).organisations(), vec![ORG]);
}

#[tokio::test]
async fn snapshots_list_the_remembered_ids_in_order() {
    let temp = tempfile::tempdir().unwrap();
    let small = StoreOptions {
        remembered_commands: 5,
        ..options(10)
    };
    {
        let store = JsonStore::<Tally>::open(temp.path(), small).unwrap();
        store.create_organisation(ORG).unwrap();
        for n in 1..=10 {
            add(&store, Uuid::from_u128(n), 1).await;
        }
    }
    let snapshot: serde_json::Value =
        serde_json::from_slice(&std::fs::read(org_dir(temp.path()).join("snapshot.json")).unwrap())
            .unwrap();
    assert_eq!(
        snapshot["format"],
        vela_server::store::upgrade::SNAPSHOT.current
    );
    let revisions: Vec<u64> = snapshot["accepted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["revision"].as_u64().unwrap())
        .collect();
    assert_eq!(revisions, vec![6, 7, 8, 9, 10]);
}

#[tokio::test]
async fn a_torn_last_line_is_cut_off() {
    let temp = tempfile::tempdir().unwrap();
    {
        let store = open(temp.path(), 1000);
        for n in 1..=3 {
            add(&store, Uuid::from_u128(n), 1).await;
        }
    }
    let segment = segments(temp.path())[0].clone();
    let good_len = std::fs::metadata(&segment).unwrap().len();
    let mut file = OpenOptions::new().append(true).open(&segment).unwrap();
    file.write_all(br#"{"revision":4,"command_id":"0000"#)
        .unwrap();
    drop(file);

    let store = open(temp.path(), 1000);
    assert_eq!(total(&store), (3, 3));
    assert_eq!(std::fs::metadata(&segment).unwrap().len(), good_len);
    // And the log goes on from there.
    assert_eq!(
        add(&store, Uuid::from_u128(4), 1).await,
        Outcome::Accepted { revision: 4 }
    );
    drop(store);
    assert_eq!(total(&open(temp.path(), 1000)), (4, 4));
}

#[tokio::test]
async fn a_complete_last_line_with_a_bad_checksum_refuses_to_start() {
    let temp = tempfile::tempdir().unwrap();
    {
        let store = open(temp.path(), 1000);
        add(&store, Uuid::from_u128(1), 1).await;
        add(&store, Uuid::from_u128(2), 7).await;
    }
    let segment = segments(temp.path())[0].clone();
    let text = std::fs::read_to_string(&segment).unwrap();
    // The last line was acknowledged (it ends with a newline): a changed
    // digit in it is corruption, not a torn write.
    let changed = text.replacen("[7]", "[8]", 1);
    assert_ne!(changed, text);
    std::fs::write(&segment, &changed).unwrap();
    let error = JsonStore::<Tally>::open(temp.path(), options(1000))
        .err()
        .expect("refused");
    assert!(
        matches!(&error, StoreError::Corrupt { file, line: 3, .. } if *file == segment),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("checksum mismatch"), "{message}");
    let offset = text.trim_end().rfind('\n').unwrap() + 1;
    assert!(
        message.contains(&format!("truncate -s {offset} {}", segment.display())),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(&segment).unwrap(), changed);
    // The check of a data directory says the same without changing anything.
    let checked = vela_server::store::verify::<Tally>(temp.path()).expect_err("refused");
    assert_eq!(checked.to_string(), message);
}

#[tokio::test]
async fn garbage_after_the_last_line_is_corruption_too() {
    let temp = tempfile::tempdir().unwrap();
    {
        let store = open(temp.path(), 1000);
        add(&store, Uuid::from_u128(1), 1).await;
    }
    let segment = segments(temp.path())[0].clone();
    let mut file = OpenOptions::new().append(true).open(&segment).unwrap();
    file.write_all(b"\0\0\0\0\n").unwrap();
    drop(file);
    let error = JsonStore::<Tally>::open(temp.path(), options(1000))
        .err()
        .expect("refused");
    assert!(
        matches!(error, StoreError::Corrupt { line: 3, .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn corruption_before_the_last_line_refuses_to_start() {
    let temp = tempfile::tempdir().unwrap();
    {
        let store = open(temp.path(), 1000);
        for n in 1..=3 {
            add(&store, Uuid::from_u128(n), 1).await;
        }
    }
    let segment = segments(temp.path())[0].clone();
    let text = std::fs::read_to_string(&segment).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[1] = "{ this is not json";
    std::fs::write(&segment, lines.join("\n") + "\n").unwrap();

    let error = match JsonStore::<Tally>::open(temp.path(), options(1000)) {
        Err(e) => e,
        Ok(_) => panic!("a corrupt log must not load"),
    };
    assert!(
        matches!(&error, StoreError::Corrupt { file, line: 2, .. } if *file == segment),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.contains(&segment.display().to_string()),
        "{message}"
    );
    assert!(message.contains("line 2"), "{message}");
    // Nothing was cut: the data is left for a human to repair.
    assert_eq!(
        std::fs::read_to_string(&segment).unwrap().lines().count(),
        4
    );
}

#[tokio::test]
async fn a_gap_in_revisions_refuses_to_start() {
    let temp = tempfile::tempdir().unwrap();
    {
        let store = open(temp.path(), 1000);
        for n in 1..=3 {
            add(&store, Uuid::from_u128(n), 1).await;
        }
    }
    let segment = segments(temp.path())[0].clone();
    let text = std::fs::read_to_string(&segment).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // The header, revision 1, revision 3.
    std::fs::write(
        &segment,
        format!("{}\n{}\n{}\n", lines[0], lines[1], lines[3]),
    )
    .unwrap();
    let error = JsonStore::<Tally>::open(temp.path(), options(1000))
        .err()
        .expect("refused");
    assert!(error.to_string().contains("expected"), "{error}");
}

#[tokio::test]
async fn snapshots_compact_the_log_and_replay_the_rest() {
    let temp = tempfile::tempdir().unwrap();
    {
        let store = open(temp.path(), 10);
        for n in 1..=25 {
            add(&store, Uuid::from_u128(n), 2).await;
        }
        // Dropped without shutdown: the snapshot at 20 is the last one, and
        // revisions 21..=25 live only in the log.
    }
    let dir = org_dir(temp.path());
    let snapshot: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("snapshot.json")).unwrap()).unwrap();
    assert_eq!(snapshot["revision"], 20);
    assert_eq!(snapshot["state"]["total"], 40);
    let names: Vec<String> = segments(temp.path())
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec![format!("log-{:020}.jsonl", 21)]);
    assert_eq!(
        std::fs::read_to_string(dir.join(&names[0]))
            .unwrap()
            .lines()
            .count(),
        6,
        "a header and revisions 21..=25"
    );

    let store = open(temp.path(), 10);
    assert_eq!(total(&store), (50, 25));
    // An id compacted into the snapshot is still answered as before.
    assert_eq!(
        add(&store, Uuid::from_u128(3), 2).await,
        Outcome::Accepted { revision: 3 }
    );
    assert!(matches!(
        store.changes_since(ORG, 5).unwrap(),
        Changes::TooOld
    ));
    match store.changes_since(ORG, 22).unwrap() {
        Changes::Entries(entries) => {
            let revisions: Vec<u64> = entries.iter().map(|e| e.revision).collect();
            assert_eq!(revisions, vec![23, 24, 25]);
        }
        Changes::TooOld => panic!("22 is in the log"),
    }
    // Shutdown takes a final snapshot; then nothing is left to replay.
    store.shutdown().unwrap();
    drop(store);
    let snapshot: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("snapshot.json")).unwrap()).unwrap();
    assert_eq!(snapshot["revision"], 25);
    assert_eq!(total(&open(temp.path(), 10)), (50, 25));
}

#[tokio::test]
async fn a_crash_while_writing_a_snapshot_leaves_the_old_one() {
    let temp = tempfile::tempdir().unwrap();
    {
        let store = open(temp.path(), 10);
        for n in 1..=12 {
            add(&store, Uuid::from_u128(n), 1).await;
        }
    }
    let dir = org_dir(temp.path());
    let before = std::fs::read(dir.join("snapshot.json")).unwrap();
    // What a crash between writing the temp file and renaming it leaves.
    std::fs::write(dir.join(".snapshot.json.tmp"), b"{\"revision\":99,\"sta").unwrap();
    let store = open(temp.path(), 10);
    assert_eq!(total(&store), (12, 12));
    assert_eq!(std::fs::read(dir.join("snapshot.json")).unwrap(), before);
    // The next snapshot replaces both cleanly.
    store.shutdown().unwrap();
    let snapshot: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("snapshot.json")).unwrap()).unwrap();
    assert_eq!(snapshot["revision"], 12);
    assert!(!dir.join(".snapshot.json.tmp").exists());
}

#[tokio::test]
async fn a_corrupt_snapshot_refuses_to_start() {
    let temp = tempfile::tempdir().unwrap();
    {
        let store = open(temp.path(), 1000);
        add(&store, Uuid::from_u128(1), 1).await;
        store.shutdown().unwrap();
    }
    let path = org_dir(temp.path()).join("snapshot.json");
    std::fs::write(&path, b"{\"revision\": 1, \"state\": [").unwrap();
    let error = JsonStore::<Tally>::open(temp.path(), options(1000))
        .err()
        .expect("refused");
    assert!(
        error.to_string().contains(&path.display().to_string()),
        "{error}"
    );
}

mod chain {
    //! Segments made by hand, to break the chain in every way.

    use super::*;
    use vela_server::store::format::{
        encode_end, encode_entry, encode_header, SegmentEnd, SegmentHeader,
    };
    use vela_server::store::LogEntry;

    fn entry(revision: u64) -> (Vec<u8>, u32) {
        let entry: LogEntry<Added, String> = LogEntry {
            revision,
            command_id: Uuid::from_u128(u128::from(revision)),
            actor: "giulia".into(),
            at: DateTime::<Utc>::from(std::time::SystemTime::UNIX_EPOCH),
            events: vec![Added(1)],
        };
        encode_entry(&entry).unwrap()
    }

    /// Writes a segment holding `revisions`, its header naming `after_crc`.
    fn segment(
        dir: &Path,
        revisions: std::ops::RangeInclusive<u64>,
        after_crc: Option<u32>,
    ) -> Option<u32> {
        let first = *revisions.start();
        let mut text = encode_header(&SegmentHeader {
            first,
            after: first - 1,
            after_crc32c: after_crc,
        });
        text.push(b'\n');
        let mut last = after_crc;
        for revision in revisions {
            let (line, crc) = entry(revision);
            text.extend_from_slice(&line);
            text.push(b'\n');
            last = Some(crc);
        }
        std::fs::write(dir.join(format!("log-{first:020}.jsonl")), text).unwrap();
        last
    }

    fn refused(data: &Path) -> String {
        let error = JsonStore::<Tally>::open(data, options(1000))
            .err()
            .expect("refused");
        let checked = vela_server::store::verify::<Tally>(data).expect_err("refused");
        assert_eq!(checked.to_string(), error.to_string());
        error.to_string()
    }

    #[test]
    fn an_unbroken_chain_loads() {
        let temp = tempfile::tempdir().unwrap();
        let dir = org_dir(temp.path());
        std::fs::create_dir_all(&dir).unwrap();
        let crc = segment(&dir, 1..=3, None);
        segment(&dir, 4..=5, crc);
        let store = JsonStore::<Tally>::open(temp.path(), options(1000)).unwrap();
        assert_eq!(total(&store), (5, 5));
        let summary = vela_server::store::verify::<Tally>(temp.path()).unwrap();
        assert_eq!(summary.organisations[0].revision, 5);
        assert_eq!(summary.organisations[0].segments, 2);
    }

    #[test]
    fn a_truncated_middle_segment_breaks_the_chain() {
        let temp = tempfile::tempdir().unwrap();
        let dir = org_dir(temp.path());
        std::fs::create_dir_all(&dir).unwrap();
        let crc = segment(&dir, 1..=3, None);
        segment(&dir, 4..=5, crc);
        // The first segment loses its last line (at a line boundary, so it
        // looks whole by itself).
        segment(&dir, 1..=2, None);
        let message = refused(temp.path());
        assert!(
            message.contains("log-00000000000000000004.jsonl"),
            "{message}"
        );
        assert!(message.contains("missing or was truncated"), "{message}");
    }

    #[test]
    fn a_missing_oldest_segment_is_detected() {
        let temp = tempfile::tempdir().unwrap();
        let dir = org_dir(temp.path());
        std::fs::create_dir_all(&dir).unwrap();
        let crc = segment(&dir, 1..=3, None);
        segment(&dir, 4..=5, crc);
        std::fs::remove_file(dir.join("log-00000000000000000001.jsonl")).unwrap();
        let message = refused(temp.path());
        assert!(message.contains("revisions 1..=3 are missing"), "{message}");
    }

    /// Closes the segment starting at `first` with its end line.
    fn close(dir: &Path, first: u64, next: u64) {
        let mut file = OpenOptions::new()
            .append(true)
            .open(dir.join(format!("log-{first:020}.jsonl")))
            .unwrap();
        file.write_all(&encode_end(&SegmentEnd { next })).unwrap();
        file.write_all(b"\n").unwrap();
    }

    #[test]
    fn a_closed_segment_followed_by_its_successor_loads() {
        let temp = tempfile::tempdir().unwrap();
        let dir = org_dir(temp.path());
        std::fs::create_dir_all(&dir).unwrap();
        let crc = segment(&dir, 1..=3, None);
        close(&dir, 1, 4);
        segment(&dir, 4..=5, crc);
        let store = JsonStore::<Tally>::open(temp.path(), options(1000)).unwrap();
        assert_eq!(total(&store), (5, 5));
    }

    #[test]
    fn a_closed_newest_segment_means_its_successor_was_lost() {
        let temp = tempfile::tempdir().unwrap();
        let dir = org_dir(temp.path());
        std::fs::create_dir_all(&dir).unwrap();
        segment(&dir, 1..=3, None);
        close(&dir, 1, 4);
        let message = refused(temp.path());
        assert!(
            message.contains("log-00000000000000000004.jsonl is missing"),
            "{message}"
        );
    }

    #[test]
    fn a_closing_line_must_be_the_last_and_name_the_next_revision() {
        let temp = tempfile::tempdir().unwrap();
        let dir = org_dir(temp.path());
        std::fs::create_dir_all(&dir).unwrap();
        let crc = segment(&dir, 1..=3, None);
        close(&dir, 1, 9);
        segment(&dir, 4..=5, crc);
        let message = refused(temp.path());
        assert!(
            message.contains("says the next one starts at 9"),
            "{message}"
        );

        let crc = segment(&dir, 1..=3, None);
        close(&dir, 1, 4);
        let mut file = OpenOptions::new()
            .append(true)
            .open(dir.join(format!("log-{:020}.jsonl", 1)))
            .unwrap();
        file.write_all(&entry(4).0).unwrap();
        file.write_all(b"\n").unwrap();
        segment(&dir, 4..=5, crc);
        let message = refused(temp.path());
        assert!(
            message.contains("lines after the line that closes"),
            "{message}"
        );
    }

    /// The case a snapshot check alone misses: a snapshot fails after the
    /// log moved on to a new segment, so the newest segment is not the one
    /// the snapshot names, and losing it used to lose its revisions silently.
    #[tokio::test]
    async fn the_newest_segment_lost_after_a_failed_snapshot_is_detected() {
        let temp = tempfile::tempdir().unwrap();
        let dir = org_dir(temp.path());
        {
            let store = open(temp.path(), 10);
            for n in 1..=13 {
                add(&store, Uuid::from_u128(n), 1).await;
            }
            // The first snapshot lands; the next ones cannot be written.
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
            while !dir.join("snapshot.json").exists() {
                assert!(std::time::Instant::now() < deadline, "no snapshot");
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
            std::fs::create_dir(dir.join(".snapshot.json.tmp")).unwrap();
            for n in 14..=25 {
                add(&store, Uuid::from_u128(n), 1).await;
            }
        }
        let holding_21 = dir.join(format!("log-{:020}.jsonl", 21));
        assert!(holding_21.exists(), "{:?}", segments(temp.path()));
        for path in segments(temp.path()) {
            if path >= holding_21 {
                std::fs::remove_file(path).unwrap();
            }
        }
        let message = refused(temp.path());
        assert!(
            message.contains(&format!("{} is missing", holding_21.display())),
            "{message}"
        );
    }

    #[tokio::test]
    async fn the_segment_after_the_snapshot_must_exist() {
        let temp = tempfile::tempdir().unwrap();
        {
            let store = open(temp.path(), 10);
            for n in 1..=13 {
                add(&store, Uuid::from_u128(n), 1).await;
            }
        }
        let dir = org_dir(temp.path());
        let newest = dir.join(format!("log-{:020}.jsonl", 11));
        std::fs::remove_file(&newest).unwrap();
        let message = refused(temp.path());
        assert!(message.contains(&newest.display().to_string()), "{message}");
        assert!(message.contains("missing"), "{message}");
    }

    #[tokio::test]
    async fn a_version_1_directory_loads_and_goes_on_in_a_chained_segment() {
        let temp = tempfile::tempdir().unwrap();
        let dir = org_dir(temp.path());
        std::fs::create_dir_all(&dir).unwrap();
        // Version 1: a bare snapshot and bare lines, no header, no checksum.
        std::fs::write(
            dir.join("snapshot.json"),
            r#"{"revision":2,"state":{"total":2,"count":2},"accepted":[
                {"id":"00000000-0000-0000-0000-000000000001","revision":1,"actor":"giulia"},
                {"id":"00000000-0000-0000-0000-000000000002","revision":2,"actor":"giulia"}]}"#,
        )
        .unwrap();
        let line = |r: u64| {
            format!(
                r#"{{"revision":{r},"command_id":"{}","actor":"giulia","at":"2026-11-30T08:00:00Z","events":[1]}}"#,
                Uuid::from_u128(u128::from(r))
            )
        };
        std::fs::write(
            dir.join("log-00000000000000000003.jsonl"),
            format!("{}\n{}\n", line(3), line(4)),
        )
        .unwrap();
        {
            let store = open(temp.path(), 1000);
            assert_eq!(total(&store), (4, 4));
            assert_eq!(
                add(&store, Uuid::from_u128(1), 1).await,
                Outcome::Accepted { revision: 1 }
            );
            assert_eq!(
                add(&store, Uuid::from_u128(5), 1).await,
                Outcome::Accepted { revision: 5 }
            );
        }
        // The old segment is left as it was; the new one starts with a header
        // naming the old one's last line.
        let names: Vec<_> = segments(temp.path())
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            vec![
                "log-00000000000000000003.jsonl",
                "log-00000000000000000005.jsonl"
            ]
        );
        let newest = std::fs::read_to_string(dir.join(&names[1])).unwrap();
        let header: serde_json::Value =
            serde_json::from_str(newest.lines().next().unwrap()).unwrap();
        assert_eq!(header["segment"]["after"], 4);
        assert_eq!(
            header["segment"]["after_crc32c"],
            vela_server::store::format::checksum(line(4).as_bytes())
        );
        assert_eq!(total(&open(temp.path(), 1000)), (5, 5));
    }
}

mod replicas {
    //! The PostgreSQL store's own promises: several stores ("replicas") on
    //! one database, and loading from snapshot rows.

    use super::*;
    use std::time::Duration;

    /// Long enough for a loaded machine; the tests wait for conditions.
    const PATIENCE: Duration = Duration::from_secs(60);

    pub(super) async fn until(what: &str, mut condition: impl FnMut() -> bool) {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        while !condition() {
            assert!(
                tokio::time::Instant::now() < deadline,
                "waited in vain: {what}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    pub(super) async fn reached(store: &PgStore<Tally>, revision: u64) {
        let mut durable = store.durable(ORG).unwrap();
        tokio::time::timeout(PATIENCE, durable.wait_for(|r| *r >= revision))
            .await
            .expect("the revision reached this replica")
            .unwrap();
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn two_replicas_accept_pushes_for_one_organisation() {
        let db = Database::new();
        let a = Arc::new(db.open_with(options(1_000_000)).await);
        let b = Arc::new(db.open_with(options(1_000_000)).await);

        // B hears of A's revision without writing anything itself.
        assert_eq!(
            add(&*a, Uuid::from_u128(1), 1).await,
            Outcome::Accepted { revision: 1 }
        );
        reached(&b, 1).await;
        assert_eq!(total(&*b), (1, 1));
        // A retry through the other replica is answered, not decided again.
        assert_eq!(
            add(&*b, Uuid::from_u128(1), 1).await,
            Outcome::Accepted { revision: 1 }
        );

        let mut tasks = Vec::new();
        for n in 0..300u128 {
            let store = if n % 2 == 0 { a.clone() } else { b.clone() };
            tasks.push(tokio::spawn(async move {
                add(&*store, Uuid::from_u128(100 + n), 1).await
            }));
        }
        let mut revisions = Vec::new();
        for task in tasks {
            match task.await.unwrap() {
                Outcome::Accepted { revision } => revisions.push(revision),
                other => panic!("not accepted: {other:?}"),
            }
        }
        revisions.sort();
        assert_eq!(
            revisions,
            (2..=301).collect::<Vec<_>>(),
            "no revision twice"
        );
        for replica in [&a, &b] {
            reached(replica, 301).await;
            assert_eq!(total(&**replica), (301, 301));
            let Changes::Entries(entries) = replica.changes_since(ORG, 0).unwrap() else {
                panic!("every revision is recent");
            };
            let listed: Vec<u64> = entries.iter().map(|e| e.revision).collect();
            assert_eq!(listed, (1..=301).collect::<Vec<_>>(), "in order, no gap");
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_replica_follows_again_after_its_notifications_connection_drops() {
        let db = Database::new();
        let a = db.open_with(options(1000)).await;
        let b = db.open_with(options(1000)).await;
        add(&a, Uuid::from_u128(1), 1).await;
        reached(&b, 1).await;
        let (client, connection) = tokio_postgres::connect(&db.0.url(), tokio_postgres::NoTls)
            .await
            .unwrap();
        tokio::spawn(connection);
        let dropped: i64 = client
            .query_one(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                 WHERE query = 'LISTEN vela_revisions' AND datname = current_database()",
                &[],
            )
            .await
            .unwrap()
            .get(0);
        assert_eq!(dropped, 2, "both replicas' listeners");
        // Written while B may not be listening: caught up when it is again.
        add(&a, Uuid::from_u128(2), 1).await;
        reached(&b, 2).await;
        until("B listens again", || b.writable()).await;
        add(&a, Uuid::from_u128(3), 1).await;
        reached(&b, 3).await;
        assert_eq!(total(&b), (3, 3));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_organisation_made_on_one_replica_reaches_the_other() {
        let db = Database::new();
        let a = db.open_with(options(1000)).await;
        let b = db.open_with(options(1000)).await;
        let other = Uuid::from_u128(0xbeef);
        a.create_organisation(other).unwrap();
        a.submit(other, meta(Uuid::from_u128(5), "giulia"), |_: &Tally| {
            Ok(vec![Added(7)])
        })
        .await
        .unwrap();
        until("the organisation reaches B", || {
            b.read(other, |s, r| (s.total, r)).ok() == Some((7, 1))
        })
        .await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_restart_loads_the_newest_snapshot_and_the_rows_after_it() {
        let db = Database::new();
        {
            let store = db.open_with(options(10)).await;
            for n in 1..=25 {
                add(&store, Uuid::from_u128(n), 1).await;
            }
            let (client, connection) = tokio_postgres::connect(&db.0.url(), tokio_postgres::NoTls)
                .await
                .unwrap();
            tokio::spawn(connection);
            let mut newest = 0;
            let deadline = tokio::time::Instant::now() + PATIENCE;
            while newest < 20 {
                assert!(tokio::time::Instant::now() < deadline, "no snapshot of 20");
                tokio::time::sleep(Duration::from_millis(20)).await;
                newest = client
                    .query_one("SELECT coalesce(max(revision), 0) FROM vela_snapshots", &[])
                    .await
                    .unwrap()
                    .get::<_, i64>(0);
            }
            let snapshots: i64 = client
                .query_one("SELECT count(*) FROM vela_snapshots", &[])
                .await
                .unwrap()
                .get(0);
            assert_eq!(snapshots, 1, "older snapshots are dropped");
            let format: i32 = client
                .query_one("SELECT format FROM vela_log WHERE revision = 25", &[])
                .await
                .unwrap()
                .get(0);
            assert_eq!(format as u32, vela_server::store::upgrade::LOG_LINE.current);
        }
        let store = db.open_with(options(10)).await;
        assert_eq!(total(&store), (25, 25));
        // Ids before the snapshot are remembered through it.
        assert_eq!(
            add(&store, Uuid::from_u128(3), 1).await,
            Outcome::Accepted { revision: 3 }
        );
        assert_eq!(
            add(&store, Uuid::from_u128(26), 1).await,
            Outcome::Accepted { revision: 26 }
        );
    }

    /// Waits until the database holds one snapshot, of `revision`: the
    /// older ones go right after a new one is in. Returns whether it is
    /// compressed.
    async fn sole_snapshot(client: &tokio_postgres::Client, revision: i64) -> bool {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let row = client
                .query_one(
                    "SELECT count(*), coalesce(max(revision), 0), count(compressed)
                     FROM vela_snapshots",
                    &[],
                )
                .await
                .unwrap();
            let (count, newest, compressed): (i64, i64, i64) = (row.get(0), row.get(1), row.get(2));
            if count == 1 && newest == revision {
                return compressed == 1;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "not one snapshot of {revision}: {count} of up to {newest}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_snapshot_an_earlier_build_wrote_as_jsonb_still_loads() {
        use std::io::Read;
        let db = Database::new();
        let (client, connection) = tokio_postgres::connect(&db.0.url(), tokio_postgres::NoTls)
            .await
            .unwrap();
        tokio::spawn(connection);
        {
            let store = db.open_with(options(10)).await;
            for n in 1..=25 {
                add(&store, Uuid::from_u128(n), 1).await;
            }
            assert!(sole_snapshot(&client, 20).await, "stored compressed");
        }
        // This build stores the document compressed, nothing as JSONB.
        let row = client
            .query_one(
                "SELECT compressed, snapshot IS NULL FROM vela_snapshots",
                &[],
            )
            .await
            .unwrap();
        let compressed: Vec<u8> = row.get(0);
        assert!(row.get::<_, bool>(1), "no JSONB copy");
        let mut json = String::new();
        brotli::Decompressor::new(&compressed[..], 4096)
            .read_to_string(&mut json)
            .unwrap();
        assert!(json.contains("\"revision\":20"), "{json}");
        // Back to the tables of schema 4, with the row as that build wrote it,
        // and only the snapshot holding the first 20 revisions.
        client
            .execute(
                "ALTER TABLE vela_snapshots DROP CONSTRAINT vela_snapshots_one_form",
                &[],
            )
            .await
            .unwrap();
        client
            .execute(
                "UPDATE vela_snapshots SET snapshot = $1::text::jsonb",
                &[&json],
            )
            .await
            .unwrap();
        client
            .batch_execute(
                "ALTER TABLE vela_snapshots DROP COLUMN compressed;
                 ALTER TABLE vela_snapshots ALTER COLUMN snapshot SET NOT NULL;
                 UPDATE vela_schema SET version = 4;
                 DELETE FROM vela_log WHERE revision <= 20;",
            )
            .await
            .unwrap();

        let store = db.open_with(options(10)).await;
        assert_eq!(total(&store), (25, 25));
        // Ids the old snapshot remembers are still known.
        assert_eq!(
            add(&store, Uuid::from_u128(3), 1).await,
            Outcome::Accepted { revision: 3 }
        );
        for n in 26..=35 {
            add(&store, Uuid::from_u128(n), 1).await;
        }
        assert!(
            sole_snapshot(&client, 30).await,
            "the next snapshot is compressed, the JSONB one gone"
        );
    }
}

mod pruning {
    //! The PostgreSQL store deletes the log rows a snapshot holds (but for
    //! the recent ones), and a replica left behind them loads the snapshot.

    use super::replicas::{reached, until};
    use super::*;
    use std::time::Duration;

    fn small() -> StoreOptions {
        StoreOptions {
            recent_revisions: 5,
            ..options(10)
        }
    }

    /// The advisory lock the stores take for `org`, as a statement.
    const ORG_LOCK: &str = "SELECT pg_advisory_lock(hashtextextended($1::uuid::text, 0))";

    async fn count(client: &tokio_postgres::Client, sql: &str) -> i64 {
        client.query_one(sql, &[&ORG]).await.unwrap().get(0)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn old_rows_go_after_a_snapshot_and_a_replica_behind_them_loads_it() {
        let db = Database::new();
        let a = Arc::new(db.open_with(small()).await);
        let b = Arc::new(db.open_with(small()).await);
        let other = Uuid::from_u128(0xbeef);
        a.create_organisation(other).unwrap();
        b.create_organisation(other).unwrap();
        let add_other = |store: Arc<PgStore<Tally>>, id: u128| async move {
            store
                .submit(other, meta(Uuid::from_u128(id), "marco"), |_: &Tally| {
                    Ok(vec![Added(1)])
                })
                .await
                .unwrap()
        };
        add(&*a, Uuid::from_u128(1), 1).await;
        add_other(a.clone(), 9001).await;
        reached(&b, 1).await;
        until("B has the other organisation's revision", || {
            b.read(other, |_, r| r).ok() == Some(1)
        })
        .await;

        // Keep B's listener from following: it waits for B's writer of the
        // other organisation, which waits for that organisation's lock.
        let (client, connection) = tokio_postgres::connect(&db.0.url(), tokio_postgres::NoTls)
            .await
            .unwrap();
        tokio::spawn(connection);
        client.execute(ORG_LOCK, &[&other]).await.unwrap();
        let blocked = tokio::spawn(add_other(b.clone(), 9002));
        tokio::time::sleep(Duration::from_millis(200)).await;
        client
            .execute(
                "SELECT pg_notify('vela_revisions', $1)",
                &[&format!("{other} 999")],
            )
            .await
            .unwrap();

        // A goes on alone: snapshots of 10, 20, 30, 40 and the rows pruned.
        for n in 2..=40u128 {
            add(&*a, Uuid::from_u128(n), 1).await;
        }
        let sql = "SELECT coalesce(max(revision), 0) FROM vela_snapshots WHERE org = $1";
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        while count(&client, sql).await < 40
            || count(&client, "SELECT min(revision) FROM vela_log WHERE org = $1").await != 36
        {
            assert!(
                tokio::time::Instant::now() < deadline,
                "no snapshot of 40, rows pruned"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let kept = "SELECT count(*) FROM vela_log WHERE org = $1";
        assert_eq!(count(&client, kept).await, 5, "the recent five: 36 to 40");
        assert_eq!(total(&*b), (1, 1), "B is behind the pruned rows");

        // B follows again: from the snapshot, not from rows that are gone.
        client
            .execute(
                "SELECT pg_advisory_unlock(hashtextextended($1::uuid::text, 0))",
                &[&other],
            )
            .await
            .unwrap();
        assert_eq!(blocked.await.unwrap(), Outcome::Accepted { revision: 2 });
        reached(&b, 40).await;
        assert_eq!(total(&*b), (40, 40));
        // Ids of pruned rows still answer retries; writing goes on.
        assert_eq!(
            add(&*b, Uuid::from_u128(3), 1).await,
            Outcome::Accepted { revision: 3 }
        );
        assert_eq!(
            add(&*b, Uuid::from_u128(41), 1).await,
            Outcome::Accepted { revision: 41 }
        );
        reached(&a, 41).await;
        // A restart loads the snapshot and the rows after it.
        drop(a);
        let c = db.open_with(small()).await;
        assert_eq!(total(&c), (41, 41));
    }
}

mod throughput {
    //! Figures, not checks: `cargo test -p vela-server --test store -- --ignored --nocapture`.

    use super::*;
    use std::time::Instant;

    const CLIENTS: usize = 64;
    const COMMANDS: usize = 4000;

    /// Pushes `COMMANDS` one-command submits from `CLIENTS` tasks spread
    /// over `stores`, and prints commands per second.
    async fn measure<S: Store<Tally>>(name: &str, stores: Vec<Arc<S>>) {
        let started = Instant::now();
        let mut tasks = Vec::new();
        for client in 0..CLIENTS {
            let store = stores[client % stores.len()].clone();
            tasks.push(tokio::spawn(async move {
                let mut slowest = std::time::Duration::ZERO;
                for n in 0..COMMANDS / CLIENTS {
                    let one = Instant::now();
                    let id = Uuid::from_u128((client * COMMANDS + n) as u128 + 1);
                    assert!(matches!(
                        add(&*store, id, 1).await,
                        Outcome::Accepted { .. }
                    ));
                    slowest = slowest.max(one.elapsed());
                }
                slowest
            }));
        }
        let mut slowest = std::time::Duration::ZERO;
        for task in tasks {
            slowest = slowest.max(task.await.unwrap());
        }
        let elapsed = started.elapsed();
        println!(
            "{name}: {} commands from {CLIENTS} clients in {elapsed:.2?}: {:.0} commands/s, slowest {slowest:.2?}",
            COMMANDS / CLIENTS * CLIENTS,
            (COMMANDS / CLIENTS * CLIENTS) as f64 / elapsed.as_secs_f64()
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    #[ignore]
    async fn push_loop() {
        let files = Files::new();
        measure(
            "json store",
            vec![Arc::new(files.open_with(options(10_000)).await)],
        )
        .await;
        let db = Database::new();
        measure(
            "pg store, one replica",
            vec![Arc::new(db.open_with(options(10_000)).await)],
        )
        .await;
        let db = Database::new();
        let two = vec![
            Arc::new(db.open_with(options(10_000)).await),
            Arc::new(db.open_with(options(10_000)).await),
        ];
        measure("pg store, two replicas", two).await;
    }
}
