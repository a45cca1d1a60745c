// Rows and logins for room tests: a service, counsellors, bookings with a known join code, staff sessions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { BookingKind, BookingStatus, Database } from '../../functions/db/database.ts';
import { generateRoomName, generateSecret, hashSecret } from '../../functions/platform/secrets.ts';
import { hashPassword } from '../../functions/staff/password.ts';
import { type LiveKitServer, liveKitBuilt, startLiveKit } from '../../scripts/lib/livekit.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
/** Low PBKDF2 cost keeps fixtures fast; login verifies with whatever cost the hash names. */
const TEST_ITERATIONS = 1000;

export async function ensureService(db: Kysely<Database>, id = 'arbeitslosengeld'): Promise<string> {
  await db
    .insertInto('services')
    .values({ id, name_de: 'Arbeitslosengeld', name_en: 'Unemployment benefit', duration_minutes: 30 })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}

export interface StaffFixture {
  userId: string;
  counsellorId: string | null;
  email: string;
  password: string;
  displayName: string;
}

let staffCounter = 0;

/** A staff user; counsellors (and operators with `counsels`) get a counsellor row. */
export async function createStaff(
  db: Kysely<Database>,
  options: { role?: 'counsellor' | 'operator'; counsels?: boolean; email?: string; password?: string } = {},
): Promise<StaffFixture> {
  const role = options.role ?? 'counsellor';
  const email = options.email ?? `staff${process.pid}-${++staffCounter}-${Date.now()}@example.org`;
  const password = options.password ?? TEST_PASSWORD;
  const displayName = `${role === 'operator' ? 'Betrieb' : 'Beraterin'} ${staffCounter}`;
  const user = await db
    .insertInto('staff_users')
    .values({
      email,
      display_name: displayName,
      password_hash: await hashPassword(password, TEST_ITERATIONS),
      role,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let counsellorId: string | null = null;
  if (role === 'counsellor' || options.counsels) {
    const c = await db
      .insertInto('counsellors')
      .values({ staff_user_id: user.id, site_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    counsellorId = c.id;
  }
  return { userId: user.id, counsellorId, email, password, displayName };
}

export interface BookingFixture {
  id: string;
  counsellorId: string;
  code: string;
  roomName: string;
  start: Date;
  end: Date;
}

/**
 * A booking inserted directly (no capacity accounting): confirmed, with a fresh join code. Without
 * `counsellorId` it gets a counsellor of its own, since one counsellor's bookings may not overlap.
 */
export async function insertBooking(
  db: Kysely<Database>,
  options: {
    counsellorId?: string;
    start: Date;
    minutes?: number;
    status?: BookingStatus;
    kind?: BookingKind;
    phone?: string | null;
    serviceId?: string;
  },
): Promise<BookingFixture> {
  const serviceId = options.serviceId ?? (await ensureService(db));
  const counsellorId = options.counsellorId ?? (await createStaff(db)).counsellorId!;
  const end = new Date(options.start.getTime() + (options.minutes ?? 30) * 60_000);
  const code = generateSecret();
  const roomName = generateRoomName();
  const status = options.status ?? 'confirmed';
  const row = await db
    .insertInto('bookings')
    .values({
      service_id: serviceId,
      counsellor_id: counsellorId,
      kind: options.kind ?? 'scheduled',
      status,
      start_at: options.start,
      end_at: end,
      blocked: `[${options.start.toISOString()},${end.toISOString()})`,
      join_code_hash: await hashSecret(code),
      room_name: roomName,
      phone_e164: options.phone ?? null,
      cancelled_at: status === 'cancelled' ? options.start : null,
      cancelled_by: status === 'cancelled' ? 'citizen' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, counsellorId, code, roomName, start: options.start, end };
}

export interface StaffLogin {
  cookie: string;
  csrf: string;
  /** Headers for a state-changing staff request. */
  headers: Record<string, string>;
}

/** Logs in through POST /api/auth/login with any fetch-like function (in-process app or a running server). */
export async function loginStaff(
  request: (path: string, init: RequestInit) => Promise<Response>,
  staff: { email: string; password: string },
): Promise<StaffLogin> {
  const res = await request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: staff.email, password: staff.password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: body.csrfToken, headers: { cookie, 'x-csrf-token': body.csrfToken } };
}

/** The claims of a JWT, without verifying it (tests check what the server minted). */
export function decodeJwt(token: string): Record<string, unknown> & { video?: Record<string, unknown> } {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

export interface LiveKitFixture {
  server: LiveKitServer;
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Why a LiveKit-backed test cannot run here, or null. In CI a missing server is a failure, not a skip. */
export function liveKitMissingReason(): string | null {
  if (liveKitBuilt()) return null;
  if (process.env.CI === 'true') throw new Error('LiveKit server binary missing in CI (.bin/livekit-server)');
  const reason = 'LiveKit server not built (.bin/livekit-server); run npm run livekit:build';
  console.warn(`skipping: ${reason}`);
  return reason;
}

/** A real LiveKit server in a temporary folder, and the app environment that points at it. */
export async function startTestLiveKit(webhookUrl?: string): Promise<LiveKitFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'br-lk-'));
  const server = await startLiveKit({ dir, ...(webhookUrl ? { webhookUrl } : {}) });
  return {
    server,
    env: { LIVEKIT_URL: server.url, LIVEKIT_API_KEY: server.apiKey, LIVEKIT_API_SECRET: server.apiSecret },
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
