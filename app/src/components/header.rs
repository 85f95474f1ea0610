use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use super::bell::BellSlotView;
use super::language_switch::LanguageSwitch;
use super::nav::NavBar;
use crate::i18n::use_i18n;
use crate::session::{use_session, Session};

/// The header as Italian public services have it: a slim bar with the
/// administration, who is signed in and the language; the product's own
/// header; the navigation below them.
#[component]
pub fn AppHeader() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let deployment = crate::deployment::use_deployment();
    // Said on every page, signed in or not: nobody should take sample data
    // for real plans, or type real ones into a demo.
    let demo_notice = move || {
        deployment.demo().then(|| {
            view! { <p class="demo-notice" role="note">{move || i18n.t().demo_notice}</p> }
        })
    };
    let user = move || {
        session.me().map(|me| {
            view! {
                <div class="user">
                    <span class="user-name" title=move || (i18n.t().signed_in_as)(&me.person.name)>
                        {me.person.name.clone()}
                    </span>
                    <SignOut session />
                </div>
            }
        })
    };
    view! {
        <a class="skip-link" href="#main">{move || i18n.t().skip_to_content}</a>
        {demo_notice}
        <header class="app-header">
            // The slim header names the administration offering the service.
            <div class="slim-header">
                <span class="slim-org">
                    {move || {
                        session
                            .me()
                            .map(|me| me.organisation.name)
                            .filter(|name| !name.is_empty())
                            .unwrap_or_else(|| i18n.t().frame.slim_default.to_owned())
                    }}
                </span>
                <div class="header-tools">
                    {user}
                    <LanguageSwitch />
                </div>
            </div>
            <div class="center-header">
                <A href="/" attr:class="brand">
                    <img src="/favicon.svg" alt="" width="40" height="40" />
                    <span class="brand-name">{move || i18n.t().app_name}</span>
                    <span class="brand-tagline">{move || i18n.t().tagline}</span>
                </A>
                <div class="header-tools">
                    <BellSlotView />
                </div>
            </div>
        </header>
        <NavBar />
    }
}

/// "Esci". While changes still wait for the server, a modal dialog says how
/// many and lets the person wait for them to be sent (signing out once they
/// are) or sign out anyway (they stay under the person's own key).
#[component]
fn SignOut(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = NodeRef::<html::Dialog>::new();
    let sending = RwSignal::new(false);
    let leave = move || {
        sending.set(false);
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        leptos::task::spawn_local(async move { session.logout().await });
    };
    let ask = move |_| {
        if session.waiting_untracked() == 0 {
            leave();
        } else if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    Effect::new(move |_| {
        if sending.get() && session.waiting() == 0 {
            leave();
        }
    });
    let wait = move |_| {
        sending.set(true);
        session.request_flush();
    };
    let cancel = move || {
        sending.set(false);
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    view! {
        <button type="button" class="ghost" on:click=ask>
            {move || i18n.t().logout}
        </button>
        <dialog
            node_ref=dialog
            class="sign-out"
            aria-labelledby="sign-out-title"
            aria-describedby="sign-out-waiting"
            on:close=move |_| sending.set(false)
        >
            <h2 id="sign-out-title">{move || i18n.t().sync.logout_title}</h2>
            <p id="sign-out-waiting">{move || (i18n.t().sync.logout_waiting)(session.waiting())}</p>
            <p>{move || i18n.t().sync.logout_kept}</p>
            <p role="status">{move || sending.get().then(|| i18n.t().sync.logout_sending)}</p>
            <div class="form-buttons">
                <button type="button" class="primary" on:click=wait>
                    {move || i18n.t().sync.logout_wait}
                </button>
                <button type="button" class="secondary" on:click=move |_| leave()>
                    {move || i18n.t().sync.logout_anyway}
                </button>
                <button type="button" class="ghost" on:click=move |_| cancel()>
                    {move || i18n.t().sync.logout_cancel}
                </button>
            </div>
        </dialog>
    }
}
