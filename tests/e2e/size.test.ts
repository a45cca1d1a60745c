// The first render of / and /j/CODE fits the first round trip in every language: the compressed bytes of everything requested
// before the first contentful paint (HTML with inline CSS, JS, data) stay within 14,600 bytes, as served.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../web/src/shared/langs.ts';
import { launchBrowser, type System, startSystem, systemMissingReason } from './lib/system.ts';

const skip = systemMissingReason();
const BUDGET = 14_600;

interface Loaded {
  url: string;
  start: number;
  encoded: number;
  transfer: number;
}

/** Loads a page in a fresh context and returns what was requested before its first contentful paint. */
async function beforeFirstPaint(browser: Browser, url: string, ready: string) {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  const encodings = new Map<string, string>();
  const caching = new Map<string, string>();
  page.on('response', (r) => {
    encodings.set(r.url(), r.headers()['content-encoding'] ?? 'identity');
    caching.set(r.url(), r.headers()['cache-control'] ?? '');
  });
  await page.goto(url);
  await page.waitForSelector(ready);
  // Every lazy chunk started after the paint must have been counted too, so let the page settle.
  await page.waitForLoadState('networkidle');
  const htmlLang = await page.evaluate(() => document.documentElement.lang);
  const timing = await page.evaluate(() => {
    const fcp =
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.POSITIVE_INFINITY;
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[];
    return {
      fcp,
      all: entries.map((e) => ({
        url: e.name,
        start: e.startTime,
        encoded: e.encodedBodySize,
        transfer: e.transferSize,
      })),
    };
  });
  await context.close();
  const early: Loaded[] = timing.all.filter((e) => e.start < timing.fcp);
  return { fcp: timing.fcp, early, all: timing.all, encodings, caching, htmlLang };
}

describe.skipIf(skip)('first render size', () => {
  let sys: System;
  let browser: Browser;

  beforeAll(async () => {
    [sys, browser] = await Promise.all([startSystem({ livekit: false }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  async function check(path: string, ready: string) {
    const r = await beforeFirstPaint(browser, `${sys.baseUrl}${path}`, ready);
    const bytes = r.early.reduce((n, e) => n + e.encoded, 0);
    const withHeaders = r.early.reduce((n, e) => n + e.transfer, 0);
    console.log(
      `${path.replace(/\/j\/.+/, '/j/CODE')}: ${bytes} compressed bytes before first paint ` +
        `(${withHeaders} with headers) in ${r.early.length} requests; FCP ${Math.round(r.fcp)} ms`,
    );
    for (const e of r.early)
      console.log(`  ${Math.round(e.start)} ms ${e.encoded} B ${e.url.replace(sys.baseUrl, '')}`);
    expect(Number.isFinite(r.fcp)).toBe(true);
    expect(bytes).toBeLessThanOrEqual(BUDGET);
    // Served compressed, hashed assets cached for good, and the video library not among them.
    for (const e of r.early) {
      // Pages and assets come precompressed (tiny files are not worth it); API answers are small JSON.
      if (!e.url.includes('/api/') && e.encoded >= 256) expect(r.encodings.get(e.url)).toBe('br');
      if (e.url.includes('/assets/')) expect(r.caching.get(e.url)).toContain('immutable');
      expect(e.encoded).toBeLessThan(20_000);
    }
    return r;
  }

  // Each language's strings are their own chunks, fetched before the first paint: every language must fit.
  it.each(LANGS)(
    'needs at most 14,600 compressed bytes before the first paint of the booking page (%s)',
    async (l) => {
      const r = await check(`/?lang=${l}`, 'input[name=service]');
      // The calendar and form come afterwards, not before the first paint.
      expect(r.all.length).toBeGreaterThan(r.early.length);
      expect(r.htmlLang).toBe(l);
    },
  );

  it.each(LANGS)(
    'needs at most 14,600 compressed bytes before the first paint of the join page (%s)',
    async (l) => {
      const booking = await sys.createBooking();
      const r = await check(`/j/${booking.code}?lang=${l}`, 'button.primary');
      expect(r.all.some((e) => e.encoded > 100_000)).toBe(true);
      expect(r.early.every((e) => e.encoded < 100_000)).toBe(true);
      expect(r.htmlLang).toBe(l);
    },
  );

  it('loads the strings of the chosen language only', async () => {
    const r = await check('/?lang=uk', 'input[name=service]');
    const chunks = (await sys.manifest()).pages.booking?.strings ?? {};
    const fetched = new Set(r.all.map((e) => new URL(e.url).pathname));
    for (const [l, files] of Object.entries(chunks))
      for (const f of files) expect(fetched.has(f), `${l} ${f}`).toBe(l === 'uk');
  });
});
