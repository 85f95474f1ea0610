//! Who is asking, and what their roles and relationships let them do.
//! Every command is authorised here or in its area, never by the callers.

use serde::{Deserialize, Serialize};

use crate::directory::{Person, Role};
use crate::ids::{OrgId, PersonId, TeamId};
use crate::rejection::{CommonRejection, Rejection};
use crate::State;

/// The author of a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(tag = "kind", content = "id")
)]
#[serde(remote = "Self", rename_all = "snake_case")]
pub enum Actor {
    /// The server itself: demo data and installation set-up. Passes every
    /// authorisation check but no business rule.
    System,
    /// A signed-in person.
    Person(PersonId),
}
crate::adjacent_tagged!(Actor, "kind", "id");

impl Actor {
    /// The person behind the actor, if any.
    pub fn person_id(&self) -> Option<PersonId> {
        match self {
            Actor::System => None,
            Actor::Person(id) => Some(*id),
        }
    }
}

/// The active person acting, or `not_allowed` (System and deactivated
/// people cannot act as a person).
pub fn acting_person<'a>(state: &'a State, actor: &Actor) -> Result<&'a Person, Rejection> {
    actor
        .person_id()
        .and_then(|id| state.directory.people.get(&id))
        .filter(|p| p.active)
        .ok_or_else(|| CommonRejection::NotAllowed.into())
}

/// Whether the actor is the system or an active person with `role`.
pub fn has_role(state: &State, actor: &Actor, role: Role) -> bool {
    match actor {
        Actor::System => true,
        Actor::Person(id) => state
            .directory
            .people
            .get(id)
            .is_some_and(|p| p.active && p.roles.contains(&role)),
    }
}

/// `Ok` when the actor is the system or an administrator (of any
/// organisation: where the target's organisation matters, use
/// [`require_admin_of`] or [`administers_person`]; `crate::apply` also
/// refuses any event of a person's command that touches another
/// organisation's data).
pub fn require_admin(state: &State, actor: &Actor) -> Result<(), Rejection> {
    if has_role(state, actor, Role::Admin) {
        Ok(())
    } else {
        Err(CommonRejection::NotAllowed.into())
    }
}

/// Whether the actor is the system or an active partnership administrator:
/// who may add organisations to the deployment and give each its first
/// administrator. Organisations' administrators may not.
pub fn administers_partnership(state: &State, actor: &Actor) -> bool {
    has_role(state, actor, Role::PartnershipAdmin)
}

/// Whether the actor may set the password `person` signs in with: an
/// administrator of the person's organisation, or a partnership
/// administrator for an organisation's administrator (the first one of a
/// new member, or one who has lost theirs).
pub fn may_set_password(state: &State, actor: &Actor, person: PersonId) -> bool {
    administers_person(state, actor, person)
        || (administers_partnership(state, actor)
            && state
                .directory
                .people
                .get(&person)
                .is_some_and(|p| p.roles.contains(&Role::Admin)))
}

/// Whether `lead` leads the team `team`.
pub fn leads_team(state: &State, lead: PersonId, team: TeamId) -> bool {
    state
        .directory
        .teams
        .get(&team)
        .is_some_and(|t| t.leads.contains(&lead))
}

/// The organisation the actor belongs to: `None` for the system (which
/// belongs to none and may act on any) and for unknown people.
pub fn actor_org(state: &State, actor: &Actor) -> Option<OrgId> {
    actor
        .person_id()
        .and_then(|id| state.directory.people.get(&id))
        .map(|p| p.org)
}

/// Whether the actor administers `org`: the system, or an active
/// administrator of that organisation. An administrator administers their
/// own organisation only (data is partitioned by organisation).
pub fn administers(state: &State, actor: &Actor, org: OrgId) -> bool {
    match actor {
        Actor::System => true,
        Actor::Person(id) => state
            .directory
            .people
            .get(id)
            .is_some_and(|p| p.active && p.org == org && p.roles.contains(&Role::Admin)),
    }
}

/// `Ok` when the actor administers `org` (see [`administers`]).
pub fn require_admin_of(state: &State, actor: &Actor, org: OrgId) -> Result<(), Rejection> {
    if administers(state, actor, org) {
        Ok(())
    } else {
        Err(CommonRejection::NotAllowed.into())
    }
}

/// Whether the actor administers `person`'s organisation.
pub fn administers_person(state: &State, actor: &Actor, person: PersonId) -> bool {
    match actor {
        Actor::System => true,
        Actor::Person(_) => state
            .directory
            .people
            .get(&person)
            .is_some_and(|p| administers(state, actor, p.org)),
    }
}

/// Whether the actor may manage `person`'s work: the system, an
/// administrator of the person's organisation, or an active lead of the
/// person's team. A lead decides only for people of their own teams.
pub fn manages(state: &State, actor: &Actor, person: PersonId) -> bool {
    if administers_person(state, actor, person) {
        return true;
    }
    let Some(lead) = actor.person_id() else {
        return false;
    };
    let lead_active = state
        .directory
        .people
        .get(&lead)
        .is_some_and(|p| p.active && p.roles.contains(&Role::Lead));
    lead_active
        && state
            .directory
            .people
            .get(&person)
            .and_then(|p| p.team)
            .is_some_and(|team| leads_team(state, lead, team))
}
