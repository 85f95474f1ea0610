//! `GET /api/certificates/{code}`: an administrator checks the verification
//! code printed on a certificate of attendance. The answer is read from the
//! state now (`vela_domain::webinars::certificate::verify`): the facts of the
//! attendance or completed training path that has this code, among the
//! people of the administrator's own organisation — or 404, the same for a
//! code that was changed, made up, or belongs to another organisation.

use axum::extract::{Path, State};
use axum::Json;
use vela_domain::actor::administers;
use vela_domain::ids::PersonId;
use vela_domain::webinars::certificate::{verify, Certificate};
use vela_domain::Actor;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::store::Store;
use crate::AppState;

enum Outcome {
    Refused,
    Checked(Option<Certificate>),
}

/// The certificate with this code, for an administrator of its person's
/// organisation.
pub async fn check(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(code): Path<String>,
) -> Result<Json<Certificate>, ApiError> {
    let person = PersonId(user.person_id);
    let (store, org) = (state.store.clone(), user.org_id);
    // Hashing every attendance of a large organisation is CPU work.
    let outcome = tokio::task::spawn_blocking(move || {
        store.read(org, |all, _| {
            let actor = Actor::Person(person);
            match all.directory.org_of_person(person) {
                Some(mine) if administers(all, &actor, mine) => {
                    Outcome::Checked(verify(all, mine, &code))
                }
                _ => Outcome::Refused,
            }
        })
    })
    .await
    .map_err(ApiError::internal)??;
    match outcome {
        Outcome::Refused => Err(ApiError::Forbidden(
            "only administrators check certificates",
        )),
        Outcome::Checked(None) => Err(ApiError::Missing(
            "no certificate of your organisation has this code",
        )),
        Outcome::Checked(Some(certificate)) => Ok(Json(certificate)),
    }
}
