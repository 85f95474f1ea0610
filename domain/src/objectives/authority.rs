//! Who may do what with an objective. Three relationships matter:
//! - the *owner side*: the person who owns it or, for a team objective, a
//!   member or lead of the team — they write, propose and update it;
//! - *the lead*: a lead of the owner's team or an administrator (never the
//!   owner themself) — they agree, close and review;
//! - *viewers*: the owner side, the owner's leads once it is proposed
//!   (and while a lead's send back is being answered), and administrators.

use super::{Objective, Owner, Status};
use crate::actor::{leads_team, require_admin, Actor};
use crate::directory::{Person, Role};
use crate::ids::{ObjectiveId, PersonId, TeamId};
use crate::State;

fn active_person(state: &State, id: PersonId) -> Option<&Person> {
    state.directory.people.get(&id).filter(|p| p.active)
}

/// Whether `person` is an active lead of `team`.
fn active_lead_of(state: &State, person: PersonId, team: TeamId) -> bool {
    active_person(state, person).is_some_and(|p| p.roles.contains(&Role::Lead))
        && leads_team(state, person, team)
}

/// The team whose leads answer for objectives of `owner`.
pub fn owner_team(state: &State, owner: Owner) -> Option<TeamId> {
    match owner {
        Owner::Person(person) => state.directory.people.get(&person).and_then(|p| p.team),
        Owner::Team(team) => Some(team),
    }
}

/// Whether the actor is on the owner side of objectives of `owner`: the
/// owning person, or an active member or lead of the owning team. The
/// system counts as owner side (demo data, set-up).
pub fn is_owner_side(state: &State, actor: &Actor, owner: Owner) -> bool {
    let Some(id) = actor.person_id() else {
        return true;
    };
    let Some(person) = active_person(state, id) else {
        return false;
    };
    match owner {
        Owner::Person(owner) => owner == id,
        Owner::Team(team) => person.team == Some(team) || active_lead_of(state, id, team),
    }
}

/// Whether the actor leads the owner of an objective: an administrator, the
/// system, or an active lead of the owner's team. A lead who owns the
/// objective leads it too (see [`is_self_approval`]).
pub fn leads_owner(state: &State, actor: &Actor, owner: Owner) -> bool {
    if require_admin(state, actor).is_ok() {
        return true;
    }
    let Some(id) = actor.person_id() else {
        return false;
    };
    owner_team(state, owner).is_some_and(|team| active_lead_of(state, id, team))
}

/// Whether the actor would be approving their own individual objective
/// (a lead of their own team). Administrators may, so a lone lead's
/// objectives can still be agreed.
pub fn is_self_approval(state: &State, actor: &Actor, owner: Owner) -> bool {
    require_admin(state, actor).is_err()
        && matches!(owner, Owner::Person(p) if actor.person_id() == Some(p))
}

/// Whether the actor may see an objective of `owner`: the owner side
/// always; leads of the owner once it is `open_to_lead` (proposed or later,
/// or a draft a lead sent back — see [`Objective::open_to_lead`]; a draft
/// never proposed is the owner's own notebook); administrators always.
/// Reviews, progress notes, the lead's comments and all travel with the
/// objective, so a review is seen by the person, the team for a team
/// objective, the lead and administrators — never by other employees.
pub fn may_see(state: &State, actor: &Actor, owner: Owner, open_to_lead: bool) -> bool {
    is_owner_side(state, actor, owner)
        || require_admin(state, actor).is_ok()
        || (open_to_lead && leads_owner(state, actor, owner))
}

/// [`may_see`] for an objective as it is.
pub fn may_see_objective(state: &State, actor: &Actor, objective: &Objective) -> bool {
    may_see(state, actor, objective.owner, objective.open_to_lead())
}

/// Whether `person` may record work on an agile day against `objective`:
/// it must be their own individual objective or one of their team's, and
/// agreed or in progress (drafts are not commitments yet, closed objectives
/// are done). The agile area asks this when a day's log names objectives.
pub fn may_log_work(state: &State, person: PersonId, objective: ObjectiveId) -> bool {
    let Some(someone) = active_person(state, person) else {
        return false;
    };
    let Some(objective) = state.objectives.objectives.get(&objective) else {
        return false;
    };
    let mine = match objective.owner {
        Owner::Person(owner) => owner == person,
        Owner::Team(team) => someone.team == Some(team),
    };
    mine && matches!(objective.status, Status::Agreed | Status::InProgress)
}

/// The objectives `person` may log work against (for the agile day form).
pub fn loggable_objectives(state: &State, person: PersonId) -> impl Iterator<Item = &Objective> {
    state
        .objectives
        .objectives
        .values()
        .filter(move |o| may_log_work(state, person, o.id))
}
