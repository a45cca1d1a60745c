// Choosing a new time for one flagged appointment: the service's free slots (public slot API), pick one, confirm.
import { useMemo, useRef } from 'preact/hooks';
import type { SlotDay as Day } from '../../../contract/slots.ts';
import { addDays } from '../shared/calendar-math.ts';
import { formatDay, formatTime, lang, todayIn, tr } from '../shared/i18n.ts';
import { ApiError, call, query } from '../staff/api.ts';
import { errorText } from '../staff/shell.tsx';
import { createRebookPicker } from './rebook-picker-model.ts';
import { A } from './strings.ts';

/** Days of slots shown at once; the service's booking horizon still limits what the server offers. */
const DAYS_SHOWN = 14;

function shortDay(iso: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(lang.value === 'de' ? 'de-DE' : 'en-GB', {
    timeZone: timeZone ?? 'Europe/Berlin',
    weekday: 'short',
    day: 'numeric',
    month: 'numeric',
  }).format(new Date(iso));
}

export function RebookPicker(props: { id: string; service: string; onMoved: (start: string) => void }) {
  const s = tr(A);
  const { id, service } = props;
  const picker = useMemo(
    () =>
      createRebookPicker<Day>(
        {
          slots: (first) =>
            call<{ timeZone: string; days: Day[] }>(
              'GET',
              `/api/slots${query({ service, from: first, to: addDays(first, DAYS_SHOWN - 1) })}`,
            ),
          reschedule: (start) => call('POST', `/api/admin/bookings/${id}/reschedule`, { start }),
        },
        {
          describe: errorText,
          isTaken: (e) => e instanceof ApiError && e.code === 'slot_unavailable',
          taken: () => tr(A).slotTaken,
        },
        todayIn(),
      ),
    [],
  );
  const open = picker.open.value;
  const from = picker.from.value;
  const days = picker.days.value;
  const timeZone = picker.timeZone.value;
  const error = picker.error.value;
  const busy = picker.busy.value;
  const select = useRef<HTMLSelectElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    const start = select.current?.value;
    if (!start) return;
    const outcome = await picker.move(start);
    if (outcome === 'moved') props.onMoved(start);
    if (outcome === 'taken') select.current?.focus();
  };

  return (
    <div class="stack">
      <button
        type="button"
        class="small secondary"
        aria-expanded={open}
        aria-controls={`rebook-${id}`}
        onClick={() => void picker.toggle()}
      >
        {s.chooseNewTime}
      </button>
      {open && (
        <form id={`rebook-${id}`} class="row end" onSubmit={submit} aria-busy={busy || days === null}>
          <div class="field">
            <label for={`rebook-from-${id}`}>{s.slotsFrom}</label>
            <input
              id={`rebook-from-${id}`}
              type="date"
              value={from}
              min={todayIn()}
              onChange={(e) => {
                void picker.showFrom((e.currentTarget as HTMLInputElement).value);
              }}
            />
          </div>
          {days === null && <p role="status">{s.loadingSlots}</p>}
          {days?.length === 0 && !error && <p role="status">{s.noSlots}</p>}
          {days && days.length > 0 && (
            <div class="field">
              <label for={`rebook-start-${id}`}>{s.newTime}</label>
              <select id={`rebook-start-${id}`} name="start" required ref={select}>
                {days.map((d) => (
                  <optgroup key={d.date} label={formatDay(d.date)}>
                    {d.slots.map((slot) => (
                      <option key={slot.start} value={slot.start}>
                        {shortDay(slot.start, timeZone)}, {formatTime(slot.start, timeZone)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
          )}
          <button type="submit" class="small" disabled={busy || !days || days.length === 0}>
            {s.moveAppointment}
          </button>
          {error && (
            <p class="err" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
