import { test, expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, collectErrors, login, quietDay } from './helpers';

// The home page lists what waits for each role, and every item links to the
// page where it is done. The data is the Comune di Rovereto's (the demo's
// second administration), which no other spec plans days for: Irene asks
// for a day and withdraws from her agreement; Walter leads her team; its
// administrator sees the agreement ending. Sara's sessions are the demo's.

async function apiAs(username: string): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: test.info().project.use.baseURL });
  const r = await ctx.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(r.ok(), `login ${username}`).toBeTruthy();
  return ctx;
}

async function push(ctx: APIRequestContext, command: object) {
  const r = await ctx.post('/api/sync/push?protocol=4', { data: { commands: [{ id: randomUUID(), command }] } });
  expect(r.ok()).toBeTruthy();
  const body = await r.json();
  expect(body.results[0], JSON.stringify(body.results[0])).toMatchObject({ status: 'accepted' });
}

const isoPlus = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const card = (page: Page, name: string) => page.getByRole('region', { name });

async function home(page: Page, username: string) {
  await page.goto('/');
  await login(page, username);
}

test.beforeAll(async () => {
  const irene = await apiAs('irene');
  const me = (await (await irene.get('/api/me')).json()).person.id;
  const view = await (await irene.get('/api/sync/pull?since=0&protocol=4')).json();
  const agreement = Object.values<any>(view.snapshot.directory.agreements).find((a) => a.person === me);
  // Already done by an earlier run of this spec on the same server.
  if (agreement.withdrawn_from) return;
  await push(irene, {
    area: 'agile',
    type: 'request_days',
    id: randomUUID(),
    days: { kind: 'dates', dates: [quietDay(20, 1)] },
    mode: 'agile',
    place: { kind: 'home' },
    note: '',
  });
  await push(irene, { area: 'directory', type: 'withdraw_agreement', id: agreement.id, effective: isoPlus(40) });
  await irene.dispose();
});

test('an employee: pending requests, the next days and webinars link to their pages', async ({ page }) => {
  const errors = collectErrors(page);
  await home(page, 'irene');
  const week = card(page, 'Questa settimana e la prossima');
  await expect(week.getByRole('listitem')).toHaveCount(10);
  const pending = card(page, 'Richieste in attesa');
  await pending.getByRole('link', { name: /^1 giornata in attesa: lun / }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio calendario' })).toBeVisible();
  await page.goBack();
  await card(page, 'I tuoi prossimi webinar').getByRole('link', { name: 'Vedi tutti i webinar' }).click();
  await expect(page).toHaveURL(/\/webinars$/);
  await page.goBack();
  await week.getByRole('link', { name: 'Apri il mio calendario' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio calendario' })).toBeVisible();
  // No lead, trainer or administrator cards.
  await page.goBack();
  await expect(card(page, 'Richieste da decidere')).toHaveCount(0);
  await expect(card(page, 'Le tue prossime sessioni')).toHaveCount(0);
  await expect(card(page, 'Questo mese')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a lead: the requests to decide link to the approvals', async ({ page }) => {
  await home(page, 'walter');
  const decide = card(page, 'Richieste da decidere');
  await decide.getByRole('link', { name: /^Irene Fait: 1 giornata/ }).first().click();
  await expect(page).toHaveURL(/\/approvals$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a trainer: the next sessions show their seats and link to the session', async ({ page }) => {
  await home(page, 'sara');
  const sessions = card(page, 'Le tue prossime sessioni');
  await expect(sessions.getByRole('listitem').first()).toContainText(/\d+ posti occupati su \d+, \d+ in lista d'attesa/);
  await sessions.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/training\/sessions\/[0-9a-f-]+$/);
});

test("an administrator: the month's figures and the agreements ending link to their pages", async ({ page }) => {
  await home(page, 'admin.rovereto');
  const month = card(page, 'Questo mese');
  await expect(month).toContainText('di lavoro agile approvate');
  const ending = card(page, 'Accordi in scadenza');
  await ending.getByRole('link', { name: /^Irene Fait: ultimo giorno / }).first().click();
  await expect(page).toHaveURL(/\/admin\/agreements$/);
  await page.goBack();
  await month.getByRole('link', { name: 'Vedi il monitoraggio completo' }).click();
  await expect(page).toHaveURL(/\/admin$/);
});
