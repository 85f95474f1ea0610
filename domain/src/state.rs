use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    agile, directory, notifications, objectives, webinars, Actor, Command, Event, Rejection,
};

/// The whole state of one deployment — one organisation or the several of
/// a partnership (see `directory`) — as of some revision. It changes only
/// through [`State::apply_event`], so replaying the same events always gives
/// the same state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct State {
    pub directory: directory::Directory,
    pub agile: agile::Part,
    pub objectives: objectives::Part,
    pub webinars: webinars::Part,
    /// Each person's notifications and mail preferences (absent in states
    /// stored before notifications existed).
    #[serde(default)]
    pub notifications: notifications::Part,
}

impl State {
    /// Applies one accepted event. Never fails: events were checked by
    /// [`apply`](crate::apply) when they were made.
    pub fn apply_event(&mut self, event: &Event) {
        match event {
            Event::Directory(e) => {
                agile::directory_changed(self, e);
                directory::apply_event(self, e)
            }
            Event::Agile(e) => agile::apply_event(self, e),
            Event::Objectives(e) => objectives::apply_event(self, e),
            Event::Webinars(e) => webinars::apply_event(self, e),
            Event::Notifications(e) => notifications::apply_event(self, e),
        }
    }

    /// Checks `command` and, when accepted, applies its events; returns them.
    pub fn execute(
        &mut self,
        actor: &Actor,
        command: &Command,
        now: DateTime<Utc>,
    ) -> Result<Vec<Event>, Rejection> {
        let events = crate::apply(self, actor, command, now)?;
        for event in &events {
            self.apply_event(event);
        }
        Ok(events)
    }
}
