//! `POST /api/partnership/organisations`: a partnership administrator adds
//! a member organisation with its first administrator and that
//! administrator's initial password. The organisation and the person go
//! through the domain as one ordinary command (`SetUpOrganisation`, with the
//! caller as its actor, so the domain decides who may); the password never
//! enters the synced state, which is why this is a route and not only a
//! command pushed by the app.

use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use vela_domain::directory::{
    password_long_enough, Command as Dir, FirstAdministrator, MIN_PASSWORD_CHARS,
};
use vela_domain::ids::{OrgId, PersonId};
use vela_domain::rejection::{CommonRejection, Rejection};
use vela_domain::{Actor, Command};

use super::ApiJson;
use crate::auth::{password, Account, CurrentUser};
use crate::error::ApiError;
use crate::org_store::now;
use crate::store::{CommandMeta, Outcome, Store};
use crate::AppState;

/// Longest password, in bytes, as at login.
const MAX_PASSWORD_BYTES: usize = 1024;

#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewMember {
    /// The organisation's name, e.g. "Comune di Pergine Valsugana".
    name: String,
    administrator: NewAdministrator,
}

#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAdministrator {
    name: String,
    username: String,
    /// The initial password (at least 10 characters).
    password: String,
    #[serde(default)]
    email: Option<String>,
}

#[derive(Serialize, schemars::JsonSchema)]
pub struct MemberAdded {
    organisation: Uuid,
    administrator: Uuid,
    /// The username the administrator signs in with (as stored).
    username: String,
    /// The revision that holds the new organisation.
    revision: u64,
}

/// Adds the organisation and its administrator, then the account.
pub async fn add_member(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(request): ApiJson<NewMember>,
) -> Result<Json<MemberAdded>, ApiError> {
    let secret = request.administrator.password;
    if !password_long_enough(&secret) || secret.len() > MAX_PASSWORD_BYTES {
        return Err(ApiError::Unprocessable(format!(
            "the password must be at least {MIN_PASSWORD_CHARS} characters (and at most {MAX_PASSWORD_BYTES} bytes)"
        )));
    }
    let actor = Actor::Person(PersonId(user.person_id));
    let organisation = OrgId(Uuid::new_v4());
    let person = PersonId(Uuid::new_v4());
    let command = Command::Directory(Dir::SetUpOrganisation {
        id: organisation,
        name: request.name,
        extra_holidays: vec![],
        administrator: Some(FirstAdministrator {
            id: person,
            username: request.administrator.username,
            name: request.administrator.name,
            email: request.administrator.email,
        }),
    });
    let at = now();
    let meta = CommandMeta {
        id: Uuid::new_v4(),
        actor,
        at,
    };
    let outcome = state
        .store
        .submit(user.org_id, meta, |org| {
            vela_domain::apply(org, &actor, &command, at)
        })
        .await?;
    let revision = match outcome {
        Outcome::Accepted { revision } => revision,
        Outcome::Rejected(Rejection::Common(CommonRejection::NotAllowed)) => {
            return Err(ApiError::Forbidden(
                "only partnership administrators add organisations",
            ))
        }
        Outcome::Rejected(rejection) => return Err(ApiError::Unprocessable(rejection.to_string())),
        Outcome::IdInUse => return Err(ApiError::Internal("a fresh command id in use".into())),
    };
    let username = state.store.read(user.org_id, |org, _| {
        org.directory
            .people
            .get(&person)
            .map(|p| p.username.clone())
            .unwrap_or_default()
    })?;
    // If this fails the organisation exists without a password for its
    // administrator; the partnership administrator may set it with
    // `PUT /api/people/{id}/password`.
    let strength = state.auth.strength;
    let password_hash = tokio::task::spawn_blocking(move || password::hash(&secret, strength))
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::internal)?;
    let account = Account {
        person_id: person.0,
        org_id: user.org_id,
        password_hash,
    };
    state
        .auth
        .accounts
        .set_for_person(&username, account)
        .await
        .map_err(ApiError::internal)?;
    tracing::info!(organisation = %organisation.0, by = %user.person_id, "member organisation added");
    Ok(Json(MemberAdded {
        organisation: organisation.0,
        administrator: person.0,
        username,
        revision,
    }))
}
