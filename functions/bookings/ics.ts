// The appointment as an iCalendar file (RFC 5545) for the citizen's calendar, made with the `ics` package.
import { createEvent } from 'ics';
import type { Booking } from '../db/database.ts';

export interface IcsOptions {
  serviceName: string;
  /** Where the citizen can book; never the manage link (calendars sync to third-party servers). */
  homeUrl: string;
  language: 'de' | 'en';
  host: string;
}

/** Returns the .ics text, or throws for a bug (ics refuses only malformed input). */
export function bookingToIcs(b: Booking, o: IcsOptions): string {
  const de = o.language === 'de';
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
    title: de ? `Videotermin: ${o.serviceName}` : `Video appointment: ${o.serviceName}`,
    description: de
      ? 'Den Link zur Teilnahme und zum Ändern oder Absagen finden Sie in Ihrer Bestätigungs-SMS.'
      : 'You find the link to join, change or cancel in your confirmation text message.',
    url: o.homeUrl,
    status: b.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
  });
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return value;
}
