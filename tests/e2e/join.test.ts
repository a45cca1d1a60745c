// The join page with the real LiveKit server: three clicks from the SMS link to a decoding picture of the
// counsellor, data saver and audio only changing what is published and received, a dropped line and the
// reconnect, leaving into the survey, and what the page says outside the join window.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  counsellorJoin,
  counsellorLeave,
  counsellorPeers,
  counsellorScreen,
  eventually,
  expectDecoding,
  flowingVideo,
  openCounsellor,
  publishedTracks,
  rtpStats,
  TRACK_PEER_CONNECTIONS,
} from './citizen-helpers.ts';
import {
  type CreatedBooking,
  launchBrowser,
  type System,
  startSystem,
  systemMissingReason,
} from './lib/system.ts';

const skip = systemMissingReason();

describe.skipIf(skip)('join page with the real LiveKit server', () => {
  let sys: System;
  let browser: Browser;
  let citizen: BrowserContext;
  let page: Page;
  let counsellorPage: Page;
  let booking: CreatedBooking;

  beforeAll(async () => {
    [sys, browser] = await Promise.all([
      startSystem(),
      launchBrowser({ args: ['--autoplay-policy=no-user-gesture-required'] }),
    ]);
    citizen = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await citizen.addInitScript(TRACK_PEER_CONNECTIONS);
    booking = await sys.createBooking();
    ({ page: counsellorPage } = await openCounsellor(browser, sys.baseUrl));
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
  });

  const status = () => page.locator('p.status').textContent();

  it('takes three clicks from the link to the decoding video of the counsellor', async () => {
    page = await citizen.newPage();
    // Click 1: the link from the SMS.
    await page.goto(booking.joinUrl);
    await page.waitForSelector('text=Aufzeichnungen sind verboten und strafbar');
    expect(await page.locator('.when').textContent()).toMatch(/\d{2}:\d{2}–\d{2}:\d{2} Uhr/);
    // The checks arrive after the first paint: self-view, level meter, connection verdict.
    await page.waitForSelector('meter#level');
    await page.waitForSelector('video.self');
    await eventually(async () =>
      expect(await page.locator('.check p[role=status]').textContent()).toMatch(/Verbindung ist gut/),
    );
    // Click 2: allow the camera and join.
    await page.getByRole('button', { name: 'Kamera erlauben und beitreten' }).click();
    await eventually(async () => expect(await status()).toContain('Warteraum'));
    expect(await page.locator('.call .notice h2').textContent()).toBe(
      'Hinweis: Aufzeichnungen sind verboten',
    );

    const staff = await sys.login(booking.counsellorEmail);
    const ticket = await sys.joinAsCounsellor(booking.id, staff);
    expect(await counsellorJoin(counsellorPage, ticket)).toBe(booking.roomName);
    // Click 3 is none: the call is there.
    await eventually(async () => expect(await status()).toContain('Sie sind mit Ihrer Beraterin'));
    await expectDecoding(page, 'video.main');
    await eventually(async () =>
      expect(await counsellorPeers(counsellorPage)).toEqual([
        { identity: `citizen:${booking.id}`, camera: true },
      ]),
    );
    const published = await publishedTracks(sys, booking.roomName, 'citizen:');
    expect(published.map((t) => t.type).sort()).toEqual(['audio', 'video']);
    expect(Math.max(...published.find((t) => t.type === 'video')!.layers)).toBe(360);
  });

  it("shows the counsellor's screen share large and their camera small while it lasts", async () => {
    await counsellorScreen(counsellorPage, true);
    const screen = 'video.main[aria-label="Bildschirm Ihrer Beraterin oder Ihres Beraters"]';
    await expectDecoding(page, screen);
    await expectDecoding(page, 'video.thumb.peer');
    await counsellorScreen(counsellorPage, false);
    await eventually(async () => expect(await page.locator(screen).count()).toBe(0));
    await expectDecoding(page, 'video.main[aria-label="Video Ihrer Beraterin oder Ihres Beraters"]');
  });

  it('data saver publishes at most 180p, receives the low layer and shows a smaller estimate', async () => {
    const estimateBefore = await page.locator('.call > p.muted').textContent();
    await page.getByRole('button', { name: 'Datensparmodus' }).click();
    expect(await page.getByRole('button', { name: 'Datensparmodus' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await eventually(async () => {
      const video = (await publishedTracks(sys, booking.roomName, 'citizen:')).filter(
        (t) => t.type === 'video',
      );
      expect(video).toHaveLength(1);
      expect(Math.max(...video[0]!.layers, video[0]!.height)).toBeLessThanOrEqual(180);
    });
    await eventually(async () => {
      const sent = await flowingVideo(page, 'outbound-rtp');
      expect(sent.length).toBeGreaterThan(0);
      for (const s of sent) expect(s.frameHeight ?? 0).toBeLessThanOrEqual(180);
      const received = await flowingVideo(page, 'inbound-rtp');
      expect(received.length).toBeGreaterThan(0);
      for (const r of received) expect(r.frameHeight ?? 0).toBeLessThanOrEqual(180);
    }, 25_000);
    expect(await page.locator('.call > p.muted').textContent()).not.toBe(estimateBefore);
    await expectDecoding(page, 'video.main');
  });

  it('audio only publishes no video and receives none, yet sound keeps flowing', async () => {
    await page.getByRole('button', { name: 'Nur Ton' }).click();
    await eventually(async () => {
      const tracks = await publishedTracks(sys, booking.roomName, 'citizen:');
      expect(tracks.map((t) => t.type)).toEqual(['audio']);
    });
    await eventually(async () => {
      expect(await flowingVideo(page, 'outbound-rtp')).toEqual([]);
      expect(await flowingVideo(page, 'inbound-rtp')).toEqual([]);
    }, 20_000);
    const audio = async () =>
      (await rtpStats(page)).filter((s) => s.kind === 'audio').reduce((n, s) => n + s.bytes, 0);
    const before = await audio();
    await eventually(async () => expect(await audio()).toBeGreaterThan(before + 2000));
    expect(await page.locator('.placeholder').textContent()).toContain('Kein Videobild');
    expect(await page.locator('.call > p.muted').textContent()).toMatch(/ca\. 18 MB/);

    await page.getByRole('button', { name: 'Nur Ton' }).click();
    await page.getByRole('button', { name: 'Datensparmodus' }).click();
    await eventually(async () => {
      const video = (await publishedTracks(sys, booking.roomName, 'citizen:')).filter(
        (t) => t.type === 'video',
      );
      expect(Math.max(...(video[0]?.layers ?? [0]))).toBe(360);
    });
    await expectDecoding(page, 'video.main');
  });

  it('a bitrate cap of 400 kbit/s publishes at most 180p, one of 250 kbit/s no camera at all', async () => {
    const videoHeights = async () =>
      (await publishedTracks(sys, booking.roomName, 'citizen:'))
        .filter((t) => t.type === 'video')
        .map((t) => Math.max(t.height, ...t.layers));
    await page.selectOption('#cap', '400');
    await eventually(async () => expect(await videoHeights()).toEqual([180]));
    expect(await page.locator('.call > p.muted').textContent()).toMatch(/ca\. 81 MB/);
    await page.selectOption('#cap', '250');
    await eventually(async () => expect(await videoHeights()).toEqual([]));
    await page.selectOption('#cap', '');
    await eventually(async () => expect(await videoHeights()).toEqual([360]));
  });

  it('says "reconnecting" while the line is down and "reconnected" once it is back', async () => {
    try {
      await citizen.setOffline(true);
      await eventually(
        async () => expect(await status()).toContain('Die Verbindung ist unterbrochen'),
        20_000,
      );
      await citizen.setOffline(false);
      await eventually(async () => expect(await status()).toContain('Wieder verbunden.'), 30_000);
    } finally {
      await citizen.setOffline(false);
    }
    await expectDecoding(page, 'video.main');
  });

  it('leaving leads to the survey; the answer is stored once', async () => {
    await page.getByRole('button', { name: 'Gespräch verlassen' }).click();
    await page.waitForSelector('text=Das Gespräch ist beendet.');
    await page.getByLabel('Ja').check();
    await page.getByLabel('4').check();
    await page.fill('#comment', 'Hat gut geklappt.');
    await page.getByRole('button', { name: 'Antwort senden' }).click();
    await page.waitForSelector('text=Vielen Dank für Ihre Antwort!');
    const row = await sys.db
      .selectFrom('survey_responses')
      .selectAll()
      .where('booking_id', '=', booking.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ recommend: true, ease_of_use: 4, comment: 'Hat gut geklappt.' });
    const again = await sys.fetch('/api/survey', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: booking.code, recommend: false, easeOfUse: 1 }),
    });
    expect(again.status).toBe(409);
    await counsellorLeave(counsellorPage);
  });

  it('before the window opens it says when to come back; cancelled and unknown links say so', async () => {
    const later = await sys.createBooking({ startsInMinutes: 24 * 60 });
    const p = await citizen.newPage();
    await p.goto(later.joinUrl);
    await p.waitForSelector('text=Der Videoraum öffnet am');
    expect(await p.getByRole('button', { name: 'Kamera erlauben und beitreten' }).count()).toBe(0);
    const cancelled = await sys.createBooking({ startsInMinutes: 48 * 60, status: 'cancelled' });
    await p.goto(cancelled.joinUrl);
    await p.waitForSelector('text=Dieser Termin wurde abgesagt.');
    await p.goto(`${sys.baseUrl}/j/AAAAAAAAAAAAAAAAAAAAAA`);
    await p.waitForSelector('text=Dieser Link ist ungültig.');
    await p.close();
  });
});
