//! Setting the password a person signs in with. Credentials never travel
//! in the synced state, so this one form talks to the server directly
//! (`PUT /api/people/{id}/password`) and needs a connection.

use leptos::html;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use vela_domain::directory::{password_long_enough, MIN_PASSWORD_CHARS};
use vela_domain::ids::PersonId;

use super::focus_when_shown;
use crate::api::{self, ApiError};
use crate::i18n::use_i18n;

#[derive(Serialize)]
struct SetPassword {
    password: String,
}

#[derive(Deserialize)]
struct PasswordSet {
    username: String,
}

#[component]
pub fn PasswordForm(
    person: PersonId,
    name: String,
    on_close: Callback<()>,
    message: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let password = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let problem = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let first = NodeRef::<html::Input>::new();
    focus_when_shown(first);
    let who = name.clone();

    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t().admin();
        let chosen = password.get_untracked();
        if !password_long_enough(&chosen) {
            problem.set(t.password_too_short.into());
            return;
        }
        if chosen != again.get_untracked() {
            problem.set(t.password_mismatch.into());
            return;
        }
        busy.set(true);
        problem.set(String::new());
        let who = who.clone();
        leptos::task::spawn_local(async move {
            let path = format!("/api/people/{}/password", person.0);
            let answer: Result<PasswordSet, ApiError> =
                api::put(&path, &SetPassword { password: chosen }).await;
            busy.set(false);
            let t = i18n.t().admin();
            match answer {
                Ok(done) => {
                    message.set((t.password_done)(&who, &done.username));
                    on_close.run(());
                }
                Err(ApiError::Offline) => problem.set(t.password_offline.into()),
                Err(ApiError::Server { status: 404, .. }) => {
                    problem.set(t.password_not_synced.into());
                }
                Err(ApiError::Server { message, .. }) => problem.set((t.password_failed)(&message)),
                Err(ApiError::Unauthorized) | Err(ApiError::Decode(_)) => {
                    problem.set((t.password_failed)(""));
                }
            }
        });
    };

    view! {
        <form class="form-card password-form" on:submit=send aria-labelledby="password-form-title">
            <h2 id="password-form-title">{move || (i18n.t().admin().password_title)(&name)}</h2>
            <p>{move || i18n.t().admin().password_intro}</p>
            <div class="field">
                <label for="new-password">{move || i18n.t().admin().field_password}</label>
                <input id="new-password" type="password" autocomplete="new-password" node_ref=first
                    minlength=MIN_PASSWORD_CHARS.to_string()
                    prop:value=move || password.get()
                    on:input=move |ev| password.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="new-password-again">{move || i18n.t().admin().field_password_again}</label>
                <input id="new-password-again" type="password" autocomplete="new-password"
                    prop:value=move || again.get()
                    on:input=move |ev| again.set(event_target_value(&ev)) />
            </div>
            <p class="field-error" role="alert">{move || problem.get()}</p>
            <div class="form-buttons">
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || if busy.get() { i18n.t().admin().setting_password } else { i18n.t().admin().set_password }}
                </button>
                <button type="button" class="secondary" on:click=move |_| on_close.run(())>
                    {move || i18n.t().admin().close}
                </button>
            </div>
        </form>
    }
}
