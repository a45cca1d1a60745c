// The counsellor dashboard in Chromium against the real system: login, agenda with a booking made through the
// citizen API, join, screen share reaching the citizen, background blur from own-origin model files, axe.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  edgeEnergyOfPublishedCamera,
  eventually,
  expectFrames,
  openCitizen,
  remoteTracks,
  writeCheckerboardY4m,
} from './dashboard-harness.ts';
import {
  type CreatedBooking,
  DEMO_PASSWORD,
  launchBrowser,
  type System,
  startSystem,
  systemMissingReason,
} from './lib/system.ts';

const skip = systemMissingReason();

async function loginInPage(page: Page, baseUrl: string, path: string, email: string) {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel(/E-Mail-Adresse/).fill(email);
  await page.getByLabel(/Passwort/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

describe.skipIf(skip)('counsellor dashboard in Chromium', () => {
  let sys: System;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let citizen: Page;
  let booking: CreatedBooking;
  const requested: string[] = [];
  const camera = join(tmpdir(), `br-camera-${process.pid}.y4m`);

  beforeAll(async () => {
    writeCheckerboardY4m(camera);
    [sys, browser] = await Promise.all([
      startSystem(),
      launchBrowser({
        args: [
          `--use-file-for-fake-video-capture=${camera}`,
          '--autoplay-policy=no-user-gesture-required',
          '--auto-select-desktop-capture-source=Entire screen',
          '--enable-unsafe-swiftshader',
        ],
      }),
    ]);
    booking = await sys.createBooking({ counsellorEmail: 'berater1@example.org', name: 'Erika Mustermann' });
    context = await browser.newContext();
    // Records what the dashboard announces: desktop notifications (a stand-in class, permission granted) and the
    // chime's tones; and the counsellor works in another window (the page has no focus).
    await context.addInitScript(() => {
      const w = window as unknown as { __alerts: { notes: unknown[]; tones: number } };
      w.__alerts = { notes: [], tones: 0 };
      class RecordingNotification {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        onclick: (() => void) | null = null;
        constructor(title: string, options?: NotificationOptions) {
          w.__alerts.notes.push({ title, body: options?.body });
        }
        close() {}
      }
      Object.defineProperty(window, 'Notification', { value: RecordingNotification });
      const create = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        w.__alerts.tones++;
        return create.call(this);
      };
      document.hasFocus = () => false;
    });
    page = await context.newPage();
    page.on('request', (r) => requested.push(r.url()));
    page.on('websocket', (w) => requested.push(w.url()));
    if (process.env.E2E_VERBOSE) page.on('console', (m) => console.log(`[counsellor] ${m.text()}`));
  });

  afterAll(async () => {
    await browser?.close();
    if (sys && process.env.E2E_VERBOSE) console.log(sys.logs.join('\n'));
    await sys?.stop();
    rmSync(camera, { force: true });
  });

  it('shows a booking made through the citizen API in the counsellor’s agenda', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const to = new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10);
    const slotRes = await sys.fetch(`/api/slots?service=arbeitslosengeld&from=${today}&to=${to}`);
    const slotText = await slotRes.text();
    expect(slotRes.status, slotText).toBe(200);
    const slots = JSON.parse(slotText) as { days: { slots: { start: string }[] }[] };
    const start = slots.days.flatMap((d) => d.slots)[0]!.start;
    const res = await sys.fetch('/api/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        service: 'arbeitslosengeld',
        start,
        phone: '015112345678',
        name: 'Max Bürger',
        customerNumber: '123D456',
        consent: true,
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { booking: made } = (await res.json()) as { booking: { id: string } };
    const owner = await sys.db
      .selectFrom('bookings')
      .innerJoin('counsellors', 'counsellors.id', 'bookings.counsellor_id')
      .innerJoin('staff_users', 'staff_users.id', 'counsellors.staff_user_id')
      .select('staff_users.email')
      .where('bookings.id', '=', made.id)
      .executeTakeFirstOrThrow();
    const other = await browser.newContext();
    const p = await other.newPage();
    await loginInPage(p, sys.baseUrl, '/counsellor', owner.email);
    await p.getByRole('heading', { name: 'Meine Termine' }).waitFor();
    for (let i = 0; i < 3 && (await p.locator(`[data-booking="${made.id}"]`).count()) === 0; i++) {
      await p.getByRole('button', { name: 'Nächste Woche' }).click();
      await p.waitForTimeout(500);
    }
    const row = p.locator(`[data-booking="${made.id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Max Bürger');
    expect(await row.textContent()).toContain('123D456');
    await other.close();
  });

  it('logs in, lists today’s appointment with the citizen’s name and passes axe', async () => {
    await loginInPage(page, sys.baseUrl, '/counsellor', 'berater1@example.org');
    const row = page.locator(`[data-booking="${booking.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Erika Mustermann');
    expect(await row.textContent()).toContain('gebucht');
    expect(await axeViolations(page, sys.baseUrl)).toEqual([]);
  });

  it('shows the citizen waiting without a reload', async () => {
    const ticket = await sys.joinAsCitizen(booking.code);
    ({ page: citizen } = await openCitizen(browser, sys.baseUrl));
    await citizen.evaluate(
      ([url, token]) =>
        (window as unknown as { citizen: { join(u: string, t: string): Promise<void> } }).citizen.join(
          url!,
          token!,
        ),
      [ticket.serverUrl, ticket.token],
    );
    await page.locator(`[data-booking="${booking.id}"]`).getByText('wartet').waitFor({ timeout: 20_000 });
    // Besides the tab title: a chime and one desktop notification, without the citizen's name.
    await eventually(async () => {
      const alerts = await page.evaluate(() => (window as unknown as { __alerts: unknown }).__alerts);
      expect(alerts).toEqual({
        notes: [
          { title: 'Jemand wartet im Warteraum', body: expect.stringMatching(/^Termin \d\d:\d\d Uhr · /) },
        ],
        tones: 2,
      });
    });
    expect(await page.title()).toMatch(/^\(1\) /);
    expect(
      JSON.stringify(await page.evaluate(() => (window as unknown as { __alerts: unknown }).__alerts)),
    ).not.toContain('Erika');
  });

  it('joins with one click and the citizen receives the camera, then the shared screen', async () => {
    await page.getByRole('button', { name: 'Beitreten: Erika Mustermann' }).first().click();
    await page.getByRole('heading', { name: 'Videogespräch' }).waitFor();
    await page.getByText('Verbunden').waitFor({ timeout: 20_000 });
    await expectFrames(citizen, 'camera');
    await eventually(async () =>
      expect(
        await page.locator('video.remote').evaluate((v: HTMLVideoElement) => v.videoWidth),
      ).toBeGreaterThan(0),
    );
    await page.getByRole('button', { name: 'Bildschirm teilen' }).click();
    await expectFrames(citizen, 'screen_share');
    expect(await page.getByRole('button', { name: 'Bildschirm teilen' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('blurs the published camera measurably, with the model and wasm from the own origin only', async () => {
    const off = await edgeEnergyOfPublishedCamera(page);
    await page.getByLabel('Weichzeichnen').check();
    await eventually(async () => {
      const on = await edgeEnergyOfPublishedCamera(page);
      expect(on, `blur on (state: ${await effectState(page)}) vs off ${off}`).toBeLessThan(off * 0.5);
    }, 60_000);
    const blurred = await edgeEnergyOfPublishedCamera(page);
    await page.getByLabel('Verpixeln').check();
    // As long as for blur: on a loaded machine the switch reloads the effect's pipeline slowly.
    await eventually(async () => {
      const on = await edgeEnergyOfPublishedCamera(page);
      expect(on, `pixelation on (state: ${await effectState(page)}) vs off ${off}`).toBeLessThan(off * 0.5);
    }, 60_000);
    const pixelated = await edgeEnergyOfPublishedCamera(page);
    // A computer too slow for the effect: with a budget no frame can meet, it switches itself off and says so.
    await page.evaluate(() => {
      (window as unknown as { __brCall: { frameBudgetMs: { value: number } } }).__brCall.frameBudgetMs.value =
        0.01;
    });
    await page.getByRole('alert').filter({ hasText: 'zu langsam' }).waitFor({ timeout: 20_000 });
    expect(await page.getByLabel('Normal').isChecked()).toBe(true);
    await eventually(async () => expect(await edgeEnergyOfPublishedCamera(page)).toBeGreaterThan(off * 0.7));
    await page.evaluate(() => {
      (window as unknown as { __brCall: { frameBudgetMs: { value: number } } }).__brCall.frameBudgetMs.value =
        150;
    });
    console.info(
      `background edge energy: off ${off.toFixed(1)}, blur ${blurred.toFixed(1)}, pixelate ${pixelated.toFixed(1)}`,
    );
    await page.getByLabel('Normal').check();
    await eventually(async () => expect(await edgeEnergyOfPublishedCamera(page)).toBeGreaterThan(off * 0.7));
    const app = new URL(sys.baseUrl).origin;
    const lk = new URL(sys.livekit!.url.replace(/^ws/, 'http')).host;
    const foreign = requested.filter((u) => {
      if (u.startsWith('data:') || u.startsWith('blob:')) return false;
      const url = new URL(u);
      return url.origin !== app && url.host !== lk;
    });
    expect(foreign).toEqual([]);
    // The engine is @mediapipe/tasks-vision: its module, its SIMD WebAssembly and the model with metadata.
    for (const file of ['vision_bundle.mjs', 'vision_wasm_internal.wasm', 'selfie_segmenter.tflite']) {
      expect(requested, file).toContain(`${app}/static/mediapipe/${file}`);
    }
    expect(requested.filter((u) => u.includes('selfie_segmentation'))).toEqual([]);
  }, 150_000);

  it('switches to audio only: the citizen stops receiving the camera, and gets it back', async () => {
    const audioOnly = page.getByRole('button', { name: 'Nur Audio' });
    await audioOnly.click();
    await eventually(async () => expect(Object.keys(await remoteTracks(citizen))).not.toContain('camera'));
    await audioOnly.click();
    await expectFrames(citizen, 'camera');
  });

  it('passes axe in the call view and ends the session for both', async () => {
    expect(await axeViolations(page, sys.baseUrl)).toEqual([]);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Sitzung für beide beenden' }).click();
    await page.getByRole('heading', { name: 'Meine Termine' }).waitFor();
    await eventually(async () => expect(Object.keys(await remoteTracks(citizen))).toEqual([]));
    const row = await sys.db
      .selectFrom('bookings')
      .select('status')
      .where('id', '=', booking.id)
      .executeTakeFirst();
    expect(row?.status).toBe('completed');
  });
  it('enters an absence over a booked appointment and lists it for rebooking', async () => {
    const later = await sys.createBooking({
      counsellorEmail: 'berater1@example.org',
      startsInMinutes: 3 * 24 * 60,
    });
    await page.getByRole('link', { name: 'Arbeitszeiten' }).click();
    await page.getByRole('heading', { name: 'Arbeitszeiten und Abwesenheiten' }).waitFor();
    await page.getByRole('group', { name: 'Montag' }).waitFor();
    const [start, end] = await page.evaluate(
      ([a, b]) => {
        const local = (ms: number) => {
          const d = new Date(ms);
          const p = (n: number) => String(n).padStart(2, '0');
          return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
        };
        return [local(a! - 3_600_000), local(b! + 3_600_000)];
      },
      [later.start.getTime(), later.end.getTime()],
    );
    await page.getByLabel('Beginn').fill(start!);
    await page.getByLabel('Ende').fill(end!);
    await page.getByRole('button', { name: 'Abwesenheit eintragen' }).click();
    await page.getByText('1 gebuchter Termin fällt in die Abwesenheit').waitFor();
    expect(await axeViolations(page, sys.baseUrl)).toEqual([]);
    const flagged = await sys.db
      .selectFrom('bookings')
      .select('needs_rebooking')
      .where('id', '=', later.id)
      .executeTakeFirstOrThrow();
    expect(flagged.needs_rebooking).toBe(true);
  });

  it('offers an ad-hoc session form that passes axe', async () => {
    await page.getByRole('link', { name: 'Sofort-Termin' }).click();
    await page.getByLabel('Mobilnummer').waitFor();
    expect(await axeViolations(page, sys.baseUrl)).toEqual([]);
  });
});

/** The call's background effect and error, for a failure message. */
function effectState(page: Page): Promise<string> {
  return page.evaluate(() => {
    const cs = (
      window as unknown as { __brCall: { error: { value: string }; background: { value: string } } }
    ).__brCall;
    return `${cs.background.value} ${cs.error.value}`;
  });
}
