// The agenda status of an appointment, from its stored status and who is in its room now (pure).
import type { BookingStatus } from '../db/database.ts';

export type AgendaStatus = 'booked' | 'citizen_waiting' | 'in_call' | 'done' | 'no_show' | 'cancelled';

export interface StatusInput {
  status: BookingStatus;
  endedAt: Date | null;
  citizenPresent: boolean;
  counsellorPresent: boolean;
}

/**
 * Maps a booking to what the counsellor sees.
 *
 * @example
 * agendaStatus({ status: 'confirmed', endedAt: null, citizenPresent: true, counsellorPresent: false })
 * // → 'citizen_waiting'
 */
export function agendaStatus(b: StatusInput): AgendaStatus {
  if (b.status === 'cancelled') return 'cancelled';
  if (b.status === 'no_show') return 'no_show';
  if (b.status === 'completed' || b.endedAt) return 'done';
  if (b.citizenPresent && b.counsellorPresent) return 'in_call';
  if (b.citizenPresent) return 'citizen_waiting';
  return 'booked';
}

/**
 * Fills `{customerNumber}` in the case-file URL template; null without template or number, or when the
 * result is not an http(s) URL (a bad template must not become a javascript: link).
 *
 * @example
 * caseFileUrl('https://akte.example/k/{customerNumber}', '123 A') // → 'https://akte.example/k/123%20A'
 */
export function caseFileUrl(template: string, customerNumber: string | null): string | null {
  if (!template || !customerNumber) return null;
  // Numbers stored before CUSTOMER_NUMBER_PATTERN existed may hold `..`, which would point the link a folder up.
  if (customerNumber.includes('..')) return null;
  const url = template.replaceAll('{customerNumber}', encodeURIComponent(customerNumber));
  return /^https?:\/\//i.test(url) ? url : null;
}
