// Capacity that follows a real two-node LiveKit cluster: nodes registered, live load from their metrics, a node

// in maintenance or found down lowers capacity and flags what no longer fits, bad input changes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NodeView } from '../../contract/admin/nodes.ts';
import { checkLivekitNodes } from '../../functions/capacity/node-health.ts';
import { MEASURED } from '../../functions/capacity/node-sizing.ts';
import { hashPassword } from '../../functions/staff/password.ts';
import { liveKitBuilt } from '../../scripts/lib/livekit.ts';
import { type LivekitCluster, startLivekitCluster } from '../../scripts/lib/livekit-cluster.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { seedScheduling } from '../helpers/scheduling.ts';

const PASSWORD = 'operator-password';
const skip = !liveKitBuilt() && process.env.CI !== 'true';
let tdb: TestDatabase;
let t: TestApp;
let cluster: LivekitCluster;
let operator: Record<string, string>;
let counsellor: Record<string, string>;
const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));
const SLOT = '2026-12-03T10:00:00+01:00';

async function login(email: string): Promise<Record<string, string>> {
  const res = await t.request('/api/auth/login', { method: 'POST', json: { email, password: PASSWORD } });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] as string, 'x-csrf-token': csrfToken };
}

const send = (method: string, path: string, json?: unknown, headers = operator) =>
  t.request(path, { method, headers, ...(json === undefined ? {} : { json }) });

async function register(name: string, node: LivekitCluster['nodes'][number], capacity: number) {
  const res = await send('POST', '/api/admin/livekit-nodes', {
    name,
    url: node.url,
    metricsUrl: node.metricsUrl,
    capacity,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { node: NodeView }).node;
}

async function maxSessions(): Promise<number> {
  const res = await t.request('/api/admin/capacity', { headers: operator });
  return ((await res.json()) as { maxConcurrentSessions: number }).maxConcurrentSessions;
}

async function slotsAt10(): Promise<number> {
  const res = await t.request('/api/slots?service=arbeitslosengeld&from=2026-12-03&to=2026-12-03');
  const body = (await res.json()) as { days: { slots: { start: string }[] }[] };
  return (body.days[0]?.slots ?? []).filter((s) => s.start.slice(11, 16) === '10:00').length;
}

async function book(): Promise<string> {
  const res = await t.request('/api/bookings', {
    method: 'POST',
    json: { service: 'arbeitslosengeld', start: SLOT, phone: '+4915123456789', consent: true },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { booking: { id: string } }).booking.id;
}

describe.skipIf(skip)('LiveKit nodes and the capacity that follows them', () => {
  beforeAll(async () => {
    [tdb, cluster] = await Promise.all([createTestDatabase(), startLivekitCluster({ nodes: 2 })]);
    t = createTestApp(tdb, { clock });
    const passwordHash = await hashPassword(PASSWORD, 1000);
    await seedScheduling(tdb.db, {
      counsellors: 3,
      capacity: 8,
      slotStepMinutes: 30,
      passwordHash,
      emailPrefix: 'lkn',
    });
    await tdb.db
      .insertInto('staff_users')
      .values({
        email: 'ops@example.org',
        display_name: 'Ops',
        password_hash: passwordHash,
        role: 'operator',
      })
      .execute();
    operator = await login('ops@example.org');
    counsellor = await login('lkn-0@example.org');
  });
  beforeEach(async () => {
    await tdb.db.deleteFrom('outbox_messages').execute();
    await tdb.db.updateTable('bookings').set({ rescheduled_from: null }).execute();
    await tdb.db.deleteFrom('bookings').execute();
    await tdb.db.deleteFrom('capacity_buckets').execute();
    await tdb.db.deleteFrom('livekit_nodes').execute();
    await tdb.db
      .updateTable('capacity_settings')
      .set({ max_concurrent_sessions: 8, adhoc_reserve: 0 })
      .execute();
  });
  afterAll(async () => {
    await cluster?.stop();
    await tdb?.close();
  });

  it('takes the bookable capacity from the nodes and shows each node’s live load', async () => {
    const [n1, n2] = cluster.nodes;
    const a = await register('lk-a', n1!, 2);
    expect(a).toMatchObject({ name: 'lk-a', capacity: 2, state: 'in_service' });
    await register('lk-b', n2!, 1);
    expect(await maxSessions()).toBe(3);
    expect(await slotsAt10()).toBe(1);
    const list = await t.request('/api/admin/livekit-nodes', { headers: operator });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { nodes: NodeView[]; capacity: number; capacityInService: number };
    expect(body).toMatchObject({ capacity: 3, capacityInService: 3 });
    expect(body.nodes.map((n) => [n.name, n.reachable, n.load])).toEqual([
      ['lk-a', true, { rooms: 0, participants: 0 }],
      ['lk-b', true, { rooms: 0, participants: 0 }],
    ]);
    // The maximum follows the nodes: typing another one in is refused.
    const put = await send('PUT', '/api/admin/capacity', { maxConcurrentSessions: 10 });
    expect(put.status).toBe(409);
    expect(await maxSessions()).toBe(3);
    expect(
      (await send('PUT', '/api/admin/capacity', { maxConcurrentSessions: 3, adhocReserve: 1 })).status,
    ).toBe(200);
  });

  it('lowers capacity for a node in maintenance and flags the bookings that no longer fit', async () => {
    const [n1, n2] = cluster.nodes;
    const a = await register('lk-a', n1!, 2);
    await register('lk-b', n2!, 1);
    const booked = [await book(), await book(), await book()];
    const res = await send('PUT', `/api/admin/livekit-nodes/${a.id}/maintenance`, {
      start: '2026-12-03T09:00:00+01:00',
      end: '2026-12-03T12:00:00+01:00',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { flaggedBookings: number }).flaggedBookings).toBe(2);
    const rows = await tdb.db
      .selectFrom('bookings')
      .select(['id', 'status', 'needs_rebooking', 'needs_rebooking_reason'])
      .execute();
    expect(rows.every((r) => r.status === 'confirmed')).toBe(true);
    // The earliest booking keeps its place, as with any maintenance window.
    expect(
      rows
        .filter((r) => r.needs_rebooking)
        .map((r) => r.id)
        .sort(),
    ).toEqual(booked.slice(1).sort());
    expect(
      rows.filter((r) => r.needs_rebooking).every((r) => r.needs_rebooking_reason === 'maintenance_window'),
    ).toBe(true);
    const rebooking = await t.request('/api/admin/rebooking-needed', { headers: operator });
    expect(((await rebooking.json()) as { bookings: unknown[] }).bookings).toHaveLength(2);
    // The window is the node's: listed for the operator, not deletable by hand.
    const windows = (await (
      await t.request('/api/admin/maintenance-windows', { headers: operator })
    ).json()) as {
      maintenanceWindows: { id: string; capacity: number; note: string }[];
    };
    expect(windows.maintenanceWindows).toMatchObject([
      { capacity: 1, note: 'LiveKit node lk-a: maintenance' },
    ]);
    expect(
      (await send('DELETE', `/api/admin/maintenance-windows/${windows.maintenanceWindows[0]!.id}`)).status,
    ).toBe(404);
    const audit = await tdb.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'like', 'livekit_node.%')
      .execute();
    expect(audit).toContainEqual({ action: 'livekit_node.maintenance_set', entity_id: a.id });

    const back = await send('DELETE', `/api/admin/livekit-nodes/${a.id}/maintenance`);
    expect(back.status).toBe(200);
    expect(((await back.json()) as { node: NodeView }).node.state).toBe('in_service');
    expect(await tdb.db.selectFrom('maintenance_windows').select('id').execute()).toEqual([]);
  });

  it('counts a node that stops answering as down until it answers again', async () => {
    const [n1, n2] = cluster.nodes;
    await register('lk-a', n1!, 2);
    const b = await register('lk-b', n2!, 1);
    await n2!.kill();
    try {
      const found = await checkLivekitNodes(t.deps, clock.now());
      expect(found).toMatchObject({ nodes: 2, down: 1, changed: 1 });
      const list = (await (await t.request('/api/admin/livekit-nodes', { headers: operator })).json()) as {
        nodes: NodeView[];
        capacityInService: number;
      };
      expect(list.nodes.find((n) => n.id === b.id)).toMatchObject({ state: 'down', reachable: false });
      expect(list.capacityInService).toBe(2);
      const windows = await tdb.db
        .selectFrom('maintenance_windows')
        .select(['capacity', 'livekit_node_id'])
        .execute();
      expect(windows).toEqual([{ capacity: 2, livekit_node_id: b.id }]);
      // A second look while it is still down changes nothing.
      expect(await checkLivekitNodes(t.deps, clock.now())).toMatchObject({ down: 1, changed: 0 });
    } finally {
      await n2!.start();
    }
    // The node's id is new after a restart; the app knows it by its address.
    expect(await checkLivekitNodes(t.deps, clock.now())).toMatchObject({ down: 0, changed: 1 });
    expect(await tdb.db.selectFrom('maintenance_windows').select('id').execute()).toEqual([]);
    const audit = await tdb.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', b.id)
      .execute();
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(['livekit_node.down', 'livekit_node.up']),
    );
  });

  it('recommends a capacity for a node of a given core count from the measured figure', async () => {
    const res = await t.request('/api/admin/livekit-nodes/recommendation?cores=16', { headers: operator });
    expect(res.status).toBe(200);
    const rec = (await res.json()) as { capacity: number; sessionsPerCore: number };
    expect(rec.sessionsPerCore).toBe(MEASURED.profiles.standard.sessionsPerCore);
    expect(rec.capacity).toBe(
      Math.floor(MEASURED.profiles.standard.sessionsPerCore * 16 * MEASURED.headroom),
    );
    const derived = await send('POST', '/api/admin/livekit-nodes', {
      name: 'lk-16',
      url: 'ws://198.18.15.99:7880',
      cores: 16,
    });
    expect(derived.status).toBe(201);
    expect(((await derived.json()) as { node: NodeView }).node.capacity).toBe(rec.capacity);
    const bad = await t.request('/api/admin/livekit-nodes/recommendation?cores=0', { headers: operator });
    // A bad query is a 400 in this API (tests/integration/bad-input.test.ts).
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('invalid_request');
  });

  it.each<[string, string, string, unknown, number]>([
    ['an empty name', 'POST', '', { name: ' ', url: 'ws://198.18.15.11:7880', capacity: 1 }, 422],
    ['a URL of another scheme', 'POST', '', { name: 'x', url: 'ftp://198.18.15.11/', capacity: 1 }, 422],
    ['a negative capacity', 'POST', '', { name: 'x', url: 'ws://198.18.15.11:7880', capacity: -1 }, 422],
    ['neither capacity nor cores', 'POST', '', { name: 'x', url: 'ws://198.18.15.11:7880' }, 422],
    ['a duplicate name', 'POST', '', { name: 'lk-a', url: 'ws://198.18.15.12:7880', capacity: 1 }, 409],
    ['an empty change', 'PATCH', '/ID', {}, 422],
    ['an unknown node', 'PATCH', '/00000000-0000-4000-8000-000000000000', { capacity: 1 }, 404],
    [
      'a maintenance ending before it starts',
      'PUT',
      '/ID/maintenance',
      { start: SLOT, end: '2026-12-03T08:00:00+01:00' },
      422,
    ],
    ['a maintenance already over', 'PUT', '/ID/maintenance', { end: '2026-11-01T08:00:00+01:00' }, 422],
  ])('rejects %s as problem+json and changes nothing', async (_n, method, suffix, json, status) => {
    const a = await register('lk-a', cluster.nodes[0]!, 2);
    const res = await send(method, `/api/admin/livekit-nodes${suffix.replace('ID', a.id)}`, json);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const rows = await tdb.db
      .selectFrom('livekit_nodes')
      .select(['name', 'capacity', 'maintenance'])
      .execute();
    expect(rows).toEqual([{ name: 'lk-a', capacity: 2, maintenance: null }]);
    expect(await maxSessions()).toBe(2);
  });

  it('is for operators only', async () => {
    expect((await t.request('/api/admin/livekit-nodes')).status).toBe(401);
    expect((await t.request('/api/admin/livekit-nodes', { headers: counsellor })).status).toBe(403);
    const res = await send(
      'POST',
      '/api/admin/livekit-nodes',
      { name: 'x', url: 'ws://198.18.15.11:7880', capacity: 1 },
      counsellor,
    );
    expect(res.status).toBe(403);
  });
});
