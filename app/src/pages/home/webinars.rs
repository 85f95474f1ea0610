//! The webinars the person holds a seat for or waits for.

use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::webinars::RegistrationStatus;

use super::Ctx;
use crate::format::{long_date, time_of_day};
use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

#[component]
pub fn NextWebinars() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = expect_context::<Ctx>();
    let state = use_sync().state();
    let next = Memo::new(move |_| {
        let ids = ctx.agenda.with(|a| a.next_webinars.clone());
        state.with(|s| {
            ids.into_iter()
                .filter_map(|(id, status)| {
                    let session = s.webinars.sessions.get(&id)?;
                    Some((id, session.title.clone(), session.start, status))
                })
                .collect::<Vec<_>>()
        })
    });
    let body = move || {
        let t = &i18n.t().home;
        let locale = i18n.locale();
        let list = next.get();
        if list.is_empty() {
            return view! { <p class="empty">{t.webinars_empty}</p> }.into_any();
        }
        view! {
            <ul>
                {list
                    .into_iter()
                    .map(|(id, title, start, status)| {
                        let when = format!(
                            "{}, {}",
                            long_date(vela_domain::calendar::rome_date(start), locale),
                            time_of_day(start, locale),
                        );
                        let status = match status {
                            RegistrationStatus::Waitlisted => t.waitlisted,
                            _ => t.registered,
                        };
                        view! {
                            <li>
                                <A href=format!("/webinars/{id}")>{title}</A>
                                " — "
                                {when}
                                " ("
                                {status}
                                ")"
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="home-card" aria-labelledby="home-webinars">
            <h2 id="home-webinars">{move || i18n.t().home.webinars_title}</h2>
            {body}
            <A href="/webinars">{move || i18n.t().home.browse_webinars}</A>
        </section>
    }
}
