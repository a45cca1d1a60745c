// Operator console API: services, counsellors (create, deactivate, skills, reset password), sites, settings, audit.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import {
  createStaff,
  insertBooking,
  login,
  type Session,
  type StaffFixture,
  seedService,
} from '../helpers/staff-fixtures.ts';

let tdb: TestDatabase;
let t: TestApp;
let ops: Session;
let counsellor: Session;
let anna: StaffFixture;

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, { clock: new TestClock(new Date('2026-12-03T08:00:00Z')) });
  await seedService(tdb.db);
  await createStaff(tdb.db, { email: 'ops@example.org', role: 'operator', counsels: false });
  anna = await createStaff(tdb.db, { email: 'anna@example.org', skills: ['arbeitslosengeld'] });
  ops = await login(t, 'ops@example.org');
  counsellor = await login(t, 'anna@example.org');
});

afterAll(async () => {
  await tdb.close();
});

const send = (s: Session, path: string, method: string, json?: unknown) =>
  t.request(path, { method, headers: s.headers(method !== 'GET'), ...(json === undefined ? {} : { json }) });

describe('services', () => {
  const service = {
    id: 'wohngeld',
    nameDe: 'Wohngeld',
    nameEn: 'Housing benefit',
    durationMinutes: 45,
    bufferAfterMinutes: 10,
    minNoticeMinutes: 60,
    horizonDays: 30,
    slotStepMinutes: 15,
  };

  it('creates, updates and lists a service with names, duration, buffers, notice and horizon', async () => {
    const created = await send(ops, '/api/admin/services', 'POST', service);
    expect(created.status).toBe(201);
    const updated = await send(ops, '/api/admin/services/wohngeld', 'PUT', {
      active: false,
      bufferBeforeMinutes: 5,
    });
    expect(updated.status).toBe(200);
    const list = (await (await send(ops, '/api/admin/services', 'GET')).json()) as { services: unknown[] };
    expect(list.services).toContainEqual(
      expect.objectContaining({
        id: 'wohngeld',
        nameEn: 'Housing benefit',
        durationMinutes: 45,
        bufferBeforeMinutes: 5,
        bufferAfterMinutes: 10,
        minNoticeMinutes: 60,
        horizonDays: 30,
        active: false,
      }),
    );
    const citizen = (await (await t.request('/api/services')).json()) as { services: { id: string }[] };
    expect(citizen.services.map((s) => s.id)).not.toContain('wohngeld');
  });

  it('answers 409 for a taken id, 422 for a duration off the 5-minute grid, 404 for an unknown id', async () => {
    expect((await send(ops, '/api/admin/services', 'POST', service)).status).toBe(409);
    const bad = await send(ops, '/api/admin/services', 'POST', { ...service, id: 'x', durationMinutes: 7 });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('durationMinutes');
    expect((await send(ops, '/api/admin/services/nope', 'PUT', { active: true })).status).toBe(404);
  });

  it('is for operators only', async () => {
    expect((await send(counsellor, '/api/admin/services', 'GET')).status).toBe(403);
    expect((await t.request('/api/admin/services')).status).toBe(401);
  });
});

describe('counsellors', () => {
  it('creates a counsellor with skills and a temporary password that logs in', async () => {
    const log = vi.spyOn(console, 'log');
    const res = await send(ops, '/api/admin/counsellors', 'POST', {
      email: 'Neu@Example.org',
      displayName: 'Neue Beraterin',
      skills: ['arbeitslosengeld'],
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      counsellor: { id: string; email: string; skills: string[] };
      temporaryPassword: string;
    };
    expect(body.counsellor).toMatchObject({
      email: 'neu@example.org',
      skills: ['arbeitslosengeld'],
      active: true,
    });
    expect(body.temporaryPassword.length).toBeGreaterThanOrEqual(16);
    const again = await t.request('/api/auth/login', {
      method: 'POST',
      json: { email: 'neu@example.org', password: body.temporaryPassword },
    });
    expect(again.status).toBe(200);
    const logged = log.mock.calls.flat().join('\n');
    expect(logged).not.toContain(body.temporaryPassword);
    log.mockRestore();
    const audit = await tdb.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'counsellor_created')
      .execute();
    expect(JSON.stringify(audit)).not.toContain(body.temporaryPassword);
  });

  it('refuses a taken e-mail (409) and unknown skills (422) without creating anything', async () => {
    const dup = await send(ops, '/api/admin/counsellors', 'POST', {
      email: 'anna@example.org',
      displayName: 'A',
    });
    expect(dup.status).toBe(409);
    const unknown = await send(ops, '/api/admin/counsellors', 'POST', {
      email: 'x@example.org',
      displayName: 'X',
      skills: ['nope'],
    });
    expect(unknown.status).toBe(422);
    const row = await tdb.db
      .selectFrom('staff_users')
      .select('id')
      .where('email', '=', 'x@example.org')
      .execute();
    expect(row).toHaveLength(0);
  });

  it('changes skills and site, and deactivation ends sessions and flags future appointments', async () => {
    const site = (await (await send(ops, '/api/admin/sites', 'POST', { name: 'Standort Nord' })).json()) as {
      site: { id: string };
    };
    const future = await insertBooking(tdb.db, {
      counsellorId: anna.counsellorId!,
      start: '2026-12-10T09:00:00Z',
    });
    const res = await send(ops, `/api/admin/counsellors/${anna.counsellorId}`, 'PUT', {
      skills: [],
      siteId: site.site.id,
      active: false,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      counsellor: { skills: string[]; siteName: string; active: boolean };
      flaggedForRebooking: number;
    };
    expect(body.counsellor).toMatchObject({ skills: [], siteName: 'Standort Nord', active: false });
    expect(body.flaggedForRebooking).toBe(1);
    const booking = await tdb.db
      .selectFrom('bookings')
      .select(['needs_rebooking', 'needs_rebooking_reason'])
      .where('id', '=', future.id)
      .executeTakeFirstOrThrow();
    expect(booking).toEqual({ needs_rebooking: true, needs_rebooking_reason: 'counsellor_inactive' });
    expect((await t.request('/api/auth/me', { headers: counsellor.headers() })).status).toBe(401);
    await send(ops, `/api/admin/counsellors/${anna.counsellorId}`, 'PUT', { active: true });
  });

  it('resets a password: the old one stops working, sessions end', async () => {
    const session = await login(t, 'anna@example.org');
    const res = await send(ops, `/api/admin/counsellors/${anna.counsellorId}/reset-password`, 'POST', {});
    expect(res.status).toBe(200);
    const { temporaryPassword } = (await res.json()) as { temporaryPassword: string };
    expect((await t.request('/api/auth/me', { headers: session.headers() })).status).toBe(401);
    await expect(login(t, 'anna@example.org')).rejects.toThrow(/401/);
    await login(t, 'anna@example.org', temporaryPassword);
  });

  it('answers 404 for unknown counsellor ids', async () => {
    expect((await send(ops, '/api/admin/counsellors/zzz', 'PUT', { active: true })).status).toBe(404);
    expect(
      (
        await send(
          ops,
          '/api/admin/counsellors/00000000-0000-4000-8000-000000000000/reset-password',
          'POST',
          {},
        )
      ).status,
    ).toBe(404);
  });
});

describe('settings and audit', () => {
  it('stores settings and uses the case-file template in the agenda', async () => {
    const res = await send(ops, '/api/admin/settings', 'PUT', {
      smsSenderName: 'Agentur',
      retentionDays: 14,
      caseFileUrlTemplate: 'https://akte.example/{customerNumber}',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { settings: unknown }).settings).toEqual({
      smsSenderName: 'Agentur',
      retentionDays: 14,
      caseFileUrlTemplate: 'https://akte.example/{customerNumber}',
    });
    await insertBooking(tdb.db, {
      counsellorId: anna.counsellorId!,
      start: '2026-12-03T14:00:00Z',
      customerNumber: 'K 1',
    });
    const annaNow = await login(t, 'anna@example.org', await resetTo(anna.counsellorId!));
    const agenda = (await (await t.request('/api/staff/agenda', { headers: annaNow.headers() })).json()) as {
      items: { caseFileUrl: string | null }[];
    };
    expect(agenda.items.map((i) => i.caseFileUrl)).toContain('https://akte.example/K%201');
  });

  it('rejects a template that is not an http(s) URL with the placeholder', async () => {
    const res = await send(ops, '/api/admin/settings', 'PUT', { caseFileUrlTemplate: 'javascript:alert(1)' });
    expect(res.status).toBe(422);
    const again = await send(ops, '/api/admin/settings', 'PUT', { retentionDays: 0 });
    expect(again.status).toBe(422);
  });

  it('shows who looked at or changed an appointment', async () => {
    const b = await insertBooking(tdb.db, {
      counsellorId: anna.counsellorId!,
      start: '2026-12-03T12:00:00Z',
    });
    const annaNow = await login(t, 'anna@example.org', await resetTo(anna.counsellorId!));
    await t.request('/api/staff/agenda', { headers: annaNow.headers() });
    await t.request(`/api/staff/bookings/${b.id}/notes`, { headers: annaNow.headers() });
    const res = await send(ops, `/api/admin/audit?entityId=${b.id}`, 'GET');
    expect(res.status).toBe(200);
    const { entries } = (await res.json()) as { entries: { action: string; actorEmail: string }[] };
    expect(entries.map((e) => e.action).sort()).toEqual(['agenda_read', 'notes_read']);
    // The agenda read names the booking in its detail, the notes read as its entity.
    expect(entries.every((e) => e.actorEmail === 'anna@example.org')).toBe(true);
    expect((await send(ops, '/api/admin/audit?from=nope', 'GET')).status).toBe(400);
  });
});

/** Resets to a one-time password, then lets the counsellor choose a new one (as the page forces). */
async function resetTo(counsellorId: string): Promise<string> {
  const res = await send(ops, `/api/admin/counsellors/${counsellorId}/reset-password`, 'POST', {});
  expect(res.status).toBe(200);
  const { temporaryPassword } = (await res.json()) as { temporaryPassword: string };
  const email = (
    (await tdb.db
      .selectFrom('counsellors')
      .innerJoin('staff_users', 'staff_users.id', 'counsellors.staff_user_id')
      .select('email')
      .where('counsellors.id', '=', counsellorId)
      .executeTakeFirstOrThrow()) as { email: string }
  ).email;
  const once = await login(t, email, temporaryPassword);
  const chosen = 'Ein-neues-langes-Passwort';
  const changed = await t.request('/api/auth/password', {
    method: 'POST',
    headers: once.headers(true),
    json: { currentPassword: temporaryPassword, newPassword: chosen },
  });
  expect(changed.status).toBe(200);
  return chosen;
}
