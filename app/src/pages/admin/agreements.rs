//! The administrators' agreements page: everyone with their agreement, and
//! the form to create, edit or withdraw one.

use chrono::NaiveDate;
use leptos::prelude::*;
use vela_domain::calendar::rome_date;
use vela_domain::directory::Agreement;
use vela_domain::ids::PersonId;
use vela_domain::State;

use super::agreement_form::AgreementForm;
use super::medium_date;
use crate::i18n::team::TeamTexts;
use crate::i18n::{use_i18n, Locale};
use crate::lists::{fold, page_count, page_slice, Pager, Query, SearchField, PAGE_SIZE};
use crate::pages::team::{is_admin, loaded, loading_view, mode_name};
use crate::session::signed_in_person;
use crate::sync::client::{now, use_sync};

/// The agreement of `person` to show: the one in force today, else the
/// latest by start.
fn agreement_of(state: &State, person: PersonId, today: NaiveDate) -> Option<Agreement> {
    state
        .directory
        .agreement_on(person, today)
        .or_else(|| {
            state
                .directory
                .agreements
                .values()
                .filter(|a| a.person == person)
                .max_by_key(|a| a.valid_from)
        })
        .cloned()
}

fn summary(a: &Agreement, t: &TeamTexts, locale: Locale) -> String {
    let from = medium_date(a.valid_from, locale);
    let validity = match a.valid_until {
        Some(until) => (t.valid_between)(&from, &medium_date(until, locale)),
        None => (t.valid_open)(&from),
    };
    let mut text = (t.agreement_summary)(
        mode_name(a.mode, t),
        a.max_days_per_week,
        a.max_days_per_month,
        &validity,
    );
    if let Some(w) = a.withdrawn_from {
        text.push_str("; ");
        text.push_str(&(t.withdrawn_from)(&medium_date(w, locale)));
    }
    text
}

#[component]
pub fn Agreements() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let me = signed_in_person();
    let today = rome_date(now());
    let editing = RwSignal::new(None::<PersonId>);
    let message = RwSignal::new(String::new());
    let close = Callback::new(move |()| editing.set(None));

    let form = move || {
        let person = editing.get()?;
        // Read once: the form keeps its draft while other changes arrive.
        let (name, existing) = state.with_untracked(|s| {
            (
                s.directory
                    .people
                    .get(&person)
                    .map(|p| p.name.clone())
                    .unwrap_or_default(),
                agreement_of(s, person, today),
            )
        });
        Some(view! { <AgreementForm person name existing on_close=close message /> })
    };

    // What the table shows, compared before anything is redrawn; keyed
    // rows, so a live update redraws only the rows it changes.
    let ready = Memo::new(move |_| state.with(|s| (loaded(s), is_admin(s, me))));
    let rows = Memo::new(move |_| {
        let t = i18n.t().team();
        let locale = i18n.locale();
        state.with(|s| {
            // Only the own administration's people (the view may also hold
            // name cards of other administrations' webinar registrants).
            let mine = me.and_then(|me| s.directory.org_of_person(me));
            let mut people: Vec<_> = s
                .directory
                .people
                .values()
                .filter(|p| p.active && Some(p.org) == mine)
                .collect();
            vela_domain::order::sort_by(&mut people, |a, b| a.name.cmp(&b.name));
            people
                .into_iter()
                .map(|p| {
                    let team = p
                        .team
                        .and_then(|id| s.directory.teams.get(&id))
                        .map(|x| x.name.clone())
                        .unwrap_or_default();
                    let summary = agreement_of(s, p.id, today).map(|a| summary(&a, t, locale));
                    AgreementRow {
                        person: p.id,
                        folded: fold(&format!("{} {} {}", p.name, p.username, team)),
                        team_id: p.team,
                        name: p.name.clone(),
                        team,
                        summary,
                    }
                })
                .collect::<Vec<_>>()
        })
    });

    // A new organisation has no agreements yet: say where to start.
    let none_yet = Memo::new(move |_| {
        state.with(|s| {
            let mine = me.and_then(|me| s.directory.org_of_person(me));
            !s.directory
                .agreements
                .values()
                .any(|a| s.directory.org_of_person(a.person) == mine)
        })
    });

    let query = RwSignal::new(String::new());
    let team_filter = RwSignal::new(None::<vela_domain::ids::TeamId>);
    // Who has an agreement, who has none, or everyone.
    let with_agreement = RwSignal::new(None::<bool>);
    let page = RwSignal::new(0usize);
    let matching = Memo::new(move |_| {
        let words = Query::new(&query.get());
        let (team, has) = (team_filter.get(), with_agreement.get());
        rows.with(|rows| {
            rows.iter()
                .enumerate()
                .filter(|(_, r)| {
                    team.is_none_or(|t| r.team_id == Some(t))
                        && has.is_none_or(|h| r.summary.is_some() == h)
                        && words.matches(&r.folded)
                })
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
    let teams = Memo::new(move |_| {
        state.with(|s| {
            let mine = me.and_then(|me| s.directory.org_of_person(me));
            let mut list: Vec<_> = s
                .directory
                .teams
                .values()
                .filter(|t| Some(t.org) == mine)
                .map(|t| (t.id, t.name.clone()))
                .collect();
            vela_domain::order::sort_by(&mut list, |a, b| a.1.cmp(&b.1));
            list
        })
    });
    let filters = move || {
        let l = &i18n.t().lists;
        let t = i18n.t().team();
        view! {
            <div class="list-filters" role="search">
                <SearchField id="agreements-search" query page />
                <div class="field">
                    <label for="agreements-team">{l.filter_team}</label>
                    <select
                        id="agreements-team"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            team_filter.set(uuid::Uuid::parse_str(&v).ok().map(vela_domain::ids::TeamId));
                            page.set(0);
                        }
                    >
                        <option value="">{l.any_team}</option>
                        {move || {
                            teams
                                .get()
                                .into_iter()
                                .map(|(id, name)| view! { <option value=id.to_string()>{name}</option> })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="agreements-state">{t.col_agreement}</label>
                    <select
                        id="agreements-state"
                        on:change=move |ev| {
                            with_agreement.set(match event_target_value(&ev).as_str() {
                                "yes" => Some(true),
                                "no" => Some(false),
                                _ => None,
                            });
                            page.set(0);
                        }
                    >
                        <option value="">{l.any_state}</option>
                        <option value="yes">{l.with_agreement}</option>
                        <option value="no">{l.without_agreement}</option>
                    </select>
                </div>
            </div>
            <p class="list-count" role="status">
                {move || (i18n.t().lists.matching)(matching.with(Vec::len), rows.with(Vec::len))}
            </p>
        }
    };

    let table = move || {
        let t = i18n.t().team();
        match ready.get() {
            (false, _) => return loading_view().into_any(),
            (true, false) => {
                return view! { <p class="team-empty">{t.agreements_admin_only}</p> }.into_any()
            }
            (true, true) => {}
        }
        view! {
            {move || {
                none_yet
                    .get()
                    .then(|| view! { <p class="admin-empty">{i18n.t().admin().agreements_empty}</p> })
            }}
            {filters}
            <div class="table-wrap" role="region" tabindex="0" aria-label=t.agreements_title>
            <table class="people-table">
                <caption class="visually-hidden">{t.agreements_title}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.col_person}</th>
                        <th scope="col">{t.team_label}</th>
                        <th scope="col">{t.col_agreement}</th>
                        <th scope="col"><span class="visually-hidden">{t.col_actions}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || page_rows.get() key=|row| row.clone() let:row>
                        <AgreementLine row editing message />
                    </For>
                </tbody>
            </table>
            </div>
            <Pager page pages />
        }
        .into_any()
    };

    view! {
        <section class="page agreements">
            <h1>{move || i18n.t().team().agreements_title}</h1>
            <p>{move || i18n.t().team().agreements_intro}</p>
            <p class="team-message" role="status">{move || message.get()}</p>
            {form}
            {table}
        </section>
    }
}

/// What the agreements table shows of one person.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct AgreementRow {
    person: PersonId,
    name: String,
    team_id: Option<vela_domain::ids::TeamId>,
    team: String,
    /// Name, username and team, folded for the search.
    folded: String,
    /// The agreement in words, if there is one.
    summary: Option<String>,
}

/// One person with their agreement and the button to edit or create it.
#[component]
fn AgreementLine(
    row: AgreementRow,
    editing: RwSignal<Option<PersonId>>,
    message: RwSignal<String>,
) -> impl IntoView {
    let t = &use_i18n().t().team();
    let person = row.person;
    let (text, action, label) = match row.summary {
        Some(summary) => (summary, t.edit, (t.edit_agreement)(&row.name)),
        None => (
            t.no_agreement.to_owned(),
            t.create,
            (t.new_agreement)(&row.name),
        ),
    };
    view! {
        <tr>
            <th scope="row">{row.name}</th>
            <td>{row.team}</td>
            <td>{text}</td>
            <td>
                <button
                    type="button"
                    class="secondary"
                    aria-label=label
                    on:click=move |_| {
                        message.set(String::new());
                        editing.set(None);
                        editing.set(Some(person));
                    }
                >
                    {action}
                </button>
            </td>
        </tr>
    }
}
