// A real call in Chromium: citizen and counsellor join one LiveKit room with tokens from the app running in
// workerd, see and hear each other, the counsellor shares a screen, LiveKit's webhooks reach the database.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CreatedBooking,
  type JoinTicket,
  launchBrowser,
  type StaffSession,
  type System,
  startSystem,
  systemMissingReason,
} from './lib/system.ts';

const skip = systemMissingReason();
const LIVEKIT_UMD = readFileSync(resolve('node_modules/livekit-client/dist/livekit-client.umd.js'), 'utf8');

/**
 * A test-only driver, loaded after the livekit-client bundle into a blank document on the app's origin:
 * it joins with a token and records what each remote track delivers.
 */
const HARNESS = `
const { Room, RoomEvent, Track } = LivekitClient;
window.calls = {
  room: null,
  remote: {},
  events: [],
  async join(url, token) {
    const room = new Room({ adaptiveStream: false, dynacast: false });
    this.room = room;
    room.on(RoomEvent.TrackSubscribed, (track, _pub, participant) => {
      const key = participant.identity.split(':')[0] + '/' + track.source;
      const info = { kind: track.kind, frames: 0, width: 0, bytes: 0, energy: 0, samples: 0 };
      this.remote[key] = info;
      const el = track.attach();
      document.body.appendChild(el);
      if (track.kind === 'video') {
        const tick = (_now, meta) => {
          info.frames = meta.presentedFrames;
          info.width = el.videoWidth;
          el.requestVideoFrameCallback(tick);
        };
        el.requestVideoFrameCallback(tick);
      } else {
        const poll = async () => {
          const s = await track.getReceiverStats();
          if (s) { info.bytes = s.bytesReceived || 0; info.energy = s.totalAudioEnergy || 0; info.samples = s.totalSamplesDuration || 0; }
        };
        setInterval(poll, 250);
      }
    });
    room.on(RoomEvent.Disconnected, (reason) => this.events.push('disconnected:' + reason));
    room.on(RoomEvent.ParticipantConnected, (p) => this.events.push('joined:' + p.identity.split(':')[0]));
    room.on(RoomEvent.ParticipantDisconnected, (p) => this.events.push('left:' + p.identity.split(':')[0]));
    await room.connect(url, token);
    await room.localParticipant.enableCameraAndMicrophone();
    return room.name;
  },
  /** A moving canvas published as a screen share: what getDisplayMedia would deliver. */
  async shareCanvas() {
    const canvas = document.createElement('canvas');
    canvas.width = 640; canvas.height = 360;
    const ctx = canvas.getContext('2d');
    let n = 0;
    setInterval(() => {
      ctx.fillStyle = 'hsl(' + (n++ * 7) % 360 + ',60%,50%)';
      ctx.fillRect(0, 0, 640, 360);
      ctx.fillStyle = '#fff';
      ctx.fillText('Formular ' + n, 20 + (n % 500), 180);
    }, 66);
    const track = canvas.captureStream(15).getVideoTracks()[0];
    const pub = await this.room.localParticipant.publishTrack(track, { source: Track.Source.ScreenShare, name: 'screen' });
    return pub.trackSid;
  },
  async leave() { await this.room.disconnect(); },
};
`;

/**
 * Opens a blank page whose origin and address space are the app's (loopback, like production's same-site
 * setup): Chromium lets such a page reach the LiveKit server on loopback, which a page faked by request
 * interception may not. The app's CSP only covers what the app serves, so this context bypasses it.
 */
async function openHarness(
  browser: Browser,
  baseUrl: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  if (process.env.E2E_VERBOSE) {
    page.on('console', (m) => console.log(`[page] ${m.text()}`));
    page.on('requestfailed', (r) => console.log(`[page] failed ${r.url()} ${r.failure()?.errorText}`));
  }
  await page.goto(`${baseUrl}/healthz`);
  await page.setContent('<!doctype html><html><head><title>call harness</title></head><body></body></html>');
  await page.addScriptTag({ content: LIVEKIT_UMD });
  await page.addScriptTag({ content: HARNESS });
  await page.waitForFunction(() => 'calls' in window);
  return { context, page };
}

type Remote = Record<string, { kind: string; frames: number; width: number; bytes: number; energy: number }>;
const remote = (page: Page) =>
  page.evaluate(() => (window as unknown as { calls: { remote: Remote } }).calls.remote);
const events = (page: Page) =>
  page.evaluate(() => (window as unknown as { calls: { events: string[] } }).calls.events);
const join = (page: Page, t: JoinTicket) =>
  page.evaluate(
    ([url, token]) =>
      (window as unknown as { calls: { join(u: string, t: string): Promise<string> } }).calls.join(
        url!,
        token!,
      ),
    [t.serverUrl, t.token],
  );

/** Polls until `check` passes (it throws until then), for at most `ms`. */
async function eventually<T>(check: () => Promise<T>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Frames keep arriving: two readings a moment apart, the second higher. */
async function expectMoving(page: Page, key: string): Promise<void> {
  const first = await eventually(async () => {
    const r = (await remote(page))[key];
    expect(r?.width).toBeGreaterThan(0);
    expect(r?.frames).toBeGreaterThan(0);
    return r!.frames;
  });
  await eventually(async () => expect((await remote(page))[key]?.frames).toBeGreaterThan(first + 5));
}

describe.skipIf(skip)('video call in Chromium with the real LiveKit server', () => {
  let sys: System;
  let browser: Browser;
  let booking: CreatedBooking;
  let counsellor: StaffSession;
  let citizenPage: Page;
  let counsellorPage: Page;
  let next: CreatedBooking;
  let nextCitizen: Page;

  beforeAll(async () => {
    [sys, browser] = await Promise.all([
      startSystem(),
      launchBrowser({ args: ['--autoplay-policy=no-user-gesture-required'] }),
    ]);
    booking = await sys.createBooking();
    counsellor = await sys.login(booking.counsellorEmail);
    [{ page: citizenPage }, { page: counsellorPage }] = await Promise.all([
      openHarness(browser, sys.baseUrl),
      openHarness(browser, sys.baseUrl),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    if (sys && process.env.E2E_VERBOSE) console.log(sys.logs.join('\n'));
    await sys?.stop();
  });

  const presence = async () =>
    (await sys.fetch(`/api/staff/bookings/${booking.id}/presence`, { headers: counsellor.headers })).json();
  const status = async () =>
    (
      await sys.fetch('/api/join/status', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: booking.code }),
      })
    ).json();

  it('lets the citizen in first and shows them waiting to the counsellor', async () => {
    const ticket = await sys.joinAsCitizen(booking.code);
    expect(ticket.waiting).toBe(true);
    expect(ticket.notice.text).toMatch(/§ 201 StGB/);
    expect(await join(citizenPage, ticket)).toBe(booking.roomName);
    await eventually(async () => expect(await presence()).toMatchObject({ citizenWaiting: true }));
    expect((await status()).counsellorPresent).toBe(false);
  });

  it('connects the counsellor to the same room; both see and hear each other', async () => {
    const ticket = await sys.joinAsCounsellor(booking.id, counsellor);
    expect(ticket.room).toBe(booking.roomName);
    await join(counsellorPage, ticket);
    await Promise.all([
      expectMoving(citizenPage, 'counsellor/camera'),
      expectMoving(counsellorPage, 'citizen/camera'),
    ]);
    await eventually(async () => {
      for (const page of [citizenPage, counsellorPage]) {
        const r = await remote(page);
        const audio = Object.entries(r).find(([k]) => k.endsWith('/microphone'))?.[1];
        expect(audio?.bytes).toBeGreaterThan(1000);
        expect(audio?.energy).toBeGreaterThan(0);
      }
    });
    await eventually(async () => expect((await status()).counsellorPresent).toBe(true));
    expect(await presence()).toMatchObject({ citizen: { present: true }, counsellor: { present: true } });
  });

  it('shows the counsellor’s shared screen to the citizen', async () => {
    await counsellorPage.evaluate(() =>
      (window as unknown as { calls: { shareCanvas(): Promise<string> } }).calls.shareCanvas(),
    );
    await expectMoving(citizenPage, 'counsellor/screen_share');
  });

  it('ends the session for both when the counsellor ends it, and the webhooks record it', async () => {
    const res = await sys.fetch(`/api/staff/bookings/${booking.id}/end`, {
      method: 'POST',
      headers: counsellor.headers,
    });
    expect(res.status).toBe(200);
    await eventually(async () => {
      expect((await events(citizenPage)).some((e) => e.startsWith('disconnected'))).toBe(true);
      expect((await events(counsellorPage)).some((e) => e.startsWith('disconnected'))).toBe(true);
    });
    const session = await eventually(async () => {
      const s = await sys.db
        .selectFrom('room_sessions')
        .selectAll()
        .where('booking_id', '=', booking.id)
        .executeTakeFirstOrThrow();
      expect(s.finished_at).not.toBeNull();
      return s;
    });
    expect(session.max_participants).toBe(2);
    const recorded = await eventually(async () => {
      const rows = await sys.db
        .selectFrom('participant_events')
        .select(['role', 'event'])
        .where('booking_id', '=', booking.id)
        .execute();
      expect(rows.filter((r) => r.event === 'left')).toHaveLength(2);
      return rows;
    });
    expect(recorded.map((r) => `${r.role}:${r.event}`).sort()).toEqual([
      'citizen:joined',
      'citizen:left',
      'counsellor:joined',
      'counsellor:left',
    ]);
    const row = await sys.db
      .selectFrom('bookings')
      .select(['status', 'citizen_joined_at', 'counsellor_joined_at', 'ended_at'])
      .where('id', '=', booking.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('completed');
    expect(row.citizen_joined_at).not.toBeNull();
    expect(row.counsellor_joined_at).not.toBeNull();
    expect(row.ended_at).not.toBeNull();
    const again = await sys.fetch('/api/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: booking.code }),
    });
    expect(again.status).toBe(410);
  });

  it('answers 503 video_unavailable while LiveKit is down and lets people join once it is back', async () => {
    next = await sys.createBooking();
    const post = () =>
      sys.fetch('/api/join', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: next.code }),
      });
    await sys.livekit!.stop();
    try {
      const down = await post();
      expect(down.status).toBe(503);
      expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await down.json()).toMatchObject({ code: 'video_unavailable' });
      expect((await sys.fetch('/readyz')).status).toBe(200);
    } finally {
      await sys.livekit!.start();
    }
    const up = await post();
    expect(up.status).toBe(200);
    ({ page: nextCitizen } = await openHarness(browser, sys.baseUrl));
    expect(await join(nextCitizen, (await up.json()) as JoinTicket)).toBe(next.roomName);
  });

  it('refuses a screen share from the citizen and lets the counsellor remove the citizen', async () => {
    const session = await sys.login(next.counsellorEmail);
    const { page } = await openHarness(browser, sys.baseUrl);
    await join(page, await sys.joinAsCounsellor(next.id, session));
    const attempt = await nextCitizen.evaluate(() =>
      (window as unknown as { calls: { shareCanvas(): Promise<string> } }).calls.shareCanvas().then(
        (sid) => `published ${sid}`,
        (e: Error) => `refused: ${e.message}`,
      ),
    );
    expect(attempt).toMatch(/^refused/);
    expect(Object.keys(await remote(page))).not.toContain('citizen/screen_share');
    const res = await sys.fetch(`/api/staff/bookings/${next.id}/remove-participant`, {
      method: 'POST',
      headers: { ...session.headers, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(res.status).toBe(200);
    // DisconnectReason.PARTICIPANT_REMOVED
    await eventually(async () => expect(await events(nextCitizen)).toContain('disconnected:4'));
    await eventually(async () => expect(await events(page)).toContain('left:citizen'));
  });
});
