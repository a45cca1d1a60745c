// Appointments needing a new time (absence, capacity cut, maintenance): the citizen can rebook from the manage
// link; the operator can move the appointment to a new time or cancel it with a message.
import { useRef } from 'preact/hooks';
import type { FlaggedBooking as Flagged } from '../../../contract/admin/capacity.ts';
import { formatDate, formatTime, tr } from '../shared/i18n.ts';
import { call } from '../staff/api.ts';
import { STAFF } from '../staff/strings.ts';
import { Feedback, useAction, useResource } from '../staff/use-action.tsx';
import { formValues } from './fields.tsx';
import { RebookPicker } from './rebook-picker.tsx';
import { A } from './strings.ts';

export function RebookingPage() {
  const s = tr(A);
  const flagged = useResource<Flagged[] | null>(
    () => call<{ bookings: Flagged[] }>('GET', '/api/admin/rebooking-needed').then((r) => r.bookings),
    null,
  );
  const list = flagged.data.value;
  const loadError = flagged.error.value;
  const load = flagged.reload;
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        {s.rebooking}
      </h1>
      {loadError && (
        <p class="err" role="alert">
          {loadError}
        </p>
      )}
      <Feedback error={action.error.value} note={action.note.value} />
      {list && list.length === 0 && <p>{s.noRebooking}</p>}
      {list && list.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{s.when}</th>
              <th scope="col">{s.citizen}</th>
              <th scope="col">{s.counsellor}</th>
              <th scope="col">{s.reason}</th>
              <th scope="col">{s.rebook}</th>
              <th scope="col">{s.cancelWithMessage}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((b) => (
              <tr key={b.id} data-booking={b.id}>
                <td>
                  {formatDate(b.start)}, {formatTime(b.start)} · {b.serviceName}
                </td>
                <td>
                  {b.citizen.name ?? tr(STAFF).anonymous} {b.citizen.phone ?? ''}
                </td>
                <td>{b.counsellor.displayName}</td>
                <td>{b.reason ?? '–'}</td>
                <td>
                  <RebookPicker
                    id={b.id}
                    service={b.service}
                    onMoved={(start) => {
                      action.note.value = s.moved(`${formatDate(start)}, ${formatTime(start)}`);
                      // The row disappears; focus goes back to the page so keyboard users are not lost.
                      heading.current?.focus();
                      void load();
                    }}
                  />
                </td>
                <td>
                  <form
                    class="row end"
                    onSubmit={(e) => {
                      const v = formValues(e);
                      void action.run(async () => {
                        await call('POST', `/api/admin/bookings/${b.id}/cancel`, {
                          message: v.message ?? '',
                        });
                        await load();
                        return s.cancelled;
                      });
                    }}
                  >
                    <div class="field">
                      <label for={`msg-${b.id}`}>{s.message}</label>
                      <input id={`msg-${b.id}`} name="message" maxLength={300} />
                    </div>
                    <button type="submit" class="small">
                      {s.cancelWithMessage}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
