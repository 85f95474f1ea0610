//! The public notices the footer links to (`pages/notice.rs`): open to
//! anyone, read rarely, so not in the first download.

use leptos::prelude::*;

use crate::pages::notice::{Notice, NoticePage};

super::area!(notices {
    Accessibility => accessibility,
    Privacy => privacy,
    Legal => legal,
});

impl Page {
    /// The page of a notice.
    pub fn of(notice: Notice) -> Page {
        match notice {
            Notice::Accessibility => Page::Accessibility,
            Notice::Privacy => Page::Privacy,
            Notice::Legal => Page::Legal,
        }
    }
}

fn accessibility() -> impl IntoView {
    view! { <NoticePage notice=Notice::Accessibility /> }
}

fn privacy() -> impl IntoView {
    view! { <NoticePage notice=Notice::Privacy /> }
}

fn legal() -> impl IntoView {
    view! { <NoticePage notice=Notice::Legal /> }
}
