import { test, expect, type Page } from '@playwright/test';

/** Collects console errors and uncaught exceptions from the page. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

test('the app renders in Italian by default, without console errors', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  // Text only the WASM app renders: fails if the app did not start.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Benvenuta e benvenuto in Vela');
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
  await expect(nav.getByRole('link', { name: 'Il mio calendario' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Italiano' })).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});

test('switching to English changes the text and <html lang>, and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Benvenuta e benvenuto in Vela');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Vela');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My calendar' })).toBeVisible();
  await expect(page).toHaveTitle('Vela — smart working');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Vela');

  await page.getByRole('button', { name: 'Italiano' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
});

test('a reload on a deep link returns the app at that page', async ({ page }) => {
  const errors = collectErrors(page);
  const response = await page.goto('/webinars');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Webinar');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Webinar');
  await expect(page.getByRole('link', { name: 'Webinar' })).toHaveAttribute('aria-current', 'page');
  expect(errors).toEqual([]);
});

test('navigation works with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Benvenuta e benvenuto in Vela');
  const link = page.getByRole('link', { name: 'Obiettivi' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/objectives$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Obiettivi');
});

test('an unknown page shows a translated not-found message', async ({ page }) => {
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina non trovata');
  await page.getByRole('link', { name: 'Torna alla pagina iniziale' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Benvenuta e benvenuto in Vela');
});

test('the server answers unknown API paths with JSON, not the app', async ({ request }) => {
  const response = await request.get('/api/no-such-route');
  expect(response.status()).toBe(404);
  const body = await response.json();
  expect(typeof body.error).toBe('string');
  expect(typeof body.message).toBe('string');
});

test('pages carry a strict content security policy', async ({ request }) => {
  const response = await request.get('/');
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  const html = await response.text();
  // No inline script: every <script> has a src.
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
});
