//! The Administration page: where the rules of the work are changed, and
//! the month's monitoring.

use leptos::prelude::*;
use leptos_router::components::A;

use super::monitoring::Monitoring;
use crate::i18n::use_i18n;
use crate::pages::team::{is_admin, loaded, loading_view, my_id};
use crate::sync::client::use_sync;

#[component]
pub fn Administration() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let me = my_id();
    // Rebuilt only when readiness or the role changes, not on every update.
    let access = Memo::new(move |_| state.with(|s| (loaded(s), is_admin(s, me))));

    let body = move || {
        let t = &i18n.t().admin;
        match access.get() {
            (false, _) => loading_view().into_any(),
            (true, false) => view! { <p class="admin-empty">{t.only_admins}</p> }.into_any(),
            (true, true) => view! {
                <section class="admin-tools" aria-labelledby="tools-title">
                    <h2 id="tools-title">{move || i18n.t().admin.tools_title}</h2>
                    <ul class="admin-links">
                        <li>
                            <A href="/admin/organisation">{move || i18n.t().admin.organisation_link}</A>
                            <span>{move || i18n.t().admin.organisation_hint}</span>
                        </li>
                        <li>
                            <A href="/admin/people">{move || i18n.t().admin.people_link}</A>
                            <span>{move || i18n.t().admin.people_hint}</span>
                        </li>
                        <li>
                            <A href="/admin/teams">{move || i18n.t().admin.teams_link}</A>
                            <span>{move || i18n.t().admin.teams_hint}</span>
                        </li>
                        <li>
                            <A href="/admin/agreements">{move || i18n.t().admin.agreements_link}</A>
                            <span>{move || i18n.t().admin.agreements_hint}</span>
                        </li>
                        <li>
                            <A href="/team/rules">{move || i18n.t().admin.rules_link}</A>
                            <span>{move || i18n.t().admin.rules_hint}</span>
                        </li>
                    </ul>
                </section>
                <Monitoring />
            }
            .into_any(),
        }
    };

    view! {
        <section class="page administration">
            <h1>{move || i18n.t().admin.title}</h1>
            <p>{move || i18n.t().admin.intro}</p>
            {body}
        </section>
    }
}
