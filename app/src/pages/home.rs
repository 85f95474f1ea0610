use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

/// The landing page.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let organisation = move || sync.organisation().map(|o| o.name).unwrap_or_default();
    view! {
        <section class="page">
            <h1>{move || i18n.t().home_title}</h1>
            <p class="organisation">{organisation}</p>
            <p>{move || i18n.t().home_intro}</p>
        </section>
    }
}
