// Deletes what only lives for a while: audit entries, join-failure reports, expired staff sessions and login states, SMS codes, limit counters, day keys, booking request keys.
import type { Kysely } from 'kysely';
import { purgeRequestKeys } from '../bookings/request-keys.ts';
import type { Database } from '../db/database.ts';
import type { Config } from '../env.ts';
import { purgeSmsBudget } from '../notifications/sms-budget.ts';
import { purgeClientKeySecrets } from '../platform/client-keys.ts';
import { purgeRateLimits } from '../platform/rate-limiter.ts';
import { purgeStaffAuthState } from '../staff/purge.ts';

export interface HousekeepingCounts {
  auditEntries: number;
  joinFailures: number;
  staffSessions: number;
  rateLimitWindows: number;
}

const DAY = 86_400_000;
/** Deletes per table and tick, so a first run on a large table does not hold the tick for long. */
const BATCH = 5_000;

export async function runHousekeeping(
  db: Kysely<Database>,
  config: Pick<Config, 'AUDIT_RETENTION_DAYS' | 'JOIN_FAILURE_RETENTION_DAYS'>,
  now: Date,
): Promise<HousekeepingCounts> {
  const auditBefore = new Date(now.getTime() - config.AUDIT_RETENTION_DAYS * DAY);
  const failuresBefore = new Date(now.getTime() - config.JOIN_FAILURE_RETENTION_DAYS * DAY);
  const audit = await db
    .deleteFrom('audit_log')
    .where('id', 'in', (q) =>
      q.selectFrom('audit_log').select('id').where('at', '<', auditBefore).limit(BATCH),
    )
    .executeTakeFirst();
  const failures = await db
    .deleteFrom('join_failures')
    .where('id', 'in', (q) =>
      q.selectFrom('join_failures').select('id').where('at', '<', failuresBefore).limit(BATCH),
    )
    .executeTakeFirst();
  const sessions = await purgeStaffAuthState(db, now);
  await db
    .deleteFrom('phone_verifications')
    .where('expires_at', '<', new Date(now.getTime() - 3_600_000))
    .execute();
  const windows = await purgeRateLimits(db, now);
  await purgeClientKeySecrets(db, now);
  await purgeSmsBudget(db, now);
  await purgeRequestKeys(db, now);
  return {
    auditEntries: Number(audit.numDeletedRows),
    joinFailures: Number(failures.numDeletedRows),
    staffSessions: sessions,
    rateLimitWindows: windows,
  };
}
