// Every citizen page in every state, with the real LiveKit server: axe-core finds no WCAG 2.1 A/AA (or
// best-practice) violations, and no page ever talks to anything but its own origin — during the call, to
// exactly the configured LiveKit server as well.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  counsellorJoin,
  counsellorLeave,
  eventually,
  openCounsellor,
} from './citizen-helpers.ts';
import { launchBrowser, type System, startSystem, systemMissingReason } from './lib/system.ts';

const skip = systemMissingReason();

describe.skipIf(skip)('citizen pages in every state', () => {
  let sys: System;
  let browser: Browser;
  let citizen: BrowserContext;
  const requested: string[] = [];
  const violations: Record<string, string[]> = {};

  beforeAll(async () => {
    [sys, browser] = await Promise.all([
      startSystem(),
      launchBrowser({ args: ['--autoplay-policy=no-user-gesture-required'] }),
    ]);
    // axe is injected as a script, which the pages' CSP would (rightly) refuse.
    citizen = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    citizen.on('request', (r) => requested.push(r.url()));
    citizen.on('page', (p) => p.on('websocket', (ws) => requested.push(ws.url())));
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  async function audit(page: Page, state: string): Promise<void> {
    violations[state] = await axeViolations(page);
  }

  function expectClean(prefix: string) {
    const found = Object.entries(violations).filter(([k, v]) => k.startsWith(prefix) && v.length);
    expect(Object.fromEntries(found)).toEqual({});
  }

  it('booking page: no violations in any step, in German and English', async () => {
    const page = await citizen.newPage();
    await page.goto(`${sys.baseUrl}/`);
    await page.waitForSelector('input[name=service]');
    await audit(page, 'booking: topics');
    // The auditor itself works: an unlabelled button is found.
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('button'), { id: 'bad' })),
    );
    expect((await axeViolations(page)).some((v) => v.startsWith('button-name'))).toBe(true);
    await page.evaluate(() => document.getElementById('bad')?.remove());
    await page.getByLabel('Arbeitslosengeld').check();
    await page.waitForSelector('button.day');
    await audit(page, 'booking: calendar');
    await page.locator('button.day').first().click();
    await page.waitForSelector('button.time');
    await audit(page, 'booking: times');
    await page.locator('button.time').first().click();
    await page.click('button[type=submit]');
    await page.waitForSelector('#phone-err');
    await audit(page, 'booking: form with errors');
    await page.fill('#phone', '0151 2345 6789');
    await page.check('#consent');
    await page.click('button[type=submit]');
    await page.waitForSelector('text=Ihr Termin ist gebucht');
    await eventually(async () =>
      expect(await page.locator('.check p[role=status]').textContent()).toMatch(/gut/),
    );
    await audit(page, 'booking: confirmation');
    await page.getByRole('button', { name: 'English' }).click();
    await audit(page, 'booking: confirmation (en)');
    await page.getByRole('button', { name: 'Book another appointment' }).click();
    await page.waitForSelector('button.day');
    await audit(page, 'booking: calendar (en)');
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.close();
    expectClean('booking');
  });

  it('manage page: no violations when viewing, rescheduling, confirming a cancellation, cancelled, unknown', async () => {
    const res = await sys.fetch('/api/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        service: 'berufsberatung',
        start: (await firstFreeStart(sys, 'berufsberatung'))!,
        phone: '015199999999',
        consent: true,
      }),
    });
    const { manageUrl } = await res.json();
    const page = await citizen.newPage();
    await page.goto(manageUrl);
    await page.waitForSelector('dl.facts');
    await audit(page, 'manage: view');
    await page.getByRole('button', { name: 'Termin verschieben' }).click();
    await page.waitForSelector('button.day');
    await page.locator('button.day').first().click();
    await page.locator('button.time').first().click();
    await audit(page, 'manage: reschedule');
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await page.getByRole('button', { name: 'Termin absagen' }).click();
    await audit(page, 'manage: confirm cancel');
    await page.getByRole('button', { name: 'Ja, Termin absagen' }).click();
    await page.waitForSelector('text=Ihr Termin wurde abgesagt');
    await audit(page, 'manage: cancelled');
    await page.goto(`${sys.baseUrl}/m/AAAAAAAAAAAAAAAAAAAAAA`);
    await page.waitForSelector('text=Dieser Link ist ungültig');
    await audit(page, 'manage: unknown');
    await page.close();
    expectClean('manage');
  });

  it('join page: no violations before, while waiting, in the call, in every mode and after it', async () => {
    const page = await citizen.newPage();
    const later = await sys.createBooking({ startsInMinutes: 24 * 60 });
    await page.goto(later.joinUrl);
    await page.waitForSelector('text=Der Videoraum öffnet am');
    await audit(page, 'join: not open yet');
    await page.goto(`${sys.baseUrl}/j/AAAAAAAAAAAAAAAAAAAAAA`);
    await page.waitForSelector('text=Dieser Link ist ungültig.');
    await audit(page, 'join: unknown');

    const booking = await sys.createBooking();
    await page.goto(booking.joinUrl);
    await page.waitForSelector('meter#level');
    await eventually(async () =>
      expect(await page.locator('.check p[role=status]').textContent()).toMatch(/gut/),
    );
    await audit(page, 'join: checks');
    await page.getByRole('button', { name: 'English' }).click();
    await audit(page, 'join: checks (en)');
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.getByRole('button', { name: 'Kamera erlauben und beitreten' }).click();
    await eventually(async () => expect(await page.locator('p.status').textContent()).toContain('Warteraum'));
    await audit(page, 'join: waiting room');

    const { page: counsellor } = await openCounsellor(browser, sys.baseUrl);
    await counsellorJoin(
      counsellor,
      await sys.joinAsCounsellor(booking.id, await sys.login(booking.counsellorEmail)),
    );
    await eventually(async () => expect(await page.locator('video.main').count()).toBe(1));
    await audit(page, 'join: in the call');
    await page.getByRole('button', { name: 'Verstanden' }).click();
    await page.getByRole('button', { name: 'Datensparmodus' }).click();
    await page.selectOption('#cap', '400');
    await audit(page, 'join: data saver with a cap');
    await page.getByRole('button', { name: 'Nur Ton' }).click();
    await page.waitForSelector('.placeholder');
    await audit(page, 'join: audio only');
    await page.getByRole('button', { name: 'Gespräch verlassen' }).click();
    await page.waitForSelector('text=Das Gespräch ist beendet.');
    await audit(page, 'join: survey');
    await page.getByRole('button', { name: 'Antwort senden' }).click();
    await page.waitForSelector('text=Bitte beantworten Sie beide Fragen.');
    await audit(page, 'join: survey incomplete');
    await page.getByLabel('Nein').check();
    await page.getByLabel('5 – sehr einfach').check();
    await page.getByRole('button', { name: 'Antwort senden' }).click();
    await page.waitForSelector('#survey-done');
    await audit(page, 'join: survey sent');
    await counsellorLeave(counsellor);
    await counsellor.context().close();
    await page.close();
    expectClean('join');
  });

  it('every request of every page went to its own origin, and in the call only to the configured LiveKit server', () => {
    const own = new URL(sys.baseUrl).origin;
    const livekit = new URL(sys.livekit!.url);
    const allowed = new Set([own, `ws://${livekit.host}`, `http://${livekit.host}`]);
    const origins = new Set(
      requested.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:')).map((u) => new URL(u).origin),
    );
    expect(requested.length).toBeGreaterThan(50);
    expect(requested.some((u) => u.startsWith(`ws://${livekit.host}/rtc`))).toBe(true);
    expect([...origins].filter((o) => !allowed.has(o))).toEqual([]);
  });
});

async function firstFreeStart(sys: System, service: string): Promise<string | undefined> {
  const from = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const res = await (await sys.fetch(`/api/slots?service=${service}&from=${from}&to=${to}`)).json();
  return res.days.flatMap((d: { slots: { start: string }[] }) => d.slots)[0]?.start;
}
