import { test, expect, type Browser, type Page } from '@playwright/test';
import { collectErrors, login } from './helpers';

// Webinars: Sara (the demo trainer) creates sessions; martina, stefano,
// alessio and roberto (used by no other spec) register, wait, get promoted,
// join, attend and rate. Every session is new and uniquely titled, so the
// tests never depend on other specs or on earlier runs against the server.

const MEET = 'https://meet.vela-e2e.example/';

/** A Rome wall-clock date ("2026-11-27") and time ("10:05") of an instant. */
function rome(at: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Rome',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** A 1024×768 screenshot for the docs, only when VELA_SCREENSHOTS is set. */
async function shoot(page: Page, path: string) {
  if (!process.env.VELA_SCREENSHOTS) return;
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path, fullPage: true });
}

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A signed-in page for `username` in its own browser context. */
async function person(browser: Browser, username: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, username);
  return { page, errors };
}

/** Sara's session, created directly through the sync API (start/end relative to now). */
async function createSession(
  page: Page,
  title: string,
  startInMinutes: number,
  minutes: number,
  capacity = 5,
): Promise<string> {
  const me = await (await page.request.get('/api/me')).json();
  const id = crypto.randomUUID();
  // Whole minutes, as people type them in the form.
  const start = new Date(Math.ceil((Date.now() + startInMinutes * 60_000) / 60_000) * 60_000);
  const end = new Date(start.getTime() + minutes * 60_000);
  const response = await page.request.post('/api/sync/push?protocol=4', {
    data: {
      commands: [
        {
          id: crypto.randomUUID(),
          command: {
            area: 'webinars',
            type: 'save_session',
            id,
            title,
            description: 'Sessione creata dal test end-to-end.',
            trainers: [me.person.id],
            start: start.toISOString(),
            end: end.toISOString(),
            capacity,
            join_link: MEET + id,
            audience: { kind: 'organisation' },
            materials: [],
          },
        },
      ],
    },
  });
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.results[0].status, JSON.stringify(body)).toBe('accepted');
  return id;
}

// First in the file, so the screenshot shows the demo catalogue only.
test('the catalogue filters by free seats and path; screenshot of the list at tablet size', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'it-IT' });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, 'martina');
  await page.getByRole('link', { name: 'Webinar', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Webinar', level: 1 })).toBeVisible();
  const security = page.getByRole('listitem').filter({ hasText: 'Sicurezza informatica nel lavoro agile' });
  await expect(security).toContainText('Completo');
  await page.getByLabel('Solo con posti liberi').check();
  await expect(security).toHaveCount(0);
  await page.getByRole('button', { name: 'Azzera i filtri' }).click();
  await page.getByLabel('Percorso formativo').selectOption({ label: 'Percorso smart working' });
  await expect(security).toBeVisible();
  // Only the path's sessions remain.
  await expect(page.getByRole('main').getByRole('listitem').filter({ hasNotText: 'Percorso smart working' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Azzera i filtri' }).click();
  if (process.env.VELA_SCREENSHOTS) {
    await page.screenshot({ path: 'docs/webinars-list.png' });
  }
  // Phone and tablet portrait: the page content never scrolls sideways.
  for (const size of [{ width: 390, height: 844 }, { width: 768, height: 1024 }]) {
    await page.setViewportSize(size);
    await expect(security).toBeVisible();
    const overflow = await page.getByRole('main').evaluate((main) => main.scrollWidth - main.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
  expect(errors).toEqual([]);
  await context.close();
});

test('Sara creates a session for 2; the third person waits, is promoted live when someone cancels, and sees a cancellation', async ({ browser }) => {
  const sara = await person(browser, 'sara');
  const title = `Firma digitale ${unique()}`;
  const day = rome(new Date(Date.now() + 2 * 24 * 3600_000)).date;

  await sara.page.getByRole('link', { name: 'Gestione formazione' }).click();
  await sara.page.getByRole('link', { name: 'Nuovo webinar' }).click();
  await expect(sara.page.getByRole('heading', { name: 'Nuovo webinar' })).toBeVisible();
  await sara.page.getByLabel('Titolo', { exact: true }).fill(title);
  await sara.page.getByLabel('Descrizione').fill('Come firmare gli atti da remoto: è più semplice di quanto sembri.');
  await expect(sara.page.getByRole('checkbox', { name: 'Sara Gallo' })).toBeChecked();
  await sara.page.getByLabel('Data', { exact: true }).fill(day);
  await sara.page.getByLabel('Ora di inizio').fill('10:00');
  await sara.page.getByLabel('Ora di fine').fill('11:30');
  await sara.page.getByLabel('Posti disponibili').fill('2');
  // A plain-http link is refused by the rules, with the reason.
  await sara.page.getByLabel('Link della videoconferenza').fill('http://meet.vela-e2e.example/firma');
  await sara.page.getByRole('button', { name: 'Salva' }).click();
  await expect(sara.page.getByRole('alert')).toContainText('https://');
  await sara.page.getByLabel('Link della videoconferenza').fill('https://meet.vela-e2e.example/firma');
  await sara.page.getByRole('button', { name: 'Aggiungi un materiale' }).click();
  await sara.page.getByLabel('Titolo del materiale 1').fill('Guida alla firma');
  await sara.page.getByLabel('Indirizzo del materiale 1').fill('https://intranet.example/firma.pdf');
  await sara.page.getByRole('button', { name: 'Salva' }).click();
  await expect(sara.page.getByRole('heading', { name: title })).toBeVisible();
  await expect(sara.page).toHaveURL(/\/training\/sessions\/[0-9a-f-]{36}$/);
  const id = sara.page.url().split('/').pop()!;
  await expect(sara.page.getByText('2 posti liberi su 2')).toBeVisible();

  const martina = await person(browser, 'martina');
  const stefano = await person(browser, 'stefano');
  const alessio = await person(browser, 'alessio');

  // Martina finds it in the catalogue and registers.
  await martina.page.getByRole('link', { name: 'Webinar', exact: true }).click();
  await martina.page.getByRole('link', { name: title }).click();
  await expect(martina.page.getByRole('heading', { name: title })).toBeVisible();
  await expect(martina.page.getByRole('link', { name: 'Guida alla firma' })).toBeVisible();
  await martina.page.getByRole('button', { name: 'Iscriviti', exact: true }).click();
  await expect(martina.page.getByText('Sei iscritta o iscritto: hai un posto.')).toBeVisible();

  await stefano.page.goto(`/webinars/${id}`);
  await expect(stefano.page.getByText('1 posto libero su 2')).toBeVisible();
  await stefano.page.getByRole('button', { name: 'Iscriviti', exact: true }).click();
  await expect(stefano.page.getByText('Sei iscritta o iscritto: hai un posto.')).toBeVisible();

  // Full: Alessio joins the waitlist, first in line.
  await alessio.page.goto(`/webinars/${id}`);
  await expect(alessio.page.getByText('Completo · in lista d\'attesa: 0')).toBeVisible();
  await alessio.page.getByRole('button', { name: 'Iscriviti alla lista d\'attesa' }).click();
  await expect(alessio.page.getByText('sei in lista d\'attesa, posizione 1')).toBeVisible();
  await expect(alessio.page.getByRole('button', { name: /Partecipa/ })).toHaveCount(0);
  await shoot(alessio.page, 'docs/webinars-session-waitlisted.png');

  // Sara sees the registrations and the waitlist live.
  const rows = sara.page.getByRole('table');
  await expect(rows.getByRole('row', { name: /Martina Fontana.*iscritto\/a/ })).toBeVisible();
  await expect(rows.getByRole('row', { name: /Stefano Valentini.*iscritto\/a/ })).toBeVisible();
  await expect(rows.getByRole('row', { name: /Alessio Tomasi.*in lista d'attesa.*1/ })).toBeVisible();

  // Martina cancels, after confirming.
  await martina.page.getByRole('button', { name: 'Annulla l\'iscrizione' }).click();
  await expect(martina.page.getByText('Vuoi davvero annullare l\'iscrizione?')).toBeVisible();
  // The keyboard lands on the choice.
  await expect(martina.page.getByRole('button', { name: 'Sì, annulla l\'iscrizione' })).toBeFocused();
  await martina.page.getByRole('button', { name: 'Sì, annulla l\'iscrizione' }).click();
  await expect(martina.page.getByText('Iscrizione annullata.')).toBeVisible();
  await expect(martina.page.getByRole('button', { name: /^Iscriviti/ })).toBeVisible();

  // Alessio, without reloading, is told he got the seat.
  await expect(alessio.page.getByRole('status').filter({ hasText: 'Hai ottenuto un posto' })).toContainText(title);
  await expect(alessio.page.getByText('Sei iscritta o iscritto: hai un posto.')).toBeVisible();
  await expect(alessio.page.getByRole('button', { name: /Partecipa/ })).toBeDisabled();
  await expect(rows.getByRole('row', { name: /Alessio Tomasi.*iscritto\/a/ })).toBeVisible();

  // Sara calls the session off (confirming); the registrants see it cancelled.
  await sara.page.getByRole('button', { name: 'Annulla il webinar' }).click();
  await expect(sara.page.getByRole('button', { name: 'Sì, annulla il webinar' })).toBeFocused();
  await sara.page.getByRole('button', { name: 'Sì, annulla il webinar' }).click();
  await expect(sara.page.getByText('Questo webinar è stato annullato.')).toBeVisible();
  await expect(alessio.page.getByText('Questo webinar è stato annullato.')).toBeVisible();
  await stefano.page.goto('/webinars');
  await expect(stefano.page.getByRole('listitem').filter({ hasText: title })).toContainText('Annullato');

  for (const p of [sara, martina, stefano, alessio]) expect(p.errors).toEqual([]);
});

test('the Join button is enabled only from 15 minutes before the start, and opens the link in a new tab', async ({ browser }) => {
  const sara = await person(browser, 'sara');
  const tag = unique();
  const soon = await createSession(sara.page, `Sportello privacy ${tag}`, 10, 45);
  const later = await createSession(sara.page, `Sportello accessibilità ${tag}`, 120, 45);

  const roberto = await person(browser, 'roberto');
  const context = roberto.page.context();
  await context.route(`${MEET}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Riunione</title>' }));

  await roberto.page.goto(`/webinars/${later}`);
  await roberto.page.getByRole('button', { name: 'Iscriviti', exact: true }).click();
  const joinLater = roberto.page.getByRole('button', { name: /Partecipa/ });
  await expect(joinLater).toBeDisabled();
  await expect(roberto.page.getByText(/Il pulsante «Partecipa» si attiva alle \d{2}:\d{2}/)).toBeVisible();
  await expect(roberto.page.getByRole('link', { name: /Aggiungi al calendario/ })).toHaveAttribute(
    'href',
    `/api/webinars/${later}/ics`,
  );

  await roberto.page.goto(`/webinars/${soon}`);
  // Before registering there is no Join button (and no link).
  await expect(roberto.page.getByRole('button', { name: /Partecipa/ })).toHaveCount(0);
  await roberto.page.getByRole('button', { name: 'Iscriviti', exact: true }).click();
  const join = roberto.page.getByRole('button', { name: /Partecipa/ });
  await expect(join).toBeEnabled();
  await expect(roberto.page.getByText(/Il collegamento è aperto fino alle/)).toBeVisible();
  const [meeting] = await Promise.all([context.waitForEvent('page'), join.click()]);
  await expect(meeting).toHaveURL(`${MEET}${soon}`);

  expect(roberto.errors).toEqual([]);
  expect(sara.errors).toEqual([]);
});

test('after a session: registration is refused with the reason; Sara marks attendance, the attendee rates it, Sara sees the average and exports the CSV', async ({ browser }) => {
  const sara = await person(browser, 'sara');
  const title = `Protocollo informatico ${unique()}`;
  // Held an hour ago (trainers may record a training already held).
  const id = await createSession(sara.page, title, -90, 60);

  const stefano = await person(browser, 'stefano');
  await stefano.page.goto(`/webinars/${id}`);
  await expect(stefano.page.getByRole('heading', { name: title })).toBeVisible();
  await expect(stefano.page.getByText(/Le iscrizioni sono chiuse: il webinar è iniziato .* alle \d{2}:\d{2}/)).toBeVisible();
  await expect(stefano.page.getByRole('button', { name: /Iscriviti/ })).toHaveCount(0);
  // Not recorded present yet: no feedback form.
  await expect(stefano.page.getByRole('group', { name: /Quanto ti è stato utile/ })).toHaveCount(0);

  await sara.page.goto(`/training/sessions/${id}`);
  await expect(sara.page.getByText('Nessuna iscrizione per ora.')).toBeVisible();
  await sara.page.getByLabel('Un\'altra persona presente').selectOption({ label: 'Stefano Valentini' });
  await sara.page.getByRole('button', { name: 'Segna presente' }).click();
  await expect(sara.page.getByRole('checkbox', { name: 'Presente: Stefano Valentini' })).toBeChecked();
  await expect(sara.page.getByText('Nessuna valutazione per ora.')).toBeVisible();

  // Stefano sees the feedback form appear and rates the session.
  const rating = stefano.page.getByRole('group', { name: /Quanto ti è stato utile/ });
  await expect(rating).toBeVisible();
  await rating.getByRole('radio', { name: '4' }).check();
  await stefano.page.getByLabel('Commento (facoltativo)').fill('Utile, però è andato un po\' veloce.');
  await stefano.page.getByRole('button', { name: 'Invia la valutazione' }).click();
  await expect(stefano.page.getByText('Grazie: la tua valutazione è registrata.')).toBeVisible();

  // My training counts the hour.
  await stefano.page.getByRole('link', { name: 'Webinar', exact: true }).click();
  await stefano.page.getByRole('link', { name: 'La mia formazione' }).click();
  await expect(stefano.page.getByRole('rowheader', { name: title })).toBeVisible();
  await expect(stefano.page.getByText(/Ore di formazione: \d+ h/)).toBeVisible();

  // Sara sees the average and the comment live.
  await expect(sara.page.getByText('Media 4,0 su 5 (1 valutazione)')).toBeVisible();
  await expect(sara.page.getByText('Utile, però è andato un po\' veloce.')).toBeVisible();
  await shoot(sara.page, 'docs/webinars-trainer-session.png');

  // The CSV export: the link, and the rows it gives.
  const csvLink = sara.page.getByRole('link', { name: 'Esporta i partecipanti (CSV)' });
  await expect(csvLink).toHaveAttribute('href', `/api/webinars/${id}/attendees.csv`);
  const csv = await sara.page.request.get(`/api/webinars/${id}/attendees.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split(/\r?\n/);
  expect(lines).toEqual([
    'Nome;Struttura;Iscrizione;Posizione in lista d\'attesa;Presente;Valutazione;Commento',
    expect.stringMatching(/^Stefano Valentini;[^;]+;senza iscrizione;;sì;4;Utile, però è andato un po' veloce\.$/),
  ]);
  // An employee may not download it.
  const refused = await stefano.page.request.get(`/api/webinars/${id}/attendees.csv`);
  expect(refused.status()).toBe(403);

  expect(sara.errors).toEqual([]);
  expect(stefano.errors).toEqual([]);
});

test('Sara groups sessions into a training path and orders them with buttons', async ({ browser }) => {
  const sara = await person(browser, 'sara');
  const tag = unique();
  await createSession(sara.page, `Percorso A ${tag}`, 3 * 24 * 60, 60);
  await createSession(sara.page, `Percorso B ${tag}`, 4 * 24 * 60, 60);
  const title = `Percorso digitale ${tag}`;

  await sara.page.goto('/training');
  await sara.page.getByRole('link', { name: 'Nuovo percorso' }).click();
  await sara.page.getByLabel('Titolo', { exact: true }).fill(title);
  // Saving without sessions is refused by the rules.
  await sara.page.getByRole('button', { name: 'Salva' }).click();
  await expect(sara.page.getByRole('alert')).toContainText('obbligatorio');
  for (const name of [`Percorso A ${tag}`, `Percorso B ${tag}`]) {
    await sara.page.getByLabel('Incontro da aggiungere').selectOption({ label: name });
    await sara.page.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  }
  const steps = sara.page.getByRole('main').getByRole('listitem');
  await expect(steps).toHaveText([new RegExp(`Percorso A ${tag}`), new RegExp(`Percorso B ${tag}`)]);
  await sara.page.getByRole('button', { name: `Sposta su: Percorso B ${tag}` }).click();
  await expect(steps).toHaveText([new RegExp(`Percorso B ${tag}`), new RegExp(`Percorso A ${tag}`)]);
  await sara.page.getByRole('button', { name: 'Salva' }).click();
  await expect(sara.page).toHaveURL(/\/training$/);
  await expect(sara.page.getByRole('listitem').filter({ hasText: title })).toContainText('2 incontri');
  // Editing keeps the order.
  await sara.page.getByRole('link', { name: `Modifica: ${title}` }).click();
  await expect(sara.page.getByLabel('Titolo', { exact: true })).toHaveValue(title);
  await expect(steps).toHaveText([new RegExp(`Percorso B ${tag}`), new RegExp(`Percorso A ${tag}`)]);

  // The path filter of the catalogue shows its sessions.
  await sara.page.goto('/webinars');
  await sara.page.getByLabel('Percorso formativo').selectOption({ label: title });
  await expect(sara.page.getByRole('main').getByRole('listitem')).toHaveCount(2);
  expect(sara.errors).toEqual([]);
});

test('Sara edits a session: the form shows its Rome times and saves the change', async ({ browser }) => {
  const sara = await person(browser, 'sara');
  const title = `Benessere organizzativo ${unique()}`;
  const id = await createSession(sara.page, title, 5 * 24 * 60, 90, 4);
  const me = await (await sara.page.request.get('/api/me')).json();
  expect(me.person.username).toBe('sara');

  await sara.page.goto('/training');
  await sara.page.getByRole('link', { name: `Gestisci: ${title}` }).click();
  await sara.page.getByRole('link', { name: 'Modifica', exact: true }).click();
  await expect(sara.page.getByRole('heading', { name: 'Modifica webinar' })).toBeVisible();
  await expect(sara.page.getByLabel('Titolo', { exact: true })).toHaveValue(title);
  // The session was created starting in 5 days: the form shows it in Rome time.
  const pull = await (await sara.page.request.get('/api/sync/pull?since=0&protocol=4')).json();
  const start = new Date(pull.snapshot.webinars.sessions[id].start);
  await expect(sara.page.getByLabel('Data', { exact: true })).toHaveValue(rome(start).date);
  await expect(sara.page.getByLabel('Ora di inizio')).toHaveValue(rome(start).time);
  await sara.page.getByLabel('Posti disponibili').fill('1');
  await sara.page.getByRole('button', { name: 'Salva' }).click();
  await expect(sara.page).toHaveURL(new RegExp(`/training/sessions/${id}$`));
  await expect(sara.page.getByText('1 posto libero su 1')).toBeVisible();
  // The change reached the server unchanged in time.
  await expect
    .poll(async () => {
      const again = await (await sara.page.request.get('/api/sync/pull?since=0&protocol=4')).json();
      const s = again.snapshot.webinars.sessions[id];
      return [s.capacity, new Date(s.start).getTime()];
    })
    .toEqual([1, start.getTime()]);
  expect(sara.errors).toEqual([]);
});

test('Sara opens a session to the whole partnership and keeps one for her administration; Irene of Rovereto sees and joins only the first, and Sara sees her registered', async ({ browser }) => {
  const sara = await person(browser, 'sara');
  const tag = unique();
  const shared = `Partenariato aperto ${tag}`;
  const own = `Solo Provincia ${tag}`;
  const day = rome(new Date(Date.now() + 3 * 24 * 3600_000)).date;

  async function create(title: string, audience: string): Promise<string> {
    await sara.page.goto('/training');
    await sara.page.getByRole('link', { name: 'Nuovo webinar' }).click();
    await expect(sara.page.getByRole('heading', { name: 'Nuovo webinar' })).toBeVisible();
    await sara.page.getByLabel('Titolo', { exact: true }).fill(title);
    await sara.page.getByLabel('Data', { exact: true }).fill(day);
    await sara.page.getByLabel('Ora di inizio').fill('14:00');
    await sara.page.getByLabel('Ora di fine').fill('15:00');
    await sara.page.getByLabel('Posti disponibili').fill('10');
    await sara.page.getByLabel('Link della videoconferenza').fill(`${MEET}${tag}`);
    const group = sara.page.getByRole('group', { name: 'Destinatari' });
    await expect(group.getByRole('radio', { name: 'La mia amministrazione' })).toBeChecked();
    await expect(group.getByRole('radio', { name: 'Team scelti' })).toBeVisible();
    await group.getByRole('radio', { name: audience }).check();
    await sara.page.getByRole('button', { name: 'Salva' }).click();
    await expect(sara.page.getByRole('heading', { name: title })).toBeVisible();
    await expect(sara.page).toHaveURL(/\/training\/sessions\/[0-9a-f-]{36}$/);
    return sara.page.url().split('/').pop()!;
  }
  const sharedId = await create(shared, 'Tutto il partenariato');
  await create(own, 'La mia amministrazione');

  // Sara's colleagues see who each session is for, in words.
  await sara.page.goto('/webinars');
  const sharedCard = sara.page.getByRole('listitem').filter({ hasText: shared });
  await expect(sharedCard).toContainText('Aperto a tutto il partenariato');
  await expect(sara.page.getByRole('listitem').filter({ hasText: own })).toContainText(
    'Riservato a: Provincia autonoma di Trento',
  );

  // Irene, of the Comune di Rovereto, sees the partnership session only.
  const irene = await person(browser, 'irene');
  await irene.page.getByRole('link', { name: 'Webinar', exact: true }).click();
  await expect(irene.page.getByRole('heading', { name: 'Webinar', level: 1 })).toBeVisible();
  const card = irene.page.getByRole('listitem').filter({ hasText: shared });
  await expect(card).toContainText('Offerto da: Provincia autonoma di Trento');
  await expect(card).toContainText('Sara Gallo');
  await expect(irene.page.getByText(own)).toHaveCount(0);
  // Nor any of the first administration's own sessions.
  await expect(irene.page.getByText('Sicurezza informatica nel lavoro agile')).toHaveCount(0);
  await card.getByRole('link', { name: shared }).click();
  await expect(irene.page.getByRole('heading', { name: shared })).toBeVisible();
  await irene.page.getByRole('button', { name: 'Iscriviti', exact: true }).click();
  await expect(irene.page.getByText('Sei iscritta o iscritto: hai un posto.')).toBeVisible();

  // Sara sees her among the registrants, by name and administration.
  await sara.page.goto(`/training/sessions/${sharedId}`);
  const rows = sara.page.getByRole('table');
  await expect(rows.getByRole('row', { name: /Irene Fait.*Comune di Rovereto.*iscritto\/a/ })).toBeVisible();

  for (const p of [sara, irene]) expect(p.errors).toEqual([]);
});
