import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { collectErrors, login } from './helpers';

/** Today's month and year in Rome, as the page's address writes them. */
function today(): { year: number; month: string } {
  const rome = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Rome' }));
  const year = rome.getFullYear();
  return { year, month: `${year}-${String(rome.getMonth() + 1).padStart(2, '0')}` };
}

/** "novembre 2026" for month `m` (1-12) of `year`. */
function monthIt(year: number, m: number): string {
  return new Date(Date.UTC(year, m - 1, 15)).toLocaleDateString('it', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

const CHARTS = [
  'Lavoro a distanza per mese (%)',
  'Presenza in ufficio per giorno della settimana (%)',
  'Pendolarismo evitato per mese (km)',
  'Ore di formazione per mese',
  'Obiettivi raggiunti per mese',
];

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigazione principale' });

/** The numbers of a table row's cells ("12 (3,4%)" reads 12). */
async function cells(row: ReturnType<Page['getByRole']>): Promise<number[]> {
  const texts = await row.getByRole('cell').allInnerTexts();
  return texts.map((t) => Number(t.split(' ')[0].replace(/\./g, '').replace(',', '.')));
}

test('the administrator reads a year with its charts, each mode apart, and the partnership side by side', async ({ page }) => {
  const errors = collectErrors(page);
  const { year, month } = today();
  await page.goto('/');
  await login(page, 'admin');
  await nav(page).getByRole('link', { name: 'Monitoraggio' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Monitoraggio del lavoro agile' })).toBeVisible();
  const [y, m] = month.split('-').map(Number);
  await expect(page.getByRole('heading', { level: 2, name: monthIt(y, m) })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Monitoraggio per team (CSV)' })).toHaveAttribute('href', `/api/reports/${month}/teams.csv`);

  // The year, chosen in the form: the address keeps it.
  await page.getByRole('radio', { name: 'Un anno' }).check();
  await page.getByLabel('Anno', { exact: true }).fill(String(year));
  await page.getByRole('button', { name: 'Mostra' }).click();
  await expect(page).toHaveURL(new RegExp(`/monitoring\\?period=${year}$`));
  const title = `Anno ${year}`;
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  const teams = page.getByRole('table', { name: `Per team — ${title}` });
  for (const team of ['Servizio Formazione', 'Servizio Sistemi informativi', 'Servizio Tributi']) {
    await expect(teams.getByRole('rowheader', { name: team })).toBeVisible();
  }
  // The three modes add up to the days at a distance, on every row.
  for (const row of await teams.getByRole('row').filter({ has: page.getByRole('rowheader') }).all()) {
    const [, , days, agile, remote, telework] = await cells(row);
    expect(agile + remote + telework).toBe(days);
  }
  const total = teams.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Totale' }) });
  expect((await cells(total))[2]).toBeGreaterThan(0);
  for (const card of ['Giornate a distanza', 'Lavoro agile', 'Lavoro da remoto', 'Telecentro o coworking']) {
    await expect(page.getByRole('term').filter({ hasText: new RegExp(`^${card}$`) })).toBeVisible();
  }
  await expect(page.getByText(/^Periodo precedente: /).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Monitoraggio per team (CSV)' })).toHaveAttribute('href', `/api/reports/${year}/teams.csv`);
  await expect(page.getByRole('link', { name: 'Presenza per giorno (CSV)' })).toHaveAttribute('href', `/api/reports/${year}/weekdays.csv`);

  // Every chart: an image with a name and a summary, and its data a click away.
  for (const name of CHARTS) {
    const chart = page.getByRole('img', { name });
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAccessibleDescription(/Il valore più (alto|basso)|Nessun valore/);
  }
  const distance = page.getByRole('group', { name: CHARTS[0] });
  const data = distance.getByRole('table', { name: CHARTS[0] });
  await expect(data).toBeHidden();
  await distance.getByText('Mostra i dati del grafico').click();
  await expect(data.getByRole('rowheader')).toHaveCount(12);
  await expect(data.getByRole('columnheader', { name: 'Giornate a distanza' })).toBeVisible();
  const weekdays = page.getByRole('group', { name: CHARTS[1] });
  await weekdays.getByText('Mostra i dati del grafico').click();
  await expect(weekdays.getByRole('table').getByRole('rowheader')).toHaveText(['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì']);

  // The partnership, side by side with its total.
  const members = page.getByRole('table', { name: `Le amministrazioni del partenariato — ${title}` });
  await expect(members.getByRole('rowheader')).toHaveText(['Comune di Rovereto', 'Provincia autonoma di Trento', 'Totale']);
  const staff = await Promise.all(
    ['Comune di Rovereto', 'Provincia autonoma di Trento', 'Totale'].map(async (name) =>
      (await cells(members.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) })))[0]),
  );
  expect(staff[0] + staff[1]).toBe(staff[2]);
  await expect(page.getByRole('link', { name: 'Amministrazioni del partenariato (CSV)' })).toHaveAttribute('href', `/api/reports/${year}/organisations.csv`);

  if (process.env.VELA_SCREENSHOTS) {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: 'docs/admin-monitoring.png', fullPage: true });
  }

  // The CSV of the same period has the same total.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Monitoraggio per team (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`monitoraggio-${year}-strutture.csv`);
  const lines = (await readFile(await download.path())).subarray(3).toString('utf-8').trim().split(/\r?\n/);
  const csvTotal = lines[lines.length - 1].split(';');
  expect(csvTotal[0]).toBe('Totale');
  const pageTotal = await cells(total);
  expect(Number(csvTotal[2])).toBe(pageTotal[0]);
  expect(Number(csvTotal[6])).toBe(pageTotal[2]);

  // The year before, by its button; then a range of months.
  await page.getByRole('button', { name: 'Periodo precedente' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Anno ${year - 1}` })).toBeVisible();
  await page.getByRole('radio', { name: 'Un intervallo di mesi' }).check();
  await page.getByLabel('Dal mese', { exact: true }).fill(`${year}-06`);
  await page.getByLabel('Al mese', { exact: true }).fill(`${year}-01`);
  await page.getByRole('button', { name: 'Mostra' }).click();
  await expect(page.getByRole('alert')).toContainText('Scegli un periodo valido');
  await page.getByLabel('Dal mese', { exact: true }).fill(`${year}-01`);
  await page.getByLabel('Al mese', { exact: true }).fill(`${year}-06`);
  await page.getByRole('button', { name: 'Mostra' }).click();
  await expect(page).toHaveURL(new RegExp(`period=${year}-01\\.\\.${year}-06$`));
  const range = `Da ${monthIt(year, 1)} a ${monthIt(year, 6)}`;
  await expect(page.getByRole('heading', { level: 2, name: range })).toBeVisible();
  await expect(page.getByRole('table', { name: `Per team — ${range}` })).toBeVisible();
  // The address alone opens the same period.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: range })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a lead sees the report of their own team and nothing else', async ({ page }) => {
  const errors = collectErrors(page);
  const { year } = today();
  await page.goto('/');
  await login(page, 'marco');
  await expect(nav(page).getByRole('link', { name: 'Amministrazione' })).toHaveCount(0);
  await nav(page).getByRole('link', { name: 'Monitoraggio' }).click();
  await expect(page.getByText('Le cifre dei team che coordini')).toBeVisible();
  await page.goto(`/monitoring?period=${year}`);
  const teams = page.getByRole('table', { name: `Per team — Anno ${year}` });
  await expect(teams.getByRole('rowheader')).toHaveText(['Servizio Tributi', 'Totale']);
  await expect(page.getByRole('img', { name: CHARTS[0] })).toBeVisible();
  await expect(page.getByText('Servizio Formazione')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Il partenariato' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Amministrazioni del partenariato (CSV)' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an employee is told the monitoring is not for them', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, 'giulia');
  await expect(nav(page).getByRole('link', { name: 'Il mio calendario' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Monitoraggio' })).toHaveCount(0);
  await page.goto('/monitoring');
  await expect(page.getByText("Questa pagina è per l'amministrazione dell'ente e per chi coordina un team.")).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the yearly PIAO report has its indicators and prints without the navigation', async ({ page }) => {
  const errors = collectErrors(page);
  const { year } = today();
  await page.goto('/');
  await login(page, 'admin');
  await page.goto(`/monitoring?period=${year}`);
  await page.getByRole('link', { name: "Relazione dell'anno per il PIAO, da stampare" }).click();
  await expect(page).toHaveURL(new RegExp(`/monitoring/piao\\?year=${year}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Sezione PIAO sul lavoro agile — ${year}` })).toBeVisible();
  const indicators = page.getByRole('table', { name: `Indicatori del PIAO — ${year}` });
  await expect(indicators.getByRole('rowheader')).toHaveText([
    'Persone con accordo individuale',
    'Personale a distanza',
    'Giornate a distanza',
    'Lavoro agile',
    'Lavoro da remoto',
    'Telecentro o coworking',
    'Formazione',
    'Obiettivi',
    'Pendolarismo evitato',
  ]);
  await expect(indicators.getByRole('columnheader')).toHaveText(['Indicatore', String(year), String(year - 1)]);
  const agreements = indicators.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Persone con accordo individuale' }) });
  const [withAgreement, staff] = (await agreements.getByRole('cell').first().innerText()).split(' (')[0].split(' / ').map(Number);
  expect(withAgreement).toBeGreaterThan(0);
  expect(withAgreement).toBeLessThanOrEqual(staff);
  for (const name of CHARTS) {
    await expect(page.getByRole('img', { name })).toBeVisible();
  }
  await expect(page.getByRole('table', { name: `Per team — Anno ${year}` })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Monitoraggio per team (CSV)' })).toHaveAttribute('href', `/api/reports/${year}/teams.csv`);

  // Print preview: the document, without the service's chrome.
  const print = page.getByRole('button', { name: 'Stampa o salva in PDF' });
  await expect(print).toBeVisible();
  await expect(nav(page)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(nav(page)).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(print).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: `Sezione PIAO sul lavoro agile — ${year}` })).toBeVisible();
  await expect(indicators).toBeVisible();
  await expect(page.getByRole('img', { name: CHARTS[0] })).toBeVisible();
  if (process.env.VELA_SCREENSHOTS) {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: 'docs/piao-report.png', fullPage: true });
  }
  await page.emulateMedia({ media: 'screen' });
  expect(errors).toEqual([]);
});
