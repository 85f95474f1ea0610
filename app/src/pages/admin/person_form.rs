//! Adding a person or changing their details, team and roles. The domain
//! checks the command (username rules and uniqueness, the last
//! administrator); its answer is shown in the form.

use std::collections::BTreeSet;

use leptos::html;
use leptos::prelude::*;
use vela_domain::directory::{Command as Dir, Language, Person, Role};
use vela_domain::ids::{PersonId, TeamId};
use vela_domain::Command;

use super::{focus_when_shown, toggle, FormButtons};
use crate::i18n::{use_i18n, Texts};
use crate::sync::client::use_sync;

pub(super) const ROLES: [Role; 4] = [Role::Employee, Role::Lead, Role::Trainer, Role::Admin];

/// The word for a role.
pub(super) fn role_name(role: Role, t: &Texts) -> &'static str {
    match role {
        Role::Employee => t.role_employee,
        Role::Lead => t.role_lead,
        Role::Trainer => t.role_trainer,
        Role::Admin => t.role_admin,
        Role::PartnershipAdmin => t.role_partnership_admin,
    }
}

#[component]
pub fn PersonForm(
    existing: Option<Person>,
    teams: Vec<(TeamId, String)>,
    on_close: Callback<()>,
    message: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let id = existing
        .as_ref()
        .map_or_else(|| PersonId(uuid::Uuid::new_v4()), |p| p.id);
    let title = existing.as_ref().map(|p| p.name.clone());
    let name = RwSignal::new(
        existing
            .as_ref()
            .map(|p| p.name.clone())
            .unwrap_or_default(),
    );
    let username = RwSignal::new(
        existing
            .as_ref()
            .map(|p| p.username.clone())
            .unwrap_or_default(),
    );
    let email = RwSignal::new(
        existing
            .as_ref()
            .and_then(|p| p.email.clone())
            .unwrap_or_default(),
    );
    let team = RwSignal::new(existing.as_ref().and_then(|p| p.team));
    let roles = RwSignal::new(
        existing
            .as_ref()
            .map_or_else(|| BTreeSet::from([Role::Employee]), |p| p.roles.clone()),
    );
    let commute = RwSignal::new(
        existing
            .as_ref()
            .map_or_else(|| "0".to_owned(), |p| p.commute_km.to_string()),
    );
    let language = RwSignal::new(existing.as_ref().map_or(Language::It, |p| p.language));
    let problem = RwSignal::new(String::new());
    let first = NodeRef::<html::Input>::new();
    focus_when_shown(first);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t().admin();
        if name.with_untracked(|n| n.trim().is_empty())
            || username.with_untracked(|u| u.trim().is_empty())
        {
            problem.set(t.field_required.into());
            return;
        }
        let Ok(commute_km) = commute.get_untracked().trim().parse::<u32>() else {
            problem.set(t.not_a_number.into());
            return;
        };
        let email = email.get_untracked().trim().to_owned();
        let saved = name.get_untracked().trim().to_owned();
        let command = Command::Directory(Dir::SavePerson {
            id,
            username: username.get_untracked(),
            name: saved.clone(),
            email: (!email.is_empty()).then_some(email),
            employee_number: None,
            roles: roles.get_untracked(),
            team: team.get_untracked(),
            commute_km,
            language: language.get_untracked(),
            // The acting administrator's own organisation.
            org: None,
        });
        match sync.submit(command) {
            Ok(()) => {
                message.set((t.person_saved)(&saved));
                on_close.run(());
            }
            Err(r) => problem.set((i18n.t().rejection)(&r)),
        }
    };

    let team_options = teams
        .into_iter()
        .map(|(id, name)| {
            view! { <option value=id.to_string() selected=move || team.get() == Some(id)>{name}</option> }
        })
        .collect_view();
    let role_boxes = ROLES
        .into_iter()
        .map(|role| {
            view! {
                <label>
                    <input
                        type="checkbox"
                        prop:checked=move || roles.with(|r| r.contains(&role))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            toggle(roles, role, on);
                        }
                    />
                    {move || role_name(role, i18n.t())}
                </label>
            }
        })
        .collect_view();

    view! {
        <form class="form-card person-form" on:submit=save aria-labelledby="person-form-title">
            <h2 id="person-form-title">
                {move || match &title {
                    Some(n) => (i18n.t().admin().form_edit_title)(n),
                    None => i18n.t().admin().form_new_title.to_owned(),
                }}
            </h2>
            <div class="field">
                <label for="person-name">{move || i18n.t().admin().field_name}</label>
                <input id="person-name" node_ref=first required autocomplete="off"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="person-username">{move || i18n.t().admin().field_username}</label>
                <input id="person-username" required autocomplete="off" autocapitalize="none"
                    aria-describedby="person-username-hint"
                    prop:value=move || username.get()
                    on:input=move |ev| username.set(event_target_value(&ev)) />
                <p id="person-username-hint" class="hint">{move || i18n.t().admin().field_username_hint}</p>
            </div>
            <div class="field">
                <label for="person-email">{move || i18n.t().admin().field_email}</label>
                <input id="person-email" type="email" autocomplete="off"
                    prop:value=move || email.get()
                    on:input=move |ev| email.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="person-team">{move || i18n.t().admin().field_team}</label>
                <select id="person-team" on:change=move |ev| {
                    team.set(uuid::Uuid::parse_str(&event_target_value(&ev)).ok().map(TeamId));
                }>
                    <option value="" selected=move || team.get().is_none()>{move || i18n.t().admin().no_team}</option>
                    {team_options}
                </select>
            </div>
            <fieldset class="group">
                <legend>{move || i18n.t().admin().field_roles}</legend>
                <div class="choices">{role_boxes}</div>
            </fieldset>
            <div class="field">
                <label for="person-commute">{move || i18n.t().admin().field_commute}</label>
                <input id="person-commute" type="number" min="0" inputmode="numeric"
                    aria-describedby="person-commute-hint"
                    prop:value=move || commute.get()
                    on:input=move |ev| commute.set(event_target_value(&ev)) />
                <p id="person-commute-hint" class="hint">{move || i18n.t().admin().field_commute_hint}</p>
            </div>
            <div class="field">
                <label for="person-language">{move || i18n.t().admin().field_language}</label>
                <select id="person-language" on:change=move |ev| {
                    language.set(if event_target_value(&ev) == "en" { Language::En } else { Language::It });
                }>
                    <option value="it" selected=move || language.get() == Language::It>"Italiano"</option>
                    <option value="en" selected=move || language.get() == Language::En>"English"</option>
                </select>
            </div>
            <p class="field-error" role="alert">{move || problem.get()}</p>
            <FormButtons on_close />
        </form>
    }
}
