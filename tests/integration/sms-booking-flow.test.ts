// End to end through the public API: book, reschedule, cancel; the gateway's far end gets each message once, on time.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../functions/app/seed.ts';
import type { Language } from '../../functions/db/database.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { type SmsReceiver, startSmsReceiver } from '../helpers/sms-receiver.ts';

const TOKEN = 'flow-tick-token-0123456789';
const BOOKED_AT = new Date('2026-11-30T09:00:00Z'); // Monday 10:00 in Berlin
const START = '2026-12-03T10:00:00+01:00'; // Thursday
const START_MS = Date.parse(START);

let tdb: TestDatabase;
let receiver: SmsReceiver;
let clock: TestClock;
let t: TestApp;

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedDemoData(tdb.db, { password: 'pw', iterations: 1000, counsellors: 2 });
  receiver = await startSmsReceiver();
  clock = new TestClock(BOOKED_AT);
  t = createTestApp(tdb, {
    clock,
    env: {
      SMS_GATEWAY_URL: receiver.url,
      INTERNAL_TOKEN: TOKEN,
      REMINDER_OFFSETS_MINUTES: '1440,60',
      PUBLIC_BASE_URL: 'https://video.agentur.example',
      RATE_LIMITS: 'off',
    },
  });
});

afterAll(async () => {
  await receiver?.close();
  await tdb?.close();
});

beforeEach(() => {
  receiver.requests.length = 0;
  clock.set(BOOKED_AT);
});

async function tickAt(at: number) {
  clock.set(new Date(at));
  const res = await t.request('/internal/tick', {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(res.status).toBe(200);
}

async function book(start: string, phone: string, language: Language = 'de') {
  const res = await t.request('/api/bookings', {
    method: 'POST',
    json: { service: 'arbeitslosengeld', start, phone, language, consent: true, name: 'Max Muster' },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { booking: { id: string }; joinUrl: string; manageUrl: string };
}

const codeOf = (url: string) => new URL(url).pathname.split('/')[2] as string;
const texts = () => receiver.requests.map((r) => r.text);

describe('SMS for a booking made through POST /api/bookings', () => {
  it('sends one confirmation with a working join link, both reminders on time, and nothing else', async () => {
    const booked = await book(START, '0151 12345678');
    await tickAt(BOOKED_AT.getTime());
    await tickAt(BOOKED_AT.getTime() + 60_000);
    expect(receiver.requests).toHaveLength(1);
    const [sms] = receiver.requests;
    expect(sms?.to).toBe('+4915112345678');
    expect(sms?.text).toContain('Do 03.12. um 10:00 Uhr');
    const lines = sms?.text.split('\n') ?? [];
    expect(lines).toContain(booked.joinUrl);
    expect(lines).toContain(booked.manageUrl);
    // The link's code is the booking's: the join endpoint knows it (too early now, but not unknown).
    const join = await t.request('/api/join', { method: 'POST', json: { code: codeOf(booked.joinUrl) } });
    expect(join.status).not.toBe(404);
    const unknown = await t.request('/api/join', {
      method: 'POST',
      json: { code: 'AAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect(unknown.status).toBe(404);

    await tickAt(START_MS - 1440 * 60_000 - 60_000);
    expect(receiver.requests).toHaveLength(1);
    await tickAt(START_MS - 1440 * 60_000);
    await tickAt(START_MS - 61 * 60_000);
    expect(receiver.requests).toHaveLength(2);
    await tickAt(START_MS - 60 * 60_000);
    await tickAt(START_MS + 60 * 60_000);
    expect(texts()).toEqual([
      expect.stringContaining('ist bestätigt'),
      expect.stringMatching(
        /^Erinnerung: Ihr Videotermin \(Arbeitslosengeld\) am Do 03\.12\. um 10:00 Uhr\./,
      ),
      expect.stringMatching(/^Erinnerung: /),
    ]);
    expect(receiver.requests[2]?.text.split('\n')).toContain(booked.joinUrl);
    expect(new Set(receiver.requests.map((r) => r.id)).size).toBe(3);
  });

  it('after a reschedule sends the new time with a new link and reminds only of the new time', async () => {
    const booked = await book('2026-12-04T09:00:00+01:00', '+4915199887766', 'en');
    await tickAt(BOOKED_AT.getTime());
    const res = await t.request(`/api/bookings/manage/${codeOf(booked.manageUrl)}/reschedule`, {
      method: 'POST',
      json: { start: '2026-12-07T11:00:00+01:00' },
    });
    expect(res.status).toBe(200);
    const moved = (await res.json()) as { joinUrl: string };
    await tickAt(BOOKED_AT.getTime() + 60_000);
    expect(texts()).toEqual([
      expect.stringContaining('is confirmed'),
      expect.stringContaining('was moved to Mon 7 Dec at 11:00'),
    ]);
    expect(receiver.requests[1]?.text.split('\n')).toContain(moved.joinUrl);
    expect(moved.joinUrl).not.toBe(booked.joinUrl);
    // The old time's reminder (Thu 3 Dec 09:00 local) stays silent; the new time's reminders come.
    await tickAt(Date.parse('2026-12-04T09:00:00+01:00') - 60 * 60_000);
    expect(receiver.requests).toHaveLength(2);
    await tickAt(Date.parse('2026-12-07T11:00:00+01:00') - 1440 * 60_000);
    await tickAt(Date.parse('2026-12-07T11:00:00+01:00') - 60 * 60_000);
    expect(texts().slice(2)).toEqual([
      expect.stringMatching(
        /^Reminder: your video appointment \(Unemployment benefit\) on Mon 7 Dec at 11:00\./,
      ),
      expect.stringMatching(/^Reminder: /),
    ]);
    expect(receiver.requests.every((r) => r.to === '+4915199887766')).toBe(true);
  });

  it('after a cancellation sends one cancellation message and no reminders', async () => {
    const booked = await book('2026-12-08T14:00:00+01:00', '01701234567');
    await tickAt(BOOKED_AT.getTime());
    const res = await t.request(`/api/bookings/manage/${codeOf(booked.manageUrl)}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    await tickAt(BOOKED_AT.getTime() + 60_000);
    await tickAt(Date.parse('2026-12-08T14:00:00+01:00') - 1440 * 60_000);
    await tickAt(Date.parse('2026-12-08T14:00:00+01:00') - 60 * 60_000);
    expect(texts()).toEqual([
      expect.stringContaining('ist bestätigt'),
      'Ihr Videotermin (Arbeitslosengeld) am Di 08.12. um 14:00 Uhr wurde abgesagt.',
    ]);
    expect(receiver.requests.map((r) => r.to)).toEqual(['+491701234567', '+491701234567']);
  });

  it('texts the link of an ad-hoc session to the citizen at once', async () => {
    clock.set(new Date('2026-12-01T13:02:00Z')); // Tuesday 14:02, inside working hours
    const login = await t.request('/api/auth/login', {
      method: 'POST',
      json: { email: 'berater2@example.org', password: 'pw' },
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const res = await t.request('/api/staff/adhoc-sessions', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
      json: { phone: '0160 9876543' },
    });
    expect(res.status).toBe(201);
    const { joinUrl } = (await res.json()) as { joinUrl: string };
    await tickAt(clock.now().getTime());
    expect(receiver.requests).toEqual([
      expect.objectContaining({
        to: '+491609876543',
        text: `Ihr Videogespräch beginnt jetzt.\nTeilnehmen:\n${joinUrl}`,
      }),
    ]);
  });

  it('erases the phone number and name 30 days after the appointment', async () => {
    const booked = await book('2026-12-09T08:00:00+01:00', '0151 55555555');
    const end = Date.parse('2026-12-09T08:30:00+01:00');
    await tickAt(end + 30 * 86_400_000 - 60_000);
    const before = await tdb.db
      .selectFrom('bookings')
      .select(['phone_e164', 'name'])
      .where('id', '=', booked.booking.id)
      .executeTakeFirstOrThrow();
    expect(before).toEqual({ phone_e164: '+4915155555555', name: 'Max Muster' });
    await tickAt(end + 30 * 86_400_000);
    const after = await tdb.db
      .selectFrom('bookings')
      .select(['phone_e164', 'name', 'status'])
      .where('id', '=', booked.booking.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ phone_e164: null, name: null, status: 'confirmed' });
    const messages = await tdb.db
      .selectFrom('outbox_messages')
      .select(['recipient', 'body'])
      .where('booking_id', '=', booked.booking.id)
      .execute();
    expect(messages.every((m) => m.recipient === null && m.body === null)).toBe(true);
  });

  it('writes SMS and .ics in the language the citizen booked in, and keeps it for later messages', async () => {
    const booked = await book('2026-12-09T10:00:00+01:00', '+4915111122233', 'uk');
    const row = await tdb.db
      .selectFrom('bookings')
      .select('language')
      .where('id', '=', booked.booking.id)
      .executeTakeFirstOrThrow();
    expect(row.language).toBe('uk');
    await tickAt(BOOKED_AT.getTime());
    expect(texts()).toEqual([expect.stringContaining('підтверджено')]);
    expect(texts()[0]).toContain('ср 09.12 о 10:00');
    expect(texts()[0]?.split('\n')).toContain(booked.joinUrl);
    // The calendar file speaks the booking's language unless the page asks for another.
    const token = codeOf(booked.manageUrl);
    const ics = await (await t.request(`/api/bookings/manage/${token}/ics`)).text();
    expect(ics).toContain('SUMMARY:Відеоконсультація');
    const icsTr = await (await t.request(`/api/bookings/manage/${token}/ics?lang=tr`)).text();
    expect(icsTr).toContain('SUMMARY:Görüntülü randevu');
    const res = await t.request(`/api/bookings/manage/${token}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    await tickAt(BOOKED_AT.getTime() + 60_000);
    expect(texts()[1]).toContain('скасовано');
  });

  it('accepts every citizen language and refuses others without storing anything', async () => {
    for (const language of ['tr', 'ar', 'ru'] as const) {
      const res = await t.request('/api/bookings', {
        method: 'POST',
        json: {
          service: 'arbeitslosengeld',
          start: '2026-12-10T10:00:00+01:00',
          phone: '+4915100000001',
          language,
          consent: true,
        },
      });
      expect(res.status).toBe(201);
      const { manageUrl } = (await res.json()) as { manageUrl: string };
      expect(
        (await t.request(`/api/bookings/manage/${codeOf(manageUrl)}`, { method: 'DELETE' })).status,
      ).toBe(200);
    }
    const before = await tdb.db
      .selectFrom('bookings')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const bad = await t.request('/api/bookings', {
      method: 'POST',
      json: {
        service: 'arbeitslosengeld',
        start: '2026-12-10T11:00:00+01:00',
        phone: '+4915100000002',
        language: 'fa',
        consent: true,
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const after = await tdb.db
      .selectFrom('bookings')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
