//! A signed-in API client: the same JSON the app sends.

use std::time::{Duration, Instant};

use reqwest::header::{CONTENT_TYPE, COOKIE, SET_COOKIE};
use uuid::Uuid;
use vela_domain::sync::{Envelope, PullResponse, PushRequest, PushResponse};
use vela_domain::Command;

pub const DEMO_PASSWORD: &str = "vela-demo";

#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    cookie: String,
}

impl Client {
    pub async fn login(base: &str, username: &str) -> Result<Client, String> {
        let http = reqwest::Client::builder()
            .pool_max_idle_per_host(4)
            .build()
            .map_err(|e| e.to_string())?;
        let response = http
            .post(format!("{base}/api/auth/login"))
            .header(CONTENT_TYPE, "application/json")
            .body(serde_json::json!({"username": username, "password": DEMO_PASSWORD}).to_string())
            .send()
            .await
            .map_err(|e| format!("login {username}: {e}"))?;
        if !response.status().is_success() {
            return Err(format!("login {username}: HTTP {}", response.status()));
        }
        let cookie = response
            .headers()
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("vela_session="))
            .and_then(|v| v.split(';').next())
            .ok_or("no session cookie")?
            .to_owned();
        Ok(Client {
            http,
            base: base.to_owned(),
            cookie,
        })
    }

    /// Pushes `commands` as one batch; returns the answer and its latency.
    pub async fn push(&self, commands: Vec<Command>) -> Result<(PushResponse, Duration), String> {
        let body = PushRequest {
            commands: commands
                .into_iter()
                .map(|command| Envelope {
                    id: Uuid::new_v4(),
                    command,
                })
                .collect(),
        };
        let body = serde_json::to_vec(&body).map_err(|e| e.to_string())?;
        let started = Instant::now();
        let response = self
            .http
            .post(format!(
                "{}/api/sync/push?protocol={}",
                self.base,
                vela_domain::sync::PROTOCOL_VERSION
            ))
            .header(CONTENT_TYPE, "application/json")
            .header(COOKIE, &self.cookie)
            .body(body)
            .send()
            .await
            .map_err(|e| format!("push: {e}"))?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(|e| format!("push: {e}"))?;
        let elapsed = started.elapsed();
        if !status.is_success() {
            return Err(format!(
                "push: HTTP {status}: {}",
                String::from_utf8_lossy(&bytes)
            ));
        }
        let answer = serde_json::from_slice(&bytes).map_err(|e| format!("push answer: {e}"))?;
        Ok((answer, elapsed))
    }

    /// Pulls since `since`; returns the answer, its size and its latency.
    pub async fn pull(&self, since: u64) -> Result<(PullResponse, usize, Duration), String> {
        let started = Instant::now();
        let response = self
            .http
            .get(format!(
                "{}/api/sync/pull?since={since}&protocol={}",
                self.base,
                vela_domain::sync::PROTOCOL_VERSION
            ))
            .header(COOKIE, &self.cookie)
            .send()
            .await
            .map_err(|e| format!("pull: {e}"))?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(|e| format!("pull: {e}"))?;
        let elapsed = started.elapsed();
        if !status.is_success() {
            return Err(format!("pull: HTTP {status}"));
        }
        let answer = serde_json::from_slice(&bytes).map_err(|e| format!("pull answer: {e}"))?;
        Ok((answer, bytes.len(), elapsed))
    }
}
