//! Who sees which objectives: a person their own and their team's team
//! objectives; a lead also those of the people and teams they lead, once
//! proposed (and the drafts a lead sent back to be revised);
//! administrators all; anyone else nothing — an employee never
//! receives another person's objectives. Reviews and progress notes travel
//! inside the objective, so they follow the same rule.

use super::authority::{may_see, may_see_objective};
use super::open_to_lead;
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
            .filter(|(_, o)| may_see_objective(state, actor, o))
            .map(|(id, o)| (*id, o.clone()))
            .collect(),
    }
}

/// The event as `actor` may see it, judged on the state after the event
/// (the owner's team as it is now).
pub fn redact(state: &State, actor: &Actor, event: &Event) -> Option<Event> {
    let visible = match event {
        Event::ObjectiveSaved { objective } | Event::ObjectiveSentBack { objective } => {
            may_see_objective(state, actor, objective)
        }
        Event::ObjectiveDeleted {
            owner,
            status,
            sent_back,
            ..
        } => may_see(state, actor, *owner, open_to_lead(*status, *sent_back)),
    };
    visible.then(|| event.clone())
}
