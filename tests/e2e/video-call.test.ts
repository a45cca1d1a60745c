// A real call in Chromium: citizen and counsellor join one LiveKit room with tokens from the app running in
// workerd, see and hear each other, the counsellor shares a screen, LiveKit's webhooks reach the database.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, eventually, expectMoving, join, openHarness, remote } from './lib/call-harness.ts';
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
