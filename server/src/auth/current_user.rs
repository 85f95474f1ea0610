//! The `CurrentUser` extractor: who is calling, or a JSON 401.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use uuid::Uuid;

use super::cookie;
use crate::error::ApiError;
use crate::AppState;

/// The signed-in person behind a request. A handler that takes it answers
/// 401 `unauthenticated` to anyone without a live session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrentUser {
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub username: String,
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = cookie::token(&parts.headers).ok_or(ApiError::Unauthenticated)?;
        let user = state
            .auth
            .sessions
            .get(token)
            .await?
            .ok_or(ApiError::Unauthenticated)?;
        Ok(CurrentUser {
            person_id: user.person_id,
            org_id: user.org_id,
            username: user.username,
        })
    }
}
