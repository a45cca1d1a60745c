// A three-person call in Chromium: citizen, counsellor and a sign-language interpreter invited by the counsellor,
// each with their own token from the app, each receiving the other two's camera and microphone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectMoving, join, openHarness, remote } from './lib/call-harness.ts';
import {
  type JoinTicket,
  launchBrowser,
  type System,
  startSystem,
  systemMissingReason,
} from './lib/system.ts';

const skip = systemMissingReason();

describe.skipIf(skip)('three-person call with an interpreter', () => {
  let sys: System;
  let browser: Browser;
  const roles = ['citizen', 'counsellor', 'interpreter'] as const;
  const pages: Record<(typeof roles)[number], Page> = {} as never;
  let tickets: Record<(typeof roles)[number], JoinTicket>;

  beforeAll(async () => {
    [sys, browser] = await Promise.all([
      startSystem(),
      launchBrowser({ args: ['--autoplay-policy=no-user-gesture-required'] }),
    ]);
    const opened = await Promise.all([0, 1, 2].map(() => openHarness(browser, sys.baseUrl)));
    pages.citizen = opened[0]!.page;
    pages.counsellor = opened[1]!.page;
    pages.interpreter = opened[2]!.page;
  });
  afterAll(async () => {
    await browser?.close();
    if (sys && process.env.E2E_VERBOSE) console.log(sys.logs.join('\n'));
    await sys?.stop();
  });

  it('lets the counsellor invite an interpreter, who gets a ticket of their own for the same room', async () => {
    const operator = await sys.login('admin@example.org');
    const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
    const created = await sys.fetch('/api/admin/interpreters', {
      method: 'POST',
      headers: { ...operator.headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'DGS-Dolmetscherin',
        phone: '0151 33333333',
        languages: ['dgs'],
        hours: allWeek,
      }),
    });
    expect(created.status).toBe(201);

    const booking = await sys.createBooking();
    const counsellor = await sys.login(booking.counsellorEmail);
    const invited = await sys.fetch(`/api/staff/bookings/${booking.id}/interpreter`, {
      method: 'POST',
      headers: { ...counsellor.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'dgs' }),
    });
    expect(invited.status).toBe(201);
    const { joinUrl } = (await invited.json()) as { joinUrl: string };
    const interpreterCode = joinUrl.split('/j/')[1] as string;

    tickets = {
      citizen: await sys.joinAsCitizen(booking.code),
      counsellor: await sys.joinAsCounsellor(booking.id, counsellor),
      interpreter: await sys.joinAsCitizen(interpreterCode),
    };
    expect(tickets.interpreter.role).toBe('interpreter');
    expect(new Set(Object.values(tickets).map((t) => t.room))).toEqual(new Set([booking.roomName]));
    expect(new Set(Object.values(tickets).map((t) => t.identity)).size).toBe(3);
  });

  it('connects all three to the one room', async () => {
    for (const role of roles) expect(await join(pages[role], tickets[role])).toBe(tickets[role].room);
  });

  it('each receives the other two cameras', async () => {
    await Promise.all(
      roles.flatMap((me) =>
        roles.filter((other) => other !== me).map((other) => expectMoving(pages[me], `${other}/camera`)),
      ),
    );
  }, 120_000);

  it('each hears the other two', async () => {
    await eventually(async () => {
      for (const me of roles) {
        const r = await remote(pages[me]);
        for (const other of roles.filter((o) => o !== me)) {
          expect(r[`${other}/microphone`]?.bytes).toBeGreaterThan(1000);
        }
      }
    });
  });
});
