import { test, expect } from '@playwright/test';
import { collectErrors, login } from './helpers';

// The partnership's administrator (the demo's `admin`) adds a member
// organisation with its first administrator, who signs in to an empty
// organisation and is guided through its first steps.
test('a partnership administrator adds an organisation whose administrator starts from empty', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  // A demo says so on every page, and lists its accounts.
  await expect(page.getByRole('note')).toHaveText('Versione dimostrativa: dati di prova');
  for (const user of ['giulia', 'marco', 'sara', 'admin', 'irene', 'walter', 'admin.rovereto']) {
    await expect(page.getByRole('button', { name: `Usa l'account ${user}`, exact: true })).toBeVisible();
  }
  await login(page, 'admin');
  await expect(page.getByRole('note')).toHaveText('Versione dimostrativa: dati di prova');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Amministrazione' }).click();
  await page.getByRole('link', { name: 'Partenariato', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partenariato' })).toBeVisible();
  const members = page.getByRole('list', { name: 'Enti del partenariato' });
  await expect(members.getByRole('listitem')).toContainText(['Comune di Rovereto', 'Provincia autonoma di Trento']);

  // The domain's rules answer at once: a username already taken.
  await page.getByLabel("Nome dell'ente").fill('Comune di Pergine Valsugana');
  await page.getByLabel("Nome e cognome dell'amministratore").fill('Paola Moser');
  await page.getByLabel('Nome utente').fill('giulia');
  await page.getByLabel('Password iniziale').fill('pergine-inizio-2027');
  await page.getByRole('button', { name: "Aggiungi l'ente" }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'giulia' })).toBeVisible();

  await page.getByLabel('Nome utente').fill('pergine.admin');
  await page.getByRole('button', { name: "Aggiungi l'ente" }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Comune di Pergine Valsugana' })).toHaveText(
    'Comune di Pergine Valsugana fa parte del partenariato: il suo amministratore accede come pergine.admin.',
  );
  await expect(members.getByRole('listitem').filter({ hasText: 'Comune di Pergine Valsugana' })).toBeVisible();
  await expect(page.getByLabel("Nome dell'ente")).toHaveValue('');
  await page.getByRole('button', { name: 'Esci' }).click();

  // The new administrator: an empty organisation, with guidance.
  await login(page, 'pergine.admin', 'pergine-inizio-2027');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Amministrazione' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Primi passi' })).toBeVisible();
  // Only its own organisation's administration: no partnership page.
  await expect(page.getByRole('link', { name: 'Partenariato', exact: true })).toHaveCount(0);
  await page.getByRole('link', { name: 'Crea i team' }).click();
  await expect(page.getByText('Nessun team ancora: crea il primo con «Nuovo team».')).toBeVisible();
  await page.goto('/admin/people');
  await expect(page.getByText(/Ci sei solo tu/)).toBeVisible();
  await page.goto('/admin/agreements');
  await expect(page.getByText(/Nessun accordo individuale ancora/)).toBeVisible();
  await page.goto('/admin/partnership');
  await expect(page.getByText("Questa pagina è riservata all'amministrazione del partenariato.")).toBeVisible();
  expect(errors).toEqual([]);
});
