// Erases personal data RETENTION_DAYS after each appointment; every erasure is written to the audit log.
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit/audit.ts';
import type { Database } from '../db/database.ts';
import type { Config } from '../env.ts';
import type { Logger } from '../http/context.ts';
import {
  eraseBookings,
  eraseOrphanMessages,
  lockBookingsToErase,
  readRetentionSetting,
} from './repository.ts';
import { effectiveRetentionDays, retentionCutoff } from './retention-date.ts';

export interface RetentionDeps {
  db: Kysely<Database>;
  config: Pick<Config, 'RETENTION_DAYS'>;
  log: Logger;
}

export interface RetentionCounts {
  bookings: number;
  messages: number;
}

const ERASED_FIELDS = ['phone', 'name', 'email', 'customerNumber', 'notes', 'surveyComment', 'messages'];

/** Erases what is due, in batches of `batchSize` bookings (one transaction each), at most `maxBatches` per call. */
export async function runRetention(
  deps: RetentionDeps,
  now: Date,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<RetentionCounts> {
  const batchSize = options.batchSize ?? 100;
  const maxBatches = options.maxBatches ?? 10;
  const days = effectiveRetentionDays(deps.config.RETENTION_DAYS, await readRetentionSetting(deps.db));
  const cutoff = retentionCutoff(now, days);
  const counts: RetentionCounts = { bookings: 0, messages: 0 };
  for (let i = 0; i < maxBatches; i++) {
    const erased = await deps.db.transaction().execute(async (trx) => {
      const due = await lockBookingsToErase(trx, cutoff, batchSize);
      const ids = due.map((b) => b.id);
      const erasedCounts = await eraseBookings(trx, ids, now);
      for (const b of due) {
        await writeAudit(trx, {
          actorType: 'system',
          action: 'retention_erase',
          entityType: 'booking',
          entityId: b.id,
          detail: { fields: ERASED_FIELDS, retentionDays: days, appointmentEnd: b.end_at.toISOString() },
        });
      }
      counts.messages += erasedCounts.messages;
      return ids.length;
    });
    counts.bookings += erased;
    if (erased < batchSize) break;
  }
  const orphans = await deps.db.transaction().execute(async (trx) => {
    const ids = await eraseOrphanMessages(trx, cutoff);
    for (const id of ids) {
      await writeAudit(trx, {
        actorType: 'system',
        action: 'retention_erase',
        entityType: 'outbox_message',
        entityId: id,
        detail: { fields: ['recipient', 'text'], retentionDays: days },
      });
    }
    return ids;
  });
  counts.messages += orphans.length;
  if (counts.bookings > 0 || orphans.length > 0)
    deps.log.info('retention erased personal data', { ...counts, retentionDays: days });
  return counts;
}
