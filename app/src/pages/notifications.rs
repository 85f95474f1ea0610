//! The notifications page: the signed-in person's notifications, newest
//! first, each with a link to what it is about; mark one or all as read.

use leptos::prelude::*;
use leptos_router::components::A;
use vela_domain::notifications::{Command as NoteCommand, Kind, Notification};
use vela_domain::Command;

use crate::format::{long_date, time_of_day};
use crate::i18n::{use_i18n, Locale};
use crate::pages::team::{loaded, loading_view};
use crate::sync::client::use_sync;

/// Where a notification leads: the approvals page at the request for a
/// lead, one's calendar for one's own days, the session, the objective, the
/// agreement.
pub fn target(n: &Notification) -> String {
    match n.kind {
        Kind::DaysRequested | Kind::DaysCancelled | Kind::RequestPending => n
            .request
            .map(|r| format!("/approvals?request={r}"))
            .unwrap_or_else(|| "/approvals".into()),
        Kind::DaysApproved
        | Kind::DaysApprovedUnderCoverage
        | Kind::DaysRejected
        | Kind::DaysWithdrawn
        | Kind::ActivityMissing => "/calendar".into(),
        Kind::ObjectiveProposed
        | Kind::ObjectiveAssigned
        | Kind::ObjectiveAgreed
        | Kind::ObjectiveSentBack
        | Kind::ObjectiveReviewed => n
            .objective
            .map(|o| format!("/objectives/{o}"))
            .unwrap_or_else(|| "/objectives".into()),
        Kind::RegistrationConfirmed
        | Kind::Promoted
        | Kind::SessionChanged
        | Kind::SessionCancelled
        | Kind::WebinarTomorrow
        | Kind::WebinarSoon => n
            .session
            .map(|s| format!("/webinars/{s}"))
            .unwrap_or_else(|| "/webinars".into()),
        Kind::AgreementWithdrawn | Kind::AgreementEnding if n.person.is_some() => {
            "/admin/agreements".into()
        }
        Kind::AgreementWithdrawn | Kind::AgreementEnding => "/agreement".into(),
    }
}

/// The sentence of a notification in `locale`.
pub fn sentence(n: &Notification, locale: Locale) -> String {
    let dates = n
        .dates
        .iter()
        .map(|d| long_date(*d, locale))
        .collect::<Vec<_>>()
        .join(", ");
    let start = n
        .start
        .map(|s| {
            let day = long_date(vela_domain::calendar::rome_date(s), locale);
            format!("{day} {}", time_of_day(s, locale))
        })
        .unwrap_or_default();
    (locale.texts().notifications().message)(n, &dates, &start)
}

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let state = sync.state();
    let me = sync.me();
    let alert = RwSignal::new(String::new());
    let ready = Memo::new(move |_| state.with(loaded));
    let list = Memo::new(move |_| {
        me.map(|me| {
            state.with(|s| {
                s.notifications
                    .newest_first(me)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
        .unwrap_or_default()
    });
    let unread = Memo::new(move |_| list.with(|l| l.iter().filter(|n| !n.read).count()));

    let submit = move |command: NoteCommand| match sync.submit(Command::Notifications(command)) {
        Ok(()) => alert.set(String::new()),
        Err(r) => alert.set((i18n.t().rejection)(&r)),
    };

    let row = move |n: Notification| {
        let id = n.id.clone();
        let read = n.read;
        let href = target(&n);
        let n_text = n.clone();
        let text = move || sentence(&n_text, i18n.locale());
        let when = move || {
            let locale = i18n.locale();
            format!(
                "{} {}",
                long_date(vela_domain::calendar::rome_date(n.at), locale),
                time_of_day(n.at, locale)
            )
        };
        let id_open = id.clone();
        let mark = (!read).then(|| {
            view! {
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| submit(NoteCommand::MarkRead { ids: vec![id.clone()] })
                >
                    {move || i18n.t().notifications().mark_read}
                </button>
            }
        });
        view! {
            <li class="notification" class:unread=!read>
                {(!read).then(|| view! {
                    <span class="badge">{move || i18n.t().notifications().unread_badge}</span>
                })}
                <p class="notification-text">
                    <A
                        href=href
                        on:click=move |_| {
                            if !read {
                                submit(NoteCommand::MarkRead { ids: vec![id_open.clone()] });
                            }
                        }
                    >
                        {text}
                    </A>
                </p>
                <p class="notification-when">{when}</p>
                {mark}
            </li>
        }
    };

    let body = move || {
        if !ready.get() {
            return loading_view().into_any();
        }
        if list.with(Vec::is_empty) {
            return view! { <p class="empty">{move || i18n.t().notifications().empty}</p> }
                .into_any();
        }
        view! {
            <ul class="notifications">
                <For
                    each=move || list.get()
                    key=|n| (n.id.clone(), n.read)
                    children=row
                />
            </ul>
        }
        .into_any()
    };

    view! {
        <section class="page notifications-page">
            <h1>{move || i18n.t().notifications().title}</h1>
            <p>{move || i18n.t().notifications().intro}</p>
            <p class="team-alert" role="alert">{move || alert.get()}</p>
            <div class="actions">
                <button
                    type="button"
                    disabled=move || unread.get() == 0
                    on:click=move |_| submit(NoteCommand::MarkAllRead {})
                >
                    {move || i18n.t().notifications().mark_all_read}
                </button>
                <A href="/profile">{move || i18n.t().notifications().nav_profile}</A>
            </div>
            {body}
        </section>
    }
}
