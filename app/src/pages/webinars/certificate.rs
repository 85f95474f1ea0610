//! `/certificates/session/:id` and `/certificates/path/:id`: the signed-in
//! person's certificate of attendance (*attestato di partecipazione*) for a
//! session they attended or a path they completed, made to be printed —
//! the print stylesheet leaves out the navigation and the buttons. Only
//! their own: the facts and the verification code are the domain's
//! (`webinars::certificate`), computed from their synced view.

use crate::routes::use_params_map;
use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::ids::{PathId, SessionId};
use vela_domain::webinars::certificate::{for_path, for_session, Certificate, CertificateKind};

use super::duration;
use crate::format::long_date;
use crate::i18n::use_i18n;
use crate::pages::team::{loaded, loading_view};
use crate::session::signed_in_person;
use crate::sync::client::use_sync;

#[component]
pub fn CertificatePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let params = use_params_map();
    let me = signed_in_person();
    let found = Memo::new(move |_| {
        let (kind, id) = params.with(|p| {
            (
                p.get("kind").unwrap_or_default(),
                p.get("id").and_then(|id| uuid::Uuid::parse_str(&id).ok()),
            )
        });
        let (me, id) = (me?, id?);
        state.with(|s| match kind.as_str() {
            "session" => for_session(s, me, SessionId(id)),
            "path" => for_path(s, me, PathId(id)),
            _ => None,
        })
    });
    let is_loaded = Memo::new(move |_| state.with(loaded));
    let body = move || match found.get() {
        Some(certificate) => view! { <CertificateSheet certificate /> }.into_any(),
        None if !is_loaded.get() => loading_view().into_any(),
        None => view! {
            <h1>{move || i18n.t().certificates().title}</h1>
            <p class="empty-state" role="alert">{move || i18n.t().certificates().none}</p>
        }
        .into_any(),
    };
    view! {
        <section class="page certificate-page">
            <div class="certificate-actions">
                <crate::components::print_button::PrintButton label=|t| t.certificates().print />
                <A href="/webinars/mine" attr:class="print-button">
                    {move || i18n.t().certificates().back}
                </A>
            </div>
            {body}
        </section>
    }
}

/// The certificate itself: what a printout holds.
#[component]
fn CertificateSheet(certificate: Certificate) -> impl IntoView {
    let i18n = use_i18n();
    let c = certificate;
    move || {
        let locale = i18n.locale();
        let t = i18n.t().certificates();
        let states = match c.kind {
            CertificateKind::Session => (t.states_session)(&c.name, &c.title),
            CertificateKind::Path => (t.states_path)(&c.name, &c.title),
        };
        let rows = c
            .sessions
            .iter()
            .map(|s| {
                view! {
                    <tr>
                        <th scope="row">{s.title.clone()}</th>
                        <td>{long_date(s.date, locale)}</td>
                        <td>{duration(s.minutes)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <article class="certificate" aria-labelledby="certificate-title">
                <p class="certificate-organisation">{c.organisation.clone()}</p>
                <h1 id="certificate-title">{t.title}</h1>
                <p class="certificate-statement">{states}</p>
                <dl class="certificate-facts">
                    <dt>{t.person_label}</dt>
                    <dd>{c.name.clone()}</dd>
                    <dt>{t.hours_label}</dt>
                    <dd>{duration(c.minutes)}</dd>
                    <dt>{t.date_label}</dt>
                    <dd>{long_date(c.date, locale)}</dd>
                </dl>
                <div class="table-wrap" role="region" tabindex="0" aria-label=t.sessions_caption>
                    <table class="webinar-table">
                        <caption>{t.sessions_caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t.col_session}</th>
                                <th scope="col">{t.col_date}</th>
                                <th scope="col">{t.col_duration}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p class="certificate-code">
                    {t.code_label}": "
                    <strong class="code">{c.code.clone()}</strong>
                </p>
                <p class="certificate-hint">{t.code_hint}</p>
            </article>
        }
    }
}
