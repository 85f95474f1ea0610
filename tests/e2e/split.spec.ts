import { test, expect, type Page, type Route } from '@playwright/test';
import { collectErrors, login } from './helpers';

// The app in pieces (xtask/src/split.rs, app/src/areas/): the first page
// loads the main module only; an area's piece is fetched when the area is
// first opened or, sooner, in the background once the app has settled, and
// the service worker keeps every piece for offline use.

/** The pieces the page itself asks for, in order (the service worker's own precaching is not the page's). */
function pieceRequests(page: Page): string[] {
  const pieces: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.slice(1);
    if (/^(split|chunk)_.+\.wasm$/.test(name)) pieces.push(name);
  });
  return pieces;
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigazione principale' });

/** Opens an area from the main navigation and waits for its page. */
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
  const held: Route[] = [];
  await page.route(/\/(split|chunk)_[^/]+\.wasm$/, (route) => {
    held.push(route);
  });
  // Whoever asks first, the background fetch or the link, gets this answer.
  const objectives = page.waitForResponse((r) => /\/split_objectives-[0-9a-f]{16}\.wasm$/.test(r.url()));
  await page.goto('/calendar');
  await login(page, 'admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio calendario', exact: true })).toBeVisible();
  await page.unroute(/\/(split|chunk)_[^/]+\.wasm$/);
  for (const route of held) await route.continue().catch(() => {});

  await openArea(page, 'Obiettivi', 'Obiettivi');
  const piece = await objectives;
  expect(piece.ok()).toBeTruthy();
  expect(piece.headers()['content-type']).toBe('application/wasm');
  await openArea(page, 'Amministrazione', 'Amministrazione');
  expect(pieces.some((p) => p.startsWith('split_admin'))).toBe(true);

  // Back to an area already loaded: its piece is not asked for again.
  const before = pieces.filter((p) => p.startsWith('split_objectives')).length;
  await openArea(page, 'Obiettivi', 'Obiettivi');
  expect(pieces.filter((p) => p.startsWith('split_objectives')).length).toBe(before);
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
    const notices = /\/split_notices-[0-9a-f]{16}\.wasm$/;
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
    await page.route(/\/split_webinars-[0-9a-f]{16}\.wasm$/, (route) => route.abort('internetdisconnected'));
    await page.goto('/');
    await login(page, 'admin');
    await nav(page).getByRole('link', { name: 'Webinar', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Impossibile aprire questa pagina' })).toBeVisible();
    // The app itself goes on: another area still opens.
    await openArea(page, 'Il mio calendario', 'Il mio calendario');

    await page.unroute(/\/split_webinars-[0-9a-f]{16}\.wasm$/);
    await openArea(page, 'Webinar', 'Webinar');
  });

  test('once the app has settled, the areas it fetched in the background open without the network', async ({ page, context }) => {
    const errors = collectErrors(page);
    // The person's areas come one after another: objectives before webinars.
    const webinars = page.waitForResponse((r) => /\/split_webinars-[0-9a-f]{16}\.wasm$/.test(r.url()));
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
    const webinars = page.waitForResponse((r) => /\/split_webinars-[0-9a-f]{16}\.wasm$/.test(r.url()));
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
