// Operator edits whose success answers no other suite captures, so the contract check sees their real shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createStaff, login, type Session } from '../helpers/staff-fixtures.ts';

let tdb: TestDatabase;
let t: TestApp;
let ops: Session;
let counsellorId: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, { clock: new TestClock(new Date('2026-12-03T08:00:00Z')) });
  await createStaff(tdb.db, { email: 'ops@example.org', role: 'operator', counsels: false });
  counsellorId = (await createStaff(tdb.db, { email: 'anna@example.org' })).counsellorId as string;
  ops = await login(t, 'ops@example.org');
});
afterAll(() => tdb?.close());

const send = (method: string, path: string, json?: unknown) =>
  t.request(path, {
    method,
    headers: ops.headers(method !== 'GET'),
    ...(json === undefined ? {} : { json }),
  });

describe('answers checked against the generated document', () => {
  it('renames a site and moves it to another federal state', async () => {
    const created = await send('POST', '/api/admin/sites', { name: 'Nord', federalState: 'BE' });
    expect(created.status).toBe(201);
    const { site } = (await created.json()) as { site: { id: string } };
    const res = await send('PUT', `/api/admin/sites/${site.id}`, { name: 'Nord 2', federalState: 'BY' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      site: { name: 'Nord 2', federalState: 'BY' },
      flaggedBookings: 0,
    });
  });

  it('changes an interpreter', async () => {
    const created = await send('POST', '/api/admin/interpreters', {
      name: 'Ayşe Yılmaz',
      phone: '+4915111111111',
      languages: ['tr'],
    });
    expect(created.status).toBe(201);
    const { interpreter } = (await created.json()) as { interpreter: { id: string } };
    const res = await send('PUT', `/api/admin/interpreters/${interpreter.id}`, { languages: ['tr', 'ku'] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ interpreter: { languages: ['tr', 'ku'] } });
  });

  it('changes and removes a video node', async () => {
    const created = await send('POST', '/api/admin/livekit-nodes', {
      name: 'lk-x',
      url: 'ws://198.18.0.1:7880',
      capacity: 2,
    });
    expect(created.status).toBe(201);
    const { node } = (await created.json()) as { node: { id: string } };
    const patched = await send('PATCH', `/api/admin/livekit-nodes/${node.id}`, {
      capacity: 3,
      note: 'Rack 2',
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ node: { capacity: 3, note: 'Rack 2' } });
    const removed = await send('DELETE', `/api/admin/livekit-nodes/${node.id}`);
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ deleted: node.id });
  });

  it("deletes a counsellor's absence", async () => {
    const created = await send('POST', `/api/admin/counsellors/${counsellorId}/absences`, {
      start: '2026-12-10T08:00:00+01:00',
      end: '2026-12-10T12:00:00+01:00',
    });
    expect(created.status).toBe(201);
    const { absence } = (await created.json()) as { absence: { id: string } };
    const res = await send('DELETE', `/api/admin/counsellors/${counsellorId}/absences/${absence.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: absence.id });
  });
});
