//! Every JSON text the app reads or writes goes through `serde_json::Value`.
//!
//! Why: generic code is compiled once per reader/writer it is used with.
//! Reading straight from text and also from `Value` (which the domain's
//! tagged enums use, see `vela_domain::wire`) would put two copies of every
//! type's decoder in the WASM. One path, one copy; the extra tree costs
//! microseconds at the app's sizes.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Decodes a JSON text.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_value(serde_json::from_str::<serde_json::Value>(text)?)
}

/// Encodes a value as JSON text.
pub fn to_text<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    serde_json::to_string(&serde_json::to_value(value)?)
}
