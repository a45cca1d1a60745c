// Operator page: interpreters with their languages, weekly hours and phone; deactivating flags their bookings.
import { useSignal } from '@preact/signals';
import type { Interpreter } from '../../../contract/interpreters.ts';
import type { WeeklyPeriod as Hours } from '../../../contract/staff/availability.ts';
import { tr } from '../shared/i18n.ts';
import { call } from '../staff/api.ts';
import { Feedback, useAction, useResource } from '../staff/use-action.tsx';
import { AddButton, EditCell, Field, formValues, SaveCancel } from './fields.tsx';
import { INTERPRETERS } from './interpreter-strings.ts';

// The browser refuses other input before it is sent (parseHours checks again).
const DAY_PATTERN = String.raw`\s*(\d{2}:\d{2}\s*(-|–)\s*\d{2}:\d{2}\s*(,\s*\d{2}:\d{2}\s*(-|–)\s*\d{2}:\d{2}\s*)*)?`;
const RANGE = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

/** "08:00-12:00, 13:00-16:00" per weekday → the API's hours; the name of the first bad day otherwise. */
export function parseHours(byDay: string[]): Hours[] | { bad: number } {
  const out: Hours[] = [];
  for (const [i, text] of byDay.entries()) {
    for (const part of text.split(',').map((p) => p.replace(/\s/g, '').replace(/[–—]/g, '-'))) {
      if (!part) continue;
      if (!RANGE.test(part)) return { bad: i };
      const [start, end] = part.split('-') as [string, string];
      out.push({ weekday: i + 1, start, end });
    }
  }
  return out;
}

function hoursOfDay(hours: Hours[], weekday: number): string {
  return hours
    .filter((h) => h.weekday === weekday)
    .map((h) => `${h.start}-${h.end}`)
    .join(', ');
}

export function InterpretersPage() {
  const s = tr(INTERPRETERS);
  const interpreters = useResource(
    () => call<{ interpreters: Interpreter[] }>('GET', '/api/admin/interpreters').then((r) => r.interpreters),
    [],
  );
  const list = interpreters.data.value;
  const editing = useSignal<Interpreter | 'new' | null>(null);
  const action = useAction();
  const current = editing.value === 'new' ? null : editing.value;
  const save = (e: Event) => {
    const v = formValues(e);
    const hours = parseHours(s.weekdays.map((_, i) => v[`day-${i + 1}`] ?? ''));
    void action.run(async () => {
      if ('bad' in hours) throw new Error(s.badHours(s.weekdays[hours.bad]!));
      const body = {
        name: v.name,
        phone: v.phone,
        email: v.email?.trim() || null,
        languages: (v.languages ?? '')
          .split(',')
          .map((l) => l.trim().toLowerCase())
          .filter(Boolean),
        active: v.active === 'on',
        hours,
      };
      const r = current
        ? await call<{ flaggedBookings: number }>('PUT', `/api/admin/interpreters/${current.id}`, body)
        : await call<{ flaggedBookings?: number }>('POST', '/api/admin/interpreters', body);
      editing.value = null;
      await interpreters.reload();
      return s.saved(r.flaggedBookings ?? 0);
    });
  };
  return (
    <>
      <h1 tabIndex={-1}>{s.title}</h1>
      <p>{s.intro}</p>
      {list.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{s.name}</th>
              <th scope="col">{s.languages}</th>
              <th scope="col">{s.hours}</th>
              <th scope="col">
                <span class="sr-only">{s.edit}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((x) => (
              <tr key={x.id}>
                <td>
                  {x.name} {x.active ? '' : `(${s.inactive})`}
                </td>
                <td>{x.languages.join(', ')}</td>
                <td>
                  {s.weekdays
                    .map((d, i) => [d.slice(0, 2), hoursOfDay(x.hours, i + 1)] as const)
                    .filter(([, h]) => h)
                    .map(([d, h]) => `${d} ${h}`)
                    .join('; ')}
                </td>
                <EditCell text={s.edit} label={s.editOf(x.name)} onEdit={() => (editing.value = x)} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddButton text={s.add} onAdd={() => (editing.value = 'new')} />
      {editing.value && (
        <form class="card stack" onSubmit={save} key={current?.id ?? 'new'}>
          <h2>{current ? s.editOf(current.name) : s.add}</h2>
          <div class="grid2">
            <Field id="name" label={s.name} required maxLength={200} defaultValue={current?.name ?? ''} />
            <Field id="phone" label={s.phone} type="tel" required defaultValue={current?.phone ?? ''} />
            <Field
              id="email"
              label={s.email}
              type="email"
              maxLength={320}
              defaultValue={current?.email ?? ''}
            />
            <div class="field">
              <label for="languages">{s.languages}</label>
              <small id="languages-hint" class="muted">
                {s.languagesHint}
              </small>
              <input
                id="languages"
                name="languages"
                required
                pattern="\s*[a-zA-Z]{2,3}\s*(,\s*[a-zA-Z]{2,3}\s*)*"
                aria-describedby="languages-hint"
                defaultValue={current?.languages.join(', ') ?? ''}
              />
            </div>
          </div>
          <fieldset class="stack">
            <legend>{s.hours}</legend>
            <p class="muted" id="hours-hint">
              {s.hoursHint}
            </p>
            <div class="grid2">
              {s.weekdays.map((day, i) => (
                <Field
                  key={day}
                  id={`day-${i + 1}`}
                  label={day}
                  aria-describedby="hours-hint"
                  pattern={DAY_PATTERN}
                  defaultValue={current ? hoursOfDay(current.hours, i + 1) : i < 5 ? '08:00-16:00' : ''}
                />
              ))}
            </div>
          </fieldset>
          <label>
            <input type="checkbox" name="active" defaultChecked={current?.active ?? true} /> {s.active}
          </label>
          <SaveCancel busy={action.busy.value} onCancel={() => (editing.value = null)} />
        </form>
      )}
      <Feedback error={action.error.value} note={action.note.value} />
    </>
  );
}
