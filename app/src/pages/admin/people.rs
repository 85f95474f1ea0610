//! The administrators' people page: everyone in the organisation with
//! team, roles and state; add or edit a person, set their password,
//! deactivate (after a confirmation) or reactivate them.

use std::collections::BTreeSet;

use leptos::html;
use leptos::prelude::*;
use vela_domain::directory::{Command as Dir, Role};
use vela_domain::ids::{PersonId, TeamId};
use vela_domain::Command;

use super::password_form::PasswordForm;
use super::person_data::PersonData;
use super::person_form::{role_name, PersonForm, ROLES};
use super::{admin_access, admin_only};
use crate::i18n::use_i18n;
use crate::pages::team::my_id;
use crate::sync::client::use_sync;

/// What is open below the list.
#[derive(Clone, Copy, PartialEq)]
enum Panel {
    Closed,
    New,
    Edit(PersonId),
    Password(PersonId),
}

#[component]
pub fn People() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let state = sync.state();
    let me = my_id();
    let access = admin_access();
    let panel = RwSignal::new(Panel::Closed);
    let confirming = RwSignal::new(None::<PersonId>);
    let message = RwSignal::new(String::new());
    let alert = RwSignal::new(String::new());
    let close = Callback::new(move |()| panel.set(Panel::Closed));

    let teams = move || {
        state.with_untracked(|s| {
            let mut list: Vec<(TeamId, String)> = s
                .directory
                .teams
                .values()
                .map(|t| (t.id, t.name.clone()))
                .collect();
            list.sort_by(|a, b| a.1.cmp(&b.1));
            list
        })
    };
    // Read once when a panel opens: the form keeps its draft while other
    // changes arrive.
    let person = move |id: PersonId| state.with_untracked(|s| s.directory.people.get(&id).cloned());
    let form = move || match panel.get() {
        Panel::Closed => None,
        Panel::New => Some(
            view! { <PersonForm existing=None teams=teams() on_close=close message /> }.into_any(),
        ),
        Panel::Edit(id) => person(id).map(|p| {
            view! {
                <PersonForm existing=Some(p) teams=teams() on_close=close message />
                <PersonData person=id />
            }
            .into_any()
        }),
        Panel::Password(id) => person(id).map(|p| {
            view! { <PasswordForm person=id name=p.name on_close=close message /> }.into_any()
        }),
    };

    let set_active = move |id: PersonId, name: &str, active: bool| {
        let t = &i18n.t().admin;
        match sync.submit(Command::Directory(Dir::SetActive { person: id, active })) {
            Ok(()) => {
                message.set(if active {
                    (t.reactivated)(name)
                } else {
                    (t.deactivated)(name)
                });
                alert.set(String::new());
            }
            Err(r) => alert.set((i18n.t().rejection)(&r)),
        }
        confirming.set(None);
    };

    // Only the own administration's people: the view also holds name cards
    // of other administrations' trainers and registrants. Keyed rows: a
    // live update redraws only the rows it changes.
    let rows = Memo::new(move |_| {
        state.with(|s| {
            let mine = me.and_then(|me| s.directory.org_of_person(me));
            let mut people: Vec<PersonRow> = s
                .directory
                .people
                .values()
                .filter(|p| Some(p.org) == mine)
                .map(|p| PersonRow {
                    id: p.id,
                    name: p.name.clone(),
                    username: p.username.clone(),
                    team: p
                        .team
                        .and_then(|id| s.directory.teams.get(&id).map(|x| x.name.clone())),
                    roles: p.roles.clone(),
                    active: p.active,
                })
                .collect();
            people.sort_by(|x, y| y.active.cmp(&x.active).then_with(|| x.name.cmp(&y.name)));
            people
        })
    });

    let table = move || {
        let a = &i18n.t().admin;
        view! {
            // A new organisation holds only its administrator: say what next.
            {move || {
                rows.with(|r| r.len() <= 1)
                    .then(|| view! { <p class="admin-empty">{i18n.t().admin.people_empty}</p> })
            }}
            <div class="table-wrap" role="region" tabindex="0" aria-label=a.people_caption>
                <table class="admin-table people-admin">
                    <caption>{a.people_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{a.col_name}</th>
                            <th scope="col">{a.col_username}</th>
                            <th scope="col">{a.field_team}</th>
                            <th scope="col">{a.col_roles}</th>
                            <th scope="col">{a.col_state}</th>
                            <th scope="col">{a.col_actions}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| row.clone() let:row>
                            <PersonLine row panel confirming set_active />
                        </For>
                    </tbody>
                </table>
            </div>
        }
    };

    let body = admin_only(access, move || {
        view! {
            <p>
                <button type="button" class="primary" on:click=move |_| panel.set(Panel::New)>
                    {move || i18n.t().admin.new_person}
                </button>
                " "
                <a class="button-link" href="/admin/people/import">
                    {move || i18n.t().people_import.open}
                </a>
            </p>
            {form}
            {table}
        }
        .into_any()
    });

    view! {
        <section class="page administration people-page">
            <h1>{move || i18n.t().admin.people_title}</h1>
            <p>{move || i18n.t().admin.people_intro}</p>
            <p class="team-message" role="status">{move || message.get()}</p>
            <p class="team-alert" role="alert">{move || alert.get()}</p>
            {body}
        </section>
    }
}

/// What the people table shows of one person.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct PersonRow {
    id: PersonId,
    name: String,
    username: String,
    team: Option<String>,
    roles: BTreeSet<Role>,
    active: bool,
}

/// One person in the table, with edit, password and (de)activation.
#[component]
fn PersonLine(
    row: PersonRow,
    panel: RwSignal<Panel>,
    confirming: RwSignal<Option<PersonId>>,
    set_active: impl Fn(PersonId, &str, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let a = &t.admin;
    let p = row;
    let team = p.team.clone().unwrap_or_else(|| a.no_team.to_owned());
    let roles = ROLES
        .into_iter()
        .filter(|r| p.roles.contains(r))
        .map(|r| role_name(r, t))
        .collect::<Vec<_>>()
        .join(", ");
    let id = p.id;
    let active = p.active;
    let name = p.name.clone();
    let confirm_ref = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(el) = confirm_ref.get() {
            let _ = el.focus();
        }
    });
    let toggle = move || {
        let a = &i18n.t().admin;
        let name = name.clone();
        if confirming.get() == Some(id) {
            let question = (a.deactivate_question)(&name);
            let group_label = question.clone();
            view! {
                <span class="confirm-inline" role="group" aria-label=group_label>
                    <span>{question}</span>
                    " "
                    <button type="button" class="primary" node_ref=confirm_ref on:click=move |_| set_active(id, &name, false)>
                        {a.deactivate_confirm}
                    </button>
                    " "
                    <button type="button" class="secondary" on:click=move |_| confirming.set(None)>{a.cancel}</button>
                </span>
            }
            .into_any()
        } else if active {
            view! {
                <button type="button" class="secondary" aria-label=(a.deactivate)(&name) on:click=move |_| confirming.set(Some(id))>
                    {a.deactivate_label}
                </button>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="secondary" aria-label=(a.reactivate)(&name) on:click=move |_| set_active(id, &name, true)>
                    {a.reactivate_label}
                </button>
            }
            .into_any()
        }
    };
    view! {
        <tr class:inactive=!p.active>
            <th scope="row">{p.name.clone()}</th>
            <td>{p.username.clone()}</td>
            <td>{team}</td>
            <td>{roles}</td>
            <td>{if p.active { a.active } else { a.inactive }}</td>
            <td class="actions">
                <button type="button" class="secondary" aria-label=(a.edit_person)(&p.name) on:click=move |_| panel.set(Panel::Edit(id))>
                    {a.edit}
                </button>
                " "
                <button type="button" class="secondary" aria-label=(a.password_of)(&p.name) on:click=move |_| panel.set(Panel::Password(id))>
                    "Password"
                </button>
                " "
                {toggle}
            </td>
        </tr>
    }
}
