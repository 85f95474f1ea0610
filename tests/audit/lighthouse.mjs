// Lighthouse audit (mobile preset) of the login page and, logged in as a demo
// employee, the calendar page. Prints the scores and time to interactive.
// Run by `cargo xtask audit`, which starts a real server and sets VELA_BASE_URL.
import puppeteer from 'puppeteer-core';
import { startFlow } from 'lighthouse';
import { writeFileSync } from 'node:fs';

const base = process.env.VELA_BASE_URL ?? 'http://127.0.0.1:8080';
const report = process.env.VELA_AUDIT_REPORT;
// Lighthouse's own traces of both pages, for finding what a score came from.
const artifacts = process.env.VELA_AUDIT_ARTIFACTS;
const categories = ['performance', 'accessibility', 'best-practices'];

const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage();
  const flow = await startFlow(page, {
    config: { extends: 'lighthouse:default', settings: { onlyCategories: categories } },
  });
  await flow.navigate(`${base}/`, { name: 'login' });

  // The first login page is index.html's own form (app/login.js).
  await page.waitForSelector('#static-username', { visible: true });
  await page.type('#static-username', 'giulia');
  await page.type('#static-password', 'vela-demo');
  await page.click('#static-login form.login-form button[type=submit]');
  await page.waitForSelector('nav.main-nav');

  // Keep the session cookie and the stored identity for the second page.
  await flow.navigate(`${base}/calendar`, { name: 'calendar', flags: { disableStorageReset: true } });

  if (artifacts) writeFileSync(artifacts, JSON.stringify(flow.createArtifactsJson()));
  const result = await flow.createFlowResult();
  if (report) writeFileSync(report, JSON.stringify(result, null, 2));
  let failing = [];
  for (const step of result.steps) {
    const lhr = step.lhr;
    const scores = categories.map((c) => `${c} ${lhr.categories[c]?.score?.toFixed(2) ?? 'n/a'}`).join(', ');
    const tti = lhr.audits.interactive?.numericValue;
    console.log(`audit ${step.name}: ${scores}, time to interactive ${tti ? (tti / 1000).toFixed(2) + ' s' : 'n/a'}`);
    for (const c of categories) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(`  ${step.name} / ${c}: ${audit.id} (${audit.score}) ${audit.displayValue ?? ''}`);
      }
    }
  }
  if (failing.length) console.log('audits below 1:\n' + failing.join('\n'));
} finally {
  await browser.close();
}
