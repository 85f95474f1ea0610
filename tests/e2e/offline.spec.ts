import { test, expect, type Page } from '@playwright/test';
import { collectErrors, login, quietDay, syncStatus } from './helpers';

// Offline honesty, as Elena (other specs use her only for the calendar
// export): the app says it is offline as soon as the browser does, a change
// made then is "saved", not "sent", and after a session loss the login form
// says what waits on the device. Her dates are months ahead of any other
// spec's, one week apart (she may work away one day a week).

const banner = (page: Page) => page.getByRole('status').filter({ hasText: 'Sei offline' });

async function requestOffline(page: Page, date: string) {
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Il mio calendario' }).click();
  const form = page.getByRole('region', { name: 'Chiedi giornate di lavoro agile' });
  await form.getByRole('radio', { name: 'Un giorno' }).check();
  await form.getByLabel('Giorno', { exact: true }).fill(date);
  await form.getByRole('button', { name: 'Invia richiesta' }).click();
  await expect(form.getByRole('status')).toContainText('Salvato, sarà inviato quando sarai online.');
  await expect(form.getByRole('status')).not.toContainText('Richiesta inviata');
}

test('offline: said at once, and a queued change is saved, not sent', async ({ page, context }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, 'elena');
  await expect(syncStatus(page)).toContainText('aggiornato alle');
  await expect(banner(page)).toHaveCount(0);

  await context.setOffline(true);
  await expect(banner(page)).toHaveText(/Sei offline: puoi continuare a lavorare/);
  await requestOffline(page, quietDay(215, 3));
  await expect(syncStatus(page)).toContainText('1 modifica in attesa');

  await context.setOffline(false);
  await expect(banner(page)).toHaveCount(0);
  await expect(syncStatus(page)).not.toContainText('in attesa');
  // Online again, a change is sent as before.
  const form = page.getByRole('region', { name: 'Chiedi giornate di lavoro agile' });
  await form.getByRole('radio', { name: 'Un giorno' }).check();
  await form.getByLabel('Giorno', { exact: true }).fill(quietDay(229, 3));
  await form.getByRole('button', { name: 'Invia richiesta' }).click();
  await expect(form.getByRole('status')).toContainText('Richiesta inviata');
  // A piece the app was fetching in the background when the network went
  // fails as well; it is fetched again when its area is opened.
  expect(errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);
});

test('after a session loss the login form says how many changes wait, and they are sent after signing in', async ({ page, context }) => {
  await page.goto('/');
  await login(page, 'elena');
  await expect(syncStatus(page)).toContainText('aggiornato alle');
  await context.setOffline(true);
  await requestOffline(page, quietDay(222, 3));

  // The session ends while offline (as an expiry would); back online, the
  // app finds out and goes to the login form.
  await context.clearCookies();
  await context.setOffline(false);
  await expect(page.getByRole('button', { name: 'Accedi', exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'sessione' })).toHaveText(
    /La sessione di Elena .+ è scaduta\. 1 modifica è salvata su questo dispositivo e sarà inviata dopo l'accesso\./,
  );

  await login(page, 'elena');
  await expect(syncStatus(page)).toContainText('aggiornato alle');
  await expect(syncStatus(page)).not.toContainText('in attesa');
  const me = (await (await page.request.get('/api/me')).json()).person.id;
  const view = await (await page.request.get('/api/sync/pull?since=0&protocol=4')).json();
  expect(view.snapshot.agile.days[me]?.[quietDay(222, 3)]?.status).toBe('pending');
});
