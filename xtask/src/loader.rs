//! Reads the loader of the pieces (`__wasm_split.js`, renamed
//! `vela-app-split-<hash>.js` in dist/): which files each piece needs.

use std::collections::BTreeMap;

/// Each piece's file (`split_<area>-<hash>.wasm`) with every file a browser
/// fetches to load it: itself and the chunks it depends on, transitively.
pub fn files_by_piece(loader: &str) -> BTreeMap<String, Vec<String>> {
    // Every loader is `const <name> = [wrapAsyncCb(]makeLoad(() => { …
    // "./<file>" … }, [<dependency names>])`: the file as the splitter
    // wrote it (`fetch(new URL("./<file>", …))`) or as bundle.rs rewrote it
    // (`fetchModule("./<file>")`).
    let mut loaders: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    let parts: Vec<&str> = loader.split("makeLoad(() =>").collect();
    for (before, body) in parts.iter().zip(parts.iter().skip(1)) {
        let Some(name) = before
            .rsplit("const ")
            .next()
            .and_then(|s| s.split('=').next())
            .map(str::trim)
        else {
            continue;
        };
        let Some(file) = body.split("\"./").nth(1).and_then(|s| s.split('"').next()) else {
            continue;
        };
        let dependencies = body
            .split("\n, [")
            .nth(1)
            .and_then(|s| s.split(']').next())
            .map(|list| {
                list.split(',')
                    .map(str::trim)
                    .filter(|d| !d.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        loaders.insert(name.to_string(), (file.to_string(), dependencies));
    }
    let mut pieces = BTreeMap::new();
    for (file, _) in loaders.values().filter(|(f, _)| f.starts_with("split_")) {
        let mut files = vec![file.clone()];
        let mut queue: Vec<String> = loaders
            .values()
            .find(|(f, _)| f == file)
            .map(|(_, deps)| deps.clone())
            .unwrap_or_default();
        while let Some(dependency) = queue.pop() {
            if let Some((dep_file, more)) = loaders.get(&dependency) {
                if !files.contains(dep_file) {
                    files.push(dep_file.clone());
                    queue.extend(more.iter().cloned());
                }
            }
        }
        pieces.insert(file.clone(), files);
    }
    pieces
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_piece_needs_its_chunks_and_theirs() {
        let js = r#"
const __chunk_1 = makeLoad(() => {
    const src = fetch(new URL("./chunk_1-aa.wasm", import.meta.url));
}
, []);
const __chunk_2 = makeLoad(() => {
    const src = fetch(new URL("./chunk_2-bb.wasm", import.meta.url));
}
, [__chunk_1]);
export const __wasm_split_load_home = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_home-cc.wasm", import.meta.url));
}
, [__chunk_2]));
export const __wasm_split_load_admin = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_admin-dd.wasm", import.meta.url));
}
, []));
"#;
        let pieces = super::files_by_piece(js);
        assert_eq!(
            pieces["split_home-cc.wasm"],
            ["split_home-cc.wasm", "chunk_2-bb.wasm", "chunk_1-aa.wasm"]
        );
        assert_eq!(pieces["split_admin-dd.wasm"], ["split_admin-dd.wasm"]);
        assert_eq!(pieces.len(), 2);
    }
}
