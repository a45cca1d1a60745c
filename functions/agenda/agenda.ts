// Builds the agenda answer: items with live status and case-file links, and a strong hash for ETags.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { sha256 } from '../platform/sha256.ts';
import { presenceForBookings } from '../rooms/presence.ts';
import type { AgendaRow } from './repository.ts';
import { type AgendaStatus, agendaStatus, caseFileUrl } from './status.ts';

export interface AgendaItem {
  id: string;
  service: string;
  serviceName: string;
  kind: string;
  start: string;
  end: string;
  status: AgendaStatus;
  name: string | null;
  phone: string | null;
  customerNumber: string | null;
  caseFileUrl: string | null;
  needsRebooking: boolean;
  needsRebookingReason: string | null;
  delayMinutes: number | null;
  phoneFallbackAt: string | null;
  citizenPresent: boolean;
  counsellorPresent: boolean;
  counsellorId: string;
  counsellorName: string;
  noteCount: number;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export async function toAgendaItems(
  db: Kysely<Database>,
  rows: AgendaRow[],
  opts: { lang: 'de' | 'en'; caseFileTemplate: string },
): Promise<AgendaItem[]> {
  const live = rows.filter((r) => r.status === 'confirmed').map((r) => r.id);
  const presence = await presenceForBookings(db, live);
  return rows.map((r) => {
    const p = presence.get(r.id);
    const citizenPresent = p?.citizen.present ?? false;
    const counsellorPresent = p?.counsellor.present ?? false;
    return {
      id: r.id,
      service: r.service_id,
      serviceName: opts.lang === 'en' ? r.name_en : r.name_de,
      kind: r.kind,
      start: new Date(r.start_at).toISOString(),
      end: new Date(r.end_at).toISOString(),
      status: agendaStatus({ status: r.status, endedAt: r.ended_at, citizenPresent, counsellorPresent }),
      name: r.name,
      phone: r.phone_e164,
      customerNumber: r.customer_number,
      caseFileUrl: caseFileUrl(opts.caseFileTemplate, r.customer_number),
      needsRebooking: r.needs_rebooking,
      needsRebookingReason: r.needs_rebooking_reason,
      delayMinutes: r.counsellor_delay_minutes,
      phoneFallbackAt: iso(r.phone_fallback_at),
      citizenPresent,
      counsellorPresent,
      counsellorId: r.counsellor_id,
      counsellorName: r.counsellor_name,
      noteCount: Number(r.note_count),
    };
  });
}

/** A strong ETag over the exact JSON body. */
export async function etagOf(body: string): Promise<string> {
  const digest = await sha256(body);
  let s = '';
  for (const b of digest.subarray(0, 18)) s += String.fromCharCode(b);
  return `"${btoa(s).replaceAll('+', '-').replaceAll('/', '_')}"`;
}

/** True when If-None-Match names the current ETag (or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}
