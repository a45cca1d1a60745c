// Rescheduling on the manage page (loaded on demand): the month calendar, a time, confirm; 409 offers neighbours.
import { signal } from '@preact/signals';
import { type ApiError, api, type Slot } from '../shared/api.ts';
import { Calendar, TimeList } from '../shared/calendar.tsx';
import { nearestSlots } from '../shared/calendar-math.ts';
import { formatDate, formatTime, todayIn, tr } from '../shared/i18n.ts';
import { createSlotPicker } from '../shared/slot-picker-model.ts';
import { errorText } from '../shared/ui.tsx';
import * as m from './model.ts';
import { STRINGS } from './strings.ts';

const picker = createSlotPicker();
const chosen = signal<Slot | null>(null);
const alternatives = signal<Slot[] | null>(null);
const error = signal<ApiError | null>(null);

export function startPicker(service: string): void {
  chosen.value = null;
  alternatives.value = null;
  void picker.start(service);
}

function focusSoon(selector: string) {
  requestAnimationFrame(() => (document.querySelector(selector) as HTMLElement | null)?.focus());
}

function choose(slot: Slot) {
  chosen.value = slot;
  picker.date.value = todayIn(picker.timeZone.value, new Date(slot.start));
  focusSoon('#move-btn');
}

async function move(): Promise<void> {
  const slot = chosen.value;
  if (!slot) return;
  m.busy.value = true;
  error.value = null;
  try {
    const res = await api.reschedule(m.token, slot.start);
    m.booking.value = { ...m.booking.value!, ...res.booking };
    m.newJoinUrl.value = res.joinUrl ?? null;
    m.done.value = 'moved';
    m.rescheduler.value = null;
    focusSoon('#manage-msg');
  } catch (e) {
    const err = e as ApiError;
    if (err.code === 'slot_unavailable') {
      await picker.refresh();
      alternatives.value = nearestSlots(Object.values(picker.days.value).flat(), slot.start, 4);
      chosen.value = null;
      focusSoon('#move-taken');
    } else error.value = err;
  } finally {
    m.busy.value = false;
  }
}

export function Reschedule() {
  const s = tr(STRINGS);
  const tz = picker.timeZone.value;
  const slot = chosen.value;
  const alts = alternatives.value;
  return (
    <section aria-labelledby="move-h">
      <h2 id="move-h" tabIndex={-1}>
        {s.pickNew}
      </h2>
      {alts ? (
        <div id="move-taken" role="alert" tabIndex={-1} class="notice warn">
          <p>{alts.length ? s.taken : s.takenNone}</p>
          <ul class="times">
            {alts.map((a) => (
              <li key={a.start}>
                <button type="button" class="time secondary" onClick={() => choose(a)}>
                  {formatDate(a.start, tz)}, {formatTime(a.start, tz)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Calendar
        picker={picker}
        onDay={(d) => {
          picker.date.value = d;
          chosen.value = null;
          focusSoon('#times-h');
        }}
      />
      <TimeList picker={picker} chosen={slot?.start} onPick={choose} />
      {error.value ? (
        <p role="alert" class="err">
          {errorText(error.value)}
        </p>
      ) : null}
      <p class="actions">
        {slot ? (
          <button id="move-btn" type="button" disabled={m.busy.value} onClick={() => void move()}>
            {m.busy.value
              ? s.moving
              : s.moveTo(`${formatDate(slot.start, tz)}, ${formatTime(slot.start, tz)}`)}
          </button>
        ) : null}
        <button
          type="button"
          class="secondary"
          onClick={() => {
            m.rescheduler.value = null;
          }}
        >
          {s.keep}
        </button>
      </p>
    </section>
  );
}
