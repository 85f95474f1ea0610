//! The store as the server uses it: the domain's `State` is the model.

use vela_domain::{Actor, Event, Rejection, State};

use crate::store::{JsonStore, Model};

impl Model for State {
    type Event = Event;
    type Actor = Actor;
    type Rejection = Rejection;

    fn apply(&mut self, event: &Event) {
        self.apply_event(event);
    }

    fn drop_derived(&mut self) {
        State::drop_derived(self);
    }
}

/// Every organisation's state and log.
pub type OrgStore = JsonStore<State>;

/// The current time as the domain takes it. The server is the only place
/// that reads the clock; the domain is given the instant.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from(std::time::SystemTime::now())
}
