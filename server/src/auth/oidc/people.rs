//! Who a verified identity is in Vela: the one ACTIVE person whose
//! username (or e-mail address, as configured) the claim names, in any
//! organisation of the deployment. Nobody is created on the way: a person
//! unknown to Vela, or deactivated, is refused.

use vela_domain::directory::Person;

use super::{Identity, OidcError, UsernameClaim};
use crate::auth::{accounts, SessionUser};
use crate::org_store::OrgStore;
use crate::store::Store;

/// The session user of the person `identity` names.
pub fn find(store: &OrgStore, identity: &Identity) -> Result<SessionUser, OidcError> {
    let wanted = accounts::normalise(&identity.value);
    let matches = |person: &Person| match identity.claim {
        UsernameClaim::Email => person
            .email
            .as_deref()
            .is_some_and(|email| accounts::normalise(email) == wanted),
        _ => person.username == wanted,
    };
    let mut found = Vec::new();
    for org in store.organisations() {
        let people = store
            .read(org, |state, _| {
                state
                    .directory
                    .people
                    .values()
                    .filter(|p| matches(p))
                    .map(|p| (p.id.0, p.username.clone(), p.active))
                    .collect::<Vec<_>>()
            })
            .map_err(|e| OidcError::Internal(e.to_string()))?;
        found.extend(people.into_iter().map(|p| (org, p)));
    }
    let unknown = |detail| OidcError::UnknownPerson {
        claim: identity.claim.name().to_string(),
        value: identity.value.clone(),
        detail,
    };
    let any = !found.is_empty();
    let active: Vec<_> = found
        .into_iter()
        .filter(|(_, (_, _, active))| *active)
        .collect();
    match active.as_slice() {
        [(org, (person_id, username, _))] => Ok(SessionUser {
            person_id: *person_id,
            org_id: *org,
            username: username.clone(),
        }),
        [] if any => Err(unknown(" (the person is deactivated)")),
        [] => Err(unknown("")),
        // Two people with one e-mail address: signing in as either would be a guess.
        _ => Err(unknown(" (several active people have it)")),
    }
}
