//! Browser storage (localStorage) for JSON values. Failures (private mode,
//! quota) are logged and otherwise ignored: storage is a cache of the server.

use serde::de::DeserializeOwned;
use serde::Serialize;

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = local_storage()?.get_item(key).ok().flatten()?;
    crate::json::from_text(&text).ok()
}

pub fn save<T: Serialize>(key: &str, value: &T) {
    let Some(storage) = local_storage() else {
        return;
    };
    match crate::json::to_text(value) {
        Ok(text) => {
            if storage.set_item(key, &text).is_err() {
                leptos::logging::warn!("could not save {key} in browser storage");
            }
        }
        Err(e) => leptos::logging::warn!("could not encode {key}: {e}"),
    }
}

pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}
