// The operator console in Chromium: capacity change through the UI changes the citizen's slots, forecast chart,
// topics, counsellors, statistics and audit pages pass axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, eventually } from './dashboard-harness.ts';
import { DEMO_PASSWORD, launchBrowser, type System, startSystem, systemMissingReason } from './lib/system.ts';

const skip = systemMissingReason();

describe.skipIf(skip)('operator console in Chromium', () => {
  let sys: System;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [sys, browser] = await Promise.all([startSystem({ livekit: false }), launchBrowser()]);
    page = await (await browser.newContext()).newPage();
    if (process.env.E2E_VERBOSE) page.on('console', (m) => console.log(`[admin] ${m.text()}`));
  });

  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  const slotCount = async () => {
    const from = new Date().toISOString().slice(0, 10);
    const to = new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10);
    const res = await sys.fetch(`/api/slots?service=arbeitslosengeld&from=${from}&to=${to}`);
    const body = (await res.json()) as { days: { slots: unknown[] }[] };
    return body.days.reduce((n, d) => n + d.slots.length, 0);
  };

  it('logs the operator in and shows the capacity page with the 14-day chart', async () => {
    await page.goto(`${sys.baseUrl}/admin`);
    await page.getByLabel(/E-Mail-Adresse/).fill('admin@example.org');
    await page.getByLabel(/Passwort/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Kapazität des Videosystems' }).waitFor();
    await page.locator('figure.chart svg').waitFor();
    // The live view asks the video system after the page shows; under load that answer comes later.
    await page.getByText('Das Videosystem ist nicht erreichbar.').waitFor();
    expect(await page.getByText('Das Videosystem ist nicht erreichbar.').count()).toBe(1);
    expect(await axeViolations(page, sys.baseUrl)).toEqual([]);
  });

  it('setting the capacity to zero in the console removes every slot for citizens, and back', async () => {
    const before = await slotCount();
    expect(before).toBeGreaterThan(0);
    await page.getByLabel('Gleichzeitige Sitzungen (maximal)').fill('0');
    await page.getByLabel('Reserve für Sofort-Termine').fill('0');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await eventually(async () => expect(await slotCount()).toBe(0));
    await page.getByLabel('Gleichzeitige Sitzungen (maximal)').fill('8');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await eventually(async () => expect(await slotCount()).toBe(before));
  });

  it.each([
    ['Videoknoten', 'Videoknoten (LiveKit)'],
    ['Themen', 'Themen'],
    ['Beraterinnen und Berater', 'Beraterinnen und Berater'],
    ['Umbuchungen', 'Termine, die einen neuen Termin brauchen'],
    ['Statistik', 'Statistik'],
    ['Protokoll', 'Protokoll'],
    ['Einstellungen', 'Einstellungen'],
  ])('the %s page renders and passes axe', async (link, heading) => {
    await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { name: heading, exact: true, level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page, sys.baseUrl)).toEqual([]);
  });

  it('creates a topic through the form', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Themen', exact: true }).click();
    await page.getByRole('button', { name: 'Neues Thema' }).click();
    await page.getByLabel('Kennung').fill('wohngeld');
    await page.getByLabel('Name (deutsch)').fill('Wohngeld');
    await page.getByLabel('Name (englisch)').fill('Housing benefit');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('cell', { name: 'Housing benefit' }).waitFor();
    const services = (await (await sys.fetch('/api/services')).json()) as { services: { id: string }[] };
    expect(services.services.map((s) => s.id)).toContain('wohngeld');
  });

  /** A booking with `counsellorEmail`, then that counsellor's absence entered through the console. */
  const flagThroughAbsence = async (counsellorEmail: string, name: string) => {
    const booking = await sys.createBooking({
      counsellorEmail,
      serviceId: 'arbeitslosengeld',
      startsInMinutes: 2 * 24 * 60,
      phone: '+4915112345678',
      name,
    });
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Beraterinnen und Berater', exact: true })
      .click();
    await page
      .getByRole('row', { name: new RegExp(counsellorEmail.replace('.', '\\.')) })
      .getByRole('button', { name: 'Bearbeiten' })
      .click();
    const [start, end] = await page.evaluate(
      ([a, b]) => {
        const local = (ms: number) => {
          const d = new Date(ms);
          const p = (n: number) => String(n).padStart(2, '0');
          return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
        };
        return [local(a! - 3_600_000), local(b! + 3_600_000)];
      },
      [booking.start.getTime(), booking.end.getTime()],
    );
    await page.getByLabel('Abwesenheit: Beginn').fill(start!);
    await page.getByLabel('Ende', { exact: true }).fill(end!);
    await page.getByRole('button', { name: 'Abwesenheit eintragen' }).click();
    await page.getByText('1 Termin zur Umbuchung vorgemerkt.').first().waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Umbuchungen', exact: true }).click();
    const row = page.locator(`[data-booking="${booking.id}"]`);
    await row.waitFor();
    return { booking, row };
  };

  it('an absence entered for a counsellor lists the booking for rebooking; cancelling it notifies the citizen', async () => {
    const { booking, row } = await flagThroughAbsence('berater2@example.org', 'Rita Umbuch');
    // Need-to-know: the demo operator is no supervisor, so the citizen's name stays hidden.
    expect(await row.textContent()).not.toContain('Rita Umbuch');
    await row.getByLabel('Nachricht an die Bürgerin / den Bürger').fill('Bitte buchen Sie neu.');
    await row.getByRole('button', { name: 'Absagen und benachrichtigen' }).click();
    await page.getByText('Abgesagt; die SMS ist in der Warteschlange.').waitFor();
    const after = await sys.db
      .selectFrom('bookings')
      .select('status')
      .where('id', '=', booking.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('cancelled');
    const sms = await sys.db
      .selectFrom('outbox_messages')
      .select(['kind', 'body'])
      .where('booking_id', '=', booking.id)
      .where('kind', '=', 'cancellation')
      .execute();
    expect(sms.map((m) => m.body).join(' ')).toContain('Bitte buchen Sie neu.');
  });

  it('the operator chooses a new time for a flagged booking: it moves, leaves the list and the SMS is queued', async () => {
    const { booking, row } = await flagThroughAbsence('berater3@example.org', 'Uwe Neuzeit');
    await row.getByRole('button', { name: 'Neuen Termin wählen' }).click();
    const select = row.getByLabel('Neue Uhrzeit');
    await select.waitFor();
    expect(await axeViolations(page, sys.baseUrl)).toEqual([]);
    const options = await select
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const target = options[3] as string;
    await select.selectOption(target);
    await row.getByRole('button', { name: 'Termin verlegen' }).click();
    await page.getByText(/^Verlegt auf .*die SMS mit dem neuen Link ist in der Warteschlange\.$/).waitFor();
    await eventually(async () => expect(await row.count()).toBe(0));
    const moved = await sys.db
      .selectFrom('bookings')
      .select(['id', 'start_at', 'status', 'needs_rebooking'])
      .where('rescheduled_from', '=', booking.id)
      .executeTakeFirstOrThrow();
    expect(moved.start_at.getTime()).toBe(new Date(target).getTime());
    expect([moved.status, moved.needs_rebooking]).toEqual(['confirmed', false]);
    const sms = await sys.db
      .selectFrom('outbox_messages')
      .select('body')
      .where('booking_id', '=', moved.id)
      .where('kind', '=', 'rescheduled')
      .executeTakeFirstOrThrow();
    expect(sms.body).toContain('/j/');
  });

  it('switches the console to English and logs out', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Kapazität', exact: true }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Video system capacity' }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  });
});
