// The month calendar (free days stand out by how much is free; arrow keys move between them) and the day's times.
import { useSignal } from '@preact/signals';
import type { Slot } from './api.ts';
import { addDays, busyLevel, monthOf, monthWeeks } from './calendar-math.ts';
import { catalogue, formatDay, formatTime, locale, tr } from './i18n.ts';
import type { SlotPicker } from './slot-picker-model.ts';
import { COMMON, errorText } from './ui.tsx';

const CAL = catalogue({
  de: () => import('../lang/de/calendar.ts'),
  en: () => import('../lang/en/calendar.ts'),
  tr: () => import('../lang/tr/calendar.ts'),
  ar: () => import('../lang/ar/calendar.ts'),
  uk: () => import('../lang/uk/calendar.ts'),
  ru: () => import('../lang/ru/calendar.ts'),
});

const DOTS = { none: '', few: '•', some: '••', many: '•••' };
const STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/** Mon … Sun from a known Monday. */
function weekdayNames(style: 'short' | 'long'): string[] {
  const f = new Intl.DateTimeFormat(locale(), { weekday: style, timeZone: 'UTC' });
  return [1, 2, 3, 4, 5, 6, 7].map((d) => f.format(new Date(Date.UTC(2024, 0, d))));
}

export function Calendar({ picker, onDay }: { picker: SlotPicker; onDay: (date: string) => void }) {
  const s = tr(CAL);
  const month = picker.month.value;
  const days = picker.days.value;
  const free = Object.keys(days).sort();
  const cursor = useSignal<string | null>(null);
  const active =
    [cursor.value, picker.date.value].find((d) => d && days[d] && monthOf(d) === month) ?? free[0];
  const label = new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
  const short = weekdayNames('short');
  const long = weekdayNames('long');

  function move(e: KeyboardEvent, from: string) {
    let target: string | undefined;
    if (e.key === 'Home') target = free[0];
    else if (e.key === 'End') target = free[free.length - 1];
    const step = STEPS[e.key];
    if (step) {
      for (let d = addDays(from, step); monthOf(d) === month; d = addDays(d, step)) {
        if (days[d]) {
          target = d;
          break;
        }
      }
    }
    if (!target && !step && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    if (!target) return;
    cursor.value = target;
    (document.querySelector(`[data-date="${target}"]`) as HTMLElement | null)?.focus();
  }

  return (
    <div class="cal">
      <div class="cal-head">
        <button
          type="button"
          class="nav"
          onClick={() => picker.showMonth(-1)}
          disabled={!picker.canGo(-1)}
          aria-label={s.prevMonth}
        >
          ‹
        </button>
        <h3 id="cal-month" aria-live="polite">
          {label}
        </h3>
        <button
          type="button"
          class="nav"
          onClick={() => picker.showMonth(1)}
          disabled={!picker.canGo(1)}
          aria-label={s.nextMonth}
        >
          ›
        </button>
      </div>
      <table aria-labelledby="cal-month" aria-describedby="cal-legend" aria-busy={picker.loading.value}>
        <thead>
          <tr>
            {short.map((w, i) => (
              <th scope="col" abbr={long[i]} key={w}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week) => (
            <tr key={week.find(Boolean)}>
              {week.map((d, i) => {
                if (!d) return <td key={i} />;
                const n = days[d]?.length ?? 0;
                const level = busyLevel(n, picker.mostFree.value);
                const num = Number(d.slice(8));
                return (
                  <td key={d}>
                    {n ? (
                      <button
                        type="button"
                        class={`day ${level}`}
                        data-date={d}
                        tabIndex={d === active ? 0 : -1}
                        aria-pressed={d === picker.date.value}
                        aria-current={d === picker.today ? 'date' : undefined}
                        aria-label={`${formatDay(d)}: ${s.freeCount(n)}`}
                        onClick={() => onDay(d)}
                        onKeyDown={(e) => move(e, d)}
                        onFocus={() => {
                          cursor.value = d;
                        }}
                      >
                        {num}
                        <small aria-hidden="true">{DOTS[level]}</small>
                      </button>
                    ) : (
                      <span class="day off">{num}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p id="cal-legend" class="muted">
        {s.legend} {s.hint}
      </p>
      {picker.loading.value ? <p role="status">{tr(COMMON).loading}</p> : null}
      {picker.error.value ? (
        <p role="alert" class="err">
          {errorText(picker.error.value)}{' '}
          <button type="button" class="link" onClick={picker.refresh}>
            {tr(COMMON).retry}
          </button>
        </p>
      ) : null}
      {!picker.loading.value && !picker.error.value && !free.length ? <p role="status">{s.noFree}</p> : null}
    </div>
  );
}

export function TimeList({
  picker,
  chosen,
  onPick,
}: {
  picker: SlotPicker;
  chosen?: string | undefined;
  onPick: (slot: Slot) => void;
}) {
  const date = picker.date.value;
  if (!date) return null;
  const tz = picker.timeZone.value;
  return (
    <section aria-labelledby="times-h">
      <h3 id="times-h" tabIndex={-1}>
        {tr(CAL).timesOn(formatDay(date))}
      </h3>
      <ul class="times">
        {picker.slotsOfDate.value.map((slot) => (
          <li key={slot.start}>
            <button
              type="button"
              class="time"
              aria-pressed={slot.start === chosen}
              onClick={() => onPick(slot)}
            >
              {formatTime(slot.start, tz)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
