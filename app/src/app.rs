use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::header::AppHeader;
use crate::i18n::provide_i18n;
use crate::pages::home::Home;
use crate::pages::not_found::NotFound;
use crate::pages::section::Section;

/// The root: shared contexts, the header and one route per area of the product.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    view! {
        <Router>
            <AppHeader />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/calendar") view=|| view! { <Section title=|t| t.nav_calendar /> } />
                    <Route path=path!("/team") view=|| view! { <Section title=|t| t.nav_team /> } />
                    <Route path=path!("/approvals") view=|| view! { <Section title=|t| t.nav_approvals /> } />
                    <Route path=path!("/objectives") view=|| view! { <Section title=|t| t.nav_objectives /> } />
                    <Route path=path!("/webinars") view=|| view! { <Section title=|t| t.nav_webinars /> } />
                    <Route path=path!("/training") view=|| view! { <Section title=|t| t.nav_training_admin /> } />
                    <Route path=path!("/admin") view=|| view! { <Section title=|t| t.nav_administration /> } />
                </Routes>
            </main>
        </Router>
    }
}
