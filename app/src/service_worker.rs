//! The service worker as the app sees it (`app/sw.js`, registered by the
//! start-up script). Browsers offer none on a page served over plain HTTP
//! (other than from localhost): there `navigator.serviceWorker` is missing,
//! and web-sys' getter would throw, so it is read as a plain property.

use wasm_bindgen::{JsCast, JsValue};

fn property(of: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(of, &name.into())
        .ok()
        .filter(|value| value.is_object())
}

/// The page's service worker container, where the browser has one.
pub fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    property(&navigator, "serviceWorker")?.dyn_into().ok()
}

/// Whether a service worker controls this page: ours takes control only
/// once it has stored every file of the build.
pub fn controls_the_page() -> bool {
    container().is_some_and(|container| property(&container, "controller").is_some())
}
