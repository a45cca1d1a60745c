// Topic names in six languages: operators store tr/ar/uk/ru translations, citizens read their language (German
// where none is given) on the booking page, the manage page and in the .ics file; bad input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { seedScheduling } from '../helpers/scheduling.ts';
import { createStaff, login, type Session } from '../helpers/staff-fixtures.ts';

let tdb: TestDatabase;
let t: TestApp;
let ops: Session;

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, {
    clock: new TestClock(new Date('2026-12-01T08:00:00Z')),
    env: { RATE_LIMITS: 'off' },
  });
  await seedScheduling(tdb.db, { counsellors: 1, capacity: 8 });
  await createStaff(tdb.db, { email: 'ops@example.org', role: 'operator', counsels: false });
  ops = await login(t, 'ops@example.org');
});
afterAll(async () => {
  await tdb.close();
});

const put = (json: unknown) =>
  t.request('/api/admin/services/arbeitslosengeld', { method: 'PUT', headers: ops.headers(true), json });

async function topic(query: string, headers: Record<string, string> = {}) {
  const body = (await (await t.request(`/api/services${query}`, { headers })).json()) as {
    services: { id: string; name: string; description: string }[];
  };
  return body.services.find((s) => s.id === 'arbeitslosengeld');
}

describe('topic translations', () => {
  it('stores translations from the operator and serves each citizen language, German where one is missing', async () => {
    const res = await put({
      descriptionDe: 'Fragen zum Antrag.',
      translations: {
        tr: { name: 'İşsizlik parası', description: 'Başvuru hakkında sorular.' },
        ar: { name: 'إعانة البطالة' },
      },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { service: { translations: unknown } }).service.translations).toEqual({
      tr: { name: 'İşsizlik parası', description: 'Başvuru hakkında sorular.' },
      ar: { name: 'إعانة البطالة' },
    });
    expect(await topic('?lang=tr')).toMatchObject({
      name: 'İşsizlik parası',
      description: 'Başvuru hakkında sorular.',
    });
    // Arabic has a name only: the German description stands in rather than nothing.
    expect(await topic('', { 'accept-language': 'ar-SY,ar;q=0.9' })).toMatchObject({
      name: 'إعانة البطالة',
      description: 'Fragen zum Antrag.',
    });
    expect(await topic('?lang=uk')).toMatchObject({ name: 'Arbeitslosengeld' });
    expect(await topic('?lang=en')).toMatchObject({ name: 'Unemployment benefit' });
  });

  it('names the topic in the booking language on the manage page and in the .ics file', async () => {
    const res = await t.request('/api/bookings', {
      method: 'POST',
      json: {
        service: 'arbeitslosengeld',
        start: '2026-12-03T10:00:00+01:00',
        phone: '+4915123456789',
        consent: true,
        language: 'tr',
      },
    });
    expect(res.status).toBe(201);
    const token = ((await res.json()) as { manageUrl: string }).manageUrl.split('/m/')[1];
    const manage = await t.request(`/api/bookings/manage/${token}?lang=tr`);
    expect(((await manage.json()) as { booking: { serviceName: string } }).booking.serviceName).toBe(
      'İşsizlik parası',
    );
    // Without ?lang= the calendar file follows the booking's language.
    const ics = await (await t.request(`/api/bookings/manage/${token}/ics`)).text();
    expect(ics).toContain('İşsizlik parası');
    // Languages without a translation keep the German name (the SMS, at most four UCS-2 segments, names none).
    expect(await (await t.request(`/api/bookings/manage/${token}/ics?lang=ru`)).text()).toContain(
      'Arbeitslosengeld',
    );
  });

  it('refuses unknown languages and empty names with a problem and keeps what was stored', async () => {
    for (const translations of [
      { fr: { name: 'Allocation chômage' } },
      { tr: { name: '' } },
      { tr: { name: 'x'.repeat(201) } },
      { ru: 'Пособие' },
    ]) {
      const res = await put({ translations });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await topic('?lang=tr')).toMatchObject({ name: 'İşsizlik parası' });
  });

  it('guards the column itself: only the four languages, only an object', async () => {
    await expect(
      tdb.db
        .updateTable('services')
        .set({ translations: JSON.stringify({ fr: { name: 'x' } }) })
        .where('id', '=', 'arbeitslosengeld')
        .execute(),
    ).rejects.toThrow(/services_translations_object/);
    await expect(
      tdb.db
        .updateTable('services')
        .set({ translations: '[]' })
        .where('id', '=', 'arbeitslosengeld')
        .execute(),
    ).rejects.toThrow(/services_translations_object/);
  });
});
