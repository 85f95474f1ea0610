//! One download per piece for a browser that has no piece yet: each piece
//! with every chunk it needs, end to end in `bundle_<area>-<hash>.bin`, and
//! the loader of the pieces taught to use it (the runtime is `bundle.js`).
//!
//! The service worker keeps the bundles, not the files: it asks for far
//! fewer, the same a page it does not control yet asks for (so the browser
//! downloads each once), and answers a request for a piece or chunk with
//! its part of a bundle (`dist.rs` writes where each part is into sw.js).

use std::fmt::Write as _;
use std::path::Path;

use crate::split::replace_exactly_once;
use crate::Result;

/// How wasm_split_cli_support fetches a module, for `{file}`.
const GENERATED_FETCH: &str = "const src = fetch(new URL(\"./{file}\", import.meta.url));\n    src.catch(() => {});\n    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));";

/// How it starts the loader of piece `{area}`.
const GENERATED_EXPORT: &str = "export const __wasm_split_load_{area} = wrapAsyncCb(makeLoad(";

/// A bundle as written: its file and, in order, the files it holds.
#[derive(Debug)]
pub struct Bundle {
    pub name: String,
    pub parts: Vec<Part>,
}

/// A piece or chunk inside a bundle.
#[derive(Debug)]
pub struct Part {
    pub file: String,
    pub offset: usize,
    pub length: usize,
}

/// Writes every piece's bundle into `dist`, where the pieces and chunks
/// `loader` (the code of the loader of the pieces) names already are, and
/// returns the loader rewritten to use them, and the bundles.
pub fn pack(dist: &Path, loader: &str) -> Result<(String, Vec<Bundle>)> {
    let pieces = crate::loader::files_by_piece(loader);
    if pieces.is_empty() {
        return Err("the loader of the pieces names no piece".into());
    }
    let mut code = loader.to_string();
    let mut every_file: Vec<&String> = pieces.values().flatten().collect();
    every_file.sort();
    every_file.dedup();
    for file in every_file {
        code = replace_exactly_once(
            &code,
            &GENERATED_FETCH.replace("{file}", file),
            &format!("return fetchModule(\"./{file}\");"),
        )?;
    }
    let mut table = String::from("\nconst VELA_BUNDLES = {\n");
    let mut bundles = Vec::new();
    for (piece, files) in &pieces {
        let area = area_of(piece)?;
        code = wrap_export(&code, area)?;
        let mut bytes = Vec::new();
        let mut parts = Vec::new();
        for file in files {
            let path = dist.join(file);
            let part = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            parts.push(Part {
                file: file.clone(),
                offset: bytes.len(),
                length: part.len(),
            });
            bytes.extend_from_slice(&part);
        }
        let name = format!("bundle_{area}-{:016x}.bin", crate::dist::fnv1a(&bytes));
        std::fs::write(dist.join(&name), &bytes).map_err(|e| format!("{name}: {e}"))?;
        let listed: Vec<String> = parts
            .iter()
            .map(|p| format!("[\"{}\", {}]", stem_of(&p.file), p.length))
            .collect();
        let _ = writeln!(
            table,
            "    {area}: {{ file: \"./{name}\", parts: [{}] }},",
            listed.join(", ")
        );
        bundles.push(Bundle { name, parts });
    }
    table.push_str("};\n");
    // At the end: the table and functions are used only once the app asks
    // for a piece, and the code above keeps the shape `loader.rs` reads.
    code.push_str(include_str!("bundle.js"));
    code.push_str(&table);
    Ok((code, bundles))
}

/// `chunk_12-<hash>.wasm` is `chunk_12` in the table of bundles: the
/// loader names each file once, with its hash, and the table stays small (it
/// is part of the first download).
fn stem_of(file: &str) -> &str {
    file.rsplit_once('-').map_or(file, |(stem, _)| stem)
}

/// `split_admin-<hash>.wasm` is the piece of area `admin`.
pub fn area_of(piece: &str) -> Result<&str> {
    piece
        .strip_prefix("split_")
        .and_then(|rest| rest.rsplit_once('-'))
        .map(|(area, _)| area)
        .filter(|area| {
            !area.is_empty() && area.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        })
        .ok_or_else(|| format!("{piece}: not the name of a piece"))
}

/// Has the loader of `area` go through `bundled`: `wrapAsyncCb(makeLoad(…))`
/// becomes `wrapAsyncCb(bundled("area", makeLoad(…)))`.
fn wrap_export(code: &str, area: &str) -> Result<String> {
    let head = GENERATED_EXPORT.replace("{area}", area);
    let code = replace_exactly_once(
        code,
        &head,
        &format!(
            "export const __wasm_split_load_{area} = wrapAsyncCb(bundled(\"{area}\", makeLoad("
        ),
    )?;
    let start = code
        .find(&format!("__wasm_split_load_{area} = "))
        .unwrap_or(0);
    let end = code[start..]
        .find("]));")
        .map(|i| start + i)
        .ok_or_else(|| format!("the loader of {area} does not end in `]));`"))?;
    Ok(format!(
        "{}])));{}",
        &code[..end],
        &code[end + "]));".len()..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetcher(file: &str) -> String {
        format!(
            "makeLoad(() => {{\n    {}\n}}\n",
            GENERATED_FETCH.replace("{file}", file)
        )
    }

    #[test]
    fn each_piece_gets_a_bundle_of_its_files_and_the_loader_uses_them() {
        let dir = std::env::temp_dir().join(format!("xtask-bundle-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (file, bytes) in [("chunk_1-aa.wasm", "one"), ("split_home-cc.wasm", "home!")] {
            std::fs::write(dir.join(file), bytes).unwrap();
        }
        let loader = format!(
            "const __chunk_1 = {}, []);\nexport const __wasm_split_load_home = wrapAsyncCb({}, [__chunk_1]));\n",
            fetcher("chunk_1-aa.wasm"),
            fetcher("split_home-cc.wasm"),
        );
        let (code, bundles) = pack(&dir, &loader).unwrap();

        assert!(
            code.contains("return fetchModule(\"./chunk_1-aa.wasm\");"),
            "{code}"
        );
        assert!(
            !code.contains("instantiateStreaming(src, imports))"),
            "{code}"
        );
        assert!(
            code.contains("wrapAsyncCb(bundled(\"home\", makeLoad(() => {"),
            "{code}"
        );
        assert!(code.contains(", [__chunk_1])));\n"), "{code}");
        // The bundle: the piece first, then its chunk, as the table says.
        let name = format!("bundle_home-{:016x}.bin", crate::dist::fnv1a(b"home!one"));
        assert_eq!(std::fs::read(dir.join(&name)).unwrap(), b"home!one");
        assert_eq!(bundles.len(), 1);
        assert_eq!(bundles[0].name, name);
        let layout: Vec<_> = bundles[0]
            .parts
            .iter()
            .map(|p| (p.file.as_str(), p.offset, p.length))
            .collect();
        assert_eq!(
            layout,
            [("split_home-cc.wasm", 0, 5), ("chunk_1-aa.wasm", 5, 3)]
        );
        assert!(
            code.contains(&format!(
                "home: {{ file: \"./{name}\", parts: [[\"split_home\", 5], [\"chunk_1\", 3]] }},"
            )),
            "{code}"
        );
        // Still readable by the size report after the rewrite.
        assert_eq!(
            crate::loader::files_by_piece(&code)["split_home-cc.wasm"],
            ["split_home-cc.wasm", "chunk_1-aa.wasm"]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_loader_of_another_shape_is_refused() {
        let dir = std::env::temp_dir();
        assert!(pack(&dir, "export const x = 1;").is_err());
        assert!(area_of("chunk_1-aa.wasm").is_err());
        assert_eq!(area_of("split_admin-0123.wasm").unwrap(), "admin");
    }
}
