use leptos::prelude::*;

use crate::format::time_of_day;
use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

/// Online / offline, changes waiting, time of the last sync: always visible.
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
    }
}
