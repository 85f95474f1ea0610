import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { collectErrors, login } from './helpers';

/** "novembre 2026" for the month `offset` months from today's, in Rome. */
function monthIt(offset: number): string {
  const now = new Date();
  const rome = new Date(now.toLocaleString('en-US', { timeZone: 'Europe/Rome' }));
  const d = new Date(Date.UTC(rome.getFullYear(), rome.getMonth() + offset, 15));
  return d.toLocaleDateString('it', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

test('the administrator reads the month\'s monitoring per team and downloads the same figures as CSV', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, 'admin');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Amministrazione' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amministrazione' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Accordi individuali' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Regole dei team' })).toBeVisible();

  // This month, per team, with a total.
  const month = monthIt(0);
  await expect(page.getByRole('heading', { level: 3, name: month })).toBeVisible();
  const teams = page.getByRole('table', { name: `Per team — ${month}` });
  for (const team of ['Servizio Formazione', 'Servizio Sistemi informativi', 'Servizio Tributi']) {
    await expect(teams.getByRole('rowheader', { name: team })).toBeVisible();
  }
  const total = teams.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Totale' }) });
  const staff = await total.getByRole('cell').first().innerText();
  expect(Number(staff)).toBeGreaterThan(0);
  await expect(page.getByText('Pendolarismo evitato')).toBeVisible();
  await expect(page.getByRole('table', { name: `Presenza in ufficio per giorno della settimana — ${month}` }).getByRole('rowheader')).toHaveText([
    'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì',
  ]);

  if (process.env.VELA_SCREENSHOTS) {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: 'docs/admin-monitoring.png', fullPage: true });
  }

  // The CSV has the same teams and the same total staff.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Monitoraggio per team (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^monitoraggio-\d{4}-\d{2}-strutture\.csv$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf-8').trim().split(/\r?\n/);
  expect(lines[0].startsWith('Struttura;Mese;Personale;')).toBe(true);
  const csvTotal = lines[lines.length - 1].split(';');
  expect(csvTotal[0]).toBe('Totale');
  expect(csvTotal[2]).toBe(staff);
  expect(lines).toHaveLength(1 + 3 + 1);

  // Other months, with the keyboard too.
  await page.getByRole('button', { name: 'Mese precedente' }).click();
  await expect(page.getByRole('heading', { level: 3, name: monthIt(-1) })).toBeVisible();
  await expect(page.getByRole('table', { name: `Per team — ${monthIt(-1)}` })).toBeVisible();
  await page.getByRole('button', { name: 'Mese successivo' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 3, name: monthIt(1) })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Presenza per giorno (CSV)' })).toHaveAttribute('href', /\/api\/reports\/\d{4}-\d{2}\/weekdays\.csv$/);

  // The tools are one click away.
  await page.getByRole('link', { name: 'Accordi individuali' }).click();
  await expect(page).toHaveURL(/\/admin\/agreements$/);
  expect(errors).toEqual([]);
});

test('an employee who opens the administration page is told it is not for them', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/admin');
  await login(page, 'alessio');
  await expect(page.getByText("Questa pagina è riservata all'amministrazione dell'ente.")).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  // Nor does the server hand out the figures.
  const answer = await page.request.get('/api/reports/2026-11/teams.csv');
  expect(answer.status()).toBe(403);
  expect((await answer.json()).error).toBe('forbidden');
  expect(errors).toEqual([]);
});
