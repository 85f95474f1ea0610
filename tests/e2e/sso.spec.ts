import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Single sign-on through a real OpenID Provider (the npm package
// oidc-provider, tests/oidc_provider.mjs) and a second Vela server started
// here with single sign-on on; the other specs keep the usual server.
// `cargo xtask e2e` passes the binary and the built app.

const root = join(__dirname, '..', '..');
const SECRET = 'vela-e2e-secret';

let vela: ChildProcess | undefined;
let provider: ChildProcess | undefined;
let velaUrl = '';
let dir = '';

/** A port nothing listens on yet. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts a child and resolves with the first stdout line matching `pattern`. */
function startChild(command: string, args: string[], pattern: RegExp): Promise<[ChildProcess, RegExpMatchArray]> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    const lines = createInterface({ input: child.stdout! });
    let found = false;
    lines.on('line', (line) => {
      const match = line.match(pattern);
      if (match && !found) {
        found = true;
        resolve([child, match]);
      }
    });
    child.once('exit', (code) => {
      if (!found) reject(new Error(`${command} exited with ${code} before it was ready`));
    });
  });
}

test.beforeAll(async () => {
  const binary = process.env.VELA_SERVER_BIN ?? join(root, 'target', 'debug', 'vela-server');
  const dist = process.env.VELA_DIST_DIR ?? join(root, 'dist');
  dir = mkdtempSync(join(tmpdir(), 'vela-sso-e2e-'));
  const secretFile = join(dir, 'secret');
  writeFileSync(secretFile, `${SECRET}\n`);
  const providerPort = await freePort();
  // Vela first (its port names the redirect URI); it finds the provider
  // when the first person signs in.
  const [child, listening] = await startChild(binary, [
    '--addr', '127.0.0.1:0',
    '--data-dir', join(dir, 'data'),
    '--dist', dist,
    '--demo',
    '--insecure-fast-hashing',
    '--oidc-issuer', `http://127.0.0.1:${providerPort}`,
    '--oidc-client-id', 'vela',
    '--oidc-client-secret-file', secretFile,
    '--oidc-button-label', 'MyID',
  ], /listening on (http:\/\/\S+)/);
  vela = child;
  velaUrl = listening[1];
  const config = {
    clients: [{ client_id: 'vela', client_secret: SECRET, redirect_uris: [`${velaUrl}/api/auth/oidc/callback`] }],
    accounts: {
      'giulia.sso': { preferred_username: 'giulia', email: 'giulia@provincia.example.org' },
      stranger: { preferred_username: 'nobody.here' },
    },
  };
  [provider] = await startChild('node', [
    join(root, 'server', 'tests', 'oidc_provider.mjs'),
    String(providerPort),
    JSON.stringify(config),
  ], /^listening (\d+)/);
});

test.afterAll(async () => {
  provider?.kill();
  vela?.kill('SIGTERM');
  await new Promise((resolve) => (vela && vela.exitCode === null ? vela.once('exit', resolve) : resolve(null)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Console errors and uncaught exceptions of Vela's pages (the provider's
 * development pages load things that are not there; they are not ours). */
function collectVelaErrors(page: import('@playwright/test').Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && msg.location().url.startsWith(velaUrl)) errors.push(msg.text());
  });
  page.on('pageerror', (err) => {
    if (page.url().startsWith(velaUrl)) errors.push(err.message);
  });
  return errors;
}

/** Through the provider's own (development) login page. */
async function signInAtProvider(page: import('@playwright/test').Page, login: string) {
  await page.goto(velaUrl);
  await page.getByRole('link', { name: 'Accedi con MyID' }).click();
  // The provider's page, not Vela's: its inputs are named by placeholders.
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

test('a person signs in through the identity provider and lands in the app', async ({ page }) => {
  const errors = collectVelaErrors(page);
  await page.goto(velaUrl);
  // Both ways in: the provider's button and the password form.
  await expect(page.getByRole('link', { name: 'Accedi con MyID' })).toBeVisible();
  await expect(page.getByLabel('Nome utente')).toBeVisible();

  await signInAtProvider(page, 'giulia.sso');
  await expect(page).toHaveURL(`${velaUrl}/?signed_in=sso`);
  await expect(page.getByRole('button', { name: 'Esci' })).toBeVisible();
  await expect(page.getByText('Giulia', { exact: false }).first()).toBeVisible();
  const me = await page.request.get(`${velaUrl}/api/me`);
  expect(me.status()).toBe(200);
  expect((await me.json()).person.username).toBe('giulia');
  expect(errors).toEqual([]);
});

test('a person unknown to Vela is sent back with a clear message', async ({ page }) => {
  await signInAtProvider(page, 'stranger');
  await expect(page.getByRole('alert').filter({ hasText: 'Il tuo account' })).toHaveText(
    "Il tuo account non corrisponde a nessuna persona attiva in Vela: chiedi all'amministratore di aggiungerti o riattivarti.",
  );
  await expect(page.getByRole('button', { name: 'Esci' })).toHaveCount(0);
  const me = await page.request.get(`${velaUrl}/api/me`);
  expect(me.status()).toBe(401);
});
