//! Size report: what a browser downloads on first load, gzipped.

use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::Result;

/// Budget for wasm + js + css, gzip: what a first visit may download.
const BUDGET_BYTES: u64 = 200 * 1024;

/// Prints the raw and gzip -9 size of each .wasm, .js and .css in `dist`;
/// returns the gzip total.
pub fn report(dist: &Path) -> Result<u64> {
    let mut rows = Vec::new();
    for entry in std::fs::read_dir(dist)
        .map_err(|e| format!("{}: {e} (build it first: cargo xtask dist)", dist.display()))?
    {
        let path = entry.map_err(|e| e.to_string())?.path();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !matches!(ext, "wasm" | "js" | "css") {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        rows.push((name, bytes.len() as u64, gzip_len(&bytes)?));
    }
    rows.sort();
    println!("size report (dist/, gzip -9):");
    for (name, raw, gz) in &rows {
        println!("  {name:<48} {:>9} raw {:>9} gzip", kib(*raw), kib(*gz));
    }
    let total: u64 = rows.iter().map(|r| r.2).sum();
    let verdict = if total <= BUDGET_BYTES {
        "within"
    } else {
        "OVER"
    };
    println!(
        "  total first load (wasm+js+css): {} gzip — {verdict} the {} budget",
        kib(total),
        kib(BUDGET_BYTES)
    );
    Ok(total)
}

fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    Ok(encoder.finish().map_err(|e| e.to_string())?.len() as u64)
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}
