//! "My training": the sessions the person attended (each with its
//! certificate), their total training hours, their upcoming registrations,
//! and their progress along their training paths.

use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::calendar::rome_date;
use vela_domain::webinars::report::hours_by_person;
use vela_domain::webinars::{RegistrationStatus, Session, SessionStatus};

use super::progress::MyPaths;
use super::{duration, my_status, use_now, PromotionNotice, WebinarTabs};
use crate::format::long_date;
use crate::i18n::use_i18n;
use crate::session::signed_in_person;
use crate::sync::client::use_sync;

#[component]
pub fn MyTraining() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let me = signed_in_person();
    let now = use_now();

    let attended = move || {
        let Some(me) = me else { return Vec::new() };
        state.with(|s| {
            let mut list: Vec<Session> = s
                .webinars
                .sessions
                .values()
                .filter(|x| x.status == SessionStatus::Scheduled && s.webinars.attended(x.id, me))
                .cloned()
                .collect();
            vela_domain::order::sort_by_key(&mut list, |x| std::cmp::Reverse(x.start));
            list
        })
    };
    let total = move || {
        let Some(me) = me else { return 0 };
        state.with(|s| {
            hours_by_person(s)
                .into_iter()
                .filter(|row| row.person == me)
                .map(|row| row.minutes)
                .sum::<u32>()
        })
    };
    let upcoming = move || {
        let Some(me) = me else { return Vec::new() };
        let at = now.get();
        state.with(|s| {
            let mut list: Vec<Session> = s
                .webinars
                .sessions
                .values()
                .filter(|x| x.end > at)
                .filter(|x| {
                    s.webinars
                        .registration(x.id, me)
                        .is_some_and(|r| r.status != RegistrationStatus::Cancelled)
                })
                .cloned()
                .collect();
            vela_domain::order::sort_by_key(&mut list, |x| x.start);
            list
        })
    };

    let attended_view = move || {
        let locale = i18n.locale();
        let t = i18n.t().webinars();
        let list = attended();
        if list.is_empty() {
            return view! { <p class="empty-state">{t.mine_attended_empty}</p> }.into_any();
        }
        let rows = list
            .into_iter()
            .map(|x| {
                let href = format!("/webinars/{}", x.id.0);
                let certificate = format!("/certificates/session/{}", x.id.0);
                let title = x.title.clone();
                let c = i18n.t().certificates();
                view! {
                    <tr>
                        <th scope="row"><A href=href>{title}</A></th>
                        <td>{long_date(rome_date(x.start), locale)}</td>
                        <td>{duration(x.minutes())}</td>
                        <td>
                            <A href=certificate attr:aria-label=(c.certificate_for)(&x.title)>
                                {c.certificate_link}
                            </A>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="webinar-table">
                <thead>
                    <tr>
                        <th scope="col">{t.col_session}</th>
                        <th scope="col">{t.col_date}</th>
                        <th scope="col">{t.col_duration}</th>
                        <th scope="col">{i18n.t().certificates().col_certificate}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };

    let upcoming_view = move || {
        let locale = i18n.locale();
        let t = i18n.t().webinars();
        let list = upcoming();
        if list.is_empty() {
            return view! { <p class="empty-state">{t.mine_upcoming_empty}</p> }.into_any();
        }
        let at = now.get();
        let items = list
            .into_iter()
            .map(|x| {
                let href = format!("/webinars/{}", x.id.0);
                let title = x.title.clone();
                let status = me.and_then(|me| state.with(|s| my_status(s, &x, me, at, locale)));
                view! {
                    <li>
                        <A href=href>{title}</A>
                        {format!(" — {}", super::when(&x, locale))}
                        {status.map(|(class, text)| view! { <span class=format!("badge {class}")>{text}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="webinar-upcoming">{items}</ul> }.into_any()
    };

    view! {
        <section class="page webinars">
            <h1>{move || i18n.t().webinars().tab_mine}</h1>
            <WebinarTabs />
            <PromotionNotice />
            <p class="intro">{move || i18n.t().webinars().mine_intro}</p>
            <p class="training-total" role="status">
                <strong>{move || (i18n.t().webinars().mine_total)(&duration(total()))}</strong>
            </p>
            <h2>{move || i18n.t().webinars().mine_attended}</h2>
            {attended_view}
            <h2>{move || i18n.t().webinars().mine_upcoming}</h2>
            {upcoming_view}
            <MyPaths />
        </section>
    }
}
