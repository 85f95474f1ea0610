//! The administrators' form for the public notices the footer links to:
//! accessibility statement, privacy notice, legal notes.

use leptos::prelude::*;
use vela_domain::directory::{Command as Dir, PublicNotices};
use vela_domain::Command;

use crate::i18n::use_i18n;
use crate::sync::client::use_sync;

#[component]
pub fn NoticesForm(message: RwSignal<String>, alert: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    // Drafts, read once: live updates must not reset what is being typed.
    let saved = sync.organisation().map(|o| o.notices).unwrap_or_default();
    let accessibility = RwSignal::new(saved.accessibility);
    let privacy = RwSignal::new(saved.privacy);
    let legal = RwSignal::new(saved.legal);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let notices = PublicNotices {
            accessibility: accessibility.get_untracked(),
            privacy: privacy.get_untracked(),
            legal: legal.get_untracked(),
        };
        match sync.submit(Command::Directory(Dir::SetNotices { notices, org: None })) {
            Ok(()) => {
                message.set(i18n.t().frame.notices_saved.to_owned());
                alert.set(String::new());
            }
            Err(r) => alert.set((i18n.t().rejection)(&r)),
        }
    };
    let field = move |id: &'static str,
                      label: fn(&crate::i18n::frame::FrameTexts) -> &'static str,
                      text: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{move || label(&i18n.t().frame)}</label>
                <textarea
                    id=id
                    rows="8"
                    maxlength=PublicNotices::MAX_CHARS
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
            </div>
        }
    };
    view! {
        <form class="form-card notices-form" on:submit=save aria-labelledby="notices-title">
            <h2 id="notices-title">{move || i18n.t().frame.notices_title}</h2>
            <p class="hint">{move || i18n.t().frame.notices_intro}</p>
            {field("notice-accessibility", |t| t.accessibility, accessibility)}
            {field("notice-privacy", |t| t.privacy, privacy)}
            {field("notice-legal", |t| t.legal, legal)}
            <div class="form-buttons">
                <button type="submit" class="primary">{move || i18n.t().frame.save}</button>
            </div>
        </form>
    }
}
