// Model of the own working hours and absences: the week being edited, the absences, and what an absence hit.
import { signal } from '@preact/signals';

/** One weekday's hours as the form edits them ("08:00" to "16:00"; weekday 1 = Monday). */
export interface DayHours {
  weekday: number;
  start: string;
  end: string;
}

const NEW_DAY = { start: '08:00', end: '16:00' };

/** The page's reads; the hours come as the API sends them ("08:00:00"). */
export interface HoursRequests<A> {
  hours(): Promise<DayHours[]>;
  absences(): Promise<A[]>;
}

export function createHoursModel<A, X>(requests: HoursRequests<A>, describe: (error: unknown) => string) {
  const week = signal<DayHours[]>([]);
  const absences = signal<A[]>([]);
  /** The own appointments the last absence now needs moved; null before any absence was added. */
  const affected = signal<X[] | null>(null);
  const loadError = signal('');
  return {
    week,
    absences,
    affected,
    loadError,
    dayHours: (weekday: number) => week.value.find((d) => d.weekday === weekday),
    async load(): Promise<void> {
      try {
        const [h, a] = await Promise.all([requests.hours(), requests.absences()]);
        week.value = h.map((d) => ({ ...d, start: d.start.slice(0, 5), end: d.end.slice(0, 5) }));
        absences.value = a;
        loadError.value = '';
      } catch (e) {
        loadError.value = describe(e);
      }
    },
    /** Changes one weekday: null takes it off, a patch sets its times (a new day starts 08:00–16:00). */
    setDay(weekday: number, patch: Partial<Omit<DayHours, 'weekday'>> | null): void {
      const rest = week.value.filter((d) => d.weekday !== weekday);
      const current = week.value.find((d) => d.weekday === weekday) ?? { weekday, ...NEW_DAY };
      week.value =
        patch === null ? rest : [...rest, { ...current, ...patch }].sort((a, b) => a.weekday - b.weekday);
    },
  };
}
