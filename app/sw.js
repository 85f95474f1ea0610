// Vela's service worker: keeps the app shell so Vela opens without a network.
// `cargo xtask dist` fills in the placeholders after the assets are hashed
// (xtask/src/dist.rs), so each build gets its own cache and old ones are removed.
const VERSION = '__VELA_VERSION__';
// What the app starts with.
const SHELL = __VELA_ASSETS__;
// The app's pieces of WebAssembly, each with the chunks it needs, one file
// each (xtask/src/bundle.rs): a few requests instead of some two hundred,
// and the very ones a page not yet controlled asks for, so the browser
// downloads each once.
const BUNDLES = __VELA_BUNDLES__;
// Each piece and chunk: the bundle it is read from, its offset and length.
const PARTS = __VELA_PARTS__;
const CACHE = `vela-shell-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // The start-up files first: the page waits for them.
      .then((cache) => cache.addAll(SHELL).then(() => cache.addAll(BUNDLES)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('vela-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // The API is never cached here: the app's outbox handles being offline.
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) {
    return;
  }
  if (request.mode === 'navigate') {
    // Any page of the SPA is index.html; the network first so a new version is seen.
    event.respondWith(fetch(request).catch(() => caches.match('/index.html', { cacheName: CACHE })));
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((hit) => hit || part(url.pathname)).then((hit) => hit || fetch(request)),
  );
});

/** Bundles read while this worker runs: a piece asks for dozens of parts of one. */
const opened = new Map();

/** A piece or chunk from its bundle, or undefined if the bundle is not kept. */
async function part(path) {
  const where = PARTS[path];
  if (where === undefined) return undefined;
  const [bundle, offset, length] = where;
  if (!opened.has(bundle)) {
    const reading = caches
      .match(bundle, { cacheName: CACHE })
      .then((kept) => (kept ? kept.arrayBuffer() : undefined));
    opened.set(bundle, reading);
    // A failed read is not kept: the next request tries again.
    reading.then((bytes) => bytes ?? opened.delete(bundle), () => opened.delete(bundle));
  }
  const bytes = await opened.get(bundle).catch(() => undefined);
  if (bytes === undefined) return undefined;
  return new Response(bytes.slice(offset, offset + length), {
    headers: { 'Content-Type': 'application/wasm' },
  });
}
