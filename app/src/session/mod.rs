//! Who is using the app: the logged-in person, kept across reloads so the
//! app can open offline.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::{self, ApiError};
use crate::storage;

/// `GET /api/me`: the person behind the session cookie.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub person: Person,
    pub organisation: Organisation,
    #[serde(default)]
    pub language: Option<String>,
}

impl Me {
    /// The person's id; `None` if the server sent one this build cannot read.
    pub fn person_id(&self) -> Option<vela_domain::ids::PersonId> {
        uuid::Uuid::parse_str(&self.person.id)
            .ok()
            .map(vela_domain::ids::PersonId)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub username: String,
    #[serde(default)]
    pub roles: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: String,
    pub name: String,
}

impl Me {
    pub fn has_role(&self, role: &str) -> bool {
        self.person.roles.iter().any(|r| r == role)
    }
}

/// Where the last known identity is kept (not a secret: the cookie is).
const STORAGE_KEY: &str = "vela.me";

/// The session state shared through context.
#[derive(Clone, Copy)]
pub struct Session {
    /// `None` until the first check; then `Some(None)` = logged out.
    me: RwSignal<Option<Option<Me>>>,
    /// The identity remembered from the last visit, while the first check
    /// runs: the header and navigation show it at once, so the page does
    /// not jump down when the check returns.
    remembered: RwSignal<Option<Me>>,
    /// Changes of the signed-in person still waiting for the server, as the
    /// sync loop last counted them (0 when no one is signed in).
    waiting: RwSignal<usize>,
    /// Bumped to ask the sync loop to send what waits now.
    flush: RwSignal<u64>,
    /// Who was signed in when the server ended the session (in this tab),
    /// so the login form can say what waits for them.
    lost: RwSignal<Option<Me>>,
    /// Set the moment sign-out starts, before the signed-in view is gone
    /// (that happens on the next render): the sync loop sends nothing more.
    ending: StoredValue<bool>,
}

impl Session {
    /// [`Session::me`] without subscribing.
    pub fn me_untracked(&self) -> Option<Me> {
        match self.me.get_untracked() {
            Some(me) => me,
            None => self.remembered.get_untracked(),
        }
    }

    /// Who is signed in: the identity the server confirmed, or the one
    /// remembered on this device while the check runs (as offline). The
    /// pages open at once with it; if the server says the session is gone,
    /// the login form replaces them.
    pub fn me(&self) -> Option<Me> {
        match self.me.get() {
            Some(me) => me,
            None => self.remembered.get(),
        }
    }

    /// Whether the first check is done.
    pub fn known(&self) -> bool {
        self.me.with(|m| m.is_some())
    }

    /// The person whose session ended without signing out, if any.
    pub fn lost(&self) -> Option<Me> {
        self.lost.get()
    }

    pub fn set(&self, me: Option<Me>) {
        if me.is_some() {
            self.lost.set(None);
            self.ending.set_value(false);
        }
        match &me {
            Some(me) => storage::save(STORAGE_KEY, me),
            None => storage::remove(STORAGE_KEY),
        }
        self.me.set(Some(me));
    }

    pub async fn login(&self, username: &str, password: &str) -> Result<Me, ApiError> {
        #[derive(Serialize)]
        struct Credentials<'a> {
            username: &'a str,
            password: &'a str,
        }
        let _: serde_json::Value =
            api::post("/api/auth/login", &Credentials { username, password }).await?;
        let me: Me = api::get("/api/me").await?;
        self.set(Some(me.clone()));
        Ok(me)
    }

    /// How many changes of the signed-in person wait for the server.
    pub fn waiting(&self) -> usize {
        self.waiting.get()
    }

    /// [`Session::waiting`] without subscribing (in an event handler).
    pub fn waiting_untracked(&self) -> usize {
        self.waiting.get_untracked()
    }

    pub(crate) fn set_waiting(&self, waiting: usize) {
        if self.waiting.try_get_untracked() != Some(waiting) {
            let _ = self.waiting.try_set(waiting);
        }
    }

    /// Whether sign-out has started: nothing more may be sent for this
    /// session.
    pub(crate) fn ending(&self) -> bool {
        self.ending.try_get_value().unwrap_or(true)
    }

    /// Asks the sync loop to try sending now (instead of after its back-off).
    pub fn request_flush(&self) {
        self.flush.update(|n| *n += 1);
    }

    /// Subscribes the caller to [`Session::request_flush`].
    pub(crate) fn flush_requested(&self) {
        self.flush.track();
    }

    /// Ends the session. The signed-in view (and with it the sync loop) goes
    /// first, while "loading" shows, so no pull meets the session the server
    /// is ending; the login form comes once the server has ended it. What
    /// the next person on this browser must not read goes with it; changes
    /// still waiting stay under this person's own key.
    pub async fn logout(&self) {
        self.ending.set_value(true);
        let person = self.person();
        self.remembered.set(None);
        self.me.set(None);
        if let Some(person) = person {
            crate::sync::client::forget(person);
        }
        // What the gone pages still wait for would reach the server after
        // the session ends.
        api::cancel_all();
        let _ = api::post::<_, serde_json::Value>("/api/auth/logout", &serde_json::json!({})).await;
        self.set(None);
    }

    /// The server no longer knows the session: back to the login form,
    /// leaving nothing private behind either.
    pub fn expired(&self) {
        let person = self.person();
        self.lost.set(self.me_untracked());
        self.set(None);
        api::cancel_all();
        if let Some(person) = person {
            crate::sync::client::forget(person);
        }
    }

    fn person(&self) -> Option<vela_domain::ids::PersonId> {
        self.me_untracked()?.person_id()
    }
}

/// The signed-in person, tracked: pages live under the signed-in part, so
/// this is `None` only while signing out.
pub fn signed_in_person() -> Option<vela_domain::ids::PersonId> {
    use_session().me()?.person_id()
}

/// Creates the session context. Someone who never logged in on this browser
/// sees the login form at once; otherwise the last known identity is used
/// while the cookie is checked with the server (and kept when the server
/// cannot be reached, so the app opens offline).
pub fn provide_session() -> Session {
    let session = Session {
        me: RwSignal::new(None),
        remembered: RwSignal::new(None),
        waiting: RwSignal::new(0),
        flush: RwSignal::new(0),
        lost: RwSignal::new(None),
        ending: StoredValue::new(false),
    };
    provide_context(session);
    let Some(last) = storage::load::<Me>(STORAGE_KEY) else {
        if arrived_from_single_sign_on() {
            // A session this browser never saw start: the server began it
            // at the end of a single sign-on.
            leptos::task::spawn_local(async move {
                match api::get::<Me>("/api/me").await {
                    Ok(me) => session.set(Some(me)),
                    Err(_) => session.me.set(Some(None)),
                }
            });
        } else {
            session.me.set(Some(None));
        }
        return session;
    };
    session.remembered.set(Some(last.clone()));
    leptos::task::spawn_local(async move {
        match api::get::<Me>("/api/me").await {
            Ok(me) => session.set(Some(me)),
            Err(ApiError::Unauthorized) => {
                session.lost.set(Some(last));
                session.set(None);
            }
            // Offline or a server fault: not a reason to log anyone out.
            Err(_) => session.me.set(Some(Some(last))),
        }
    });
    session
}

/// Whether the page was opened by the server at the end of a single sign-on
/// (`/?signed_in=sso`).
fn arrived_from_single_sign_on() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|query| query.contains("signed_in=sso"))
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
