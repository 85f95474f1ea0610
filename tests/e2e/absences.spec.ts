import { test, expect, type Page } from '@playwright/test';
import { collectErrors, login } from './helpers';

// Davide records leave over a week in which he planned an agile day: the
// day is withdrawn and his month's allowance and prevalence change at once.
// He is used elsewhere only in the first weeks team.spec counts from; this
// spec takes a week well after those (and after calendar.spec's weeks).

const DAY = 24 * 3600 * 1000;

function romeToday(): Date {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' })
    .format(new Date())
    .split('-')
    .map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}
const iso = (d: Date) => d.toISOString().slice(0, 10);
const plus = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
const longIt = (d: Date) =>
  new Date(d.getTime() + 12 * 3600 * 1000).toLocaleDateString('it', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
const monthIt = (d: Date) => d.toLocaleDateString('it', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const HOLIDAYS = ['01-01', '01-06', '04-25', '05-01', '06-02', '06-26', '08-15', '10-04', '11-01', '12-08', '12-25', '12-26'];
const isHoliday = (d: Date) => HOLIDAYS.includes(iso(d).slice(5));

/** A Monday ten weeks after team.spec's start, in a week without holidays and not Easter's. */
function leaveWeek(): Date {
  const today = romeToday();
  let start = plus(today, 49);
  const afterDemo = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 2, 1));
  if (start < afterDemo) start = afterDemo;
  let mon = plus(start, ((8 - start.getUTCDay()) % 7) + 7 * 10);
  // Easter Monday falls between 23 March and 26 April.
  const easterish = (d: Date) => {
    const md = iso(d).slice(5);
    return md >= '03-23' && md <= '04-26';
  };
  while ([0, 1, 2, 3, 4].some((i) => isHoliday(plus(mon, i))) || easterish(mon)) mon = plus(mon, 7);
  return mon;
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigazione principale' });

async function showMonth(page: Page, date: Date) {
  const today = romeToday();
  const months = (date.getUTCFullYear() - today.getUTCFullYear()) * 12 + date.getUTCMonth() - today.getUTCMonth();
  for (let i = 0; i < months; i++) await page.getByRole('button', { name: 'Mese successivo' }).click();
  await expect(page.getByRole('heading', { level: 2, name: monthIt(date), exact: true })).toBeVisible();
}

/** The month's allowance line for `date`: planned days and absent days. */
async function monthFigures(page: Page, date: Date): Promise<{ planned: number; absent: number }> {
  const form = page.getByRole('region', { name: 'Chiedi giornate di lavoro agile' });
  await form.getByRole('radio', { name: 'Un giorno' }).check();
  await form.getByLabel('Giorno', { exact: true }).fill(iso(date));
  const row = form.getByRole('listitem').filter({ hasText: `${monthIt(date)}:` });
  await expect(row).toContainText('già pianificate');
  const text = (await row.textContent()) ?? '';
  const planned = Number(/(\d+) su \d+ già pianificate/.exec(text)?.[1]);
  const absent = Number(/(\d+) di assenza/.exec(text)?.[1]);
  await form.getByLabel('Giorno', { exact: true }).fill('');
  return { planned, absent };
}

test('an absence over a planned day withdraws it and changes the allowance', async ({ page }) => {
  const errors = collectErrors(page);
  const mon = leaveWeek();
  const fri = plus(mon, 4);
  await page.goto('/');
  await login(page, 'davide');
  await nav(page).getByRole('link', { name: 'Il mio calendario' }).click();
  await showMonth(page, mon);

  const form = page.getByRole('region', { name: 'Chiedi giornate di lavoro agile' });
  await form.getByRole('radio', { name: 'Un giorno' }).check();
  await form.getByLabel('Giorno', { exact: true }).fill(iso(mon));
  await form.getByRole('button', { name: 'Invia richiesta' }).click();
  await expect(page.getByRole('button', { name: `${longIt(mon)}, In attesa: Lavoro agile · Casa`, exact: true })).toBeVisible();
  const before = await monthFigures(page, mon);
  expect(before.planned).toBeGreaterThanOrEqual(1);

  await nav(page).getByRole('link', { name: 'Assenze' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assenze' })).toBeVisible();
  const absence = page.getByRole('region', { name: "Registra un'assenza" });
  await absence.getByLabel('Tipo di assenza').selectOption({ label: 'Ferie' });
  await absence.getByLabel('Dal').fill(iso(mon));
  await absence.getByLabel('Al (compreso)').fill(iso(fri));
  await absence.getByLabel('Motivo (facoltativo)').fill('Vacanza in montagna');
  await expect(absence.getByText('Sarà ritirata 1 giornata di lavoro agile già pianificata in questo periodo.')).toBeVisible();
  await absence.getByRole('button', { name: 'Registra assenza' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assenza registrata' })).toHaveText(
    'Assenza registrata: 1 giornata di lavoro agile ritirata.',
  );
  const list = page.getByRole('region', { name: 'Assenze registrate' });
  const row = list.getByRole('listitem').filter({ hasText: `dal ${longIt(mon)} al ${longIt(fri)}` });
  await expect(row).toContainText('Ferie');
  await expect(row).toContainText('Vacanza in montagna');

  // The calendar: the day is now an absence, the month's figures moved.
  await nav(page).getByRole('link', { name: 'Il mio calendario' }).click();
  await showMonth(page, mon);
  await expect(page.getByRole('button', { name: `${longIt(mon)}, Assente`, exact: true })).toBeVisible();
  const after = await monthFigures(page, mon);
  expect(after.planned).toBe(before.planned - 1);
  expect(after.absent).toBe(before.absent + 5);

  // Cancelling asks first, then removes it from the list.
  await nav(page).getByRole('link', { name: 'Assenze' }).click();
  await row.getByRole('button', { name: /^Annulla assenza/ }).click();
  await row.getByRole('button', { name: 'Sì, annulla' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assenza annullata.' })).toBeVisible();
  await expect(list.getByText(`dal ${longIt(mon)} al ${longIt(fri)}`)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a lead records an absence for one of their people; a teammate cannot choose anyone', async ({ page }) => {
  await page.goto('/');
  await login(page, 'luca');
  await nav(page).getByRole('link', { name: 'Assenze' }).click();
  const form = page.getByRole('region', { name: "Registra un'assenza" });
  await expect(form.getByLabel('Tipo di assenza')).toBeVisible();
  await expect(form.getByLabel('Persona')).toHaveCount(0);
  await page.getByRole('button', { name: 'Esci' }).click();

  await login(page, 'marco');
  await nav(page).getByRole('link', { name: 'Assenze' }).click();
  const person = form.getByLabel('Persona');
  await expect(person).toBeVisible();
  await expect(person.getByRole('option', { name: 'Marco Rossi (tu)' })).toHaveCount(1);
  await expect(person.getByRole('option', { name: 'Luca Ferrari' })).toHaveCount(1);
  // Elena leads another team: not Marco's to record for.
  await expect(person.getByRole('option', { name: /Elena/ })).toHaveCount(0);
});
