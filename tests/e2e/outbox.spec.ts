import { test, expect, type Page, type Route } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  cacheKey,
  collectErrors,
  DEMO_PASSWORD,
  localStorageOf,
  login,
  openCalendar,
  outboxKey,
  personId,
  quietDay,
  requestAgileDay,
  syncStatus,
} from './helpers';

// The outbox is the person's unsent work: it survives reloads, sign-outs
// and app versions, is sent in pushes the server accepts, and is never
// written over when this build cannot read it. Every test here signs in as
// its own demo person (giulia and marco excepted: their changes use a date
// no other spec touches).

/** The server's limits on one push (vela_domain::sync). */
const MAX_PUSH_COMMANDS = 500;
const MAX_PUSH_BYTES = 1_048_576;

/** Waits until the service worker controls the page, so it opens offline. */
async function controlledByServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test('an outbox of 2,000 changes made offline is sent completely, in pushes within the server limits', async ({ page, context }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await login(page, 'roberto');
  await expect(syncStatus(page)).toContainText('aggiornato alle');
  const me = await personId(page);
  await controlledByServiceWorker(page);
  await expect(syncStatus(page)).toContainText('aggiornato alle');

  // Every push from here on is counted. (Counting only from going back
  // online missed one: a request the service worker lets through is not
  // always held by the browser context's offline emulation, so the app's
  // first retry could reach the server while the test still thought it
  // was offline.)
  const pushes: { ids: string[]; bytes: number }[] = [];
  const answers: { status: number; results: { id: string; status: string }[] }[] = [];
  page.on('request', (request) => {
    if (!request.url().includes('/api/sync/push')) return;
    const body = request.postData() ?? '';
    pushes.push({ ids: JSON.parse(body).commands.map((c: { id: string }) => c.id), bytes: Buffer.byteLength(body) });
  });
  page.on('response', async (response) => {
    if (!response.url().includes('/api/sync/push')) return;
    const body = await response.json().catch(() => ({ results: [] }));
    answers.push({ status: response.status(), results: body.results ?? [] });
  });

  // A long day offline: 2,000 changes of his commute, in the stored format
  // the app writes, found by the app when it opens again without a network.
  await context.setOffline(true);
  const created = new Date().toISOString();
  const kms = Array.from({ length: 2_000 }, (_, i) => ((i * 7) % 1_000) + 1);
  const commands = kms.map((km) => ({
    id: randomUUID(),
    command: { area: 'directory', type: 'set_commute', person: me, km },
    created,
  }));
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [outboxKey(me), JSON.stringify({ version: 2, commands })]);
  await page.reload();
  await expect(syncStatus(page)).toContainText('Non in linea');
  await expect(syncStatus(page)).toContainText(/(2000|1500|1000|500) modifiche in attesa/);

  await context.setOffline(false);
  await expect(syncStatus(page)).not.toContainText('in attesa', { timeout: 200_000 });
  await expect(syncStatus(page)).toContainText('In linea');

  // Each push within the server's limits; every change sent and accepted.
  // A push whose answer was lost is sent again under the same ids (so a
  // change may be counted twice), which the server accepts as the same.
  expect(pushes.length).toBeGreaterThanOrEqual(4);
  for (const push of pushes) {
    expect(push.ids.length).toBeLessThanOrEqual(MAX_PUSH_COMMANDS);
    expect(push.bytes).toBeLessThanOrEqual(MAX_PUSH_BYTES);
  }
  const made = new Set(commands.map((c) => c.id));
  expect(new Set(pushes.flatMap((p) => p.ids))).toEqual(made);
  const answered = () => new Set(answers.flatMap((a) => a.results.map((r) => r.id)));
  await expect.poll(() => answered().size).toBe(made.size);
  expect(answered()).toEqual(made);
  expect(answers.every((a) => a.status === 200)).toBe(true);
  expect(answers.flatMap((a) => a.results).every((r) => r.status === 'accepted')).toBe(true);

  // Nothing left to send, and the server holds the last change.
  expect(await page.evaluate((key) => localStorage.getItem(key), outboxKey(me))).toBeNull();
  const view = await (await page.request.get('/api/sync/pull?since=0&protocol=4')).json();
  expect(view.snapshot.directory.people[me].commute_km).toBe(kms[kms.length - 1]);
});

test('an outbox this version cannot read is kept as it is, reported, and can be downloaded', async ({ page }) => {
  await page.goto('/');
  await login(page, 'irene');
  await expect(syncStatus(page)).toContainText('aggiornato alle');
  const me = await personId(page);
  const garbage = '{"version":2,"commands":[{"id":"not-a-uuid","command":{"area":"nowhere"}}]} and a torn tail';
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [outboxKey(me), garbage]);
  await page.reload();

  const notice = page.getByRole('alert').filter({ hasText: 'Le modifiche salvate su questo dispositivo non si possono leggere' });
  await expect(notice).toBeVisible();
  // The app still works and syncs.
  await expect(syncStatus(page)).toContainText('aggiornato alle');

  const downloaded = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Scarica le modifiche salvate (JSON)' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('vela-modifiche-salvate.json');
  expect(await readFile(await download.path(), 'utf8')).toBe(garbage);

  // A change made now is sent, and the unreadable text is not written over.
  await page.getByRole('button', { name: 'English' }).click();
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toContainText('Online');
  await expect(status).not.toContainText('waiting');
  await expect.poll(async () => (await (await page.request.get('/api/me')).json()).language).toBe('en');
  expect(await page.evaluate((key) => localStorage.getItem(key), outboxKey(me))).toBe(garbage);
  await expect(page.getByRole('alert').filter({ hasText: 'The changes saved on this device cannot be read' })).toBeVisible();

  // The language follows the person: give Irene hers back for the other specs.
  await page.getByRole('button', { name: 'Italiano' }).click();
  await expect.poll(async () => (await (await page.request.get('/api/me')).json()).language).toBe('it');
});

test('an app speaking an older protocol is told to reload, and its outbox survives the reload', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await login(page, 'walter');
  await expect(syncStatus(page)).toContainText('aggiornato alle');
  const me = await personId(page);

  // From here on the app's requests name protocol 1, as a build from before
  // the current protocol would: the real server judges them.
  const statuses: number[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/sync/p')) statuses.push(response.status());
  });
  const asOldBuild = (route: import('@playwright/test').Route) =>
    route.continue({ url: route.request().url().replace(/protocol=\d+/, 'protocol=1') });
  await page.route('**/api/sync/push*', asOldBuild);
  await page.route('**/api/sync/pull*', asOldBuild);

  await page.getByRole('button', { name: 'English' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'A new version of Vela is available — reload' });
  await expect(notice).toBeVisible({ timeout: 20_000 });
  expect(statuses).toContain(426);
  const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), outboxKey(me))) ?? '{}');
  expect(stored.version).toBe(2);
  expect(stored.commands).toHaveLength(1);

  // The new version is served: the reload sends what waited.
  await page.unrouteAll();
  await notice.getByRole('button', { name: 'Reload' }).click();
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toContainText('synced at', { timeout: 20_000 });
  await expect(status).not.toContainText('waiting');
  await expect(notice).toHaveCount(0);
  expect((await (await page.request.get('/api/me')).json()).language).toBe('en');
  expect(await page.evaluate((key) => localStorage.getItem(key), outboxKey(me))).toBeNull();
  expect(errors.filter((e) => !e.includes('426'))).toEqual([]);

  // The language follows the person: give Walter his back for the other specs.
  await page.getByRole('button', { name: 'Italiano' }).click();
  await expect.poll(async () => (await (await page.request.get('/api/me')).json()).language).toBe('it');
});

/** Every origin store a later user of this browser could read, besides localStorage. */
async function otherStorage(page: Page) {
  return page.evaluate(async () => {
    const databases = (await indexedDB.databases()).map((d) => d.name);
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) cached.push(request.url);
    }
    return { databases, cached, session: sessionStorage.length };
  });
}

test('signing out on a shared browser leaves nothing private but one’s own unsent changes, sent at the next sign-in', async ({ page, context }) => {
  test.setTimeout(90_000);
  const date = quietDay(175, 4);
  await page.goto('/');
  await login(page, 'giulia');
  await expect(syncStatus(page)).toContainText('aggiornato alle');
  const giulia = await personId(page);
  await openCalendar(page);

  // Offline, Giulia asks for an agile day: it waits in her outbox.
  await context.setOffline(true);
  await requestAgileDay(page, date);
  await expect(syncStatus(page)).toContainText('1 modifica in attesa');

  // "Esci" says what is waiting; Escape leaves things as they were.
  const signOut = page.getByRole('button', { name: 'Esci' });
  await signOut.click();
  const dialog = page.getByRole('dialog', { name: 'Modifiche non ancora inviate' });
  await expect(dialog).toContainText('1 modifica non è ancora stata inviata al server.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(syncStatus(page)).toContainText('1 modifica in attesa');

  // By keyboard: "Esci comunque".
  await signOut.click();
  await expect(dialog.getByRole('button', { name: "Aspetta l'invio" })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Esci comunque' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Accedi', exact: true })).toBeVisible();

  // What the next person could read: her own waiting change, nothing else.
  const left = await localStorageOf(page);
  // The language and the deployment's public description (is it a demo?
  // how do people sign in?)
  // belong to the browser, not to a person.
  const shared = ['vela.locale', 'vela.config'];
  expect(Object.keys(left).filter((k) => !shared.includes(k))).toEqual([outboxKey(giulia)]);
  expect(Object.keys(JSON.parse(left['vela.config'] ?? '{}')).sort()).toEqual(['demo', 'local_passwords', 'sso']);
  const outbox = JSON.parse(left[outboxKey(giulia)]);
  expect(outbox.version).toBe(2);
  expect(outbox.commands).toHaveLength(1);
  const everything = JSON.stringify(left);
  for (const private_ of ['Bianchi', 'Marco Rossi', 'Luca Ferrari', 'Provincia autonoma', 'commute_km', 'confirmed']) {
    expect(everything).not.toContain(private_);
  }
  const other = await otherStorage(page);
  expect(other.databases).toEqual([]);
  expect(other.session).toBe(0);
  expect(other.cached.filter((url) => url.includes('/api/'))).toEqual([]);

  // Marco signs in on the same browser: nothing of hers shows or is sent as his.
  await context.setOffline(false);
  await login(page, 'marco');
  await expect(syncStatus(page)).toContainText('aggiornato alle');
  await expect(syncStatus(page)).not.toContainText('in attesa');
  const marco = await personId(page);
  const marcosView = await (await page.request.get('/api/sync/pull?since=0&protocol=4')).json();
  expect(marcosView.snapshot.agile.days[giulia]?.[date]).toBeUndefined();
  expect((await localStorageOf(page))[outboxKey(giulia)]).toBe(left[outboxKey(giulia)]);

  // He has nothing waiting: "Esci" signs out at once, leaving nothing of his.
  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page.getByRole('button', { name: 'Accedi', exact: true })).toBeVisible();
  const afterMarco = await localStorageOf(page);
  expect(Object.keys(afterMarco).filter((k) => k.includes(marco))).toEqual([]);
  expect(afterMarco[cacheKey(giulia)]).toBeUndefined();

  // Giulia again: her change is sent and confirmed.
  await login(page, 'giulia');
  await expect(syncStatus(page)).toContainText('aggiornato alle');
  await expect(syncStatus(page)).not.toContainText('in attesa');
  const hers = await (await page.request.get('/api/sync/pull?since=0&protocol=4')).json();
  expect(hers.snapshot.agile.days[giulia]?.[date]).toBeDefined();
  await expect.poll(async () => (await localStorageOf(page))[outboxKey(giulia)]).toBeUndefined();
});

test('signing out while a change waits can wait for it to be sent, then leaves nothing behind', async ({ page, context, playwright, baseURL }) => {
  test.setTimeout(90_000);
  const date = quietDay(190, 3);
  await page.goto('/');
  await login(page, 'stefano');
  await expect(syncStatus(page)).toContainText('aggiornato alle');
  const stefano = await personId(page);
  await openCalendar(page);

  await context.setOffline(true);
  await requestAgileDay(page, date);
  await expect(syncStatus(page)).toContainText('1 modifica in attesa');

  await page.getByRole('button', { name: 'Esci' }).click();
  const dialog = page.getByRole('dialog', { name: 'Modifiche non ancora inviate' });
  await dialog.getByRole('button', { name: "Aspetta l'invio" }).click();
  await expect(dialog.getByRole('status')).toContainText('Invio in corso');
  // Still offline: the dialog waits, the person stays signed in.
  await expect(syncStatus(page)).toContainText('1 modifica in attesa');
  await expect(dialog).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByRole('button', { name: 'Accedi', exact: true })).toBeVisible({ timeout: 45_000 });
  const left = await localStorageOf(page);
  expect(Object.keys(left).filter((k) => k.includes(stefano))).toEqual([]);

  const api = await playwright.request.newContext({ baseURL });
  expect((await api.post('/api/auth/login', { data: { username: 'stefano', password: DEMO_PASSWORD } })).ok()).toBeTruthy();
  const view = await (await api.get('/api/sync/pull?since=0&protocol=4')).json();
  expect(view.snapshot.agile.days[stefano]?.[date]).toBeDefined();
  await api.dispose();
});

test('a change the browser has no room to store is reported, and stored once there is room', async ({ page, context }) => {
  test.setTimeout(90_000);
  const date = quietDay(200, 1);
  await page.goto('/');
  await login(page, 'luca');
  await expect(syncStatus(page)).toContainText('aggiornato alle');
  const luca = await personId(page);
  await openCalendar(page);
  await context.setOffline(true);

  // Another site's worth of data fills the origin's storage to the last byte.
  await page.evaluate((cache) => {
    localStorage.removeItem(cache);
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const filler = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`filler.${n++}`, filler);
        } catch {
          break;
        }
      }
    }
  }, cacheKey(luca));

  await requestAgileDay(page, date);
  await expect(syncStatus(page)).toContainText('1 modifica in attesa');
  const full = page.getByRole('alert').filter({ hasText: 'Lo spazio del browser è esaurito' });
  await expect(full).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), outboxKey(luca))).toBeNull();

  // Room again: the next save stores the outbox and the warning goes.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler.')) localStorage.removeItem(key);
  });
  await context.setOffline(false);
  await expect(syncStatus(page)).not.toContainText('in attesa', { timeout: 45_000 });
  await expect(full).toHaveCount(0);
  const view = await (await page.request.get('/api/sync/pull?since=0&protocol=4')).json();
  expect(view.snapshot.agile.days[luca]?.[date]).toBeDefined();
});

test('the storage of earlier builds is taken over: its outbox moves to its own key and is sent, its copy of the state goes', async ({ page }) => {
  await page.goto('/');
  await login(page, 'alessio');
  await expect(syncStatus(page)).toContainText('aggiornato alle');
  const me = await personId(page);
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) !== null, cacheKey(me))).toBe(true);

  // The one record earlier builds kept per person: state and outbox together.
  await page.evaluate(
    ([cache, outbox, legacy, person]) => {
      const { confirmed } = JSON.parse(localStorage.getItem(cache)!);
      localStorage.removeItem(cache);
      localStorage.removeItem(outbox);
      const change = {
        id: crypto.randomUUID(),
        command: { area: 'directory', type: 'set_commute', person, km: 321 },
        created: new Date().toISOString(),
        accepted_at: null,
      };
      localStorage.setItem(legacy, JSON.stringify({ revision: 999_999, confirmed, outbox: [change], refused: [] }));
    },
    [cacheKey(me), outboxKey(me), `vela.replica.${me}`, me],
  );
  await page.reload();
  await expect(syncStatus(page)).toContainText('aggiornato alle');
  await expect(syncStatus(page)).not.toContainText('in attesa');
  const view = await (await page.request.get('/api/sync/pull?since=0&protocol=4')).json();
  expect(view.snapshot.directory.people[me].commute_km).toBe(321);
  const left = await localStorageOf(page);
  expect(left[`vela.replica.${me}`]).toBeUndefined();
  expect(left[outboxKey(me)]).toBeUndefined();
  expect(JSON.parse(left[cacheKey(me)]).version).toBe(2);
});

test('a push the server refuses outright is final: its change is shown as refused with the reason, and the changes after it are sent', async ({ page }) => {
  await page.goto('/');
  await login(page, 'admin.rovereto');
  await expect(syncStatus(page)).toContainText('aggiornato alle');
  const me = await personId(page);

  // A change too large for any push, then an ordinary one, left by an earlier visit.
  const created = new Date().toISOString();
  const tooLarge = {
    id: randomUUID(),
    command: {
      area: 'agile',
      type: 'request_days',
      id: randomUUID(),
      days: { kind: 'dates', dates: [quietDay(210, 2)] },
      mode: 'agile',
      place: { kind: 'home' },
      note: 'x'.repeat(1_100_000),
    },
    created,
  };
  const ordinary = { id: randomUUID(), command: { area: 'directory', type: 'set_commute', person: me, km: 77 }, created };
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [outboxKey(me), JSON.stringify({ version: 2, commands: [tooLarge, ordinary] })]);
  await page.reload();

  const refused = page.getByRole('alert').filter({ hasText: 'Modifiche non accettate dal server' });
  await expect(refused).toContainText('il server ha rifiutato la richiesta (errore 413)', { timeout: 20_000 });
  await expect(syncStatus(page)).not.toContainText('in attesa');
  const view = await (await page.request.get('/api/sync/pull?since=0&protocol=4')).json();
  expect(view.snapshot.directory.people[me].commute_km).toBe(77);

  // Kept (with its reason) until read; then nothing is left.
  const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), outboxKey(me))) ?? '{}');
  expect(stored.commands).toEqual([]);
  expect(stored.refused.map((r: { reason: { status: number } }) => r.reason.status)).toEqual([413]);
  await refused.getByRole('button', { name: 'Ho capito' }).click();
  await expect(refused).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), outboxKey(me))).toBeNull();
});

test.describe('before the decoders of commands have arrived', () => {
  // The pieces are held in the page itself, so no service worker may serve them.
  test.use({ serviceWorkers: 'block' });

  test('a stored outbox waits for them, and a change made meanwhile is stored and sent after it', async ({ page }) => {
    test.setTimeout(90_000);
    const date = quietDay(165, 3);
    await page.goto('/');
    await login(page, 'stefano');
    await expect(syncStatus(page)).toContainText('aggiornato alle');
    const me = await personId(page);
    const created = new Date().toISOString();
    const earlier = [31, 32].map((km) => ({
      id: randomUUID(),
      command: { area: 'directory', type: 'set_commute', person: me, km },
      created,
    }));
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [outboxKey(me), JSON.stringify({ version: 2, commands: earlier })]);

    // From the next start every piece waits in the browser, the sync's
    // decoders (`codec`) with them.
    const held: Route[] = [];
    await page.route(/\/(split|chunk|bundle)_[^/]+\.(wasm|bin)$/, (route) => {
      held.push(route);
    });
    const pushes: string[][] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/sync/push')) {
        pushes.push(JSON.parse(request.postData() ?? '{}').commands.map((c: { id: string }) => c.id));
      }
    });
    await page.reload();
    // The first page needs no decoder; a change made now goes after the
    // stored ones, which are not written over.
    await openCalendar(page);
    await requestAgileDay(page, date);
    const storedIds = async () => {
      const text = (await localStorageOf(page))[outboxKey(me)];
      return text ? JSON.parse(text).commands.map((c: { id: string }) => c.id) : [];
    };
    await expect.poll(storedIds).toHaveLength(3);
    const ids = await storedIds();
    expect(ids.slice(0, 2)).toEqual(earlier.map((c) => c.id));
    expect(held.some((route) => /\/(split|bundle)_codec-/.test(route.request().url()))).toBe(true);
    // Nothing is sent before the stored commands are read: order matters.
    expect(pushes).toEqual([]);

    await page.unroute(/\/(split|chunk|bundle)_[^/]+\.(wasm|bin)$/);
    for (const route of held) await route.continue().catch(() => {});
    await expect.poll(async () => (await localStorageOf(page))[outboxKey(me)], { timeout: 30_000 }).toBeUndefined();
    expect(pushes.flat()).toEqual(ids);
    const view = await (await page.request.get('/api/sync/pull?since=0&protocol=4')).json();
    expect(view.snapshot.directory.people[me].commute_km).toBe(32);
    expect(view.snapshot.agile.days[me]?.[date]).toBeDefined();
  });

  test('while the decoders cannot be downloaded, a change waits, and it is sent once they can', async ({ page }) => {
    test.setTimeout(90_000);
    const date = quietDay(178, 3);
    // The piece alone, or with its chunks in its bundle.
    const codec = /\/(split|bundle)_codec-[0-9a-f]{16}\.(wasm|bin)$/;
    // A first visit without a service worker on a line that drops the piece.
    await page.route(codec, (route) => route.abort('internetdisconnected'));
    await page.goto('/');
    await login(page, 'stefano');
    // The first sync is a snapshot: it needs no decoder.
    await expect(syncStatus(page)).toContainText('aggiornato alle');
    const me = await personId(page);
    await openCalendar(page);
    // The state's encoder is in the piece too: no cache is written yet.
    expect((await localStorageOf(page))[cacheKey(me)]).toBeUndefined();

    const pushes: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/sync/push')) pushes.push(JSON.parse(request.postData() ?? '{}').commands[0].id);
    });
    const dropped = page.waitForEvent('requestfailed', (request) => codec.test(request.url()));
    await requestAgileDay(page, date);
    await dropped;
    // The server took the push, but its answer cannot be read yet: the
    // change stays queued and stored.
    await expect.poll(() => pushes.length).toBeGreaterThan(0);
    await expect(syncStatus(page)).toContainText('1 modifica in attesa');
    expect(JSON.parse((await localStorageOf(page))[outboxKey(me)]).commands).toHaveLength(1);

    await page.unroute(codec);
    await expect(syncStatus(page)).not.toContainText('in attesa', { timeout: 45_000 });
    // Sent again under the same id, and applied once.
    expect(new Set(pushes)).toEqual(new Set([pushes[0]]));
    await expect.poll(async () => (await localStorageOf(page))[outboxKey(me)]).toBeUndefined();
    await expect(page.getByRole('alert').filter({ hasText: 'Modifiche non accettate dal server' })).toHaveCount(0);
    const view = await (await page.request.get('/api/sync/pull?since=0&protocol=4')).json();
    expect(view.snapshot.agile.days[me]?.[date]).toBeDefined();
    // Once the piece is there, the cache for the next start is written, with the day.
    await expect
      .poll(async () => {
        const cache = (await localStorageOf(page))[cacheKey(me)];
        return cache ? JSON.parse(cache).confirmed.agile.days[me]?.[date] !== undefined : false;
      })
      .toBe(true);
  });
});
