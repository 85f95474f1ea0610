//! Puts trunk's stylesheets into one file.
//!
//! The styles are written one file per area (`style/*.css`) and every page
//! needs all of them, the login page before the WASM included. Served apart
//! they were ten requests, and ten brotli streams that cannot share their
//! vocabulary: 14.1 KB against 10.2 KB as one. The order of the `<link>`
//! tags is kept inside the file, so the cascade is the same.
//!
//! The file is then minified (lightningcss): the source's comments and
//! layout are for people, and the login page waits for this file. 63 KB
//! became 51 KB, 10.4 KB brotli became 8.5 KB, and a browser parses it in
//! less time, inside the page's own first task when it comes from the cache.

use std::path::Path;

use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
use lightningcss::targets::{Browsers, Targets};

use crate::dist::fnv1a;
use crate::Result;

/// Replaces the stylesheet links of dist/index.html by one link to
/// `style-<hash>.css`, their contents in order, and removes the files.
pub fn bundle(dist: &Path) -> Result {
    let index_path = dist.join("index.html");
    let html = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    let (links, html) = take_stylesheet_links(&html)?;
    if links.is_empty() {
        return Err("index.html links no stylesheet".into());
    }
    let mut css = String::new();
    for name in &links {
        let path = dist.join(name);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        css.push_str(&text);
        css.push('\n');
    }
    let css = minify(&css)?;
    let name = format!("style-{:016x}.css", fnv1a(css.as_bytes()));
    std::fs::write(dist.join(&name), &css).map_err(|e| format!("{name}: {e}"))?;
    for old in &links {
        std::fs::remove_file(dist.join(old)).map_err(|e| format!("{old}: {e}"))?;
    }
    let html = html.replacen(
        MARK,
        &format!("<link rel=\"stylesheet\" href=\"/{name}\"/>"),
        1,
    );
    std::fs::write(&index_path, html).map_err(|e| format!("{}: {e}", index_path.display()))
}

/// The styles without comments or spaces, with rules and shorthands merged
/// where the cascade allows it. A stylesheet lightningcss cannot parse stops
/// the build: it would be a typo the browser skips silently.
fn minify(css: &str) -> Result<String> {
    let mut sheet =
        StyleSheet::parse(css, ParserOptions::default()).map_err(|e| format!("styles: {e}"))?;
    let targets = targets();
    sheet
        .minify(MinifyOptions {
            targets,
            ..MinifyOptions::default()
        })
        .map_err(|e| format!("styles: {e}"))?;
    let printed = sheet
        .to_css(PrinterOptions {
            minify: true,
            targets,
            ..PrinterOptions::default()
        })
        .map_err(|e| format!("styles: {e}"))?;
    Ok(printed.code)
}

/// The browsers the minified file must still work in. Without targets the
/// minifier writes the newest syntax (media ranges such as `width<=40rem`,
/// Safari 16.4 and later), and an office's tablets are not always that
/// recent: Safari and iPadOS 14, Chrome and Edge 87, Firefox 78 ESR.
fn targets() -> Targets {
    let major = |version: u32| Some(version << 16);
    Targets::from(Browsers {
        safari: major(14),
        ios_saf: major(14),
        chrome: major(87),
        edge: major(87),
        android: major(87),
        samsung: major(14),
        firefox: major(78),
        ..Browsers::default()
    })
}

/// Where the first stylesheet link was, until the bundle's name is known.
const MARK: &str = "<!--vela-styles-->";

/// The file names of the `<link rel="stylesheet" href="/…">` tags, in order,
/// and the page with the first replaced by [`MARK`] and the others gone.
fn take_stylesheet_links(html: &str) -> Result<(Vec<String>, String)> {
    const OPEN: &str = "<link rel=\"stylesheet\" href=\"/";
    let mut names = Vec::new();
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let tag = &rest[start..];
        let end = tag
            .find('>')
            .ok_or("unterminated stylesheet <link> in index.html")?;
        let href = &tag[OPEN.len()..];
        let name = &href[..href
            .find('"')
            .ok_or("stylesheet href without its closing quote")?];
        if name.contains('/') || !name.ends_with(".css") {
            return Err(format!("unexpected stylesheet in index.html: {name}"));
        }
        if names.is_empty() {
            out.push_str(MARK);
        }
        names.push(name.to_string());
        rest = &tag[end + 1..];
    }
    out.push_str(rest);
    Ok((names, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_links_become_one_file_in_their_order() {
        let dir = std::env::temp_dir().join(format!("xtask-styles-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("main-1.css"), "a{color:red}").unwrap();
        std::fs::write(dir.join("area-2.css"), "a{color:blue}").unwrap();
        std::fs::write(
            dir.join("index.html"),
            "<head><link rel=\"stylesheet\" href=\"/main-1.css\" integrity=\"sha384-x\"/>\n\
             <link rel=\"icon\" href=\"/favicon.svg\"/>\
             <link rel=\"stylesheet\" href=\"/area-2.css\"/></head>",
        )
        .unwrap();
        bundle(&dir).unwrap();
        let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
        let name = html
            .split("href=\"/")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .to_string();
        assert!(
            name.starts_with("style-") && name.ends_with(".css"),
            "{html}"
        );
        assert_eq!(
            html,
            format!("<head><link rel=\"stylesheet\" href=\"/{name}\"/>\n<link rel=\"icon\" href=\"/favicon.svg\"/></head>")
        );
        // Minified into one rule; blue wins because the order was kept.
        assert_eq!(
            std::fs::read_to_string(dir.join(&name)).unwrap(),
            "a{color:#00f}"
        );
        assert!(!dir.join("main-1.css").exists() && !dir.join("area-2.css").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn minifying_keeps_what_the_browser_needs() {
        let css = "/* note */\n@media (max-width: 40rem) {\n  .a { margin: 0 0 0 0; }\n}\n\
                   @font-face { font-family: \"T\"; src: url(\"/t-1.woff2\") format(\"woff2\"); }\n\
                   :focus-visible { outline: 3px solid var(--focus); }\n";
        assert_eq!(
            minify(css).unwrap(),
            "@media (max-width:40rem){.a{margin:0}}\
             @font-face{font-family:T;src:url(/t-1.woff2)format(\"woff2\")}\
             :focus-visible{outline:3px solid var(--focus)}"
        );
    }

    #[test]
    fn a_stylesheet_that_does_not_parse_stops_the_build() {
        let error = minify(".a { color: red; } }").unwrap_err();
        assert!(error.starts_with("styles: "), "{error}");
    }

    #[test]
    fn a_page_without_stylesheets_is_refused() {
        let dir = std::env::temp_dir().join(format!("xtask-styles-none-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "<head></head>").unwrap();
        assert!(bundle(&dir).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
