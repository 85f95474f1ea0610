//! Creating and editing a session: Rome local date and times, trainers,
//! capacity, link, audience and materials. Every rule is the domain's: the
//! form builds the command and shows the rejection, if any.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Timelike, Utc};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use vela_domain::calendar::{rome_date, rome_midnight_utc, to_rome};
use vela_domain::directory::Role;
use vela_domain::ids::{PersonId, SessionId, TeamId};
use vela_domain::webinars::{Audience, Command as Web, MaterialInput, Session};

use super::detail::route_session;
use super::list::{iso_date, parse_date};
use super::submit;
use crate::i18n::use_i18n;
use crate::session::signed_in_person;
use crate::sync::client::{now, use_sync};

/// `"HH:MM"` as minutes after midnight.
fn parse_time(value: &str) -> Option<i64> {
    let (h, m) = value.trim().split_once(':')?;
    let (h, m): (i64, i64) = (h.parse().ok()?, m.get(..2).unwrap_or(m).parse().ok()?);
    ((0..24).contains(&h) && (0..60).contains(&m)).then_some(h * 60 + m)
}

/// The instant of a Rome wall-clock date and time.
fn rome_instant(date: &str, time: &str) -> Option<DateTime<Utc>> {
    let day = parse_date(date)?;
    let minutes = parse_time(time)?;
    let midnight = rome_midnight_utc(day);
    let guess = midnight + Duration::minutes(minutes);
    // Across a daylight-saving switch the offset at midnight differs: fix
    // by comparing the wall clock we get with the one asked for.
    let got = to_rome(guess);
    let wanted = day.and_hms_opt(0, 0, 0)? + Duration::minutes(minutes);
    Some(guess + (wanted - got))
}

/// The start and end instants of a session on `date`. An end time before
/// the start means the next day when that keeps the session within the
/// longest one allowed (an evening webinar past midnight); otherwise it
/// stays on `date`, so the rules say the end precedes the start.
fn session_times(
    date: &str,
    start: &str,
    end: &str,
) -> Option<(DateTime<Utc>, DateTime<Utc>, bool)> {
    let from = rome_instant(date, start)?;
    let until = rome_instant(date, end)?;
    if until > from {
        return Some((from, until, false));
    }
    let next_day = parse_date(date)?.succ_opt()?;
    let next = rome_instant(&iso_date(next_day), end)?;
    let longest = Duration::hours(i64::from(vela_domain::webinars::MAX_SESSION_HOURS));
    if next - from <= longest {
        Some((from, next, true))
    } else {
        Some((from, until, false))
    }
}

fn hhmm(at: DateTime<Utc>) -> String {
    let local = to_rome(at);
    format!("{:02}:{:02}", local.hour(), local.minute())
}

/// The audience radio group's choice (the teams are picked apart).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reach {
    /// The trainer's own administration.
    Organisation,
    /// Every administration of the partnership.
    Partnership,
    /// Chosen teams of the own administration.
    Teams,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Material {
    key: u32,
    title: String,
    url: String,
}

/// The form's fields.
#[derive(Clone, Copy)]
struct Fields {
    title: RwSignal<String>,
    description: RwSignal<String>,
    trainers: RwSignal<BTreeSet<PersonId>>,
    date: RwSignal<String>,
    start: RwSignal<String>,
    end: RwSignal<String>,
    capacity: RwSignal<String>,
    link: RwSignal<String>,
    audience: RwSignal<Reach>,
    teams: RwSignal<BTreeSet<TeamId>>,
    materials: RwSignal<Vec<Material>>,
    next_key: StoredValue<u32>,
}

impl Fields {
    fn new(session: Option<&Session>, me: Option<PersonId>) -> Self {
        let (date, start, end) = match session {
            Some(s) => (iso_date(rome_date(s.start)), hhmm(s.start), hhmm(s.end)),
            None => (iso_date(rome_date(now())), String::new(), String::new()),
        };
        let (audience, teams) = match session.map(|s| &s.audience) {
            Some(Audience::Teams { teams }) => (Reach::Teams, teams.clone()),
            Some(Audience::Partnership) => (Reach::Partnership, BTreeSet::new()),
            _ => (Reach::Organisation, BTreeSet::new()),
        };
        let materials: Vec<Material> = session
            .map(|s| {
                s.materials
                    .iter()
                    .enumerate()
                    .map(|(i, m)| Material {
                        key: i as u32,
                        title: m.title.clone(),
                        url: m.url.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Fields {
            title: RwSignal::new(session.map(|s| s.title.clone()).unwrap_or_default()),
            description: RwSignal::new(session.map(|s| s.description.clone()).unwrap_or_default()),
            trainers: RwSignal::new(
                session
                    .map(|s| s.trainers.clone())
                    .unwrap_or_else(|| me.into_iter().collect()),
            ),
            date: RwSignal::new(date),
            start: RwSignal::new(start),
            end: RwSignal::new(end),
            capacity: RwSignal::new(session.map(|s| s.capacity.to_string()).unwrap_or_default()),
            link: RwSignal::new(
                session
                    .and_then(|s| s.join_link.clone())
                    .unwrap_or_default(),
            ),
            audience: RwSignal::new(audience),
            teams: RwSignal::new(teams),
            next_key: StoredValue::new(materials.len() as u32),
            materials: RwSignal::new(materials),
        }
    }

    /// The command, or the message of the first field that cannot be read.
    fn command(&self, id: SessionId) -> Result<Web, &'static str> {
        let t = &use_i18n().t().webinars();
        let date = self.date.get_untracked();
        let (start, end, _) = session_times(
            &date,
            &self.start.get_untracked(),
            &self.end.get_untracked(),
        )
        .ok_or(t.f_invalid_datetime)?;
        let capacity = self
            .capacity
            .get_untracked()
            .trim()
            .parse::<u32>()
            .map_err(|_| t.f_invalid_capacity)?;
        let audience = match self.audience.get_untracked() {
            Reach::Teams => Audience::Teams {
                teams: self.teams.get_untracked(),
            },
            Reach::Partnership => Audience::Partnership,
            Reach::Organisation => Audience::Organisation,
        };
        Ok(Web::SaveSession {
            id,
            title: self.title.get_untracked(),
            description: self.description.get_untracked(),
            trainers: self.trainers.get_untracked(),
            start,
            end,
            capacity,
            join_link: self.link.get_untracked(),
            audience,
            materials: self
                .materials
                .get_untracked()
                .into_iter()
                .filter(|m| !m.title.trim().is_empty() || !m.url.trim().is_empty())
                .map(|m| MaterialInput {
                    title: m.title,
                    url: m.url,
                })
                .collect(),
        })
    }
}

#[component]
pub fn NewSession() -> impl IntoView {
    super::access::trainers_only(|| view! { <SessionForm session=None /> }.into_any())
}

#[component]
pub fn EditSession() -> impl IntoView {
    super::access::trainers_only(|| view! { <EditSessionPage /> }.into_any())
}

#[component]
fn EditSessionPage() -> impl IntoView {
    let state = use_sync().state();
    let id = route_session();
    let i18n = use_i18n();
    // Re-rendered when the session appears (first sync) or its id changes,
    // never while typing because of other changes.
    let known =
        Memo::new(move |_| id().filter(|id| state.with(|s| s.webinars.sessions.contains_key(id))));
    move || {
        let session = known
            .get()
            .and_then(|id| state.with_untracked(|s| s.webinars.sessions.get(&id).cloned()));
        match session {
            Some(session) => view! { <SessionForm session=Some(session) /> }.into_any(),
            None => view! {
                <section class="page webinars">
                    <h1>{move || i18n.t().webinars().not_found_title}</h1>
                    <p><A href="/training">{move || i18n.t().webinars().back}</A></p>
                </section>
            }
            .into_any(),
        }
    }
}

#[component]
fn SessionForm(session: Option<Session>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let navigate = use_navigate();
    let me = signed_in_person();
    let editing = session.is_some();
    let id = session
        .as_ref()
        .map_or_else(|| SessionId(uuid::Uuid::new_v4()), |s| s.id);
    let f = Fields::new(session.as_ref(), me);
    let error = RwSignal::new(None::<String>);

    // The lists the form offers follow live updates, each box a keyed row:
    // a new trainer or team adds a box without redrawing the others.
    let trainers = Memo::new(move |_| {
        state.with(|s| {
            s.directory
                .people
                .values()
                .filter(|p| p.active && p.roles.contains(&Role::Trainer))
                .map(|p| (p.id, p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let teams = Memo::new(move |_| {
        state.with(|s| {
            s.directory
                .teams
                .values()
                .map(|t| (t.id, t.name.clone()))
                .collect::<Vec<_>>()
        })
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let command = match f.command(id) {
            Ok(c) => c,
            Err(message) => {
                error.set(Some(message.to_owned()));
                return;
            }
        };
        match submit(command) {
            Ok(()) => {
                error.set(None);
                navigate(&format!("/training/sessions/{}", id.0), Default::default());
            }
            Err(e) => error.set(Some(e)),
        }
    };

    view! {
        <section class="page webinars session-form">
            <p class="breadcrumb">
                <A href="/training">{move || i18n.t().webinars().back}</A>
            </p>
            <h1>
                {move || if editing { i18n.t().webinars().form_edit } else { i18n.t().webinars().form_new }}
            </h1>
            <form on:submit=save novalidate>
                <label class="block">
                    <span>{move || i18n.t().webinars().f_title}</span>
                    <input type="text" required prop:value=move || f.title.get() on:input=move |ev| f.title.set(event_target_value(&ev)) />
                </label>
                <label class="block">
                    <span>{move || i18n.t().webinars().f_description}</span>
                    <textarea rows="4" prop:value=move || f.description.get() on:input=move |ev| f.description.set(event_target_value(&ev))></textarea>
                </label>
                <fieldset>
                    <legend>{move || i18n.t().webinars().f_trainers}</legend>
                    <For each=move || trainers.get() key=|item| item.clone() let:item>
                        <Choice id=item.0 name=item.1 set=f.trainers />
                    </For>
                </fieldset>
                <fieldset class="when">
                    <legend>{move || i18n.t().webinars().f_when}</legend>
                    <p class="hint">{move || i18n.t().webinars().f_rome_time}</p>
                    <label>
                        <span>{move || i18n.t().webinars().f_date}</span>
                        <input type="date" required prop:value=move || f.date.get() on:input=move |ev| f.date.set(event_target_value(&ev)) on:change=move |ev| f.date.set(event_target_value(&ev)) />
                    </label>
                    <label>
                        <span>{move || i18n.t().webinars().f_start}</span>
                        <input type="time" required prop:value=move || f.start.get() on:input=move |ev| f.start.set(event_target_value(&ev)) on:change=move |ev| f.start.set(event_target_value(&ev)) />
                    </label>
                    <label>
                        <span>{move || i18n.t().webinars().f_end}</span>
                        <input type="time" required prop:value=move || f.end.get() on:input=move |ev| f.end.set(event_target_value(&ev)) on:change=move |ev| f.end.set(event_target_value(&ev)) />
                    </label>
                    <p class="hint" aria-live="polite">
                        {move || {
                            let next_day = session_times(&f.date.get(), &f.start.get(), &f.end.get())
                                .is_some_and(|(_, _, next)| next);
                            next_day.then(|| i18n.t().webinars().f_ends_next_day)
                        }}
                    </p>
                </fieldset>
                <label class="block short">
                    <span>{move || i18n.t().webinars().f_capacity}</span>
                    <input type="number" min="1" step="1" inputmode="numeric" required prop:value=move || f.capacity.get() on:input=move |ev| f.capacity.set(event_target_value(&ev)) />
                </label>
                <label class="block">
                    <span>{move || i18n.t().webinars().f_link}</span>
                    <input type="url" required prop:value=move || f.link.get() on:input=move |ev| f.link.set(event_target_value(&ev)) />
                </label>
                <fieldset>
                    <legend>{move || i18n.t().webinars().f_audience}</legend>
                    <label class="check">
                        <input type="radio" name="audience" prop:checked=move || f.audience.get() == Reach::Organisation on:change=move |_| f.audience.set(Reach::Organisation) />
                        <span>{move || i18n.t().webinars().f_audience_org}</span>
                    </label>
                    <label class="check">
                        <input type="radio" name="audience" prop:checked=move || f.audience.get() == Reach::Partnership on:change=move |_| f.audience.set(Reach::Partnership) />
                        <span>{move || i18n.t().webinars().f_audience_partnership}</span>
                    </label>
                    <label class="check">
                        <input type="radio" name="audience" prop:checked=move || f.audience.get() == Reach::Teams on:change=move |_| f.audience.set(Reach::Teams) />
                        <span>{move || i18n.t().webinars().f_audience_teams}</span>
                    </label>
                    {move || {
                        (f.audience.get() == Reach::Teams)
                            .then(|| {
                                view! {
                                    <div class="team-choice">
                                        <For each=move || teams.get() key=|item| item.clone() let:item>
                                            <Choice id=item.0 name=item.1 set=f.teams />
                                        </For>
                                    </div>
                                }
                            })
                    }}
                </fieldset>
                <fieldset>
                    <legend>{move || i18n.t().webinars().f_materials}</legend>
                    <For each=move || f.materials.with(|list| list.iter().map(|m| m.key).collect::<Vec<_>>()) key=|id| *id let:id>
                        <MaterialRow id=id materials=f.materials />
                    </For>
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| {
                            let key = f.next_key.get_value();
                            f.next_key.set_value(key + 1);
                            f.materials.update(|list| list.push(Material { key, ..Default::default() }));
                        }
                    >
                        {move || i18n.t().webinars().f_add_material}
                    </button>
                </fieldset>
                {move || error.get().map(|e| view! { <p role="alert" class="form-error">{e}</p> })}
                <div class="actions">
                    <button type="submit" class="primary">{move || i18n.t().webinars().save}</button>
                </div>
            </form>
        </section>
    }
}

/// One box of a set of choices (a trainer, a team).
#[component]
fn Choice<T>(id: T, name: String, set: RwSignal<BTreeSet<T>>) -> impl IntoView
where
    T: Ord + Copy + Send + Sync + 'static,
{
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || set.with(|s| s.contains(&id))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    set.update(|s| {
                        if on {
                            s.insert(id);
                        } else {
                            s.remove(&id);
                        }
                    });
                }
            />
            <span>{name}</span>
        </label>
    }
}

/// One material: its title and address, numbered by its place in the list.
#[component]
fn MaterialRow(id: u32, materials: RwSignal<Vec<Material>>) -> impl IntoView {
    let i18n = use_i18n();
    let n = move || materials.with(|list| list.iter().position(|m| m.key == id).unwrap_or(0) + 1);
    let (title, url) = materials.with_untracked(|list| {
        list.iter()
            .find(|m| m.key == id)
            .map(|m| (m.title.clone(), m.url.clone()))
            .unwrap_or_default()
    });
    let set = move |title: Option<String>, url: Option<String>| {
        materials.update(|list| {
            if let Some(item) = list.iter_mut().find(|x| x.key == id) {
                if let Some(title) = title {
                    item.title = title;
                }
                if let Some(url) = url {
                    item.url = url;
                }
            }
        })
    };
    view! {
        <div class="material-row">
            <label>
                <span>{move || (i18n.t().webinars().f_material_title)(n())}</span>
                <input type="text" prop:value=title on:change=move |ev| set(Some(event_target_value(&ev)), None) />
            </label>
            <label>
                <span>{move || (i18n.t().webinars().f_material_url)(n())}</span>
                <input type="url" prop:value=url on:change=move |ev| set(None, Some(event_target_value(&ev))) />
            </label>
            <button
                type="button"
                class="ghost"
                on:click=move |_| materials.update(|list| list.retain(|x| x.key != id))
            >
                {move || (i18n.t().webinars().f_material_remove)(n())}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_end_before_the_start_is_the_next_day_only_within_the_longest_session() {
        let (start, end, next) = session_times("2026-12-09", "22:56", "00:26").expect("reads");
        assert!(next);
        assert_eq!(end - start, Duration::minutes(90));
        let (start, end, next) = session_times("2026-12-09", "14:00", "13:00").expect("reads");
        assert!(!next);
        assert!(end < start, "left for the rules to refuse");
        let (start, end, next) = session_times("2026-12-09", "09:00", "10:30").expect("reads");
        assert!(!next);
        assert_eq!(end - start, Duration::minutes(90));
        assert!(session_times("2026-12-09", "25:00", "10:30").is_none());
    }
}
