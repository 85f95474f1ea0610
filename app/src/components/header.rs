use leptos::prelude::*;
use leptos_router::components::A;

use super::bell::BellSlotView;
use super::language_switch::LanguageSwitch;
use super::nav::NavBar;
use crate::i18n::use_i18n;
use crate::session::use_session;

/// The top bar: skip link, product name, who is logged in, language switch,
/// and the navigation below it.
#[component]
pub fn AppHeader() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let user = move || {
        session.shown().map(|me| {
            view! {
                <div class="user">
                    <span class="user-name" title=move || (i18n.t().signed_in_as)(&me.person.name)>
                        {me.person.name.clone()}
                    </span>
                    <button
                        type="button"
                        class="ghost"
                        on:click=move |_| leptos::task::spawn_local(async move { session.logout().await })
                    >
                        {move || i18n.t().logout}
                    </button>
                </div>
            }
        })
    };
    view! {
        <a class="skip-link" href="#main">{move || i18n.t().skip_to_content}</a>
        <header class="app-header">
            <A href="/" attr:class="brand">
                <img src="/favicon.svg" alt="" width="32" height="32" />
                <span class="brand-name">{move || i18n.t().app_name}</span>
                <span class="brand-tagline">{move || i18n.t().tagline}</span>
            </A>
            <div class="header-tools">
                <BellSlotView />
                {user}
                <LanguageSwitch />
            </div>
        </header>
        <NavBar />
    }
}
