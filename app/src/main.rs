//! Vela's single-page app: Leptos (client-side rendering) compiled to WASM.
//!
//! Start reading at [`app::App`]: it provides the shared contexts (language)
//! and routes each area of the product to its page in `pages/`. Reusable
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
mod session;
mod static_login;
mod storage;
mod sync;

fn main() {
    console_error_panic_hook::set_once();
    // The sign-in form of index.html is the first login page: the app
    // draws itself once someone has signed in through it.
    // (wasm-bindgen's executor: Leptos sets up its own when it mounts.)
    wasm_bindgen_futures::spawn_local(async {
        static_login::signed_in().await;
        static_login::remove();
        leptos::mount::mount_to_body(app::App);
    });
}
