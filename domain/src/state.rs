use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};

use crate::{
    agile, directory, notifications, objectives, webinars, Actor, Command, Event, Rejection,
};

/// The whole state of one deployment — one organisation or the several of
/// a partnership (see `directory`) — as of some revision. It changes only
/// through [`State::apply_event`], so replaying the same events always gives
/// the same state.
///
/// Its JSON form holds records only: the indexes derived from them are
/// skipped when it is written and rebuilt when it is read (see
/// [`agile::restore_indexes`]), whether it comes from a snapshot file, a
/// pull or a browser's cache.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
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

impl<'de> Deserialize<'de> for State {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Records {
            directory: directory::Directory,
            agile: agile::Part,
            objectives: objectives::Part,
            webinars: webinars::Part,
            #[serde(default)]
            notifications: notifications::Part,
        }
        let records = Records::deserialize(deserializer)?;
        let mut state = State {
            directory: records.directory,
            agile: records.agile,
            objectives: records.objectives,
            webinars: records.webinars,
            notifications: records.notifications,
        };
        agile::restore_indexes(&mut state);
        Ok(state)
    }
}

impl State {
    /// Drops what [`Deserialize`] rebuilds anyway, so that a full state is
    /// stored as records only (its team counts are derivable from them, unlike
    /// those of a person's view).
    pub fn drop_derived(&mut self) {
        self.agile.team_days.clear();
    }

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
