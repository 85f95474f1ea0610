import { expect, type Page } from '@playwright/test';

/** Demo password seeded on an empty data dir. */
export const DEMO_PASSWORD = 'vela-demo';

/** Collects console errors and uncaught exceptions from the page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
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
