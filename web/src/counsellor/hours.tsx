// Own weekly working hours and absences (scheduling API); an absence over booked appointments lists them.

import { useEffect, useMemo } from 'preact/hooks';
import type { Absence, WeeklyPeriod as Hours } from '../../../contract/staff/availability.ts';
import { formatDate, formatTime, type Strings, todayIn, tr } from '../shared/i18n.ts';
import { call, query } from '../staff/api.ts';
import { errorText } from '../staff/shell.tsx';
import { Feedback, useAction } from '../staff/use-action.tsx';
import { CalendarFeed } from './calendar-feed.tsx';
import { createHoursModel } from './hours-model.ts';

const H = {
  de: {
    title: 'Arbeitszeiten und Abwesenheiten',
    weekly: 'Wöchentliche Arbeitszeiten',
    weekdays: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
    from: 'von',
    to: 'bis',
    works: 'arbeitet',
    saveHours: 'Arbeitszeiten speichern',
    absences: 'Abwesenheiten',
    none: 'Keine Abwesenheiten eingetragen.',
    start: 'Beginn',
    end: 'Ende',
    reason: 'Grund (optional)',
    add: 'Abwesenheit eintragen',
    remove: 'Löschen',
    affected: (n: number) =>
      n === 1
        ? '1 gebuchter Termin fällt in die Abwesenheit und wird zur Umbuchung vorgemerkt.'
        : `${n} gebuchte Termine fallen in die Abwesenheit und werden zur Umbuchung vorgemerkt.`,
  },
  en: {
    title: 'Working hours and absences',
    weekly: 'Weekly working hours',
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    from: 'from',
    to: 'to',
    works: 'works',
    saveHours: 'Save working hours',
    absences: 'Absences',
    none: 'No absences.',
    start: 'Start',
    end: 'End',
    reason: 'Reason (optional)',
    add: 'Add absence',
    remove: 'Delete',
    affected: (n: number) =>
      n === 1
        ? '1 booked appointment falls into the absence and is marked for rebooking.'
        : `${n} booked appointments fall into the absence and are marked for rebooking.`,
  },
} satisfies Strings<unknown>;

interface Affected {
  id: string;
  start: string;
  serviceName?: string;
  name?: string | null;
  needsRebooking?: boolean;
}

/** The own appointments in an absence that now need a new time (agenda spans at most 42 days). */
async function flaggedBetween(start: string, end: string): Promise<Affected[]> {
  const from = todayIn(undefined, new Date(start));
  const last = todayIn(undefined, new Date(Math.min(Date.parse(end), Date.parse(start) + 41 * 86_400_000)));
  const { items } = await call<{ items: Affected[] }>('GET', `/api/staff/agenda${query({ from, to: last })}`);
  return items.filter((i) => i.needsRebooking && i.start >= start && i.start < end);
}

export function HoursPage() {
  const s = tr(H);
  const model = useMemo(
    () =>
      createHoursModel<Absence, Affected>(
        {
          hours: () => call<{ hours: Hours[] }>('GET', '/api/staff/working-hours').then((r) => r.hours),
          absences: () => call<{ absences: Absence[] }>('GET', '/api/staff/absences').then((r) => r.absences),
        },
        errorText,
      ),
    [],
  );
  const hours = model.week.value;
  const absences = model.absences.value;
  const affected = model.affected.value;
  const loadError = model.loadError.value;
  const { load, dayHours, setDay } = model;
  const hoursAction = useAction();
  const absenceAction = useAction();
  useEffect(() => void load(), []);
  const addAbsence = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const toIso = (v: FormDataEntryValue | null) => new Date(String(v)).toISOString();
    void absenceAction.run(async () => {
      const start = toIso(f.get('start'));
      const end = toIso(f.get('end'));
      const r = await call<{ flaggedBookings: number }>('POST', '/api/staff/absences', {
        start,
        end,
        reason: String(f.get('reason') ?? ''),
      });
      model.affected.value = r.flaggedBookings > 0 ? await flaggedBetween(start, end) : [];
      await load();
    });
  };
  return (
    <>
      <h1 tabIndex={-1}>{s.title}</h1>
      {loadError && (
        <p class="err" role="alert">
          {loadError}
        </p>
      )}
      <section aria-labelledby="weekly">
        <h2 id="weekly">{s.weekly}</h2>
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void hoursAction.run(() => call('PUT', '/api/staff/working-hours', { hours }));
          }}
        >
          {s.weekdays.map((name, i) => {
            const wd = i + 1;
            const h = dayHours(wd);
            return (
              <fieldset key={wd} class="row">
                <legend>{name}</legend>
                <label>
                  <input
                    type="checkbox"
                    checked={!!h}
                    onChange={(e) => setDay(wd, e.currentTarget.checked ? {} : null)}
                  />{' '}
                  {s.works}
                </label>
                {h && (
                  <>
                    <label>
                      {s.from}{' '}
                      <input
                        type="time"
                        value={h.start}
                        onChange={(e) => setDay(wd, { start: e.currentTarget.value })}
                      />
                    </label>
                    <label>
                      {s.to}{' '}
                      <input
                        type="time"
                        value={h.end}
                        onChange={(e) => setDay(wd, { end: e.currentTarget.value })}
                      />
                    </label>
                  </>
                )}
              </fieldset>
            );
          })}
          <div>
            <button type="submit" disabled={hoursAction.busy.value}>
              {s.saveHours}
            </button>
          </div>
          <Feedback error={hoursAction.error.value} note={hoursAction.note.value} />
        </form>
      </section>
      <section aria-labelledby="absences">
        <h2 id="absences">{s.absences}</h2>
        {absences.length === 0 ? (
          <p>{s.none}</p>
        ) : (
          <ul>
            {absences.map((a) => (
              <li key={a.id} class="row">
                {formatDate(a.start)} {formatTime(a.start)} – {formatDate(a.end)} {formatTime(a.end)}
                {a.reason ? ` (${a.reason})` : ''}
                <button
                  type="button"
                  class="small secondary"
                  onClick={() =>
                    void absenceAction.run(async () => {
                      await call('DELETE', `/api/staff/absences/${a.id}`);
                      await load();
                    })
                  }
                >
                  {s.remove}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="row end" onSubmit={addAbsence}>
          <div class="field">
            <label for="abs-start">{s.start}</label>
            <input id="abs-start" name="start" type="datetime-local" required />
          </div>
          <div class="field">
            <label for="abs-end">{s.end}</label>
            <input id="abs-end" name="end" type="datetime-local" required />
          </div>
          <div class="field">
            <label for="abs-reason">{s.reason}</label>
            <input id="abs-reason" name="reason" type="text" maxLength={500} />
          </div>
          <button type="submit" disabled={absenceAction.busy.value}>
            {s.add}
          </button>
        </form>
        <Feedback error={absenceAction.error.value} note={absenceAction.note.value} />
        {affected && affected.length > 0 && (
          <div class="notice warn" role="status">
            <p>{s.affected(affected.length)}</p>
            <ul>
              {affected.map((b) => (
                <li key={b.id}>
                  {formatDate(b.start)} {formatTime(b.start)} {b.serviceName ?? ''} {b.name ?? ''}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <CalendarFeed />
    </>
  );
}
