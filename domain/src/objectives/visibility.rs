//! Who sees which objectives: a person their own and their team's team
//! objectives; a lead also those of the people and teams they lead, once
//! proposed; administrators all; anyone else nothing — an employee never
//! receives another person's objectives. Reviews and progress notes travel
//! inside the objective, so they follow the same rule.

use super::authority::may_see;
use super::{Event, Part};
use crate::actor::Actor;
use crate::State;

/// The objectives `actor` may see.
pub fn view(state: &State, actor: &Actor) -> Part {
    Part {
        objectives: state
            .objectives
            .objectives
            .iter()
            .filter(|(_, o)| may_see(state, actor, o.owner, o.status))
            .map(|(id, o)| (*id, o.clone()))
            .collect(),
    }
}

/// The event as `actor` may see it, judged on the state after the event
/// (the owner's team as it is now).
pub fn redact(state: &State, actor: &Actor, event: &Event) -> Option<Event> {
    let visible = match event {
        Event::ObjectiveSaved { objective } => {
            may_see(state, actor, objective.owner, objective.status)
        }
        Event::ObjectiveDeleted { owner, status, .. } => may_see(state, actor, *owner, *status),
    };
    visible.then(|| event.clone())
}
