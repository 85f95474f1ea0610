//! Password hashing with argon2id (PHC strings).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

/// How strong new hashes are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashStrength {
    /// The argon2 crate's defaults (argon2id, 19 MiB, 2 passes): OWASP's
    /// recommended minimum.
    Standard,
    /// 64 KiB, 1 pass: only behind the hidden `--insecure-fast-hashing` flag,
    /// so test suites that start many servers stay fast.
    InsecureFast,
}

#[derive(Debug, thiserror::Error)]
pub enum PasswordError {
    #[error("cannot hash a password: {0}")]
    Hash(String),
    #[error("no randomness for a salt: {0}")]
    Random(String),
}

/// Hashes `password` into a PHC string (`$argon2id$v=19$m=…`). Slow on
/// purpose: call it on a blocking thread.
pub fn hash(password: &str, strength: HashStrength) -> Result<String, PasswordError> {
    let params = match strength {
        HashStrength::Standard => Params::default(),
        HashStrength::InsecureFast => {
            Params::new(64, 1, 1, None).map_err(|e| PasswordError::Hash(e.to_string()))?
        }
    };
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| PasswordError::Random(e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| PasswordError::Hash(e.to_string()))?;
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| PasswordError::Hash(e.to_string()))
}

/// Whether `password` matches the PHC string `hash`, with the parameters
/// recorded in it. A malformed hash matches nothing. Slow: blocking thread.
pub fn verify(password: &str, hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        tracing::error!("an account has a malformed password hash");
        return false;
    };
    Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let a = hash("vela-demo", HashStrength::InsecureFast).unwrap();
        let b = hash("vela-demo", HashStrength::InsecureFast).unwrap();
        assert!(a.starts_with("$argon2id$v=19$"), "{a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify("vela-demo", &a));
        assert!(!verify("vela-demo!", &a));
        assert!(!verify("vela-demo", "not a hash"));
    }

    #[test]
    fn standard_strength_uses_the_default_parameters() {
        let h = hash("x", HashStrength::Standard).unwrap();
        assert!(h.contains("m=19456,t=2,p=1"), "{h}");
    }
}
