//! The session cookie: how it is set, cleared and read.

use std::time::Duration;

use axum::http::{header, HeaderMap, HeaderValue};

pub const NAME: &str = "vela_session";

/// How the cookie is marked.
#[derive(Clone, Copy, Debug)]
pub struct CookiePolicy {
    /// `Secure`: only sent over HTTPS. On when the server is reached over TLS.
    pub secure: bool,
    /// Max-Age: the session's absolute lifetime, so a browser restart does
    /// not sign people out but the cookie never outlives the session.
    pub max_age: Duration,
}

impl CookiePolicy {
    /// `Set-Cookie` for a new session. HttpOnly keeps it from scripts (XSS
    /// cannot steal it); SameSite=Strict keeps other sites' requests from
    /// carrying it (CSRF); Path=/ because the app and the API share the origin.
    pub fn set(&self, token: &str) -> Option<HeaderValue> {
        self.header(token, self.max_age.as_secs())
    }

    /// `Set-Cookie` that makes the browser drop the cookie.
    pub fn clear(&self) -> Option<HeaderValue> {
        self.header("", 0)
    }

    fn header(&self, value: &str, max_age: u64) -> Option<HeaderValue> {
        let secure = if self.secure { "; Secure" } else { "" };
        HeaderValue::from_str(&format!(
            "{NAME}={value}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age}{secure}"
        ))
        .ok()
    }
}

/// The session token a request carries, if any (the first `vela_session`
/// among its `Cookie` headers).
pub fn token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == NAME)
        .map(|(_, value)| value.trim())
        .filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_session_among_other_cookies() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("theme=dark; vela_session=abc_-1 ; x=y"),
        );
        assert_eq!(token(&headers), Some("abc_-1"));
        headers.insert(header::COOKIE, HeaderValue::from_static("vela_session="));
        assert_eq!(token(&headers), None);
    }

    #[test]
    fn flags_follow_the_policy() {
        let policy = CookiePolicy {
            secure: true,
            max_age: Duration::from_secs(60),
        };
        let set = policy.set("tok").unwrap();
        assert_eq!(
            set,
            "vela_session=tok; HttpOnly; SameSite=Strict; Path=/; Max-Age=60; Secure"
        );
        let insecure = CookiePolicy {
            secure: false,
            ..policy
        };
        assert!(!insecure
            .clear()
            .unwrap()
            .to_str()
            .unwrap()
            .contains("Secure"));
    }
}
