import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';

/** Demo password seeded on an empty data dir. */
export const DEMO_PASSWORD = 'vela-demo';

/** Collects console errors and uncaught exceptions from the page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    // A failed load names no URL in its text: add it, so a failure says
    // which request went wrong.
    if (msg.type() === 'error') {
      const url = msg.location().url;
      errors.push(url ? `${msg.text()} (${url})` : msg.text());
    }
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** Logs in through the Italian login form and waits for the navigation. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.getByLabel('Nome utente').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Navigazione principale' })).toBeVisible();
}

/** The sync status line, by its Italian accessible name. */
export function syncStatus(page: Page) {
  return page.getByRole('status', { name: 'Stato della sincronizzazione' });
}

/** The signed-in person's id, as the server knows it. */
export async function personId(page: Page): Promise<string> {
  const me = await page.request.get('/api/me');
  expect(me.ok()).toBeTruthy();
  return (await me.json()).person.id;
}

/** Where the app keeps a person's outbox and cached state in localStorage. */
export const outboxKey = (person: string) => `vela.outbox.v2.${person}`;
export const cacheKey = (person: string) => `vela.replica.v2.${person}`;

/** Everything the page's origin keeps in localStorage. */
export async function localStorageOf(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const all: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      all[key] = localStorage.getItem(key)!;
    }
    return all;
  });
}

/** A weekday `days` ahead (moved to the next `weekday`, 0 = Sunday), off fixed holidays. */
export function quietDay(days: number, weekday: number): string {
  const holidays = ['01-01', '01-06', '04-25', '05-01', '06-02', '06-26', '08-15', '11-01', '12-08', '12-25', '12-26'];
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + days);
  while (day.getUTCDay() !== weekday || holidays.includes(day.toISOString().slice(5, 10))) {
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return day.toISOString().slice(0, 10);
}

/** Asks for one agile day through "Il mio calendario" (the page must be open). */
export async function requestAgileDay(page: Page, date: string) {
  const form = page.getByRole('region', { name: 'Chiedi giornate di lavoro agile' });
  await form.getByRole('radio', { name: 'Un giorno' }).check();
  await form.getByLabel('Giorno', { exact: true }).fill(date);
  await form.getByRole('button', { name: 'Invia richiesta' }).click();
}

/** Opens "Il mio calendario" from the main navigation. */
export async function openCalendar(page: Page) {
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Il mio calendario' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio calendario' })).toBeVisible();
}

/** An API client signed in as `username` (another device of theirs). */
export async function apiAs(username: string): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: test.info().project.use.baseURL });
  const r = await ctx.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(r.ok(), `login ${username}`).toBeTruthy();
  return ctx;
}

/** Asks for one agile day from home through `ctx`, as another device would. */
export async function requestDayThrough(ctx: APIRequestContext, date: string) {
  const r = await ctx.post('/api/sync/push?protocol=4', {
    data: {
      commands: [
        {
          id: randomUUID(),
          command: {
            area: 'agile',
            type: 'request_days',
            id: randomUUID(),
            days: { kind: 'dates', dates: [date] },
            mode: 'agile',
            place: { kind: 'home' },
            note: '',
          },
        },
      ],
    },
  });
  expect((await r.json()).results[0]).toMatchObject({ status: 'accepted' });
}
