//! What each person may see (design.md §3): everyone sees the people
//! directory, their own team's calendar by name, other teams only as daily
//! counts, and the webinars open to them; a person sees their own agreement,
//! objectives and registrations; a lead their team's; a trainer the
//! registrations of their sessions; an administrator everything of their
//! organisation. The server filters every pull and event stream with these
//! two functions and nothing else.

use crate::{agile, directory, objectives, webinars, Actor, Event, State};

/// The state as `actor` may see it (a full snapshot for sync).
pub fn view(state: &State, actor: &Actor) -> State {
    State {
        directory: directory::view(state, actor),
        agile: agile::view(state, actor),
        objectives: objectives::view(state, actor),
        webinars: webinars::view(state, actor),
    }
}

/// The event as `actor` may see it, or `None` when it is none of their
/// business. `state` is the organisation's state just after the event.
pub fn redact(state: &State, actor: &Actor, event: &Event) -> Option<Event> {
    match event {
        Event::Directory(e) => directory::redact(state, actor, e).map(Event::Directory),
        Event::Agile(e) => agile::redact(state, actor, e).map(Event::Agile),
        Event::Objectives(e) => objectives::redact(state, actor, e).map(Event::Objectives),
        Event::Webinars(e) => webinars::redact(state, actor, e).map(Event::Webinars),
    }
}
