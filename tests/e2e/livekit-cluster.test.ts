// A call on a two-node LiveKit cluster (Redis, nginx front): the node selector puts the room on node 2, the
// call works across nodes, and when the node carrying it dies both sides are in a call again on the other node.
import { RoomServiceClient } from 'livekit-server-sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, eventually, expectMoving, join, openHarness, remote } from './lib/call-harness.ts';
import {
  type CreatedBooking,
  launchBrowser,
  type StaffSession,
  type System,
  startSystem,
  systemMissingReason,
} from './lib/system.ts';

const skip = systemMissingReason();

/** Rooms a node's own Prometheus exposition counts. */
async function roomsOn(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  return Number(/^livekit_room_total\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

describe.skipIf(skip)('a call on a two-node LiveKit cluster', () => {
  let sys: System;
  let browser: Browser;
  let booking: CreatedBooking;
  let counsellor: StaffSession;
  let citizenPage: Page;
  let counsellorPage: Page;

  beforeAll(async () => {
    [sys, browser] = await Promise.all([
      startSystem({ livekitCluster: 2 }),
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

  it('lets LiveKit place the booking’s room on the emptier node 2, and the call works there', async () => {
    const cluster = sys.cluster!;
    const [node1, node2] = cluster.nodes;
    // Another room already on node 1: the selector (fewest rooms) must then choose node 2.
    const rooms = new RoomServiceClient(
      cluster.url.replace(/^ws/, 'http'),
      cluster.apiKey,
      cluster.apiSecret,
    );
    await rooms.createRoom({ name: 'other-session', nodeId: node1!.id, emptyTimeout: 600 });
    await eventually(async () => expect(await roomsOn(node1!.metricsUrl)).toBe(1));
    // LiveKit publishes each node's room count to Redis every 2 s; the selector reads it from there.
    await new Promise((r) => setTimeout(r, 4500));

    const citizenTicket = await sys.joinAsCitizen(booking.code);
    expect(citizenTicket.serverUrl).toBe(cluster.url);
    expect(cluster.nodeForRoom(booking.roomName)).toBe(node2!.id);
    expect(await join(citizenPage, citizenTicket)).toBe(booking.roomName);
    await join(counsellorPage, await sys.joinAsCounsellor(booking.id, counsellor));
    await Promise.all([
      expectMoving(citizenPage, 'counsellor/camera'),
      expectMoving(counsellorPage, 'citizen/camera'),
    ]);
    expect(await roomsOn(node2!.metricsUrl)).toBe(1);
    expect(await roomsOn(node1!.metricsUrl)).toBe(1);
  });

  it('brings both sides back into the call on node 1 when node 2 dies, without reloading the page', async () => {
    const cluster = sys.cluster!;
    const [node1, node2] = cluster.nodes;
    const before = await Promise.all(
      [citizenPage, counsellorPage].map((p) => p.evaluate(() => location.href)),
    );
    await node2!.kill();
    const killedAt = Date.now();
    // The promise: a call again within 15 s (livekit-client's full reconnect through the front).
    await eventually(
      async () => {
        expect(cluster.nodeForRoom(booking.roomName)).toBe(node1!.id);
        for (const [page, other] of [
          [citizenPage, 'counsellor'],
          [counsellorPage, 'citizen'],
        ] as const) {
          expect(await events(page)).toContain('reconnected');
          expect((await remote(page))[`${other}/camera`]?.frames).toBeGreaterThan(0);
        }
      },
      15_000 - (Date.now() - killedAt),
    );
    await Promise.all([
      expectMoving(citizenPage, 'counsellor/camera'),
      expectMoving(counsellorPage, 'citizen/camera'),
    ]);
    for (const page of [citizenPage, counsellorPage])
      expect((await events(page)).filter((e) => e.startsWith('disconnected'))).toEqual([]);
    expect(
      await Promise.all([citizenPage, counsellorPage].map((p) => p.evaluate(() => location.href))),
    ).toEqual(before);
  });
});
