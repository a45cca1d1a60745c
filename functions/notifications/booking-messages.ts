// Which SMS a booking change causes (confirmation, reminders, cancellation, new time), queued in its transaction.
import type { Kysely, Transaction } from 'kysely';
import type { Database, Language } from '../db/database.ts';
import { cancelPendingMessages, type EnqueueMessage, enqueueMessage, enqueueMessages } from './outbox.ts';
import { reminderTimes } from './reminders.ts';
import { renderSms } from './templates.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface BookingForMessages {
  id: string;
  start: Date;
  end: Date;
  phone: string | null;
  language: Language;
  smsOptOut: boolean;
  serviceName: string;
  timeZone: string;
}

export type BookingEvent =
  | {
      type: 'booked';
      booking: BookingForMessages;
      joinUrl: string;
      manageUrl: string;
      reminderOffsetsMinutes: number[];
      now: Date;
    }
  | {
      type: 'rescheduled';
      booking: BookingForMessages;
      joinUrl: string;
      /** Absent when an operator moved the booking: only the manage token's hash is stored. */
      manageUrl?: string;
      reminderOffsetsMinutes: number[];
      now: Date;
      /** When the new time is a new booking row: the old one, whose waiting reminders are withdrawn. */
      previousBookingId?: string;
    }
  | { type: 'cancelled'; booking: BookingForMessages; now: Date; bookUrl?: string };

/** Queues the SMS for a booking change; call it inside the transaction that makes the change. */
export async function queueBookingMessages(trx: Transaction<Database>, event: BookingEvent): Promise<void> {
  const b = event.booking;
  if (event.type !== 'booked') await cancelPendingMessages(trx, b.id);
  if (event.type === 'rescheduled' && event.previousBookingId)
    await cancelPendingMessages(trx, event.previousBookingId);
  if (!b.phone || b.smsOptOut) return;
  const params = { start: b.start, timeZone: b.timeZone, service: b.serviceName };
  const base = { bookingId: b.id, recipient: b.phone, now: event.now };
  if (event.type === 'cancelled') {
    await enqueueMessage(trx, {
      ...base,
      kind: 'cancellation',
      dedupeKey: `cancellation:${b.id}`,
      body: renderSms('cancellation', b.language, {
        ...params,
        ...(event.bookUrl ? { bookUrl: event.bookUrl } : {}),
      }),
    });
    return;
  }
  await enqueueMessages(trx, newTimeMessages(event));
}

/** The confirmation (or new-time notice) and the reminders for a booked or moved appointment, not yet queued. */
export function newTimeMessages(
  event: Extract<BookingEvent, { type: 'booked' | 'rescheduled' }>,
): EnqueueMessage[] {
  const b = event.booking;
  if (!b.phone || b.smsOptOut) return [];
  const params = { start: b.start, timeZone: b.timeZone, service: b.serviceName };
  const base = { bookingId: b.id, recipient: b.phone, now: event.now };
  const stamp = b.start.toISOString();
  const kind = event.type === 'booked' ? 'confirmation' : 'rescheduled';
  const links = { joinUrl: event.joinUrl, manageUrl: event.manageUrl };
  const messages: EnqueueMessage[] = [
    {
      ...base,
      kind,
      dedupeKey: `${kind}:${b.id}:${stamp}`,
      body: renderSms(kind, b.language, { ...params, ...links }),
    },
  ];
  const reminders = reminderTimes(b.start, event.reminderOffsetsMinutes, event.now);
  const reminderBody = reminders.length > 0 ? renderSms('reminder', b.language, { ...params, ...links }) : '';
  for (const r of reminders) {
    messages.push({
      ...base,
      kind: 'reminder',
      dedupeKey: `reminder:${b.id}:${stamp}:${r.offsetMinutes}`,
      body: reminderBody,
      notBefore: r.at,
    });
  }
  return messages;
}

export type QueueResult =
  | { queued: true; messageId: string }
  | { queued: false; reason: 'not_found' | 'not_active' | 'no_sms' | 'citizen_present' | 'duplicate' };

interface ReadyOptions {
  now?: Date;
}

/**
 * "Your counsellor is ready" for a citizen who is not in the room yet, at most once per booking.
 *
 * Join codes are stored only as hashes, so the original link cannot be put into this SMS. Design:
 * without `joinUrl` the text asks the citizen to open the link from the confirmation SMS (their
 * link stays valid; issuing a new code would break a join page they may already have open). A
 * caller that has just issued a fresh code and stored its hash may pass the new link as `joinUrl`.
 */
export async function queueCounsellorReady(
  db: Db,
  bookingId: string,
  joinUrl?: string,
  options: ReadyOptions = {},
): Promise<QueueResult> {
  const b = await db
    .selectFrom('bookings')
    .select(['id', 'status', 'phone_e164', 'sms_opt_out', 'language', 'citizen_joined_at'])
    .where('id', '=', bookingId)
    .executeTakeFirst();
  if (!b) return { queued: false, reason: 'not_found' };
  if (b.status !== 'confirmed') return { queued: false, reason: 'not_active' };
  if (!b.phone_e164 || b.sms_opt_out) return { queued: false, reason: 'no_sms' };
  if (b.citizen_joined_at) return { queued: false, reason: 'citizen_present' };
  const row = await enqueueMessage(db, {
    bookingId,
    kind: 'counsellor_ready',
    dedupeKey: `counsellor_ready:${bookingId}`,
    recipient: b.phone_e164,
    body: renderSms('counsellor_ready', b.language, joinUrl ? { joinUrl } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  return row ? { queued: true, messageId: row.id } : { queued: false, reason: 'duplicate' };
}

export interface RunningLate {
  booking: { id: string; start: Date; phone: string | null; smsOptOut: boolean; language: Language };
  minutes: number;
  timeZone: string;
  now: Date;
}

/** "Running about N minutes late"; a newer delay replaces one still waiting to be sent. */
export async function queueRunningLate(db: Db, r: RunningLate): Promise<QueueResult> {
  const b = r.booking;
  await cancelPendingMessages(db, b.id, ['running_late']);
  if (!b.phone || b.smsOptOut) return { queued: false, reason: 'no_sms' };
  const row = await enqueueMessage(db, {
    bookingId: b.id,
    kind: 'running_late',
    dedupeKey: `running_late:${b.id}:${r.minutes}:${r.now.getTime()}`,
    recipient: b.phone,
    body: renderSms('running_late', b.language, { start: b.start, timeZone: r.timeZone, minutes: r.minutes }),
    now: r.now,
  });
  return row ? { queued: true, messageId: row.id } : { queued: false, reason: 'duplicate' };
}
