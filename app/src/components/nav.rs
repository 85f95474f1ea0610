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
        label: |t| t.absences.nav,
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
        label: |t| t.monitoring.nav,
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
#[component]
pub fn NavBar() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || {
        let me = session.shown()?;
        let items = ITEMS
            .iter()
            .filter(|item| item.roles.is_empty() || item.roles.iter().any(|r| me.has_role(r)))
            .map(|item| {
                let label = item.label;
                view! {
                    <li>
                        <A href=item.href>{move || label(i18n.t())}</A>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <nav class="main-nav" aria-label=move || i18n.t().nav_label>
                <ul>{items}</ul>
            </nav>
        })
    }
}
