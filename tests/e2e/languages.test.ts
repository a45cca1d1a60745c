// The citizen pages in all six languages: axe-core finds no WCAG 2.1 A/AA violations in any language (Arabic right
// to left included), the language comes from the browser or the switch, and a barrier report reaches the operators.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../web/src/shared/langs.ts';
import { axeViolations, eventually } from './citizen-helpers.ts';
import { launchBrowser, type System, startSystem, systemMissingReason } from './lib/system.ts';

const skip = systemMissingReason();

describe.skipIf(skip)('citizen pages in every language', () => {
  let sys: System;
  let browser: Browser;

  beforeAll(async () => {
    [sys, browser] = await Promise.all([
      startSystem({ livekit: false, env: { SIGN_LANGUAGE_VIDEO: '/static/probe.mp4' } }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  /** A page as a browser set to `locale` sees it, with axe allowed in (the pages' CSP refuses injected scripts). */
  async function open(locale: string, path: string, ready: string): Promise<Page> {
    const context = await browser.newContext({
      bypassCSP: true,
      locale,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto(`${sys.baseUrl}${path}`);
    await page.waitForSelector(ready);
    return page;
  }

  async function dirAndLang(page: Page) {
    return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
  }

  it.each(LANGS)(
    'booking, join, manage and information pages pass axe in %s',
    async (l) => {
      const found: Record<string, string[]> = {};
      const locale = { de: 'de-DE', en: 'en-GB', tr: 'tr-TR', ar: 'ar-SY', uk: 'uk-UA', ru: 'ru-RU' }[l];
      // The browser's language alone picks the page language.
      const page = await open(locale, '/', 'input[name=service]');
      expect(await dirAndLang(page)).toEqual({ lang: l, dir: l === 'ar' ? 'rtl' : 'ltr' });
      found.topics = await axeViolations(page);
      await page.locator('input[name=service]').first().check();
      await page.waitForSelector('button.day');
      await page.locator('button.day').first().click();
      await page.locator('button.time').first().click();
      found.calendar = await axeViolations(page);
      await page.click('button[type=submit]');
      await page.waitForSelector('#phone-err');
      found.form = await axeViolations(page);
      await page.fill('#phone', '0151 2345 6789');
      await page.check('#consent');
      await page.click('button[type=submit]');
      await page.waitForSelector('a[download]');
      found.done = await axeViolations(page);
      const manageUrl = await page.locator('a[href*="/m/"]').first().getAttribute('href');
      const booked = await sys.db
        .selectFrom('bookings')
        .select('language')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      expect(booked.language).toBe(l);

      await page.goto(`${sys.baseUrl}${new URL(manageUrl!, sys.baseUrl).pathname}`);
      await page.waitForSelector('dl.facts');
      found.manage = await axeViolations(page);
      const booking = await sys.createBooking();
      await page.goto(`${sys.baseUrl}/j/${booking.code}`);
      await page.waitForSelector('button.primary');
      found.join = await axeViolations(page);
      for (const path of ['/barrierefreiheit', '/gebaerdensprache', '/leichte-sprache']) {
        await page.goto(`${sys.baseUrl}${path}`);
        await page.waitForSelector('h1');
        found[path] = await axeViolations(page);
      }
      expect(await page.locator('.easy').getAttribute('lang')).toBe('de');
      await page.context().close();
      expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length))).toEqual({});
      // Ten page loads and nine axe runs: on a loaded two-core CI machine this takes minutes, not seconds.
    },
    240_000,
  );

  it('switches language in place, right to left for Arabic, and remembers the choice', async () => {
    const page = await open('de-DE', '/', 'input[name=service]');
    await page.getByRole('button', { name: 'العربية' }).click();
    await eventually(async () => expect(await dirAndLang(page)).toEqual({ lang: 'ar', dir: 'rtl' }));
    expect(await page.locator('h1').textContent()).toBe('حجز موعد بالفيديو');
    // The layout follows: the header's first item (the brand) sits on the right.
    const brand = await page.locator('.brand').boundingBox();
    expect(brand!.x).toBeGreaterThan(390 / 2);
    await page.reload();
    await page.waitForSelector('input[name=service]');
    expect(await dirAndLang(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByRole('button', { name: 'Українська' }).click();
    await eventually(async () =>
      expect(await page.locator('h1').textContent()).toBe('Запис на відеоконсультацію'),
    );
    expect(await dirAndLang(page)).toEqual({ lang: 'uk', dir: 'ltr' });
    await page.context().close();
  });

  it('takes a barrier report from the statement page and shows it to operators', async () => {
    const page = await open('tr-TR', '/barrierefreiheit?from=/j', '#fb-message');
    await page.click('button[type=submit]');
    await page.waitForSelector('#fb-message-err');
    await page.fill('#fb-message', 'Takvim ekran okuyucuyla okunamıyor.');
    await page.fill('#fb-contact', 'ayse@example.org');
    await page.click('button[type=submit]');
    await page.waitForSelector('text=Bildiriminiz bize ulaştı');
    await page.context().close();
    const admin = await sys.login('admin@example.org');
    const res = await sys.fetch('/api/admin/accessibility-feedback', { headers: admin.headers });
    expect(res.status).toBe(200);
    const { feedback } = (await res.json()) as {
      feedback: { message: string; page: string; language: string }[];
    };
    expect(feedback).toContainEqual(
      expect.objectContaining({ message: 'Takvim ekran okuyucuyla okunamıyor.', page: '/j', language: 'tr' }),
    );
  });
});
