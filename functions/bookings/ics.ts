// The appointment as an iCalendar file (RFC 5545) in the booking's language, made with the `ics` package.
import { createEvent } from 'ics';
import type { Booking, Language } from '../db/database.ts';

/** Title and description of the calendar entry in the booking's language; no link, as calendars sync to third-party servers. */
const ICS_TEXT: Record<Language, { title: (service: string) => string; description: string }> = {
  de: {
    title: (s) => `Videotermin: ${s}`,
    description: 'Den Link zur Teilnahme und zum Ändern oder Absagen finden Sie in Ihrer Bestätigungs-SMS.',
  },
  en: {
    title: (s) => `Video appointment: ${s}`,
    description: 'You find the link to join, change or cancel in your confirmation text message.',
  },
  tr: {
    title: (s) => `Görüntülü randevu: ${s}`,
    description: "Katılım, randevuyu değiştirme veya iptal etme bağlantısını onay SMS'inizde bulabilirsiniz.",
  },
  ar: {
    title: (s) => `موعد بالفيديو: ${s}`,
    description: 'تجدون رابط المشاركة وتغيير الموعد أو إلغائه في رسالة التأكيد النصية.',
  },
  uk: {
    title: (s) => `Відеоконсультація: ${s}`,
    description: 'Посилання для участі, зміни або скасування запису Ви знайдете в SMS-підтвердженні.',
  },
  ru: {
    title: (s) => `Видеоконсультация: ${s}`,
    description: 'Ссылку для участия, изменения или отмены записи Вы найдёте в SMS-подтверждении.',
  },
};

export interface IcsOptions {
  serviceName: string;
  /** Where the citizen can book; never the manage link (calendars sync to third-party servers). */
  homeUrl: string;
  language: Language;
  host: string;
}

/** Returns the .ics text, or throws for a bug (ics refuses only malformed input). */
export function bookingToIcs(b: Booking, o: IcsOptions): string {
  const text = ICS_TEXT[o.language];
  const { error, value } = createEvent({
    productId: 'beratungsraum/ics',
    method: 'PUBLISH',
    uid: `${b.id}@${o.host}`,
    start: new Date(b.start_at).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: new Date(b.end_at).getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: text.title(o.serviceName),
    description: text.description,
    url: o.homeUrl,
    status: b.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
  });
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return value;
}
