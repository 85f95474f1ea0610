use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{use_i18n, Text};
use crate::session::use_session;

/// One entry of the main navigation: where it goes, its label, and the role
/// it needs (none: everyone).
struct NavItem {
    href: &'static str,
    label: Text,
    role: Option<&'static str>,
}

/// The areas of the product, one per kind of work people do in it.
const ITEMS: [NavItem; 8] = [
    NavItem {
        href: "/calendar",
        label: |t| t.nav_calendar,
        role: None,
    },
    NavItem {
        href: "/absences",
        label: |t| t.absences.nav,
        role: None,
    },
    NavItem {
        href: "/team",
        label: |t| t.nav_team,
        role: None,
    },
    NavItem {
        href: "/approvals",
        label: |t| t.nav_approvals,
        role: Some("lead"),
    },
    NavItem {
        href: "/objectives",
        label: |t| t.nav_objectives,
        role: None,
    },
    NavItem {
        href: "/webinars",
        label: |t| t.nav_webinars,
        role: None,
    },
    NavItem {
        href: "/training",
        label: |t| t.nav_training_admin,
        role: Some("trainer"),
    },
    NavItem {
        href: "/admin",
        label: |t| t.nav_administration,
        role: Some("admin"),
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
            .filter(|item| item.role.is_none_or(|role| me.has_role(role)))
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
