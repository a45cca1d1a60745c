// The booking steps after the topic: calendar and times, the form, the slot-taken offer and the confirmation.
import { api } from '../shared/api.ts';
import { Calendar, TimeList } from '../shared/calendar.tsx';
import { ConnectionCheck } from '../shared/connection-check-view.tsx';
import { formatDate, formatTime, tr } from '../shared/i18n.ts';
import { Page } from '../shared/ui.tsx';
import * as m from './flow.ts';
import { FLOW_STRINGS } from './flow-strings.ts';
import { BookingForm } from './form.tsx';
import { InterpreterChoice } from './interpreter-choice.tsx';

export { booked, startService } from './flow.ts';

function focusSoon(selector: string) {
  requestAnimationFrame(() => (document.querySelector(selector) as HTMLElement | null)?.focus());
}

function Alternatives() {
  const s = tr(FLOW_STRINGS);
  const alts = m.alternatives.value;
  if (!alts) return null;
  const tz = m.picker.timeZone.value;
  return (
    <div id="taken" role="alert" tabIndex={-1} class="notice warn">
      <p>{alts.length ? s.taken : s.takenNone}</p>
      <ul class="times">
        {alts.map((a) => (
          <li key={a.start}>
            <button
              type="button"
              class="time secondary"
              onClick={() => {
                m.chooseSlot(a);
                focusSoon('#form-h');
              }}
            >
              {formatDate(a.start, tz)}, {formatTime(a.start, tz)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Steps() {
  const s = tr(FLOW_STRINGS);
  const picker = m.picker;
  if (!picker.service.value) return null;
  return (
    <>
      <section aria-labelledby="day-h">
        <h2 id="day-h">{s.day}</h2>
        <InterpreterChoice />
        <Calendar
          picker={picker}
          onDay={(d) => {
            m.chooseDay(d);
            focusSoon('#times-h');
          }}
        />
        <TimeList
          picker={picker}
          chosen={m.slot.value?.start}
          onPick={(slot) => {
            m.chooseSlot(slot);
            focusSoon('#form-h');
          }}
        />
      </section>
      <Alternatives />
      <BookingForm />
    </>
  );
}

export function Done() {
  const s = tr(FLOW_STRINGS);
  const done = m.booked.value!;
  const tz = m.picker.timeZone.value;
  const token = done.manageUrl.split('/').pop() ?? '';
  return (
    <Page title={s.done}>
      <p class="chosen">
        {formatDate(done.booking.start, tz)}, {formatTime(done.booking.start, tz)}–
        {formatTime(done.booking.end, tz)}
      </p>
      <p>{s.doneSms}</p>
      <h2>{s.joinLink}</h2>
      <p class="link-box">
        <a href={done.joinUrl}>{done.joinUrl}</a>
      </p>
      <p class="muted">{s.keepLink}</p>
      <ul class="links">
        <li>
          <a href={api.icsUrl(token)} download="termin.ics">
            {s.ics}
          </a>
        </li>
        <li>
          <a href={done.manageUrl}>{s.manage}</a>
        </li>
      </ul>
      <p class="muted">{s.checkIntro}</p>
      <ConnectionCheck />
      <p>
        <button type="button" class="secondary" onClick={m.startOver}>
          {s.another}
        </button>
      </p>
    </Page>
  );
}
