import { test, expect, type Page } from '@playwright/test';
import { collectErrors, login } from './helpers';

// Notifications in the app: Marco's bell counts Giulia's new request live
// (two browsers, no reload), and the notification opens the approvals page
// at her request. Giulia asks for a Tuesday 20+ weeks ahead, which no other
// spec uses. Other specs running in parallel may also notify Marco, so the
// count is checked against Marco's own list rather than assumed alone.

const DAY = 24 * 3600 * 1000;
const HOLIDAYS = ['01-01', '01-06', '04-25', '05-01', '06-02', '06-26', '08-15', '11-01', '12-08', '12-25', '12-26'];
const iso = (d: Date) => d.toISOString().slice(0, 10);

function romeToday(): Date {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' })
    .format(new Date())
    .split('-')
    .map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** A Tuesday about 21 weeks ahead that is not a holiday. */
function farTuesday(): Date {
  let day = new Date(romeToday().getTime() + 21 * 7 * DAY);
  day = new Date(day.getTime() + ((9 - day.getUTCDay()) % 7) * DAY);
  while (HOLIDAYS.includes(iso(day).slice(5))) day = new Date(day.getTime() + 7 * DAY);
  return day;
}

const bell = (page: Page) => page.getByRole('link', { name: /^Notifiche, / });

test('Marco\'s bell counts Giulia\'s request live and the notification opens the approvals page at it', async ({ browser }) => {
  const marcoContext = await browser.newContext();
  const marco = await marcoContext.newPage();
  const errors = collectErrors(marco);
  await marco.goto('/');
  await login(marco, 'marco');

  // Start from nothing unread (the demo's requests notified him already).
  await bell(marco).click();
  await expect(marco.getByRole('heading', { level: 1, name: 'Notifiche' })).toBeVisible();
  const markAll = marco.getByRole('button', { name: 'Segna tutte come lette' });
  if (await markAll.isEnabled()) await markAll.click();
  await expect(bell(marco)).toHaveAccessibleName('Notifiche, nessuna da leggere');

  // Giulia asks for a day in her own browser.
  const giuliaContext = await browser.newContext();
  const giulia = await giuliaContext.newPage();
  await giulia.goto('/');
  await login(giulia, 'giulia');
  await giulia.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Il mio calendario' }).click();
  const form = giulia.getByRole('region', { name: 'Chiedi giornate di lavoro agile' });
  await form.getByRole('radio', { name: 'Un giorno' }).check();
  const day = farTuesday();
  await form.getByLabel('Giorno', { exact: true }).fill(iso(day));
  await form.getByRole('button', { name: 'Invia richiesta' }).click();
  await expect(form.getByRole('status')).toContainText('Richiesta inviata: 1 giornata in attesa di approvazione.');

  // Marco's bell moves without a reload, and the count is announced.
  await expect(bell(marco)).toHaveAccessibleName(/^Notifiche, \d+ da leggere$/);
  const name = (await bell(marco).getAttribute('aria-label')) ?? '';
  const unread = Number(/(\d+)/.exec(name)?.[1]);
  await expect(marco.getByText(/^Hai \d+ notific/)).toBeAttached();
  const items = marco.getByRole('listitem').filter({ hasText: 'Da leggere' });
  await expect(items).toHaveCount(unread);
  const mine = marco.getByRole('link', { name: /Giulia Bianchi chiede giorni di lavoro agile/ }).filter({
    hasText: new Date(day.getTime() + 12 * 3600 * 1000).toLocaleDateString('it', {
      weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
    }),
  });
  await expect(mine).toHaveCount(1);
  if (unread === 1) await expect(bell(marco)).toHaveAccessibleName('Notifiche, 1 da leggere');

  // The notification opens the approvals page at her request, and is read.
  await mine.click();
  await expect(marco).toHaveURL(/\/approvals\?request=[0-9a-f-]{36}$/);
  await expect(marco.getByRole('heading', { level: 1, name: 'Richieste da approvare' })).toBeVisible();
  await expect(marco.getByLabel('Persona')).toHaveValue(/[0-9a-f-]{36}/);
  await expect(marco.getByLabel('Dal giorno', { exact: true })).toHaveValue(iso(day));
  await expect(marco.getByRole('heading', { name: '1 giornata in attesa' })).toBeVisible();
  await expect(marco.getByRole('rowheader', { name: 'Giulia Bianchi' })).toBeVisible();
  await expect(bell(marco)).toHaveAccessibleName(
    unread === 1 ? 'Notifiche, nessuna da leggere' : /^Notifiche, /,
  );

  expect(errors).toEqual([]);
  await giuliaContext.close();
  await marcoContext.close();
});
