//! `GET /api/admin/mail`: the mail outbox as the administrators see it —
//! whether mail is configured, how many mails wait, and the latest failure —
//! so an unreachable SMTP server does not go unnoticed.

use axum::extract::State;
use axum::Json;
use chrono::{DateTime, Utc};
use serde::Serialize;
use vela_domain::actor::require_admin_of;
use vela_domain::ids::PersonId;
use vela_domain::Actor;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::store::Store;
use crate::AppState;

/// The answer of `GET /api/admin/mail`.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct MailStatus {
    /// Whether an SMTP server is configured (`--smtp-url`, `--mail-from`).
    pub configured: bool,
    /// Mails waiting to be sent (including parts of tomorrow's digests).
    pub waiting: usize,
    /// Waiting mails whose last attempt failed.
    pub failing: usize,
    /// Why the latest attempt failed, if one did.
    pub last_error: Option<String>,
    /// When a mail was last accepted by the SMTP server.
    pub last_sent: Option<DateTime<Utc>>,
}

/// Administrators only.
pub async fn status(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<MailStatus>, ApiError> {
    let actor = Actor::Person(PersonId(user.person_id));
    let allowed = state.store.read(user.org_id, |s, _| {
        s.directory
            .org_of_person(PersonId(user.person_id))
            .is_some_and(|org| require_admin_of(s, &actor, org).is_ok())
    })?;
    if !allowed {
        return Err(ApiError::Forbidden(
            "only administrators see the mail outbox",
        ));
    }
    Ok(Json(match &state.mailer {
        None => MailStatus {
            configured: false,
            waiting: 0,
            failing: 0,
            last_error: None,
            last_sent: None,
        },
        Some(mailer) => {
            let s = mailer
                .status(user.org_id)
                .await
                .map_err(ApiError::internal)?;
            MailStatus {
                configured: true,
                waiting: s.waiting,
                failing: s.failing,
                last_error: s.last_error,
                last_sent: s.last_sent,
            }
        }
    }))
}
