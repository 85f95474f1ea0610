use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::header::AppHeader;
use crate::i18n::{provide_i18n, use_i18n};
use crate::pages::home::Home;
use crate::pages::login::Login;
use crate::pages::not_found::NotFound;
use crate::pages::section::Section;
use crate::session::{provide_session, use_session};

/// The root: shared contexts, the header and, once someone is logged in,
/// one route per area of the product.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_session();
    view! {
        <Router>
            <AppHeader />
            <main id="main" tabindex="-1">
                <Gate />
            </main>
        </Router>
    }
}

/// Shows the login form until a session exists, then the requested page.
#[component]
fn Gate() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || {
        if !session.known() {
            view! { <p class="loading" role="status">{move || i18n.t().loading}</p> }.into_any()
        } else if session.me().is_none() {
            view! { <Login /> }.into_any()
        } else {
            view! { <Pages /> }.into_any()
        }
    }
}

#[component]
fn Pages() -> impl IntoView {
    view! {
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
    }
}
