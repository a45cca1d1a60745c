// The public shape of a booking: never the counsellor, times in the service time zone.
import type { Booking, Language, Service } from '../db/database.ts';
import { formatInZone } from '../platform/time-zone.ts';

export interface PublicBooking {
  id: string;
  service: string;
  start: string;
  end: string;
  status: Booking['status'];
}

export function publicBooking(b: Booking, timeZone: string): PublicBooking {
  return {
    id: b.id,
    service: b.service_id,
    start: formatInZone(new Date(b.start_at).getTime(), timeZone),
    end: formatInZone(new Date(b.end_at).getTime(), timeZone),
    status: b.status,
  };
}

/** Topics are named in German and English; other languages show the German name the agency's letters use too. */
export function serviceName(service: Pick<Service, 'name_de' | 'name_en'>, lang: Language): string {
  return lang === 'en' ? service.name_en : service.name_de;
}
