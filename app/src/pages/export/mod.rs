//! "Export calendar" (/calendar/export): the person's agile days and
//! webinars for their own calendar app — a one-off .ics download and a
//! personal feed URL to subscribe to, with how-to notes for common apps.

mod clipboard;
mod feed;
mod requests;

use leptos::prelude::*;

use crate::i18n::use_i18n;
use feed::FeedSection;

/// Where the server sends the signed-in person's calendar.
const DOWNLOAD: &str = "/api/calendar.ics";

#[component]
pub fn ExportCalendar() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().export();
    view! {
        <section class="page export">
            <h1>{move || t().title}</h1>
            <p class="export-intro">{move || t().intro}</p>
            <section class="export-card" aria-labelledby="export-download-title">
                <h2 id="export-download-title">{move || t().download_title}</h2>
                <p>{move || t().download_text}</p>
                <a class="export-download" href=DOWNLOAD download="vela.ics">
                    <span aria-hidden="true">"⤓"</span>
                    {move || t().download_link}
                </a>
            </section>
            <FeedSection />
            <section class="export-card" aria-labelledby="export-howto-title">
                <h2 id="export-howto-title">{move || t().howto_title}</h2>
                <p>{move || t().howto_intro}</p>
                <dl class="export-apps">
                    {move || {
                        t().howto_apps
                            .iter()
                            .map(|app| view! {
                                <dt>{app.name}</dt>
                                <dd>{app.steps}</dd>
                            })
                            .collect_view()
                    }}
                </dl>
                <p class="export-hint">{move || t().howto_refresh}</p>
            </section>
        </section>
    }
}
