//! The command line: `vela-server [flags]` serves; the subcommands
//! administer a data directory — the first administrator and passwords
//! (`admin`), `backup`, `restore` and `check`.
//!
//! Every subcommand either does all it says or changes nothing, and fails
//! with one line on stderr and a non-zero exit code.

use std::io::BufRead;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::Config;

mod admin;
mod archive;
mod audit_logs;
pub mod credentials;
mod export;
pub mod lock;
mod migrate;
mod owner;

/// `vela-server`: serve (no subcommand) or administer a data directory.
#[derive(Debug, Parser)]
#[command(
    name = "vela-server",
    version,
    about = "Vela: lavoro agile planner server",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(flatten)]
    pub serve: Config,
    #[command(subcommand)]
    pub task: Option<Task>,
}

/// What to do instead of serving.
#[derive(Debug, Subcommand)]
pub enum Task {
    /// Administrators' accounts (the server must be stopped).
    #[command(subcommand)]
    Admin(AdminTask),
    /// Writes a consistent archive of a data directory, also while the
    /// server runs: every change acknowledged before it started is in it.
    Backup {
        #[arg(long)]
        data_dir: PathBuf,
        /// The archive to write (.tar.gz); it must not exist yet.
        #[arg(long)]
        output: PathBuf,
    },
    /// Rebuilds a data directory from an archive of `backup`.
    Restore {
        /// The archive written by `vela-server backup`.
        #[arg(long)]
        input: PathBuf,
        /// Where to restore: a directory that is empty or does not exist.
        #[arg(long)]
        data_dir: PathBuf,
    },
    /// Loads a data directory as start-up does, without serving it, and
    /// prints a summary; fails naming the file and line of any corruption.
    Check {
        #[arg(long)]
        data_dir: PathBuf,
    },
    /// Copies a data directory's organisations into an empty PostgreSQL
    /// database and checks them there (the server must be stopped).
    Migrate {
        #[arg(long)]
        data_dir: PathBuf,
        /// A file whose first line is the database URL (kept off the
        /// command line, which other users can read).
        #[arg(long, env = "VELA_DATABASE_URL_FILE")]
        database_url_file: Option<PathBuf>,
        /// The database URL; prefer `--database-url-file` when it holds a
        /// password.
        #[arg(long, env = "VELA_DATABASE_URL")]
        database_url: Option<String>,
    },
    /// Writes a PostgreSQL database's organisations into an empty data
    /// directory as the JSON store's files, and checks them there.
    Export {
        /// An empty or new directory.
        #[arg(long)]
        data_dir: PathBuf,
        #[arg(long, env = "VELA_DATABASE_URL_FILE")]
        database_url_file: Option<PathBuf>,
        #[arg(long, env = "VELA_DATABASE_URL")]
        database_url: Option<String>,
    },
}

/// `vela-server admin …`.
#[derive(Debug, Subcommand)]
pub enum AdminTask {
    /// Creates an administrator (and their organisation if it is not there
    /// yet). The password is read from the first line of standard input.
    Create {
        #[arg(long, required_unless_present_any = ["database_url", "database_url_file"])]
        data_dir: Option<PathBuf>,
        #[arg(long, env = "VELA_DATABASE_URL_FILE")]
        database_url_file: Option<PathBuf>,
        #[arg(long, env = "VELA_DATABASE_URL")]
        database_url: Option<String>,
        #[arg(long)]
        username: String,
        /// The administrator's full name.
        #[arg(long)]
        name: String,
        /// The organisation's name, e.g. "Comune di Pergine Valsugana".
        #[arg(long)]
        organisation: String,
        #[command(flatten)]
        password: PasswordStdin,
    },
    /// Gives an account a new password, read from standard input.
    ResetPassword {
        #[arg(long, required_unless_present_any = ["database_url", "database_url_file"])]
        data_dir: Option<PathBuf>,
        #[arg(long, env = "VELA_DATABASE_URL_FILE")]
        database_url_file: Option<PathBuf>,
        #[arg(long, env = "VELA_DATABASE_URL")]
        database_url: Option<String>,
        #[arg(long)]
        username: String,
        #[command(flatten)]
        password: PasswordStdin,
    },
}

/// Passwords never go on the command line (other users see it in `ps`,
/// shells keep it in their history): only on standard input.
#[derive(Debug, Args)]
pub struct PasswordStdin {
    /// Read the password from the first line of standard input.
    #[arg(long, required = true)]
    password_stdin: bool,
}

/// Why a subcommand failed: one line for stderr.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CliError(pub String);

impl CliError {
    pub fn new(message: impl Into<String>) -> Self {
        CliError(message.into())
    }
}

impl From<lock::LockError> for CliError {
    fn from(e: lock::LockError) -> Self {
        CliError(e.to_string())
    }
}

impl From<crate::store::StoreError> for CliError {
    fn from(e: crate::store::StoreError) -> Self {
        CliError(e.to_string())
    }
}

impl From<crate::auth::accounts::AccountsError> for CliError {
    fn from(e: crate::auth::accounts::AccountsError) -> Self {
        CliError(e.to_string())
    }
}

/// Runs a subcommand; `Ok` carries what to print on success.
pub async fn run(task: Task) -> Result<String, CliError> {
    match task {
        Task::Admin(AdminTask::Create {
            data_dir,
            database_url_file,
            database_url,
            username,
            name,
            organisation,
            password: _,
        }) => {
            let password = read_password()?;
            match (database_url, database_url_file, data_dir) {
                (None, None, Some(data_dir)) => {
                    admin::create(&data_dir, &username, &name, &organisation, password).await
                }
                (url, file, _) => {
                    let url = database_url_of(url, file)?;
                    admin::create_in_database(&url, &username, &name, &organisation, password).await
                }
            }
        }
        Task::Admin(AdminTask::ResetPassword {
            data_dir,
            database_url_file,
            database_url,
            username,
            password: _,
        }) => {
            let password = read_password()?;
            match (database_url, database_url_file, data_dir) {
                (None, None, Some(data_dir)) => {
                    blocking(move || admin::reset_password(&data_dir, &username, &password)).await
                }
                (url, file, _) => {
                    let url = database_url_of(url, file)?;
                    admin::reset_password_in_database(&url, &username, password).await
                }
            }
        }
        Task::Backup { data_dir, output } => {
            blocking(move || archive::backup(&data_dir, &output)).await
        }
        Task::Restore { input, data_dir } => {
            blocking(move || archive::restore(&input, &data_dir)).await
        }
        Task::Check { data_dir } => blocking(move || archive::check(&data_dir)).await,
        Task::Migrate {
            data_dir,
            database_url_file,
            database_url,
        } => {
            let url = database_url_of(database_url, database_url_file)?;
            migrate::migrate(&data_dir, &url).await
        }
        Task::Export {
            data_dir,
            database_url_file,
            database_url,
        } => {
            let url = database_url_of(database_url, database_url_file)?;
            export::export(&url, &data_dir).await
        }
    }
}

/// The database URL given on the command line, or the first line of the
/// file given instead.
fn database_url_of(url: Option<String>, file: Option<PathBuf>) -> Result<String, CliError> {
    match (url, file) {
        (Some(url), _) => Ok(url),
        (None, Some(file)) => Ok(std::fs::read_to_string(&file)
            .map_err(|e| CliError::new(format!("{}: {e}", file.display())))?
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_string()),
        (None, None) => Err(CliError::new(
            "give the database with --database-url-file (or --database-url)",
        )),
    }
}

async fn blocking(
    f: impl FnOnce() -> Result<String, CliError> + Send + 'static,
) -> Result<String, CliError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| CliError::new(format!("the task failed: {e}")))?
}

/// The first line of standard input, without its line ending, checked
/// against the domain's rule.
fn read_password() -> Result<String, CliError> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| CliError::new(format!("cannot read the password from standard input: {e}")))?;
    let password = line.trim_end_matches(['\n', '\r']).to_string();
    if password.is_empty() {
        return Err(CliError::new(
            "no password on standard input (--password-stdin reads its first line)",
        ));
    }
    if !vela_domain::directory::password_long_enough(&password) {
        return Err(CliError::new(format!(
            "the password is too short: at least {} characters",
            vela_domain::directory::MIN_PASSWORD_CHARS
        )));
    }
    Ok(password)
}

/// A clap error as one line: its message without the usage block, with a
/// pointer to `--help`.
pub fn one_line(error: &clap::Error) -> String {
    let text = error.to_string();
    let message: Vec<&str> = text
        .lines()
        .take_while(|line| !line.starts_with("Usage:") && !line.starts_with("For more"))
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let message = message.join(" ");
    let message = message.strip_prefix("error: ").unwrap_or(&message);
    format!("{message} (see vela-server --help)")
}
