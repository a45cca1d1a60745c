// Which SMS a booking change causes (confirmation, reminders, cancellation, new time), queued in its transaction.
import type { Transaction } from 'kysely';
import type { Database, Language } from '../db/database.ts';
import { cancelPendingMessages, enqueueMessage } from './outbox.ts';
import { renderSms } from './templates.ts';

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
      manageUrl: string;
      reminderOffsetsMinutes: number[];
      now: Date;
    }
  | { type: 'cancelled'; booking: BookingForMessages; now: Date };

export async function queueBookingMessages(trx: Transaction<Database>, event: BookingEvent): Promise<void> {
  const b = event.booking;
  if (event.type !== 'booked') await cancelPendingMessages(trx, b.id);
  if (!b.phone || b.smsOptOut) return;
  const params = { start: b.start, timeZone: b.timeZone, service: b.serviceName };
  if (event.type === 'cancelled') {
    await enqueueMessage(trx, {
      bookingId: b.id,
      kind: 'cancellation',
      dedupeKey: `cancellation:${b.id}`,
      recipient: b.phone,
      body: renderSms('cancellation', b.language, params),
    });
    return;
  }
  const stamp = b.start.toISOString();
  const kind = event.type === 'booked' ? 'confirmation' : 'rescheduled';
  await enqueueMessage(trx, {
    bookingId: b.id,
    kind,
    dedupeKey: `${kind}:${b.id}:${stamp}`,
    recipient: b.phone,
    body: renderSms(kind, b.language, { ...params, joinUrl: event.joinUrl, manageUrl: event.manageUrl }),
  });
  for (const offset of event.reminderOffsetsMinutes) {
    const at = new Date(b.start.getTime() - offset * 60_000);
    // A reminder whose time has already passed (short notice) would only duplicate the confirmation.
    if (at.getTime() <= event.now.getTime()) continue;
    await enqueueMessage(trx, {
      bookingId: b.id,
      kind: 'reminder',
      dedupeKey: `reminder:${b.id}:${stamp}:${offset}`,
      recipient: b.phone,
      body: renderSms('reminder', b.language, { ...params, joinUrl: event.joinUrl }),
      notBefore: at,
    });
  }
}
