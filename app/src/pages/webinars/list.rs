//! The employee's catalogue: upcoming sessions open to them, with filters by
//! training path, date and free seats.

use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::calendar::rome_midnight_utc;
use vela_domain::ids::PathId;
use vela_domain::webinars::{RegistrationStatus, Session, SessionStatus};

use super::{
    audience_text, my_status, seats_text, trainer_names, use_now, when, PromotionNotice,
    WebinarTabs,
};
use crate::i18n::use_i18n;
use crate::session::signed_in_person;
use crate::sync::client::use_sync;

/// `"2026-11-25"` as a date.
pub(crate) fn parse_date(value: &str) -> Option<chrono::NaiveDate> {
    let mut parts = value.trim().splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    chrono::NaiveDate::from_ymd_opt(year, month, day)
}

#[component]
pub fn WebinarList() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let me = signed_in_person();
    let now = use_now();
    let path = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let free_only = RwSignal::new(false);

    // Compared before the options are redrawn: a live update elsewhere
    // leaves the filter's select alone.
    let paths = Memo::new(move |_| {
        state.with(|s| {
            s.webinars
                .paths
                .values()
                .map(|p| (p.id, p.title.clone()))
                .collect::<Vec<_>>()
        })
    });

    // The sessions to show: open to the person (or registered for, so that a
    // cancelled one still shows), not yet over, matching the filters.
    let sessions = move || {
        let at = now.get();
        let chosen_path = uuid::Uuid::parse_str(&path.get()).ok().map(PathId);
        let from_day = super::list::parse_date(&from.get());
        let free_only = free_only.get();
        state.with(|s| {
            let Some(me) = me else { return Vec::new() };
            let person = s.directory.people.get(&me);
            let part = &s.webinars;
            let mut list: Vec<Session> = part
                .sessions
                .values()
                .filter(|session| session.end > at)
                .filter(|session| {
                    let registered = part
                        .registration(session.id, me)
                        .is_some_and(|r| r.status != RegistrationStatus::Cancelled);
                    match session.status {
                        SessionStatus::Cancelled => registered,
                        SessionStatus::Scheduled => {
                            registered
                                || person.is_some_and(|p| session.is_open_to(p))
                                || session.trainers.contains(&me)
                        }
                    }
                })
                .filter(|session| {
                    chosen_path.is_none_or(|p| {
                        part.paths
                            .get(&p)
                            .is_some_and(|p| p.sessions.contains(&session.id))
                    })
                })
                .filter(|session| from_day.is_none_or(|d| session.end > rome_midnight_utc(d)))
                .filter(|session| {
                    !free_only || part.seats(session.id).is_some_and(|seats| seats.free > 0)
                })
                .cloned()
                .collect();
            vela_domain::order::sort_by_key(&mut list, |s| (s.start, s.id));
            list
        })
    };
    let filtered = move || !path.get().is_empty() || !from.get().is_empty() || free_only.get();

    let cards = move || {
        let locale = i18n.locale();
        let t = i18n.t().webinars();
        let list = sessions();
        if list.is_empty() {
            let text = if filtered() {
                t.list_empty_filtered
            } else {
                t.list_empty
            };
            return view! { <p class="empty-state">{text}</p> }.into_any();
        }
        let at = now.get();
        let count = (t.list_count)(list.len());
        let items = list
            .into_iter()
            .map(|session| {
                let (trainers, audience, seats, status, path_names) = state.with(|s| {
                    (
                        trainer_names(s, &session),
                        audience_text(s, &session, me, locale),
                        seats_text(s, session.id, locale),
                        me.and_then(|me| my_status(s, &session, me, at, locale)),
                        s.webinars
                            .paths_with(session.id)
                            .map(|p| p.title.clone())
                            .collect::<Vec<_>>()
                            .join(", "),
                    )
                });
                let href = format!("/webinars/{}", session.id.0);
                let title = session.title.clone();
                let cancelled = session.status == SessionStatus::Cancelled;
                view! {
                    <li class="webinar-card" class:cancelled=cancelled>
                        <h2>
                            <A href=href>{title}</A>
                        </h2>
                        <p class="webinar-when">{when(&session, locale)}</p>
                        <p class="webinar-trainers">{format!("{}: {trainers}", t.trainers)}</p>
                        <p class="webinar-audience">{audience}</p>
                        {(!path_names.is_empty())
                            .then(|| view! { <p class="webinar-path">{format!("{}: {path_names}", t.path_label)}</p> })}
                        <p class="webinar-seats">{seats}</p>
                        {status.map(|(class, text)| {
                            view! { <p class=format!("badge {class}")>{text}</p> }
                        })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="webinar-count" role="status">{count}</p>
            <ul class="webinar-cards">{items}</ul>
        }
        .into_any()
    };

    view! {
        <section class="page webinars">
            <h1>{move || i18n.t().nav_webinars}</h1>
            <WebinarTabs />
            <PromotionNotice />
            <p class="intro">{move || i18n.t().webinars().list_intro}</p>
            <fieldset class="webinar-filters">
                <legend>{move || i18n.t().webinars().filters_legend}</legend>
                <label>
                    <span>{move || i18n.t().webinars().filter_path}</span>
                    <select on:change=move |ev| path.set(event_target_value(&ev)) prop:value=move || path.get()>
                        <option value="">{move || i18n.t().webinars().filter_all_paths}</option>
                        <For each=move || paths.get() key=|item| item.clone() let:item>
                            <option value=item.0.0.to_string() selected=move || path.with(|p| *p == item.0.0.to_string())>{item.1}</option>
                        </For>
                    </select>
                </label>
                <label>
                    <span>{move || i18n.t().webinars().filter_from}</span>
                    <input
                        type="date"
                        prop:value=move || from.get()
                        on:input=move |ev| from.set(event_target_value(&ev))
                        on:change=move |ev| from.set(event_target_value(&ev))
                    />
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || free_only.get()
                        on:change=move |ev| free_only.set(event_target_checked(&ev))
                    />
                    <span>{move || i18n.t().webinars().filter_free}</span>
                </label>
                <button
                    type="button"
                    class="ghost"
                    on:click=move |_| {
                        path.set(String::new());
                        from.set(String::new());
                        free_only.set(false);
                    }
                >
                    {move || i18n.t().webinars().filter_reset}
                </button>
            </fieldset>
            {cards}
        </section>
    }
}

/// A date as `"YYYY-MM-DD"` (the date inputs' format).
pub(crate) fn iso_date(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}
