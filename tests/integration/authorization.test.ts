// Every staff and operator endpoint, enumerated from the assembled app: no login → 401, a counsellor on
// operator endpoints → 403, a counsellor on another counsellor's appointment → 403/404 with nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import {
  createStaff,
  insertBooking,
  login,
  type Session,
  type StaffFixture,
  seedCapacity,
  seedService,
} from '../helpers/staff-fixtures.ts';

let tdb: TestDatabase;
let t: TestApp;
let anna: StaffFixture;
let annaSession: Session;
let benSession: Session;
let annaBooking: string;
let annaAbsence: string;
const clock = new TestClock(new Date('2026-12-03T08:50:00Z'));

/** Valid bodies, so that a request fails on authorization and not on validation. */
const BODIES: Record<string, unknown> = {
  'POST /api/staff/bookings/:id/notes': { body: 'Notiz' },
  'POST /api/staff/bookings/:id/running-late': { minutes: 5 },
  'POST /api/staff/bookings/:id/remove-participant': {},
  'POST /api/staff/adhoc-sessions': { phone: '+4915112345678' },
  'POST /api/staff/absences': { start: '2026-12-10T08:00:00Z', end: '2026-12-10T10:00:00Z' },
  'PUT /api/staff/working-hours': { hours: [{ weekday: 1, start: '08:00', end: '12:00' }] },
};

function staffEndpoints(): { method: string; path: string }[] {
  const seen = new Set<string>();
  const out: { method: string; path: string }[] = [];
  for (const r of t.app.routes) {
    if (r.method === 'ALL' || !/^\/api\/(staff|admin)\//.test(r.path)) continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: r.method, path: r.path });
  }
  return out.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

const fill = (path: string, id: string) => path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, id);

async function send(method: string, path: string, session: Session | null, template: string) {
  const body = BODIES[`${method} ${template}`] ?? (method === 'GET' || method === 'DELETE' ? undefined : {});
  return t.request(path, {
    method,
    headers: session ? session.headers(method !== 'GET') : {},
    ...(body === undefined ? {} : { json: body }),
  });
}

async function bookingState(id: string) {
  const b = await tdb.db
    .selectFrom('bookings')
    .select(['status', 'phone_fallback_at', 'counsellor_delay_minutes', 'ended_at', 'needs_rebooking'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const notes = await tdb.db.selectFrom('booking_notes').select('id').where('booking_id', '=', id).execute();
  const absences = await tdb.db.selectFrom('absences').select('id').execute();
  return { ...b, notes: notes.length, absences: absences.length };
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, { clock });
  await seedService(tdb.db);
  await seedCapacity(tdb.db);
  anna = await createStaff(tdb.db, { email: 'anna@example.org', skills: ['arbeitslosengeld'] });
  await createStaff(tdb.db, { email: 'ben@example.org', skills: ['arbeitslosengeld'] });
  annaBooking = (
    await insertBooking(tdb.db, { counsellorId: anna.counsellorId!, start: '2026-12-03T09:00:00Z' })
  ).id;
  annaAbsence = (
    await tdb.db
      .insertInto('absences')
      .values({
        counsellor_id: anna.counsellorId!,
        period: '[2026-12-20 08:00:00+00,2026-12-20 10:00:00+00)',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  annaSession = await login(t, 'anna@example.org');
  benSession = await login(t, 'ben@example.org');
});

afterAll(async () => {
  await tdb.close();
});

describe('staff endpoint authorization', () => {
  it('finds the staff and operator endpoints of every feature', () => {
    const paths = staffEndpoints().map((e) => `${e.method} ${e.path}`);
    for (const expected of [
      'GET /api/staff/agenda',
      'GET /api/staff/bookings/:id/notes',
      'POST /api/staff/bookings/:id/join',
      'POST /api/staff/bookings/:id/running-late',
      'PUT /api/admin/capacity',
      'GET /api/admin/stats',
    ])
      expect(paths).toContain(expected);
    expect(paths.length).toBeGreaterThan(25);
  });

  it('answers 401 to every staff and operator endpoint without a login', async () => {
    const wrong: string[] = [];
    for (const e of staffEndpoints()) {
      const res = await send(e.method, fill(e.path, annaBooking), null, e.path);
      if (res.status !== 401) wrong.push(`${e.method} ${e.path} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 to a counsellor on every operator endpoint', async () => {
    const wrong: string[] = [];
    for (const e of staffEndpoints().filter((x) => x.path.startsWith('/api/admin/'))) {
      const res = await send(e.method, fill(e.path, anna.counsellorId!), benSession, e.path);
      if (res.status !== 403) wrong.push(`${e.method} ${e.path} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses every per-appointment endpoint to another counsellor and changes nothing', async () => {
    const before = await bookingState(annaBooking);
    const wrong: string[] = [];
    const perObject = staffEndpoints().filter(
      (x) => x.path.startsWith('/api/staff/') && x.path.includes(':'),
    );
    expect(perObject.length).toBeGreaterThanOrEqual(6);
    for (const e of perObject) {
      const id = e.path.startsWith('/api/staff/absences/') ? annaAbsence : annaBooking;
      const res = await send(e.method, fill(e.path, id), benSession, e.path);
      if (res.status !== 403 && res.status !== 404) wrong.push(`${e.method} ${e.path} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
    expect(await bookingState(annaBooking)).toEqual(before);
  });

  it('keeps list endpoints to the counsellor’s own data', async () => {
    const agenda = await t.request(`/api/staff/agenda?counsellorId=${anna.counsellorId}`, {
      headers: benSession.headers(),
    });
    expect(agenda.status).toBe(403);
    const own = (await (await t.request('/api/staff/agenda', { headers: benSession.headers() })).json()) as {
      items: unknown[];
    };
    expect(own.items).toEqual([]);
    const absences = (await (
      await t.request('/api/staff/absences', { headers: benSession.headers() })
    ).json()) as {
      absences: { id: string }[];
    };
    expect(absences.absences.map((a) => a.id)).not.toContain(annaAbsence);
  });

  it('ends a session at logout and after it expires', async () => {
    const session = await login(t, 'ben@example.org');
    expect((await t.request('/api/staff/agenda', { headers: session.headers() })).status).toBe(200);
    const out = await t.request('/api/auth/logout', { method: 'POST', headers: session.headers(true) });
    expect(out.status).toBe(200);
    expect((await t.request('/api/staff/agenda', { headers: session.headers() })).status).toBe(401);
    const later = await login(t, 'ben@example.org');
    clock.advanceMinutes(9 * 60);
    expect((await t.request('/api/staff/agenda', { headers: later.headers() })).status).toBe(401);
    clock.advanceMinutes(-9 * 60);
  });

  it('lets the booking’s own counsellor through (the checks are not vacuous)', async () => {
    const notes = await t.request(`/api/staff/bookings/${annaBooking}/notes`, {
      headers: annaSession.headers(),
    });
    expect(notes.status).toBe(200);
    const late = await send(
      'POST',
      `/api/staff/bookings/${annaBooking}/running-late`,
      annaSession,
      '/api/staff/bookings/:id/running-late',
    );
    expect(late.status).toBe(200);
  });
});

describe('operators’ need-to-know', () => {
  let plain: Session;
  let supervisor: Session;
  let supervisorId: string;

  beforeAll(async () => {
    await createStaff(tdb.db, { email: 'ops@example.org', role: 'operator', counsels: false });
    supervisorId = (
      await createStaff(tdb.db, {
        email: 'sup@example.org',
        role: 'operator',
        counsels: false,
        supervisor: true,
      })
    ).userId;
    plain = await login(t, 'ops@example.org');
    supervisor = await login(t, 'sup@example.org');
    await t.request(`/api/staff/bookings/${annaBooking}/notes`, {
      method: 'POST',
      headers: annaSession.headers(true),
      json: { body: 'vertraulich' },
    });
    await tdb.db
      .updateTable('bookings')
      .set({ needs_rebooking: true, needs_rebooking_reason: 'capacity_reduced' })
      .where('id', '=', annaBooking)
      .execute();
  });

  const agendaItem = async (s: Session) => {
    const res = await t.request(
      `/api/staff/agenda?counsellorId=${anna.counsellorId}&from=2026-12-03&to=2026-12-03`,
      {
        headers: s.headers(),
      },
    );
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: { id: string; name: unknown; phone: unknown; customerNumber: unknown }[];
    };
    return items.find((i) => i.id === annaBooking)!;
  };

  it.each([
    ['an operator', () => plain, false],
    ['a supervising operator', () => supervisor, true],
    ['the booking’s counsellor', () => annaSession, true],
  ])('%s: sees contact data and notes: %s', async (_who, session, sees) => {
    const s = session();
    const item = await agendaItem(s);
    expect(item.name !== null && item.phone !== null && item.customerNumber !== null).toBe(sees);
    if (!sees) expect(item).toMatchObject({ name: null, phone: null, customerNumber: null });
    const notes = await t.request(`/api/staff/bookings/${annaBooking}/notes`, { headers: s.headers() });
    expect(notes.status).toBe(sees ? 200 : 404);
    const write = await t.request(`/api/staff/bookings/${annaBooking}/notes`, {
      method: 'POST',
      headers: s.headers(true),
      json: { body: 'x' },
    });
    expect(write.status).toBe(sees ? 201 : 404);
  });

  it('shows operators the appointments to move without the citizen’s contact data unless supervising', async () => {
    const list = async (s: Session) =>
      (
        (await (await t.request('/api/admin/rebooking-needed', { headers: s.headers() })).json()) as {
          bookings: { id: string; citizen: { name: unknown; phone: unknown } }[];
        }
      ).bookings.find((b) => b.id === annaBooking)!;
    expect((await list(plain)).citizen).toMatchObject({ name: null, phone: null });
    expect((await list(supervisor)).citizen).toMatchObject({
      name: 'Erika Mustermann',
      phone: '+4915112345678',
    });
  });

  it('audits every supervisor read of another counsellor’s data', async () => {
    await agendaItem(supervisor);
    await t.request(`/api/staff/bookings/${annaBooking}/notes`, { headers: supervisor.headers() });
    const rows = await tdb.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('actor_id', '=', supervisorId)
      .execute();
    const actions = rows.map((r) => r.action);
    expect(actions).toContain('agenda_read');
    expect(actions).toContain('notes_read');
  });

  it('lets no operator grant themselves the supervisor permission or reset to a password they choose', async () => {
    const annaId = anna.counsellorId!;
    const grant = await t.request(`/api/admin/counsellors/${annaId}`, {
      method: 'PUT',
      headers: plain.headers(true),
      json: { supervisor: true },
    });
    expect(grant.status).toBe(403);
    const chosen = await t.request(`/api/admin/counsellors/${annaId}/reset-password`, {
      method: 'POST',
      headers: plain.headers(true),
      json: { password: 'known-to-the-operator' },
    });
    expect(chosen.status).toBe(422);
    const row = await tdb.db
      .selectFrom('staff_users')
      .select('supervisor')
      .where('id', '=', anna.userId)
      .executeTakeFirstOrThrow();
    expect(row.supervisor).toBe(false);
  });
});
