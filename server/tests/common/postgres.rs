//! A real PostgreSQL for the tests: Debian's server binaries, a cluster
//! made with `initdb` in a temporary directory, on a free port of
//! 127.0.0.1, one fresh database per test.
//!
//! The cluster is shared by the tests of one test binary that run at the
//! same time and stopped (its directory deleted) when the last of them
//! drops its [`TestDatabase`], also when a test panics. As root (the CI
//! machines), every PostgreSQL program runs as the `postgres` user, which
//! PostgreSQL requires; otherwise as the current user. The server also dies
//! with the test process (`--pdeathsig`), so an aborted run leaves nothing
//! running.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::time::{Duration, Instant};

/// How long a loaded machine may take to start the cluster.
const START_TIMEOUT: Duration = Duration::from_secs(90);

/// One database of its own, on the shared cluster.
pub struct TestDatabase {
    cluster: Arc<Cluster>,
    name: String,
}

impl TestDatabase {
    /// A fresh, empty database (and the cluster, if none is running).
    pub fn create() -> TestDatabase {
        let cluster = Cluster::shared();
        let name = format!("vela_test_{}", uuid::Uuid::new_v4().simple());
        cluster
            .tool("createdb")
            .arg(&name)
            .status()
            .ok()
            .filter(|s| s.success())
            .unwrap_or_else(|| panic!("createdb {name} failed"));
        TestDatabase { cluster, name }
    }

    /// The connection string the store takes (`--database-url`).
    pub fn url(&self) -> String {
        format!(
            "postgresql://postgres@127.0.0.1:{}/{}",
            self.cluster.port, self.name
        )
    }
}

impl TestDatabase {
    /// Turns TLS on for the whole cluster with this certificate and key
    /// (PEM). Plain connections still work, so the other tests on the
    /// cluster go on as before.
    #[allow(dead_code)]
    pub fn enable_tls(&self, certificate: &str, key: &str) {
        let data = self.cluster._dir.path().join("data");
        for (name, text) in [("vela-test.crt", certificate), ("vela-test.key", key)] {
            let path = data.join(name);
            std::fs::write(&path, text).expect("write TLS file");
            // PostgreSQL refuses a key others may read.
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
                .expect("chmod TLS file");
            if self.cluster.as_postgres {
                chown_to_postgres(&path);
            }
        }
        let status = self
            .cluster
            .tool("psql")
            .args(["-d", &self.name, "-v", "ON_ERROR_STOP=1", "-q"])
            .args([
                "-c",
                "ALTER SYSTEM SET ssl_cert_file = 'vela-test.crt'",
                "-c",
                "ALTER SYSTEM SET ssl_key_file = 'vela-test.key'",
                "-c",
                "ALTER SYSTEM SET ssl = on",
                "-c",
                "SELECT pg_reload_conf()",
            ])
            .stdout(Stdio::null())
            .status()
            .expect("psql runs");
        assert!(status.success(), "turning TLS on");
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        // Best effort: the cluster's directory goes anyway with the last one.
        let _ = self
            .cluster
            .tool("dropdb")
            .args(["--force", "--if-exists", &self.name])
            .stderr(Stdio::null())
            .status();
    }
}

/// Whether the cluster flushes what it commits to the disk ([`flush_to_disk`]).
static FLUSH: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Makes the clusters started from now on flush every commit to the disk,
/// as production does: for `vela-bench --postgres`, whose figures must
/// include it. The tests do without.
pub fn flush_to_disk() {
    FLUSH.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// The cluster [`hold_cluster`] keeps running between tests.
static HELD: Mutex<Option<Arc<Cluster>>> = Mutex::new(None);

/// Keeps the cluster running until [`release_cluster`], also between tests
/// that follow each other (the whole suite on PostgreSQL starts it once).
pub fn hold_cluster() {
    let cluster = Cluster::shared();
    *HELD.lock().unwrap_or_else(|e| e.into_inner()) = Some(cluster);
}

/// Lets the held cluster stop once no database uses it.
pub fn release_cluster() {
    let held = HELD.lock().unwrap_or_else(|e| e.into_inner()).take();
    drop(held);
}

/// A running PostgreSQL server and its directory.
struct Cluster {
    /// Declared first: stopped before the directory is deleted.
    server: Keeper,
    port: u16,
    bin: PathBuf,
    as_postgres: bool,
    _dir: tempfile::TempDir,
}

impl Cluster {
    /// The running cluster, or a new one if no test holds one.
    fn shared() -> Arc<Cluster> {
        static SHARED: OnceLock<Mutex<Weak<Cluster>>> = OnceLock::new();
        let slot = SHARED.get_or_init(|| Mutex::new(Weak::new()));
        let mut slot = slot.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(cluster) = slot.upgrade() {
            return cluster;
        }
        let cluster = Arc::new(Cluster::start());
        *slot = Arc::downgrade(&cluster);
        cluster
    }

    fn start() -> Cluster {
        let bin = bin_dir();
        let as_postgres = is_root();
        let dir = tempfile::Builder::new()
            .prefix("vela-pg-")
            .tempdir()
            .expect("temp dir");
        let data = dir.path().join("data");
        if as_postgres {
            chown_to_postgres(dir.path());
        }
        copy_initialised(&initialised(&bin, as_postgres), &data);
        let port = free_port();
        let mut command = run_as(&bin.join("postgres"), as_postgres);
        command
            .arg("-D")
            .arg(&data)
            .args(["-p", &port.to_string(), "-c", "listen_addresses=127.0.0.1"])
            .arg("-k")
            .arg(dir.path())
            .args(["-c", "max_connections=300", "-c", "shared_buffers=32MB"])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if !FLUSH.load(std::sync::atomic::Ordering::SeqCst) {
            // The tests kill Vela servers, never this PostgreSQL: what it
            // committed stays in the OS's cache, so flushing it to the disk
            // only slows the suite down.
            command.args(["-c", "fsync=off", "-c", "full_page_writes=off"]);
        }
        let cluster = Cluster {
            server: Keeper::spawn(command),
            port,
            bin,
            as_postgres,
            _dir: dir,
        };
        cluster.wait_ready();
        cluster
    }

    /// Waits until the server accepts connections (or has died).
    fn wait_ready(&self) {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            let ready = self
                .tool("pg_isready")
                .stdout(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if ready {
                return;
            }
            assert!(!self.server.exited(), "postgres exited before it was ready");
            assert!(Instant::now() < deadline, "postgres did not start in time");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A client program of the cluster, pointed at it.
    fn tool(&self, name: &str) -> Command {
        let mut command = run_as(&self.bin.join(name), self.as_postgres);
        command.args([
            "-h",
            "127.0.0.1",
            "-p",
            &self.port.to_string(),
            "-U",
            "postgres",
        ]);
        command
    }
}

/// The server process, spawned and reaped by a thread of its own: the
/// parent-death signal follows the thread that spawned it, and test threads
/// end while other tests still use the cluster.
struct Keeper {
    stop: std::sync::mpsc::Sender<()>,
    exited: Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Keeper {
    fn spawn(mut command: Command) -> Keeper {
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let (started, start) = std::sync::mpsc::channel();
        let exited = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = exited.clone();
        let thread = std::thread::spawn(move || {
            let mut child: Child = match command.spawn() {
                Ok(child) => child,
                Err(e) => {
                    let _ = started.send(Err(e));
                    return;
                }
            };
            let _ = started.send(Ok(()));
            // Wake up now and then to notice an early death.
            while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) =
                stopped.recv_timeout(Duration::from_millis(50))
            {
                if child.try_wait().ok().flatten().is_some() {
                    flag.store(true, std::sync::atomic::Ordering::SeqCst);
                    let _ = stopped.recv();
                    return;
                }
            }
            // SIGQUIT: immediate shutdown, the backends go with the postmaster.
            // SAFETY: a plain signal to our own child's pid.
            unsafe {
                libc::kill(child.id() as libc::pid_t, libc::SIGQUIT);
            }
            let deadline = Instant::now() + Duration::from_secs(20);
            while child.try_wait().ok().flatten().is_none() {
                if Instant::now() > deadline {
                    let _ = child.kill();
                    let _ = child.wait();
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        });
        start
            .recv()
            .expect("keeper thread")
            .expect("postgres starts");
        Keeper {
            stop,
            exited,
            thread: Some(thread),
        }
    }

    fn exited(&self) -> bool {
        self.exited.load(std::sync::atomic::Ordering::SeqCst)
    }
}

impl Drop for Keeper {
    fn drop(&mut self) {
        let _ = self.stop.send(());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A cluster directory fresh from `initdb`, made once per machine, user and
/// PostgreSQL version and then copied: `initdb` takes seconds on a loaded
/// machine, and each test binary starts a cluster of its own.
fn initialised(bin: &Path, as_postgres: bool) -> PathBuf {
    // Named after the binaries' directory (Debian's holds the major
    // version) and these `initdb` options (v1).
    let binaries = bin.to_string_lossy().replace(['/', ' '], "_");
    let base = option_env!("CARGO_TARGET_TMPDIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    // SAFETY: no arguments, no memory.
    let uid = unsafe { libc::geteuid() };
    let done = base.join(format!("vela-pg-initdb-{uid}{binaries}-v1"));
    if done.join("PG_VERSION").exists() {
        return done;
    }
    let making = tempfile::Builder::new()
        .prefix("vela-pg-initdb-")
        .tempdir_in(&base)
        .expect("temp dir");
    if as_postgres {
        chown_to_postgres(making.path());
    }
    let data = making.path().join("data");
    let initdb = run_as(&bin.join("initdb"), as_postgres)
        .args([
            "--auth=trust",
            "--username=postgres",
            "--no-sync",
            "-E",
            "UTF8",
        ])
        .arg("-D")
        .arg(&data)
        .stdout(Stdio::null())
        .output()
        .expect("initdb runs");
    assert!(
        initdb.status.success(),
        "initdb failed: {}",
        String::from_utf8_lossy(&initdb.stderr)
    );
    // Another process may have made it meanwhile: either copy will do.
    let _ = std::fs::rename(&data, &done);
    done
}

/// Copies an initialised cluster directory, keeping owner and modes
/// (PostgreSQL refuses a data directory others can read).
fn copy_initialised(from: &Path, to: &Path) {
    let status = Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .status()
        .expect("cp runs");
    assert!(
        status.success(),
        "cp -a {} {}",
        from.display(),
        to.display()
    );
}

/// Debian's server binaries (any major version), or those on PATH.
fn bin_dir() -> PathBuf {
    let installed = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .filter_map(|v| v.ok())
        .map(|v| v.path().join("bin"))
        .filter(|bin| bin.join("initdb").exists())
        .max();
    installed
        .or_else(|| {
            let path = std::env::var_os("PATH")?;
            std::env::split_paths(&path).find(|dir| dir.join("initdb").exists())
        })
        .expect("PostgreSQL server binaries (Debian package `postgresql`; `cargo xtask test` installs it)")
}

fn is_root() -> bool {
    // SAFETY: no arguments, no memory.
    unsafe { libc::geteuid() == 0 }
}

/// `program` as the `postgres` user when running as root (PostgreSQL
/// refuses to run as root), dying with this process either way.
fn run_as(program: &Path, as_postgres: bool) -> Command {
    let mut command = Command::new("setpriv");
    if as_postgres {
        command.args([
            "--reuid=postgres",
            "--regid=postgres",
            "--init-groups",
            "--reset-env",
        ]);
    }
    command.arg("--pdeathsig=KILL").arg("--").arg(program);
    command
}

fn chown_to_postgres(dir: &Path) {
    let status = Command::new("chown")
        .arg("postgres:postgres")
        .arg(dir)
        .status()
        .expect("chown runs");
    assert!(status.success(), "chown postgres {}", dir.display());
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}
