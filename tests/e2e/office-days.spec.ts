import { test, expect, request, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, login, quietDay } from './helpers';

// An office-only day of Alessio's team shows on his own calendar, in words,
// with its note. The Friday is months after any other spec's dates, and the
// day is removed again at the end (team.spec lists Tributi's office days,
// live-forms.spec adds its own).

const longIt = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('it', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

test("the team's office-only days are marked on the employee's calendar", async ({ page, baseURL }) => {
  const date = quietDay(245, 5);
  const admin = await request.newContext({ baseURL });
  expect((await admin.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } })).ok()).toBeTruthy();
  const view = await (await admin.get('/api/sync/pull?since=0&protocol=4')).json();
  const alessio = Object.values<any>(view.snapshot.directory.people).find((p) => p.username === 'alessio');
  const change = async (command: object) => {
    const r = await admin.post('/api/sync/push?protocol=4', { data: { commands: [{ id: randomUUID(), command }] } });
    expect((await r.json()).results[0].status).toBe('accepted');
  };
  await change({ area: 'directory', type: 'add_office_only_date', team: alessio.team, date, note: 'Riunione plenaria' });
  try {
    await showOnCalendar(page, date);
  } finally {
    await change({ area: 'directory', type: 'remove_office_only_date', team: alessio.team, date });
    await admin.dispose();
  }
});

async function showOnCalendar(page: Page, date: string) {
  await page.goto('/');
  await login(page, 'alessio');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Il mio calendario' }).click();
  const target = new Date(`${date}T12:00:00Z`);
  const now = new Date();
  const months = (target.getUTCFullYear() - now.getUTCFullYear()) * 12 + target.getUTCMonth() - now.getUTCMonth();
  for (let i = 0; i < months; i++) await page.getByRole('button', { name: 'Mese successivo' }).click();
  const day = page.getByRole('button', { name: `${longIt(date)}, In ufficio, Solo in ufficio: Riunione plenaria`, exact: true });
  await expect(day).toBeVisible();
  await day.click();
  await expect(page.getByText('Solo in ufficio: Riunione plenaria').first()).toBeVisible();
}
