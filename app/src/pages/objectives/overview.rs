//! `/objectives/team`: the lead's overview of each team they lead — the
//! proposals waiting for them, each person's objectives and score, the
//! team's shared objectives, the overdue ones flagged, and the team's
//! progress over the period in one line.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use vela_domain::calendar::rome_date;
use vela_domain::ids::{PersonId, TeamId};
use vela_domain::objectives::progress::{team_progress, TeamProgress};
use vela_domain::objectives::{score, Amount, Objective, Owner, Status};
use vela_domain::State;

use super::filter::PeriodFilter;
use super::logic::{is_overdue, Span};
use super::parts::{short_date, tx, Flags, ProgressBar, ScoreBar, StatusBadge};
use crate::i18n::use_i18n;
use crate::session::signed_in_person;
use crate::sync::client::{now, use_sync};

/// What the overview shows of one team.
#[derive(Clone, PartialEq)]
struct TeamView {
    id: TeamId,
    name: String,
    proposals: Vec<(String, Objective)>,
    people: Vec<(PersonId, String, Vec<Objective>)>,
    shared: Vec<Objective>,
    overdue: usize,
    progress: TeamProgress,
}

fn team_view(
    state: &State,
    team: TeamId,
    span: Span,
    year: i32,
    today: NaiveDate,
) -> Option<TeamView> {
    let name = state.directory.teams.get(&team)?.name.clone();
    let period = span.period(year);
    let in_period = |o: &&Objective| o.period.overlaps(&period);
    let sorted = |mut list: Vec<Objective>| {
        vela_domain::order::sort_by(&mut list, |a, b| {
            (a.period.until, &a.title).cmp(&(b.period.until, &b.title))
        });
        list
    };
    let mut people: Vec<(PersonId, String, Vec<Objective>)> = state
        .directory
        .people
        .values()
        .filter(|p| p.team == Some(team) && p.active)
        .map(|p| {
            let list = state
                .objectives
                .of(Owner::Person(p.id))
                .filter(in_period)
                // Drafts are the person's notebook, not the lead's business
                // — except those the lead sent back and waits for.
                .filter(|o| o.open_to_lead())
                .cloned()
                .collect();
            (p.id, p.name.clone(), sorted(list))
        })
        .collect();
    vela_domain::order::sort_by(&mut people, |a, b| a.1.cmp(&b.1));
    let shared = sorted(
        state
            .objectives
            .of(Owner::Team(team))
            .filter(in_period)
            .cloned()
            .collect(),
    );
    let proposals = people
        .iter()
        .flat_map(|(_, name, list)| {
            list.iter()
                .filter(|o| o.status == Status::Proposed)
                .map(move |o| (name.clone(), o.clone()))
        })
        .chain(
            shared
                .iter()
                .filter(|o| o.status == Status::Proposed)
                .map(|o| (name.clone(), o.clone())),
        )
        .collect();
    let overdue = people
        .iter()
        .flat_map(|(_, _, list)| list.iter())
        .chain(shared.iter())
        .filter(|o| is_overdue(o, today))
        .count();
    Some(TeamView {
        id: team,
        name,
        proposals,
        people,
        shared,
        overdue,
        progress: team_progress(state, team, period),
    })
}

#[component]
pub fn TeamOverview() -> impl IntoView {
    let state = use_sync().state();
    let me = signed_in_person();
    let today = rome_date(now());
    let span = RwSignal::new(Span::Year);
    let year = RwSignal::new(today.year());

    let teams = Memo::new(move |_| {
        let (span, year) = (span.get(), year.get());
        state.with(|s| {
            let Some(me) = me else { return Vec::new() };
            let mut led: Vec<TeamId> = s
                .directory
                .teams
                .values()
                .filter(|t| t.leads.contains(&me))
                .map(|t| t.id)
                .collect();
            vela_domain::order::sort(&mut led);
            led.into_iter()
                .filter_map(|t| team_view(s, t, span, year, today))
                .collect::<Vec<_>>()
        })
    });

    view! {
        <section class="page objectives team-overview">
            <p class="back-link">
                <a href="/objectives">
                    <span aria-hidden="true">"‹ "</span>
                    {tx(|t| t.back_to_mine)}
                </a>
            </p>
            <h1>{tx(|t| t.overview_title)}</h1>
            <p>{tx(|t| t.overview_intro)}</p>
            <PeriodFilter span=span year=year this_year=today.year() />
            {move || {
                let teams = teams.get();
                if state.with(|s| s.directory.organisations.is_empty()) {
                    view! { <p class="loading" role="status">{tx(|t| t.loading)}</p> }.into_any()
                } else if teams.is_empty() {
                    view! { <p class="empty">{tx(|t| t.not_a_lead)}</p> }.into_any()
                } else {
                    teams
                        .into_iter()
                        .map(|team| view! { <TeamSection team=team today=today /> })
                        .collect_view()
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn TeamSection(team: TeamView, today: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("team-{}", team.id);
    let h2_id = heading_id.clone();
    let name = team.name.clone();
    let overdue = team.overdue;
    let nothing = team.proposals.is_empty()
        && team.shared.is_empty()
        && team.people.iter().all(|(_, _, list)| list.is_empty());
    let proposals = team.proposals.clone();
    let people = team.people.clone();
    let shared = team.shared.clone();
    let progress = team.progress.clone();
    view! {
        <section class="team-section" aria-labelledby=heading_id>
            <h2 id=h2_id>{move || (i18n.t().objectives().overview_team)(&name)}</h2>
            <ProgressLine progress=progress />
            {(overdue > 0)
                .then(|| {
                    view! {
                        <p class="flag flag-overdue overdue-summary">
                            <span aria-hidden="true">"⚠ "</span>
                            {move || (i18n.t().objectives().overdue_count)(overdue)}
                        </p>
                    }
                })}
            {nothing.then(|| view! { <p class="empty">{tx(|t| t.overview_empty)}</p> })}
            <div class="team-columns">
                <div>
            <h3>{tx(|t| t.to_agree_heading)}</h3>
            {if proposals.is_empty() {
                view! { <p class="empty">{tx(|t| t.to_agree_empty)}</p> }.into_any()
            } else {
                view! {
                    <ul class="proposals">
                        {proposals
                            .into_iter()
                            .map(|(who, o)| {
                                let href = format!("/objectives/{}", o.id);
                                let title = o.title.clone();
                                view! {
                                    <li>
                                        <a href=href>{title}</a>
                                        " — "
                                        {who}
                                        " "
                                        <Flags objective=o today=today />
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
                </div>
                <div>
            <h3>{tx(|t| t.people_heading)}</h3>
            <div class="people-grid">
                {people
                    .into_iter()
                    .map(|(_, who, list)| view! { <PersonObjectives name=who list=list today=today /> })
                    .collect_view()}
            </div>
            {(!shared.is_empty())
                .then(|| {
                    view! {
                        <h3>{tx(|t| t.shared_heading)}</h3>
                        <ObjectiveTable list=shared today=today />
                    }
                })}
                </div>
            </div>
        </section>
    }
}

/// The team's progress over the period in one sentence (the domain's
/// `team_progress`: commitments, their weighted score, updates recorded).
#[component]
fn ProgressLine(progress: TeamProgress) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = i18n.locale();
        let t = i18n.t().objectives();
        let text = match progress.score {
            None => t.team_progress_none.to_owned(),
            Some(score) => {
                let score = crate::format::percent(
                    score.thousandths() as f64 / Amount::SCALE as f64,
                    locale,
                );
                let last = progress
                    .last_update
                    .map(|d| (t.team_progress_last)(&short_date(d, locale)))
                    .unwrap_or_default();
                format!(
                    "{}{last}.",
                    (t.team_progress)(
                        &score,
                        progress.objectives,
                        progress.achieved,
                        progress.updates
                    )
                )
            }
        };
        view! { <p class="team-progress">{text}</p> }
    }
}

/// One person: their overall score and their objectives.
#[component]
fn PersonObjectives(name: String, list: Vec<Objective>, today: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let committed: Vec<&Objective> = list
        .iter()
        .filter(|o| !matches!(o.status, Status::Draft | Status::Proposed))
        .collect();
    let overall = score::overall_score(committed).map(|a| (a.thousandths() / 1_000) as u8);
    let label_name = name.clone();
    view! {
        <article class="person-objectives">
            <h4>{name}</h4>
            {overall
                .map(|percent| {
                    view! {
                        {move || {
                            let t = i18n.t().objectives();
                            view! {
                                <ProgressBar
                                    percent=percent
                                    label=(t.person_score)(&label_name)
                                    text=(t.percent_reached)(percent)
                                />
                            }
                        }}
                    }
                })}
            {if list.is_empty() {
                view! {
                    <p class="empty">{tx(|t| t.person_no_objectives)}</p>
                }
                    .into_any()
            } else {
                view! { <ObjectiveTable list=list today=today /> }.into_any()
            }}
        </article>
    }
}

/// Objectives as a table: title, status (and flags), due date, score.
#[component]
fn ObjectiveTable(list: Vec<Objective>, today: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let rows = list
        .into_iter()
        .map(|o| {
            let href = format!("/objectives/{}", o.id);
            let title = o.title.clone();
            let link_text = title.clone();
            let until = o.period.until;
            let percent = score::score_whole_percent(&o);
            let status = o.status;
            view! {
                <tr>
                    <th scope="row">
                        <a href=href>{link_text}</a>
                    </th>
                    <td>
                        <StatusBadge status=status />
                        " "
                        <Flags objective=o today=today />
                    </td>
                    <td>{move || short_date(until, i18n.locale())}</td>
                    <td>
                        <ScoreBar percent=percent title=title.clone() />
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="objective-table">
            <thead>
                <tr>
                    <th scope="col">{tx(|t| t.col_objective)}</th>
                    <th scope="col">{tx(|t| t.col_status)}</th>
                    <th scope="col">{tx(|t| t.col_until)}</th>
                    <th scope="col">{tx(|t| t.col_score)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
