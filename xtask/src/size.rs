//! Size report: what a browser downloads on first load, as the server sends
//! it (the build's brotli copies; gzip for browsers without brotli).

use std::path::Path;

use crate::compress;
use crate::Result;

/// Budget for wasm + js + css, gzip: what a first visit may download.
const BUDGET_BYTES: u64 = 200 * 1024;

/// Brotli budget of the first route after sign-in (wasm + js + css).
const FIRST_ROUTE_BROTLI_BYTES: u64 = 400 * 1024;

/// Brotli budget of what the login page needs to paint and work before the
/// WASM arrives: index.html, its stylesheets, fonts and `login.js`.
const LOGIN_PAGE_BROTLI_BYTES: u64 = 60 * 1024;

/// Prints the raw, gzip -9 and brotli size of each .wasm, .js and .css in
/// `dist`, then what the first load needs (the files index.html names: the
/// start-up script, the main module and the loaders of the pieces, the
/// styles), each piece of WebAssembly loaded when its area is first
/// opened, and what opening each area fetches in all; returns the gzip
/// total of the first load.
pub fn report(dist: &Path) -> Result<u64> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let mut named = referenced(&html);
    // The start-up script names the main module itself (it waits for the
    // login form to paint before asking for it): that is first load too.
    for boot in named.clone().iter().filter(|n| n.starts_with("boot-")) {
        let path = dist.join(boot);
        let code =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for name in quoted_paths(&code) {
            if !named.contains(&name) {
                named.push(name);
            }
        }
    }
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
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name == "sw.js" {
            // Installed by the browser beside the page, not part of it.
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        // The copy the server sends, if the build wrote one.
        let br = match std::fs::read(path.with_extension(format!("{ext}.br"))) {
            Ok(copy) => copy.len() as u64,
            Err(_) => compress::brotli(&bytes)?.len() as u64,
        };
        rows.push(Row {
            first_load: named.contains(&name),
            name,
            raw: bytes.len() as u64,
            gzip: compress::gzip(&bytes)?.len() as u64,
            brotli: br,
        });
    }
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    println!("size report (dist/, gzip -9 and brotli 11):");
    println!("  first load (named by index.html):");
    for row in rows.iter().filter(|r| r.first_load) {
        row.print();
    }
    let pieces: Vec<&Row> = rows
        .iter()
        .filter(|r| !r.first_load && r.name.ends_with(".wasm"))
        .collect();
    println!("  pieces, loaded when their area is first opened (chunk_*: shared by several):");
    for row in &pieces {
        row.print();
    }
    for row in rows
        .iter()
        .filter(|r| !r.first_load && !r.name.ends_with(".wasm"))
    {
        println!("  not loaded by index.html: {}", row.name);
    }
    let total: u64 = rows.iter().filter(|r| r.first_load).map(|r| r.gzip).sum();
    let brotli_total: u64 = rows.iter().filter(|r| r.first_load).map(|r| r.brotli).sum();
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
    // Home and the calendar are in the main module: the first load is all
    // the first route after sign-in needs.
    println!(
        "  total first load (wasm+js+css): {} brotli — {verdict} the {} budget of the first route",
        kib(brotli_total),
        kib(FIRST_ROUTE_BROTLI_BYTES)
    );
    areas(dist, &rows)?;
    println!(
        "  pieces: {} files, {} brotli in all, the largest {}",
        pieces.len(),
        kib(pieces.iter().map(|r| r.brotli).sum()),
        kib(pieces.iter().map(|r| r.brotli).max().unwrap_or(0))
    );
    login_page(dist, &named)?;
    Ok(total)
}

/// Prints what opening each area first fetches: its piece and every chunk
/// that piece depends on, as the loader of the pieces says.
fn areas(dist: &Path, rows: &[Row]) -> Result {
    let loader = rows
        .iter()
        .find(|r| r.first_load && r.name.starts_with("vela-app-split-") && r.name.ends_with(".js"))
        .ok_or("dist/ has no loader of the pieces (vela-app-split-*.js)")?;
    let path = dist.join(&loader.name);
    let code = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    println!(
        "  opening an area the first time fetches its piece and the chunks it needs \
         (a first visit: as one bundle):"
    );
    let names: Vec<String> = std::fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    for (piece, files) in crate::loader::files_by_piece(&code) {
        let bytes: u64 = rows
            .iter()
            .filter(|r| files.contains(&r.name))
            .map(|r| r.brotli)
            .sum();
        let area = crate::bundle::area_of(&piece)?;
        let bundle = names
            .iter()
            .find(|n| n.starts_with(&format!("bundle_{area}-")) && n.ends_with(".bin"))
            .ok_or_else(|| format!("dist/ has no bundle of {area} (bundle_{area}-*.bin)"))?;
        let bundle_bytes = match std::fs::metadata(dist.join(format!("{bundle}.br"))) {
            Ok(copy) => copy.len(),
            Err(_) => {
                let path = dist.join(bundle);
                let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                compress::brotli(&bytes)?.len() as u64
            }
        };
        println!(
            "    {:<20} {:>3} files, {:>9} brotli; bundle {:>9} brotli",
            area,
            files.len(),
            kib(bytes),
            kib(bundle_bytes)
        );
    }
    Ok(())
}

struct Row {
    name: String,
    first_load: bool,
    raw: u64,
    gzip: u64,
    brotli: u64,
}

impl Row {
    fn print(&self) {
        println!(
            "    {:<46} {:>9} raw {:>9} gzip {:>9} brotli",
            self.name,
            kib(self.raw),
            kib(self.gzip),
            kib(self.brotli)
        );
    }
}

/// Prints the bytes the login page needs before the WASM: index.html and
/// every stylesheet, preloaded font and its own script, but not the app's
/// start-up (which the form does not wait for), as the server sends them
/// (brotli; a font is its own compression).
fn login_page(dist: &Path, named: &[String]) -> Result {
    let mut files = vec!["index.html".to_string()];
    files.extend(
        named
            .iter()
            .filter(|name| {
                name.ends_with(".css") || name.ends_with(".woff2") || name.starts_with("login-")
            })
            .cloned(),
    );
    let mut total = 0;
    for name in &files {
        let path = dist.join(name);
        total += match std::fs::read(dist.join(format!("{name}.br"))) {
            Ok(copy) => copy.len() as u64,
            Err(_) => {
                let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                compress::brotli(&bytes)?.len() as u64
            }
        };
    }
    let verdict = if total <= LOGIN_PAGE_BROTLI_BYTES {
        "within"
    } else {
        "OVER"
    };
    println!(
        "  login page before the WASM (index.html + {} css/js/fonts): {} brotli — {verdict} the {} budget",
        files.len() - 1,
        kib(total),
        kib(LOGIN_PAGE_BROTLI_BYTES)
    );
    Ok(())
}

/// The local files `index.html` names in `href="/…"` and `src="/…"`.
fn referenced(html: &str) -> Vec<String> {
    let mut names = Vec::new();
    for attribute in ["href=\"/", "src=\"/"] {
        for part in html.split(attribute).skip(1) {
            if let Some(name) = part.split('"').next() {
                if !name.is_empty() && !name.contains('/') && !names.iter().any(|n| n == name) {
                    names.push(name.to_string());
                }
            }
        }
    }
    names
}

/// The local files a script names as `'/…'` (the start-up script's imports
/// and the module it hands to `init`).
fn quoted_paths(code: &str) -> Vec<String> {
    code.split("'/")
        .skip(1)
        .filter_map(|part| part.split('\'').next())
        .filter(|name| !name.is_empty() && !name.contains('/'))
        .map(str::to_string)
        .collect()
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_load_counts_what_the_start_up_script_names() {
        let code = "import init from '/vela-app-1.js';\nawait window.velaLogin?.shown;\n\
                    await init({ module_or_path: '/vela-app-1_bg.wasm' });";
        assert_eq!(
            super::quoted_paths(code),
            ["vela-app-1.js", "vela-app-1_bg.wasm"]
        );
    }

    #[test]
    fn the_login_page_counts_the_files_index_html_names() {
        let html = r##"<script type="module" src="/login-0123456789abcdef.js"></script>
            <link rel="stylesheet" href="/main-1.css"/><link rel="icon" href="/favicon.svg"/>
            <a href="/">home</a><a href="#main">skip</a>"##;
        assert_eq!(
            super::referenced(html),
            ["main-1.css", "favicon.svg", "login-0123456789abcdef.js"]
        );
    }
}
