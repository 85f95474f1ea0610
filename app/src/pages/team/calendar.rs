//! The team calendar page: pick a team and a month, see who is where.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::calendar::{rome_date, Holidays};
use vela_domain::directory::MinOffice;
use vela_domain::ids::TeamId;
use vela_domain::State;

use super::grid::{below_days, counts_grid, DayHead, PeopleTable};
use super::{is_admin, loaded, loading_view, managed_teams};
use crate::components::icon::Icon;
use crate::components::month_grid::neighbours;
use crate::format::{day_month, long_date, month_title, short_date, weekday_short};
use crate::i18n::team::TeamTexts;
use crate::i18n::use_i18n;
use crate::session::signed_in_person;
use crate::sync::client::{now, use_sync};

/// The team the page opens on: the person's own, else the first they lead,
/// else the first by name.
fn default_team(state: &State, me: Option<vela_domain::ids::PersonId>) -> Option<TeamId> {
    me.and_then(|p| state.directory.people.get(&p))
        .and_then(|p| p.team)
        .or_else(|| managed_teams(state, me).first().map(|t| t.0))
        .or_else(|| {
            let mut teams: Vec<_> = state.directory.teams.values().collect();
            vela_domain::order::sort_by(&mut teams, |a, b| a.name.cmp(&b.name));
            teams.first().map(|t| t.id)
        })
}

/// What the page shows for the chosen team.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Loading,
    NoTeam,
    Empty,
    Names(TeamId),
    Counts(TeamId),
}

/// How much time the grid shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Span {
    Month,
    Week,
}

/// The days `span` shows around `anchor`: its month, or its week from
/// Monday (weekends only when they are working days).
fn span_days(span: Span, anchor: NaiveDate, holidays: Holidays<'_>) -> Vec<NaiveDate> {
    match span {
        Span::Month => anchor
            .with_day(1)
            .unwrap_or(anchor)
            .iter_days()
            .take_while(|d| d.month() == anchor.month())
            .collect(),
        Span::Week => {
            let monday =
                anchor - chrono::Duration::days(i64::from(anchor.weekday().num_days_from_monday()));
            monday
                .iter_days()
                .take(7)
                .filter(|d| d.weekday().num_days_from_monday() < 5 || holidays.is_working_day(*d))
                .collect()
        }
    }
}

/// The anchor one step before or after: a month (from its first day) or a week.
fn step(span: Span, anchor: NaiveDate, delta: i32) -> NaiveDate {
    match span {
        Span::Month => {
            let (previous, next) = neighbours(anchor.year(), anchor.month());
            let (year, month) = if delta < 0 { previous } else { next };
            NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(anchor)
        }
        Span::Week => anchor + chrono::Duration::days(if delta < 0 { -7 } else { 7 }),
    }
}

fn rule_text(rule: MinOffice, t: &TeamTexts) -> String {
    match rule {
        MinOffice::People(n) => (t.min_people)(n),
        MinOffice::Percent(p) => (t.min_percent)(p),
    }
}

/// The team calendar: people × days of a month with each status in a mark,
/// colour and words, the office count per day and the days under the
/// team's minimum named in words.
#[component]
pub fn TeamCalendar() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let me = signed_in_person();
    let today = rome_date(now());
    let anchor = RwSignal::new(today);
    let span = RwSignal::new(Span::Month);
    let chosen = RwSignal::new(None::<TeamId>);
    let team = Memo::new(move |_| chosen.get().or_else(|| state.with(|s| default_team(s, me))));

    let go = move |delta: i32| anchor.update(|a| *a = step(span.get_untracked(), *a, delta));

    // Compared before the options are redrawn: live updates leave the
    // select alone unless a team is added or renamed.
    let teams = Memo::new(move |_| {
        let mut teams: Vec<(TeamId, String)> = state.with(|s| {
            s.directory
                .teams
                .values()
                .map(|t| (t.id, t.name.clone()))
                .collect()
        });
        vela_domain::order::sort_by(&mut teams, |a, b| a.1.cmp(&b.1));
        teams
    });
    let team_options = move || {
        teams
            .get()
            .into_iter()
            .map(|(id, name)| {
                view! {
                    <option value=id.to_string() selected=move || team.get() == Some(id)>
                        {name}
                    </option>
                }
            })
            .collect_view()
    };

    let roles =
        Memo::new(move |_| state.with(|s| (!managed_teams(s, me).is_empty(), is_admin(s, me))));
    let links = move || {
        let t = i18n.t().team();
        let (leads, admin) = roles.get();
        view! {
            <ul class="page-links">
                {leads.then(|| view! { <li><A href="/team/rules">{t.rules_link}</A></li> })}
                {admin.then(|| view! { <li><A href="/admin/agreements">{t.agreements_link}</A></li> })}
            </ul>
        }
    };

    let days = Memo::new(move |_| {
        let locale = i18n.locale();
        let extra = use_sync()
            .organisation()
            .map(|o| o.extra_holidays)
            .unwrap_or_default();
        let holidays = Holidays { extra: &extra };
        span_days(span.get(), anchor.get(), holidays)
            .into_iter()
            .map(|date| DayHead {
                date,
                working: holidays.is_working_day(date),
                long: long_date(date, locale),
                weekday: weekday_short(date, locale),
            })
            .collect::<Vec<_>>()
    });
    // What the page shows for the chosen team; the grid's scrolling box is
    // rebuilt only when this changes, so live updates keep the scroll.
    let shape = Memo::new(move |_| {
        if !state.with(loaded) {
            return Shape::Loading;
        }
        let Some(team_id) = team.get() else {
            return Shape::NoTeam;
        };
        state.with(|s| {
            if !s.directory.teams.contains_key(&team_id) {
                Shape::NoTeam
            } else if !me.is_some_and(|me| {
                vela_domain::agile::sees_team_by_name(s, &vela_domain::Actor::Person(me), team_id)
            }) {
                Shape::Counts(team_id)
            } else if s.agile.members.get(&team_id).is_none_or(|m| m.is_empty()) {
                Shape::Empty
            } else {
                Shape::Names(team_id)
            }
        })
    });
    // "dicembre 2026" or "7 dic – 11 dic 2026".
    let period = move || {
        let locale = i18n.locale();
        match span.get() {
            Span::Month => {
                let a = anchor.get();
                month_title(a.year(), a.month(), locale)
            }
            Span::Week => days.with(|d| match (d.first(), d.last()) {
                (Some(first), Some(last)) => (i18n.t().team().week_title)(
                    &day_month(first.date, locale),
                    &short_date(last.date, locale),
                ),
                _ => String::new(),
            }),
        }
    };
    let caption = move |team_id: TeamId| {
        let name = state.with(|s| {
            s.directory
                .teams
                .get(&team_id)
                .map(|t| t.name.clone())
                .unwrap_or_default()
        });
        (i18n.t().team().grid_caption)(&name, &period())
    };
    let rule = move |team_id: TeamId| {
        let t = i18n.t().team();
        state
            .with(|s| s.directory.teams.get(&team_id).map(|x| x.min_office))
            .map(|r| (t.minimum_rule)(&rule_text(r, t)))
    };
    let counts_table = move |team_id: TeamId| {
        let t = i18n.t().team();
        let caption = caption(team_id);
        days.with(|days| state.with(|s| counts_grid(s, team_id, days, &caption, t)))
    };

    let body = move || {
        let t = i18n.t().team();
        let (team_id, names) = match shape.get() {
            Shape::Loading => return loading_view().into_any(),
            Shape::NoTeam => return view! { <p class="team-empty">{t.no_team}</p> }.into_any(),
            Shape::Empty => return view! { <p class="team-empty">{t.empty_team}</p> }.into_any(),
            Shape::Names(id) => (id, true),
            Shape::Counts(id) => (id, false),
        };
        let info = if names {
            view! {
                <div class="grid-info">
                    <p class="team-rule">{move || rule(team_id)}</p>
                    <Legend />
                </div>
            }
            .into_any()
        } else {
            view! {
                <p class="team-rule">{move || rule(team_id)}</p>
                <p class="team-note">{move || i18n.t().team().counts_only}</p>
            }
            .into_any()
        };
        let below = move || {
            names.then(|| {
                days.with(|days| state.with(|s| below_days(s, team_id, days, i18n.t().team())))
            })
        };
        view! {
            {info}
            <div
                class="team-grid-wrap"
                role="region"
                aria-label=move || caption(team_id)
                tabindex="0"
            >
                {if names {
                    view! { <PeopleTable team=team_id days today caption=Signal::derive(move || caption(team_id)) /> }
                        .into_any()
                } else {
                    (move || counts_table(team_id)).into_any()
                }}
            </div>
            {below}
        }
        .into_any()
    };

    // A new month or team starts at its first day, or at today's column in
    // the current month (the scroll box itself stays across live updates).
    Effect::new(move |_| {
        let a = anchor.get();
        team.track();
        let current =
            span.get() == Span::Month && (a.year(), a.month()) == (today.year(), today.month());
        // After the grid of the new month is in the page.
        request_animation_frame(move || {
            let document = document();
            let Ok(Some(wrap)) = document.query_selector(".team-grid-wrap") else {
                return;
            };
            let left = document
                .query_selector(".team-grid thead th.today")
                .ok()
                .flatten()
                .filter(|_| current)
                .and_then(|cell| {
                    wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&cell)
                        .map(|c| c.offset_left())
                })
                // Keep a few past days visible, left of today.
                .map_or(0, |x| (x - 260).max(0));
            wrap.set_scroll_left(left);
        });
    });

    view! {
        <section class="page team-calendar">
            <div class="page-head">
                <h1>{move || i18n.t().team().calendar_title}</h1>
                {links}
            </div>
            <div class="team-toolbar">
                <div class="field">
                    <label for="team-choice">{move || i18n.t().team().team_label}</label>
                    <select
                        id="team-choice"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            chosen.set(uuid::Uuid::parse_str(&value).ok().map(TeamId));
                        }
                    >
                        {team_options}
                    </select>
                </div>
                <div class="span-choice" role="group" aria-label=move || i18n.t().team().view_label>
                    <button
                        type="button"
                        class="secondary"
                        aria-pressed=move || (span.get() == Span::Month).to_string()
                        on:click=move |_| span.set(Span::Month)
                    >
                        {move || i18n.t().team().view_month}
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        aria-pressed=move || (span.get() == Span::Week).to_string()
                        on:click=move |_| span.set(Span::Week)
                    >
                        {move || i18n.t().team().view_week}
                    </button>
                </div>
                <div class="month-nav">
                    <button type="button" class="secondary" on:click=move |_| go(-1)>
                        <span aria-hidden="true">"‹ "</span>
                        {move || match span.get() {
                            Span::Month => i18n.t().calendar.previous_month,
                            Span::Week => i18n.t().team().previous_week,
                        }}
                    </button>
                    <h2 aria-live="polite">{period}</h2>
                    <button type="button" class="secondary" on:click=move |_| go(1)>
                        {move || match span.get() {
                            Span::Month => i18n.t().calendar.next_month,
                            Span::Week => i18n.t().team().next_week,
                        }}
                        <span aria-hidden="true">" ›"</span>
                    </button>
                    <button type="button" class="ghost" on:click=move |_| anchor.set(today)>
                        {move || match span.get() {
                            Span::Month => i18n.t().calendar.today,
                            Span::Week => i18n.t().team().this_week,
                        }}
                    </button>
                </div>
            </div>
            {body}
        </section>
    }
}

/// What the icons and colours of the grid mean.
#[component]
fn Legend() -> impl IntoView {
    let i18n = use_i18n();
    move || {
        use super::DayCell;
        use vela_domain::directory::WorkMode;
        let t = i18n.t().team();
        let items = [
            DayCell::Office,
            DayCell::Away(WorkMode::Agile),
            DayCell::Away(WorkMode::Remote),
            DayCell::Away(WorkMode::Telework),
            DayCell::Pending,
            DayCell::Rejected,
            DayCell::Absent,
        ]
        .into_iter()
        .map(|cell| {
            view! {
                <li>
                    <span class=cell.class() aria-hidden="true">
                        {cell.icon().map(|name| view! { <Icon name /> })}
                    </span>
                    {cell.words(t)}
                </li>
            }
        })
        .collect_view();
        view! {
            <div class="legend">
                <h2 class="visually-hidden">{t.legend_title}</h2>
                <ul aria-label=t.legend_title>{items}</ul>
            </div>
        }
    }
}
