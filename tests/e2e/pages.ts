import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

/** The demo accounts, one per role (the partnership's Rovereto admin too). */
export const ROLES = ['giulia', 'marco', 'sara', 'admin', 'admin.rovereto'] as const;

/** Every page of the app without a record id in its address. */
export const PAGES = [
  '/',
  '/calendar',
  '/calendar/export',
  '/absences',
  '/team',
  '/approvals',
  '/team/rules',
  '/agreement',
  '/objectives',
  '/objectives/new',
  '/objectives/team',
  '/webinars',
  '/webinars/mine',
  '/training',
  '/training/sessions/new',
  '/training/paths/new',
  '/notifications',
  '/profile',
  '/admin',
  '/monitoring',
  '/monitoring/piao',
  '/admin/agreements',
  '/admin/people',
  '/admin/people/import',
  '/admin/absences/import',
  '/admin/audit',
  '/admin/certificates',
  '/admin/teams',
  '/admin/organisation',
  '/admin/partnership',
  '/accessibility',
  '/privacy',
  '/legal',
  '/no-such-page',
];

/** The viewports of the reflow check: desktop, tablet portrait, phone. */
export const WIDTHS = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
  { width: 375, height: 812 },
];

/**
 * Gives a test that walks `paths` time in proportion to them: the list grows
 * with the app, and a loaded machine takes seconds per page. A safety net
 * only: every step waits for its own condition.
 */
export function allowPerPage(paths: string[], perPage = 30_000) {
  test.setTimeout(60_000 + perPage * paths.length);
}

/** Signs `username` in on a fresh page. */
export async function signIn(page: Page, username: string) {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accedi a Vela');
  await login(page, username);
}

/**
 * Opens `path` as the signed-in person and waits until the page has drawn
 * its data (its heading shown, no loading line left).
 */
export async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('main .loading')).toHaveCount(0);
}

/**
 * The addresses of a few pages with a record id: a webinar, an objective
 * (with its progress curves) and a certificate of attendance.
 */
export async function recordPages(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const [list, pattern] of [
    ['/webinars', /^\/webinars\/[0-9a-f-]{36}$/],
    ['/objectives', /^\/objectives\/[0-9a-f-]{36}$/],
    ['/webinars/mine', /^\/certificates\/(session|path)\/[0-9a-f-]{36}$/],
  ] as const) {
    await open(page, list);
    const hrefs = await page.locator('main a[href]').evaluateAll((links) =>
      links.map((a) => a.getAttribute('href') ?? ''),
    );
    const href = hrefs.find((h) => pattern.test(h));
    if (href) found.push(href);
  }
  return found;
}
