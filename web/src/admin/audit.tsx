// The audit log: who looked at or changed which appointment (or any object), filterable by id and period.
import type { AuditEntry as Entry } from '../../../contract/admin/console.ts';
import { formatDate, formatTime, tr } from '../shared/i18n.ts';
import { call, query } from '../staff/api.ts';
import { useFilteredResource } from '../staff/use-action.tsx';
import { Field, formValues } from './fields.tsx';
import { A } from './strings.ts';

export function AuditPage() {
  const s = tr(A);
  const initial = new URLSearchParams(location.search).get('entityId') ?? '';
  const audit = useFilteredResource(
    { entityId: initial, from: '', to: '' },
    (f) =>
      call<{ entries: Entry[] }>('GET', `/api/admin/audit${query({ ...f, limit: 300 })}`).then(
        (r) => r.entries,
      ),
    [] as Entry[],
  );
  const filter = audit.query.value;
  const entries = audit.data.value;
  const error = audit.error.value;
  return (
    <>
      <h1 tabIndex={-1}>{s.audit}</h1>
      <form
        class="row end"
        onSubmit={(e) => {
          const v = formValues(e);
          void audit.show({ entityId: v.entityId!.trim(), from: v.from!, to: v.to! });
        }}
      >
        <Field id="entityId" label={s.entity} defaultValue={filter.entityId} maxLength={100} size={38} />
        <Field id="from" label={s.from} type="date" defaultValue={filter.from} />
        <Field id="to" label={s.to} type="date" defaultValue={filter.to} />
        <button type="submit">{s.search}</button>
      </form>
      {error && (
        <p class="err" role="alert">
          {error}
        </p>
      )}
      {entries.length === 0 ? (
        <p>{s.noEntries}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{s.at}</th>
              <th scope="col">{s.actor}</th>
              <th scope="col">{s.action}</th>
              <th scope="col">{s.object}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  {formatDate(e.at)} {formatTime(e.at)}
                </td>
                <td>{e.actorName ? `${e.actorName} (${e.actorEmail})` : e.actorType}</td>
                <td>{e.action}</td>
                <td>
                  {e.entityType} {e.entityId ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
