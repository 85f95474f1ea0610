//! What to do when a sync request fails: retry later, give up on the
//! commands it carried, ask the person to sign in, or ask for a reload.

use std::time::Duration;

use crate::api::ApiError;

/// First pause after a failure.
pub const FIRST_BACKOFF: Duration = Duration::from_secs(1);
/// Longest pause between attempts while the server cannot be reached.
pub const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// The kind of a failed sync request.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// No network, a server fault or an unreadable answer: try again later.
    Retry,
    /// The server will never take this request: the commands it carried
    /// are refused for good.
    Final {
        status: u16,
        code: String,
        message: String,
    },
    /// The session is gone: sign in again (the outbox stays).
    SignedOut,
    /// The server speaks a newer protocol: the app must be reloaded.
    Outdated,
}

/// Sorts a failure. Every 4xx answer but a few is final: sending the same
/// request again would get the same answer, and retrying it forever is what
/// froze outboxes before. Time-outs and rate limits are transient.
pub fn classify(error: &ApiError) -> Failure {
    match error {
        ApiError::Offline | ApiError::Decode(_) => Failure::Retry,
        ApiError::Unauthorized => Failure::SignedOut,
        ApiError::Server { status: 426, .. } => Failure::Outdated,
        ApiError::Server { code, .. } if code == "client_outdated" => Failure::Outdated,
        ApiError::Server {
            status: status @ 400..=499,
            code,
            message,
        } if *status != 408 && *status != 429 => Failure::Final {
            status: *status,
            code: code.clone(),
            message: message.clone(),
        },
        ApiError::Server { .. } => Failure::Retry,
    }
}

/// The pause before attempt `failures + 1`: doubling from
/// [`FIRST_BACKOFF`] up to [`MAX_BACKOFF`], then spread over its upper half
/// by `random` (in [0, 1)) so that many browsers cut off together do not
/// all come back in the same second.
pub fn backoff(failures: u32, random: f64) -> Duration {
    let ceiling = FIRST_BACKOFF
        .saturating_mul(1u32.checked_shl(failures.min(16)).unwrap_or(u32::MAX))
        .min(MAX_BACKOFF);
    let spread = random.clamp(0.0, 1.0);
    ceiling.mul_f64(0.5 + 0.5 * spread)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(status: u16, code: &str) -> ApiError {
        ApiError::Server {
            status,
            code: code.into(),
            message: "m".into(),
        }
    }

    #[test]
    fn client_errors_are_final_and_faults_are_retried() {
        assert!(matches!(
            classify(&server(413, "payload_too_large")),
            Failure::Final { status: 413, .. }
        ));
        assert!(matches!(
            classify(&server(422, "unprocessable")),
            Failure::Final { .. }
        ));
        assert!(matches!(
            classify(&server(409, "command_id_conflict")),
            Failure::Final { .. }
        ));
        for retried in [
            server(500, "internal"),
            server(503, "store_unavailable"),
            server(429, "rate_limited"),
            server(408, "timeout"),
            ApiError::Offline,
            ApiError::Decode("eof".into()),
        ] {
            assert_eq!(classify(&retried), Failure::Retry, "{retried:?}");
        }
        assert_eq!(classify(&ApiError::Unauthorized), Failure::SignedOut);
        assert_eq!(classify(&server(426, "client_outdated")), Failure::Outdated);
    }

    #[test]
    fn backoff_doubles_is_capped_and_jittered() {
        assert_eq!(backoff(0, 0.999_999).as_millis(), 999);
        assert_eq!(backoff(0, 0.0), Duration::from_millis(500));
        assert_eq!(backoff(1, 0.0), Duration::from_secs(1));
        assert_eq!(backoff(3, 0.0), Duration::from_secs(4));
        for failures in [5, 10, 40, u32::MAX] {
            assert!(backoff(failures, 1.0) <= MAX_BACKOFF);
            assert!(backoff(failures, 0.0) >= MAX_BACKOFF / 2);
        }
        assert_ne!(backoff(4, 0.1), backoff(4, 0.9));
    }
}
