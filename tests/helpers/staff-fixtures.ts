// Test fixtures for staff features: services, staff accounts with counsellor profiles, logins, bookings.

import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { BookingStatus, Database } from '../../functions/db/database.ts';
import { generateRoomName, generateSecret, hashSecret } from '../../functions/platform/secrets.ts';
import { hashPassword } from '../../functions/staff/password.ts';
import type { TestApp } from './app.ts';

export const PASSWORD = 'correct horse battery';

let passwordHash: Promise<string> | null = null;
const cheapHash = () => {
  passwordHash ??= hashPassword(PASSWORD, 1000);
  return passwordHash;
};

export async function seedService(
  db: Kysely<Database>,
  id = 'arbeitslosengeld',
  minutes = 30,
): Promise<string> {
  await db
    .insertInto('services')
    .values({ id, name_de: `Thema ${id}`, name_en: `Topic ${id}`, duration_minutes: minutes })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}

export async function seedCapacity(db: Kysely<Database>, max = 8, reserve = 1): Promise<void> {
  await db
    .insertInto('capacity_settings')
    .values({ id: 1, max_concurrent_sessions: max, adhoc_reserve: reserve })
    .onConflict((oc) => oc.column('id').doUpdateSet({ max_concurrent_sessions: max, adhoc_reserve: reserve }))
    .execute();
}

export interface StaffFixture {
  userId: string;
  counsellorId: string | null;
  email: string;
}

export async function createStaff(
  db: Kysely<Database>,
  o: {
    email: string;
    role?: 'counsellor' | 'operator';
    counsels?: boolean;
    skills?: string[];
    supervisor?: boolean;
  },
): Promise<StaffFixture> {
  const user = await db
    .insertInto('staff_users')
    .values({
      email: o.email,
      display_name: o.email.split('@')[0]!,
      password_hash: await cheapHash(),
      role: o.role ?? 'counsellor',
      supervisor: o.supervisor ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.counsels === false) return { userId: user.id, counsellorId: null, email: o.email };
  const c = await db
    .insertInto('counsellors')
    .values({ staff_user_id: user.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.skills?.length)
    await db
      .insertInto('counsellor_skills')
      .values(o.skills.map((service_id) => ({ counsellor_id: c.id, service_id })))
      .execute();
  return { userId: user.id, counsellorId: c.id, email: o.email };
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Headers for a request as this user; `write` adds the CSRF token. */
  headers(write?: boolean): Record<string, string>;
}

export async function login(t: TestApp, email: string, password = PASSWORD): Promise<Session> {
  const res = await t.request('/api/auth/login', { method: 'POST', json: { email, password } });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return {
    cookie,
    csrf: body.csrfToken,
    headers: (write = false) => ({ cookie, ...(write ? { 'x-csrf-token': body.csrfToken } : {}) }),
  };
}

export async function insertBooking(
  db: Kysely<Database>,
  b: {
    counsellorId: string;
    start: string;
    minutes?: number;
    serviceId?: string;
    status?: BookingStatus;
    name?: string | null;
    customerNumber?: string | null;
    phone?: string | null;
    kind?: 'scheduled' | 'adhoc';
  },
): Promise<{ id: string; roomName: string }> {
  const start = new Date(b.start);
  const end = new Date(start.getTime() + (b.minutes ?? 30) * 60_000);
  const roomName = generateRoomName();
  const row = await db
    .insertInto('bookings')
    .values({
      service_id: b.serviceId ?? 'arbeitslosengeld',
      counsellor_id: b.counsellorId,
      kind: b.kind ?? 'scheduled',
      status: b.status ?? 'confirmed',
      start_at: start,
      end_at: end,
      blocked: sql<string>`tstzrange(${start}::timestamptz, ${end}::timestamptz, '[)')`,
      join_code_hash: await hashSecret(generateSecret()),
      room_name: roomName,
      phone_e164: b.phone === undefined ? '+4915112345678' : b.phone,
      name: b.name === undefined ? 'Erika Mustermann' : b.name,
      customer_number: b.customerNumber === undefined ? '123A456' : b.customerNumber,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, roomName };
}
