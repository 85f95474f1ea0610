//! The Administration page: where the rules of the work are changed, and
//! the month's monitoring.

use leptos::prelude::*;
use leptos_router::components::A;

use super::monitoring::Monitoring;
use super::{admin_access, admin_only};
use crate::i18n::use_i18n;

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
        let t = &i18n.t().notifications;
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
            <h2 id="mail-title">{move || i18n.t().notifications.admin_mail_title}</h2>
            <p role="status">{line}</p>
        </section>
    }
}

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
            <MailLine />
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
