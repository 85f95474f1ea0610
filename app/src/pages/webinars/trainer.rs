//! The trainer's home: the sessions they give (administrators: all), and the
//! training paths.

use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::directory::Role;
use vela_domain::webinars::Session;

use super::{seats_text, use_now, when};
use crate::i18n::use_i18n;
use crate::session::signed_in_person;
use crate::sync::client::use_sync;

/// Whether the person administers the organisation.
pub(crate) fn is_admin() -> bool {
    crate::session::use_session()
        .me()
        .is_some_and(|me| me.has_role("admin"))
}

#[component]
pub fn TrainingAdmin() -> impl IntoView {
    super::access::trainers_only(|| view! { <TrainingAdminPage /> }.into_any())
}

#[component]
fn TrainingAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let me = signed_in_person();
    let admin = is_admin();
    let now = use_now();

    let sessions = move || {
        let Some(me) = me else { return Vec::new() };
        state.with(|s| {
            let mut list: Vec<Session> = s
                .webinars
                .sessions
                .values()
                .filter(|x| admin || x.trainers.contains(&me))
                .cloned()
                .collect();
            vela_domain::order::sort_by_key(&mut list, |x| std::cmp::Reverse(x.start));
            list
        })
    };
    let is_trainer = move || {
        me.is_some_and(|me| {
            state.with(|s| {
                s.directory
                    .people
                    .get(&me)
                    .is_some_and(|p| p.roles.contains(&Role::Trainer))
            })
        })
    };

    let table = move || {
        let locale = i18n.locale();
        let t = i18n.t().webinars();
        let list = sessions();
        if list.is_empty() {
            return view! { <p class="empty-state">{t.sessions_empty}</p> }.into_any();
        }
        let at = now.get();
        let rows = list
            .into_iter()
            .map(|x| {
                let manage = format!("/training/sessions/{}", x.id.0);
                let status = me.and_then(|me| state.with(|s| super::my_status(s, &x, me, at, locale)));
                let seats = state.with(|s| seats_text(s, x.id, locale));
                let label = (t.manage_named)(&x.title);
                view! {
                    <tr>
                        <th scope="row">{x.title.clone()}</th>
                        <td>{when(&x, locale)}</td>
                        <td>{seats}</td>
                        <td>{status.map(|(class, text)| view! { <span class=format!("badge {class}")>{text}</span> })}</td>
                        <td>
                            <A href=manage attr:aria-label=label attr:class="button-link">{t.manage}</A>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table class="webinar-table">
                    <thead>
                        <tr>
                            <th scope="col">{t.col_session}</th>
                            <th scope="col">{t.col_date}</th>
                            <th scope="col">{t.col_seats}</th>
                            <th scope="col">{t.col_status}</th>
                            <th scope="col">{t.col_actions}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };

    let paths = move || {
        let t = i18n.t().webinars();
        let list = state.with(|s| s.webinars.paths.values().cloned().collect::<Vec<_>>());
        if list.is_empty() {
            return view! { <p class="empty-state">{t.paths_empty}</p> }.into_any();
        }
        let items = list
            .into_iter()
            .map(|p| {
                let href = format!("/training/paths/{}", p.id.0);
                let label = (t.edit_named)(&p.title);
                view! {
                    <li>
                        <strong>{p.title.clone()}</strong>
                        {format!(" — {}", (t.path_sessions)(p.sessions.len()))}
                        " "
                        <A href=href attr:aria-label=label attr:class="button-link">{t.edit}</A>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="path-list">{items}</ul> }.into_any()
    };

    view! {
        <section class="page webinars training-admin">
            <h1>{move || i18n.t().nav_training_admin}</h1>
            <p class="intro">{move || i18n.t().webinars().admin_intro}</p>
            {move || {
                (is_trainer() || admin)
                    .then(|| {
                        view! {
                            <p class="actions">
                                <A href="/training/sessions/new" attr:class="button-link primary">
                                    {move || i18n.t().webinars().new_session}
                                </A>
                                <A href="/training/paths/new" attr:class="button-link">
                                    {move || i18n.t().webinars().new_path}
                                </A>
                            </p>
                        }
                    })
            }}
            <h2>
                {move || if admin { i18n.t().webinars().all_sessions } else { i18n.t().webinars().my_sessions }}
            </h2>
            {table}
            <h2>{move || i18n.t().webinars().paths}</h2>
            {paths}
        </section>
    }
}
