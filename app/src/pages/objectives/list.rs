//! "My objectives": the person's own objectives and their team's shared
//! ones for the chosen period, with the weighted overall score.

use chrono::Datelike;
use leptos::prelude::*;
use vela_domain::calendar::rome_date;
use vela_domain::objectives::{score, Objective, Owner, Status};

use super::filter::PeriodFilter;
use super::logic::Span;
use super::parts::{tx, ObjectiveCard};
use crate::i18n::use_i18n;
use crate::session::signed_in_person;
use crate::sync::client::{now, use_sync};

/// The objectives of `owner` whose period overlaps the chosen one, by end
/// date then title.
fn listed(objectives: impl Iterator<Item = Objective>, span: Span, year: i32) -> Vec<Objective> {
    let period = span.period(year);
    let mut list: Vec<Objective> = objectives.filter(|o| o.period.overlaps(&period)).collect();
    vela_domain::order::sort_by(&mut list, |a, b| {
        (a.period.until, &a.title).cmp(&(b.period.until, &b.title))
    });
    list
}

#[component]
pub fn MyObjectives() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let state = sync.state();
    let me = signed_in_person();
    let today = rome_date(now());
    let span = RwSignal::new(Span::Year);
    let year = RwSignal::new(today.year());

    // Until the first pull the state is empty: say so rather than "no objectives".
    // Narrow slices of the state, compared before anything is redrawn: the
    // lists change only when their objectives do.
    let loaded = Memo::new(move |_| state.with(|s| !s.directory.organisations.is_empty()));
    let my_team = Memo::new(move |_| {
        state.with(|s| {
            me.and_then(|m| s.directory.people.get(&m))
                .and_then(|p| p.team)
                .and_then(|t| s.directory.teams.get(&t).map(|team| (t, team.name.clone())))
        })
    });
    let leads_a_team = Memo::new(move |_| {
        state.with(|s| me.is_some_and(|m| s.directory.teams.values().any(|t| t.leads.contains(&m))))
    });
    let mine = Memo::new(move |_| {
        let Some(me) = me else { return Vec::new() };
        state.with(|s| {
            listed(
                s.objectives.of(Owner::Person(me)).cloned(),
                span.get(),
                year.get(),
            )
        })
    });
    let shared = Memo::new(move |_| match my_team.get() {
        Some((team, _)) => state.with(|s| {
            listed(
                s.objectives.of(Owner::Team(team)).cloned(),
                span.get(),
                year.get(),
            )
        }),
        None => Vec::new(),
    });

    let overall = move || {
        let t = i18n.t().objectives();
        mine.with(|list| {
            // Only commitments count: drafts and proposals are not agreed yet.
            let committed = list
                .iter()
                .filter(|o| !matches!(o.status, Status::Draft | Status::Proposed));
            match score::overall_score(committed) {
                Some(amount) => {
                    let percent = amount.thousandths() / 1_000;
                    (t.overall_score)(&format!("{percent}%"))
                }
                None => t.overall_none.to_owned(),
            }
        })
    };

    let cards = move |list: Vec<Objective>| {
        list.into_iter()
            .map(|o| view! { <ObjectiveCard objective=o today=today /> })
            .collect_view()
    };

    view! {
        <section class="page objectives">
            <h1>{tx(|t| t.mine_title)}</h1>
            <p>{tx(|t| t.mine_intro)}</p>
            <div class="objectives-toolbar">
                <a href="/objectives/new" class="button-link primary">
                    <span aria-hidden="true">"+ "</span>
                    {tx(|t| t.new_objective)}
                </a>
                {move || {
                    leads_a_team
                        .get()
                        .then(|| {
                            view! {
                                <a href="/objectives/team" class="button-link secondary">
                                    {tx(|t| t.team_overview_link)}
                                </a>
                            }
                        })
                }}
            </div>
            <PeriodFilter span=span year=year this_year=today.year() />
            <p class="overall-score" role="status">
                {overall}
            </p>
            <section aria-labelledby="personal-heading">
                <h2 id="personal-heading">{tx(|t| t.personal_heading)}</h2>
                {move || {
                    let list = mine.get();
                    if !loaded.get() {
                        view! { <p class="loading" role="status">{tx(|t| t.loading)}</p> }
                            .into_any()
                    } else if list.is_empty() {
                        view! { <p class="empty">{tx(|t| t.empty_mine)}</p> }
                            .into_any()
                    } else {
                        view! { <ul class="objective-list">{cards(list)}</ul> }.into_any()
                    }
                }}
            </section>
            {move || {
                my_team
                    .get()
                    .map(|(_, name)| {
                        view! {
                            <section aria-labelledby="shared-heading">
                                <h2 id="shared-heading">
                                    {move || (i18n.t().objectives().team_heading)(&name)}
                                </h2>
                                {move || {
                                    let list = shared.get();
                                    if list.is_empty() {
                                        view! {
                                            <p class="empty">
                                                {tx(|t| t.empty_team)}
                                            </p>
                                        }
                                            .into_any()
                                    } else {
                                        view! { <ul class="objective-list">{cards(list)}</ul> }
                                            .into_any()
                                    }
                                }}
                            </section>
                        }
                    })
            }}
        </section>
    }
}
