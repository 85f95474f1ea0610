use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{use_i18n, Text};
use crate::session::use_session;

/// One entry of the main navigation: where it goes, its label, and the
/// roles that open it (any of them; none: everyone).
struct NavItem {
    href: &'static str,
    label: Text,
    roles: &'static [&'static str],
}

/// The areas of the product, one per kind of work people do in it.
const ITEMS: [NavItem; 9] = [
    NavItem {
        href: "/calendar",
        label: |t| t.nav_calendar,
        roles: &[],
    },
    NavItem {
        href: "/absences",
        label: |t| t.nav_absences,
        roles: &[],
    },
    NavItem {
        href: "/team",
        label: |t| t.nav_team,
        roles: &[],
    },
    NavItem {
        href: "/approvals",
        label: |t| t.nav_approvals,
        roles: &["lead"],
    },
    NavItem {
        href: "/objectives",
        label: |t| t.nav_objectives,
        roles: &[],
    },
    NavItem {
        href: "/webinars",
        label: |t| t.nav_webinars,
        roles: &[],
    },
    NavItem {
        href: "/training",
        label: |t| t.nav_training_admin,
        roles: &["trainer"],
    },
    NavItem {
        href: "/monitoring",
        label: |t| t.nav_monitoring,
        roles: &["lead", "admin", "partnership_admin"],
    },
    NavItem {
        href: "/admin",
        label: |t| t.nav_administration,
        roles: &["admin"],
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
                .filter(|(_, item)| {
                    item.roles.is_empty() || item.roles.iter().any(|r| me.has_role(r))
                })
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
