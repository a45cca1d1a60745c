// The accessibility statement's data and feedback: reports are stored as sent, bad input changes nothing, guessing
// floods are slowed, only operators read (audited) and close them; a configured video must be on this origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/env.ts';
import { byteRange } from '../../functions/web/static-files.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createStaff, login, PASSWORD } from '../helpers/staff-fixtures.ts';

let tdb: TestDatabase;
let t: TestApp;
const clock = new TestClock(new Date('2026-12-01T10:00:00Z'));

beforeAll(async () => {
  tdb = await createTestDatabase();
  await createStaff(tdb.db, { email: 'op@example.org', role: 'operator', counsels: false });
  await createStaff(tdb.db, { email: 'c@example.org' });
  t = createTestApp(tdb, {
    clock,
    env: {
      ACCESSIBILITY_CONTACT_EMAIL: 'barrierefrei@agentur.example',
      ACCESSIBILITY_CONTACT_PHONE: '+49 30 1234-567',
      SIGN_LANGUAGE_VIDEO: '/static/media/dgs.mp4',
    },
  });
});

afterAll(async () => {
  await tdb?.close();
});

const send = (json: unknown, ip = '198.18.0.10') =>
  t.request('/api/accessibility/feedback', { method: 'POST', json, headers: { 'x-forwarded-for': ip } });

async function count(): Promise<number> {
  const r = await tdb.db
    .selectFrom('accessibility_feedback')
    .select((e) => e.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('accessibility information and feedback', () => {
  it('tells the page the configured contacts, the conciliation body and the sign-language video', async () => {
    const res = await t.request('/api/accessibility');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      contactEmail: 'barrierefrei@agentur.example',
      contactPhone: '+49 30 1234-567',
      enforcementUrl: 'https://www.schlichtungsstelle-bgg.de',
      signLanguageVideo: '/static/media/dgs.mp4',
    });
  });

  it('stores a report with its language and page, control characters removed', async () => {
    const res = await send({
      message: '  Kalender\u0007 ist\nnicht vorlesbar ',
      contact: '',
      page: '/j',
      language: 'ar',
    });
    expect(res.status).toBe(201);
    const { feedback } = (await res.json()) as { feedback: { id: string } };
    const row = await tdb.db
      .selectFrom('accessibility_feedback')
      .selectAll()
      .where('id', '=', feedback.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      message: 'Kalender ist\nnicht vorlesbar',
      contact: null,
      page: '/j',
      language: 'ar',
    });
    expect(row.created_at.toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  it.each([
    ['an empty message', { message: '   ' }],
    ['a missing message', { contact: 'x@example.org' }],
    ['a message of 4001 characters', { message: 'x'.repeat(4001) }],
    ['an unknown language', { message: 'Hallo', language: 'fa' }],
    ['a page on another host', { message: 'Hallo', page: 'https://evil.example/' }],
    ['an unknown field', { message: 'Hallo', extra: 1 }],
  ])('refuses %s with a problem and stores nothing', async (_name, body) => {
    const before = await count();
    const res = await send(body, '198.18.0.11');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await count()).toBe(before);
  });

  it('slows down a flood from one client and not the next one', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await send({ message: `Meldung ${i}` }, '198.18.0.20')).status);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
    expect((await send({ message: 'andere Person' }, '198.18.0.21')).status).toBe(201);
  });

  it('lets operators, not counsellors or the public, read and close reports; reading a contact is audited', async () => {
    await send(
      { message: 'Bitte Kontrast erhöhen', contact: 'ayse@example.org', language: 'tr' },
      '198.18.0.30',
    );
    expect((await t.request('/api/admin/accessibility-feedback')).status).toBe(401);
    const counsellor = await login(t, 'c@example.org', PASSWORD);
    const denied = await t.request('/api/admin/accessibility-feedback', { headers: counsellor.headers() });
    expect(denied.status).toBe(403);
    const op = await login(t, 'op@example.org', PASSWORD);
    const res = await t.request('/api/admin/accessibility-feedback', { headers: op.headers() });
    expect(res.status).toBe(200);
    const { feedback } = (await res.json()) as { feedback: { id: string; contact: string | null }[] };
    const withContact = feedback.find((f) => f.contact === 'ayse@example.org')!;
    const audit = await tdb.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'accessibility_feedback_read')
      .execute();
    expect(JSON.stringify(audit)).toContain(withContact.id);

    const closed = await t.request(`/api/admin/accessibility-feedback/${withContact.id}/handled`, {
      method: 'POST',
      headers: op.headers(true),
    });
    expect(closed.status).toBe(200);
    const open = (await (
      await t.request('/api/admin/accessibility-feedback', { headers: op.headers() })
    ).json()) as {
      feedback: { id: string }[];
    };
    expect(open.feedback.map((f) => f.id)).not.toContain(withContact.id);
    const all = (await (
      await t.request('/api/admin/accessibility-feedback?status=all', { headers: op.headers() })
    ).json()) as { feedback: { id: string; handledAt: string | null }[] };
    expect(all.feedback.find((f) => f.id === withContact.id)?.handledAt).toBe('2026-12-01T10:00:00.000Z');
    const unknown = await t.request(
      '/api/admin/accessibility-feedback/00000000-0000-4000-8000-000000000000/handled',
      {
        method: 'POST',
        headers: op.headers(true),
      },
    );
    expect(unknown.status).toBe(404);
  });

  it.each([
    'https://cdn.example/dgs.mp4',
    '//cdn.example/dgs.mp4',
    '/static/../secret.mp4',
    '/static/dgs.exe',
  ])('refuses a sign-language video at %s (own origin, video files only)', (value) => {
    expect(() => parseConfig({ SIGN_LANGUAGE_VIDEO: value })).toThrow(/SIGN_LANGUAGE_VIDEO/);
  });

  it.each([
    ['bytes=0-1', { start: 0, end: 1 }],
    ['bytes=4-', { start: 4, end: 9 }],
    ['bytes=-4', { start: 6, end: 9 }],
    ['bytes=8-100', { start: 8, end: 9 }],
    ['bytes=10-', 'unsatisfiable'],
    ['bytes=0-1,4-5', null],
    ['items=0-1', null],
  ] as const)('answers the range %s of a 10-byte file with %j', (header, expected) => {
    expect(byteRange(header, 10)).toEqual(expected);
  });
});
