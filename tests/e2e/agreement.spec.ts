import { test, expect } from '@playwright/test';
import { apiAs, collectErrors, login, quietDay, requestDayThrough } from './helpers';

// Martina reads everything that binds her, cancels two days of different
// requests in one action, then withdraws from her agreement with its notice.
// Other specs use her for objectives and webinars only, never for days.

const longIt = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('it', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

test('my agreement: its terms, cancelling a period in one action, withdrawal with notice', async ({ page }) => {
  const errors = collectErrors(page);
  // A Tuesday and the Thursday after it, after the months the demo fills, asked separately.
  const tue = quietDay(70, 2);
  const thu = new Date(new Date(`${tue}T00:00:00Z`).getTime() + 2 * 86400000).toISOString().slice(0, 10);
  const api = await apiAs('martina');
  await requestDayThrough(api, tue);
  await requestDayThrough(api, thu);

  await page.goto('/');
  await login(page, 'martina');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Il mio calendario' }).click();
  await page.getByRole('link', { name: 'Il mio accordo individuale' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio accordo individuale' })).toBeVisible();
  for (const term of ['Validità', 'Giornate al massimo per settimana', 'Fasce di contattabilità', 'Fascia di inoperabilità', 'Luoghi']) {
    await expect(page.getByRole('term').filter({ hasText: term }).first()).toBeVisible();
  }
  await expect(page.getByRole('definition').filter({ hasText: 'dalle 22:00 alle 06:00' })).toBeVisible();

  // Both days in one action, after a confirmation.
  const range = page.getByRole('region', { name: 'Annulla le giornate di un periodo' });
  await range.getByLabel('Dal').fill(tue);
  await range.getByLabel('Al (compreso)').fill(thu);
  await expect(range.getByText('Saranno annullate 2 giornate:')).toBeVisible();
  await expect(range.getByRole('listitem')).toHaveText([longIt(tue), longIt(thu)]);
  await range.getByRole('button', { name: 'Annulla le giornate' }).click();
  await range.getByRole('button', { name: 'Sì, annulla' }).click();
  const status = page.getByRole('status').filter({ hasText: /annullat|Recesso|recesso/ });
  await expect(status).toHaveText('2 giornate annullate.');
  await expect
    .poll(async () => {
      const me = (await (await api.get('/api/me')).json()).person.id;
      const view = await (await api.get('/api/sync/pull?since=0&protocol=4')).json();
      const days = view.snapshot.agile.days[me];
      return [days[tue]?.status, days[thu]?.status];
    })
    .toEqual(['cancelled', 'cancelled']);

  // Withdrawal: too early is refused with the earliest date, then confirmed.
  const withdraw = page.getByRole('region', { name: "Recedere dall'accordo" }).first();
  await expect(withdraw).toContainText('preavviso di 30 giorni');
  const field = withdraw.getByLabel('Recesso con effetto dal');
  const earliest = await field.inputValue();
  await field.fill(quietDay(3, 1));
  await withdraw.getByRole('button', { name: "Recedi dall'accordo" }).click();
  await expect(page.getByRole('status').filter({ hasText: 'al più presto' })).toBeVisible();
  await field.fill(earliest);
  await withdraw.getByRole('button', { name: "Recedi dall'accordo" }).click();
  await expect(withdraw.getByText(`Recedere dall'accordo con effetto da ${longIt(earliest)}?`, { exact: false })).toBeVisible();
  await withdraw.getByRole('button', { name: 'Sì, recedi' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Recesso registrato' })).toHaveText(
    `Recesso registrato: l'accordo non si applica più da ${longIt(earliest)}.`,
  );
  await expect(page.getByRole('definition').filter({ hasText: longIt(earliest) }).first()).toBeVisible();
  await api.dispose();
  expect(errors).toEqual([]);
});
