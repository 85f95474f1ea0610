//! The administrators' teams page: each team with its leads, members and
//! minimum presence; add or rename a team, choose its leads.

use leptos::prelude::*;
use vela_domain::directory::{MinOffice, Role, Team};
use vela_domain::ids::{PersonId, TeamId};

use super::team_form::{LeadsForm, TeamForm};
use super::{admin_access, admin_only};
use crate::i18n::use_i18n;
use crate::lists::{fold, page_count, page_slice, Pager, Query, RowMenu, SearchField, PAGE_SIZE};
use crate::session::signed_in_person;
use crate::sync::client::use_sync;

#[derive(Clone, Copy, PartialEq)]
enum Panel {
    Closed,
    New,
    Edit(TeamId),
    Leads(TeamId),
}

#[component]
pub fn Teams() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let me = signed_in_person();
    let access = admin_access();
    let panel = RwSignal::new(Panel::Closed);
    let message = RwSignal::new(String::new());
    let close = Callback::new(move |()| panel.set(Panel::Closed));

    let team = move |id: TeamId| state.with_untracked(|s| s.directory.teams.get(&id).cloned());
    let candidates = move || {
        state.with_untracked(|s| {
            let mine = me.and_then(|me| s.directory.org_of_person(me));
            let mut list: Vec<(PersonId, String)> = s
                .directory
                .people
                .values()
                .filter(|p| p.active && Some(p.org) == mine && p.roles.contains(&Role::Lead))
                .map(|p| (p.id, p.name.clone()))
                .collect();
            vela_domain::order::sort_by(&mut list, |a, b| a.1.cmp(&b.1));
            list
        })
    };
    // Read once when a panel opens: the form keeps its draft meanwhile.
    let form = move || match panel.get() {
        Panel::Closed => None,
        Panel::New => Some(view! { <TeamForm existing=None on_close=close message /> }.into_any()),
        Panel::Edit(id) => team(id)
            .map(|t| view! { <TeamForm existing=Some(t) on_close=close message /> }.into_any()),
        Panel::Leads(id) => team(id).map(|t| {
            view! { <LeadsForm team=t candidates=candidates() on_close=close message /> }.into_any()
        }),
    };

    // Keyed rows: a live update redraws only the rows it changes.
    let rows = Memo::new(move |_| {
        let a = i18n.t().admin();
        state.with(|s| {
            let mut teams: Vec<&Team> = s.directory.teams.values().collect();
            vela_domain::order::sort_by(&mut teams, |x, y| x.name.cmp(&y.name));
            teams
                .into_iter()
                .map(|t| {
                    let mut leads: Vec<String> = t
                        .leads
                        .iter()
                        .filter_map(|id| s.directory.people.get(id).map(|p| p.name.clone()))
                        .collect();
                    vela_domain::order::sort(&mut leads);
                    let members = s.directory.members(t.id).filter(|p| p.active).count();
                    TeamRow {
                        id: t.id,
                        folded: fold(&format!("{} {}", t.name, leads.join(" "))),
                        name: t.name.clone(),
                        leads: leads.join(", "),
                        members,
                        minimum: match t.min_office {
                            MinOffice::People(n) => (a.minimum_people)(n),
                            MinOffice::Percent(p) => (a.minimum_percent)(p),
                        },
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let query = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let matching = Memo::new(move |_| {
        let words = Query::new(&query.get());
        rows.with(|rows| {
            rows.iter()
                .enumerate()
                .filter(|(_, r)| words.matches(&r.folded))
                .map(|(i, _)| i)
                .collect::<Vec<usize>>()
        })
    });
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
    let pages = Signal::derive(move || matching.with(|m| page_count(m.len(), PAGE_SIZE)));
    let table = move || {
        let a = i18n.t().admin();
        view! {
            <div class="list-filters" role="search">
                <SearchField id="teams-search" query page />
            </div>
            <p class="list-count" role="status">
                {move || (i18n.t().lists.matching)(matching.with(Vec::len), rows.with(Vec::len))}
            </p>
            <div class="table-wrap" role="region" tabindex="0" aria-label=a.teams_table>
                <table class="admin-table people-admin">
                    <caption>{a.teams_table}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{a.col_team}</th>
                            <th scope="col">{a.col_leads}</th>
                            <th scope="col">{a.col_members}</th>
                            <th scope="col">{a.col_minimum}</th>
                            <th scope="col">{a.col_actions}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || page_rows.get() key=|row| row.clone() let:row>
                            <TeamLine row panel />
                        </For>
                    </tbody>
                </table>
            </div>
            <Pager page pages />
        }
        .into_any()
    };

    let body = admin_only(access, move || {
        view! {
            <p>
                <button type="button" class="primary" on:click=move |_| panel.set(Panel::New)>
                    {move || i18n.t().admin().new_team}
                </button>
            </p>
            {form}
            {move || {
                rows.with(Vec::is_empty)
                    .then(|| view! { <p class="admin-empty">{i18n.t().admin().teams_empty}</p> })
            }}
            {table}
        }
        .into_any()
    });

    view! {
        <section class="page administration teams-page">
            <h1>{move || i18n.t().admin().teams_title}</h1>
            <p>{move || i18n.t().admin().teams_intro}</p>
            <p class="team-message" role="status">{move || message.get()}</p>
            {body}
        </section>
    }
}

/// What the teams table shows of one team.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct TeamRow {
    id: TeamId,
    name: String,
    leads: String,
    /// Name and leads, folded for the search.
    folded: String,
    members: usize,
    /// The minimum presence in words.
    minimum: String,
}

/// One team in the table, with its edit and leads buttons.
#[component]
fn TeamLine(row: TeamRow, panel: RwSignal<Panel>) -> impl IntoView {
    let a = use_i18n().t().admin();
    let id = row.id;
    view! {
        <tr>
            <th scope="row">{row.name.clone()}</th>
            <td>{if row.leads.is_empty() { a.no_leads.to_owned() } else { row.leads.clone() }}</td>
            <td>{row.members}</td>
            <td>{row.minimum.clone()}</td>
            <td class="actions">
                <button type="button" class="secondary"
                    aria-label=(a.team_form_edit)(&row.name)
                    on:click=move |_| panel.set(Panel::Edit(id))>
                    {a.edit}
                </button>
                <RowMenu row=row.name.clone()>
                    <button type="button" class="secondary"
                        aria-label=(a.leads_of)(&row.name)
                        on:click=move |_| panel.set(Panel::Leads(id))>
                        {a.leads_label}
                    </button>
                </RowMenu>
            </td>
        </tr>
    }
}
