//! The public notices every page's footer links to: the accessibility
//! statement, the privacy notice and the legal notes. Each shows the text
//! the signed-in person's administration wrote, else a general one; they
//! are open to anyone, signed in or not.

use leptos::prelude::*;
use vela_domain::directory::PublicNotices;

use crate::i18n::frame::FrameTexts;
use crate::i18n::use_i18n;
use crate::sync::client::Sync;

/// Which notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    Accessibility,
    Privacy,
    Legal,
}

impl Notice {
    /// The notice a path names, if any.
    pub fn at(path: &str) -> Option<Notice> {
        match path.trim_end_matches('/') {
            "/accessibility" => Some(Notice::Accessibility),
            "/privacy" => Some(Notice::Privacy),
            "/legal" => Some(Notice::Legal),
            _ => None,
        }
    }

    pub fn path(self) -> &'static str {
        match self {
            Notice::Accessibility => "/accessibility",
            Notice::Privacy => "/privacy",
            Notice::Legal => "/legal",
        }
    }

    pub fn title(self, t: &FrameTexts) -> &'static str {
        match self {
            Notice::Accessibility => t.accessibility,
            Notice::Privacy => t.privacy,
            Notice::Legal => t.legal,
        }
    }

    fn general(self, t: &FrameTexts) -> &'static str {
        match self {
            Notice::Accessibility => t.accessibility_default,
            Notice::Privacy => t.privacy_default,
            Notice::Legal => t.legal_default,
        }
    }

    fn written(self, notices: &PublicNotices) -> &str {
        match self {
            Notice::Accessibility => &notices.accessibility,
            Notice::Privacy => &notices.privacy,
            Notice::Legal => &notices.legal,
        }
    }
}

/// Plain text as paragraphs, split at blank lines.
fn paragraphs(text: &str) -> impl IntoView {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p class="notice-text">{p.to_owned()}</p> })
        .collect_view()
}

#[component]
pub fn NoticePage(notice: Notice) -> impl IntoView {
    let i18n = use_i18n();
    // Signed out there is no state: the general text.
    let sync = use_context::<Sync>();
    let written = Memo::new(move |_| {
        sync.and_then(|s| s.organisation())
            .map(|o| (o.name.clone(), notice.written(&o.notices).to_owned()))
            .filter(|(_, text)| !text.is_empty())
    });
    view! {
        <section class="page notice">
            <h1>{move || notice.title(&i18n.t().frame)}</h1>
            {move || match written.get() {
                Some((org, text)) => view! {
                    {paragraphs(&text)}
                    <p class="notice-by">{(i18n.t().frame.published_by)(&org)}</p>
                }
                .into_any(),
                None => paragraphs(notice.general(&i18n.t().frame)).into_any(),
            }}
        </section>
    }
}
