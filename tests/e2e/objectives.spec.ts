import { test, expect, type Browser, type Page } from '@playwright/test';
import { collectErrors, login } from './helpers';

// Giulia (Tributi) and her lead Marco go through the whole life of an
// objective; Martina (Sistemi informativi) must never see it. The titles are
// unique to this spec: the suite shares one server.

// A run suffix keeps reruns against the same server apart.
const RUN = Date.now().toString(36);
const TITLE = `Fascicoli TARI digitali (e2e obiettivi ${RUN})`;
const DRAFT_TITLE = `Bozza da buttare (e2e obiettivi ${RUN})`;
const COMMENT = 'Aggiungi un indicatore sui tempi di attesa allo sportello.';
const DESCRIPTION = 'Scansione e archiviazione dei fascicoli cartacei della TARI.';

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
  await expect(page.getByRole('status', { name: 'Stato della sincronizzazione' })).not.toContainText('in attesa');
}

const score = (page: Page) => page.getByRole('progressbar', { name: `Punteggio di «${TITLE}»` });

test('an objective goes from draft to review between Giulia and Marco, and stays hidden from another team', async ({ browser }) => {
  test.slow();
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
  await g.getByLabel('Descrizione').fill(DESCRIPTION);
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
  // The comment is required: the domain's refusal, in words.
  await m.getByLabel('Commento per chi l\'ha proposto').fill('   ');
  await m.getByRole('button', { name: 'Rimanda l\'obiettivo' }).click();
  await expect(m.getByRole('alert')).toContainText('Scrivi un commento che spieghi cosa rivedere.');
  await expect(m.getByText('Proposto', { exact: true })).toBeVisible();
  await m.getByLabel('Commento per chi l\'ha proposto').fill(COMMENT);
  await m.getByRole('button', { name: 'Rimanda l\'obiettivo' }).click();
  await expect(m.getByRole('status').filter({ hasText: 'Obiettivo rimandato con il tuo commento.' })).toBeVisible();
  // Back to Giulia as a draft; Marco keeps following it, and cannot approve it now.
  const sentBack = m.getByRole('region', { name: 'Rimandato dal responsabile' });
  await expect(sentBack).toContainText(COMMENT);
  await expect(sentBack).toContainText('In attesa che la persona riveda l\'obiettivo e lo riproponga.');
  await expect(m.getByText('Bozza', { exact: true })).toBeVisible();
  await expect(m.getByRole('button', { name: 'Approva l\'obiettivo' })).toHaveCount(0);
  await synced(m);
  // In his overview it is no longer a proposal to agree, but stays under Giulia, flagged.
  await m.goto('/objectives/team');
  await m.getByLabel('Anno', { exact: true }).selectOption(year);
  await expect(m.getByRole('list').getByRole('link', { name: TITLE })).toHaveCount(0);
  const sentBackRow = m.getByRole('row').filter({ has: m.getByRole('link', { name: TITLE }) });
  await expect(sentBackRow).toContainText('Bozza');
  await expect(sentBackRow).toContainText('Rimandato con un commento');

  // Giulia sees the comment, who wrote it, and her description as she wrote it.
  await g.goto(url);
  const note = g.getByRole('region', { name: 'Rimandato dal responsabile' });
  await expect(note).toContainText(COMMENT);
  await expect(note).toContainText('Rimandato da Marco Rossi il');
  await expect(note).toContainText('Rivedi l\'obiettivo tenendo conto del commento, poi riproponilo.');
  await expect(g.getByText('Bozza', { exact: true })).toBeVisible();
  await expect(g.getByText('Rimandato con un commento')).toBeVisible();
  await expect(g.getByText(DESCRIPTION, { exact: true })).toBeVisible();
  await expect(g.getByText(COMMENT)).toHaveCount(1);
  // The edit form shows the comment too, beside the untouched description.
  await g.getByRole('link', { name: 'Modifica e riproponi' }).click();
  await expect(g.getByRole('heading', { name: 'Modifica obiettivo', level: 1 })).toBeVisible();
  await expect(g.getByRole('region', { name: 'Rimandato dal responsabile' })).toContainText(COMMENT);
  await expect(g.getByLabel('Descrizione')).toHaveValue(DESCRIPTION);
  await g.getByRole('group', { name: 'Risultato chiave 2' }).getByLabel('Valore da raggiungere').fill('15');
  await g.getByRole('button', { name: 'Salva e riproponi' }).click();
  await expect(g.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
  await expect(g.getByRole('region', { name: 'Rimandato dal responsabile' })).toHaveCount(0);
  await expect(g.getByText('Proposto', { exact: true })).toBeVisible();
  await expect(g.getByText('In attesa dell\'accordo del responsabile.')).toBeVisible();
  await expect(g.getByText(DESCRIPTION, { exact: true })).toBeVisible();
  await synced(g);

  // Marco agrees the new proposal.
  await m.goto(url);
  await expect(m.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
  await expect(m.getByRole('region', { name: 'Rimandato dal responsabile' })).toHaveCount(0);
  await m.getByRole('button', { name: 'Approva l\'obiettivo' }).click();
  await expect(m.getByText('Concordato', { exact: true })).toBeVisible();
  await synced(m);

  // Giulia records progress: the bars and the weighted score move.
  await g.goto(url);
  await expect(g.getByText('Concordato', { exact: true })).toBeVisible();
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
  await expect(row).toContainText('In ritardo: scadenza superata');
  await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
  // Progress per person: the row sits in Giulia's block, under her overall score.
  const giuliaBlock = m.getByRole('article').filter({ has: m.getByRole('heading', { name: 'Giulia Bianchi', level: 4 }) });
  await expect(giuliaBlock.getByRole('link', { name: TITLE })).toBeVisible();
  const overall = giuliaBlock.getByRole('progressbar', { name: 'Punteggio complessivo di Giulia Bianchi' });
  await expect(overall).toHaveAttribute('aria-valuenow', /^\d{1,3}$/);
  await expect(overall).toHaveAttribute('aria-valuetext', /^\d{1,3}% raggiunto$/);
  // The team's overdue objectives are counted above it.
  const tributi = m.getByRole('region', { name: 'Struttura Servizio Tributi' });
  await expect(tributi.getByText(/\d+ obiettiv[oi] in ritardo$/)).toBeVisible();
  if (process.env.VELA_SCREENSHOTS) {
    await m.screenshot({ path: 'docs/objectives-lead.png', fullPage: true });
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
  await expect(g.getByText('Valutazione: 4 su 5 — al di sopra delle attese')).toBeVisible();
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
  const pull = await t.request.get('/api/sync/pull?since=0&protocol=4');
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

/** Today in Rome, as a UTC-midnight Date. */
function romeToday(): Date {
  const [y, m, d] = isoDay(0).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** "martedì 12 gennaio 2027": how the app writes a date (Intl, like format.rs). */
const longIt = (d: Date) =>
  new Date(d.getTime() + 12 * 3600 * 1000).toLocaleDateString('it', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('an activity note Giulia logs on a past agile day shows up on the objective it names', async ({ browser }) => {
  // The demo gives Giulia approved agile days on Tuesdays and Thursdays of
  // the last three weeks (no other spec touches days in the past) and an
  // agreed objective, "Modulistica TARI compilabile online".
  const OBJECTIVE = 'Modulistica TARI compilabile online';
  const NOTE = `Convertiti i moduli di variazione TARI in moduli online (e2e ${RUN}).`;
  const { page: g, errors, context } = await signIn(browser, 'giulia');
  await g.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Il mio calendario' }).click();
  await expect(g.getByRole('heading', { level: 1, name: 'Il mio calendario' })).toBeVisible();

  // The most recent approved day shown (stepping back a month if needed).
  const today = romeToday();
  const candidates: Date[] = [];
  for (let back = 1; back <= 21; back++) {
    const d = new Date(today.getTime() - back * 86_400_000);
    if (d.getUTCDay() === 2 || d.getUTCDay() === 4) candidates.push(d);
  }
  const approved = (d: Date) =>
    g.getByRole('button', { name: new RegExp(`^${escapeRe(longIt(d))}, Lavoro agile · `) });
  await expect(g.getByRole('button', { name: new RegExp(`^${escapeRe(longIt(today))}, `) })).toBeVisible();
  let day: Date | undefined;
  for (const previousMonth of [false, true]) {
    if (previousMonth) await g.getByRole('button', { name: 'Mese precedente' }).click();
    for (const d of candidates) {
      if ((await approved(d).count()) > 0) {
        day = d;
        break;
      }
    }
    if (day) break;
  }
  expect(day, 'an approved agile day of Giulia in the last three weeks').toBeDefined();
  await approved(day!).first().click();

  // The day's panel offers the activity form: the objective and a note.
  const panel = g.getByRole('region', { name: longIt(day!) });
  await panel.getByRole('group', { name: 'Obiettivi su cui hai lavorato' }).getByRole('checkbox', { name: OBJECTIVE }).check();
  await panel.getByLabel('Nota sull\'attività (facoltativa)').fill(NOTE);
  await panel.getByRole('button', { name: 'Salva l\'attività' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Attività salvata.' })).toBeVisible();
  await synced(g);

  // The objective lists the day, with its date and the note.
  await g.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Obiettivi' }).click();
  await g.getByRole('link', { name: OBJECTIVE }).click();
  await expect(g.getByRole('heading', { name: OBJECTIVE, level: 1 })).toBeVisible();
  await expect(g.getByText('Concordato', { exact: true })).toBeVisible();
  const days = g.getByRole('region', { name: 'Giornate di lavoro agile dedicate' });
  const item = days.getByRole('listitem').filter({ hasText: NOTE });
  await expect(item).toContainText(longIt(day!));
  await expect(item).toContainText('Giulia Bianchi');
  // …and still after a reload, from what the server sent back.
  await g.reload();
  await expect(g.getByRole('region', { name: 'Giornate di lavoro agile dedicate' }).getByRole('listitem').filter({ hasText: NOTE })).toContainText(longIt(day!));
  expect(errors).toEqual([]);
  await context.close();
});
