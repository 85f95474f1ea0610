import { test, expect } from '@playwright/test';
import { collectErrors, login } from './helpers';

test('the app renders in Italian by default, without console errors', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accedi a Vela');
  // The WASM app has started and waits behind index.html's form for a
  // sign-in: fails if the app did not start.
  await expect(page.locator('#static-login[data-app="waiting"]')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await expect(page.getByRole('button', { name: 'Italiano' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Nome utente')).toBeVisible();
  expect(errors).toEqual([]);
});

test('switching to English changes the text and <html lang>, and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accedi a Vela');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in to Vela');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Username')).toBeVisible();
  await expect(page).toHaveTitle('Vela — smart working');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in to Vela');

  await page.getByRole('button', { name: 'Italiano' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accedi a Vela');
});

test('a reload on a deep link returns the app at that page', async ({ page }) => {
  const errors = collectErrors(page);
  const response = await page.goto('/webinars');
  expect(response?.status()).toBe(200);
  await login(page, 'giulia');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Webinar');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Webinar');
  await expect(page.getByRole('link', { name: 'Webinar' })).toHaveAttribute('aria-current', 'page');
  expect(errors).toEqual([]);
});

test('navigation works with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Nome utente').focus();
  await page.keyboard.type('giulia');
  await page.keyboard.press('Tab');
  await page.keyboard.type('vela-demo');
  await page.keyboard.press('Enter');
  // The home page may list a webinar whose title says "obiettivi" too.
  const link = page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Obiettivi', exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/objectives$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Obiettivi');
});

test('an unknown page shows a translated not-found message', async ({ page }) => {
  await page.goto('/no-such-page');
  await login(page, 'giulia');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina non trovata');
  await page.getByRole('link', { name: 'Torna alla pagina iniziale' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('the server answers unknown API paths with JSON, not the app', async ({ request }) => {
  const response = await request.get('/api/no-such-route');
  expect(response.status()).toBe(404);
  const body = await response.json();
  expect(typeof body.error).toBe('string');
  expect(typeof body.message).toBe('string');
});

test('pages carry a strict content security policy and no inline script', async ({ request }) => {
  const response = await request.get('/calendar');
  expect(response.status()).toBe(200);
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  const html = await response.text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
});
