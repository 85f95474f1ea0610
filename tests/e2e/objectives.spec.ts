import { test, expect, type Browser, type Page } from '@playwright/test';
import { collectErrors, login } from './helpers';

// Giulia (Tributi) and her lead Marco go through the whole life of an
// objective; Martina (Sistemi informativi) must never see it. The titles are
// unique to this spec: the suite shares one server.

const TITLE = 'Fascicoli TARI digitali (e2e obiettivi)';
const DRAFT_TITLE = 'Bozza da buttare (e2e obiettivi)';
const COMMENT = 'Aggiungi un indicatore sui tempi di attesa allo sportello.';

/** YYYY-MM-DD of today plus `days`, in Rome. */
function isoDay(days: number): string {
  const now = new Date(Date.now() + days * 86_400_000);
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
}

async function signIn(browser: Browser, username: string) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, username);
  // The first pull brought the organisation.
  await expect(page.getByRole('status', { name: 'Stato della sincronizzazione' })).toContainText('aggiornato alle');
  return { context, page, errors };
}

/** Waits until the change just made has reached the server. */
async function synced(page: Page) {
  await expect(page.getByRole('status', { name: 'Stato della sincronizzazione' })).not.toContainText('in attesa', {
    timeout: 15_000,
  });
}

const score = (page: Page) => page.getByRole('progressbar', { name: `Punteggio di «${TITLE}»` });

test('an objective goes from draft to review between Giulia and Marco, and stays hidden from another team', async ({ browser }) => {
  test.setTimeout(120_000);
  // A period that has ended: the lead reviews at its end, and meanwhile it is overdue.
  const from = isoDay(-60);
  const until = isoDay(-1);
  const year = until.slice(0, 4);

  // Giulia drafts the objective with two key results.
  const giulia = await signIn(browser, 'giulia');
  const g = giulia.page;
  await g.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Obiettivi' }).click();
  await expect(g.getByRole('heading', { name: 'Obiettivi', exact: true, level: 1 })).toBeVisible();
  await g.getByRole('link', { name: 'Nuovo obiettivo' }).click();
  await expect(g.getByRole('heading', { name: 'Nuovo obiettivo', level: 1 })).toBeVisible();
  await g.getByLabel('Titolo').fill(TITLE);
  await g.getByLabel('Descrizione').fill('Scansione e archiviazione dei fascicoli cartacei della TARI.');
  await g.getByLabel('Inizio del periodo').fill(from);
  await g.getByLabel('Scadenza (fine del periodo)').fill(until);
  await g.getByLabel('Peso tra i tuoi obiettivi (da 1 a 100)').fill('30');
  const kr1 = g.getByRole('group', { name: 'Risultato chiave 1' });
  await kr1.getByLabel('Indicatore').fill('Fascicoli digitalizzati');
  await kr1.getByLabel('Unità di misura').fill('fascicoli');
  await kr1.getByLabel('Valore di partenza').fill('0');
  await kr1.getByLabel('Valore da raggiungere').fill('10');
  await kr1.getByLabel('Peso del risultato (da 1 a 100)').fill('60');
  await g.getByRole('button', { name: 'Aggiungi un risultato chiave' }).click();
  const kr2 = g.getByRole('group', { name: 'Risultato chiave 2' });
  await kr2.getByLabel('Indicatore').fill('Giorni di attesa');
  await kr2.getByLabel('Unità di misura').fill('giorni');
  await kr2.getByLabel('Valore di partenza').fill('30');
  await kr2.getByLabel('Valore da raggiungere').fill('20');
  await kr2.getByLabel('Peso del risultato (da 1 a 100)').fill('40');
  await g.getByRole('button', { name: 'Salva la bozza' }).click();

  await expect(g.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
  await expect(g.getByText('Bozza', { exact: true })).toBeVisible();
  const url = new URL(g.url()).pathname;
  expect(url).toMatch(/^\/objectives\/[0-9a-f-]{36}$/);
  await g.getByRole('button', { name: 'Proponi al responsabile' }).click();
  await expect(g.getByRole('status').filter({ hasText: 'Obiettivo proposto al responsabile.' })).toBeVisible();
  await expect(g.getByText('Proposto', { exact: true })).toBeVisible();
  await synced(g);

  // Marco finds the proposal in his overview and sends it back with a comment.
  const marco = await signIn(browser, 'marco');
  const m = marco.page;
  await m.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Obiettivi' }).click();
  await m.getByRole('link', { name: 'Panoramica della struttura' }).click();
  await expect(m.getByRole('heading', { name: 'Obiettivi della struttura', level: 1 })).toBeVisible();
  await m.getByLabel('Anno', { exact: true }).selectOption(year);
  await m.getByRole('list').getByRole('link', { name: TITLE }).click();
  await expect(m.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
  await m.getByRole('button', { name: 'Rimanda con un commento' }).click();
  await m.getByLabel('Commento per chi l\'ha proposto').fill(COMMENT);
  await m.getByRole('button', { name: 'Rimanda l\'obiettivo' }).click();
  await expect(m.getByRole('status').filter({ hasText: 'Obiettivo rimandato con il tuo commento.' })).toBeVisible();
  const sentBack = m.getByRole('region', { name: 'Rimandato dal responsabile' });
  await expect(sentBack).toContainText(COMMENT);
  await synced(m);

  // Giulia sees the comment, edits and proposes again.
  await g.goto(url);
  await expect(g.getByRole('region', { name: 'Rimandato dal responsabile' })).toContainText(COMMENT, { timeout: 15_000 });
  await g.getByRole('link', { name: 'Modifica e riproponi' }).click();
  await expect(g.getByRole('heading', { name: 'Modifica obiettivo', level: 1 })).toBeVisible();
  await g.getByRole('group', { name: 'Risultato chiave 2' }).getByLabel('Valore da raggiungere').fill('15');
  await g.getByRole('button', { name: 'Salva e riproponi' }).click();
  await expect(g.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
  await expect(g.getByRole('region', { name: 'Rimandato dal responsabile' })).toHaveCount(0);
  await expect(g.getByText('In attesa dell\'accordo del responsabile.')).toBeVisible();
  await synced(g);

  // Marco agrees the new proposal.
  await m.goto(url);
  await expect(m.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
  await expect(m.getByRole('region', { name: 'Rimandato dal responsabile' })).toHaveCount(0, { timeout: 15_000 });
  await m.getByRole('button', { name: 'Approva l\'obiettivo' }).click();
  await expect(m.getByText('Concordato', { exact: true })).toBeVisible();
  await synced(m);

  // Giulia records progress: the bars and the weighted score move.
  await g.goto(url);
  await expect(g.getByText('Concordato', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(score(g)).toHaveAttribute('aria-valuenow', '0');
  await g.getByLabel('Nuovo valore attuale').fill('5');
  await g.getByLabel('Nota (cosa è cambiato)').fill('Prime cinque pratiche scansionate.');
  await g.getByRole('button', { name: 'Registra l\'avanzamento' }).click();
  await expect(g.getByRole('status').filter({ hasText: 'Avanzamento registrato.' })).toBeVisible();
  await expect(g.getByText('In corso', { exact: true })).toBeVisible();
  await expect(g.getByRole('progressbar', { name: 'Fascicoli digitalizzati' })).toHaveAttribute('aria-valuenow', '50');
  // 60 × 50 % = 30 % of the whole.
  await expect(score(g)).toHaveAttribute('aria-valuenow', '30');
  await expect(score(g)).toHaveAttribute('aria-valuetext', '30% raggiunto');
  // A decimal comma, as Italians write it: 30 → 22,5 of 30 → 15 is half the way.
  await g.getByLabel('Risultato chiave', { exact: true }).selectOption({ label: 'Giorni di attesa' });
  await g.getByLabel('Nuovo valore attuale').fill('22,5');
  await g.getByRole('button', { name: 'Registra l\'avanzamento' }).click();
  await expect(g.getByRole('progressbar', { name: 'Giorni di attesa' })).toHaveAttribute('aria-valuenow', '50');
  await expect(score(g)).toHaveAttribute('aria-valuenow', '50');
  await expect(g.getByText('Prime cinque pratiche scansionate.')).toBeVisible();
  await synced(g);

  // Marco's overview: progress per person, the objective flagged overdue.
  await m.goto('/objectives/team');
  await m.getByLabel('Anno', { exact: true }).selectOption(year);
  const row = m.getByRole('row').filter({ has: m.getByRole('link', { name: TITLE }) });
  await expect(row).toContainText('In ritardo: scadenza superata', { timeout: 15_000 });
  await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
  await expect(m.getByRole('progressbar', { name: 'Punteggio complessivo di Giulia Bianchi' })).toBeVisible();
  if (process.env.VELA_SCREENSHOTS) {
    await m.screenshot({ path: 'docs/objectives-lead.png' });
  }

  // At the end of the period Marco closes and reviews it.
  await m.goto(url);
  await m.getByRole('radio', { name: 'Parzialmente raggiunto' }).check();
  await m.getByRole('button', { name: 'Chiudi con questo esito' }).click();
  await expect(m.getByRole('status').filter({ hasText: 'Obiettivo chiuso.' })).toBeVisible();
  await expect(m.getByText('Parzialmente raggiunto', { exact: true }).first()).toBeVisible();
  const rating = m.getByRole('group', { name: 'Valutazione (da 1 a 5)' });
  await rating.getByRole('radio', { name: '4 — al di sopra delle attese' }).check();
  await m.getByLabel('Commento della valutazione').fill('Buon lavoro, manca solo la seconda metà dei fascicoli.');
  await m.getByRole('button', { name: 'Registra la valutazione' }).click();
  await expect(m.getByText('Valutazione: 4 su 5 — al di sopra delle attese')).toBeVisible();
  await synced(m);

  // Giulia sees the review.
  await g.goto(url);
  await expect(g.getByText('Valutazione: 4 su 5 — al di sopra delle attese')).toBeVisible({ timeout: 15_000 });
  await expect(g.getByText('Buon lavoro, manca solo la seconda metà dei fascicoli.')).toBeVisible();
  const giuliaId: string = (await (await g.request.get('/api/me')).json()).person.id;

  // Martina, of another team, sees none of it: not in the app…
  const martina = await signIn(browser, 'martina');
  const t = martina.page;
  await t.goto('/objectives');
  await expect(t.getByRole('heading', { name: 'Obiettivi', exact: true, level: 1 })).toBeVisible();
  await t.getByLabel('Anno', { exact: true }).selectOption(year);
  await expect(t.getByText(TITLE)).toHaveCount(0);
  await t.goto(url);
  await expect(t.getByText('Obiettivo non trovato')).toBeVisible();
  // …nor in what the server sends her.
  const pull = await t.request.get('/api/sync/pull?since=0');
  expect(pull.ok()).toBe(true);
  const body = await pull.json();
  const text = JSON.stringify(body);
  expect(text).not.toContain(TITLE);
  const owners = Object.values(body.snapshot?.objectives?.objectives ?? {}).map((o: any) => o.owner);
  expect(owners.length).toBeGreaterThan(0);
  expect(owners.filter((o: any) => o.kind === 'person' && o.id === giuliaId)).toEqual([]);

  expect(giulia.errors).toEqual([]);
  expect(marco.errors).toEqual([]);
  expect(martina.errors).toEqual([]);
  await Promise.all([giulia.context.close(), marco.context.close(), martina.context.close()]);
});

test('only a draft can be deleted, after a confirmation', async ({ browser }) => {
  const { page, errors, context } = await signIn(browser, 'giulia');
  await page.goto('/objectives/new');
  await page.getByLabel('Titolo').fill(DRAFT_TITLE);
  const kr = page.getByRole('group', { name: 'Risultato chiave 1' });
  await kr.getByLabel('Indicatore').fill('Pratiche');
  await kr.getByLabel('Valore di partenza').fill('1,5');
  await kr.getByLabel('Valore da raggiungere').fill('dieci');
  await page.getByRole('button', { name: 'Salva la bozza' }).click();
  // The domain refuses the amount, with the reason in Italian.
  await expect(page.getByRole('alert')).toContainText('«dieci» non è un numero');
  await kr.getByLabel('Valore da raggiungere').fill('10');
  await page.getByRole('button', { name: 'Salva la bozza' }).click();
  await expect(page.getByRole('heading', { name: DRAFT_TITLE, level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Elimina la bozza' }).click();
  await expect(page.getByText('Eliminare definitivamente questa bozza?')).toBeVisible();
  await page.getByRole('button', { name: 'Annulla' }).click();
  await expect(page.getByRole('heading', { name: DRAFT_TITLE, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Elimina la bozza' }).click();
  await page.getByRole('button', { name: 'Sì, elimina la bozza' }).click();
  await expect(page.getByRole('heading', { name: 'Obiettivi', exact: true, level: 1 })).toBeVisible();
  await expect(page.getByText(DRAFT_TITLE)).toHaveCount(0);

  // Agreed objectives stay: a demo objective in progress offers no delete.
  await page.getByRole('link', { name: 'Nuovo obiettivo' }).waitFor();
  const inProgress = page.getByRole('listitem').filter({ hasText: 'In corso' }).first();
  await inProgress.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Registra l\'avanzamento' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Elimina la bozza' })).toHaveCount(0);
  expect(errors).toEqual([]);
  await context.close();
});
