//! Who may call the API: accounts, sessions, login rate limits.
//!
//! Credentials live in `accounts.json` (or, with `--database-url`, in the
//! database), apart from the synced domain state; a login checks the
//! argon2id hash and starts a session (in memory, or in the database for
//! replicas) whose random token travels in the `vela_session` cookie;
//! [`CurrentUser`] turns that cookie back into a person on every request.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use deadpool_postgres::Pool;

use crate::config::Config;

pub mod accounts;
pub mod cookie;
mod current_user;
pub mod limiter;
pub mod oidc;
pub mod password;
pub mod pool;
pub mod proxies;
pub mod sessions;

pub use accounts::{Account, Accounts};
pub use cookie::CookiePolicy;
pub use current_user::CurrentUser;
pub use limiter::LoginLimiter;
pub use password::HashStrength;
pub use pool::PasswordPool;
pub use proxies::TrustedProxies;
pub use sessions::{SessionUser, Sessions};

/// Everything authentication needs, shared by the handlers.
pub struct Auth {
    pub accounts: Accounts,
    pub sessions: Sessions,
    pub limiter: LoginLimiter,
    /// Password checks, at most one per core at a time.
    pub pool: PasswordPool,
    /// Whose `X-Forwarded-For` is believed.
    pub proxies: TrustedProxies,
    pub cookie: CookiePolicy,
    pub strength: HashStrength,
    /// A hash checked when the username is unknown, so such a login takes as
    /// long as a wrong password and does not reveal which usernames exist.
    decoy: OnceLock<String>,
}

impl Auth {
    /// Accounts, sessions and limits in the data directory and memory, or
    /// with a `database` pool all in the database, shared by replicas.
    pub fn open(
        data_dir: &Path,
        config: &Config,
        database: Option<&Pool>,
    ) -> Result<Self, accounts::AccountsError> {
        let (idle, max_age) = (config.session_ttl(), config.session_max_age());
        let per_minute = config.login_attempts_per_minute;
        let (accounts, sessions, limiter) = match database {
            None => (
                Accounts::File(Arc::new(accounts::FileAccounts::open(data_dir)?)),
                Sessions::in_memory(idle, max_age),
                LoginLimiter::in_memory(per_minute),
            ),
            Some(pool) => (
                Accounts::Pg(accounts::PgAccounts::new(pool.clone())),
                Sessions::Pg(sessions::pg::PgSessions::new(pool.clone(), idle, max_age)),
                LoginLimiter::Pg(limiter::PgLimiter::new(pool.clone(), per_minute)),
            ),
        };
        Ok(Auth {
            accounts,
            sessions,
            limiter,
            pool: PasswordPool::per_core(),
            proxies: TrustedProxies::new(config.trusted_proxies.clone()),
            cookie: CookiePolicy {
                secure: config.secure_cookies,
                max_age: config.session_max_age(),
            },
            strength: if config.insecure_fast_hashing {
                HashStrength::InsecureFast
            } else {
                HashStrength::Standard
            },
            decoy: OnceLock::new(),
        })
    }

    /// Checks a password against an account's hash, or against the decoy
    /// when there is no account. Slow: call on a blocking thread.
    pub fn verify(&self, password: &str, account: Option<&Account>) -> bool {
        match account {
            Some(account) => password::verify(password, &account.password_hash),
            None => {
                let decoy = self.decoy.get_or_init(|| {
                    password::hash("decoy password", self.strength).unwrap_or_default()
                });
                let _ = password::verify(password, decoy);
                false
            }
        }
    }
}
