//! Vela's single-page app: Leptos (client-side rendering) compiled to WASM.
//!
//! Start reading at [`app::App`]: it provides the shared contexts (language)
//! and shows the page of the address (`routes.rs`) from `pages/`. Reusable
//! pieces of UI live in `components/`, translations in `i18n/`.

mod api;
mod app;
mod areas;
mod components;
mod deployment;
mod format;
mod i18n;
mod json;
mod lists;
mod pages;
mod routes;
mod service_worker;
mod session;
mod static_login;
mod storage;
mod sync;

fn main() {
    console_error_panic_hook::set_once();
    // The sign-in form of index.html is the first login page: the app
    // draws itself once someone has signed in through it.
    // (wasm-bindgen's executor: Leptos sets up its own when it mounts.)
    // The piece of the page the app opens at is fetched while the person
    // signs in, so that signing in at `/` does not then wait for home's.
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    if let Some(piece) = routes::place(&path).piece() {
        static_login::when_used(move || wasm_bindgen_futures::spawn_local(piece.warm()));
    }
    wasm_bindgen_futures::spawn_local(async {
        static_login::signed_in().await;
        static_login::remove();
        leptos::mount::mount_to_body(app::App);
    });
}
