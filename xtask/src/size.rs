//! Size report: what a browser downloads on first load, as the server sends
//! it (the build's brotli copies; gzip for browsers without brotli).

use std::path::Path;

use crate::compress;
use crate::Result;

/// Budget for wasm + js + css, gzip: what a first visit may download.
const BUDGET_BYTES: u64 = 200 * 1024;

/// Brotli budget of the first route after sign-in (wasm + js + css).
const FIRST_ROUTE_BROTLI_BYTES: u64 = 400 * 1024;

/// Prints the raw, gzip -9 and brotli size of each .wasm, .js and .css in
/// `dist`; returns the gzip total.
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
        // The copy the server sends, if the build wrote one.
        let br = match std::fs::read(path.with_extension(format!("{ext}.br"))) {
            Ok(copy) => copy.len() as u64,
            Err(_) => compress::brotli(&bytes)?.len() as u64,
        };
        rows.push((
            name,
            bytes.len() as u64,
            compress::gzip(&bytes)?.len() as u64,
            br,
        ));
    }
    rows.sort();
    println!("size report (dist/, gzip -9 and brotli 11):");
    for (name, raw, gz, br) in &rows {
        println!(
            "  {name:<48} {:>9} raw {:>9} gzip {:>9} brotli",
            kib(*raw),
            kib(*gz),
            kib(*br)
        );
    }
    let total: u64 = rows.iter().map(|r| r.2).sum();
    let brotli_total: u64 = rows.iter().map(|r| r.3).sum();
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
    let verdict = if brotli_total <= FIRST_ROUTE_BROTLI_BYTES {
        "within"
    } else {
        "OVER"
    };
    println!(
        "  total first load (wasm+js+css): {} brotli — {verdict} the {} budget of the first route",
        kib(brotli_total),
        kib(FIRST_ROUTE_BROTLI_BYTES)
    );
    Ok(total)
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}
