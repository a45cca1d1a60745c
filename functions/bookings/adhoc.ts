// Ad-hoc sessions: a counsellor starts a video call now; it uses the capacity kept in reserve for exactly this.
import type { Transaction } from 'kysely';
import { writeAudit } from '../audit/audit.ts';
import { takeCapacity } from '../capacity/buckets.ts';
import type { Booking, Database, Language } from '../db/database.ts';
import { runBookingTransaction } from '../db/transaction.ts';
import type { Config } from '../env.ts';
import type { AppDeps } from '../http/context.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { renderSms } from '../notifications/templates.ts';
import { generateRoomName, generateSecret, hashSecret } from '../platform/secrets.ts';
import { insertBookingIfFree } from './repository.ts';

export interface AdhocRequest {
  counsellorId: string;
  /** Defaults to the counsellor's first active skill, else the first active service. */
  serviceId?: string;
  /** E.164 (normalise with normalizeMobilePhone from ./phone.ts first); with it, the join link is sent by SMS. */
  phone?: string | null;
  name?: string | null;
  language: Language;
  now: Date;
  config: Config;
  /** The staff user starting the session, for the audit log. */
  actorId?: string | null;
  requestId?: string | null;
}

export type AdhocResult =
  | { ok: true; booking: Booking; joinCode: string; joinUrl: string }
  | { ok: false; reason: 'capacity_unavailable' | 'counsellor_busy' };

class NoCapacity extends Error {}

/**
 * Books an immediate session with the counsellor from `now` for capacity_settings.adhoc_duration_minutes.
 * It counts into `adhoc_used` of the five-minute buckets it touches (start rounded down, end rounded up),
 * so it may use the ad-hoc reserve; the counsellor must not have another live booking overlapping it.
 * The booking, the capacity, the SMS with the join link and the audit entry commit together.
 */
export async function createAdhocBooking(
  deps: Pick<AppDeps, 'db' | 'calendarChanged'>,
  req: AdhocRequest,
): Promise<AdhocResult> {
  const db = deps.db;
  try {
    const result = await runBookingTransaction(db, (trx) => bookAdhoc(trx, req));
    if (result.ok) deps.calendarChanged('bookings');
    return result;
  } catch (error) {
    if (error instanceof NoCapacity) return { ok: false, reason: 'capacity_unavailable' };
    throw error;
  }
}

async function bookAdhoc(trx: Transaction<Database>, req: AdhocRequest): Promise<AdhocResult> {
  const settings = await trx
    .selectFrom('capacity_settings')
    .select('adhoc_duration_minutes')
    .where('id', '=', 1)
    .forShare()
    .executeTakeFirst();
  if (!settings) return { ok: false, reason: 'capacity_unavailable' };
  const serviceId = req.serviceId ?? (await defaultServiceFor(trx, req.counsellorId));
  const end = new Date(req.now.getTime() + settings.adhoc_duration_minutes * 60_000);
  const joinCode = generateSecret();
  const booking = await insertBookingIfFree(trx, {
    serviceId,
    counsellorId: req.counsellorId,
    kind: 'adhoc',
    start: req.now,
    end,
    blockedStart: req.now,
    blockedEnd: end,
    joinCodeHash: await hashSecret(joinCode),
    manageTokenHash: null,
    roomName: generateRoomName(),
    phone: req.phone ?? null,
    name: req.name ?? null,
    email: null,
    customerNumber: null,
    language: req.language,
  });
  if (!booking) return { ok: false, reason: 'counsellor_busy' };
  if (!(await takeCapacity(trx, { start: req.now, end, kind: 'adhoc' }))) throw new NoCapacity();
  const joinUrl = `${req.config.PUBLIC_BASE_URL}/j/${joinCode}`;
  if (booking.phone_e164) {
    await enqueueMessage(trx, {
      bookingId: booking.id,
      kind: 'adhoc_link',
      dedupeKey: `adhoc_link:${booking.id}`,
      recipient: booking.phone_e164,
      body: renderSms('adhoc_link', req.language, { joinUrl }),
    });
  }
  await writeAudit(trx, {
    actorType: req.actorId ? 'staff' : 'system',
    actorId: req.actorId ?? null,
    action: 'booking.adhoc_created',
    entityType: 'booking',
    entityId: booking.id,
    detail: {
      counsellorId: req.counsellorId,
      serviceId,
      start: req.now.toISOString(),
      end: end.toISOString(),
    },
    requestId: req.requestId ?? null,
  });
  return { ok: true, booking, joinCode, joinUrl };
}

async function defaultServiceFor(trx: Transaction<Database>, counsellorId: string): Promise<string> {
  const row = await trx
    .selectFrom('services')
    .leftJoin('counsellor_skills', (j) =>
      j
        .onRef('counsellor_skills.service_id', '=', 'services.id')
        .on('counsellor_skills.counsellor_id', '=', counsellorId),
    )
    .select('services.id')
    .where('services.active', '=', true)
    .orderBy((eb) => eb.case().when('counsellor_skills.counsellor_id', 'is', null).then(1).else(0).end())
    .orderBy('services.sort_order')
    .orderBy('services.id')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new Error('no active service exists for an ad-hoc session');
  return row.id;
}
