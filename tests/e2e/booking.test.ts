// The booking and manage pages in Chromium against the running system: German and English bookings, the
// slot-taken path, a keyboard-only booking, and viewing, rescheduling and cancelling from the manage link.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../../functions/platform/secrets.ts';
import { eventually, tabTo } from './citizen-helpers.ts';
import { launchBrowser, type System, startSystem, systemMissingReason } from './lib/system.ts';

const skip = systemMissingReason();

describe.skipIf(skip)('booking page in Chromium', () => {
  let sys: System;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [sys, browser] = await Promise.all([startSystem({ livekit: false }), launchBrowser()]);
  });
  // A fresh context per test: the language a test chose is remembered in localStorage and must not leak.
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  async function open(path = '/'): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${sys.baseUrl}${path}`);
    return page;
  }

  const h1 = (page: Page) => page.locator('h1').textContent();

  /** Picks the first free day and its first free time; returns the chosen start as the page shows it. */
  async function pickFirstSlot(page: Page): Promise<void> {
    await page.locator('button.day').first().click();
    await page.locator('ul.times button.time').first().click();
    await page.waitForSelector('#phone');
  }

  async function bookingOfJoinLink(page: Page) {
    const href = await page.locator('.link-box a').getAttribute('href');
    const code = href!.split('/j/')[1]!;
    return sys.db
      .selectFrom('bookings')
      .selectAll()
      .where('join_code_hash', '=', await hashSecret(code))
      .executeTakeFirstOrThrow();
  }

  it('books in German: topic, calendar, time, details with consent, confirmation with links', async () => {
    const page = await open();
    expect(await h1(page)).toBe('Videotermin buchen');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await page.getByLabel('Arbeitslosengeld').check();
    await pickFirstSlot(page);
    expect(await page.locator('#privacy').textContent()).toContain('nicht aufgezeichnet');
    await page.fill('#phone', '0151 2345 6789');
    await page.fill('#name', 'Erika Mustermann');
    await page.fill('#customerNumber', '123A456');
    await page.check('#consent');
    await page.click('button[type=submit]');
    await page.waitForSelector('text=Ihr Termin ist gebucht');
    const row = await bookingOfJoinLink(page);
    expect(row).toMatchObject({
      phone_e164: '+4915123456789',
      name: 'Erika Mustermann',
      email: null,
      customer_number: '123A456',
      language: 'de',
      status: 'confirmed',
      service_id: 'arbeitslosengeld',
    });
    const ics = await page.request.get(
      new URL((await page.getByText('In den Kalender eintragen').getAttribute('href'))!, sys.baseUrl).href,
    );
    expect(ics.status()).toBe(200);
    expect(ics.headers()['content-type']).toContain('text/calendar');
    expect(await page.getByText('Termin absagen oder verschieben').getAttribute('href')).toMatch(
      /\/m\/[\w-]{22,}$/,
    );
    await page.close();
  });

  it('books in English after switching the language, with English texts and an English booking', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'English' }).click();
    // The switch waits for the English strings to load, so the heading changes a moment after the click.
    await expect.poll(() => h1(page)).toBe('Book a video appointment');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel('Unemployment benefit').check();
    await pickFirstSlot(page);
    await page.fill('#phone', '+49 160 1234567');
    await page.click('button[type=submit]');
    expect(await page.locator('#consent-err').textContent()).toBe('Please agree to the privacy notice.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('consent');
    await page.check('#consent');
    await page.click('button[type=submit]');
    await page.waitForSelector('text=Your appointment is booked');
    expect(await bookingOfJoinLink(page)).toMatchObject({ phone_e164: '+491601234567', language: 'en' });
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await expect.poll(() => h1(page)).toBe('Ihr Termin ist gebucht');
    await page.close();
  });

  it.each([
    ['German', 'Arbeitslosengeld', 'Dieser Termin wurde gerade vergeben', 'Ihr Termin ist gebucht'],
    ['English', 'Unemployment benefit', 'This appointment was just taken', 'Your appointment is booked'],
  ])(
    'in %s says when the chosen time was taken meanwhile and books one of the nearest free times instead',
    async (language, topic, takenText, doneText) => {
      const admin = await sys.login('admin@example.org');
      const setCapacity = (n: number) =>
        sys.fetch('/api/admin/capacity', {
          method: 'PUT',
          headers: { ...admin.headers, 'content-type': 'application/json' },
          body: JSON.stringify({ maxConcurrentSessions: n, adhocReserve: 0 }),
        });
      expect((await setCapacity(1)).status).toBe(200);
      try {
        const page = await open(language === 'English' ? '/?lang=en' : '/');
        await page.getByLabel(topic).check();
        await page.locator('button.day').first().click();
        const times = page.locator('ul.times button.time');
        await times.nth(2).click();
        const date = await page.locator('button.day[aria-pressed=true]').getAttribute('data-date');
        const time = (await page.locator('button.time[aria-pressed=true]').textContent())!.trim();
        const slots = await (
          await sys.fetch(`/api/slots?service=arbeitslosengeld&from=${date}&to=${date}`)
        ).json();
        // Slot starts carry the service's wall-clock time, as the page shows it.
        const taken = (slots.days[0].slots as { start: string }[]).find(
          (x) => x.start.slice(11, 16) === time,
        )!.start;
        const other = await sys.fetch('/api/bookings', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            service: 'arbeitslosengeld',
            start: taken,
            phone: '015111111111',
            consent: true,
          }),
        });
        expect(other.status, await other.clone().text()).toBe(201);
        await page.fill('#phone', '0151 2222 3333');
        await page.check('#consent');
        await page.click('button[type=submit]');
        const alert = page.locator('#taken');
        await alert.waitFor();
        expect(await alert.textContent()).toContain(takenText);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('taken');
        const offers = alert.locator('button');
        expect(await offers.count()).toBeGreaterThan(0);
        await offers.first().click();
        expect(await page.inputValue('#phone')).toBe('0151 2222 3333');
        await page.click('button[type=submit]');
        await page.waitForSelector(`text=${doneText}`);
        const row = await bookingOfJoinLink(page);
        expect(row.start_at.getTime()).not.toBe(new Date(taken).getTime());
        await page.close();
      } finally {
        await setCapacity(8);
      }
    },
  );

  it('can be booked with the keyboard alone', async () => {
    const page = await open();
    await tabTo(page, 'input[name=service]');
    await page.keyboard.press('Space');
    await page.waitForSelector('button.day[tabindex="0"]');
    if ((await page.locator('button.day').count()) < 2) {
      // Late in a month: page on with the keyboard to a month with several free days.
      await tabTo(page, 'button[aria-label="Nächster Monat"]');
      await page.keyboard.press('Enter');
      await eventually(async () => expect(await page.locator('button.day').count()).toBeGreaterThan(1));
    }
    await tabTo(page, 'button.day');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-date'));
    await page.keyboard.press('ArrowRight');
    const moved = await page.evaluate(() => document.activeElement?.getAttribute('data-date'));
    expect(moved! > first!).toBe(true);
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('times-h'),
    );
    await tabTo(page, 'button.time');
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('form-h'),
    );
    await tabTo(page, '#phone');
    await page.keyboard.type('0151 4444 5555');
    await tabTo(page, '#consent');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Ihr Termin ist gebucht');
    expect((await bookingOfJoinLink(page)).phone_e164).toBe('+4915144445555');
    await page.close();
  });

  it('manage link: shows the appointment, reschedules it to another time and then cancels it', async () => {
    const page = await open();
    await page.getByLabel('Weiterbildung').check();
    await pickFirstSlot(page);
    await page.fill('#phone', '0151 6666 7777');
    await page.check('#consent');
    await page.click('button[type=submit]');
    await page.waitForSelector('text=Ihr Termin ist gebucht');
    const before = await bookingOfJoinLink(page);
    await page.getByText('Termin absagen oder verschieben').click();
    await page.waitForSelector('dl.facts');
    expect(await page.locator('dl.facts').textContent()).toContain('Weiterbildung');
    expect(await page.locator('dl.facts').textContent()).toContain('Gebucht');

    await page.getByRole('button', { name: 'Termin verschieben' }).click();
    await page.locator('button.day').first().click();
    await page.locator('ul.times button.time').last().click();
    await page.locator('#move-btn').click();
    await page.waitForSelector('text=Ihr Termin wurde verschoben');
    const newLink = await page.locator('.link-box a').getAttribute('href');
    expect(newLink).toMatch(/\/j\/[\w-]{22,}$/);
    const moved = await sys.db
      .selectFrom('bookings')
      .select(['start_at', 'status'])
      .where('join_code_hash', '=', await hashSecret(newLink!.split('/j/')[1]!))
      .executeTakeFirstOrThrow();
    expect(moved.status).toBe('confirmed');
    expect(moved.start_at.getTime()).toBeGreaterThan(before.start_at.getTime());

    await page.getByRole('button', { name: 'Termin absagen' }).click();
    await page.getByRole('button', { name: 'Ja, Termin absagen' }).click();
    await page.waitForSelector('text=Ihr Termin wurde abgesagt');
    expect(await page.locator('dl.facts').textContent()).toContain('Abgesagt');
    const token = new URL(page.url()).pathname.split('/m/')[1]!;
    const after = await (await sys.fetch(`/api/bookings/manage/${token}`)).json();
    expect(after.booking.status).toBe('cancelled');
    await page.close();
  });

  it('manage page says so for an unknown link', async () => {
    const page = await open('/m/AAAAAAAAAAAAAAAAAAAAAA');
    await page.waitForSelector('text=Dieser Link ist ungültig oder abgelaufen.');
    await page.close();
  });
});
