//! The search box of a long list; typing goes back to the first page.

use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn SearchField(
    /// The input's id (unique on the page).
    id: &'static str,
    query: RwSignal<String>,
    page: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field search-field">
            <label for=id>{move || i18n.t().lists.search}</label>
            <input
                id=id
                type="search"
                autocomplete="off"
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    page.set(0);
                }
            />
        </div>
    }
}
