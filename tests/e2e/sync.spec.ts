import { test, expect } from '@playwright/test';
import { collectErrors, login } from './helpers';

// Each test signs in as its own demo person: the suite shares one server, and
// switching the language is remembered on the person (other specs expect Italian).

test('the sync status shows online and the time of the last sync', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, 'luca');
  const status = page.getByRole('status', { name: 'Stato della sincronizzazione' });
  await expect(status).toContainText('In linea');
  await expect(status).toContainText(/aggiornato alle \d{2}:\d{2}/);
  // The first pull brought the organisation's state.
  await expect(page.getByText('Provincia autonoma di Trento')).toBeVisible();
  expect(errors).toEqual([]);
});

test('offline: the app opens from the cache, changes wait in the outbox and are pushed on reconnection', async ({ page, context }) => {
  await page.goto('/');
  await login(page, 'chiara');
  const status = page.getByRole('status', { name: 'Stato della sincronizzazione' });
  await expect(status).toContainText('aggiornato alle');
  // The service worker must control the page before the network goes away.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Navigazione principale' })).toBeVisible();
  await expect(page.getByText('Provincia autonoma di Trento')).toBeVisible();
  await expect(status).toContainText('Non in linea');

  // A change made offline: the language, saved to the profile.
  await page.getByRole('button', { name: 'English' }).click();
  const statusEn = page.getByRole('status', { name: 'Sync status' });
  await expect(statusEn).toContainText('1 change waiting');
  // It survives a reload while still offline.
  await page.reload();
  await expect(statusEn).toContainText('1 change waiting');

  await context.setOffline(false);
  await expect(statusEn).toContainText('Online', { timeout: 20_000 });
  await expect(statusEn).not.toContainText('waiting');
  const me = await page.request.get('/api/me');
  expect((await me.json()).language).toBe('en');
});

test('an expired or revoked session goes back to the login form, keeping the outbox', async ({ page, context }) => {
  await page.goto('/');
  await login(page, 'davide');
  await expect(page.getByRole('status', { name: 'Stato della sincronizzazione' })).toContainText('aggiornato alle');
  // Revoke the session behind the app's back, as an expiry would.
  await context.clearCookies();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Log in', exact: true })).toBeVisible({ timeout: 20_000 });
  // Signing in again pushes what was waiting.
  await page.getByLabel('Username').fill('davide');
  await page.getByLabel('Password').fill('vela-demo');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toContainText('Online');
  await expect(status).not.toContainText('waiting');
  const me = await page.request.get('/api/me');
  expect((await me.json()).language).toBe('en');
});
