// How long each area of the app takes to open the first time, on the slow
// 4G of the first-visit budget (150 ms round trip, 1.6 Mbit/s down, 4x CPU
// slowdown): signed in on a cold browser without the service worker, the
// person follows a link to the area and waits for its page, either at once
// or once the app has fetched the person's areas in the background. Prints
// one line per area with the seconds, files and bytes of each;
// design.md §5 allows 1 s.
// Run by `cargo xtask audit`, which starts a real server and sets VELA_BASE_URL.
import puppeteer from 'puppeteer-core';

const base = process.env.VELA_BASE_URL ?? 'http://127.0.0.1:8080';
const BUDGET_MS = 1000;
// [path, who opens it]
const areas = [
  ['/', 'giulia'],
  ['/calendar', 'giulia'],
  ['/objectives', 'giulia'],
  ['/webinars', 'giulia'],
  ['/absences', 'giulia'],
  ['/notifications', 'giulia'],
  ['/team', 'marco'],
  ['/training', 'sara'],
  ['/admin', 'admin'],
  ['/monitoring', 'admin'],
];

const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});
let over = 0;

/** Seconds from following a link to `path` until its page shows, for
 * `user` on a fresh browser; with `settled`, the link is followed once the
 * app has fetched its pieces in the background after sign-in, else at once. */
async function open(path, user, settled) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    // A first visit: no service worker, which would fetch every piece in
    // the background as soon as the page loads.
    await page.evaluateOnNewDocument(() => {
      delete Navigator.prototype.serviceWorker;
    });
    // Signed in on another page first, so the area is reached by a link.
    await page.goto(`${base}/not-an-area`);
    await page.waitForSelector('#static-username', { visible: true });
    await page.type('#static-username', user);
    await page.type('#static-password', 'vela-demo');
    await page.click('#static-login form.login-form button[type=submit]');
    await page.waitForSelector('nav.main-nav');
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent);
    const before = await page.$eval('main h1', (h) => h.textContent);
    const signedIn = performance.now();
    // Settled: the app marks when it has fetched in the background all it
    // will (app/src/areas/mod.rs, `warm_for`). Network idleness is no sign:
    // a piece's bundle is one long request beside the event stream's.
    if (settled) {
      await page.waitForFunction(() => performance.getEntriesByName('vela:areas-fetched').length > 0, {
        polling: 100,
        timeout: 120_000,
      });
    }
    const settling = settled ? (performance.now() - signedIn) / 1000 : 0;
    let files = 0;
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => {
      files += 1;
      bytes += e.encodedDataLength;
    });
    const started = performance.now();
    await page.evaluate((to) => {
      // A link the router follows, as the navigation's would be.
      const link = document.createElement('a');
      link.href = to;
      document.body.append(link);
      link.click();
      link.remove();
    }, path);
    await page.waitForFunction(
      (old) => {
        const h = document.querySelector('main h1');
        return h && h.textContent && h.textContent !== old;
      },
      { polling: 'raf', timeout: 60_000 },
      before,
    );
    return { seconds: (performance.now() - started) / 1000, files, kb: bytes / 1024, settling };
  } finally {
    await context.close();
  }
}

try {
  console.log('opening each area on slow 4G (150 ms, 1.6 Mbit/s, 4x CPU), no service worker:');
  console.log('  area             at once after sign-in             once the app has settled    (settled after)');
  for (const [path, user] of areas) {
    const now = await open(path, user, false);
    const later = await open(path, user, true);
    if (now.seconds > BUDGET_MS / 1000) over += 1;
    const cell = (r) =>
      `${r.seconds.toFixed(2)} s (${String(r.files).padStart(2)} files, ${r.kb.toFixed(0).padStart(3)} KB)`.padEnd(33);
    console.log(`  ${path.padEnd(16)} ${cell(now)} ${cell(later)} ${later.settling.toFixed(1)} s`);
  }
} finally {
  await browser.close();
}
console.log(over ? `areas over the 1 s budget when followed at once: ${over}` : 'every area opens within the 1 s budget');
