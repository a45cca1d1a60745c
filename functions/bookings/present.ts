// The public shape of a booking: never the counsellor, times in the service time zone.
import type { Booking, Language } from '../db/database.ts';
import { formatInZone } from '../platform/time-zone.ts';
import { localizedService, type NamedService } from '../services/translations.ts';

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

/** The topic's name in the booking's language; German where the operators gave no translation. */
export function serviceName(service: NamedService, lang: Language): string {
  return localizedService(service, lang).name;
}
