use leptos::prelude::*;

use crate::i18n::use_i18n;

/// The landing page.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{move || i18n.t().home_title}</h1>
            <p>{move || i18n.t().home_intro}</p>
        </section>
    }
}
