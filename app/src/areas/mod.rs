//! The areas of the app that are downloaded when first visited, each its
//! own piece of WebAssembly: the calendar, home and the pages every person
//! uses stay in the first download; these wait until someone opens them.
//!
//! A split point is a function marked `#[wasm_split(<piece>, …)]`: the
//! build (`xtask/src/split.rs`) moves it, and everything only it reaches,
//! into `<piece>`'s file. [`area!`] writes one such function per area,
//! taking the page to show, and a route type per page for
//! `leptos_router::Lazy`. Code two areas share goes into a chunk both load;
//! code the first page also reaches stays in the main module.
//!
//! To move a page out of the first download: add it to an area here and
//! route it as `view={Lazy::<area::Page>::new()}` in `app.rs`.

pub mod absences;
pub mod admin;
pub mod export;
pub mod monitoring;
pub mod objectives;
pub mod personal;
pub mod team;
pub mod webinars;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::i18n::use_i18n;

/// Declares one area: its split function `load` in piece `$piece`, which
/// renders the page it is given, and a `LazyRoute` type per page for
/// `leptos_router::Lazy` (`$route` shows the component `$page`).
macro_rules! area {
    ($piece:ident { $($route:ident => $page:path),* $(,)? }) => {
        /// The pages of this area.
        #[derive(Debug, Clone, Copy)]
        pub enum Page {
            $($route),*
        }

        #[leptos::wasm_split::wasm_split($piece, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn load(
            page: Page,
        ) -> Result<leptos::prelude::AnyView, leptos::wasm_split::SplitLoaderError> {
            use leptos::prelude::IntoAny;
            Ok(match page {
                $(Page::$route => $page().into_any(),)*
            })
        }

        $(
            #[derive(Debug)]
            pub struct $route;

            impl leptos_router::LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_: Self) -> leptos::prelude::AnyView {
                    $crate::areas::or_unavailable(load(Page::$route).await)
                }
            }
        )*
    };
}
pub(crate) use area;

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
