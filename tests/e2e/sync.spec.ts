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
  await expect(page.getByRole('main').getByText('Provincia autonoma di Trento')).toBeVisible();
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
  await expect(page.getByRole('main').getByText('Provincia autonoma di Trento')).toBeVisible();
  await expect(status).toContainText('Non in linea');

  // A change made offline: the language, saved to the profile.
  await page.getByRole('button', { name: 'English' }).click();
  const statusEn = page.getByRole('status', { name: 'Sync status' });
  await expect(statusEn).toContainText('1 change waiting');
  // It survives a reload while still offline.
  await page.reload();
  await expect(statusEn).toContainText('1 change waiting');

  await context.setOffline(false);
  await expect(statusEn).toContainText('Online');
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
  await expect(page.getByRole('button', { name: 'Log in', exact: true })).toBeVisible();
  // Signing in again pushes what was waiting.
  await page.getByLabel('Username').fill('davide');
  await page.getByLabel('Password').fill('vela-demo');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toContainText('Online');
  await expect(status).not.toContainText('waiting');
  const me = await page.request.get('/api/me');
  expect((await me.json()).language).toBe('en');
  // absences.spec signs Davide in through the Italian form: give him his
  // language back, and wait for the server to have it.
  await page.getByRole('button', { name: 'Italiano' }).click();
  await expect.poll(async () => (await (await page.request.get('/api/me')).json()).language).toBe('it');
});

/** A weekday about five months ahead, away from every other spec's dates and from fixed holidays. */
function quietTuesday(): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 150);
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

test('a change made stale while offline is refused with its reason and leaves no phantom state', async ({ page, context, playwright, baseURL }) => {
  const errors = collectErrors(page);
  const date = quietTuesday();
  await page.goto('/');
  await login(page, 'francesca');
  const status = page.getByRole('status', { name: 'Stato della sincronizzazione' });
  await expect(status).toContainText('aggiornato alle');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Il mio calendario' }).click();

  // Offline, Francesca asks for an agile day: it waits in the outbox.
  await context.setOffline(true);
  const form = page.getByRole('region', { name: 'Chiedi giornate di lavoro agile' });
  await form.getByRole('radio', { name: 'Un giorno' }).check();
  await form.getByLabel('Giorno', { exact: true }).fill(date);
  await form.getByRole('button', { name: 'Invia richiesta' }).click();
  await expect(status).toContainText('1 modifica in attesa');

  // Meanwhile the administrator makes that day an office day for her team.
  const admin = await playwright.request.newContext({ baseURL });
  expect((await admin.post('/api/auth/login', { data: { username: 'admin', password: 'vela-demo' } })).ok()).toBeTruthy();
  const view = await (await admin.get('/api/sync/pull?since=0&protocol=4')).json();
  const francesca = Object.values<any>(view.snapshot.directory.people).find((p) => p.username === 'francesca');
  const push = await admin.post('/api/sync/push?protocol=4', {
    data: {
      commands: [
        {
          id: crypto.randomUUID(),
          command: { area: 'directory', type: 'add_office_only_date', team: francesca.team, date, note: 'Riunione di servizio' },
        },
      ],
    },
  });
  expect((await push.json()).results[0].status).toBe('accepted');
  await admin.dispose();

  // Back online: the server refuses her request and says why.
  await context.setOffline(false);
  const refused = page.getByRole('alert').filter({ hasText: 'Modifiche non accettate dal server' });
  await expect(refused).toContainText('giornata in presenza per tutta la struttura: Riunione di servizio');
  await expect(status).not.toContainText('in attesa');
  // No phantom: the server holds no request of hers for that day, and the app dropped it.
  const mine = await (await page.request.get('/api/sync/pull?since=0&protocol=4')).json();
  const days = mine.snapshot.agile.days[francesca.id] ?? {};
  expect(days[date]).toBeUndefined();
  await refused.getByRole('button', { name: 'Ho capito' }).click();
  await expect(refused).toHaveCount(0);
  expect(errors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED') && !e.includes('Failed to fetch'))).toEqual([]);
});

test('prints how long the calendar takes to show after login (a figure, not a budget check)', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Nome utente').fill('stefano');
  await page.getByLabel('Password').fill('vela-demo');
  const started = Date.now();
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Il mio calendario' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio calendario' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Stato della sincronizzazione' })).toContainText('aggiornato alle');
  console.log(`figure: calendar shown and synced ${Date.now() - started} ms after clicking "Accedi"`);
});
