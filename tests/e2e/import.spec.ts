import { test, expect } from '@playwright/test';
import { collectErrors, login } from './helpers';

const HEADER = 'Matricola;Cognome;Nome;E-mail;Username;Struttura;Ruoli;Km\n';

function csv(rows: string): { name: string; mimeType: string; buffer: Buffer } {
  return { name: 'personale.csv', mimeType: 'text/csv', buffer: Buffer.from(HEADER + rows, 'utf-8') };
}

test('the administrator imports people from a CSV file: preview, confirm, and the new colleague signs in', async ({ page, browser }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, 'admin');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Amministrazione' }).click();
  await page.getByRole('link', { name: 'Persone' }).click();
  await page.getByRole('link', { name: 'Importa da file CSV' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importa persone' })).toBeVisible();

  // Checking needs a file.
  await page.getByRole('button', { name: 'Controlla il file' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'file' })).toHaveText('Scegli prima un file.');

  // A refused row: the preview says why, and nothing can be imported.
  const file = page.getByLabel('File CSV');
  await file.setInputFiles(csv('9001;Fabbri;Ornella;ornella@provincia.example;ofabbri;Ragioneria;dipendente;8\n'));
  await page.getByRole('button', { name: 'Controlla il file' }).click();
  const preview = page.getByRole('region', { name: 'Anteprima' });
  const rows = preview.getByRole('table', { name: 'Righe del file' });
  await expect(rows.getByRole('row', { name: /Ornella Fabbri/ })).toContainText('Nessun team si chiama «Ragioneria».');
  await expect(preview.getByText(/sono rifiutate/)).toBeVisible();
  await expect(preview.getByRole('button', { name: 'Importa', exact: true })).toHaveCount(0);

  // The corrected file: a new person and a known one getting her number.
  // Ornella joins no team: the other specs count the teams' people.
  await file.setInputFiles(csv(
    '9001;Fabbri;Ornella;ornella@provincia.example;ofabbri;;dipendente;8\n' +
    '9002;Bianchi;Giulia;;giulia;;;\n',
  ));
  await page.getByRole('button', { name: 'Controlla il file' }).click();
  await expect(rows.getByRole('row', { name: /Ornella Fabbri/ })).toContainText('Nuova');
  await expect(rows.getByRole('row', { name: /Giulia Bianchi/ })).toContainText('matricola: — → 9002');
  const filters = preview.getByRole('group', { name: 'Mostra' });
  await filters.getByRole('button', { name: 'Nuove (1)' }).click();
  await expect(filters.getByRole('button', { name: 'Nuove (1)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(rows.getByRole('row', { name: /Giulia Bianchi/ })).toHaveCount(0);
  await filters.getByRole('button', { name: 'Modificate (1)' }).click();
  await expect(rows.getByRole('row', { name: /Giulia Bianchi/ })).toBeVisible();

  // Confirm, then import.
  await preview.getByRole('button', { name: 'Importa', exact: true }).click();
  const question = preview.getByRole('group', { name: /Importare 1 nuove persone, 1 modifiche e 0 disattivazioni\?/ });
  await expect(question.getByRole('button', { name: 'Sì, importa' })).toBeFocused();
  await question.getByRole('button', { name: 'Sì, importa' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Importazione completata' }))
    .toHaveText('Importazione completata: 1 nuove persone, 1 modificate, 0 disattivate.');

  // She is on the People page (through sync), and gets a password.
  await page.getByRole('link', { name: 'Torna a Persone' }).first().click();
  const people = page.getByRole('table', { name: "Persone dell'ente" });
  await expect(people.getByRole('row', { name: /Ornella Fabbri/ })).toContainText('Attiva');
  // She reaches the server before a password can be set.
  await expect(page.getByRole('status', { name: 'Stato della sincronizzazione' })).not.toContainText('in attesa');
  await page.getByRole('button', { name: 'Azioni per Ornella Fabbri' }).click();
  await page.getByRole('button', { name: 'Password di Ornella Fabbri' }).click();
  await page.getByLabel('Nuova password').fill('benvenuta-in-vela');
  await page.getByLabel('Ripeti la password').fill('benvenuta-in-vela');
  await page.getByRole('button', { name: 'Imposta la password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'accedere' })).toHaveText('Ornella Fabbri ora può accedere come «ofabbri».');

  const device = await browser.newContext();
  const hers = await device.newPage();
  await hers.goto('/');
  await login(hers, 'ofabbri', 'benvenuta-in-vela');
  await expect(hers.getByText('Ornella Fabbri', { exact: true })).toBeVisible();
  await device.close();
  expect(errors).toEqual([]);
});
