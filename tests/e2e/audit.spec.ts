import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { collectErrors, login } from './helpers';

test('the administrator changes a commute, finds it in the audit log, filters it and downloads the CSV', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, 'admin');

  // A change: Luca's commute.
  await page.goto('/admin/people');
  await expect(page.getByRole('heading', { level: 1, name: 'Persone' })).toBeVisible();
  await page.getByRole('button', { name: 'Modifica Luca Ferrari' }).click();
  // The person's page offers their data, and anonymisation only once they left.
  await expect(page.getByRole('link', { name: 'Scarica i dati della persona' })).toHaveAttribute('href', /\/api\/people\/.+\/personal-data$/);
  await expect(page.getByText('Si può anonimizzare solo una persona disattivata.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Anonimizza' })).toHaveCount(0);
  await page.getByLabel('Km casa-lavoro (sola andata)').fill('23');
  await page.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'salvata' })).toHaveText('Luca Ferrari salvata.');
  await expect(page.getByRole('status', { name: 'Stato della sincronizzazione' })).not.toContainText('in attesa');

  // The log, from the administration's tools.
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Registro attività' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registro attività' })).toBeVisible();
  const table = page.getByRole('table');
  const change = table.getByRole('row').filter({ hasText: 'Persona salvata' }).filter({ hasText: 'Luca Ferrari' }).first();
  await expect(change).toContainText('Amministrazione');

  // Filters: by kind, then by person; a kind with nothing today is empty.
  await page.getByLabel('Tipo').selectOption({ label: 'Persona salvata' });
  await expect(table.getByRole('row').filter({ hasText: 'Accesso' })).toHaveCount(0);
  await page.getByLabel('Persona', { exact: true }).selectOption({ label: 'Luca Ferrari' });
  await expect(table.getByRole('row').filter({ hasText: 'Luca Ferrari' }).first()).toBeVisible();
  await page.getByLabel('Tipo').selectOption({ label: 'Accesso non riuscito' });
  await expect(page.getByText('Nessuna voce corrisponde ai filtri.')).toBeVisible();
  await page.getByLabel('Tipo').selectOption({ label: 'Persona salvata' });

  // The sign-in just made is in the security log.
  await page.getByRole('button', { name: 'Azzera i filtri' }).click();
  await page.getByLabel('Tipo').selectOption({ label: 'Accesso' });
  await expect(table.getByRole('row').filter({ hasText: '127.0.0.1' }).first()).toBeVisible();

  // The CSV has the same filtered entries.
  await page.getByLabel('Tipo').selectOption({ label: 'Persona salvata' });
  await page.getByLabel('Persona', { exact: true }).selectOption({ label: 'Luca Ferrari' });
  await expect(table.getByRole('row').filter({ hasText: 'Luca Ferrari' }).first()).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Scarica CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('registro-attivita.csv');
  const text = (await readFile(await download.path())).subarray(3).toString('utf-8');
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0].startsWith('Data e ora (UTC);Tipo;Autore;Persona')).toBe(true);
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) {
    expect(line).toContain('directory.person_saved');
  }
  expect(errors).toEqual([]);
});

test('an employee downloads their own data from the profile page and cannot open the audit log', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, 'giulia');
  await page.goto('/profile');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Scarica i miei dati' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^vela-dati-personali-.*\.json$/);
  const file = JSON.parse((await readFile(await download.path())).toString('utf-8'));
  expect(file.data.person.username).toBe('giulia');
  expect(file.data.person.name).toBe('Giulia Bianchi');
  expect(Array.isArray(file.data.absences)).toBe(true);

  await page.goto('/admin/audit');
  await expect(page.getByText("Questa pagina è riservata all'amministrazione dell'ente.")).toBeVisible();
  expect(errors).toEqual([]);
});
