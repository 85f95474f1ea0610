//! Brotli and gzip copies of the built app, written once at build time.
//!
//! The server sends `name.br` or `name.gz` as they are to a browser that
//! accepts them (see `server/src/routes/static_files.rs`), so a download
//! costs it no compression, and the slowest, smallest settings pay off:
//! they are paid once per build, not once per visit.

use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::Result;

/// Files worth compressing: text and WebAssembly (`bin`: the pieces'
/// bundles, see bundle.rs). Fonts and images carry their own compression.
const COMPRESSIBLE: [&str; 9] = [
    "bin",
    "html",
    "js",
    "css",
    "wasm",
    "svg",
    "json",
    "webmanifest",
    "txt",
];

/// Writes `name.br` (quality 11) and `name.gz` (level 9) beside every
/// compressible file of `dist`, skipping a copy that would not be smaller.
/// Answers the bytes of each kind written, for the build's report.
pub fn precompress(dist: &Path) -> Result<Vec<(String, u64, u64, u64)>> {
    let mut written = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.path())
        .collect();
    entries.sort();
    for path in entries {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let br = brotli(&bytes)?;
        let gz = gzip(&bytes)?;
        for (suffix, copy) in [("br", &br), ("gz", &gz)] {
            let target = path.with_extension(format!("{ext}.{suffix}"));
            if copy.len() < bytes.len() {
                std::fs::write(&target, copy).map_err(|e| format!("{}: {e}", target.display()))?;
            } else {
                // A stale copy of an earlier build would be served instead.
                let _ = std::fs::remove_file(&target);
            }
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        written.push((name, bytes.len() as u64, gz.len() as u64, br.len() as u64));
    }
    Ok(written)
}

/// Brotli at its best quality and largest window.
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}

/// Gzip at level 9.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn copies_decompress_to_the_original_and_only_text_and_wasm_get_them() {
        let dir = std::env::temp_dir().join(format!("vela-compress-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let text = "body { color: #1a1a1a; }\n".repeat(200);
        std::fs::write(dir.join("main-0123456789abcdef.css"), &text).unwrap();
        std::fs::write(dir.join("font.woff2"), vec![7u8; 4000]).unwrap();
        // Too small to gain anything: no copy (and an old one is removed).
        std::fs::write(dir.join("tiny.json"), "{}").unwrap();
        std::fs::write(dir.join("tiny.json.br"), "stale").unwrap();

        let report = precompress(&dir).unwrap();
        assert_eq!(report.len(), 2, "{report:?}");

        let br = std::fs::read(dir.join("main-0123456789abcdef.css.br")).unwrap();
        let mut plain = Vec::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_end(&mut plain)
            .unwrap();
        assert_eq!(plain, text.as_bytes());
        let gz = std::fs::read(dir.join("main-0123456789abcdef.css.gz")).unwrap();
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut plain)
            .unwrap();
        assert_eq!(plain, text.as_bytes());
        assert!(!dir.join("font.woff2.br").exists());
        assert!(!dir.join("tiny.json.br").exists());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
