import { test, expect, type Page } from '@playwright/test';
import { apiAs, collectErrors, login, quietDay, requestDayThrough } from './helpers';

// The employee's side of agile days, as Giulia (the persona). The
// demo fills her current and next month, and team.spec asks for her days in
// the first three weeks after max(today + 7 weeks, the month after next):
// this spec only ADDS requests, on weeks 3 to 6 after that same start, so
// no other spec meets them, and asserts on its own days only.

const DAY = 24 * 3600 * 1000;

/** Today's date in Rome, as a UTC-midnight Date. */
function romeToday(): Date {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' })
    .format(new Date())
    .split('-')
    .map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const plus = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
/** "martedì 12 gennaio 2027": how the app writes a date (Intl, like format.rs). */
const longIt = (d: Date) =>
  new Date(d.getTime() + 12 * 3600 * 1000).toLocaleDateString('it', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
const monthIt = (d: Date) => d.toLocaleDateString('it', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Fixed national and local holidays that could fall on a weekday we use. */
const HOLIDAYS = ['01-01', '01-06', '04-25', '05-01', '06-02', '06-26', '08-15', '10-04', '11-01', '12-08', '12-25', '12-26'];
const isHoliday = (d: Date) => HOLIDAYS.includes(iso(d).slice(5));

/**
 * Monday of the `n`th week (3 to 6) after the start team.spec counts from,
 * skipping weeks with a holiday from Monday to Friday (Easter Monday is a
 * Monday, which no test here uses).
 */
function week(n: number): { mon: Date; tue: Date; wed: Date; thu: Date; sun: Date } {
  const today = romeToday();
  let start = plus(today, 49);
  const afterDemo = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 2, 1));
  if (start < afterDemo) start = afterDemo;
  let mon = plus(start, ((8 - start.getUTCDay()) % 7) + 7 * n);
  while ([0, 1, 2, 3, 4].some((i) => isHoliday(plus(mon, i)))) mon = plus(mon, 7);
  return { mon, tue: plus(mon, 1), wed: plus(mon, 2), thu: plus(mon, 3), sun: plus(mon, 6) };
}

const PENDING_HOME = 'In attesa: Lavoro agile · Casa';

/** The day button of `date` with its status in its accessible name. */
const dayButton = (page: Page, date: Date, status: string) =>
  page.getByRole('button', { name: `${longIt(date)}, ${status}`, exact: true });

async function openCalendar(page: Page) {
  await page.goto('/');
  await login(page, 'giulia');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Il mio calendario' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio calendario' })).toBeVisible();
}

/** Shows the month of `date` with the "next month" button. */
async function showMonth(page: Page, date: Date) {
  const today = romeToday();
  const months = (date.getUTCFullYear() - today.getUTCFullYear()) * 12 + date.getUTCMonth() - today.getUTCMonth();
  for (let i = 0; i < months; i++) await page.getByRole('button', { name: 'Mese successivo' }).click();
  await expect(page.getByRole('heading', { level: 2, name: monthIt(date), exact: true })).toBeVisible();
}

async function requestOneDay(page: Page, date: Date) {
  const form = page.getByRole('region', { name: 'Chiedi giornate di lavoro agile' });
  await form.getByRole('radio', { name: 'Un giorno' }).check();
  await form.getByLabel('Giorno', { exact: true }).fill(iso(date));
  await expect(form.getByRole('heading', { name: 'Da inviare: 1 giornata' })).toBeVisible();
  await form.getByRole('button', { name: 'Invia richiesta' }).click();
  await expect(form.getByRole('status')).toContainText('Richiesta inviata: 1 giornata in attesa di approvazione.');
}

test('Giulia asks for two days and a recurring pattern: refused days are listed with the reason, the others are pending, in the month and the week view', async ({ page }) => {
  const errors = collectErrors(page);
  const w3 = week(3);
  const w4 = week(4);
  const w5 = week(5);
  await openCalendar(page);
  const form = page.getByRole('region', { name: 'Chiedi giornate di lavoro agile' });

  // What the agreement allows is shown before sending.
  await expect(form.getByText('Al massimo 2 giornate a settimana e 8 al mese.')).toBeVisible();
  await expect(form.getByText('Questa settimana:')).toBeVisible();
  await expect(form.getByText('Questo mese:')).toBeVisible();

  // Two single days, from home (the first of the agreement's places).
  await requestOneDay(page, w3.tue);
  await form.getByRole('radio', { name: 'Un giorno' }).check();
  await form.getByLabel('Giorno', { exact: true }).fill(iso(w3.thu));
  await expect(form.getByLabel('Luogo')).toHaveValue('0');
  // The week of the day asked for: one of two already planned.
  await expect(form.getByText(/Settimana del .*: 1 su 2 già pianificate, ne resta 1\./)).toBeVisible();
  await form.getByLabel('Nota per il responsabile (facoltativa)').fill('Relazione annuale');
  await form.getByRole('button', { name: 'Invia richiesta' }).click();
  await expect(form.getByRole('status')).toContainText('Richiesta inviata: 1 giornata in attesa di approvazione.');

  // A third day in that week (Monday is allowed) breaks the weekly limit: refused with the rule, not sent.
  await form.getByLabel('Giorno', { exact: true }).fill(iso(w3.mon));
  await expect(form.getByRole('heading', { name: 'Da inviare' })).toHaveCount(0);
  await expect(form.getByText(/Limite settimanale superato: l'accordo consente al massimo 2 giornate/)).toBeVisible();
  // A day the agreement does not allow is refused with that rule.
  await form.getByLabel('Giorno', { exact: true }).fill(iso(w3.wed));
  await expect(form.getByRole('heading', { name: 'Da inviare' })).toHaveCount(0);
  await expect(form.getByText(`L'accordo non consente giornate fuori sede in questo giorno della settimana (${longIt(w3.wed)}).`)).toBeVisible();

  // Every Tuesday and Wednesday for two weeks: Wednesdays are refused.
  await form.getByRole('radio', { name: 'Ogni settimana' }).check();
  await expect(form.getByRole('checkbox', { name: 'martedì' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'giovedì' })).toBeChecked();
  await form.getByRole('checkbox', { name: 'lunedì' }).uncheck();
  await form.getByRole('checkbox', { name: 'giovedì' }).uncheck();
  await form.getByRole('checkbox', { name: 'mercoledì' }).check();
  await form.getByLabel('Dal', { exact: true }).fill(iso(w4.mon));
  await form.getByLabel('Fino al', { exact: true }).fill(iso(w5.sun));
  await form.getByLabel('Luogo').selectOption({ label: 'Telecentro di Rovereto' });
  await expect(form.getByRole('heading', { name: 'Da inviare: 2 giornate' })).toBeVisible();
  await expect(form.getByRole('heading', { name: 'Non richiedibili: 2 giornate' })).toBeVisible();
  await form.getByRole('button', { name: 'Invia richiesta' }).click();
  const sent = form.getByRole('status');
  await expect(sent).toContainText('Richiesta inviata: 2 giornate in attesa di approvazione.');
  await expect(sent).toContainText('Non inviate: 2 giornate');
  for (const wed of [w4.wed, w5.wed]) {
    await expect(sent.getByRole('listitem').filter({ hasText: longIt(wed) })).toContainText(
      `L'accordo non consente giornate fuori sede in questo giorno della settimana (${longIt(wed)}).`,
    );
  }

  // The month view: pending days with place, refused days still in the office.
  await showMonth(page, w3.tue);
  await expect(dayButton(page, w3.tue, PENDING_HOME)).toBeVisible();
  await expect(dayButton(page, w3.thu, PENDING_HOME)).toBeVisible();
  await expect(dayButton(page, w3.wed, 'In ufficio')).toBeVisible();
  await expect(dayButton(page, w3.mon, 'In ufficio')).toBeVisible();
  await expect(dayButton(page, w3.sun, 'Fine settimana')).toBeVisible();

  // Selecting a day shows its details; the week view shows the same statuses.
  await dayButton(page, w3.thu, PENDING_HOME).click();
  const panel = page.getByRole('region', { name: longIt(w3.thu) });
  await expect(panel).toContainText('Nota della richiesta: Relazione annuale');
  await page.getByRole('group', { name: 'Vista del calendario' }).getByRole('button', { name: 'Settimana' }).click();
  await expect(page.getByRole('list', { name: 'Giorni della settimana' }).getByRole('button')).toHaveCount(7);
  await expect(dayButton(page, w3.tue, PENDING_HOME)).toBeVisible();
  await expect(dayButton(page, w3.thu, PENDING_HOME)).toBeVisible();
  await expect(dayButton(page, w3.wed, 'In ufficio')).toBeVisible();
  await expect(dayButton(page, plus(w3.mon, 5), 'Fine settimana')).toBeVisible();

  // Back to the month view, on the month of the recurring days: at the telecentre.
  await page.getByRole('group', { name: 'Vista del calendario' }).getByRole('button', { name: 'Mese' }).click();
  await expect(page.getByRole('heading', { level: 2, name: monthIt(w3.thu), exact: true })).toBeVisible();
  if (monthIt(w4.tue) !== monthIt(w3.thu)) {
    await page.getByRole('button', { name: 'Mese successivo' }).click();
  }
  await expect(dayButton(page, w4.tue, 'In attesa: Lavoro agile · Telecentro di Rovereto')).toBeVisible();
  await expect(dayButton(page, w4.wed, 'In ufficio')).toBeVisible();
  expect(errors).toEqual([]);
});

test('Giulia cancels a pending day after confirming', async ({ page }) => {
  const errors = collectErrors(page);
  const { tue } = week(6);
  await openCalendar(page);
  await requestOneDay(page, tue);
  await showMonth(page, tue);
  await dayButton(page, tue, PENDING_HOME).click();
  const panel = page.getByRole('region', { name: longIt(tue) });

  // Changing one's mind keeps the day.
  await panel.getByRole('button', { name: 'Annulla questa giornata' }).click();
  await expect(panel.getByText(`Vuoi davvero annullare la giornata di ${longIt(tue)}?`)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Sì, annulla la giornata' })).toBeFocused();
  await panel.getByRole('button', { name: 'No, mantienila' }).click();
  await expect(dayButton(page, tue, PENDING_HOME)).toBeVisible();

  await panel.getByRole('button', { name: 'Annulla questa giornata' }).click();
  await panel.getByRole('button', { name: 'Sì, annulla la giornata' }).click();
  await expect(panel.getByRole('status')).toHaveText(`Giornata di ${longIt(tue)} annullata.`);
  await expect(dayButton(page, tue, 'In ufficio')).toBeVisible();
  await expect(panel).toContainText('Avevi annullato la richiesta per questo giorno.');
  // The server took it: still cancelled after a reload.
  await expect(page.getByRole('status', { name: 'Stato della sincronizzazione' })).not.toContainText('in attesa');
  await page.reload();
  await showMonth(page, tue);
  await expect(dayButton(page, tue, 'In ufficio')).toBeVisible();
  expect(errors).toEqual([]);
});

test('keyboard only: Giulia asks for a day without the mouse', async ({ page }) => {
  const errors = collectErrors(page);
  const { thu } = week(6);
  await page.goto('/');
  await page.getByLabel('Nome utente').fill('giulia');
  await page.getByLabel('Password').fill('vela-demo');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Navigazione principale' })).toBeVisible();
  await page.goto('/calendar');
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio calendario' })).toBeVisible();
  const focusedDate = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.date ?? null);
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  /** The focused day, once the grid has redrawn after a key. */
  const settledDate = async (): Promise<string> => {
    let date: string | null = null;
    await expect.poll(async () => (date = await focusedDate()), { message: 'the focus left the grid' }).not.toBeNull();
    return date ?? '';
  };

  // Tab into the grid: it is one tab stop, on the selected day.
  for (let i = 0; i < 40 && !(await focusedDate()); i++) await page.keyboard.press('Tab');
  expect(await focusedDate()).not.toBeNull();
  // Page Down moves a month, the arrows a day.
  const target = iso(thu);
  for (let i = 0; i < 60; i++) {
    const at = await settledDate();
    if (at === target) break;
    if (at.slice(0, 7) < target.slice(0, 7)) await page.keyboard.press('PageDown');
    else await page.keyboard.press(at < target ? 'ArrowRight' : 'ArrowLeft');
  }
  expect(await settledDate()).toBe(target);
  await expect(page.getByRole('region', { name: longIt(thu) })).toBeVisible();

  // The next tab stop asks for the selected day; the form takes the focus.
  await page.keyboard.press('Tab');
  expect(await focusedText()).toBe('Chiedi lavoro agile per questo giorno');
  await page.keyboard.press('Enter');
  const form = page.getByRole('region', { name: 'Chiedi giornate di lavoro agile' });
  await expect(form.getByRole('heading', { name: 'Chiedi giornate di lavoro agile' })).toBeFocused();
  await expect(form.getByLabel('Giorno', { exact: true })).toHaveValue(target);
  await expect(form.getByRole('heading', { name: 'Da inviare: 1 giornata' })).toBeVisible();
  for (let i = 0; i < 25 && (await focusedText()) !== 'Invia richiesta'; i++) await page.keyboard.press('Tab');
  expect(await focusedText()).toBe('Invia richiesta');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('status')).toContainText('Richiesta inviata: 1 giornata in attesa di approvazione.');
  await expect(dayButton(page, thu, PENDING_HOME)).toBeVisible();
  expect(errors).toEqual([]);
});

test('a live update leaves the keyboard focus on the selected day', async ({ page }) => {
  // As Francesca, whose calendar no other spec opens: her change made on
  // another device redraws the month she is moving through with the keys.
  const errors = collectErrors(page);
  const tuesday = quietDay(100, 2);
  const monday = iso(plus(new Date(`${tuesday}T00:00:00Z`), -1));
  await page.goto('/');
  await login(page, 'francesca');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Il mio calendario' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio calendario' })).toBeVisible();
  await showMonth(page, new Date(`${tuesday}T00:00:00Z`));
  const day = (date: string) => page.locator(`.month-grid [data-date="${date}"]`);
  await day(monday).click();
  await expect(day(monday)).toBeFocused();
  await expect(day(tuesday)).not.toHaveAccessibleName(/In attesa/);

  const device = await apiAs('francesca');
  await requestDayThrough(device, tuesday);
  await device.dispose();

  // The month is drawn again with her new day, and the focus is where it was:
  // the keys go on from there.
  await expect(day(tuesday)).toHaveAccessibleName(/In attesa/);
  await expect(day(monday)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(day(tuesday)).toBeFocused();
  expect(errors).toEqual([]);
});

test('my agreement shows its terms, linked from the calendar with the export', async ({ page }) => {
  const errors = collectErrors(page);
  await openCalendar(page);
  await expect(page.getByRole('link', { name: 'Esporta (.ics)' })).toHaveAttribute('href', '/calendar/export');
  await page.getByRole('link', { name: 'Il mio accordo individuale' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Il mio accordo individuale' })).toBeVisible();
  const card = page.getByRole('article');
  await expect(card.getByRole('heading', { name: 'Lavoro agile — in vigore' })).toBeVisible();
  await expect(card).toContainText('Giornate al massimo per settimana2');
  await expect(card).toContainText('Giornate al massimo per mese8');
  await expect(card).toContainText('martedì, giovedì');
  await expect(card).toContainText('Casa, Telecentro di Rovereto');
  await expect(card).toContainText('09:30–12:30, 14:30–16:30');
  await expect(card).toContainText('30 giorni');
  await expect(card).toContainText(/Validitàdal .+ al .+/);
  expect(errors).toEqual([]);
});

test('screenshot of the month view at tablet size', async ({ page }) => {
  test.skip(!process.env.VELA_SCREENSHOTS, 'only when VELA_SCREENSHOTS is set');
  await page.setViewportSize({ width: 1024, height: 768 });
  await openCalendar(page);
  const next = new Date(Date.UTC(romeToday().getUTCFullYear(), romeToday().getUTCMonth() + 1, 1));
  await showMonth(page, next);
  await expect(page.getByRole('button', { name: /In attesa: Lavoro agile/ }).first()).toBeVisible();
  await page.getByRole('button', { name: /In attesa: Lavoro agile/ }).first().click();
  await page.screenshot({ path: 'docs/calendar-month.png' });
  // Portrait tablet and phone, for a look (not committed).
  for (const [width, height] of [[768, 1024], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `target/calendar-month-${width}.png`, fullPage: true });
  }
});
