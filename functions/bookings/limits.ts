// Booking limits: allowed number countries, bookings per client and per service-day (shared limiter), per phone (database trigger).
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Database } from '../db/database.ts';
import { sqlState } from '../db/errors.ts';
import type { Config } from '../env.ts';
import type { AppEnv } from '../http/context.ts';
import { rateLimited, requestClientKey } from '../http/limits.ts';
import { AppError } from '../http/problem.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The ISO country of an E.164 number, or null when libphonenumber cannot tell. */
export function phoneCountry(e164: string): string | null {
  return parsePhoneNumberFromString(e164)?.country ?? null;
}

/** 422 unless the number belongs to one of BOOKING_PHONE_COUNTRIES (SMS to other countries costs and invites pumping). */
export function assertPhoneCountry(config: Pick<Config, 'BOOKING_PHONE_COUNTRIES'>, e164: string): void {
  const country = phoneCountry(e164);
  if (country && config.BOOKING_PHONE_COUNTRIES.includes(country)) return;
  throw new AppError('validation_failed', {
    detail: 'Please enter a mobile number from a country we can send text messages to.',
    errors: [
      { path: 'phone', message: `must be a mobile number from ${config.BOOKING_PHONE_COUNTRIES.join(', ')}` },
    ],
  });
}

const patterns = new Map<string, RegExp>();

/** 422 unless the customer number matches CUSTOMER_NUMBER_PATTERN (it becomes part of the case-file link). */
export function assertCustomerNumber(
  config: Pick<Config, 'CUSTOMER_NUMBER_PATTERN'>,
  value: string | null,
): void {
  if (value === null) return;
  let re = patterns.get(config.CUSTOMER_NUMBER_PATTERN);
  if (!re) {
    re = new RegExp(config.CUSTOMER_NUMBER_PATTERN);
    patterns.set(config.CUSTOMER_NUMBER_PATTERN, re);
  }
  if (re.test(value)) return;
  throw new AppError('validation_failed', {
    detail: 'Please check your customer number: it is on your letters from us.',
    errors: [{ path: 'customerNumber', message: 'must be a customer number as printed on our letters' }],
  });
}

/**
 * Counts this booking attempt for the client (IPv4 address or IPv6 /64) and for the service's day;
 * 429 with Retry-After once either is over. Returns how close the client is to its limit (0..1),
 * which phone verification in `suspicious` mode reads as "unusual activity".
 */
export async function hitBookingLimits(c: Context<AppEnv>, serviceId: string): Promise<number> {
  const limits = c.get('limits');
  if (!limits.enabled) return 0;
  const config = c.get('config');
  const now = c.get('clock').now();
  const client = await limits.hit(
    await requestClientKey(c, 'booking-client'),
    config.BOOKINGS_PER_CLIENT_PER_HOUR,
    HOUR,
    now,
  );
  if (!client.ok)
    throw rateLimited(
      'Too many bookings from your connection. Please try again later or call us.',
      client.retryAfterSeconds,
      { limit: 'booking-client' },
    );
  const service = await limits.hit(
    `booking-service:${serviceId}`,
    config.BOOKINGS_PER_SERVICE_PER_DAY,
    DAY,
    now,
  );
  if (!service.ok)
    throw rateLimited(
      'Online booking for this topic is paused for today. Please try again tomorrow or call us.',
      service.retryAfterSeconds,
      { limit: 'booking-service-day' },
    );
  return client.count / config.BOOKINGS_PER_CLIENT_PER_HOUR;
}

const synced = new WeakMap<object, string>();
const UNLIMITED = 1_000_000;

/** Writes the per-phone limits of this configuration into booking_limits, which the bookings trigger reads. */
export async function syncPhoneLimits(
  db: Kysely<Database>,
  config: Pick<Config, 'BOOKING_ACTIVE_PER_PHONE' | 'BOOKINGS_PER_PHONE_PER_DAY' | 'RATE_LIMITS'>,
): Promise<void> {
  // RATE_LIMITS=off (load tests) lifts these too.
  const off = config.RATE_LIMITS === 'off';
  const row = {
    active_per_phone: off ? UNLIMITED : config.BOOKING_ACTIVE_PER_PHONE,
    per_phone_per_day: off ? UNLIMITED : config.BOOKINGS_PER_PHONE_PER_DAY,
  };
  const value = `${row.active_per_phone}/${row.per_phone_per_day}`;
  if (synced.get(db) === value) return;
  await db
    .insertInto('booking_limits')
    .values({ id: true, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row, updated_at: new Date() }))
    .execute();
  synced.set(db, value);
}

/** The 429 for the trigger's `phone_booking_limit` violation, or null for any other error. */
export function phoneLimitError(error: unknown): AppError | null {
  const e = error as { constraint?: unknown; message?: unknown; detail?: unknown };
  if (sqlState(error) !== '23514' || e.constraint !== 'phone_booking_limit') return null;
  const seconds = Number(e.detail);
  const retry = Number.isFinite(seconds) && seconds > 0 ? seconds : DAY / 1000;
  return e.message === 'phone_active_limit'
    ? rateLimited(
        'This mobile number already has the most appointments we allow at once. Please cancel one or wait until it has taken place.',
        retry,
        { limit: 'phone-active' },
      )
    : rateLimited('Too many bookings for this mobile number today. Please try again tomorrow.', retry, {
        limit: 'phone-daily',
      });
}
