use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::format::time_of_day;
use crate::i18n::use_i18n;
use crate::storage::StorageError;
use crate::sync::client::use_sync;

/// Online / offline, changes waiting, time of the last sync: always visible.
/// Below it, what needs the person: a new version to load, an outbox this
/// version cannot read, or an outbox the browser would not store.
#[component]
pub fn SyncStatus() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let text = move || {
        let t = i18n.t();
        let status = sync.status();
        let mut parts = vec![if status.online {
            t.sync_online.to_string()
        } else {
            t.sync_offline.to_string()
        }];
        let waiting = sync.waiting();
        if waiting > 0 {
            parts.push((t.sync_waiting)(waiting));
        }
        parts.push(match status.last_synced {
            Some(at) => (t.sync_last)(&time_of_day(at, i18n.locale())),
            None => t.sync_never.to_string(),
        });
        if let Some(error) = status.error {
            parts.push((t.sync_error)(&error));
        }
        parts.join(" · ")
    };
    let outdated = Memo::new(move |_| sync.status().outdated);
    let storage = Memo::new(move |_| sync.status().storage);
    let unreadable = Memo::new(move |_| sync.unreadable().is_some());
    view! {
        <p
            class="sync-status"
            class:offline=move || !sync.status().online
            role="status"
            aria-label=move || i18n.t().sync_label
        >
            <span class="sync-dot" aria-hidden="true"></span>
            {text}
        </p>
        {move || {
            outdated
                .get()
                .then(|| {
                    view! {
                        <div class="sync-notice" role="alert">
                            <p>{move || i18n.t().sync.outdated}</p>
                            <button type="button" class="primary" on:click=move |_| reload()>
                                {move || i18n.t().sync.reload}
                            </button>
                        </div>
                    }
                })
        }}
        {move || {
            unreadable
                .get()
                .then(|| {
                    let download = move |_| {
                        if let Some(u) = sync.unreadable() {
                            download(i18n.t().sync.unreadable_file, &u.text);
                        }
                    };
                    view! {
                        <div class="sync-notice" role="alert">
                            <p>{move || i18n.t().sync.unreadable}</p>
                            <button type="button" class="secondary" on:click=download>
                                {move || i18n.t().sync.unreadable_download}
                            </button>
                        </div>
                    }
                })
        }}
        {move || {
            storage
                .get()
                .map(|error| {
                    view! {
                        <div class="sync-notice" role="alert">
                            <p>
                                {move || match error {
                                    StorageError::Full => i18n.t().sync.storage_full,
                                    _ => i18n.t().sync.storage_refused,
                                }}
                            </p>
                        </div>
                    }
                })
        }}
    }
}

/// Loads the newest version: asks the service worker to look for a new
/// one first, so the reload does not start from the old shell.
fn reload() {
    let Some(window) = web_sys::window() else {
        return;
    };
    leptos::task::spawn_local(async move {
        if let Some(container) = crate::service_worker::container() {
            let found = wasm_bindgen_futures::JsFuture::from(container.get_registration()).await;
            let registration =
                found.and_then(|found| found.dyn_into::<web_sys::ServiceWorkerRegistration>());
            if let Ok(update) = registration.and_then(|registration| registration.update()) {
                // A failed check (offline) still reloads: the page is
                // fetched from the network first anyway.
                let _ = wasm_bindgen_futures::JsFuture::from(update).await;
            }
        }
        let _ = window.location().reload();
    });
}

/// Saves `text` as a file named `name` through the browser's download.
fn download(name: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(link) = document
        .create_element("a")
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
