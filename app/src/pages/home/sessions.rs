//! A trainer's next sessions with their seats and waiting lists.

use leptos::prelude::*;
use leptos_router::components::A;

use super::Ctx;
use crate::format::{long_date, time_of_day};
use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

#[component]
pub fn NextSessions() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = expect_context::<Ctx>();
    let state = use_sync().state();
    let sessions = Memo::new(move |_| {
        let list = ctx.agenda.with(|a| a.sessions.clone());
        state.with(|s| {
            list.into_iter()
                .filter_map(|x| {
                    let title = s.webinars.sessions.get(&x.session)?.title.clone();
                    Some((x, title))
                })
                .collect::<Vec<_>>()
        })
    });
    let body = move || {
        let t = &i18n.t().home;
        let locale = i18n.locale();
        let list = sessions.get();
        if list.is_empty() {
            return view! { <p class="empty">{t.sessions_empty}</p> }.into_any();
        }
        view! {
            <ul>
                {list
                    .into_iter()
                    .map(|(s, title)| {
                        let when = format!(
                            "{}, {}",
                            long_date(vela_domain::calendar::rome_date(s.start), locale),
                            time_of_day(s.start, locale),
                        );
                        view! {
                            <li>
                                <A href=format!("/training/sessions/{}", s.session)>{title}</A>
                                " — "
                                {when}
                                <br />
                                {(t.seats)(s.registered, s.capacity, s.waitlisted)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="home-card" aria-labelledby="home-sessions">
            <h2 id="home-sessions">{move || i18n.t().home.sessions_title}</h2>
            {body}
        </section>
    }
}
