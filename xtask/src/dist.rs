//! Builds the SPA into dist/: trunk for the page, its styles and files,
//! `styles.rs` to serve the styles as one file, `split.rs` for the
//! WebAssembly in pieces; then makes index.html CSP-clean.
//!
//! The WASM start-up code is an inline `<script type="module">` (as trunk
//! writes it). Our CSP allows no inline script, so the code moves to its own
//! file, named by a hash of its content like trunk's other assets.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::bundle::{Bundle, Part};
use crate::split::replace_exactly_once;
use crate::{cmd, root, Result};

pub fn build() -> Result {
    // Release profile and wasm-opt level are set in app/index.html.
    cmd::run_in(Command::new("trunk").args(["build", "--release"]), &root())?;
    let dist = root().join("dist");
    crate::styles::bundle(&dist)?;
    let app = crate::split::build(&dist)?;
    println!("xtask: pieces loaded on demand: {}", app.pieces.join(", "));
    add_start_up(&dist, &app)?;
    externalise_inline_scripts(&dist)?;
    write_service_worker(&dist, &root().join("app/sw.js"), &app.bundles)?;
    // Last, so every file above (sw.js and index.html included) has its copies.
    crate::compress::precompress(&dist).map(|_| ())
}

/// Registers the service worker first thing, before the WASM loads, so even
/// a first visit that later fails to start leaves an installable shell.
const REGISTER_SERVICE_WORKER: &str =
    "if ('serviceWorker' in navigator) { navigator.serviceWorker.register('/sw.js').catch(() => {}); }\n";

/// Has index.html preload the start-up code and start the app.
///
/// The WASM is fetched only once `login.js` has shown its form (at once for
/// someone signed in): on a first visit over a slow connection its half a
/// megabyte would otherwise share the line with the form's own files and
/// delay the page a person is waiting for. Nothing preloads it for the same
/// reason; a signed-in person's visits take it from the service worker.
fn add_start_up(dist: &Path, app: &crate::split::App) -> Result {
    let index_path = dist.join("index.html");
    let html = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    let tags = format!(
        "<link rel=\"modulepreload\" href=\"/{js}\" crossorigin=\"anonymous\">\
         <link rel=\"modulepreload\" href=\"/{loader}\" crossorigin=\"anonymous\">\
         <script type=\"module\">\nimport init from '/{js}';\nawait window.velaLogin?.shown;\nawait init({{ module_or_path: '/{wasm}' }});\n</script>\n</head>",
        js = app.js,
        loader = app.loader,
        wasm = app.wasm,
    );
    if html.matches("</head>").count() != 1 {
        return Err("index.html must have one </head>".into());
    }
    std::fs::write(&index_path, html.replace("</head>", &tags))
        .map_err(|e| format!("{}: {e}", index_path.display()))
}

/// Writes dist/sw.js from its template: the start-up files to keep, then
/// the bundles (which hold the pieces and chunks: `bundle.rs`), where each
/// piece and chunk is in them, and a version derived from all their
/// (content-hashed) names.
pub fn write_service_worker(dist: &Path, template: &Path, bundles: &[Bundle]) -> Result {
    // Each piece and chunk in the smallest bundle that holds it: the worker
    // reads a whole bundle to answer for one of them.
    let mut parts: BTreeMap<&str, (&Bundle, &Part)> = BTreeMap::new();
    let size = |bundle: &Bundle| bundle.parts.iter().map(|p| p.length).sum::<usize>();
    for bundle in bundles {
        for part in &bundle.parts {
            let smaller = parts
                .get(part.file.as_str())
                .is_none_or(|(kept, _)| size(bundle) < size(kept));
            if smaller {
                parts.insert(&part.file, (bundle, part));
            }
        }
    }
    let mut assets: Vec<String> = std::fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().map(|t| t.is_file()).unwrap_or(false))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "sw.js")
        // The compressed copies are the same files to the browser.
        .filter(|name| !name.ends_with(".br") && !name.ends_with(".gz"))
        // Kept in their bundles, listed apart.
        .filter(|name| !name.ends_with(".bin") && !parts.contains_key(name.as_str()))
        .map(|name| format!("/{name}"))
        .collect();
    assets.sort();
    let mut bundle_names: Vec<String> = bundles.iter().map(|b| format!("/{}", b.name)).collect();
    bundle_names.sort();
    let version = format!(
        "{:016x}",
        fnv1a((assets.concat() + &bundle_names.concat()).as_bytes())
    );
    let list = |names: &[String]| {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        format!("[{}]", quoted.join(", "))
    };
    let where_parts: Vec<String> = parts
        .iter()
        .map(|(file, (bundle, part))| {
            format!(
                "  '/{file}': ['/{}', {}, {}],",
                bundle.name, part.offset, part.length
            )
        })
        .collect();
    let source =
        std::fs::read_to_string(template).map_err(|e| format!("{}: {e}", template.display()))?;
    let mut worker = source;
    for (placeholder, value) in [
        ("'__VELA_VERSION__'", format!("'{version}'")),
        ("__VELA_ASSETS__", list(&assets)),
        ("__VELA_BUNDLES__", list(&bundle_names)),
        (
            "__VELA_PARTS__",
            format!("{{\n{}\n}}", where_parts.join("\n")),
        ),
    ] {
        worker = replace_exactly_once(&worker, placeholder, &value)?;
    }
    std::fs::write(dist.join("sw.js"), worker).map_err(|e| format!("sw.js: {e}"))
}

/// Moves each inline `<script>` of dist/index.html into `boot-<hash>.js`.
pub fn externalise_inline_scripts(dist: &Path) -> Result {
    let index_path = dist.join("index.html");
    let html = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<script") {
        let (before, from_tag) = rest.split_at(start);
        out.push_str(before);
        let open_end = from_tag
            .find('>')
            .ok_or("unterminated <script> tag in index.html")?;
        let open_tag = &from_tag[..=open_end];
        let close = from_tag
            .find("</script>")
            .ok_or("<script> without </script> in index.html")?;
        let body = &from_tag[open_end + 1..close];
        if open_tag.contains(" src=") || body.trim().is_empty() {
            out.push_str(&from_tag[..close + "</script>".len()]);
        } else {
            let code = format!("{REGISTER_SERVICE_WORKER}{}", body.trim());
            let name = format!("boot-{:016x}.js", fnv1a(code.as_bytes()));
            std::fs::write(dist.join(&name), code).map_err(|e| format!("{name}: {e}"))?;
            let kind = if open_tag.contains("type=\"module\"") {
                " type=\"module\""
            } else {
                ""
            };
            out.push_str(&format!("<script{kind} src=\"/{name}\"></script>"));
        }
        rest = &from_tag[close + "</script>".len()..];
    }
    out.push_str(rest);
    let out = strip_build_time_nonces(&out);
    std::fs::write(&index_path, out).map_err(|e| format!("{}: {e}", index_path.display()))
}

/// trunk may stamp a fixed nonce on tags; a nonce fixed at build time is no
/// secret, and our CSP does not use nonces, so it goes.
fn strip_build_time_nonces(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(" nonce=\"") {
        out.push_str(&rest[..start]);
        let after = &rest[start + " nonce=\"".len()..];
        match after.find('"') {
            Some(end) => rest = &after[end + 1..],
            None => {
                rest = after;
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// FNV-1a: a stable content hash for cache-busting file names.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_module_moves_to_a_hashed_file_and_src_scripts_stay() {
        let dir = std::env::temp_dir().join(format!("xtask-dist-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("index.html"),
            "<head><script type=\"module\" nonce=\"abc\">\nimport init from '/a.js';\nawait init();\n</script>\
             <script src=\"/x.js\"></script></head>",
        )
        .unwrap();
        externalise_inline_scripts(&dir).unwrap();
        let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
        assert!(!html.contains("import init"), "{html}");
        assert!(html.contains("<script src=\"/x.js\"></script>"), "{html}");
        assert!(!html.contains("nonce"), "{html}");
        let name = html
            .split("src=\"/boot-")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let body = std::fs::read_to_string(dir.join(format!("boot-{name}"))).unwrap();
        assert_eq!(
            body,
            format!("{REGISTER_SERVICE_WORKER}import init from '/a.js';\nawait init();")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn service_worker_keeps_the_start_up_files_and_the_bundles_and_knows_the_parts() {
        let dir = std::env::temp_dir().join(format!("xtask-sw-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let template = dir.join("template.js");
        std::fs::write(
            &template,
            "const VERSION = '__VELA_VERSION__';\nconst SHELL = __VELA_ASSETS__;\n\
             const BUNDLES = __VELA_BUNDLES__;\nconst PARTS = __VELA_PARTS__;",
        )
        .unwrap();
        for file in [
            "index.html",
            "app-1.wasm",
            "split_home-cc.wasm",
            "chunk_1-aa.wasm",
            "bundle_home-1.bin",
            "bundle_big-2.bin",
        ] {
            std::fs::write(dir.join(file), "").unwrap();
        }
        let part = |file: &str, offset, length| Part {
            file: file.into(),
            offset,
            length,
        };
        let bundles = [
            Bundle {
                name: "bundle_big-2.bin".into(),
                parts: vec![
                    part("split_big-dd.wasm", 0, 50),
                    part("chunk_1-aa.wasm", 50, 3),
                ],
            },
            Bundle {
                name: "bundle_home-1.bin".into(),
                parts: vec![
                    part("split_home-cc.wasm", 0, 5),
                    part("chunk_1-aa.wasm", 5, 3),
                ],
            },
        ];
        write_service_worker(&dir, &template, &bundles).unwrap();
        let first = std::fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(
            first.contains("const SHELL = ['/app-1.wasm', '/index.html', '/template.js'];"),
            "{first}"
        );
        assert!(
            first.contains("const BUNDLES = ['/bundle_big-2.bin', '/bundle_home-1.bin'];"),
            "{first}"
        );
        // A chunk two bundles hold is read from the smaller.
        assert!(
            first.contains("'/chunk_1-aa.wasm': ['/bundle_home-1.bin', 5, 3],"),
            "{first}"
        );
        assert!(
            first.contains("'/split_big-dd.wasm': ['/bundle_big-2.bin', 0, 50],"),
            "{first}"
        );

        std::fs::remove_file(dir.join("app-1.wasm")).unwrap();
        std::fs::write(dir.join("app-2.wasm"), "").unwrap();
        write_service_worker(&dir, &template, &bundles).unwrap();
        let second = std::fs::read_to_string(dir.join("sw.js")).unwrap();
        let version = |s: &str| s.lines().next().unwrap().to_string();
        assert_ne!(version(&first), version(&second));

        std::fs::write(&template, "const SHELL = __VELA_ASSETS__;").unwrap();
        assert!(write_service_worker(&dir, &template, &bundles).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
