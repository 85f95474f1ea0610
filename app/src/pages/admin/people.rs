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
use crate::lists::{fold, page_count, page_slice, Pager, Query, RowMenu, SearchField, PAGE_SIZE};
use crate::session::signed_in_person;
use crate::sync::client::use_sync;

/// What is open below the list.
#[derive(Clone, Copy, PartialEq)]
enum Panel {
    Closed,
    New,
    Edit(PersonId),
    Password(PersonId),
}

/// The team filter's value for people without a team.
const NO_TEAM: &str = "none";

#[component]
pub fn People() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let state = sync.state();
    let me = signed_in_person();
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
            vela_domain::order::sort_by(&mut list, |a, b| a.1.cmp(&b.1));
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
        let t = i18n.t().admin();
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
                .map(|p| {
                    let team = p
                        .team
                        .and_then(|id| s.directory.teams.get(&id).map(|x| x.name.clone()));
                    PersonRow {
                        id: p.id,
                        folded: fold(&format!(
                            "{} {} {} {}",
                            p.name,
                            p.username,
                            p.email.as_deref().unwrap_or_default(),
                            team.as_deref().unwrap_or_default()
                        )),
                        name: p.name.clone(),
                        username: p.username.clone(),
                        team_id: p.team,
                        team,
                        roles: p.roles.clone(),
                        active: p.active,
                    }
                })
                .collect();
            vela_domain::order::sort_by(&mut people, |x, y| {
                y.active.cmp(&x.active).then_with(|| x.name.cmp(&y.name))
            });
            people
        })
    });

    // Search and filters: the rows they leave, then the page shown.
    let query = RwSignal::new(String::new());
    let team_filter = RwSignal::new(String::new());
    let role_filter = RwSignal::new(None::<Role>);
    let state_filter = RwSignal::new(None::<bool>);
    let page = RwSignal::new(0usize);
    let matching = Memo::new(move |_| {
        let words = Query::new(&query.get());
        let team = team_filter.get();
        let (role, active) = (role_filter.get(), state_filter.get());
        rows.with(|rows| {
            rows.iter()
                .enumerate()
                .filter(|(_, r)| {
                    (team.is_empty()
                        || match r.team_id {
                            Some(id) => id.to_string() == team,
                            None => team == NO_TEAM,
                        })
                        && role.is_none_or(|role| r.roles.contains(&role))
                        && active.is_none_or(|a| r.active == a)
                        && words.matches(&r.folded)
                })
                .map(|(i, _)| i)
                .collect::<Vec<usize>>()
        })
    });
    let pages = Signal::derive(move || matching.with(|m| page_count(m.len(), PAGE_SIZE)));
    let page_rows = Memo::new(move |_| {
        matching.with(|m| {
            rows.with(|rows| {
                m[page_slice(m.len(), page.get(), PAGE_SIZE)]
                    .iter()
                    .map(|&i| rows[i].clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    let team_options = move || {
        let l = &i18n.t().lists;
        let options = teams()
            .into_iter()
            .map(|(id, name)| view! { <option value=id.to_string()>{name}</option> })
            .collect_view();
        view! {
            <option value="">{l.any_team}</option>
            <option value=NO_TEAM>{l.no_team}</option>
            {options}
        }
    };
    let filters = move || {
        let l = &i18n.t().lists;
        let t = i18n.t();
        view! {
            <div class="list-filters" role="search">
                <SearchField id="people-search" query page />
                <div class="field">
                    <label for="people-team">{l.filter_team}</label>
                    <select
                        id="people-team"
                        on:change=move |ev| {
                            team_filter.set(event_target_value(&ev));
                            page.set(0);
                        }
                    >
                        {team_options}
                    </select>
                </div>
                <div class="field">
                    <label for="people-role">{l.filter_role}</label>
                    <select
                        id="people-role"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            role_filter.set(ROLES.into_iter().find(|r| format!("{r:?}") == v));
                            page.set(0);
                        }
                    >
                        <option value="">{l.any_role}</option>
                        {ROLES
                            .into_iter()
                            .map(|r| view! { <option value=format!("{r:?}")>{role_name(r, t)}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="people-state">{l.filter_state}</label>
                    <select
                        id="people-state"
                        on:change=move |ev| {
                            state_filter.set(match event_target_value(&ev).as_str() {
                                "active" => Some(true),
                                "inactive" => Some(false),
                                _ => None,
                            });
                            page.set(0);
                        }
                    >
                        <option value="">{l.any_state}</option>
                        <option value="active">{l.state_active}</option>
                        <option value="inactive">{l.state_inactive}</option>
                    </select>
                </div>
            </div>
            <p class="list-count" role="status">
                {move || (i18n.t().lists.matching)(matching.with(Vec::len), rows.with(Vec::len))}
            </p>
        }
    };

    let table = move || {
        let a = i18n.t().admin();
        view! {
            // A new organisation holds only its administrator: say what next.
            {move || {
                rows.with(|r| r.len() <= 1)
                    .then(|| view! { <p class="admin-empty">{i18n.t().admin().people_empty}</p> })
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
                        <For each=move || page_rows.get() key=|row| row.clone() let:row>
                            <PersonLine row panel confirming set_active />
                        </For>
                    </tbody>
                </table>
            </div>
            {move || {
                matching
                    .with(Vec::is_empty)
                    .then(|| view! { <p class="admin-empty">{i18n.t().lists.no_match}</p> })
            }}
            <Pager page pages />
        }
    };

    let body = admin_only(access, move || {
        view! {
            <p>
                <button type="button" class="primary" on:click=move |_| panel.set(Panel::New)>
                    {move || i18n.t().admin().new_person}
                </button>
                " "
                <a class="button-link" href="/admin/people/import">
                    {move || i18n.t().people_import().open}
                </a>
            </p>
            {form}
            {filters}
            {table}
        }
        .into_any()
    });

    view! {
        <section class="page administration people-page">
            <h1>{move || i18n.t().admin().people_title}</h1>
            <p>{move || i18n.t().admin().people_intro}</p>
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
    team_id: Option<TeamId>,
    team: Option<String>,
    /// Name, username, e-mail and team, folded for the search.
    folded: String,
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
    let a = t.admin();
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
    let row_name = p.name.clone();
    let confirm_ref = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(el) = confirm_ref.get() {
            let _ = el.focus();
        }
    });
    let toggle = move || {
        let a = i18n.t().admin();
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
                {move || {
                    if confirming.get() == Some(id) {
                        toggle().into_any()
                    } else {
                        let toggle = toggle.clone();
                        let label = (a.password_of)(&row_name);
                        view! {
                            <RowMenu row=row_name.clone()>
                                <button type="button" class="secondary" aria-label=label.clone() on:click=move |_| panel.set(Panel::Password(id))>
                                    "Password"
                                </button>
                                {toggle.clone()}
                            </RowMenu>
                        }
                        .into_any()
                    }
                }}
            </td>
        </tr>
    }
}
