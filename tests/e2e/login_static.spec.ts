import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DEMO_PASSWORD, collectErrors } from './helpers';

// The sign-in form of index.html works before the WebAssembly has arrived,
// and stays the login page once it has: the app draws itself only after a
// sign-in. The app's download is held (not failed) by route interception,
// and let through when the test says so. Nothing here changes the demo data.

// A service worker would answer the app's files itself, past the page's routes.
test.use({ serviceWorkers: 'block' });

/** Holds every request for the app's WASM until `release` is called. */
async function holdWasm(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** The app has arrived and waits for a sign-in through the form. */
const appWaiting = (page: Page) => page.locator('#static-login[data-app="waiting"]');

/** Only the signed-in app draws the main navigation. */
const appDrawn = (page: Page) => page.getByRole('navigation', { name: 'Navigazione principale' });

test('with the WASM held, the form says a wrong password, signs in, and the app opens signed in', async ({ page }) => {
  const errors = collectErrors(page);
  const release = await holdWasm(page);
  await page.goto('/calendar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accedi a Vela');
  await expect(page.getByRole('heading', { name: 'Account dimostrativi' })).toBeVisible();
  await expect(page.getByRole('note')).toHaveText('Versione dimostrativa: dati di prova');
  await expect(
    page.getByRole('contentinfo').getByRole('link', { name: 'Dichiarazione di accessibilità' }),
  ).toHaveAttribute('href', '/accessibility');

  await page.getByLabel('Nome utente').fill('sara');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Nome utente o password non corretti.');
  await expect(page.getByLabel('Nome utente')).toHaveValue('sara');

  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Caricamento…');
  await expect(page.getByRole('textbox', { name: 'Nome utente' })).toHaveCount(0);
  // Signed in on the server before the app exists.
  expect((await page.request.get('/api/me')).status()).toBe(200);
  await expect(appDrawn(page)).toHaveCount(0);

  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio calendario' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigazione principale' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accedi', exact: true })).toHaveCount(0);
  // The browser logs the refused password's 401; nothing else may fail.
  expect(errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
});

test('the app arriving mid-typing changes nothing on the page: text, cursor and layout stay', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  await page.getByLabel('Nome utente').fill('giulia');
  await page.getByLabel('Password').focus();
  await page.keyboard.type('vela-');
  const before = await page.getByRole('heading', { level: 1 }).boundingBox();
  await expect(appWaiting(page)).toHaveCount(0);

  release();
  await expect(appWaiting(page)).toHaveCount(1);
  await expect(page.getByLabel('Nome utente')).toHaveValue('giulia');
  await expect(page.getByLabel('Password')).toHaveValue('vela-');
  await expect(page.getByLabel('Password')).toBeFocused();
  expect(await page.getByRole('heading', { level: 1 }).boundingBox()).toEqual(before);
  // Typing goes on where it stopped; the app draws itself once signed in.
  await page.keyboard.type('demo');
  await expect(page.getByLabel('Password')).toHaveValue(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(appDrawn(page)).toBeVisible();
  await expect(page.locator('#static-login')).toHaveCount(0);
});

test('a message shown by the form stays when the app arrives', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Inserisci nome utente e password.');
  release();
  await expect(appWaiting(page)).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveText('Inserisci nome utente e password.');
});

test('too many attempts and an unreachable server are said as the app says them, in English too', async ({ page }) => {
  const release = await holdWasm(page);
  let answer: 'limited' | 'down' = 'limited';
  await page.route('**/api/auth/login', (route) =>
    answer === 'limited'
      ? route.fulfill({
          status: 429,
          contentType: 'application/json',
          body: JSON.stringify({ error: 'rate_limited', message: 'slow down' }),
        })
      : route.abort('connectionrefused'),
  );
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in to Vela');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Use the account marco' }).click();
  await expect(page.getByLabel('Username')).toHaveValue('marco');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Too many failed attempts: try again in a minute.');
  answer = 'down';
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The server cannot be reached: check your connection and try again.',
  );

  // The language chosen here is the app's once signed in.
  release();
  await expect(appWaiting(page)).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in to Vela');
  await expect(page.getByLabel('Username')).toHaveValue('marco');
  await page.unroute('**/api/auth/login');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the WASM is fetched only after the form is on the screen, so the form has the connection first', async ({ page }) => {
  await page.goto('/');
  await expect(appWaiting(page)).toBeAttached();
  const order = await page.evaluate(async () => {
    const shown = performance.getEntriesByName('vela:login-shown')[0]?.startTime ?? null;
    const wasm = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.wasm'))
      .map((entry) => entry.startTime);
    // When the form's largest paint reached the screen (buffered entries
    // come in the observer's first call).
    const painted = await new Promise<number | null>((resolve) => {
      new PerformanceObserver((list, observer) => {
        observer.disconnect();
        resolve(list.getEntries()[0]?.startTime ?? null);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    return { shown, painted, firstWasm: wasm.length ? Math.min(...wasm) : null };
  });
  expect(order.shown).not.toBeNull();
  expect(order.painted).not.toBeNull();
  expect(order.firstWasm).not.toBeNull();
  expect(order.firstWasm!).toBeGreaterThanOrEqual(order.shown!);
  expect(order.firstWasm!).toBeGreaterThanOrEqual(order.painted!);
});

test('a signed-in person reopening Vela never sees the form', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Nome utente').fill('giulia');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Navigazione principale' })).toBeVisible();

  const release = await holdWasm(page);
  await page.reload();
  // The page has loaded, its own script has run, and the form stays hidden.
  await page.waitForFunction(() => 'velaLogin' in window);
  await expect(page.getByRole('textbox', { name: 'Nome utente' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  release();
  await expect(page.getByRole('navigation', { name: 'Navigazione principale' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accedi', exact: true })).toHaveCount(0);
});

test('with the WASM held, the form has no axe violations, fits 375 px and has 44 px targets', async ({ page }) => {
  await holdWasm(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Account dimostrativi' })).toBeVisible();
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const mismatch = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze();
  expect([...axe.violations, ...mismatch.violations].map((v) => v.id)).toEqual([]);
  await page.setViewportSize({ width: 375, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  const small = await page.evaluate(() =>
    Array.from(document.querySelectorAll('#static-login button, #static-login input'))
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && (r.width < 43.5 || r.height < 43.5)).length,
  );
  expect(small).toBe(0);
});

test('with single sign-on and no local passwords, the form offers only the sign-on button', async ({ page }) => {
  await holdWasm(page);
  await page.route('**/api/config', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ demo: false, sso: true, sso_label: 'MyID', local_passwords: false }),
    }),
  );
  await page.goto('/?sso_error=unknown_person');
  await expect(page.getByRole('link', { name: 'Accedi con MyID' })).toHaveAttribute('href', '/api/auth/oidc/login');
  await expect(page.getByRole('alert')).toHaveText(
    "Il tuo account non corrisponde a nessuna persona attiva in Vela: chiedi all'amministratore di aggiungerti o riattivarti.",
  );
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Account dimostrativi' })).toHaveCount(0);
  await expect(page.getByRole('note')).toHaveCount(0);
});
