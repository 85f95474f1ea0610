//! Vela's icon set: small inline SVG line drawings in the text colour, so
//! every status reads the same on every platform (Unicode glyphs depend on
//! the fonts a tablet happens to have). Icons are decoration: the words
//! beside them, visible or for screen readers, carry the meaning.

use leptos::prelude::*;

/// The icons Vela draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IconName {
    Office,
    Home,
    Remote,
    Telework,
    Pending,
    Rejected,
    Absent,
    Warning,
    More,
    Bell,
    Holiday,
}

impl IconName {
    /// The drawing on a 24 × 24 grid, stroked with the current colour.
    fn path(self) -> &'static str {
        match self {
            IconName::Office => "M4 21V3h10v18M14 9h6v12M7.5 7h3M7.5 11h3M7.5 15h3M2 21h20",
            IconName::Home => "M3 11l9-8 9 8M5 9.5V21h14V9.5M10 21v-6h4v6",
            IconName::Remote => "M4 5h16v11H4zM2 19h20",
            IconName::Telework => {
                "M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11zM12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z"
            }
            IconName::Pending => "M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z",
            IconName::Rejected => "M6 6l12 12M18 6L6 18",
            IconName::Absent => "M8 12h8M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z",
            IconName::Warning => "M12 3L2 21h20zM12 10v5M12 18v.5",
            IconName::More => "M12 5v.5M12 12v.5M12 19v.5",
            IconName::Bell => "M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a2 2 0 0 0 3.4 0",
            IconName::Holiday => "M12 3l2.7 5.6 6.1.8-4.5 4.2 1.1 6.1L12 16.8 6.6 19.7l1.1-6.1-4.5-4.2 6.1-.8z",
        }
    }
}

impl IconName {
    /// The same drawing as [`Icon`], as HTML text (for views written as
    /// text, see `pages/calendar/day_button.rs`).
    pub fn markup(self) -> String {
        format!(
            r#"<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d="{}"></path></svg>"#,
            self.path()
        )
    }
}

/// One icon, hidden from assistive technology.
#[component]
pub fn Icon(name: IconName) -> impl IntoView {
    view! {
        <svg
            class="icon"
            viewBox="0 0 24 24"
            width="20"
            height="20"
            aria-hidden="true"
            focusable="false"
        >
            <path d=name.path() />
        </svg>
    }
}
