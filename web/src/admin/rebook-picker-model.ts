// Model of choosing a new time for one flagged appointment: open or closed, the first day shown, the free
// slots from there, and moving the appointment; plain signals, the requests passed in.
import { signal } from '@preact/signals';

/** The requests the picker makes: the service's free slots from a day on, and the move itself. */
export interface RebookRequests<D> {
  slots(from: string): Promise<{ timeZone: string; days: D[] }>;
  reschedule(start: string): Promise<unknown>;
}

export interface RebookTexts {
  describe(error: unknown): string;
  /** True when the failure says the chosen time has just gone (the list is then loaded again). */
  isTaken(error: unknown): boolean;
  taken(): string;
}

export function createRebookPicker<D extends { slots: readonly unknown[] }>(
  requests: RebookRequests<D>,
  texts: RebookTexts,
  today: string,
) {
  const open = signal(false);
  const from = signal(today);
  /** The days with free slots; null while they load. */
  const days = signal<D[] | null>(null);
  const timeZone = signal<string | undefined>(undefined);
  const error = signal('');
  const busy = signal(false);

  async function load(first: string): Promise<void> {
    days.value = null;
    try {
      const res = await requests.slots(first);
      timeZone.value = res.timeZone;
      days.value = res.days.filter((d) => d.slots.length > 0);
    } catch (e) {
      error.value = texts.describe(e);
      days.value = [];
    }
  }

  return {
    open,
    from,
    days,
    timeZone,
    error,
    busy,
    /** Opens (and loads the slots from the chosen day) or closes the picker. */
    async toggle(): Promise<void> {
      open.value = !open.value;
      error.value = '';
      if (open.value) await load(from.value);
    },
    async showFrom(day: string): Promise<void> {
      if (!day) return;
      from.value = day;
      error.value = '';
      await load(day);
    },
    /** Moves the appointment to `start`. A time just taken (`taken`) reloads the list and says so. */
    async move(start: string): Promise<'moved' | 'taken' | 'failed'> {
      busy.value = true;
      error.value = '';
      try {
        await requests.reschedule(start);
        return 'moved';
      } catch (e) {
        if (!texts.isTaken(e)) {
          error.value = texts.describe(e);
          return 'failed';
        }
        await load(from.value);
        error.value = texts.taken();
        return 'taken';
      } finally {
        busy.value = false;
      }
    },
  };
}
