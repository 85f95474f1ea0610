import { test, expect, type Page } from '@playwright/test';
import { allowPerPage, open, PAGES, recordPages, ROLES, signIn } from './pages';

// Touch targets of at least 44 × 44 px on a tablet: buttons, fields,
// check boxes and radio buttons (with their label), and links that stand
// alone. Links inside a sentence keep the line's height (WCAG 2.5.8's
// inline exception).

async function smallTargets(page: Page, where: string): Promise<string[]> {
  return page.evaluate((where) => {
    const small: string[] = [];
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden';
    };
    const name = (el: Element) =>
      (el.getAttribute('aria-label') || (el as HTMLElement).innerText || el.getAttribute('id') || el.tagName).trim().slice(0, 40);
    const standalone = (a: Element) => {
      const parent = a.parentElement;
      if (!parent) return false;
      return ['LI', 'TD', 'DD', 'P', 'NAV'].includes(parent.tagName) && parent.textContent?.trim() === a.textContent?.trim();
    };
    for (const el of Array.from(document.querySelectorAll('button, select, input, textarea, a[href]'))) {
      if (!visible(el) || el.closest('.skip-link')) continue;
      let target: Element = el;
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
        target = el.closest('label') ?? el;
      } else if (el.tagName === 'A' && !standalone(el)) {
        continue;
      }
      const r = target.getBoundingClientRect();
      if (r.height < 43.5 || r.width < 43.5) {
        small.push(`${where}: ${el.tagName.toLowerCase()} "${name(el)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return small;
  }, where);
}

for (const role of ROLES) {
  test(`touch targets are at least 44 px on every page for ${role}`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await signIn(page, role);
    const paths = [...PAGES, ...(await recordPages(page))];
    allowPerPage(paths);
    const found: string[] = [];
    for (const path of paths) {
      await open(page, path);
      found.push(...(await smallTargets(page, path)));
    }
    expect(found).toEqual([]);
  });
}
