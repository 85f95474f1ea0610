//! Browser storage (localStorage). Caches (`load`, `save`) treat failures
//! (private mode, quota) as a miss: they are copies of the server. What is
//! not a copy — the outbox — is written with [`save_text`], whose failure the
//! caller shows to the person.

use serde::de::DeserializeOwned;
use serde::Serialize;

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Why a value could not be written.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// The browser offers no storage (private mode, disabled).
    Unavailable,
    /// The storage is full (`QuotaExceededError`).
    Full,
    /// Any other refusal, with the browser's name for it.
    Refused(String),
}

pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    crate::json::from_text(&load_text(key)?).ok()
}

/// The text stored under `key`, as it is.
pub fn load_text(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores a cached value; a failure only costs a pull, so it is logged.
pub fn save<T: Serialize>(key: &str, value: &T) {
    match crate::json::to_text(value) {
        Ok(text) => {
            if let Err(e) = save_text(key, &text) {
                leptos::logging::warn!("could not save {key} in browser storage: {e:?}");
            }
        }
        Err(e) => leptos::logging::warn!("could not encode {key}: {e}"),
    }
}

/// Stores `text` under `key`, saying why when the browser refuses.
pub fn save_text(key: &str, text: &str) -> Result<(), StorageError> {
    let storage = local_storage().ok_or(StorageError::Unavailable)?;
    storage.set_item(key, text).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            StorageError::Full
        } else {
            StorageError::Refused(name)
        }
    })
}

pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}
