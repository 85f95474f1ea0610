use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{use_i18n, Texts};

/// One entry of the main navigation: where it goes and its label.
struct NavItem {
    href: &'static str,
    label: fn(&Texts) -> &'static str,
}

/// The areas of the product (design.md §1). Which ones a person sees will
/// depend on their roles once sessions exist.
const ITEMS: [NavItem; 7] = [
    NavItem {
        href: "/calendar",
        label: |t| t.nav_calendar,
    },
    NavItem {
        href: "/team",
        label: |t| t.nav_team,
    },
    NavItem {
        href: "/approvals",
        label: |t| t.nav_approvals,
    },
    NavItem {
        href: "/objectives",
        label: |t| t.nav_objectives,
    },
    NavItem {
        href: "/webinars",
        label: |t| t.nav_webinars,
    },
    NavItem {
        href: "/training",
        label: |t| t.nav_training_admin,
    },
    NavItem {
        href: "/admin",
        label: |t| t.nav_administration,
    },
];

/// The main navigation; the router marks the current page with `aria-current`.
#[component]
pub fn NavBar() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="main-nav" aria-label=move || i18n.t().nav_label>
            <ul>
                {ITEMS
                    .iter()
                    .map(|item| {
                        let label = item.label;
                        view! {
                            <li>
                                <A href=item.href>{move || label(i18n.t())}</A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
