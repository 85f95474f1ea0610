use leptos::prelude::*;
use leptos_router::components::Router;

use vela_domain::directory::{Command as DirCommand, Language};
use vela_domain::ids::PersonId;
use vela_domain::Command;

use crate::areas;
use crate::components::header::AppHeader;
use crate::components::refused::RefusedChanges;
use crate::components::sync_status::SyncStatus;
use crate::i18n::{provide_i18n, use_i18n, Locale};
use crate::pages::login::Login;
use crate::pages::notice::Notice;
use crate::session::{provide_session, use_session};
use crate::sync::client::provide_sync;

/// The root: shared contexts, the header and, once someone is logged in,
/// the page of the address (`routes.rs`).
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    crate::deployment::provide_deployment();
    provide_session();
    crate::components::bell::provide_bell_slot();
    view! {
        <Router>
            <AppHeader />
            <main id="main" tabindex="-1">
                <Gate />
            </main>
            <crate::components::footer::AppFooter />
        </Router>
    }
}

/// What the main area shows; it changes only when one of these does, so a
/// fresh copy of the same person (the session's check answering) never
/// mounts the pages again.
#[derive(Clone, Copy, PartialEq)]
enum Showing {
    Notice(Notice),
    Loading,
    Login,
    Signed(PersonId),
}

/// Shows the login form until a session exists, then the requested page.
///
/// The person remembered on this device counts as signed in while the
/// server checks the session (as it does offline): the pages are there at
/// once, so a link followed meanwhile navigates. (With only "loading" in
/// the main area, the router had no routes to finish a navigation with: a
/// nav link pressed during the check left the page empty.) If the server
/// answers that the session is gone, the login form replaces them.
#[component]
fn Gate() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let path = leptos_router::hooks::use_location().pathname;
    let showing = Memo::new(move |_| {
        match session.me().and_then(|me| me.person_id()) {
            Some(person) => Showing::Signed(person),
            // The public notices are open to anyone, signed in or not.
            None => match Notice::at(&path.get()) {
                Some(notice) => Showing::Notice(notice),
                None if !session.known() => Showing::Loading,
                None => Showing::Login,
            },
        }
    });
    move || match showing.get() {
        Showing::Notice(notice) => {
            areas::notices::show(areas::notices::Page::of(notice)).into_any()
        }
        Showing::Loading => {
            view! { <p class="loading" role="status">{move || i18n.t().loading}</p> }.into_any()
        }
        Showing::Login => view! { <Login /> }.into_any(),
        Showing::Signed(person) => view! { <Signed person /> }.into_any(),
    }
}

/// The signed-in part: the sync loop lives exactly as long as it does.
#[component]
fn Signed(person: PersonId) -> impl IntoView {
    let session = use_session();
    let sync = provide_sync(person, session);
    crate::components::bell::fill_bell_slot(sync);
    // Again when the server's answer brings a language chosen elsewhere.
    let i18n = use_i18n();
    Effect::new(move |_| i18n.follow_profile(session.me().and_then(|me| me.language).as_deref()));
    remember_language(sync, person);
    warm_areas(sync, session);
    view! {
        <div class="status-bar">
            <SyncStatus />
            <crate::components::offline::OfflineBanner />
        </div>
        <RefusedChanges />
        <crate::routes::Pages />
    }
}

/// Fetches the areas' pieces in the background once the first sync is
/// done (see [`areas::warm_for`]), once per sign-in.
fn warm_areas(sync: crate::sync::client::Sync, session: crate::session::Session) {
    let synced = Memo::new(move |_| sync.status().last_synced.is_some());
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) || !synced.get() {
            return started.unwrap_or(false);
        }
        if let Some(me) = session.me_untracked() {
            leptos::task::spawn_local(areas::warm_for(me));
        }
        true
    });
}

/// Saves a change of language to the person's profile (so it follows them
/// to other devices), through the outbox like any other change.
fn remember_language(sync: crate::sync::client::Sync, person: PersonId) {
    let i18n = use_i18n();
    Effect::new(move |previous: Option<Locale>| {
        let locale = i18n.locale();
        if previous.is_some_and(|p| p != locale) {
            let wanted = match locale {
                Locale::It => Language::It,
                Locale::En => Language::En,
            };
            let current = sync
                .state()
                .with_untracked(|s| s.directory.people.get(&person).map(|p| p.language));
            if current.is_some_and(|c| c != wanted) {
                // Refused only if the person was deactivated meanwhile; the
                // choice still holds on this device.
                let _ = sync.submit(Command::Directory(DirCommand::SetLanguage {
                    language: wanted,
                }));
            }
        }
        locale
    });
}
