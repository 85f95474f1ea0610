import { test, expect, request } from '@playwright/test';
import { collectErrors, login } from './helpers';

// "elena" is used by no other spec: her feed token is hers alone.

test('elena subscribes to her calendar feed, which works without a cookie until revoked', async ({ page, context }) => {
  const errors = collectErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/calendar/export');
  await login(page, 'elena');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Esporta il calendario');

  // The one-off download is a real calendar file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Scarica il calendario (.ics)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('vela.ics');

  // Create the feed: its full URL is shown, and can be copied.
  await expect(page.getByText('Non hai ancora un indirizzo personale.')).toBeVisible();
  await page.getByRole('button', { name: "Crea l'indirizzo personale" }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Indirizzo personale creato.' })).toBeVisible();
  const field = page.getByLabel('Il tuo indirizzo personale');
  await expect(field).toBeFocused();
  const first = await field.inputValue();
  expect(first).toMatch(/^https?:\/\/[^/]+\/api\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
  await page.getByRole('button', { name: "Copia l'indirizzo" }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Indirizzo copiato.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

  // A calendar app: a fresh context, no cookie.
  const app = await request.newContext();
  let answer = await app.get(first);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toContain('text/calendar');
  const body = await answer.text();
  expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(body).toContain('BEGIN:VTIMEZONE');

  // Making a new address (after confirming) retires the old one.
  await page.getByRole('button', { name: 'Crea un nuovo indirizzo' }).click();
  const confirmRotate = page.getByRole('button', { name: 'Sì, crea un nuovo indirizzo' });
  await expect(confirmRotate).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'quello precedente non funziona più' })).toBeVisible();
  const second = await field.inputValue();
  expect(second).not.toBe(first);
  expect((await app.get(first)).status()).toBe(404);
  expect((await app.get(second)).status()).toBe(200);

  // After a reload the URL is no longer shown, only that a feed is live.
  await page.reload();
  await expect(page.getByText(/Hai un indirizzo personale attivo, creato/)).toBeVisible();
  await expect(page.getByLabel('Il tuo indirizzo personale')).toHaveCount(0);

  // Revoking asks first; cancelling keeps the feed.
  await page.getByRole('button', { name: "Revoca l'indirizzo" }).click();
  await page.getByRole('button', { name: 'Annulla' }).click();
  expect((await app.get(second)).status()).toBe(200);
  await page.getByRole('button', { name: "Revoca l'indirizzo" }).click();
  await page.getByRole('button', { name: "Sì, revoca l'indirizzo" }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Indirizzo revocato' })).toBeVisible();
  await expect(page.getByText('Non hai ancora un indirizzo personale.')).toBeVisible();

  answer = await app.get(second);
  expect(answer.status()).toBe(404);
  expect(answer.headers()['content-type']).toContain('application/json');
  await app.dispose();

  // The page speaks English too.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Export calendar');
  await expect(page.getByRole('button', { name: 'Create my personal address' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download the calendar (.ics)' })).toBeVisible();
  await page.getByRole('button', { name: 'Italiano' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Esporta il calendario');
  // The language follows the person: the page shows Italian before the
  // server has it, so wait for the server, or offline.spec signs Elena in to
  // an English app (CI saw exactly that).
  await expect.poll(async () => (await (await page.request.get('/api/me')).json()).language).toBe('it');
  expect(errors).toEqual([]);
});
