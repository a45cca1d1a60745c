// Rows for the messaging tests: a service, counsellors with logins, bookings with known join codes.
import type { Kysely } from 'kysely';
import type { BookingStatus, Database, Language } from '../../functions/db/database.ts';
import { generateRoomName, generateSecret, hashSecret } from '../../functions/platform/secrets.ts';
import { hashPassword } from '../../functions/staff/password.ts';
import type { TestApp } from '../helpers/app.ts';

export const PASSWORD = 'test-password';
let seq = 0;

export async function seedService(db: Kysely<Database>): Promise<string> {
  await db
    .insertInto('services')
    .values({
      id: 'arbeitslosengeld',
      name_de: 'Arbeitslosengeld',
      name_en: 'Unemployment benefit',
      duration_minutes: 30,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return 'arbeitslosengeld';
}

export async function seedStaff(
  db: Kysely<Database>,
  role: 'counsellor' | 'operator' = 'counsellor',
): Promise<{ email: string; userId: string; counsellorId: string | null }> {
  const email = `${role}-${process.pid}-${seq++}@example.org`;
  const user = await db
    .insertInto('staff_users')
    .values({ email, display_name: email, password_hash: await hashPassword(PASSWORD, 1000), role })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (role === 'operator') return { email, userId: user.id, counsellorId: null };
  const c = await db
    .insertInto('counsellors')
    .values({ staff_user_id: user.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { email, userId: user.id, counsellorId: c.id };
}

export interface SeedBooking {
  counsellorId: string;
  start: Date;
  minutes?: number;
  phone?: string | null;
  language?: Language;
  smsOptOut?: boolean;
  status?: BookingStatus;
  name?: string;
  email?: string;
  customerNumber?: string;
}

export async function seedBooking(db: Kysely<Database>, b: SeedBooking) {
  const serviceId = await seedService(db);
  const code = generateSecret();
  const end = new Date(b.start.getTime() + (b.minutes ?? 30) * 60_000);
  const row = await db
    .insertInto('bookings')
    .values({
      service_id: serviceId,
      counsellor_id: b.counsellorId,
      status: b.status ?? 'confirmed',
      start_at: b.start,
      end_at: end,
      blocked: `[${b.start.toISOString()},${end.toISOString()})`,
      join_code_hash: await hashSecret(code),
      manage_token_hash: await hashSecret(generateSecret()),
      room_name: generateRoomName(),
      phone_e164: b.phone === undefined ? '+4915112345678' : b.phone,
      language: b.language ?? 'de',
      sms_opt_out: b.smsOptOut ?? false,
      name: b.name ?? null,
      email: b.email ?? null,
      customer_number: b.customerNumber ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, code, start: b.start, end };
}

export async function login(t: TestApp, email: string) {
  const res = await t.request('/api/auth/login', { method: 'POST', json: { email, password: PASSWORD } });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

export async function outboxRows(db: Kysely<Database>, bookingId?: string) {
  let q = db.selectFrom('outbox_messages').selectAll().orderBy('next_attempt_at').orderBy('kind');
  if (bookingId) q = q.where('booking_id', '=', bookingId);
  return q.execute();
}
