// The counsellor's agenda as signals: the visible week, its appointments (polled with ETag), selection and actions.
import { computed, signal } from '@preact/signals';
import type { AgendaItem, AgendaStatus } from '../../../contract/staff/agenda.ts';
import type { Note } from '../../../contract/staff/notes.ts';
import { todayIn } from '../shared/i18n.ts';
import { call, poll, query } from '../staff/api.ts';
import { navigate } from '../staff/router.ts';

export type { AgendaItem, AgendaStatus } from '../../../contract/staff/agenda.ts';
export type { Note } from '../../../contract/staff/notes.ts';

export const POLL_MS = 5000;

/** Monday of the week containing `date` (YYYY-MM-DD). */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const today = signal(todayIn());
export const weekStart = signal(mondayOf(today.value));
export const view = signal<'list' | 'week'>('list');
export const items = signal<AgendaItem[]>([]);
export const loadError = signal<unknown>(null);
export const loaded = signal(false);
export const selectedId = signal<string | null>(null);
export const notes = signal<Note[]>([]);

export const selected = computed(() => items.value.find((i) => i.id === selectedId.value) ?? null);
export const waiting = computed(() => items.value.filter((i) => i.status === 'citizen_waiting'));
export const todays = computed(() => items.value.filter((i) => dayOf(i.start) === today.value));

/** The calendar date of an instant in the agency's zone. */
export function dayOf(iso: string): string {
  return todayIn(undefined, new Date(iso));
}

let etag: string | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Fetches the visible week (and today, if outside it); unchanged answers cost a 304. */
export async function refresh(): Promise<void> {
  today.value = todayIn();
  // ISO dates sort as text: the span covers the visible week and today.
  const dates = [weekStart.value, plusDays(weekStart.value, 6), today.value].sort();
  const from = dates[0]!;
  const to = dates[2]!;
  try {
    const r = await poll<{ items: AgendaItem[] }>(`/api/staff/agenda${query({ from, to })}`, etag);
    if (r) {
      items.value = r.data.items;
      etag = r.etag;
    }
    loadError.value = null;
  } catch (e) {
    loadError.value = e;
  } finally {
    loaded.value = true;
  }
}

/** Polls while the page is visible; returns a stop function. */
export function startPolling(): () => void {
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    if (document.visibilityState === 'visible') await refresh();
    if (!stopped) timer = setTimeout(tick, POLL_MS);
  };
  void tick();
  const onVisible = () => {
    if (document.visibilityState === 'visible') {
      clearTimeout(timer);
      void tick();
    }
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
}

export function showWeek(start: string): void {
  weekStart.value = start;
  etag = null;
  void refresh();
}

export async function select(id: string | null): Promise<void> {
  selectedId.value = id;
  notes.value = [];
  if (id) notes.value = (await call<{ notes: Note[] }>('GET', `/api/staff/bookings/${id}/notes`)).notes;
}

export async function addNote(id: string, body: string): Promise<void> {
  const { note } = await call<{ note: Note }>('POST', `/api/staff/bookings/${id}/notes`, { body });
  notes.value = [...notes.value, note];
  etag = null;
  void refresh();
}

export async function reportLate(id: string, minutes: number): Promise<void> {
  await call('POST', `/api/staff/bookings/${id}/running-late`, { minutes });
  etag = null;
  await refresh();
}

export async function phoneFallback(id: string): Promise<void> {
  await call('POST', `/api/staff/bookings/${id}/phone-fallback`);
  etag = null;
  await refresh();
}

export const joinable = (i: AgendaItem) =>
  i.status === 'booked' || i.status === 'citizen_waiting' || i.status === 'in_call';

export function joinCall(id: string): void {
  navigate(`/counsellor/call/${id}`);
}
