//! Roles from the identity provider: with `--oidc-roles-claim` and
//! `--oidc-roles-map`, the groups a person's ID token lists decide their
//! Vela roles at every sign-in, so granting or withdrawing a role happens
//! where the administration manages its people.
//!
//! The map reads `GROUP=ROLE[,GROUP=ROLE…]`, roles named as in Vela's wire
//! (`employee`, `lead`, `trainer`, `admin`, `partnership_admin`); a group
//! may appear several times and may hold `=` (the last one splits) but no
//! comma. Groups not in the map are ignored. A person
//! none of whose groups maps to a role is refused (`no_role`), and the
//! change goes through the domain like any other (so the last
//! administrator of an organisation cannot lose the role this way either).

use std::collections::BTreeSet;

use uuid::Uuid;
use vela_domain::directory::{Command as DirectoryCommand, Role};
use vela_domain::ids::PersonId;
use vela_domain::{Actor, Command};

use super::OidcError;
use crate::auth::SessionUser;
use crate::org_store::{now, OrgStore};
use crate::store::{CommandMeta, Outcome, Store};

/// Which claim lists the groups, and what each group grants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RolesMapping {
    pub claim: String,
    pub grants: Vec<(String, Role)>,
}

impl RolesMapping {
    /// Reads `GROUP=ROLE[,GROUP=ROLE…]`.
    pub fn parse(claim: &str, map: &str) -> Result<Self, String> {
        let mut grants = Vec::new();
        for pair in map.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (group, role) = pair
                .rsplit_once('=')
                .ok_or_else(|| format!("{pair:?} is not GROUP=ROLE"))?;
            let role: Role = serde_json::from_value(serde_json::Value::String(role.trim().into()))
                .map_err(|_| {
                    format!("{role:?} is not a role (employee, lead, trainer, admin, partnership_admin)")
                })?;
            grants.push((group.trim().to_string(), role));
        }
        if grants.is_empty() {
            return Err("the map grants no role".into());
        }
        Ok(RolesMapping {
            claim: claim.trim().to_string(),
            grants,
        })
    }

    /// The roles `groups` grant.
    pub fn roles_of(&self, groups: &[String]) -> BTreeSet<Role> {
        self.grants
            .iter()
            .filter(|(group, _)| groups.iter().any(|g| g == group))
            .map(|(_, role)| *role)
            .collect()
    }
}

/// Gives `user` exactly `roles` (as the system), if they differ from the
/// person's roles now.
pub async fn apply(
    store: &OrgStore,
    user: &SessionUser,
    roles: BTreeSet<Role>,
) -> Result<(), OidcError> {
    if roles.is_empty() {
        return Err(OidcError::NoRole);
    }
    let person = store
        .read(user.org_id, |state, _| {
            state
                .directory
                .people
                .get(&PersonId(user.person_id))
                .cloned()
        })
        .map_err(|e| OidcError::Internal(e.to_string()))?
        .ok_or_else(|| OidcError::Internal("the person vanished while signing in".into()))?;
    if person.roles == roles {
        return Ok(());
    }
    let command = Command::Directory(DirectoryCommand::SavePerson {
        id: person.id,
        username: person.username.clone(),
        name: person.name.clone(),
        email: person.email.clone(),
        roles: roles.clone(),
        team: person.team,
        commute_km: person.commute_km,
        language: person.language,
        org: Some(person.org),
        // Left out: the number stays as it is.
        employee_number: None,
    });
    let at = now();
    let meta = CommandMeta {
        id: Uuid::new_v4(),
        actor: Actor::System,
        at,
    };
    let outcome = store
        .submit(user.org_id, meta, |state| {
            vela_domain::apply(state, &Actor::System, &command, at)
        })
        .await
        .map_err(|e| OidcError::Internal(e.to_string()))?;
    match outcome {
        Outcome::Accepted { .. } => {
            tracing::info!(username = %person.username, from = ?person.roles, to = ?roles, "roles set from the identity provider");
            Ok(())
        }
        Outcome::Rejected(rejection) => Err(OidcError::Internal(format!(
            "the roles {roles:?} from the identity provider were refused: {rejection}"
        ))),
        Outcome::IdInUse => Err(OidcError::Internal("a fresh command id in use".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_grants_the_roles_of_the_groups_held() {
        let map = RolesMapping::parse(
            "groups",
            "vela-staff=employee, vela-leads=lead,vela-leads=employee,ou=vela=admin",
        )
        .unwrap();
        let held = |g: &[&str]| map.roles_of(&g.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            held(&["vela-staff", "other"]),
            BTreeSet::from([Role::Employee])
        );
        assert_eq!(
            held(&["vela-leads"]),
            BTreeSet::from([Role::Lead, Role::Employee])
        );
        assert_eq!(
            held(&["ou=vela"]),
            BTreeSet::from([Role::Admin]),
            "the last = splits"
        );
        assert!(held(&[]).is_empty());
    }

    #[test]
    fn a_wrong_map_is_refused() {
        assert!(RolesMapping::parse("groups", "").is_err());
        assert!(RolesMapping::parse("groups", "vela-staff").is_err());
        assert!(RolesMapping::parse("groups", "vela-staff=boss").is_err());
    }
}
