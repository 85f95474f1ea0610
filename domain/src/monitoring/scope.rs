//! Who sees which figures: an administrator their organisation, a lead
//! their own teams, the partnership administrator every organisation.
//! Counts only, never a person's figures (workers' monitoring rules: the
//! Statuto dei lavoratori, art. 4, forbids using the tool to watch people).

use std::collections::BTreeSet;

use crate::directory::Role;
use crate::ids::{OrgId, TeamId};
use crate::{Actor, State};

/// What part of an organisation a report covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every team and person of the organisation.
    Organisation,
    /// These teams only (a lead's): their members' figures, nobody else's.
    Teams(BTreeSet<TeamId>),
}

impl Scope {
    /// The widest report of `org` the actor may read, or `None`: the
    /// system, the organisation's administrators and the partnership
    /// administrators read it all, a lead reads the teams they lead,
    /// anyone else nothing.
    pub fn of(state: &State, actor: &Actor, org: OrgId) -> Option<Scope> {
        let Some(id) = actor.person_id() else {
            return Some(Scope::Organisation);
        };
        let person = state.directory.people.get(&id).filter(|p| p.active)?;
        if person.roles.contains(&Role::PartnershipAdmin)
            || (person.org == org && person.roles.contains(&Role::Admin))
        {
            return Some(Scope::Organisation);
        }
        let led: BTreeSet<TeamId> = state
            .directory
            .teams
            .values()
            .filter(|t| t.org == org && t.leads.contains(&id))
            .map(|t| t.id)
            .collect();
        (!led.is_empty()).then_some(Scope::Teams(led))
    }

    /// The teams it is limited to, if any.
    pub fn teams(&self) -> Option<&BTreeSet<TeamId>> {
        match self {
            Scope::Organisation => None,
            Scope::Teams(teams) => Some(teams),
        }
    }

    /// Whether a row of `team` (none for people in no team) belongs.
    pub fn covers(&self, team: Option<TeamId>) -> bool {
        match self {
            Scope::Organisation => true,
            Scope::Teams(teams) => team.is_some_and(|t| teams.contains(&t)),
        }
    }
}
