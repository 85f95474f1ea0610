use leptos::prelude::*;
use leptos_router::components::A;

use crate::areas::Piece;
use crate::i18n::{use_i18n, Text};
use crate::session::{use_session, Me};

/// One entry of the main navigation: where it goes, its label, the roles
/// that open it (any of them; none: everyone) and the pieces of the app its
/// pages need, its own first (none: in the first download).
struct NavItem {
    href: &'static str,
    label: Text,
    roles: &'static [&'static str],
    pieces: &'static [Piece],
}

/// The areas of the product, one per kind of work people do in it.
const ITEMS: [NavItem; 9] = [
    NavItem {
        href: "/calendar",
        label: |t| t.nav_calendar,
        roles: &[],
        pieces: &[],
    },
    NavItem {
        href: "/absences",
        label: |t| t.nav_absences,
        roles: &[],
        pieces: &[Piece::Absences],
    },
    NavItem {
        href: "/team",
        label: |t| t.nav_team,
        roles: &[],
        pieces: &[Piece::Team],
    },
    NavItem {
        href: "/approvals",
        label: |t| t.nav_approvals,
        roles: &["lead"],
        // A lead sets the team's office rules from there.
        pieces: &[Piece::Team, Piece::Agreements],
    },
    NavItem {
        href: "/objectives",
        label: |t| t.nav_objectives,
        roles: &[],
        pieces: &[Piece::Objectives],
    },
    NavItem {
        href: "/webinars",
        label: |t| t.nav_webinars,
        roles: &[],
        pieces: &[Piece::Webinars],
    },
    NavItem {
        href: "/training",
        label: |t| t.nav_training_admin,
        roles: &["trainer"],
        pieces: &[Piece::Training],
    },
    NavItem {
        href: "/monitoring",
        label: |t| t.nav_monitoring,
        roles: &["lead", "admin", "partnership_admin"],
        pieces: &[Piece::Monitoring],
    },
    NavItem {
        href: "/admin",
        label: |t| t.nav_administration,
        roles: &["admin"],
        pieces: &[
            Piece::Admin,
            Piece::People,
            Piece::Agreements,
            Piece::Imports,
        ],
    },
];

/// The main navigation, showing the areas the person's roles open; the
/// router marks the current page with `aria-current`.
///
/// The session is set again as sign-in completes and on each refresh of the
/// person's details; only the set of areas shown is read from it, and each
/// link is keyed, so a link someone is focusing or clicking stays the same
/// element.
#[component]
pub fn NavBar() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let shown = Memo::new(move |_| {
        session.me().map(|me| {
            ITEMS
                .iter()
                .enumerate()
                .filter(|(_, item)| opens(item, &me))
                .map(|(index, _)| index)
                .collect::<Vec<usize>>()
        })
    });
    let signed_in = Memo::new(move |_| shown.with(Option::is_some));
    move || {
        signed_in.get().then(|| {
            view! {
                <nav class="main-nav" aria-label=move || i18n.t().nav_label>
                    <ul>
                        <For
                            each=move || shown.get().unwrap_or_default()
                            key=|index| *index
                            let:index
                        >
                            <NavLink index />
                        </For>
                    </ul>
                </nav>
            }
        })
    }
}

fn opens(item: &NavItem, me: &Me) -> bool {
    item.roles.is_empty() || item.roles.iter().any(|r| me.has_role(r))
}

/// The pieces of the areas `me`'s navigation shows, each once, in the
/// navigation's order.
pub fn pieces(me: &Me) -> Vec<Piece> {
    let mut pieces = Vec::new();
    for piece in ITEMS
        .iter()
        .filter(|item| opens(item, me))
        .flat_map(|item| item.pieces.iter().copied())
    {
        if !pieces.contains(&piece) {
            pieces.push(piece);
        }
    }
    pieces
}

/// One area of the navigation.
#[component]
fn NavLink(index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let item = &ITEMS[index.min(ITEMS.len() - 1)];
    let label = item.label;
    view! {
        <li>
            <A href=item.href>{move || label(i18n.t())}</A>
        </li>
    }
}
