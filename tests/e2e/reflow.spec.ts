import { test, expect } from '@playwright/test';
import { allowPerPage, open, PAGES, recordPages, ROLES, signIn, WIDTHS } from './pages';

// WCAG 1.4.10 reflow: no page scrolls sideways at 1,024, 768 or 375 px;
// wide content (the team grid) scrolls inside its own region.

async function overflow(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test('the login page does not scroll sideways', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accedi a Vela');
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    expect(await overflow(page), `login at ${size.width}px`).toBeLessThanOrEqual(0);
  }
});

for (const role of ROLES) {
  test(`no page scrolls sideways for ${role} at 1024, 768 and 375 px`, async ({ page }) => {
    await signIn(page, role);
    const paths = [...PAGES, ...(await recordPages(page))];
    allowPerPage(paths);
    const wide: string[] = [];
    for (const path of paths) {
      await page.setViewportSize(WIDTHS[0]);
      await open(page, path);
      for (const size of WIDTHS) {
        await page.setViewportSize(size);
        const extra = await overflow(page);
        if (extra > 0) wide.push(`${path} at ${size.width}px: ${extra}px too wide`);
      }
    }
    expect(wide).toEqual([]);
  });
}
