// Not a test: prints the long tasks of opening /calendar signed in, under
// a 4x CPU slowdown (VELA_CPU=1: none), with what each one ran (for
// finding start-up work).
import puppeteer from 'puppeteer-core';
const base = process.env.VELA_BASE_URL ?? 'http://127.0.0.1:8080';
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  await page.waitForSelector('#static-username', { visible: true });
  await page.type('#static-username', process.env.VELA_USER ?? 'giulia');
  await page.type('#static-password', 'vela-demo');
  await page.click('#static-login form.login-form button[type=submit]');
  await page.waitForSelector('nav.main-nav');
  await new Promise((r) => setTimeout(r, 1500));
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.VELA_CPU ?? 4) });
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'toplevel'] });
  await page.goto(`${base}/calendar`);
  await page.waitForSelector('nav.main-nav');
  await new Promise((r) => setTimeout(r, 3000));
  const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString("utf8"));
  const events = trace.traceEvents;
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => mains.some((m) => m.pid === e.pid && m.tid === e.tid) && e.ph === 'X');
  const tasks = mine.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur > 30000);
  const t0 = Math.min(...mine.map((e) => e.ts));
  for (const t of tasks) {
    const inside = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur > 3000);
    console.log(`task at ${((t.ts - t0) / 1000).toFixed(0)} ms: ${(t.dur / 1000).toFixed(0)} ms`);
    for (const e of inside.slice(0, 14)) console.log(`   ${((e.ts - t.ts) / 1000).toFixed(0).padStart(4)} +${(e.dur / 1000).toFixed(0).padStart(4)} ms ${e.name} ${e.args?.data?.url ?? e.args?.data?.functionName ?? e.args?.data?.type ?? ''}`);
  }
  for (const e of events.filter((e) => e.cat?.includes('blink.user_timing') && mains.some((m) => m.pid === e.pid))) console.log('mark', e.name, ((e.ts - t0) / 1000).toFixed(0));
} finally {
  await browser.close();
}
