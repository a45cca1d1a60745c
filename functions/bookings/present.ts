// The public shape of a booking: never the counsellor, times in the service time zone.
import type { Booking, Service } from '../db/database.ts';
import { formatInZone } from '../slots/time-zone.ts';

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

export function serviceName(service: Pick<Service, 'name_de' | 'name_en'>, lang: 'de' | 'en'): string {
  return lang === 'en' ? service.name_en : service.name_de;
}
