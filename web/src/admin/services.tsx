// Topics: list, create and edit names (de/en, translations for tr/ar/uk/ru), duration, buffers, notice, horizon, slot step, active.
import { useSignal } from '@preact/signals';
import type { AdminService } from '../../../contract/admin/console.ts';
import { tr } from '../shared/i18n.ts';
import { call } from '../staff/api.ts';
import { Feedback, useAction, useResource } from '../staff/use-action.tsx';
import { AddButton, EditCell, Field, formValues, SaveCancel } from './fields.tsx';
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
  const services = useResource(
    () => call<{ services: AdminService[] }>('GET', '/api/admin/services').then((r) => r.services),
    [],
  );
  const list = services.data.value;
  const editing = useSignal<AdminService | 'new' | null>(null);
  const action = useAction();
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
      if (editing.value === 'new') await call('POST', '/api/admin/services', { id: v.id, ...body });
      else if (editing.value) await call('PUT', `/api/admin/services/${editing.value.id}`, body);
      editing.value = null;
      await services.reload();
    });
  };
  const current = editing.value === 'new' ? null : editing.value;
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
              <EditCell text={s.edit} label={s.editService(x.nameDe)} onEdit={() => (editing.value = x)} />
            </tr>
          ))}
        </tbody>
      </table>
      <AddButton text={s.newService} onAdd={() => (editing.value = 'new')} />
      {editing.value && (
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
          <SaveCancel busy={action.busy.value} onCancel={() => (editing.value = null)} />
        </form>
      )}
      <Feedback error={action.error.value} note={action.note.value} />
    </>
  );
}
