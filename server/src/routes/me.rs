//! `GET /api/me`: who the session belongs to, in the shape the app expects.

use axum::extract::State;
use axum::Json;
use serde::Serialize;
use uuid::Uuid;
use vela_domain::directory::{Language, Role};
use vela_domain::ids::PersonId;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::store::Store;
use crate::AppState;

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Me {
    person: MePerson,
    organisation: MeOrganisation,
    language: Option<Language>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
struct MePerson {
    id: Uuid,
    name: String,
    username: String,
    roles: Vec<Role>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
struct MeOrganisation {
    id: Uuid,
    name: String,
}

/// The person, their roles, organisation and language. A person removed or
/// deactivated since login loses the session here (401).
pub async fn me(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Me>, ApiError> {
    let me = state.store.read(user.org_id, |org, _| {
        let person = org
            .directory
            .people
            .get(&PersonId(user.person_id))
            .filter(|p| p.active)?;
        // The person's own administration (one store may hold a partnership).
        let organisation = org.directory.organisation_of(person.id);
        Some(Me {
            person: MePerson {
                id: person.id.0,
                name: person.name.clone(),
                username: person.username.clone(),
                roles: person.roles.iter().copied().collect(),
            },
            organisation: MeOrganisation {
                id: organisation.map_or(user.org_id, |o| o.id.0),
                name: organisation.map(|o| o.name.clone()).unwrap_or_default(),
            },
            language: Some(person.language),
        })
    })?;
    match me {
        Some(me) => Ok(Json(me)),
        None => {
            state.auth.sessions.remove_person(user.person_id);
            Err(ApiError::Unauthenticated)
        }
    }
}
