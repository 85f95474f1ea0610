//! A value's JSON written straight into brotli, never held whole: for
//! snapshot pulls (`routes::encoded_json`) and stored PostgreSQL snapshots
//! (`store::pg::snapshots`), both the whole state of an organisation.

use std::io::Write;

use serde::Serialize;

/// Quality 4 (the compression layer's and nginx's choice for answers made on
/// the fly; 11, the crate's default, takes seconds per MB) compresses JSON
/// about twelvefold at well over 50 MB/s.
const QUALITY: u32 = 4;
const WINDOW: u32 = 22;

/// `value` as brotli-compressed JSON. CPU-heavy for large values: call it on
/// a blocking thread.
pub fn encode<T: Serialize>(value: &T) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut encoder = brotli::CompressorWriter::new(&mut out, 64 * 1024, QUALITY, WINDOW);
        serde_json::to_writer(&mut encoder, value).map_err(std::io::Error::other)?;
        encoder.flush()?;
    }
    Ok(out)
}
