use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::use_i18n;

/// Shown for an address that matches no page.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{move || i18n.t().not_found_title}</h1>
            <p>{move || i18n.t().not_found_text}</p>
            <A href="/">{move || i18n.t().not_found_back}</A>
        </section>
    }
}
