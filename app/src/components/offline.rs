//! The offline banner: shown as soon as the browser says the network is
//! gone (or the server cannot be reached), before anything fails.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

#[component]
pub fn OfflineBanner() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let offline = Memo::new(move |_| sync.offline());
    view! {
        <Show when=move || offline.get()>
            <p class="offline-banner" role="status">
                <span aria-hidden="true">"⚠ "</span>
                {move || i18n.t().offline.banner}
            </p>
        </Show>
    }
}
