import { test, expect } from '@playwright/test';
import { collectErrors, login } from './helpers';

test('the administrator finds the tools and the monitoring one click away', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, 'admin');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Amministrazione' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amministrazione' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Accordi individuali' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Regole dei team' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Monitoraggio' }).click();
  await expect(page).toHaveURL(/\/monitoring$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Monitoraggio del lavoro agile' })).toBeVisible();
  await page.goBack();
  await page.getByRole('link', { name: 'Accordi individuali' }).click();
  await expect(page).toHaveURL(/\/admin\/agreements$/);
  expect(errors).toEqual([]);
});

test('an employee who opens the administration page is told it is not for them', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/admin');
  await login(page, 'alessio');
  await expect(page.getByText("Questa pagina è riservata all'amministrazione dell'ente.")).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  // Nor does the server hand out the figures.
  const answer = await page.request.get('/api/reports/2026-11/teams.csv');
  expect(answer.status()).toBe(403);
  expect((await answer.json()).error).toBe('forbidden');
  expect(errors).toEqual([]);
});

test('the administrator adds a colleague and sets her password; she signs in, and after a confirmed deactivation she no longer can', async ({ page, browser }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, 'admin');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Amministrazione' }).click();
  await page.getByRole('link', { name: 'Persone' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Persone' })).toBeVisible();
  const people = page.getByRole('table', { name: "Persone dell'ente" });
  await expect(people.getByRole('row', { name: /Giulia/ })).toContainText('giulia');

  // A username already taken is refused by the domain, in the form.
  await page.getByRole('button', { name: 'Nuova persona' }).click();
  await expect(page.getByLabel('Nome e cognome')).toBeFocused();
  await page.getByLabel('Nome e cognome').fill('Nadia Conti');
  await page.getByLabel('Nome utente').fill('giulia');
  await page.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'già in uso' })).toHaveText('Il nome utente «giulia» è già in uso.');
  await page.getByLabel('Nome utente').fill('nadia');
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Servizio Sistemi informativi' });
  await page.getByLabel('Km casa-lavoro (sola andata)').fill('14');
  await page.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'salvata' })).toHaveText('Nadia Conti salvata.');
  const nadia = people.getByRole('row', { name: /Nadia Conti/ });
  await expect(nadia).toContainText('Servizio Sistemi informativi');
  await expect(nadia).toContainText('Dipendente');
  await expect(nadia).toContainText('Attiva');
  // The new person reaches the server before a password can be set.
  await expect(page.getByRole('status', { name: 'Stato della sincronizzazione' })).not.toContainText('in attesa');

  // The less frequent actions wait behind the row's "Azioni" button.
  await page.getByRole('button', { name: 'Azioni per Nadia Conti' }).click();
  await page.getByRole('button', { name: 'Password di Nadia Conti' }).click();
  await expect(page.getByLabel('Nuova password')).toBeFocused();
  await page.getByLabel('Nuova password').fill('corta');
  await page.getByRole('button', { name: 'Imposta la password' }).click();
  await expect(page.getByText('La password deve avere almeno 10 caratteri.')).toBeVisible();
  await page.getByLabel('Nuova password').fill('benvenuta-in-vela');
  await page.getByLabel('Ripeti la password').fill('benvenuta-in-vel');
  await page.getByRole('button', { name: 'Imposta la password' }).click();
  await expect(page.getByText('Le due password non coincidono.')).toBeVisible();
  await page.getByLabel('Ripeti la password').fill('benvenuta-in-vela');
  await page.getByRole('button', { name: 'Imposta la password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'accedere' })).toHaveText('Nadia Conti ora può accedere come «nadia».');

  // Nadia signs in on her own device.
  const device = await browser.newContext();
  const hers = await device.newPage();
  await hers.goto('/');
  await login(hers, 'nadia', 'benvenuta-in-vela');
  await expect(hers.getByText('Nadia Conti', { exact: true })).toBeVisible();
  await device.close();

  // Deactivation asks first; cancelling changes nothing.
  await page.getByRole('button', { name: 'Azioni per Nadia Conti' }).click();
  // The menu's first action takes the focus; Escape closes the menu and
  // gives the focus back to its button.
  await expect(page.getByRole('button', { name: 'Password di Nadia Conti' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Disattiva Nadia Conti' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Azioni per Nadia Conti' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Disattiva Nadia Conti' }).click();
  const question = page.getByRole('group', { name: /Disattivare Nadia Conti\?/ });
  await expect(question.getByRole('button', { name: 'Sì, disattiva' })).toBeFocused();
  await question.getByRole('button', { name: 'Annulla' }).click();
  await expect(nadia).toContainText('Attiva');
  await page.getByRole('button', { name: 'Azioni per Nadia Conti' }).click();
  await page.getByRole('button', { name: 'Disattiva Nadia Conti' }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'disattivata' })).toHaveText('Nadia Conti disattivata.');
  await expect(people.getByRole('row', { name: /Nadia Conti/ })).toContainText('Disattivata');
  await page.getByRole('button', { name: 'Azioni per Nadia Conti' }).click();
  await expect(page.getByRole('button', { name: 'Riattiva Nadia Conti' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Stato della sincronizzazione' })).not.toContainText('in attesa');

  const later = await browser.newContext();
  const again = await later.newPage();
  await again.goto('/');
  await again.getByLabel('Nome utente').fill('nadia');
  await again.getByLabel('Password').fill('benvenuta-in-vela');
  await again.getByRole('button', { name: 'Accedi', exact: true }).click();
  await expect(again.getByRole('alert')).toContainText('Nome utente o password non corretti.');
  await later.close();
  expect(errors).toEqual([]);
});

test('the administrator creates a team, gives it a lead and renames it', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, 'admin');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Amministrazione' }).click();
  await page.getByRole('link', { name: 'Team', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  const teams = page.getByRole('table', { name: "Team dell'ente" });
  await expect(teams.getByRole('row', { name: /Servizio Tributi/ })).toContainText('Marco');

  await page.getByRole('button', { name: 'Nuovo team' }).click();
  await expect(page.getByLabel('Nome del team')).toBeFocused();
  // A team needs a name: the browser stops the form before anything is sent.
  await page.getByRole('button', { name: 'Salva' }).click();
  expect(await page.getByLabel('Nome del team').evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'salvato' })).toHaveCount(0);
  await page.getByLabel('Nome del team').fill('Ufficio Protocollo');
  await page.getByRole('radio', { name: 'Numero di persone' }).check();
  await page.getByLabel('Valore minimo').fill('2');
  await page.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'salvato' })).toHaveText('Ufficio Protocollo salvato.');
  const row = teams.getByRole('row', { name: /Ufficio Protocollo/ });
  await expect(row).toContainText('2 persone');
  await expect(row).toContainText('Nessuno');

  await page.getByRole('button', { name: 'Azioni per Ufficio Protocollo' }).click();
  await page.getByRole('button', { name: 'Responsabili di Ufficio Protocollo' }).click();
  await page.getByRole('checkbox', { name: 'Roberto Dallapiccola' }).check();
  await page.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'salvati' })).toHaveText('Responsabili di Ufficio Protocollo salvati.');
  await expect(row).toContainText('Roberto Dallapiccola');

  await page.getByRole('button', { name: 'Modifica Ufficio Protocollo' }).click();
  await expect(page.getByLabel('Nome del team')).toHaveValue('Ufficio Protocollo');
  await expect(page.getByLabel('Valore minimo')).toHaveValue('2');
  await page.getByLabel('Nome del team').fill('Ufficio Protocollo e Archivio');
  await page.getByRole('button', { name: 'Salva' }).click();
  await expect(teams.getByRole('rowheader', { name: 'Ufficio Protocollo e Archivio' })).toBeVisible();
  await expect(teams.getByRole('row', { name: /Ufficio Protocollo e Archivio/ })).toContainText('Roberto Dallapiccola');
  expect(errors).toEqual([]);
});

test("the administrator adds a closing day of the organisation and removes it after confirming", async ({ page }) => {
  const errors = collectErrors(page);
  // Far beyond the weeks other specs plan in.
  const day = new Date(Date.now() + 400 * 24 * 3600 * 1000);
  const iso = day.toISOString().slice(0, 10);
  const medium = new Date(`${iso}T12:00:00Z`).toLocaleDateString('it', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  await page.goto('/');
  await login(page, 'admin');
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Amministrazione' }).click();
  await page.getByRole('link', { name: 'Ente', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ente' })).toBeVisible();
  await expect(page.getByLabel("Nome dell'ente")).toHaveValue('Provincia autonoma di Trento');
  await expect(page.getByText(/San Vigilio.*ogni anno il 26 giugno/)).toBeVisible();

  await page.getByRole('radio', { name: 'Una volta sola (ponte, chiusura)' }).check();
  await page.getByLabel('Nome (ad esempio: San Vigilio, patrono)').fill('Chiusura per trasloco');
  await page.getByRole('button', { name: 'Aggiungi la festività' }).click();
  await expect(page.getByText('Scegli una data.')).toBeVisible();
  await page.getByLabel('Data', { exact: true }).fill(iso);
  await page.getByRole('button', { name: 'Aggiungi la festività' }).click();
  const text = `Chiusura per trasloco — ${medium}`;
  await expect(page.getByRole('status').filter({ hasText: 'Aggiunta' })).toHaveText(`Aggiunta: ${text}.`);
  await expect(page.getByText(text, { exact: true })).toBeVisible();

  await page.getByRole('button', { name: `Rimuovi ${text}` }).click();
  const question = page.getByRole('group', { name: `Rimuovere ${text}?` });
  await expect(question.getByRole('button', { name: 'Sì, rimuovi' })).toBeFocused();
  await question.getByRole('button', { name: 'Annulla' }).click();
  await expect(page.getByText(text, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: `Rimuovi ${text}` }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Rimossa' })).toHaveText(`Rimossa: ${text}.`);
  await expect(page.getByText(text, { exact: true })).toHaveCount(0);
  await expect(page.getByText(/San Vigilio.*ogni anno il 26 giugno/)).toBeVisible();
  expect(errors).toEqual([]);
});
