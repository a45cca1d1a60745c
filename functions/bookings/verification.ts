// Confirming a mobile number by SMS code before a booking is final: always, never, or only when the limits see unusual activity.
import { type Kysely, sql } from 'kysely';
import type { Database, Language } from '../db/database.ts';
import type { Config } from '../env.ts';
import { takeSmsBudget } from '../notifications/sms-budget.ts';
import { renderVerificationSms } from '../notifications/templates.ts';
import type { SmsSender } from '../platform/ports.ts';
import { sha256 } from '../platform/sha256.ts';

const CODE_TTL_MS = 10 * 60_000;
const MAX_ATTEMPTS = 5;
/** Codes sent to one number per hour: the code SMS itself must not become a pumping channel. */
const CODES_PER_NUMBER_PER_HOUR = 3;

export interface Signals {
  /** This client's booking attempts this hour as a share of its limit (0..1+). */
  clientShare: number;
  /** Bookings made for this number in the last 24 hours. */
  phoneBookingsToday: number;
}

/**
 * Whether this booking needs a code. `suspicious` asks only when something is unusual: the client
 * has used half its hourly attempts, or the number already booked today. The ordinary citizen
 * (first booking, own connection) never sees the extra step.
 */
export function needsVerification(mode: Config['BOOKING_PHONE_VERIFICATION'], s: Signals): boolean {
  if (mode === 'always') return true;
  if (mode === 'off') return false;
  return s.clientShare >= 0.5 || s.phoneBookingsToday >= 1;
}

export async function phoneBookingsToday(db: Kysely<Database>, phone: string): Promise<number> {
  const row = await db
    .selectFrom('bookings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('phone_e164', '=', phone)
    // The database's clock: created_at is the database's now(), whatever the app's clock says.
    .where('created_at', '>', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function codeHash(id: string, code: string): Promise<Uint8Array> {
  return sha256(`phone-verification\n${id}\n${code}`);
}

/** Why the booking does not go ahead yet; functions/bookings/http-errors.ts says it to the citizen. */
export type VerificationStop =
  | { reason: 'codes_per_number' }
  | { reason: 'sms_budget'; retryAfterSeconds: number }
  | { reason: 'sms_unavailable' }
  | { reason: 'code_sent'; verificationId: string }
  | { reason: 'wrong_code'; message: string };

/** Thrown by requireCode and consumeCode: the booking waits for (a correct) code or cannot send one. */
export class VerificationStopped extends Error {
  constructor(readonly stop: VerificationStop) {
    super(`phone verification: ${stop.reason}`);
    this.name = 'VerificationStopped';
  }
}

export interface VerificationDeps {
  db: Kysely<Database>;
  sms: SmsSender;
  config: Pick<Config, 'SMS_DAILY_PER_NUMBER' | 'SMS_DAILY_TOTAL' | 'TIME_ZONE'>;
}

/** Sends a six-digit code to `phone`; stops the booking with the verification id the client sends back with the code. */
export async function requireCode(
  d: VerificationDeps,
  phone: string,
  language: Language,
  now: Date,
): Promise<never> {
  const recent = await d.db
    .selectFrom('phone_verifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('phone_e164', '=', phone)
    .where('created_at', '>', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= CODES_PER_NUMBER_PER_HOUR)
    throw new VerificationStopped({ reason: 'codes_per_number' });
  const budget = await takeSmsBudget(d.db, d.config, phone, now);
  if (!budget.ok)
    throw new VerificationStopped({
      reason: 'sms_budget',
      retryAfterSeconds: Math.max(60, Math.ceil((budget.resumeAt.getTime() - now.getTime()) / 1000)),
    });
  const id = crypto.randomUUID();
  const code = String((crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) % 1_000_000).padStart(6, '0');
  await d.db
    .insertInto('phone_verifications')
    .values({
      id,
      phone_e164: phone,
      code_hash: await codeHash(id, code),
      expires_at: new Date(now.getTime() + CODE_TTL_MS),
    })
    .execute();
  const text = renderVerificationSms(language, code);
  const sent = await d.sms.send({ id, to: phone, text });
  if (!sent.ok) throw new VerificationStopped({ reason: 'sms_unavailable' });
  throw new VerificationStopped({ reason: 'code_sent', verificationId: id });
}

/** Accepts a correct, fresh, unused code for this number once; anything else stops with `wrong_code`. */
export async function consumeCode(
  db: Kysely<Database>,
  v: { id: string; code: string },
  phone: string,
  now: Date,
): Promise<void> {
  const wrong = (message: string) => new VerificationStopped({ reason: 'wrong_code', message });
  const row = await db
    .updateTable('phone_verifications')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', v.id)
    .where('phone_e164', '=', phone)
    .where('used_at', 'is', null)
    .returning(['code_hash', 'attempts', 'expires_at'])
    .executeTakeFirst();
  if (!row) throw wrong('is unknown or already used');
  if (row.expires_at.getTime() < now.getTime()) throw wrong('has expired');
  if (row.attempts > MAX_ATTEMPTS) throw wrong('was entered wrongly too often');
  const given = await codeHash(v.id, v.code);
  let diff = given.length ^ row.code_hash.length;
  for (let i = 0; i < given.length; i++) diff |= (given[i] as number) ^ (row.code_hash[i] ?? 0);
  if (diff !== 0) throw wrong('is not right');
  await db.updateTable('phone_verifications').set({ used_at: now }).where('id', '=', v.id).execute();
}
