import { test, expect, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';
import { collectErrors, DEMO_PASSWORD, login } from './helpers';

// Someone types into a form while a second client changes the same data (or
// data the page shows); the revision reaches the page, and nothing typed is
// lost, the focus stays in the field and saving saves what was typed.
//
// Each test waits until the second client's change is visible on the first
// page (so the revision has been pulled and drawn), never for a fixed time.
// Most of them work in the Comune di Rovereto (irene, walter,
// admin.rovereto), which no other spec touches; the activity note needs
// one of Giulia's past agile days, the only ones the demo has.

const RUN = Date.now().toString(36);

/** YYYY-MM-DD of today plus `days`, in Rome. */
function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
}

/** "martedì 12 gennaio 2027": how the app writes a date. */
function longIt(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('it', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The date `days` after the YYYY-MM-DD `iso`. */
function plusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An Italian national holiday (the Comune di Rovereto adds none). */
function holiday(iso: string): boolean {
  const fixed = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];
  if (fixed.includes(iso.slice(5))) return true;
  // Easter Monday (anonymous Gregorian algorithm).
  const y = Number(iso.slice(0, 4));
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  const easter = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return iso === plusDays(easter, 1);
}

/** The second client: the HTTP API with a signed-in cookie. */
class Client {
  private constructor(readonly http: APIRequestContext) {}

  static async signIn(playwright: { request: { newContext: (o: { baseURL?: string }) => Promise<APIRequestContext> } }, baseURL: string | undefined, username: string) {
    const http = await playwright.request.newContext({ baseURL });
    const login = await http.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
    expect(login.ok(), `${username} signs in`).toBeTruthy();
    return new Client(http);
  }

  /** What this person may see now. */
  async state(): Promise<any> {
    // Servers that predate the protocol version refuse the unknown parameter.
    let pull = await this.http.get('/api/sync/pull?since=0&protocol=4');
    if (pull.status() === 400) pull = await this.http.get('/api/sync/pull?since=0');
    expect(pull.ok(), await pull.text()).toBeTruthy();
    return (await pull.json()).snapshot;
  }

  /** Pushes commands and returns each one's answer. */
  async push(...commands: object[]): Promise<any[]> {
    const response = await this.http.post('/api/sync/push?protocol=4', {
      data: { commands: commands.map((command) => ({ id: crypto.randomUUID(), command })) },
    });
    expect(response.ok(), await response.text()).toBeTruthy();
    return (await response.json()).results;
  }

  /** Pushes commands the server must accept. */
  async change(...commands: object[]) {
    const results = await this.push(...commands);
    for (const r of results) expect(r.status, JSON.stringify(r)).toBe('accepted');
  }

  async close() {
    await this.http.dispose();
  }
}

async function signIn(browser: Browser, username: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, username);
  await expect(page.getByRole('status', { name: 'Stato della sincronizzazione' })).toContainText('aggiornato alle');
  return { context, page, errors };
}

/**
 * Empties `field` and types `first` into it, lets `change` happen elsewhere and waits for
 * `arrived` (the change drawn on this page), then checks the field still
 * holds `first` with the focus in it, and types `rest` with the keyboard:
 * it lands in the same field only if the focus truly stayed there.
 */
async function typeAcross(field: Locator, first: string, rest: string, change: () => Promise<void>, arrived: () => Promise<void>) {
  await field.fill('');
  await field.click();
  await field.pressSequentially(first);
  await expect(field).toHaveValue(first);
  await change();
  await arrived();
  await expect(field).toHaveValue(first);
  await expect(field).toBeFocused();
  await field.page().keyboard.type(rest);
  await expect(field).toHaveValue(first + rest);
}

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function personByUsername(state: any, username: string): any {
  const person = Object.values<any>(state.directory.people).find((p) => p.username === username);
  expect(person, username).toBeDefined();
  return person;
}

/** SavePerson with a person's fields as they are, changed by `patch`. */
function savePerson(p: any, patch: object = {}) {
  return {
    area: 'directory',
    type: 'save_person',
    id: p.id,
    username: p.username,
    name: p.name,
    email: p.email ?? null,
    roles: p.roles,
    team: p.team ?? null,
    commute_km: p.commute_km ?? 0,
    language: p.language ?? 'it',
    ...patch,
  };
}

/** A new objective of `owner` with two key results, in progress for this quarter-ish period. */
async function objectiveInProgress(irene: Client, walter: Client, ownerId: string, title: string) {
  const id = crypto.randomUUID();
  const kr = [crypto.randomUUID(), crypto.randomUUID()];
  await irene.change(
    {
      area: 'objectives',
      type: 'save_objective',
      id,
      owner: { kind: 'person', id: ownerId },
      period: { from: isoDay(-30), until: isoDay(60) },
      title,
      description: '',
      weight: 10,
      key_results: [
        { id: kr[0], indicator: `Schede catalogate ${RUN}`, unit: 'schede', baseline: '0', target: '10', weight: 50 },
        { id: kr[1], indicator: `Prestiti digitali ${RUN}`, unit: 'prestiti', baseline: '0', target: '20', weight: 50 },
      ],
    },
    { area: 'objectives', type: 'propose', objective: id },
  );
  await walter.change({ area: 'objectives', type: 'agree', objective: id });
  await irene.change({ area: 'objectives', type: 'start', objective: id });
  return { id, kr };
}

test('request form: the note survives a request made on another device', async ({ browser, playwright, baseURL }) => {
  const irene = await Client.signIn(playwright, baseURL, 'irene');
  const me = personByUsername(await irene.state(), 'irene');
  const { page, errors, context } = await signIn(browser, 'irene');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Il mio calendario' }).click();
  const form = page.getByRole('region', { name: 'Chiedi giornate di lavoro agile' });
  await expect(form.getByLabel('Nota per il responsabile (facoltativa)')).toBeVisible();

  // Irene's agreement: Mondays and Wednesdays, two a week. A week ahead
  // whose Monday and Wednesday are working days.
  let monday = '';
  for (let week = 1; !monday || holiday(monday) || holiday(plusDays(monday, 2)); week++) {
    const d = new Date(`${isoDay(7 * week)}T12:00:00Z`);
    while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
    monday = d.toISOString().slice(0, 10);
  }
  const wednesday = plusDays(monday, 2);
  await form.getByRole('radio', { name: 'Un giorno' }).check();
  await form.getByLabel('Giorno', { exact: true }).fill(wednesday);
  await expect(form.getByText('Da inviare: 1 giornata')).toBeVisible();
  // The allowance of that week (the first line is this week's).
  const week = form.getByRole('listitem').filter({ hasText: /^Settimana del/ });
  await expect(week).toContainText('0 su 2 già pianificate, ne restano 2.');
  const note = form.getByLabel('Nota per il responsabile (facoltativa)');
  const FIRST = `Catalogazione del fondo ${RUN}`;
  const REST = ' e inventario delle riviste';
  await typeAcross(
    note,
    FIRST,
    REST,
    async () => {
      // The other device asks for the Monday of the same week.
      await irene.change({
        area: 'agile',
        type: 'request_days',
        id: crypto.randomUUID(),
        days: { kind: 'dates', dates: [monday] },
        mode: 'agile',
        place: { kind: 'home' },
        note: `Altro dispositivo ${RUN}`,
      });
    },
    async () => {
      await expect(week).toContainText('1 su 2 già pianificate, ne resta 1.');
    },
  );
  await expect(form.getByLabel('Giorno', { exact: true })).toHaveValue(wednesday);
  await form.getByRole('button', { name: 'Invia richiesta' }).click();
  await expect(page.getByText('Richiesta inviata: 1 giornata in attesa di approvazione.')).toBeVisible();
  // The server has the request for that Wednesday with the whole note.
  await expect
    .poll(async () => {
      const s = await irene.state();
      const day = s.agile.days?.[me.id]?.[wednesday];
      return day ? s.agile.requests[day.request]?.note : undefined;
    })
    .toBe(FIRST + REST);
  expect(errors).toEqual([]);
  await irene.close();
  await context.close();
});

test('activity note: what is typed survives the same day logged on another device, and is what gets saved', async ({ browser, playwright, baseURL }) => {
  const giulia = await Client.signIn(playwright, baseURL, 'giulia');
  const state = await giulia.state();
  const me = personByUsername(state, 'giulia');
  const today = isoDay(0);
  // Her oldest approved agile day of the last weeks (objectives.spec uses the latest).
  const days = Object.values<any>(state.agile.days[me.id] ?? {})
    .filter((d) => d.status === 'approved' && d.date < today && d.date >= isoDay(-21))
    .map((d) => d.date as string)
    .sort();
  expect(days.length, 'an approved past agile day of Giulia').toBeGreaterThan(1);
  const date = days[0];

  const { page, errors, context } = await signIn(browser, 'giulia');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Il mio calendario' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio calendario' })).toBeVisible();
  const day = page.getByRole('button', { name: new RegExp(`^${longIt(date)}, `) });
  if ((await day.count()) === 0) await page.getByRole('button', { name: 'Mese precedente' }).click();
  await day.click();
  const panel = page.getByRole('region', { name: longIt(date) });
  const note = panel.getByLabel('Nota sull\'attività (facoltativa)');
  const OTHER = `Scritto sul telefono ${RUN}`;
  const FIRST = `Riordinato l'archivio ${RUN}`;
  const REST = ' e verificati i fascicoli';
  await typeAcross(
    note,
    FIRST,
    REST,
    () => giulia.change({ area: 'agile', type: 'log_activity', date, objectives: [], note: OTHER }),
    () => expect(panel.getByText(OTHER)).toBeVisible(),
  );
  await panel.getByRole('button', { name: 'Salva l\'attività' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Attività salvata.' })).toBeVisible();
  await expect(panel.getByText(FIRST + REST)).toBeVisible();
  await expect.poll(async () => (await giulia.state()).agile.days[me.id][date].activity?.note).toBe(FIRST + REST);
  expect(errors).toEqual([]);
  await giulia.close();
  await context.close();
});

test('objective form: the title survives a team renamed meanwhile, and is what gets saved', async ({ browser, playwright, baseURL }) => {
  const admin = await Client.signIn(playwright, baseURL, 'admin.rovereto');
  const state = await admin.state();
  const irene = personByUsername(state, 'irene');
  const team = state.directory.teams[irene.team];
  const { page, errors, context } = await signIn(browser, 'irene');
  await page.goto('/objectives/new');
  const title = page.getByLabel('Titolo');
  const RENAMED = `Servizio Cultura (${RUN}-obiettivo)`;
  const FIRST = `Catalogo digitale ${RUN}`;
  const REST = ' della biblioteca';
  await typeAcross(
    title,
    FIRST,
    REST,
    () =>
      admin.change({
        area: 'directory',
        type: 'save_team',
        id: team.id,
        name: RENAMED,
        min_office: team.min_office,
        max_agile_share: team.max_agile_share ?? null,
      }),
    () => expect(page.getByLabel('Di chi è l\'obiettivo')).toContainText(RENAMED),
  );
  const kr = page.getByRole('group', { name: 'Risultato chiave 1' });
  await kr.getByLabel('Indicatore').fill('Schede');
  await kr.getByLabel('Valore di partenza').fill('0');
  await kr.getByLabel('Valore da raggiungere').fill('10');
  await page.getByRole('button', { name: 'Salva la bozza' }).click();
  await expect(page.getByRole('heading', { level: 1, name: FIRST + REST })).toBeVisible();
  expect(errors).toEqual([]);
  await admin.close();
  await context.close();
});

test('progress form: value and note survive progress recorded on another device', async ({ browser, playwright, baseURL }) => {
  const irene = await Client.signIn(playwright, baseURL, 'irene');
  const walter = await Client.signIn(playwright, baseURL, 'walter');
  const me = personByUsername(await irene.state(), 'irene');
  const TITLE = `Fondo locale in rete (e2e ${RUN})`;
  const { id, kr } = await objectiveInProgress(irene, walter, me.id, TITLE);

  const { page, errors, context } = await signIn(browser, 'irene');
  await page.goto(`/objectives/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page.getByLabel('Nuovo valore attuale').fill('4');
  const note = page.getByLabel('Nota (cosa è cambiato)');
  const FIRST = `Catalogate le schede ${RUN}`;
  const REST = ' del fondo antico';
  await typeAcross(
    note,
    FIRST,
    REST,
    () => irene.change({ area: 'objectives', type: 'record_progress', objective: id, key_result: kr[1], value: '7', note: `Telefono ${RUN}` }),
    () => expect(page.getByText(`Telefono ${RUN}`)).toBeVisible(),
  );
  await expect(page.getByLabel('Nuovo valore attuale')).toHaveValue('4');
  await page.getByRole('button', { name: 'Registra l\'avanzamento' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Avanzamento registrato.' })).toBeVisible();
  await expect(page.getByText(FIRST + REST)).toBeVisible();
  await expect
    .poll(async () => (await irene.state()).objectives.objectives[id].updates.map((u: any) => u.note))
    .toContain(FIRST + REST);
  expect(errors).toEqual([]);
  await Promise.all([irene.close(), walter.close()]);
  await context.close();
});

test('review form: the lead\'s rating and comment survive another review saved meanwhile', async ({ browser, playwright, baseURL }) => {
  const irene = await Client.signIn(playwright, baseURL, 'irene');
  const walter = await Client.signIn(playwright, baseURL, 'walter');
  const admin = await Client.signIn(playwright, baseURL, 'admin.rovereto');
  const me = personByUsername(await irene.state(), 'irene');
  const TITLE = `Letture ad alta voce (e2e ${RUN})`;
  const { id } = await objectiveInProgress(irene, walter, me.id, TITLE);
  await walter.change({ area: 'objectives', type: 'close', objective: id, outcome: 'partly_achieved' });

  const { page, errors, context } = await signIn(browser, 'walter');
  await page.goto(`/objectives/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const rating = page.getByRole('group', { name: 'Valutazione (da 1 a 5)' });
  await rating.getByRole('radio', { name: /^4 — / }).check();
  const comment = page.getByLabel('Commento della valutazione');
  const FIRST = `Buon lavoro ${RUN}`;
  const REST = ', manca la seconda sede';
  await typeAcross(
    comment,
    FIRST,
    REST,
    () => admin.change({ area: 'objectives', type: 'review', objective: id, rating: 2, comment: `Dall'amministrazione ${RUN}` }),
    () => expect(page.getByText('Valutazione: 2 su 5', { exact: false })).toBeVisible(),
  );
  await expect(rating.getByRole('radio', { name: /^4 — / })).toBeChecked();
  await page.getByRole('button', { name: 'Registra la valutazione' }).click();
  await expect(page.getByText('Valutazione: 4 su 5', { exact: false })).toBeVisible();
  await expect(page.getByText(FIRST + REST).first()).toBeVisible();
  await expect.poll(async () => (await walter.state()).objectives.objectives[id].review?.comment).toBe(FIRST + REST);
  expect(errors).toEqual([]);
  await Promise.all([irene.close(), walter.close(), admin.close()]);
  await context.close();
});

test('session form: the title survives a new trainer appearing, and is what gets saved', async ({ browser, playwright, baseURL }) => {
  const admin = await Client.signIn(playwright, baseURL, 'admin.rovereto');
  const irene = personByUsername(await admin.state(), 'irene');
  const { page, errors, context } = await signIn(browser, 'walter');
  await page.goto('/training/sessions/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Nuovo webinar' })).toBeVisible();
  const title = page.getByLabel('Titolo');
  const FIRST = `Biblioteche in rete ${RUN}`;
  const REST = ': il catalogo unico';
  const roles = irene.roles.includes('trainer') ? irene.roles.filter((r: string) => r !== 'trainer') : [...irene.roles, 'trainer'];
  await typeAcross(
    title,
    FIRST,
    REST,
    () => admin.change(savePerson(irene, { roles })),
    async () => {
      const box = page.getByRole('checkbox', { name: irene.name });
      if (roles.includes('trainer')) await expect(box).toBeVisible();
      else await expect(box).toHaveCount(0);
    },
  );
  await page.getByLabel('Data', { exact: true }).fill(isoDay(40));
  await page.getByLabel('Ora di inizio').fill('10:00');
  await page.getByLabel('Ora di fine').fill('11:00');
  await page.getByLabel('Posti disponibili').fill('20');
  await page.getByLabel('Link della videoconferenza (https://…)').fill('https://meet.example.org/biblioteche');
  await page.getByRole('button', { name: 'Salva', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: FIRST + REST })).toBeVisible();
  expect(errors).toEqual([]);
  await admin.close();
  await context.close();
});

test('agreement form: the notice typed survives the same agreement changed meanwhile, and is what gets saved', async ({ browser, playwright, baseURL }) => {
  const admin = await Client.signIn(playwright, baseURL, 'admin.rovereto');
  const state = await admin.state();
  const irene = personByUsername(state, 'irene');
  const agreement = Object.values<any>(state.directory.agreements).find((a) => a.person === irene.id);
  expect(agreement).toBeDefined();
  const { page, errors, context } = await signIn(browser, 'admin.rovereto');
  await page.goto('/admin/agreements');
  await page.getByRole('button', { name: `Modifica l'accordo di ${irene.name}` }).click();
  const notice = page.getByLabel('Preavviso di recesso (giorni)');
  const month = agreement.max_days_per_month === 7 ? 6 : 7;
  await typeAcross(
    notice,
    '3',
    '5',
    () => admin.change({ area: 'directory', type: 'save_agreement', agreement: { ...agreement, max_days_per_month: month } }),
    () => expect(page.getByRole('row', { name: new RegExp(irene.name) })).toContainText(`e ${month} al mese`),
  );
  await page.getByRole('button', { name: 'Salva', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Accordo salvato.' })).toBeVisible();
  await expect
    .poll(async () => Object.values<any>((await admin.state()).directory.agreements).find((a) => a.id === agreement.id)?.notice_days)
    .toBe(35);
  expect(errors).toEqual([]);
  await admin.close();
  await context.close();
});

test('person form: the e-mail typed survives the same person changed meanwhile, and is what gets saved', async ({ browser, playwright, baseURL }) => {
  const admin = await Client.signIn(playwright, baseURL, 'admin.rovereto');
  const irene = personByUsername(await admin.state(), 'irene');
  const { page, errors, context } = await signIn(browser, 'admin.rovereto');
  await page.goto('/admin/people');
  await page.getByRole('button', { name: `Modifica ${irene.name}` }).click();
  const email = page.getByLabel('Email (facoltativa)');
  const FIRST = `irene.${RUN}@`;
  const REST = 'comune.rovereto.demo';
  const trainer = irene.roles.includes('trainer');
  const roles = trainer ? irene.roles.filter((r: string) => r !== 'trainer') : [...irene.roles, 'trainer'];
  const row = page.getByRole('row', { name: new RegExp(`^${irene.name}`) });
  await typeAcross(
    email,
    FIRST,
    REST,
    () => admin.change(savePerson(irene, { roles })),
    async () => {
      if (trainer) await expect(row).not.toContainText('Formatore');
      else await expect(row).toContainText('Formatore');
    },
  );
  await page.getByRole('button', { name: 'Salva', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `${irene.name} salvata.` })).toBeVisible();
  await expect.poll(async () => personByUsername(await admin.state(), 'irene').email).toBe(FIRST + REST);
  expect(errors).toEqual([]);
  await admin.close();
  await context.close();
});

test('team form: the name typed survives the same team changed meanwhile, and is what gets saved', async ({ browser, playwright, baseURL }) => {
  const admin = await Client.signIn(playwright, baseURL, 'admin.rovereto');
  const state = await admin.state();
  const irene = personByUsername(state, 'irene');
  const team = state.directory.teams[irene.team];
  const { page, errors, context } = await signIn(browser, 'admin.rovereto');
  await page.goto('/admin/teams');
  await page.getByRole('button', { name: `Modifica ${team.name}` }).click();
  const name = page.getByLabel('Nome del team');
  const FIRST = `Servizio Cultura ${RUN}`;
  const REST = ' e Biblioteca civica';
  const people = team.min_office.kind === 'people' && team.min_office.value === 1 ? 2 : 1;
  await typeAcross(
    name,
    FIRST,
    REST,
    () => admin.change({ area: 'directory', type: 'set_min_office', team: team.id, min_office: { kind: 'people', value: people } }),
    () => expect(page.getByRole('row', { name: new RegExp(escapeRe(team.name)) })).toContainText(people === 1 ? '1 persona' : '2 persone'),
  );
  await page.getByRole('button', { name: 'Salva', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `${FIRST + REST} salvato.` })).toBeVisible();
  await expect.poll(async () => (await admin.state()).directory.teams[team.id].name).toBe(FIRST + REST);
  expect(errors).toEqual([]);
  await admin.close();
  await context.close();
});

test('team rules: the office-only date being added survives another one added meanwhile', async ({ browser, playwright, baseURL }) => {
  const admin = await Client.signIn(playwright, baseURL, 'admin.rovereto');
  const state = await admin.state();
  const walterPerson = personByUsername(state, 'walter');
  const teamId = walterPerson.team;
  const { page, errors, context } = await signIn(browser, 'walter');
  await page.goto('/team/rules');
  await expect(page.getByRole('heading', { level: 1, name: 'Regole del team' })).toBeVisible();
  const date = isoDay(50);
  const other = isoDay(51);
  await page.getByLabel('Data', { exact: true }).fill(date);
  const note = page.getByLabel('Motivo (ad esempio: riunione di servizio)');
  const OTHER = `Inventario annuale ${RUN}`;
  const FIRST = `Riunione di servizio ${RUN}`;
  const REST = ' con la giunta';
  await typeAcross(
    note,
    FIRST,
    REST,
    () => admin.change({ area: 'directory', type: 'add_office_only_date', team: teamId, date: other, note: OTHER }),
    () => expect(page.getByText(OTHER)).toBeVisible(),
  );
  await expect(page.getByLabel('Data', { exact: true })).toHaveValue(date);
  await page.getByRole('button', { name: 'Aggiungi la giornata' }).click();
  await expect(page.getByText(FIRST + REST)).toBeVisible();
  await expect.poll(async () => (await admin.state()).directory.teams[teamId].office_only?.[date]).toBe(FIRST + REST);
  expect(errors).toEqual([]);
  await admin.close();
  await context.close();
});
