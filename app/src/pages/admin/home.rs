//! The Administration page: where the rules of the work are changed, and
//! the month's monitoring.

use leptos::prelude::*;
use leptos_router::components::A;

use super::monitoring::Monitoring;
use super::{admin_access, admin_only};
use crate::i18n::use_i18n;

#[component]
pub fn Administration() -> impl IntoView {
    let i18n = use_i18n();
    // Rebuilt only when readiness or the role changes, not on every update.
    let access = admin_access();

    let body = admin_only(access, move || {
        view! {
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
        .into_any()
    });

    view! {
        <section class="page administration">
            <h1>{move || i18n.t().admin.title}</h1>
            <p>{move || i18n.t().admin.intro}</p>
            {body}
        </section>
    }
}
