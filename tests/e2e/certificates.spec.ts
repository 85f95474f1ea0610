import { test, expect, type Browser, type Page } from '@playwright/test';
import { collectErrors, login } from './helpers';

// Issue 18, points 6 and 7, on the demo data as seeded (nothing here changes
// it): Giulia attended the past session "Introduzione al lavoro agile" (two
// hours), the first of the four of "Percorso smart working"; her objective
// "Digitalizzare l'archivio delle pratiche TARI" has three progress updates.

const PAST = 'Introduzione al lavoro agile: accordo individuale e regole';
const PATH = 'Percorso smart working';
const OBJECTIVE = "Digitalizzare l'archivio delle pratiche TARI";
const CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

/** A signed-in page for `username` in its own browser context. */
async function person(browser: Browser, username: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, username);
  return { page, errors };
}

/** A 1024×768 full-page screenshot for the docs, only when VELA_SCREENSHOTS is set. */
async function shoot(page: Page, path: string) {
  if (!process.env.VELA_SCREENSHOTS) return;
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path, fullPage: true });
}

test("a person's path progress, the certificate of an attended session, and its code verified by the administrator", async ({ browser }) => {
  const { page, errors } = await person(browser, 'giulia');
  await page.goto('/webinars/mine');
  const paths = page.getByRole('region', { name: 'I miei percorsi formativi' });
  const path = paths.getByRole('listitem').filter({ has: page.getByRole('heading', { name: PATH }) });
  await expect(path.getByRole('progressbar', { name: `Avanzamento nel percorso ${PATH}` })).toHaveAttribute(
    'aria-valuetext',
    '1 incontro frequentato su 4',
  );
  await expect(path.getByText('Ore frequentate: 2 h')).toBeVisible();
  await expect(path.getByRole('listitem')).toHaveCount(4);
  await expect(path.getByRole('listitem').first()).toHaveText(`✓ ${PAST} — frequentato`);
  await expect(path.getByRole('link', { name: /^Attestato/ })).toHaveCount(0);

  // The certificate of the attended session: the right hours, and a code.
  await page.getByRole('link', { name: `Attestato: ${PAST}` }).click();
  await expect(page).toHaveURL(/\/certificates\/session\/[0-9a-f-]{36}$/);
  const sheet = page.getByRole('article', { name: 'Attestato di partecipazione' });
  await expect(sheet.getByText(`Si attesta che Giulia Bianchi ha partecipato all'incontro formativo «${PAST}».`)).toBeVisible();
  await expect(sheet.getByText('Provincia autonoma di Trento', { exact: false })).toBeVisible();
  const facts = sheet.locator('dl');
  await expect(facts.locator('dt')).toHaveText(['Partecipante', 'Ore di formazione', 'Data di conseguimento']);
  await expect(facts.locator('dd').nth(0)).toHaveText('Giulia Bianchi');
  await expect(facts.locator('dd').nth(1)).toHaveText('2 h');
  const sessions = sheet.getByRole('table', { name: 'Incontri frequentati' });
  await expect(sessions.getByRole('rowheader')).toHaveText([PAST]);
  await expect(sessions.getByRole('row').nth(1).getByRole('cell').last()).toHaveText('2 h');
  const code = (await sheet.locator('.certificate-code strong').innerText()).trim();
  expect(code).toMatch(CODE);

  // Printed: the certificate only, no navigation, no buttons.
  const print = page.getByRole('button', { name: 'Stampa o salva in PDF' });
  await expect(print).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Navigazione principale' })).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(print).toBeHidden();
  await expect(sheet).toBeVisible();
  await shoot(page, 'docs/certificate.png');
  await page.emulateMedia({ media: 'screen' });

  // A session she did not attend has no certificate.
  const other = page.url().replace(/[0-9a-f-]{36}$/, '00000000-0000-4000-8000-000000000000');
  await page.goto(other);
  await expect(page.getByRole('alert')).toHaveText(/Nessun attestato/);
  expect(errors).toEqual([]);

  // The administrator checks the code, then a changed one.
  const admin = await person(browser, 'admin');
  await admin.page.goto('/admin');
  await admin.page.getByRole('link', { name: 'Verifica attestato' }).click();
  await expect(admin.page.getByRole('heading', { level: 1, name: 'Verifica attestato' })).toBeVisible();
  const field = admin.page.getByLabel('Codice di verifica');
  await field.fill(code.toLowerCase());
  await admin.page.getByRole('button', { name: 'Verifica', exact: true }).click();
  const valid = admin.page.getByRole('region', { name: 'Attestato valido' });
  await expect(valid).toBeVisible();
  const checked = valid.locator('dl');
  const fact = (term: string) => checked.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  await expect(fact('Codice di verifica')).toHaveText(code);
  await expect(fact('Partecipante')).toHaveText('Giulia Bianchi');
  await expect(fact('Titolo')).toHaveText(PAST);
  await expect(fact('Ore di formazione')).toHaveText('2 h');
  await expect(fact('Tipo')).toHaveText('Partecipazione a un incontro');
  const changed = code.slice(0, 5) + (code[5] === '7' ? '8' : '7') + code.slice(6);
  await field.fill(changed);
  await admin.page.getByRole('button', { name: 'Verifica', exact: true }).click();
  await expect(admin.page.getByText("Codice non valido: nessun attestato dell'ente corrisponde a questo codice.")).toBeVisible();
  await expect(valid).toHaveCount(0);
  // The browser logs the server's 404 for the changed code: that answer is
  // the "not valid" shown above, and the only one allowed.
  expect(admin.errors.filter((e) => !e.includes('404 (Not Found)'))).toEqual([]);
  expect(admin.errors).toHaveLength(1);
});

test("an objective's progress curve has its accessible name, summary and data table", async ({ browser }) => {
  const { page, errors } = await person(browser, 'giulia');
  await page.goto('/objectives');
  await page.getByRole('link', { name: OBJECTIVE }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: OBJECTIVE })).toBeVisible();
  const curves = page.getByRole('region', { name: 'Andamento' });
  const chart = curves.getByRole('group', { name: 'Andamento del punteggio' });
  const drawing = chart.getByRole('img', { name: 'Andamento del punteggio' });
  await expect(drawing).toBeVisible();
  await expect(drawing).toHaveAccessibleDescription(/^Da 0% all'avvio a 62,5% dopo 3 aggiornamenti \(ultimo: .+\)\.$/);
  await chart.getByText('Mostra i dati del grafico').click();
  const table = chart.getByRole('table', { name: 'Andamento del punteggio' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText([
    'Data',
    'Punteggio ponderato',
    'pratiche digitalizzate',
    'tempo medio di ricerca di una pratica',
  ]);
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0).getByRole('cell')).toHaveText(['0%', '0 pratiche', '20 minuti']);
  await expect(rows.nth(1).getByRole('cell')).toHaveText([/%$/, '380 pratiche', '20 minuti']);
  await expect(rows.nth(3).getByRole('cell')).toHaveText(['62,5%', '720 pratiche', '9,5 minuti']);
  // Each key result with updates has its own curve.
  await expect(curves.getByRole('img', { name: 'Andamento: pratiche digitalizzate' })).toBeVisible();
  await expect(curves.getByRole('img', { name: 'Andamento: tempo medio di ricerca di una pratica' })).toBeVisible();
  await shoot(page, 'docs/objective-progress.png');
  expect(errors).toEqual([]);
});

test("the lead's overview says each team's progress this period", async ({ browser }) => {
  const { page, errors } = await person(browser, 'marco');
  await page.goto('/objectives/team');
  const team = page.getByRole('region', { name: /Tributi/ }).first();
  await expect(team.getByText(/^Avanzamento nel periodo: punteggio \d+(,\d)?% su \d+ obiettiv[oi] \(\d+ raggiunt[oi]\), \d+ aggiornament[oi] registrat[oi]/)).toBeVisible();
  expect(errors).toEqual([]);
});
