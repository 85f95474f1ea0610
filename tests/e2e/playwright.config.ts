import { defineConfig } from '@playwright/test';

// `cargo xtask test` starts a real vela-server on a free port with a fresh
// data dir and passes its URL here; by hand: VELA_BASE_URL=http://127.0.0.1:8080 npx playwright test -c tests/e2e/playwright.config.ts
const baseURL = process.env.VELA_BASE_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  testDir: '.',
  // Budgets for a loaded machine (the suite shares a few cores with builds):
  // tests wait for conditions, so a generous limit only bounds a hang and
  // never slows a passing run. Specs use these, not shorter ones of their own.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  retries: 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: process.env.VELA_E2E_REPORT ?? '../../target/e2e-report.json' }]],
  outputDir: '../../target/e2e-results',
  use: {
    baseURL,
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    trace: 'retain-on-failure',
    // Debian's Chromium (shared/toolchain.md): Playwright must never download a browser.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
