//! The person's own requests still waiting for the lead.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{short_dates, Ctx};
use crate::i18n::use_i18n;

#[component]
pub fn PendingRequests() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = expect_context::<Ctx>();
    let pending = Memo::new(move |_| ctx.agenda.with(|a| a.pending_requests.clone()));
    let body = move || {
        let t = &i18n.t().home;
        let locale = i18n.locale();
        let list = pending.get();
        if list.is_empty() {
            return view! { <p class="empty">{t.requests_empty}</p> }.into_any();
        }
        view! {
            <ul>
                {list
                    .into_iter()
                    .map(|(_, dates)| {
                        let text = (t.request_item)(dates.len(), &short_dates(&dates, locale));
                        view! { <li><A href="/calendar">{text}</A></li> }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="home-card" aria-labelledby="home-requests">
            <h2 id="home-requests">{move || i18n.t().home.requests_title}</h2>
            {body}
        </section>
    }
}
