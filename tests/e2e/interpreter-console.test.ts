// Issue 16's staff pages in Chromium: the operator adds an interpreter with languages and hours, sets a site's
// federal state and translates a topic; the counsellor invites that interpreter into an ad-hoc session and
// creates the calendar subscription URL. Every new page passes axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, eventually } from './dashboard-harness.ts';
import { DEMO_PASSWORD, launchBrowser, type System, startSystem, systemMissingReason } from './lib/system.ts';

const skip = systemMissingReason();

async function loginInPage(page: Page, baseUrl: string, path: string, email: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel(/E-Mail-Adresse/).fill(email);
  await page.getByLabel(/Passwort/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];

describe.skipIf(skip)('interpreters, site states, topic translations and calendar feed in Chromium', () => {
  let sys: System;
  let browser: Browser;
  let ops: Page;

  beforeAll(async () => {
    [sys, browser] = await Promise.all([startSystem({ livekit: false }), launchBrowser()]);
    ops = await (await browser.newContext()).newPage();
    await loginInPage(ops, sys.baseUrl, '/admin', 'admin@example.org');
    await ops.getByRole('heading', { name: 'Kapazität des Videosystems' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  it('the operator adds an interpreter with languages and hours; citizens can then ask for the language', async () => {
    await ops.getByRole('link', { name: 'Dolmetschende' }).click();
    await ops.getByRole('heading', { name: 'Dolmetscherinnen und Dolmetscher' }).waitFor();
    expect(await axeViolations(ops, sys.baseUrl)).toEqual([]);
    await ops.getByRole('button', { name: 'Dolmetscher/in hinzufügen' }).click();
    await ops.getByLabel('Name', { exact: true }).fill('Ayşe Demir');
    await ops.getByLabel(/Mobilnummer/).fill('0151 7777 8888');
    await ops.getByLabel('Sprachen').fill('tr, dgs');
    // All day, every day: the ad-hoc invitation below happens whenever the test runs.
    for (const day of WEEKDAYS) await ops.getByLabel(day, { exact: true }).fill('00:00-23:59');
    expect(await axeViolations(ops, sys.baseUrl)).toEqual([]);
    await ops.getByRole('button', { name: 'Speichern' }).click();
    await ops.getByRole('button', { name: 'Ayşe Demir bearbeiten' }).waitFor();
    const row = await sys.db
      .selectFrom('interpreters')
      .select(['phone_e164', 'languages'])
      .where('name', '=', 'Ayşe Demir')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ phone_e164: '+4915177778888', languages: ['tr', 'dgs'] });
    expect(
      await sys.db
        .selectFrom('interpreter_hours')
        .select('weekday')
        .execute()
        .then((r) => r.length),
    ).toBe(7);
    const offered = (await (await sys.fetch('/api/interpreter-languages')).json()) as { languages: string[] };
    expect(offered.languages).toEqual(expect.arrayContaining(['tr', 'dgs']));
  });

  it('the operator sets a site’s federal state on the closing-days page', async () => {
    const site = await sys.db
      .insertInto('sites')
      .values({ name: 'Standort Mitte' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ops.getByRole('link', { name: 'Schließtage' }).click();
    await ops.getByRole('heading', { name: 'Bundesland der Standorte' }).waitFor();
    await ops.getByLabel('Bundesland von Standort Mitte').selectOption('BY');
    await ops.getByRole('button', { name: 'Speichern: Standort Mitte' }).click();
    await ops.getByText(/Standort Mitte gespeichert/).waitFor();
    const saved = await sys.db
      .selectFrom('sites')
      .select('federal_state')
      .where('id', '=', site.id)
      .executeTakeFirstOrThrow();
    expect(saved.federal_state).toBe('BY');
    // Bavaria's own holidays (e.g. Epiphany) now show under its name with the site.
    await ops.getByRole('heading', { name: /BY.*Standort Mitte/ }).waitFor();
    expect(await axeViolations(ops, sys.baseUrl)).toEqual([]);
  });

  it('the operator translates a topic and a Ukrainian citizen sees it', async () => {
    await ops.getByRole('link', { name: 'Themen' }).click();
    await ops.getByRole('button', { name: 'Thema bearbeiten: Arbeitslosengeld' }).click();
    await ops.getByLabel('Name (Українська)').fill('Допомога по безробіттю (тест)');
    expect(await axeViolations(ops, sys.baseUrl)).toEqual([]);
    await ops.getByRole('button', { name: 'Speichern' }).click();
    await eventually(async () => {
      const body = (await (await sys.fetch('/api/services?lang=uk')).json()) as {
        services: { id: string; name: string }[];
      };
      expect(body.services.find((s) => s.id === 'arbeitslosengeld')?.name).toBe(
        'Допомога по безробіттю (тест)',
      );
    });
    const citizen = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
    await citizen.goto(`${sys.baseUrl}/?lang=uk`);
    await citizen.getByLabel(/Допомога по безробіттю \(тест\)/).waitFor();
    await citizen.close();
  });

  it('the counsellor invites the interpreter into an ad-hoc session and creates the calendar feed URL', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sys.baseUrl });
    await loginInPage(page, sys.baseUrl, '/counsellor', 'berater1@example.org');
    await page.getByRole('link', { name: 'Sofort-Termin' }).click();
    await page.getByLabel('Mobilnummer').fill('0151 2222 3333');
    await page.getByRole('button', { name: 'Link erzeugen und senden' }).click();
    await page.getByLabel('Sprache', { exact: true }).selectOption('tr');
    expect(await axeViolations(page, sys.baseUrl)).toEqual([]);
    await page.getByRole('button', { name: 'Einladen' }).click();
    await page.getByText(/Eingeladen/).waitFor();
    expect(await page.getByLabel(/Link für die dolmetschende Person/).inputValue()).toMatch(
      /\/j\/[\w-]{22,}$/,
    );
    const claim = await sys.db
      .selectFrom('interpreter_bookings')
      .select(['language', 'status'])
      .executeTakeFirstOrThrow();
    expect(claim).toEqual({ language: 'tr', status: 'confirmed' });

    await page.getByRole('link', { name: 'Arbeitszeiten' }).click();
    await page.getByRole('heading', { name: 'Kalender-Abo' }).waitFor();
    await page.getByRole('button', { name: 'Abo-Adresse erstellen' }).click();
    const url = await page.getByLabel('Abo-Adresse').inputValue();
    expect(url).toMatch(/\/api\/calendar-feed\/[\w-]{22,}\.ics$/);
    await page.getByRole('button', { name: 'Adresse kopieren' }).click();
    await page.getByText('Adresse kopiert.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    const feed = await sys.fetch(new URL(url).pathname);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    expect(await axeViolations(page, sys.baseUrl)).toEqual([]);
    // A new address replaces the old one at once.
    await page.getByRole('button', { name: /Neue Adresse erstellen/ }).click();
    await eventually(async () => expect(await page.getByLabel('Abo-Adresse').inputValue()).not.toBe(url));
    expect((await sys.fetch(new URL(url).pathname)).status).toBe(404);
    await page.close();
  });
});
