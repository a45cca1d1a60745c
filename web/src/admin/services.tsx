// Topics: list, create and edit names (de/en, translations for tr/ar/uk/ru), duration, buffers, notice, horizon, slot step, active.
import { useEffect, useState } from 'preact/hooks';
import type { AdminService } from '../../../contract/admin/console.ts';
import { tr } from '../shared/i18n.ts';
import { call } from '../staff/api.ts';
import { STAFF } from '../staff/strings.ts';
import { Feedback, useAction } from '../staff/use-action.tsx';
import { Field, formValues } from './fields.tsx';
import { A } from './strings.ts';
import { TopicTranslationFields, type TopicTranslations, translationsFrom } from './topic-translations.tsx';

const NUMBERS = [
  ['durationMinutes', 'duration', 5, 480, 5],
  ['bufferBeforeMinutes', 'bufferBefore', 0, 120, 5],
  ['bufferAfterMinutes', 'bufferAfter', 0, 120, 5],
  ['minNoticeMinutes', 'notice', 0, 20160, 1],
  ['horizonDays', 'horizon', 1, 365, 1],
  ['slotStepMinutes', 'step', 5, 240, 5],
] as const;

export function ServicesPage() {
  const s = tr(A);
  const [list, setList] = useState<AdminService[]>([]);
  const [editing, setEditing] = useState<AdminService | 'new' | null>(null);
  const action = useAction();
  const load = async () =>
    setList((await call<{ services: AdminService[] }>('GET', '/api/admin/services')).services);
  useEffect(() => void load().catch(() => undefined), []);
  const save = (e: Event) => {
    const v = formValues(e);
    const body: Record<string, unknown> = {
      nameDe: v.nameDe,
      nameEn: v.nameEn,
      translations: translationsFrom(v),
      active: v.active === 'on',
    };
    for (const [key] of NUMBERS) body[key] = Number(v[key]);
    void action.run(async () => {
      if (editing === 'new') await call('POST', '/api/admin/services', { id: v.id, ...body });
      else if (editing) await call('PUT', `/api/admin/services/${editing.id}`, body);
      setEditing(null);
      await load();
    });
  };
  const current = editing === 'new' ? null : editing;
  return (
    <>
      <h1 tabIndex={-1}>{s.services}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{s.id}</th>
            <th scope="col">{s.nameDe}</th>
            <th scope="col">{s.nameEn}</th>
            <th scope="col">{s.duration}</th>
            <th scope="col">{s.notice}</th>
            <th scope="col">{s.horizon}</th>
            <th scope="col">
              <span class="sr-only">{s.edit}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((x) => (
            <tr key={x.id}>
              <td>{x.id}</td>
              <td>
                {x.nameDe} {x.active ? '' : `(${s.inactive})`}
              </td>
              <td>{x.nameEn}</td>
              <td>{x.durationMinutes}</td>
              <td>{x.minNoticeMinutes}</td>
              <td>{x.horizonDays}</td>
              <td>
                <button
                  type="button"
                  class="small secondary"
                  onClick={() => setEditing(x)}
                  aria-label={s.editService(x.nameDe)}
                >
                  {s.edit}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" onClick={() => setEditing('new')}>
          {s.newService}
        </button>
      </p>
      {editing && (
        <form class="card stack" onSubmit={save} key={current?.id ?? 'new'}>
          <h2>{current ? s.editService(current.nameDe) : s.newService}</h2>
          <div class="grid2">
            {!current && <Field id="id" label={s.id} required pattern="[a-z0-9][a-z0-9-]{0,62}" />}
            <Field
              id="nameDe"
              label={s.nameDe}
              required
              maxLength={200}
              defaultValue={current?.nameDe ?? ''}
            />
            <Field
              id="nameEn"
              label={s.nameEn}
              required
              maxLength={200}
              defaultValue={current?.nameEn ?? ''}
            />
            {NUMBERS.map(([key, label, min, max, step]) => (
              <Field
                key={key}
                id={key}
                label={s[label]}
                type="number"
                required
                min={min}
                max={max}
                step={step}
                defaultValue={String(
                  current?.[key] ??
                    (key === 'durationMinutes'
                      ? 30
                      : key === 'horizonDays'
                        ? 42
                        : key === 'slotStepMinutes'
                          ? 15
                          : key === 'minNoticeMinutes'
                            ? 120
                            : 0),
                )}
              />
            ))}
          </div>
          <TopicTranslationFields current={current?.translations} />
          <label>
            <input type="checkbox" name="active" defaultChecked={current?.active ?? true} /> {s.active}
          </label>
          <div class="row">
            <button type="submit" disabled={action.busy}>
              {tr(STAFF).save}
            </button>
            <button type="button" class="secondary" onClick={() => setEditing(null)}>
              {tr(STAFF).cancel}
            </button>
          </div>
        </form>
      )}
      <Feedback error={action.error} note={action.note} />
    </>
  );
}
