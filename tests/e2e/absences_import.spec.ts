import { test, expect } from '@playwright/test';
import { collectErrors, login, quietDay } from './helpers';

// The administrator brings absences in from the attendance system: a file
// with a refused row is not importable, the corrected one is previewed,
// confirmed and recorded, importing it again changes nothing, and the
// absences then show on the Absences page, where this spec cancels them
// (other specs share the demo server). Stefano is used elsewhere only in
// the coming weeks; these absences are about eight months ahead.

const HEADER = 'Username;Dal;Al;Causale;Note;Reparto\n';

function csv(rows: string): { name: string; mimeType: string; buffer: Buffer } {
  return { name: 'presenze.csv', mimeType: 'text/csv', buffer: Buffer.from(HEADER + rows, 'utf-8') };
}

const longIt = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('it', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

test('the administrator imports absences from a CSV file: preview, confirm, and they show on the Absences page', async ({ page }) => {
  const errors = collectErrors(page);
  // Two Mondays a week apart, about eight months ahead; each absence runs to
  // its Wednesday.
  const mon1 = quietDay(240, 1);
  const mon2 = quietDay(248, 1);
  const wed = (mon: string) => {
    const d = new Date(`${mon}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 2);
    return d.toISOString().slice(0, 10);
  };

  await page.goto('/');
  await login(page, 'admin');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Assenze' }).click();
  await page.getByRole('link', { name: 'Importa assenze da file CSV' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importa assenze' })).toBeVisible();

  // Checking needs a file.
  await page.getByRole('button', { name: 'Controlla il file' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'file' })).toHaveText('Scegli prima un file.');

  // A refused row: the preview says why, and nothing can be imported.
  const file = page.getByLabel('File CSV');
  await file.setInputFiles(csv(`stefano;${mon1};${wed(mon1)};sciopero;;Tributi\n`));
  await page.getByRole('button', { name: 'Controlla il file' }).click();
  const preview = page.getByRole('region', { name: 'Anteprima' });
  const rows = preview.getByRole('table', { name: 'Righe del file' });
  await expect(rows.getByRole('row', { name: /Stefano Valentini/ })).toContainText('Tipo di assenza sconosciuto: «sciopero».');
  await expect(preview.getByText(/sono rifiutate/)).toBeVisible();
  await expect(preview.getByText('Colonne ignorate (sconosciute): Reparto')).toBeVisible();
  await expect(preview.getByRole('button', { name: 'Importa', exact: true })).toHaveCount(0);

  // The corrected file, in the Italian date form too.
  const italian = (iso: string) => iso.split('-').reverse().join('/');
  const corrected = csv(
    `stefano;${italian(mon1)};${italian(wed(mon1))};Ferie;Montagna;Tributi\n` +
      `STEFANO;${mon2};${wed(mon2)};permesso;;Tributi\n`,
  );
  await file.setInputFiles(corrected);
  await page.getByRole('button', { name: 'Controlla il file' }).click();
  await expect(rows.getByRole('row')).toHaveCount(3);
  await expect(rows.getByRole('row', { name: /Stefano Valentini/ }).first()).toContainText('Nuova');
  await expect(rows.getByRole('row', { name: /Stefano Valentini/ }).first()).toContainText('Ferie');
  const filters = preview.getByRole('group', { name: 'Mostra' });
  await filters.getByRole('button', { name: 'Rifiutate (0)' }).click();
  await expect(preview.getByText('Nessuna riga di questo tipo.')).toBeVisible();
  await filters.getByRole('button', { name: 'Nuove (2)' }).click();
  await expect(rows.getByRole('row', { name: /Stefano Valentini/ })).toHaveCount(2);

  // Confirm, then import.
  await preview.getByRole('button', { name: 'Importa', exact: true }).click();
  const question = preview.getByRole('group', { name: /Registrare 2 assenze e ritirare 0 giornate pianificate\?/ });
  await expect(question.getByRole('button', { name: 'Sì, importa' })).toBeFocused();
  await question.getByRole('button', { name: 'Sì, importa' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Importazione completata' })).toHaveText(
    'Importazione completata: 2 assenze registrate, 0 giornate pianificate ritirate.',
  );

  // The same file again: nothing to do.
  await page.getByRole('button', { name: 'Importa un altro file' }).click();
  await file.setInputFiles(corrected);
  await page.getByRole('button', { name: 'Controlla il file' }).click();
  await expect(preview.getByText('Tutte le assenze del file sono già registrate: non c\'è nulla da importare.')).toBeVisible();
  await expect(rows.getByRole('row', { name: /Stefano Valentini/ }).first()).toContainText('Già registrata');

  // They arrive through sync on the Absences page; cancel them again.
  await page.getByRole('link', { name: 'Torna ad Assenze' }).first().click();
  const list = page.getByRole('region', { name: 'Assenze registrate' });
  for (const [mon, kind] of [[mon1, 'Ferie'], [mon2, 'Permesso']] as const) {
    const row = list.getByRole('listitem').filter({ hasText: `dal ${longIt(mon)} al ${longIt(wed(mon))}` });
    await expect(row).toContainText(`Stefano Valentini — ${kind}`);
    await row.getByRole('button', { name: /^Annulla assenza/ }).click();
    await row.getByRole('button', { name: 'Sì, annulla' }).click();
    await expect(row).toHaveCount(0);
  }
  expect(errors).toEqual([]);
});

test('an employee who types the import address is told it is not for her', async ({ page }) => {
  await page.goto('/');
  await login(page, 'giulia');
  await page.goto('/admin/absences/import');
  await expect(page.getByText("Questa pagina è riservata all'amministrazione dell'ente.")).toBeVisible();
  await expect(page.getByLabel('File CSV')).toHaveCount(0);
  await page.goto('/absences');
  await expect(page.getByRole('link', { name: 'Importa assenze da file CSV' })).toHaveCount(0);
});
