// The appointment as an iCalendar file (RFC 5545) in the booking's language, made with the `ics` package.
import { createEvent } from 'ics';
import type { Booking, Language } from '../db/database.ts';

/** Title and description of the calendar entry in the booking's language. */
const ICS_TEXT: Record<
  Language,
  { title: (service: string) => string; description: (manageUrl: string) => string }
> = {
  de: {
    title: (s) => `Videotermin: ${s}`,
    description: (u) => `Den Link zur Teilnahme erhalten Sie per SMS. Termin ändern oder absagen: ${u}`,
  },
  en: {
    title: (s) => `Video appointment: ${s}`,
    description: (u) => `You receive the link to join by text message. Change or cancel: ${u}`,
  },
  tr: {
    title: (s) => `Görüntülü randevu: ${s}`,
    description: (u) =>
      `Katılım bağlantısını SMS ile alırsınız. Randevuyu değiştirmek veya iptal etmek için: ${u}`,
  },
  ar: {
    title: (s) => `موعد بالفيديو: ${s}`,
    description: (u) => `سيصلك رابط المشاركة برسالة نصية. لتغيير الموعد أو إلغائه: ${u}`,
  },
  uk: {
    title: (s) => `Відеоконсультація: ${s}`,
    description: (u) => `Посилання для участі Ви отримаєте в SMS. Змінити або скасувати запис: ${u}`,
  },
  ru: {
    title: (s) => `Видеоконсультация: ${s}`,
    description: (u) => `Ссылку для участия Вы получите по SMS. Изменить или отменить запись: ${u}`,
  },
};

export interface IcsOptions {
  serviceName: string;
  manageUrl: string;
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
    description: text.description(o.manageUrl),
    url: o.manageUrl,
    status: b.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
  });
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return value;
}
