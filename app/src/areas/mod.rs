//! The areas of the app that are downloaded when first visited, each its
//! own piece of WebAssembly: the calendar, home and the pages every person
//! uses stay in the first download; these wait until someone opens them.
//!
//! A split point is a function marked `#[wasm_split(<piece>, …)]`: the
//! build (`xtask/src/split.rs`) moves it, and everything only it reaches,
//! into `<piece>`'s file. [`area!`] writes one such function per area,
//! taking the page to show. Code two areas share goes into a chunk both
//! load; code the first page also reaches stays in the main module.
//!
//! To move a page out of the first download: add it to an area here and
//! point its row of `routes.rs` at it.

pub mod absences;
pub mod admin;
pub mod agreements;
pub mod export;
pub mod home;
pub mod imports;
pub mod monitoring;
pub mod notices;
pub mod objectives;
pub mod people;
pub mod personal;
pub mod team;
pub mod training;
pub mod webinars;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::i18n::use_i18n;
use crate::sync::client::browser_online;

/// Declares one area: its pages (`$route` shows the component `$page`) and
/// its split function `load` in piece `$piece`, which renders the page it
/// is given.
macro_rules! area {
    ($piece:ident { $($route:ident => $page:path),* $(,)? }) => {
        /// The pages of this area, and `Warm`: the piece alone.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Page {
            $($route,)*
            Warm,
        }

        /// A page of this area, shown once the piece is there (see
        /// [`once_loaded`](crate::areas::once_loaded)).
        pub fn show(page: Page) -> impl leptos::prelude::IntoView {
            $crate::areas::once_loaded(load(page))
        }

        /// Downloads and starts this area's piece without showing it, so
        /// that opening the area later needs no network. Failures are not
        /// remembered: the area tries again when opened.
        pub async fn warm() {
            let _ = load(Page::Warm).await;
        }

        #[leptos::wasm_split::wasm_split($piece, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn load(
            page: Page,
        ) -> Result<leptos::prelude::AnyView, leptos::wasm_split::SplitLoaderError> {
            use leptos::prelude::IntoAny;
            Ok(match page {
                $(Page::$route => $page().into_any(),)*
                Page::Warm => ().into_any(),
            })
        }

    };
}
pub(crate) use area;

/// A piece of the app: the areas of the navigation, the person's own
/// pages (the bell, the profile) and the calendar's export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    Home,
    Absences,
    Team,
    Objectives,
    Webinars,
    Training,
    Monitoring,
    Admin,
    People,
    Agreements,
    Imports,
    Personal,
    Export,
    Notices,
}

impl Piece {
    /// See each area's `warm`.
    pub async fn warm(self) {
        match self {
            Piece::Home => home::warm().await,
            Piece::Absences => absences::warm().await,
            Piece::Team => team::warm().await,
            Piece::Objectives => objectives::warm().await,
            Piece::Webinars => webinars::warm().await,
            Piece::Training => training::warm().await,
            Piece::Monitoring => monitoring::warm().await,
            Piece::Admin => admin::warm().await,
            Piece::People => people::warm().await,
            Piece::Agreements => agreements::warm().await,
            Piece::Imports => imports::warm().await,
            Piece::Personal => personal::warm().await,
            Piece::Export => export::warm().await,
            Piece::Notices => notices::warm().await,
        }
    }
}

/// Once the app has settled after sign-in (its first sync is done), fetches
/// the sync's `codec` piece, then, unless the service worker already keeps
/// them, home and the pieces of the areas `me` can open, one after another, so that
/// following a link later does not wait for the network: on a slow mobile
/// line a piece and its shared chunks take one to two seconds, and the
/// person may be offline by then. On a first visit the service worker is
/// still storing them (it controls the page only once done); this has them
/// in time for this one.
pub async fn warm_for(me: crate::session::Me) {
    fetch_areas(me).await;
    // For measurements (tests/audit/pieces.mjs): the app has all it fetches
    // in the background, or has given up for now.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("vela:areas-fetched");
    }
}

async fn fetch_areas(me: crate::session::Me) {
    // First the decoders every live update and every change sent needs
    // (after a page someone opened meanwhile: see below).
    opened_pages_shown().await;
    if browser_online() {
        let _ = crate::sync::codec::warm().await;
    }
    // A page the service worker controls needs none of this: the worker
    // took control only once it had stored every piece, and an area opened
    // later reads its files from there, offline too. Fetching them all again
    // was most of the main thread's work after a start (some hundred fetch
    // calls: 190 ms of a calendar's load on a 4x slower CPU).
    if crate::service_worker::controls_the_page() {
        return;
    }
    let mut pieces = vec![Piece::Home];
    pieces.extend(crate::components::nav::pieces(&me));
    pieces.extend([Piece::Personal, Piece::Export, Piece::Notices]);
    for piece in pieces {
        // A page someone opened meanwhile goes first: on a slow line its
        // files would otherwise queue behind these.
        opened_pages_shown().await;
        // Offline, every fetch would fail (and the browser log each): the
        // areas left are fetched when opened.
        if !browser_online() {
            return;
        }
        piece.warm().await;
    }
}

thread_local! {
    /// How many opened pages wait for their piece.
    static OPENING: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Who waits for them all to be shown.
    static WAITING: std::cell::RefCell<Vec<futures::channel::oneshot::Sender<()>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Counts an opened page from its piece's request until it is answered.
struct Opening;

impl Opening {
    fn start() -> Opening {
        OPENING.with(|n| n.set(n.get() + 1));
        Opening
    }
}

impl Drop for Opening {
    fn drop(&mut self) {
        let left = OPENING.with(|n| {
            n.set(n.get().saturating_sub(1));
            n.get()
        });
        if left == 0 {
            for waiting in WAITING.with(|w| w.take()) {
                let _ = waiting.send(());
            }
        }
    }
}

/// Returns once no opened page waits for its piece.
async fn opened_pages_shown() {
    if OPENING.with(|n| n.get()) == 0 {
        return;
    }
    let (tx, rx) = futures::channel::oneshot::channel();
    WAITING.with(|w| w.borrow_mut().push(tx));
    let _ = rx.await;
}

/// A piece's page, shown once the piece is there: nothing shows while it
/// downloads (the service worker has it after a first visit, and the app
/// fetches every piece once settled); a piece that cannot be downloaded
/// says so. The page lives as long as the reactive scope this is called
/// in: `routes::Pages` draws a new one for each page.
pub fn once_loaded(
    load: impl std::future::Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
) -> impl IntoView {
    let loaded = RwSignal::new_local(None::<AnyView>);
    // The page, and `Unavailable` when the piece is missing, read their
    // contexts (language, session, router) from here.
    let opening = Opening::start();
    leptos::task::spawn_local(leptos::reactive::computed::ScopedFuture::new_untracked(
        async move {
            let result = load.await;
            drop(opening);
            let view = or_unavailable(result);
            // Gone already if the gate moved on meanwhile.
            let _ = loaded.try_set(Some(view));
        },
    ));
    // The view is moved into the page once; the closure runs again only
    // when it arrives.
    move || {
        loaded.track();
        loaded.try_update_untracked(Option::take).flatten()
    }
}

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
