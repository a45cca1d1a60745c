// The appointment as an iCalendar file (RFC 5545/5546) in the booking's language, made with the `ics` package.
import { createEvent } from 'ics';
import type { Booking, Language } from '../db/database.ts';

/** Title and description of the calendar entry in the booking's language; no link, as calendars sync to third-party servers. */
const ICS_TEXT: Record<
  Language,
  { title: (service: string) => string; description: string; cancelled: string }
> = {
  de: {
    title: (s) => `Videotermin: ${s}`,
    description: 'Den Link zur Teilnahme und zum Ändern oder Absagen finden Sie in Ihrer Bestätigungs-SMS.',
    cancelled: 'Dieser Termin ist abgesagt.',
  },
  en: {
    title: (s) => `Video appointment: ${s}`,
    description: 'You find the link to join, change or cancel in your confirmation text message.',
    cancelled: 'This appointment is cancelled.',
  },
  tr: {
    title: (s) => `Görüntülü randevu: ${s}`,
    description: "Katılım, randevuyu değiştirme veya iptal etme bağlantısını onay SMS'inizde bulabilirsiniz.",
    cancelled: 'Bu randevu iptal edildi.',
  },
  ar: {
    title: (s) => `موعد بالفيديو: ${s}`,
    description: 'تجدون رابط المشاركة وتغيير الموعد أو إلغائه في رسالة التأكيد النصية.',
    cancelled: 'تم إلغاء هذا الموعد.',
  },
  uk: {
    title: (s) => `Відеоконсультація: ${s}`,
    description: 'Посилання для участі, зміни або скасування запису Ви знайдете в SMS-підтвердженні.',
    cancelled: 'Цей запис скасовано.',
  },
  ru: {
    title: (s) => `Видеоконсультация: ${s}`,
    description: 'Ссылку для участия, изменения или отмены записи Вы найдёте в SMS-подтверждении.',
    cancelled: 'Эта запись отменена.',
  },
};

export interface IcsOptions {
  serviceName: string;
  /** Where the citizen can book; never the manage link (calendars sync to third-party servers). */
  homeUrl: string;
  language: Language;
  host: string;
  /** The first booking of a reschedule chain: its id is the event's UID for the whole chain. */
  rootId: string;
  /** How often the appointment was moved before this booking. */
  moves: number;
}

/**
 * Returns the .ics text, or throws for a bug (ics refuses only malformed input). One appointment is
 * one calendar event however often it moves: the UID is the chain's first booking and SEQUENCE
 * counts the moves, so a calendar program replaces the old time; a cancelled appointment comes as
 * METHOD:CANCEL with a higher SEQUENCE, so the program removes it.
 *
 * @example bookingToIcs(moved, { ..., rootId: first.id, moves: 1 }) // UID:<first.id>@host, SEQUENCE:1
 */
export function bookingToIcs(b: Booking, o: IcsOptions): string {
  const text = ICS_TEXT[o.language];
  const cancelled = b.status === 'cancelled';
  const { error, value } = createEvent({
    productId: 'beratungsraum/ics',
    method: cancelled ? 'CANCEL' : 'PUBLISH',
    uid: `${o.rootId}@${o.host}`,
    sequence: o.moves + (cancelled ? 1 : 0),
    start: new Date(b.start_at).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: new Date(b.end_at).getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: text.title(o.serviceName),
    description: cancelled ? text.cancelled : text.description,
    url: o.homeUrl,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: cancelled ? 'FREE' : 'BUSY',
  });
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return value;
}
