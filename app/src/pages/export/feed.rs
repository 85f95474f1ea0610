//! The personal feed: create it (its full URL shown once, with a Copy
//! button), make a new one (rotate) or revoke it, each after a confirmation.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use vela_domain::calendar::rome_date;

use super::clipboard;
use super::requests;
use crate::api::ApiError;
use crate::format::{long_date, time_of_day};
use crate::i18n::{use_i18n, Text};
use crate::session::use_session;

/// What the page knows of the person's feed.
#[derive(Clone, Debug, PartialEq)]
enum Feed {
    Loading,
    /// The state could not be read (offline, server error): only a retry.
    Unknown,
    None,
    /// Live. `url` (absolute) is known only right after it was made.
    Active {
        created_at: DateTime<Utc>,
        url: Option<String>,
    },
}

/// The action waiting for the person's confirmation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pending {
    Rotate,
    Revoke,
}

/// The absolute URL of a path on this server.
fn absolute(path: &str) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{path}")
}

#[component]
pub fn FeedSection() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let feed = RwSignal::new(Feed::Loading);
    let confirming = RwSignal::new(None::<Pending>);
    let busy = RwSignal::new(false);
    // role="status": what just happened. role="alert": what went wrong.
    let notice = RwSignal::new(None::<Text>);
    let error = RwSignal::new(None::<Text>);
    let copy_notice = RwSignal::new(None::<Text>);
    let url_input = NodeRef::<leptos::html::Input>::new();
    let confirm_button = NodeRef::<leptos::html::Button>::new();

    let fail = move |e: ApiError| match e {
        ApiError::Unauthorized => session.set(None),
        ApiError::Offline => error.set(Some(|t| t.export().error_offline)),
        _ => error.set(Some(|t| t.export().error_generic)),
    };

    let load = move || {
        feed.set(Feed::Loading);
        error.set(None);
        leptos::task::spawn_local(async move {
            match requests::status().await {
                Ok(s) => feed.set(match (s.active, s.created_at) {
                    (true, Some(created_at)) => Feed::Active {
                        created_at,
                        url: None,
                    },
                    _ => Feed::None,
                }),
                Err(e) => {
                    feed.set(Feed::Unknown);
                    fail(e);
                }
            }
        });
    };
    load();

    // Create or rotate: the same call; the server replaces any old token.
    let make = move |done: Text| {
        busy.set(true);
        notice.set(None);
        error.set(None);
        copy_notice.set(None);
        leptos::task::spawn_local(async move {
            let result = requests::create().await;
            busy.set(false);
            confirming.set(None);
            match result {
                Ok(new) => {
                    feed.set(Feed::Active {
                        created_at: new.created_at,
                        url: Some(absolute(&new.url)),
                    });
                    notice.set(Some(done));
                    // Take the person (and their screen reader) to the URL.
                    request_animation_frame(move || {
                        if let Some(input) = url_input.get_untracked() {
                            let _ = input.focus();
                        }
                    });
                }
                Err(e) => fail(e),
            }
        });
    };

    let revoke = move || {
        busy.set(true);
        notice.set(None);
        error.set(None);
        copy_notice.set(None);
        leptos::task::spawn_local(async move {
            let result = requests::revoke().await;
            busy.set(false);
            confirming.set(None);
            match result {
                Ok(()) => {
                    feed.set(Feed::None);
                    notice.set(Some(|t| t.export().revoked));
                }
                Err(e) => fail(e),
            }
        });
    };

    let ask = move |what: Pending| {
        confirming.set(Some(what));
        notice.set(None);
        request_animation_frame(move || {
            if let Some(button) = confirm_button.get_untracked() {
                let _ = button.focus();
            }
        });
    };

    let copy = move |url: String| {
        copy_notice.set(None);
        leptos::task::spawn_local(async move {
            if clipboard::copy(&url).await {
                copy_notice.set(Some(|t| t.export().copied));
            } else {
                // Leave it selected so Ctrl+C (or a long press) copies it.
                if let Some(input) = url_input.get_untracked() {
                    let _ = input.focus();
                    input.select();
                }
                copy_notice.set(Some(|t| t.export().copy_failed));
            }
        });
    };

    let created_text = move |at: DateTime<Utc>| {
        let locale = i18n.locale();
        let when = format!(
            "{}, {}",
            long_date(rome_date(at), locale),
            time_of_day(at, locale)
        );
        (i18n.t().export().feed_active)(&when)
    };

    let confirmation = move || {
        let what = confirming.get()?;
        let t = i18n.t().export();
        let (question, yes) = match what {
            Pending::Rotate => (t.rotate_question, t.rotate_confirm),
            Pending::Revoke => (t.revoke_question, t.revoke_confirm),
        };
        Some(view! {
            <div class="export-confirm" role="group" aria-labelledby="export-confirm-question">
                <p id="export-confirm-question">{question}</p>
                <div class="export-actions">
                    <button
                        type="button"
                        class=if what == Pending::Revoke { "primary danger" } else { "primary" }
                        node_ref=confirm_button
                        disabled=move || busy.get()
                        on:click=move |_| match what {
                            Pending::Rotate => make(|t| t.export().rotated),
                            Pending::Revoke => revoke(),
                        }
                    >
                        {move || if busy.get() { i18n.t().export().feed_working } else { yes }}
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        disabled=move || busy.get()
                        on:click=move |_| confirming.set(None)
                    >
                        {move || i18n.t().export().cancel}
                    </button>
                </div>
            </div>
        })
    };

    let body = move || {
        let t = i18n.t().export();
        match feed.get() {
            Feed::Loading => view! { <p class="loading" role="status">{t.feed_loading}</p> }.into_any(),
            Feed::Unknown => view! {
                <button type="button" class="secondary" on:click=move |_| load()>
                    {t.retry}
                </button>
            }
            .into_any(),
            Feed::None => view! {
                <p>{t.feed_none}</p>
                <button
                    type="button"
                    class="primary"
                    disabled=move || busy.get()
                    on:click=move |_| make(|t| t.export().created)
                >
                    {move || if busy.get() { i18n.t().export().feed_working } else { i18n.t().export().feed_create }}
                </button>
            }
            .into_any(),
            Feed::Active { created_at, url } => {
                let shown = url.clone().map(|url| {
                    let value = url.clone();
                    view! {
                        <label for="export-feed-url">{t.feed_url_label}</label>
                        <div class="export-url">
                            <input
                                id="export-feed-url"
                                type="text"
                                readonly
                                spellcheck="false"
                                autocomplete="off"
                                aria-describedby="export-feed-once"
                                node_ref=url_input
                                prop:value=value
                            />
                            <button type="button" class="primary" on:click=move |_| copy(url.clone())>
                                {move || i18n.t().export().copy}
                            </button>
                        </div>
                        <p id="export-feed-once" class="export-hint">{t.feed_shown_once}</p>
                        <p class="export-copy-status" role="status">
                            {move || copy_notice.get().map(|m| m(i18n.t()))}
                        </p>
                    }
                });
                let hidden = url.is_none().then(|| view! { <p class="export-hint">{t.feed_hidden}</p> });
                view! {
                    <p>{created_text(created_at)}</p>
                    {shown}
                    {hidden}
                    {move || {
                        confirming.get().is_none().then(|| view! {
                            <div class="export-actions">
                                <button
                                    type="button"
                                    class="secondary"
                                    disabled=move || busy.get()
                                    on:click=move |_| ask(Pending::Rotate)
                                >
                                    {move || i18n.t().export().rotate}
                                </button>
                                <button
                                    type="button"
                                    class="secondary danger"
                                    disabled=move || busy.get()
                                    on:click=move |_| ask(Pending::Revoke)
                                >
                                    {move || i18n.t().export().revoke}
                                </button>
                            </div>
                        })
                    }}
                    {confirmation}
                }
                .into_any()
            }
        }
    };

    view! {
        <section class="export-card" aria-labelledby="export-feed-title">
            <h2 id="export-feed-title">{move || i18n.t().export().feed_title}</h2>
            <p>{move || i18n.t().export().feed_text}</p>
            <p class="export-warning">
                <span aria-hidden="true">"⚠ "</span>
                {move || i18n.t().export().feed_secret}
            </p>
            <p class="export-notice" role="status">{move || notice.get().map(|m| m(i18n.t()))}</p>
            <p class="form-error" role="alert">{move || error.get().map(|m| m(i18n.t()))}</p>
            {body}
        </section>
    }
}
