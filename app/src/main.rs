//! Vela's single-page app: Leptos (client-side rendering) compiled to WASM.
//!
//! Start reading at [`app::App`]: it provides the shared contexts (language)
//! and routes each area of the product to its page in `pages/`. Reusable
//! pieces of UI live in `components/`, translations in `i18n/`.

mod api;
mod app;
mod components;
mod deployment;
mod format;
mod i18n;
mod json;
mod lists;
mod pages;
mod session;
mod storage;
mod sync;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
