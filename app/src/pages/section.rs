use leptos::prelude::*;

use crate::i18n::{use_i18n, Text};

/// A product area whose page is not built yet: its title and a short note.
#[component]
pub fn Section(title: Text) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{move || title(i18n.t())}</h1>
            <p>{move || i18n.t().section_coming_soon}</p>
        </section>
    }
}
