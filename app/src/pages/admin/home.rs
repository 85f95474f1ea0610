//! The Administration page: where the rules of the work are changed, with
//! the way to the monitoring.

use leptos::prelude::*;
use leptos_router::components::A;

use vela_domain::directory::Role;

use super::{admin_access, admin_only};
use crate::i18n::use_i18n;
use crate::session::signed_in_person;
use crate::sync::client::use_sync;

/// The mail outbox in one line, so an unreachable SMTP server is noticed.
#[derive(Clone, serde::Deserialize)]
struct MailStatus {
    configured: bool,
    waiting: usize,
    failing: usize,
    #[serde(default)]
    last_error: Option<String>,
}

#[component]
fn MailLine() -> impl IntoView {
    let i18n = use_i18n();
    let status = LocalResource::new(|| crate::api::get::<MailStatus>("/api/admin/mail"));
    let line = move || {
        let t = i18n.t().notifications();
        status.get().and_then(Result::ok).map(|s| {
            if !s.configured {
                t.admin_mail_off.to_owned()
            } else if s.failing > 0 {
                (t.admin_mail_failing)(s.waiting, s.failing, s.last_error.as_deref().unwrap_or(""))
            } else {
                (t.admin_mail_ok)(s.waiting)
            }
        })
    };
    view! {
        <section class="admin-mail" aria-labelledby="mail-title">
            <h2 id="mail-title">{move || i18n.t().notifications().admin_mail_title}</h2>
            <p role="status">{line}</p>
        </section>
    }
}

#[component]
pub fn Administration() -> impl IntoView {
    let i18n = use_i18n();
    // Rebuilt only when readiness or the role changes, not on every update.
    let access = admin_access();
    let state = use_sync().state();
    let me = signed_in_person();
    // (whether the organisation has no teams yet, whether I administer the
    // partnership): changes rarely, so the page is not rebuilt on updates.
    let shape = Memo::new(move |_| {
        state.with(|s| {
            let mine = me.and_then(|me| s.directory.org_of_person(me));
            let empty = !s.directory.teams.values().any(|t| Some(t.org) == mine);
            let partnership = me
                .and_then(|me| s.directory.people.get(&me))
                .is_some_and(|p| p.roles.contains(&Role::PartnershipAdmin));
            (empty, partnership)
        })
    });
    // An organisation just set up is guided through its first steps.
    let start = move || {
        shape.get().0.then(|| {
            view! {
                <section class="admin-start" aria-labelledby="start-title">
                    <h2 id="start-title">{move || i18n.t().admin().start_title}</h2>
                    <p>{move || i18n.t().admin().start_intro}</p>
                    <ol>
                        <li><A href="/admin/teams">{move || i18n.t().admin().start_teams}</A></li>
                        <li><A href="/admin/people">{move || i18n.t().admin().start_people}</A></li>
                        <li><A href="/admin/agreements">{move || i18n.t().admin().start_agreements}</A></li>
                    </ol>
                </section>
            }
        })
    };
    let partnership = move || {
        shape.get().1.then(|| {
            view! {
                <li>
                    <A href="/admin/partnership">{move || i18n.t().admin().partnership_link}</A>
                    <span>{move || i18n.t().admin().partnership_hint}</span>
                </li>
            }
        })
    };

    let body = admin_only(access, move || {
        view! {
            {start}
            <section class="admin-tools" aria-labelledby="tools-title">
                <h2 id="tools-title">{move || i18n.t().admin().tools_title}</h2>
                <ul class="admin-links">
                    <li>
                        <A href="/admin/organisation">{move || i18n.t().admin().organisation_link}</A>
                        <span>{move || i18n.t().admin().organisation_hint}</span>
                    </li>
                    <li>
                        <A href="/admin/people">{move || i18n.t().admin().people_link}</A>
                        <span>{move || i18n.t().admin().people_hint}</span>
                    </li>
                    <li>
                        <A href="/admin/teams">{move || i18n.t().admin().teams_link}</A>
                        <span>{move || i18n.t().admin().teams_hint}</span>
                    </li>
                    <li>
                        <A href="/admin/agreements">{move || i18n.t().admin().agreements_link}</A>
                        <span>{move || i18n.t().admin().agreements_hint}</span>
                    </li>
                    <li>
                        <A href="/team/rules">{move || i18n.t().admin().rules_link}</A>
                        <span>{move || i18n.t().admin().rules_hint}</span>
                    </li>
                    <li>
                        <A href="/monitoring">{move || i18n.t().nav_monitoring}</A>
                        <span>{move || i18n.t().monitoring().admin_hint}</span>
                    </li>
                    <li>
                        <A href="/admin/audit">{move || i18n.t().audit().link}</A>
                        <span>{move || i18n.t().audit().hint}</span>
                    </li>
                    <li>
                        <A href="/admin/certificates">{move || i18n.t().certificates().verify_link}</A>
                        <span>{move || i18n.t().certificates().verify_link_hint}</span>
                    </li>
                    {partnership}
                </ul>
            </section>
            <MailLine />
        }
        .into_any()
    });

    view! {
        <section class="page administration">
            <h1>{move || i18n.t().admin().title}</h1>
            <p>{move || i18n.t().admin().intro}</p>
            {body}
        </section>
    }
}
