//! "My agreement": the terms of the person's individual agreements
//! (administrators write them), withdrawal with notice, and cancelling the
//! planned days of a period.

use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::directory::Agreement;

use super::day::{mode_name, place_name};
use super::fmt::{hour_minute, weekday_long};
use crate::format::long_date;
use crate::i18n::use_i18n;
use crate::session::signed_in_person;
use crate::sync::client::{now, use_sync};

/// The person's agreements, the one in force first.
#[component]
pub fn MyAgreement() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let me = signed_in_person();
    let today = vela_domain::calendar::rome_date(now());
    let feedback = super::withdraw::Feedback(RwSignal::new(None));
    provide_context(feedback);
    let agreements = Memo::new(move |_| {
        let mut list: Vec<Agreement> = state.with(|s| {
            s.directory
                .agreements
                .values()
                .filter(|a| Some(a.person) == me)
                .cloned()
                .collect()
        });
        // In force first, then the most recent.
        vela_domain::order::sort_by_key(&mut list, |a| {
            (!a.in_force(today), std::cmp::Reverse(a.valid_from))
        });
        list
    });
    let content = move || {
        let list = agreements.get();
        if list.is_empty() {
            return view! { <p class="empty">{move || i18n.t().calendar.agreement_empty}</p> }
                .into_any();
        }
        list.into_iter()
            .map(|a| {
                let withdraw = a.may_be_withdrawn(today).then(
                    || view! { <super::withdraw::WithdrawForm agreement=a.clone() today=today /> },
                );
                view! {
                    <AgreementTerms agreement=a today=today />
                    {withdraw}
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="page agreement">
            <h1>{move || i18n.t().calendar.agreement_title}</h1>
            <p>
                <A href="/calendar">{move || i18n.t().calendar.back_to_calendar}</A>
            </p>
            <p class="agreement-feedback" role="status">
                {move || {
                    feedback
                        .0
                        .get()
                        .map(|r| match r {
                            Ok(text) => view! { <span class="ok">{text}</span> }.into_any(),
                            Err(text) => view! { <span class="error">{text}</span> }.into_any(),
                        })
                }}
            </p>
            {content}
            <super::cancel_range::CancelRange />
        </section>
    }
}

/// One agreement's terms as a description list.
#[component]
fn AgreementTerms(agreement: Agreement, today: chrono::NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = &i18n.t().calendar;
        let locale = i18n.locale();
        let a = &agreement;
        let status = if a.in_force(today) {
            t.agreement_in_force
        } else if a.valid_from > today {
            t.agreement_future
        } else {
            t.agreement_ended
        };
        let validity = match a.valid_until {
            Some(until) => {
                (t.agreement_validity)(&long_date(a.valid_from, locale), &long_date(until, locale))
            }
            None => (t.agreement_open_ended)(&long_date(a.valid_from, locale)),
        };
        let withdrawal = a.withdrawn_from.map(|w| {
            view! {
                <dt>{t.agreement_withdrawn}</dt>
                <dd>{long_date(w, locale)}</dd>
            }
        });
        let weekdays = a
            .weekdays
            .iter()
            .map(|w| weekday_long(*w, locale))
            .collect::<Vec<_>>()
            .join(", ");
        let places = a
            .places
            .iter()
            .map(|p| place_name(p, t))
            .collect::<Vec<_>>()
            .join(", ");
        let contact = if a.contact_hours.is_empty() {
            t.agreement_no_contact.to_owned()
        } else {
            a.contact_hours
                .iter()
                .map(|b| format!("{}–{}", hour_minute(b.start), hour_minute(b.end)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let inoperability = (i18n.t().agreement.inoperability_band)(
            &hour_minute(vela_domain::directory::REST_STARTS),
            &hour_minute(vela_domain::directory::REST_ENDS),
        );
        view! {
            <article class="agreement-card">
                <h2>{mode_name(a.mode, t)} " — " {status}</h2>
                <dl>
                    <dt>{t.agreement_mode}</dt>
                    <dd>{mode_name(a.mode, t)}</dd>
                    <dt>{t.agreement_validity_label}</dt>
                    <dd>{validity}</dd>
                    {withdrawal}
                    <dt>{t.agreement_per_week}</dt>
                    <dd>{a.max_days_per_week}</dd>
                    <dt>{t.agreement_per_month}</dt>
                    <dd>{a.max_days_per_month}</dd>
                    <dt>{t.agreement_weekdays}</dt>
                    <dd>{weekdays}</dd>
                    <dt>{t.agreement_places}</dt>
                    <dd>{places}</dd>
                    <dt>{t.agreement_contact}</dt>
                    <dd>{contact}</dd>
                    <dt>{i18n.t().agreement.inoperability}</dt>
                    <dd>{inoperability}</dd>
                    <dt>{t.agreement_notice}</dt>
                    <dd>{(t.agreement_notice_days)(a.notice_days)}</dd>
                </dl>
                <p class="hint">{t.agreement_disconnect}</p>
            </article>
        }
    }
}
