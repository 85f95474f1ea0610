import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { allowPerPage, open, PAGES, recordPages, ROLES, signIn } from './pages';

// axe (WCAG 2.0/2.1 A and AA, and the rule for visible text in names) on every
// page for every demo role, signed out too: zero violations.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe's violations on the page as it is, one line each: the WCAG rules, and
 * the experimental rule for visible text missing from the accessible name
 * (WCAG 2.5.3), which the tags leave out.
 */
async function check(page: Page, where: string): Promise<string[]> {
  const byTags = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const mismatch = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze();
  return [...byTags.violations, ...mismatch.violations].map(
    (v) => `${where}: ${v.id} (${v.impact}) — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`,
  );
}

test('signed out: the login page and the public notices have no axe violations', async ({ page }) => {
  const found: string[] = [];
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accedi a Vela');
  found.push(...(await check(page, 'login')));
  for (const path of ['/accessibility', '/privacy', '/legal']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    found.push(...(await check(page, path)));
  }
  expect(found).toEqual([]);
});

for (const role of ROLES) {
  test(`every page has no axe violations for ${role}`, async ({ page }) => {
    await signIn(page, role);
    const paths = [...PAGES, ...(await recordPages(page))];
    allowPerPage(paths);
    const found: string[] = [];
    for (const path of paths) {
      await open(page, path);
      found.push(...(await check(page, path)));
    }
    expect(found).toEqual([]);
  });
}
