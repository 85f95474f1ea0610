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
    // The sign-in form of index.html may be in use: the app starts once a
    // sign-in it sent has its answer, and takes over what was typed.
    // (wasm-bindgen's executor: Leptos sets up its own when it mounts.)
    wasm_bindgen_futures::spawn_local(async {
        static_login::settled().await;
        static_login::take();
        leptos::mount::mount_to_body(app::App);
    });
}
