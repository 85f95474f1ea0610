//! The trainers' pages are for trainers and administrators: anyone else who
//! types their address is told so before any form, as on the
//! administrators' pages (the domain refuses their changes anyway).

use leptos::prelude::*;
use vela_domain::directory::Role;

use crate::i18n::use_i18n;
use crate::pages::team::{loaded, loading_view};
use crate::session::signed_in_person;
use crate::sync::client::use_sync;

/// The page's body for trainers and administrators, a refusal for anyone
/// else; rebuilt only when that answer changes.
pub(crate) fn trainers_only(
    content: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_sync().state();
    let me = signed_in_person();
    let access = Memo::new(move |_| {
        state.with(|s| {
            let allowed = me
                .and_then(|me| s.directory.people.get(&me))
                .is_some_and(|p| {
                    p.active && (p.roles.contains(&Role::Trainer) || p.roles.contains(&Role::Admin))
                });
            (loaded(s), allowed)
        })
    });
    move || match access.get() {
        (false, _) => view! { <section class="page">{loading_view()}</section> }.into_any(),
        (true, false) => view! {
            <section class="page webinars">
                <h1>{move || i18n.t().frame.restricted_title}</h1>
                <p class="admin-empty">{move || i18n.t().frame.only_trainers}</p>
            </section>
        }
        .into_any(),
        (true, true) => content(),
    }
}
