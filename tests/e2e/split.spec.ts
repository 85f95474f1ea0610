import { test, expect, type Page, type Route } from '@playwright/test';
import { collectErrors, login } from './helpers';

// The app in pieces (xtask/src/split.rs, app/src/areas/): the first page
// loads the main module only; an area's piece is fetched when the area is
// first opened or, sooner, in the background once the app has settled, and
// the service worker keeps every piece for offline use. A page the worker
// does not control gets a piece and the chunks it needs in one download,
// its bundle (xtask/src/bundle.rs), when that saves round trips.

/** The pieces the page itself asks for, in order (the service worker's own precaching is not the page's). */
function pieceRequests(page: Page): string[] {
  const pieces: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.slice(1);
    if (/^(split|chunk|bundle)_.+\.(wasm|bin)$/.test(name)) pieces.push(name);
  });
  return pieces;
}

/** Any file of the pieces: a piece, a chunk or a bundle. */
const ANY_PIECE = /\/(split|chunk|bundle)_[^/]+\.(wasm|bin)$/;

/** The file that brings `area`'s piece: the piece itself, or its bundle. */
const pieceOf = (area: string) => new RegExp(`/(split|bundle)_${area}-[0-9a-f]{16}\\.(wasm|bin)$`);

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigazione principale' });

/** Opens an area from the main navigation and waits for its page. */
/** Holds every request for a piece file in the browser until `release`. */
async function holdPieces(page: Page): Promise<{ release: () => Promise<void> }> {
  const held: Route[] = [];
  await page.route(ANY_PIECE, (route) => {
    held.push(route);
  });
  return {
    release: async () => {
      await page.unroute(ANY_PIECE);
      for (const route of held) await route.continue().catch(() => {});
    },
  };
}

async function openArea(page: Page, link: string, heading: string) {
  await nav(page).getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
}

test('the calendar needs no piece; Objectives and Administration load theirs', async ({ page }) => {
  const errors = collectErrors(page);
  const pieces = pieceRequests(page);
  // Every piece waits in the browser: the calendar, the page a day starts
  // from, must show without them (the app would otherwise fetch them in the
  // background once settled).
  const pieceFiles = await holdPieces(page);
  // Whoever asks first, the background fetch or the link, gets this answer.
  const objectives = page.waitForResponse((r) => pieceOf('objectives').test(r.url()));
  await page.goto('/calendar');
  await login(page, 'admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio calendario', exact: true })).toBeVisible();
  await pieceFiles.release();

  await openArea(page, 'Obiettivi', 'Obiettivi');
  const piece = await objectives;
  expect(piece.ok()).toBeTruthy();
  expect(piece.headers()['content-type']).toBe(
    piece.url().endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream',
  );
  await openArea(page, 'Amministrazione', 'Amministrazione');
  expect(pieces.some((p) => pieceOf('admin').test(`/${p}`))).toBe(true);

  // Back to an area already loaded: its piece is not asked for again.
  const objectivesFiles = () => pieces.filter((p) => pieceOf('objectives').test(`/${p}`)).length;
  const before = objectivesFiles();
  await openArea(page, 'Obiettivi', 'Obiettivi');
  expect(objectivesFiles()).toBe(before);
  expect(errors).toEqual([]);
});

test('offline after one visit, every area opens from the pieces the service worker keeps', async ({ page, context }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, 'admin');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await expect(nav(page)).toBeVisible();
  // The worker keeps each piece in its bundle, with the chunks it needs, and
  // answers for a piece or chunk with its part of one.
  const kept = await page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
  expect(kept.some((path) => path.startsWith('/bundle_admin-'))).toBe(true);
  expect(kept.filter((path) => /^\/(split|chunk)_/.test(path))).toEqual([]);

  await context.setOffline(true);
  await page.reload();
  for (const [link, heading] of [
    ['Il mio calendario', 'Il mio calendario'],
    ['Assenze', 'Assenze'],
    ['Il mio team', 'Calendario del team'],
    ['Obiettivi', 'Obiettivi'],
    ['Webinar', 'Webinar'],
    ['Monitoraggio', 'Monitoraggio del lavoro agile'],
    ['Amministrazione', 'Amministrazione'],
  ]) {
    await openArea(page, link, heading);
  }
  await page.goto('/calendar/export');
  await expect(page.getByRole('heading', { level: 1, name: 'Esporta il calendario' })).toBeVisible();
  await context.setOffline(false);
  expect(errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch|api\//.test(e))).toEqual([]);
});

test.describe('without the service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('signed out, a notice is a piece too: it says so when it cannot be downloaded, and shows once it can', async ({ page }) => {
    const notices = pieceOf('notices');
    await page.route(notices, (route) => route.abort('internetdisconnected'));
    await page.goto('/privacy');
    await expect(page.getByRole('heading', { level: 1, name: 'Impossibile aprire questa pagina' })).toBeVisible();
    await page.unroute(notices);
    await page.getByRole('button', { name: 'Riprova' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Informativa sulla privacy' })).toBeVisible();
    // The footer's links open the others without a full load.
    await page.getByRole('link', { name: 'Note legali' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Note legali' })).toBeVisible();
  });

  test('an area whose piece cannot be downloaded says so, and opens on a second try', async ({ page }) => {
    // From the start: the background fetch after sign-in fails as well.
    await page.route(pieceOf('webinars'), (route) => route.abort('internetdisconnected'));
    await page.goto('/');
    await login(page, 'admin');
    await nav(page).getByRole('link', { name: 'Webinar', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Impossibile aprire questa pagina' })).toBeVisible();
    // The app itself goes on: another area still opens.
    await openArea(page, 'Il mio calendario', 'Il mio calendario');

    await page.unroute(pieceOf('webinars'));
    await openArea(page, 'Webinar', 'Webinar');
  });

  test('a first visit gets an area opened at once in one download, not one per file', async ({ page }) => {
    const errors = collectErrors(page);
    const pieces = pieceRequests(page);
    // Held from the start: the background fetches after sign-in wait too,
    // so the link is the first to ask for the area's files.
    const pieceFiles = await holdPieces(page);
    await page.goto('/calendar');
    await login(page, 'giulia');
    await expect(page.getByRole('heading', { level: 1, name: 'Il mio calendario', exact: true })).toBeVisible();
    await nav(page).getByRole('link', { name: 'Obiettivi', exact: true }).click();
    await expect.poll(() => pieces.some((p) => p.startsWith('bundle_objectives-'))).toBe(true);
    await pieceFiles.release();
    await expect(page.getByRole('heading', { level: 1, name: 'Obiettivi', exact: true })).toBeVisible();
    // The piece and its chunks came in the bundle: none was asked for alone.
    expect(pieces.filter((p) => p.startsWith('split_objectives-'))).toEqual([]);
    expect(pieces.filter((p) => p.startsWith('bundle_objectives-'))).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  test('once the app has settled, the areas it fetched in the background open without the network', async ({ page, context }) => {
    const errors = collectErrors(page);
    // The person's areas come one after another: objectives before webinars.
    const webinars = page.waitForResponse((r) => pieceOf('webinars').test(r.url()));
    await page.goto('/');
    await login(page, 'giulia');
    await webinars;
    await context.setOffline(true);
    await openArea(page, 'Obiettivi', 'Obiettivi');
    await context.setOffline(false);
    expect(errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch|api\//.test(e))).toEqual([]);
  });

  test('where the browser offers no service workers at all (a page over plain HTTP), the areas are still fetched in the background', async ({ page, context }) => {
    // As on an address other than localhost without TLS: no `navigator.serviceWorker`.
    await page.addInitScript(() => {
      delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
    });
    const errors = collectErrors(page);
    const webinars = page.waitForResponse((r) => pieceOf('webinars').test(r.url()));
    await page.goto('/');
    await login(page, 'giulia');
    expect(await page.evaluate(() => 'serviceWorker' in navigator)).toBe(false);
    await webinars;
    await context.setOffline(true);
    await openArea(page, 'Obiettivi', 'Obiettivi');
    await context.setOffline(false);
    expect(errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch|api\//.test(e))).toEqual([]);
  });
});
