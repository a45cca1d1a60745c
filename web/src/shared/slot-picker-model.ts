// The state behind the month calendar: which service and month, the free slots per day, the chosen day.
import { computed, signal } from '@preact/signals';
import { type ApiError, api, type Slot } from './api.ts';
import { addDays, addMonths, lastDayOf, monthOf } from './calendar-math.ts';
import { TIME_ZONE, todayIn } from './i18n.ts';

/** Days ahead the calendar may page to when the service does not say; the server decides what is free. */
const DEFAULT_HORIZON_DAYS = 183;

export type SlotPicker = ReturnType<typeof createSlotPicker>;

export function createSlotPicker() {
  const today = todayIn();
  const service = signal('');
  /** An interpreter language: only times when one is free too. */
  const interpreter = signal('');
  const month = signal(monthOf(today));
  const days = signal<Record<string, Slot[]>>({});
  const timeZone = signal(TIME_ZONE);
  const loading = signal(false);
  const error = signal<ApiError | null>(null);
  const date = signal<string | null>(null);
  const slotsOfDate = computed(() => (date.value ? (days.value[date.value] ?? []) : []));
  const mostFree = computed(() => Math.max(0, ...Object.values(days.value).map((s) => s.length)));
  let request = 0;
  let lastMonth = monthOf(addDays(today, DEFAULT_HORIZON_DAYS));

  /** Loads the month's free slots; the first load skips ahead past months with nothing free. */
  async function load(skipEmpty = 0): Promise<void> {
    const mine = ++request;
    loading.value = true;
    error.value = null;
    const first = `${month.value}-01`;
    try {
      const res = await api.slots(
        service.value,
        first < today ? today : first,
        lastDayOf(month.value),
        interpreter.value,
      );
      if (mine !== request) return;
      const next: Record<string, Slot[]> = {};
      for (const d of res.days) if (d.slots.length) next[d.date] = d.slots;
      timeZone.value = res.timeZone || TIME_ZONE;
      if (!Object.keys(next).length && skipEmpty > 0 && canGo(1)) {
        month.value = addMonths(month.value, 1);
        return load(skipEmpty - 1);
      }
      days.value = next;
    } catch (e) {
      if (mine === request) error.value = e as ApiError;
    } finally {
      if (mine === request) loading.value = false;
    }
  }

  function canGo(delta: number): boolean {
    const target = addMonths(month.value, delta);
    return target >= monthOf(today) && target <= lastMonth;
  }

  return {
    today,
    service,
    interpreter,
    month,
    days,
    timeZone,
    loading,
    error,
    date,
    slotsOfDate,
    mostFree,
    load,
    canGo,
    /** Shows the current month of a service; the calendar pages at most `horizonDays` ahead. */
    start(serviceId: string, horizonDays = DEFAULT_HORIZON_DAYS) {
      service.value = serviceId;
      lastMonth = monthOf(addDays(today, horizonDays));
      month.value = monthOf(today);
      date.value = null;
      days.value = {};
      return load(2);
    },
    showMonth(delta: number) {
      if (!canGo(delta)) return;
      month.value = addMonths(month.value, delta);
      date.value = null;
      days.value = {};
      void load();
    },
    /** Reloads the shown month, e.g. after a slot was taken meanwhile. */
    refresh: () => load(),
  };
}
