//! Administration › Verify a certificate (`/admin/certificates`): an
//! administrator types the code printed on a certificate of attendance and
//! sees what it certifies — person, session(s), hours, date — as the server
//! reads it now from the attendance records (`GET /api/certificates/{code}`),
//! or that the code is not valid. Asked of the server, not of the synced
//! state: the check must not trust what the browser holds.

use leptos::prelude::*;
use vela_domain::webinars::certificate::{Certificate, CertificateKind};

use super::{admin_access, admin_only};
use crate::api::ApiError;
use crate::format::long_date;
use crate::i18n::use_i18n;
use crate::pages::webinars::duration;

/// What the last check answered.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Checking,
    Valid(Box<Certificate>),
    Invalid,
    Failed(ApiError),
}

#[component]
pub fn VerifyCertificate() -> impl IntoView {
    let i18n = use_i18n();
    let access = admin_access();
    // Outside the body: a live update never resets what was typed.
    let code = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let body = admin_only(access, move || {
        view! { <VerifyForm code outcome /> }.into_any()
    });
    view! {
        <section class="page administration verify-certificate">
            <h1>{move || i18n.t().certificates().verify_title}</h1>
            <p>{move || i18n.t().certificates().verify_intro}</p>
            {body}
        </section>
    }
}

#[component]
fn VerifyForm(code: RwSignal<String>, outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let i18n = use_i18n();
    let missing = RwSignal::new(false);
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked().trim().to_owned();
        if typed.is_empty() {
            missing.set(true);
            outcome.set(None);
            return;
        }
        missing.set(false);
        outcome.set(Some(Outcome::Checking));
        let path = format!(
            "/api/certificates/{}",
            String::from(js_sys::encode_uri_component(&typed))
        );
        leptos::task::spawn_local(async move {
            let answer = match crate::api::get::<Certificate>(&path).await {
                Ok(c) => Outcome::Valid(Box::new(c)),
                Err(ApiError::Server { status: 404, .. }) => Outcome::Invalid,
                Err(e) => Outcome::Failed(e),
            };
            outcome.set(Some(answer));
        });
    };
    view! {
        <form class="verify-form" on:submit=check novalidate>
            <label for="certificate-code">{move || i18n.t().certificates().verify_label}</label>
            <input
                id="certificate-code"
                type="text"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="certificate-code-hint"
                aria-invalid=move || missing.get().to_string()
                prop:value=move || code.get()
                on:input=move |ev| code.set(event_target_value(&ev))
            />
            <p id="certificate-code-hint" class="hint">{move || i18n.t().certificates().verify_hint}</p>
            <button type="submit" class="primary">{move || i18n.t().certificates().verify_submit}</button>
        </form>
        <div class="verify-outcome" role="status">
            {move || missing.get().then(|| view! { <p class="form-error">{i18n.t().certificates().verify_empty}</p> })}
            {move || outcome.get().map(|o| view! { <OutcomeView outcome=o /> })}
        </div>
    }
}

#[component]
fn OutcomeView(outcome: Outcome) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = i18n.locale();
        let t = i18n.t().certificates();
        match &outcome {
            Outcome::Checking => view! { <p class="loading">{t.verify_checking}</p> }.into_any(),
            Outcome::Invalid => {
                view! { <p class="verify-invalid"><span aria-hidden="true">"✗ "</span>{t.verify_invalid}</p> }
                    .into_any()
            }
            Outcome::Failed(error) => {
                let reason = match error {
                    ApiError::Offline => t.verify_offline.to_owned(),
                    ApiError::Server { message, .. } => (t.verify_failed)(message),
                    other => (t.verify_failed)(&format!("{other:?}")),
                };
                view! { <p class="form-error">{reason}</p> }.into_any()
            }
            Outcome::Valid(c) => {
                let kind = match c.kind {
                    CertificateKind::Session => t.kind_session,
                    CertificateKind::Path => t.kind_path,
                };
                let sessions = c
                    .sessions
                    .iter()
                    .map(|s| {
                        view! {
                            <li>{format!("{} — {}, {}", s.title, long_date(s.date, locale), duration(s.minutes))}</li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="verify-valid" aria-labelledby="verify-valid-heading">
                        <h2 id="verify-valid-heading">
                            <span aria-hidden="true">"✓ "</span>
                            {t.verify_valid}
                        </h2>
                        <dl class="certificate-facts">
                            <dt>{t.code_label}</dt>
                            <dd class="code">{c.code.clone()}</dd>
                            <dt>{t.organisation_label}</dt>
                            <dd>{c.organisation.clone()}</dd>
                            <dt>{t.person_label}</dt>
                            <dd>{c.name.clone()}</dd>
                            <dt>{t.kind_label}</dt>
                            <dd>{kind}</dd>
                            <dt>{t.title_label}</dt>
                            <dd>{c.title.clone()}</dd>
                            <dt>{t.hours_label}</dt>
                            <dd>{duration(c.minutes)}</dd>
                            <dt>{t.date_label}</dt>
                            <dd>{long_date(c.date, locale)}</dd>
                            <dt>{t.sessions_caption}</dt>
                            <dd><ul class="verify-sessions">{sessions}</ul></dd>
                        </dl>
                    </section>
                }
                .into_any()
            }
        }
    }
}
