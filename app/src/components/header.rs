use leptos::prelude::*;
use leptos_router::components::A;

use super::language_switch::LanguageSwitch;
use super::nav::NavBar;
use crate::i18n::use_i18n;

/// The top bar: skip link, product name, navigation and language switch.
#[component]
pub fn AppHeader() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{move || i18n.t().skip_to_content}</a>
        <header class="app-header">
            <A href="/" attr:class="brand">
                <img src="/favicon.svg" alt="" width="32" height="32" />
                <span class="brand-name">{move || i18n.t().app_name}</span>
                <span class="brand-tagline">{move || i18n.t().tagline}</span>
            </A>
            <LanguageSwitch />
        </header>
        <NavBar />
    }
}
