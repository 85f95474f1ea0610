//! The decoders of commands, events and rejections, in a piece of their own
//! (`codec`): they are a tenth of the app's WebAssembly, and the first page
//! after a cold start needs none of them — its first pull is a snapshot
//! (a `State`, decoded in the main module) and its outbox is empty.
//!
//! The state's encoder is here too: the first page only decodes a state,
//! and the cache it writes for the next start can wait for the piece.
//!
//! They are needed for a pull that brings changes (events), a push's answer
//! (rejections) and an outbox kept from an earlier visit (commands). The
//! client fetches the piece once the first sync is done (see
//! `areas::warm_for`), and any of these waits for it meanwhile. Each
//! function fails only when the piece cannot be downloaded (no connection
//! and no service worker yet): the sync loop then tries again later, as
//! when the server cannot be reached.

use leptos::wasm_split::SplitLoaderError;
use serde_json::Value;
use vela_domain::sync::{Change, PushResponse};

use super::replica::{self, LoadedOutbox, StoredCache, StoredOutbox};

/// A pull's changes, from their JSON.
#[leptos::wasm_split::wasm_split(
    codec,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(#[doc = "Downloads and starts the piece without decoding anything."] warm)
)]
pub fn changes(changes: Vec<Value>) -> Result<Result<Vec<Change>, String>, SplitLoaderError> {
    Ok(changes
        .into_iter()
        .map(|change| serde_json::from_value(change).map_err(|e| e.to_string()))
        .collect())
}

/// A push's answer, from its JSON.
#[leptos::wasm_split::wasm_split(codec, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn push_answer(answer: Value) -> Result<Result<PushResponse, String>, SplitLoaderError> {
    Ok(serde_json::from_value(answer).map_err(|e| e.to_string()))
}

/// A person's stored outbox and record of earlier builds (see
/// [`replica::load_outbox`]).
#[leptos::wasm_split::wasm_split(codec, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn stored_outbox(
    outbox: Option<String>,
    legacy: Option<String>,
) -> Result<LoadedOutbox, SplitLoaderError> {
    Ok(replica::load_outbox(outbox.as_deref(), legacy.as_deref()))
}

/// The outbox of a record of earlier builds (see [`replica::read_legacy`]).
#[leptos::wasm_split::wasm_split(codec, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn legacy_outbox(text: String) -> Result<Result<StoredOutbox, String>, SplitLoaderError> {
    Ok(replica::read_legacy(&text))
}

/// A cache's text, for browser storage.
#[leptos::wasm_split::wasm_split(codec, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn cache_text(cache: StoredCache) -> Result<Result<String, String>, SplitLoaderError> {
    Ok(crate::json::to_text(&cache).map_err(|e| e.to_string()))
}
