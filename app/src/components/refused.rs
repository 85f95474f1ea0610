use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::sync::client::use_sync;
use crate::sync::replica::Reason;

/// Changes the server refused after they were made (typically offline),
/// each with the reason, until the person dismisses them. Nothing is
/// dropped silently.
#[component]
pub fn RefusedChanges() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    move || {
        let refused = sync.refused();
        (!refused.is_empty()).then(|| {
            view! {
                <section class="refused" role="alert" aria-labelledby="refused-title">
                    <h2 id="refused-title">{move || i18n.t().refused_title}</h2>
                    <ul>
                        {refused
                            .into_iter()
                            .map(|r| {
                                let id = r.id;
                                let reason = r.reason.clone();
                                let text = move || {
                                    let t = i18n.t();
                                    match &reason {
                                        Reason::Rule { rejection } => (t.rejection)(rejection),
                                        Reason::IdInUse => t.sync.refused_id_in_use.to_string(),
                                        Reason::Request { status, message, .. } => {
                                            (t.sync.refused_request)(*status, message)
                                        }
                                    }
                                };
                                view! {
                                    <li>
                                        <span>{text}</span>
                                        <button type="button" on:click=move |_| sync.dismiss(id)>
                                            {move || i18n.t().refused_dismiss}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
