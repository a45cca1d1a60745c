// Booking a slot: validate the time, pick a counsellor fairly, and commit booking, capacity, SMS and audit in one statement.
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Booking, Database, Language, Service } from '../db/database.ts';
import { retryTransient } from '../db/transaction.ts';
import type { Config } from '../env.ts';
import type { AppDeps, AppEnv } from '../http/context.ts';
import type { AppError } from '../http/problem.ts';
import { type PreparedClaim, prepareClaim } from '../interpreters/interpreters.ts';
import { newTimeMessages } from '../notifications/booking-messages.ts';
import { outboxRowsJson } from '../notifications/outbox.ts';
import { generateRoomName, generateSecret, hashSecret } from '../platform/secrets.ts';
import { blockedSpan, type StartCheck } from '../schedule/slot-engine.ts';
import { rulesOf } from '../slots/calendar.ts';
import { type BookingClaim, claimBooking, claimRefusalOf } from './claim.ts';
import { phoneLimitError } from './limits.ts';
import { placeStart } from './placement.ts';
import { serviceName } from './present.ts';
import { isRequestKeyConflict, type RequestKey, RequestKeyTaken, sealedLinksOf } from './request-keys.ts';

/** What a booking flow needs: the app's dependencies it touches, the time and the request id. */
export interface BookingContext
  extends Pick<AppDeps, 'db' | 'config' | 'memo' | 'bookingGate' | 'calendarChanged'> {
  now: Date;
  requestId: string;
}

export function bookingContext<E extends AppEnv>(c: Context<E>): BookingContext {
  const { db, config, memo, bookingGate, calendarChanged } = c.get('deps');
  const now = c.get('clock').now();
  return { db, config, memo, bookingGate, calendarChanged, now, requestId: c.get('requestId') };
}

export interface BookingRequest {
  /** When the citizen agreed to which privacy notice; kept in the booking's audit entry. */
  consent?: { at: string; noticeVersion: string };
  serviceId: string;
  start: Date;
  phone: string;
  name: string | null;
  email: string | null;
  customerNumber: string | null;
  language: Language;
  /** A language (or dgs, sign language) to bring an interpreter for. */
  interpreter?: string | null | undefined;
  /** The request's Idempotency-Key: stored with the booking, a second booking with it is refused. */
  requestKey?: RequestKey | null;
}

export type BookResult =
  | { ok: true; booking: Booking; service: Service; joinCode: string; manageToken: string }
  | { ok: false; reason: 'unknown_service' | 'slot_unavailable' | 'interpreter_unavailable' }
  | { ok: false; reason: 'phone_limit'; error: AppError }
  | { ok: false; reason: 'slot_invalid'; why: Exclude<StartCheck, { ok: true }>['reason'] };

export function joinUrlOf(config: Config, code: string): string {
  return `${config.PUBLIC_BASE_URL}/j/${code}`;
}

export function manageUrlOf(config: Config, token: string): string {
  return `${config.PUBLIC_BASE_URL}/m/${token}`;
}

export async function findBookableService(db: Kysely<Database>, id: string): Promise<Service | undefined> {
  const service = await db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
  return service?.active ? service : undefined;
}

/** A service edit reaches bookings within this long; the claim statement re-checks that the service is still active. */
const SERVICE_TTL_MS = 5_000;

function cachedBookableService(ctx: BookingContext, id: string): Promise<Service | undefined> {
  return ctx.memo.get(`service:${id}`, SERVICE_TTL_MS, () => findBookableService(ctx.db, id));
}

/**
 * The arguments of claim_booking for a new citizen booking (candidates still empty): fresh id and secrets, the booked and
 * reminder SMS, the audit entry. Exported so that the pgbench ceiling (bench/booking.ts) sends the same.
 */
export async function buildScheduledClaim(
  ctx: Pick<BookingContext, 'config' | 'now' | 'requestId'>,
  service: Service,
  req: BookingRequest,
  interpreter?: PreparedClaim,
): Promise<{ claim: BookingClaim; joinCode: string; manageToken: string }> {
  const rules = rulesOf(service);
  const timeZone = ctx.config.TIME_ZONE;
  const end = new Date(req.start.getTime() + rules.durationMinutes * 60_000);
  const id = crypto.randomUUID();
  const joinCode = generateSecret();
  const manageToken = generateSecret();
  const [joinCodeHash, manageTokenHash] = await Promise.all([hashSecret(joinCode), hashSecret(manageToken)]);
  const messages = newTimeMessages({
    type: 'booked',
    booking: {
      id,
      start: req.start,
      end,
      phone: req.phone,
      language: req.language,
      smsOptOut: false,
      serviceName: serviceName(service, req.language),
      timeZone,
    },
    joinUrl: joinUrlOf(ctx.config, joinCode),
    manageUrl: manageUrlOf(ctx.config, manageToken),
    reminderOffsetsMinutes: ctx.config.REMINDER_OFFSETS_MINUTES,
    now: ctx.now,
  });
  const blocked = blockedSpan(rules, req.start.getTime());
  const claim: BookingClaim = {
    id,
    kind: 'scheduled',
    candidates: [],
    serviceId: service.id,
    start: req.start,
    end,
    blockedStart: new Date(blocked.start),
    blockedEnd: new Date(blocked.end),
    joinCodeHash,
    manageTokenHash,
    roomName: generateRoomName(),
    contact: {
      phone: req.phone,
      name: req.name,
      email: req.email,
      customerNumber: req.customerNumber,
      language: req.language,
    },
    timeZone,
    now: ctx.now,
    messagesJson: await outboxRowsJson(messages),
    interpreter,
    audit: {
      actorType: 'citizen',
      requestId: ctx.requestId,
      interpreter: req.interpreter ?? null,
      consent: req.consent && { at: new Date(req.consent.at), noticeVersion: req.consent.noticeVersion },
    },
  };
  return { claim, joinCode, manageToken };
}

/** Interpreters of `language` who look free for the slot, with their join code and SMS prepared. */
function interpreterClaimFor(
  ctx: BookingContext,
  service: Service,
  req: BookingRequest,
  language: string,
): Promise<PreparedClaim> {
  const rules = rulesOf(service);
  return prepareClaim(
    ctx.db,
    {
      // Names the message's dedupe key only; the database links the claim to the booking it inserts.
      bookingId: crypto.randomUUID(),
      kind: 'scheduled',
      start: req.start,
      blockedStart: new Date(blockedSpan(rules, req.start.getTime()).start),
      blockedEnd: new Date(blockedSpan(rules, req.start.getTime()).end),
      serviceName: service.name_de,
    },
    language,
    { timeZone: ctx.config.TIME_ZONE, baseUrl: ctx.config.PUBLIC_BASE_URL, now: ctx.now },
  );
}

export function bookSlot(ctx: BookingContext, req: BookingRequest): Promise<BookResult> {
  return ctx.bookingGate.run(() => bookSlotNow(ctx, req));
}

async function bookSlotNow(ctx: BookingContext, req: BookingRequest): Promise<BookResult> {
  const service = await cachedBookableService(ctx, req.serviceId);
  if (!service) return { ok: false, reason: 'unknown_service' };
  const placed = await placeStart(ctx, service, req.start);
  if (!placed.ok) return { ok: false, reason: 'slot_invalid', why: placed.why };
  const { candidates } = placed;
  if (candidates.length === 0) return { ok: false, reason: 'slot_unavailable' };
  const interpreter = req.interpreter
    ? await interpreterClaimFor(ctx, service, req, req.interpreter)
    : undefined;
  if (interpreter && interpreter.candidates.length === 0)
    return { ok: false, reason: 'interpreter_unavailable' };

  const { claim, joinCode, manageToken } = await buildScheduledClaim(ctx, service, req, interpreter);
  claim.candidates = candidates;
  try {
    if (req.requestKey)
      claim.requestKey = { ...req.requestKey, sealedLinks: await sealedLinksOf(joinCode, manageToken) };
    const booking = await retryTransient(() =>
      claimBooking(ctx.db, claim).catch((e: unknown) => {
        // Not transient: the same key committed first, and its booking is the answer.
        throw isRequestKeyConflict(e) ? new RequestKeyTaken() : e;
      }),
    );
    if (!booking) return { ok: false, reason: 'slot_unavailable' };
    ctx.calendarChanged('bookings');
    return { ok: true, booking, service, joinCode, manageToken };
  } catch (error) {
    const refusal = claimRefusalOf(error);
    if (refusal === 'interpreter_unavailable') return { ok: false, reason: 'interpreter_unavailable' };
    if (refusal) return { ok: false, reason: 'slot_unavailable' };
    const limited = phoneLimitError(error);
    if (limited) return { ok: false, reason: 'phone_limit', error: limited };
    throw error;
  }
}
