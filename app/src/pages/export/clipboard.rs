//! Copying text to the clipboard through the browser's asynchronous
//! Clipboard API, looked up at run time (no extra web-sys features).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Writes `text` to the clipboard; `false` when the browser refuses or has
/// no Clipboard API (insecure origin, old browser, denied permission).
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key));
    let Ok(navigator) = get(&window, "navigator") else {
        return false;
    };
    let Ok(clipboard) = get(&navigator, "clipboard") else {
        return false;
    };
    let Ok(write) = get(&clipboard, "writeText").and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return false;
    };
    let Ok(promise) = write
        .call1(&clipboard, &JsValue::from_str(text))
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    else {
        return false;
    };
    JsFuture::from(promise).await.is_ok()
}
