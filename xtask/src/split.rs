//! The app's WebAssembly, built in pieces: what the first page needs, and
//! one piece per area marked as a split point in `app/src/areas/` that the
//! browser downloads when the area is first opened.
//!
//! trunk cannot split (trunk-rs/trunk#1022), so its rust step is skipped
//! (`data-trunk-skip` in app/index.html) and this does it instead, as
//! cargo-leptos does:
//! 1. cargo links the app keeping its relocations (`--emit-relocs`), which
//!    the splitter needs to move functions and data between modules;
//! 2. `wasm_split_cli_support` cuts the module at the split points: a main
//!    module, one `.wasm` per piece (and per chunk pieces share) and the
//!    JavaScript that loads them;
//! 3. wasm-bindgen generates the bindings of the main module, keeping the
//!    exports the pieces link against (`--keep-lld-exports`);
//! 4. wasm-opt shrinks every module;
//! 5. every file gets a content-hashed name, and the references between
//!    them are rewritten to those names;
//! 6. each piece and the chunks it needs are also written end to end as
//!    one bundle, for a first visit (`bundle.rs`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cmd::{self, cargo_bin};
use crate::{root, target_dir, Result};

/// The crate, binary and cargo profile of the app (see app/index.html).
const PACKAGE: &str = "vela-app";
const PROFILE: &str = "wasm-release";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The name the main module imports the loaders of the pieces from, until
/// it is renamed with its hash.
const LINK_MODULE: &str = "./__wasm_split.js";

/// What the build wrote into dist/, by their final names.
#[derive(Debug)]
pub struct App {
    /// wasm-bindgen's start-up module (`init`).
    pub js: String,
    /// The main module, loaded at start-up.
    pub wasm: String,
    /// The loaders of the pieces, imported by `js`.
    pub loader: String,
    /// The pieces, downloaded when first needed.
    pub pieces: Vec<String>,
    /// Each piece with the chunks it needs, in one file.
    pub bundles: Vec<crate::bundle::Bundle>,
}

/// Builds the app into `dist` and returns the names of its files.
pub fn build(dist: &Path) -> Result<App> {
    let linked = link()?;
    let work = target_dir().join("wasm-split");
    if work.exists() {
        std::fs::remove_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    }
    let pieces_dir = work.join("pieces");
    std::fs::create_dir_all(&pieces_dir).map_err(|e| format!("{}: {e}", work.display()))?;
    let main = work.join(format!("{PACKAGE}.wasm"));
    let pieces = split(&linked, &main, &pieces_dir)?;
    let bindgen_dir = work.join("bindgen");
    bindgen(&main, &bindgen_dir)?;
    let main_wasm = bindgen_dir.join(format!("{PACKAGE}_bg.wasm"));
    let mut modules = vec![main_wasm.clone()];
    modules.extend(pieces.iter().cloned());
    optimise_all(&modules)?;
    install(
        dist,
        &bindgen_dir.join(format!("{PACKAGE}.js")),
        &main_wasm,
        &pieces_dir.join(LINK_MODULE.trim_start_matches("./")),
        &pieces,
    )
}

/// `cargo rustc` rather than RUSTFLAGS: the link argument reaches only the
/// app's own crate, so the dependencies built for `cargo check` and the
/// tests are reused as they are.
fn link() -> Result<PathBuf> {
    cmd::run_in(
        Command::new(cargo_bin()).args([
            "rustc",
            "--package",
            PACKAGE,
            "--bin",
            PACKAGE,
            "--target",
            WASM_TARGET,
            "--profile",
            PROFILE,
            "--",
            "-Clink-args=--emit-relocs",
        ]),
        &root(),
    )?;
    Ok(target_dir()
        .join(WASM_TARGET)
        .join(PROFILE)
        .join(format!("{PACKAGE}.wasm")))
}

/// Cuts `linked` into `main` and the pieces in `pieces_dir`.
fn split(linked: &Path, main: &Path, pieces_dir: &Path) -> Result<Vec<PathBuf>> {
    println!("xtask: splitting {}", linked.display());
    let input = std::fs::read(linked).map_err(|e| format!("{}: {e}", linked.display()))?;
    let mut options = wasm_split_cli_support::Options::new(&input);
    options.output_dir = pieces_dir;
    options.main_out_path = main;
    options.link_name = LINK_MODULE;
    // The loaders take `initSync` from the bindings, which sit beside them.
    let main_module = format!("./{PACKAGE}.js");
    options.main_module = &main_module;
    let split = wasm_split_cli_support::transform(options)
        .map_err(|e| format!("splitting {}: {e:?}", linked.display()))?;
    let mut pieces = split.split_modules;
    pieces.sort();
    Ok(pieces)
}

fn bindgen(main: &Path, out_dir: &Path) -> Result {
    cmd::run_in(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                // The pieces import these from the main module.
                "--keep-lld-exports",
                // The splitter matched functions by their symbol names.
                "--no-demangle",
                "--out-name",
                PACKAGE,
                "--out-dir",
            ])
            .arg(out_dir)
            .arg(main),
        &root(),
    )
}

/// wasm-opt -Oz in place on every module, as many at once as there are
/// cores (there are dozens of small chunks).
fn optimise_all(modules: &[PathBuf]) -> Result {
    println!("xtask: wasm-opt -Oz on {} modules", modules.len());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for batch in modules.chunks(cores) {
        let handles: Vec<_> = batch
            .iter()
            .map(|wasm| {
                let wasm = wasm.clone();
                std::thread::spawn(move || optimise(&wasm))
            })
            .collect();
        for handle in handles {
            handle
                .join()
                .map_err(|_| "a wasm-opt thread panicked".to_string())??;
        }
    }
    Ok(())
}

/// wasm-opt -Oz in place (binaryen's npm build, first on PATH: see tools.rs).
fn optimise(wasm: &Path) -> Result {
    let output = Command::new("wasm-opt")
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
            "--output",
        ])
        .arg(wasm)
        .arg(wasm)
        .current_dir(root())
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| format!("could not start wasm-opt: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "wasm-opt {} failed: {}",
            wasm.display(),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// Copies every file into `dist` under a content-hashed name and rewrites
/// the names each file uses for the others. Each piece is named by its own
/// content, so an unchanged area stays cached across releases; the start-up
/// files share one hash of everything, as they name each other.
fn install(dist: &Path, js: &Path, wasm: &Path, loader: &Path, pieces: &[PathBuf]) -> Result<App> {
    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
    let read_text =
        |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let mut loader_code = without_comment_lines(&read_text(loader)?);
    let mut piece_names = BTreeMap::new();
    for piece in pieces {
        let bytes = read(piece)?;
        let stem = piece
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .ok_or_else(|| format!("{}: no file name", piece.display()))?;
        let name = format!("{stem}-{:016x}.wasm", crate::dist::fnv1a(&bytes));
        loader_code = replace_exactly_once(
            &loader_code,
            &format!("\"./{stem}.wasm\""),
            &format!("\"./{name}\""),
        )?;
        std::fs::write(dist.join(&name), bytes).map_err(|e| format!("{name}: {e}"))?;
        piece_names.insert(stem, name);
    }
    let (loader_code, bundles) = crate::bundle::pack(dist, &loader_code)?;
    let js_code = read_text(js)?;
    let wasm_bytes = read(wasm)?;
    let mut everything = wasm_bytes.clone();
    everything.extend_from_slice(js_code.as_bytes());
    everything.extend_from_slice(loader_code.as_bytes());
    let hash = format!("{:016x}", crate::dist::fnv1a(&everything));
    let app = App {
        js: format!("{PACKAGE}-{hash}.js"),
        wasm: format!("{PACKAGE}-{hash}_bg.wasm"),
        loader: format!("{PACKAGE}-split-{hash}.js"),
        pieces: piece_names.into_values().collect(),
        bundles,
    };
    let loader_code = replace_exactly_once(
        &loader_code,
        &format!("from \"./{PACKAGE}.js\""),
        &format!("from \"./{}\"", app.js),
    )?;
    // Only the import statement: the same string is also the key the
    // WebAssembly imports are looked up by, which must stay as linked.
    let js_code = replace_import(&js_code, LINK_MODULE, &format!("./{}", app.loader))?;
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dist.join(name), bytes).map_err(|e| format!("{name}: {e}"))
    };
    write(&app.js, js_code.as_bytes())?;
    write(&app.wasm, &wasm_bytes)?;
    write(&app.loader, loader_code.as_bytes())?;
    Ok(app)
}

/// The loader without the splitter's `/* area, area, … */` line above each
/// chunk: two thirds of its bytes, and it is part of the first download.
fn without_comment_lines(code: &str) -> String {
    code.lines()
        .filter(|line| !(line.starts_with("/* ") && line.ends_with(" */")))
        .flat_map(|line| [line, "\n"])
        .collect()
}

/// Rewrites every `import … from '<from>'` (either quote) to import `to`
/// (wasm-bindgen writes one import per function the main module takes).
fn replace_import(code: &str, from: &str, to: &str) -> Result<String> {
    let mut code = code.to_string();
    let mut found = false;
    for quote in ['\'', '"'] {
        let needle = format!("from {quote}{from}{quote}");
        found |= code.contains(&needle);
        code = code.replace(&needle, &format!("from {quote}{to}{quote}"));
    }
    if found {
        Ok(code)
    } else {
        Err(format!("the bindings do not import {from}"))
    }
}

/// `needle` must be there exactly once: anything else means the generated
/// code changed shape and a silent half-rewrite would break the app.
pub fn replace_exactly_once(code: &str, needle: &str, with: &str) -> Result<String> {
    match code.matches(needle).count() {
        1 => Ok(code.replacen(needle, with, 1)),
        n => Err(format!(
            "expected `{needle}` once in generated code, found it {n} times"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_import_statement_is_renamed() {
        let code =
            "import * as a from './__wasm_split.js';\nimport * as b from './__wasm_split.js';\n\
                    imports['./__wasm_split.js'] = a;";
        assert_eq!(
            replace_import(code, "./__wasm_split.js", "./app-split-1.js").unwrap(),
            "import * as a from './app-split-1.js';\nimport * as b from './app-split-1.js';\n\
             imports['./__wasm_split.js'] = a;"
        );
        assert!(replace_import(code, "./other.js", "./x.js").is_err());
    }

    #[test]
    fn the_chunks_comments_go_and_the_code_stays() {
        let code =
            "/* absences, admin */\nconst __chunk_12 = makeLoad(() => {\n    /* kept */ x();\n}\n";
        assert_eq!(
            without_comment_lines(code),
            "const __chunk_12 = makeLoad(() => {\n    /* kept */ x();\n}\n"
        );
    }

    #[test]
    fn a_name_found_twice_is_refused() {
        assert!(replace_exactly_once("a a", "a", "b").is_err());
        assert_eq!(replace_exactly_once("a c", "a", "b").unwrap(), "b c");
    }
}
