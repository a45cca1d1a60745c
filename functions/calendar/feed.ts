// The counsellor's subscription feed as iCalendar text: times and topic only, never who the citizen is; pure.
import { createEvents } from 'ics';
import type { FeedEntry } from './repository.ts';

/**
 * One VEVENT per appointment: UID and SEQUENCE as in the citizen's .ics (first booking of the
 * reschedule chain, number of moves), so both calendars agree on what is the same appointment.
 * SUMMARY names the topic; there is no description, location, URL, attendee or organizer, so
 * the feed carries no personal data and no join link.
 */
export function renderFeed(entries: readonly FeedEntry[], host: string): string {
  const { error, value } = createEvents(
    entries.map((e) => ({
      uid: `${e.rootId}@${host}`,
      sequence: e.moves,
      start: e.start.getTime(),
      startInputType: 'utc' as const,
      startOutputType: 'utc' as const,
      end: e.end.getTime(),
      endInputType: 'utc' as const,
      endOutputType: 'utc' as const,
      title: e.kind === 'adhoc' ? `Sofort-Termin: ${e.serviceName}` : `Videoberatung: ${e.serviceName}`,
      status: 'CONFIRMED' as const,
      busyStatus: 'BUSY' as const,
      classification: 'PRIVATE',
    })),
    { productId: 'beratungsraum/feed', method: 'PUBLISH', calName: 'Beratungsraum' },
  );
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return value;
}
