//! Administration › Partnership: the partnership's administrators see the
//! member organisations and add one with its first administrator. The
//! initial password is a credential, which never enters the synced state,
//! so the addition goes to the server directly
//! (`POST /api/partnership/organisations`) and needs a connection; the
//! domain is asked first, so a taken username or an empty name is said at
//! once and in the person's language.

use leptos::html;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use vela_domain::directory::{
    password_long_enough, Command as Dir, FirstAdministrator, Role, MIN_PASSWORD_CHARS,
};
use vela_domain::ids::{OrgId, PersonId};
use vela_domain::{Actor, Command};

use super::focus_when_shown;
use crate::api::{self, ApiError};
use crate::i18n::use_i18n;
use crate::pages::team::{loaded, loading_view};
use crate::session::signed_in_person;
use crate::sync::client::{now, use_sync};

#[derive(Serialize)]
struct NewMember {
    name: String,
    administrator: NewAdministrator,
}

#[derive(Serialize)]
struct NewAdministrator {
    name: String,
    username: String,
    password: String,
}

#[derive(Deserialize)]
struct MemberAdded {
    username: String,
}

#[component]
pub fn Partnership() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let me = signed_in_person();
    // Rebuilt only when readiness or the role changes.
    let access = Memo::new(move |_| {
        state.with(|s| {
            let allowed = me
                .and_then(|me| s.directory.people.get(&me))
                .is_some_and(|p| p.active && p.roles.contains(&Role::PartnershipAdmin));
            (loaded(s), allowed)
        })
    });
    let message = RwSignal::new(String::new());
    let body = move || match access.get() {
        (false, _) => loading_view().into_any(),
        (true, false) => {
            view! { <p class="admin-empty">{move || i18n.t().admin().partnership_only}</p> }
                .into_any()
        }
        (true, true) => view! {
            <Members />
            <MemberForm message />
        }
        .into_any(),
    };
    view! {
        <section class="page administration partnership-page">
            <h1>{move || i18n.t().admin().partnership_title}</h1>
            <p>{move || i18n.t().admin().partnership_intro}</p>
            <p class="team-message" role="status">{move || message.get()}</p>
            {body}
        </section>
    }
}

/// The member organisations, by name.
#[component]
fn Members() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let members = Memo::new(move |_| {
        state.with(|s| {
            let mut all: Vec<(OrgId, String)> = s
                .directory
                .organisations
                .values()
                .map(|o| (o.id, o.name.clone()))
                .collect();
            vela_domain::order::sort_by(&mut all, |a, b| a.1.cmp(&b.1));
            all
        })
    });
    view! {
        <section aria-labelledby="members-title">
            <h2 id="members-title">{move || i18n.t().admin().members_title}</h2>
            <ul class="member-list" aria-labelledby="members-title">
                <For each=move || members.get() key=|member| member.clone() let:member>
                    <li>{member.1}</li>
                </For>
            </ul>
        </section>
    }
}

/// The form adding an organisation and its first administrator.
#[component]
fn MemberForm(message: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let me = signed_in_person();
    // Drafts: live updates never reset them.
    let organisation = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let problem = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let first = NodeRef::<html::Input>::new();
    focus_when_shown(first);

    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t().admin();
        let (org_name, admin_name, user, secret) = (
            organisation.get_untracked(),
            name.get_untracked(),
            username.get_untracked(),
            password.get_untracked(),
        );
        if org_name.trim().is_empty() || admin_name.trim().is_empty() || user.trim().is_empty() {
            problem.set(t.field_required.into());
            return;
        }
        if !password_long_enough(&secret) {
            problem.set(t.password_too_short.into());
            return;
        }
        // The same rules the server applies, for an answer in the
        // person's language before anything is sent.
        let Some(actor) = me.map(Actor::Person) else {
            return;
        };
        let command = Command::Directory(Dir::SetUpOrganisation {
            id: OrgId(uuid::Uuid::new_v4()),
            name: org_name.clone(),
            extra_holidays: vec![],
            administrator: Some(FirstAdministrator {
                id: PersonId(uuid::Uuid::new_v4()),
                username: user.clone(),
                name: admin_name.clone(),
                email: None,
            }),
        });
        let checked = sync
            .state()
            .with_untracked(|s| vela_domain::apply(s, &actor, &command, now()).map(|_| ()));
        if let Err(rejection) = checked {
            problem.set((i18n.t().rejection)(&rejection));
            return;
        }
        busy.set(true);
        problem.set(String::new());
        message.set(String::new());
        leptos::task::spawn_local(async move {
            let request = NewMember {
                name: org_name.trim().to_string(),
                administrator: NewAdministrator {
                    name: admin_name,
                    username: user,
                    password: secret,
                },
            };
            let answer: Result<MemberAdded, ApiError> =
                api::post("/api/partnership/organisations", &request).await;
            busy.set(false);
            let t = i18n.t().admin();
            match answer {
                Ok(added) => {
                    message.set((t.member_added)(&request.name, &added.username));
                    organisation.set(String::new());
                    name.set(String::new());
                    username.set(String::new());
                    password.set(String::new());
                }
                Err(ApiError::Offline) => problem.set(t.member_offline.into()),
                Err(ApiError::Server { message, .. }) => problem.set((t.member_failed)(&message)),
                Err(ApiError::Unauthorized) | Err(ApiError::Decode(_)) => {
                    problem.set((t.member_failed)(""));
                }
            }
        });
    };

    view! {
        <form class="form-card member-form" on:submit=send aria-labelledby="member-form-title" novalidate>
            <h2 id="member-form-title">{move || i18n.t().admin().member_form_title}</h2>
            <p>{move || i18n.t().admin().member_form_intro}</p>
            <div class="field">
                <label for="member-organisation">{move || i18n.t().admin().field_organisation_name}</label>
                <input id="member-organisation" node_ref=first required
                    prop:value=move || organisation.get()
                    on:input=move |ev| organisation.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="member-admin-name">{move || i18n.t().admin().field_admin_name}</label>
                <input id="member-admin-name" autocomplete="off" required
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="member-username">{move || i18n.t().admin().field_username}</label>
                <input id="member-username" autocomplete="off" autocapitalize="none" required
                    aria-describedby="member-username-hint"
                    prop:value=move || username.get()
                    on:input=move |ev| username.set(event_target_value(&ev)) />
                <p id="member-username-hint" class="hint">{move || i18n.t().admin().field_username_hint}</p>
            </div>
            <div class="field">
                <label for="member-password">{move || i18n.t().admin().field_initial_password}</label>
                <input id="member-password" type="password" autocomplete="new-password" required
                    minlength=MIN_PASSWORD_CHARS.to_string()
                    prop:value=move || password.get()
                    on:input=move |ev| password.set(event_target_value(&ev)) />
            </div>
            <p class="field-error" role="alert">{move || problem.get()}</p>
            <div class="form-buttons">
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {move || if busy.get() { i18n.t().admin().adding_member } else { i18n.t().admin().add_member }}
                </button>
            </div>
        </form>
    }
}
