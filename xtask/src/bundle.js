
// Added by `cargo xtask dist` (xtask/src/bundle.rs). A piece needs its own
// file and the chunks it shares with other pieces, some fifty files for the
// largest. Over HTTP/1.1 a browser asks a host for six at a time, so on a
// slow mobile line every further six cost a round trip. A browser that has
// none of them yet gets them all in one download, the piece's bundle; the
// pieces and chunks stay files of their own for the service worker, which
// serves them from its cache without any round trip.

/** Every module asked for so far, by its name without the hash. */
const velaAsked = new Set();
/** Bytes of modules a bundle is bringing, until their loader asks. */
const velaBrought = new Map();

/** What each module loader fetches: its file, or its bytes from a bundle. */
function fetchModule(file) {
    const name = file.slice(2, file.lastIndexOf('-'));
    velaAsked.add(name);
    const bytes = velaBrought.get(name);
    if (bytes !== undefined) {
        // Once only: if this load fails, the next try fetches the file.
        velaBrought.delete(name);
        return async (imports) => WebAssembly.instantiate(await bytes, imports);
    }
    const src = fetch(new URL(file, import.meta.url));
    src.catch(() => {});
    return async (imports) => WebAssembly.instantiateStreaming(src, imports);
}

/** `load` of `piece`, after asking for its bundle when that is worth it. */
function bundled(piece, load) {
    return () => {
        fetchBundle(piece);
        return load();
    };
}

/** Fetches `piece`'s bundle when it saves round trips for a few bytes. */
function fetchBundle(piece) {
    const bundle = VELA_BUNDLES[piece];
    if (bundle === undefined || navigator.serviceWorker?.controller) return;
    const wanted = [];
    let unwanted = 0;
    let offset = 0;
    for (const [name, length] of bundle.parts) {
        if (velaAsked.has(name) || velaBrought.has(name)) unwanted += length;
        else wanted.push([name, offset, length]);
        offset += length;
    }
    // A round trip on slow 4G (150 ms at 1.6 Mbit/s) is worth about 30 KB
    // on the wire, some 64 KB of WebAssembly before compression: files
    // already here are fetched again only while that pays.
    const roundsSaved = Math.ceil(wanted.length / 6) - 1;
    if (roundsSaved < 1 || unwanted > roundsSaved * 65536) return;
    const bytes = fetch(new URL(bundle.file, import.meta.url)).then((response) => {
        if (!response.ok) throw new Error(`${bundle.file}: HTTP ${response.status}`);
        return response.arrayBuffer();
    });
    for (const [name, start, length] of wanted) {
        const part = bytes.then((all) => all.slice(start, start + length));
        part.catch(() => {});
        velaBrought.set(name, part);
    }
}
