//! Webinars and training paths: the employee's catalogue, a session's page,
//! "my training" with the person's training paths and certificates of
//! attendance, and the trainer's pages (sessions, paths, registrations,
//! attendance, feedback).

mod access;
mod certificate;
mod detail;
mod form;
mod list;
mod manage;
mod mine;
mod paths;
mod progress;
mod trainer;

use std::collections::BTreeSet;
use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::calendar::rome_date;
use vela_domain::ids::{PersonId, SessionId};
use vela_domain::webinars::{Audience, Command as Web, RegistrationStatus, Session, SessionStatus};
use vela_domain::{Actor, Command, Rejection, State};

pub use certificate::CertificatePage;
pub use detail::SessionPage;
pub use form::{EditSession, NewSession};
pub use list::WebinarList;
pub use manage::ManageSession;
pub use mine::MyTraining;
pub use paths::{EditPath, NewPath};
pub use trainer::TrainingAdmin;

use crate::format::{long_date, time_of_day};
use crate::i18n::{use_i18n, Locale};
use crate::session::signed_in_person;
use crate::sync::client::{now, use_sync};

/// The current time, refreshed every 30 seconds (the join window and the
/// registration deadline are re-evaluated with it).
pub(crate) fn use_now() -> ReadSignal<DateTime<Utc>> {
    let (current, set_current) = signal(now());
    if let Ok(handle) =
        set_interval_with_handle(move || set_current.set(now()), Duration::from_secs(30))
    {
        on_cleanup(move || handle.clear());
    }
    current
}

/// Checks `command` against the rules on the current state without
/// submitting it (pre-checks of forms and buttons).
pub(crate) fn check(
    state: &State,
    me: PersonId,
    command: Web,
    at: DateTime<Utc>,
) -> Result<(), Rejection> {
    vela_domain::apply(state, &Actor::Person(me), &Command::Webinars(command), at).map(|_| ())
}

/// Submits a webinar command; the translated reason when refused.
pub(crate) fn submit(command: Web) -> Result<(), String> {
    let i18n = use_i18n();
    use_sync()
        .submit(Command::Webinars(command))
        .map_err(|r| (i18n.t().rejection)(&r))
}

/// "martedì 1 dicembre 2026, 10:00–12:00" in Rome time.
pub(crate) fn when(session: &Session, locale: Locale) -> String {
    (locale.texts().webinars().when)(
        &long_date(rome_date(session.start), locale),
        &time_of_day(session.start, locale),
        &time_of_day(session.end, locale),
    )
}

/// "2 h 30 min".
pub fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// The names of a session's trainers, comma separated.
pub(crate) fn trainer_names(state: &State, session: &Session) -> String {
    session
        .trainers
        .iter()
        .filter_map(|p| state.directory.people.get(p).map(|p| p.name.clone()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Who the session is for, in words: the whole partnership (naming the
/// administration that offers it when it is not the reader's), one
/// organisation, or its teams.
pub(crate) fn audience_text(
    state: &State,
    session: &Session,
    me: Option<PersonId>,
    locale: Locale,
) -> String {
    let t = locale.texts().webinars();
    let org_name = || {
        state
            .directory
            .organisations
            .get(&session.org)
            .map(|o| o.name.clone())
            .unwrap_or_default()
    };
    match &session.audience {
        Audience::Partnership => {
            let mine = me.and_then(|me| state.directory.org_of_person(me));
            if mine.is_some_and(|org| org != session.org) {
                format!(
                    "{} · {}",
                    t.audience_partnership,
                    (t.offered_by)(&org_name())
                )
            } else {
                t.audience_partnership.to_owned()
            }
        }
        Audience::Organisation => (t.audience_org)(&org_name()),
        Audience::Teams { teams } => {
            let names: Vec<_> = teams
                .iter()
                .filter_map(|id| state.directory.teams.get(id).map(|t| t.name.clone()))
                .collect();
            (t.audience_teams)(&names.join(", "))
        }
    }
}

/// The seat figures in words.
pub(crate) fn seats_text(state: &State, session: SessionId, locale: Locale) -> String {
    let t = locale.texts().webinars();
    // Once a session is over its seats no longer matter: who took part
    // does, for those who may see it (people may follow without a seat).
    if let Some(s) = state.webinars.sessions.get(&session) {
        if now() >= s.end {
            let viewer = signed_in_person().map_or(Actor::System, Actor::Person);
            return if vela_domain::webinars::sees_people_of(state, &viewer, s) {
                let present = state
                    .webinars
                    .attendance
                    .get(&session)
                    .map_or(0, |a| a.len());
                (t.seats_attended)(present)
            } else {
                t.seats_ended.to_owned()
            };
        }
    }
    match state.webinars.seats(session) {
        Some(seats) if seats.free > 0 => (t.seats_free)(seats.free, seats.capacity),
        Some(seats) => (t.seats_full)(seats.waitlisted),
        None => String::new(),
    }
}

/// The person's own status for a session, in words (None: nothing to say).
pub(crate) fn my_status(
    state: &State,
    session: &Session,
    me: PersonId,
    at: DateTime<Utc>,
    locale: Locale,
) -> Option<(&'static str, String)> {
    let t = locale.texts().webinars();
    if session.status == SessionStatus::Cancelled {
        return Some(("cancelled", t.status_session_cancelled.to_owned()));
    }
    let part = &state.webinars;
    match part.registration(session.id, me).map(|r| r.status) {
        Some(RegistrationStatus::Registered) => {
            Some(("registered", t.status_registered.to_owned()))
        }
        Some(RegistrationStatus::Waitlisted) => Some((
            "waitlisted",
            (t.status_waitlisted)(part.waitlist_position(session.id, me).unwrap_or(0)),
        )),
        _ if at >= session.end => Some(("past", t.status_past.to_owned())),
        _ if at >= session.start => Some(("live", t.status_live.to_owned())),
        Some(RegistrationStatus::Cancelled) => Some((
            "registration-cancelled",
            t.status_registration_cancelled.to_owned(),
        )),
        None => None,
    }
}

/// A button that takes the keyboard focus when it appears (the confirming
/// button of a destructive action, so keyboard users land on the choice).
pub(crate) fn focused_button() -> NodeRef<leptos::html::Button> {
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(element) = button.get() {
            let _ = element.focus();
        }
    });
    button
}

/// Tabs between the catalogue and "my training".
#[component]
pub(crate) fn WebinarTabs() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="webinar-tabs" aria-label=move || i18n.t().webinars().tabs_label>
            <A href="/webinars" exact=true>{move || i18n.t().webinars().tab_catalogue}</A>
            <A href="/webinars/mine">{move || i18n.t().webinars().tab_mine}</A>
        </nav>
    }
}

/// Tells the person, live, when one of their waitlist places turns into a
/// seat (the server promotes them when someone cancels).
#[component]
pub(crate) fn PromotionNotice() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let me = signed_in_person();
    let waiting: StoredValue<Option<BTreeSet<SessionId>>> = StoredValue::new(None);
    let promoted = RwSignal::new(Vec::<(SessionId, String)>::new());
    Effect::new(move |_| {
        let Some(me) = me else { return };
        let (now_waiting, now_seated): (BTreeSet<SessionId>, Vec<(SessionId, String)>) = state
            .with(|s| {
                let part = &s.webinars;
                let mine = part
                    .registrations
                    .iter()
                    .filter_map(|(id, people)| people.get(&me).map(|r| (*id, r.status)));
                let mut waiting = BTreeSet::new();
                let mut seated = Vec::new();
                for (id, status) in mine {
                    match status {
                        RegistrationStatus::Waitlisted => {
                            waiting.insert(id);
                        }
                        RegistrationStatus::Registered => {
                            let title = part
                                .sessions
                                .get(&id)
                                .map(|s| s.title.clone())
                                .unwrap_or_default();
                            seated.push((id, title));
                        }
                        RegistrationStatus::Cancelled => {}
                    }
                }
                (waiting, seated)
            });
        if let Some(before) = waiting.get_value() {
            let fresh: Vec<_> = now_seated
                .into_iter()
                .filter(|(id, _)| before.contains(id))
                .collect();
            if !fresh.is_empty() {
                promoted.update(|p| p.extend(fresh));
            }
        }
        waiting.set_value(Some(now_waiting));
    });
    view! {
        <div role="status" class="promotion-notices">
            {move || {
                promoted
                    .get()
                    .into_iter()
                    .map(|(id, title)| {
                        view! {
                            <div class="notice success">
                                <span aria-hidden="true">"✓ "</span>
                                <span>{move || (i18n.t().webinars().promoted)(&title)}</span>
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| promoted.update(|p| p.retain(|(s, _)| *s != id))
                                >
                                    {move || i18n.t().webinars().dismiss}
                                </button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
