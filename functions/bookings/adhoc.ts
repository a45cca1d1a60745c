// Ad-hoc sessions: a counsellor starts a video call now; it uses the capacity kept in reserve for exactly this.
import type { Booking, Language } from '../db/database.ts';
import { retryTransient } from '../db/transaction.ts';
import type { Config } from '../env.ts';
import type { AppDeps } from '../http/context.ts';
import { outboxRowsJson } from '../notifications/outbox.ts';
import { renderSms } from '../notifications/templates.ts';
import { generateRoomName, generateSecret, hashSecret } from '../platform/secrets.ts';
import { claimBooking, claimRefusalOf } from './claim.ts';

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

/**
 * Books an immediate session with the counsellor from `now` for capacity_settings.adhoc_duration_minutes
 * through claim_booking (kind adhoc): it counts into `adhoc_used` of the five-minute buckets it touches
 * (start rounded down, end rounded up), so it may use the ad-hoc reserve; the counsellor must not have
 * another live booking overlapping it. Booking, capacity, SMS with the join link and audit entry commit
 * in one statement. Without a service the database takes the counsellor's first skill.
 */
export async function createAdhocBooking(
  deps: Pick<AppDeps, 'db' | 'calendarChanged'>,
  req: AdhocRequest,
): Promise<AdhocResult> {
  const id = crypto.randomUUID();
  const joinCode = generateSecret();
  const joinUrl = `${req.config.PUBLIC_BASE_URL}/j/${joinCode}`;
  const phone = req.phone ?? null;
  const messages = phone
    ? [
        {
          bookingId: id,
          kind: 'adhoc_link' as const,
          dedupeKey: `adhoc_link:${id}`,
          recipient: phone,
          body: renderSms('adhoc_link', req.language, { joinUrl }),
        },
      ]
    : [];
  try {
    const booking = await retryTransient(async () =>
      claimBooking(deps.db, {
        id,
        kind: 'adhoc',
        candidates: [req.counsellorId],
        ...(req.serviceId ? { serviceId: req.serviceId } : {}),
        start: req.now,
        joinCodeHash: await hashSecret(joinCode),
        roomName: generateRoomName(),
        timeZone: req.config.TIME_ZONE,
        now: req.now,
        contact: { phone, name: req.name ?? null, email: null, customerNumber: null, language: req.language },
        messagesJson: await outboxRowsJson(messages),
        audit: {
          actorType: req.actorId ? 'staff' : 'system',
          actorId: req.actorId ?? null,
          requestId: req.requestId ?? null,
        },
      }),
    );
    if (!booking) return { ok: false, reason: 'counsellor_busy' };
    deps.calendarChanged('bookings');
    return { ok: true, booking, joinCode, joinUrl };
  } catch (error) {
    if (claimRefusalOf(error) === 'capacity') return { ok: false, reason: 'capacity_unavailable' };
    throw error;
  }
}
