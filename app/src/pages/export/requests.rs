//! The personal feed's API calls (`/api/calendar/feed`). Not synced state:
//! the feed token is a credential kept by the server only, so this page
//! asks the server directly and needs a connection.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::api::{self, ApiError};

const FEED: &str = "/api/calendar/feed";

/// `GET /api/calendar/feed` (and the answer of `DELETE`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FeedStatus {
    pub active: bool,
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
}

/// `POST /api/calendar/feed`: the new secret URL, shown once.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct NewFeed {
    /// Relative to the server: `/api/feeds/<token>.ics`.
    pub url: String,
    pub created_at: DateTime<Utc>,
}

/// An empty JSON object, the body of the state-changing calls.
fn empty() -> serde_json::Map<String, serde_json::Value> {
    serde_json::Map::new()
}

pub async fn status() -> Result<FeedStatus, ApiError> {
    api::get(FEED).await
}

/// Makes a new feed URL; the previous one, if any, stops working.
pub async fn create() -> Result<NewFeed, ApiError> {
    api::post(FEED, &empty()).await
}

/// Revokes the feed URL.
pub async fn revoke() -> Result<(), ApiError> {
    api::delete(FEED).await
}
