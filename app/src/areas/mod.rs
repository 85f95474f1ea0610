//! The areas of the app that are downloaded when first visited, each its
//! own piece of WebAssembly: the calendar, home and the pages every person
//! uses stay in the first download; these wait until someone opens them.
//!
//! A split point is a function marked `#[wasm_split(<piece>, …)]`: the
//! build (`xtask/src/split.rs`) moves it, and everything only it reaches,
//! into `<piece>`'s file. Each area has one such function taking the page
//! to show, and [`lazy_routes!`] gives each page a route type for
//! `leptos_router::Lazy`. Code two areas share goes into a chunk both load.

pub mod objectives;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::i18n::use_i18n;

/// Declares a `LazyRoute` type per page of one area: `$load` is the area's
/// split function, `$page` what it is given for that route.
macro_rules! lazy_routes {
    ($load:path { $($route:ident => $page:expr),* $(,)? }) => {
        $(
            #[derive(Debug)]
            pub struct $route;

            impl leptos_router::LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_: Self) -> leptos::prelude::AnyView {
                    $crate::areas::or_unavailable($load($page).await)
                }
            }
        )*
    };
}
pub(crate) use lazy_routes;

/// The page, or, when its piece could not be downloaded (a first visit
/// without a connection), a page saying so instead of stopping the app.
pub fn or_unavailable(loaded: Result<AnyView, SplitLoaderError>) -> AnyView {
    loaded.unwrap_or_else(|_| view! { <Unavailable /> }.into_any())
}

#[component]
fn Unavailable() -> impl IntoView {
    let i18n = use_i18n();
    // A failed download is not remembered: the next attempt fetches again.
    let retry = |_| {
        let _ = window().location().reload();
    };
    view! {
        <section class="page">
            <h1>{move || i18n.t().offline.area_unavailable}</h1>
            <p>{move || i18n.t().offline.area_unavailable_hint}</p>
            <button type="button" class="primary" on:click=retry>
                {move || i18n.t().offline.retry}
            </button>
        </section>
    }
}
