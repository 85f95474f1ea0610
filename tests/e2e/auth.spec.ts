import { test, expect, type Request, type Route } from '@playwright/test';
import { collectErrors, login } from './helpers';

test('a demo account logs in and out', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Account dimostrativi' })).toBeVisible();
  await login(page, 'giulia');
  await expect(page.getByText('Giulia', { exact: false }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accedi a Vela');
  // The session is gone on the server too.
  const me = await page.request.get('/api/me');
  expect(me.status()).toBe(401);
  expect(errors).toEqual([]);
});

test('a wrong password shows an error and keeps the form', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Nome utente').fill('giulia');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Nome utente o password non corretti.');
  await expect(page.getByLabel('Nome utente')).toHaveValue('giulia');
});

test('an empty form is refused before reaching the server', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Inserisci nome utente e password.');
});

test('the navigation shows the areas of the person\'s roles', async ({ page }) => {
  await page.goto('/');
  await login(page, 'giulia');
  const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
  await expect(nav.getByRole('link', { name: 'Il mio calendario' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Approvazioni' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Amministrazione' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Esci' }).click();

  await login(page, 'marco');
  await expect(nav.getByRole('link', { name: 'Approvazioni' })).toBeVisible();
});

test('signing out while a pull is on its way leaves no failed request behind', async ({ page }) => {
  const errors = collectErrors(page);
  const outcome = new Map<Request, string>();
  page.on('requestfailed', (r) => outcome.set(r, 'abandoned'));
  page.on('requestfinished', (r) => outcome.set(r, `answered ${r.url()}`));
  // The first pull is held in the browser until the sign-out is done: the
  // server would answer it for a session that has ended.
  const held: Route[] = [];
  await page.route('**/api/sync/pull**', (route) => {
    held.push(route);
  });
  await page.goto('/');
  await login(page, 'giulia');
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accedi a Vela');
  await page.unroute('**/api/sync/pull**');
  for (const route of held) await route.continue().catch(() => {});
  // The app abandoned it at sign-out, so no 401 comes back to it.
  await expect.poll(() => held.map((r) => outcome.get(r.request()))).toEqual(held.map(() => 'abandoned'));
  const me = await page.request.get('/api/me');
  expect(me.status()).toBe(401);
  expect(errors).toEqual([]);
});
