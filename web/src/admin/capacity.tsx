// Capacity: maximum concurrent sessions and ad-hoc reserve, maintenance windows, the 14-day chart, live rooms.
import { useEffect, useMemo } from 'preact/hooks';
import type {
  CapacitySaved,
  CapacitySettings,
  LiveCapacity as Live,
  MaintenanceWindow as Window,
} from '../../../contract/admin/capacity.ts';
import { formatDate, formatTime, tr } from '../shared/i18n.ts';
import { ApiError, call } from '../staff/api.ts';
import { errorText } from '../staff/shell.tsx';
import { STAFF } from '../staff/strings.ts';
import { Feedback, useAction } from '../staff/use-action.tsx';
import { createCapacityModel } from './capacity-model.ts';
import { ForecastChart, type ForecastHour } from './chart.tsx';
import { Field, formValues, localToIso } from './fields.tsx';
import { A } from './strings.ts';

type Capacity = CapacitySettings & Partial<CapacitySaved>;

export function CapacityPage() {
  const s = tr(A);
  const model = useMemo(
    () =>
      createCapacityModel(
        {
          settings: () => call<Capacity>('GET', '/api/admin/capacity'),
          windows: () =>
            call<{ maintenanceWindows: Window[] }>('GET', '/api/admin/maintenance-windows').then(
              (r) => r.maintenanceWindows,
            ),
          forecast: () =>
            call<{ hours: ForecastHour[] }>('GET', '/api/admin/capacity/forecast?days=14').then(
              (r) => r.hours,
            ),
          live: () => call<Live>('GET', '/api/admin/capacity/live'),
        },
        { describe: errorText, isVideoDown: (e) => e instanceof ApiError && e.status === 503 },
      ),
    [],
  );
  const cap = model.settings.value;
  const windows = model.windows.value;
  const hours = model.hours.value;
  const live = model.live.value;
  const loadError = model.loadError.value;
  const load = model.load;
  const action = useAction();
  useEffect(() => void load(), []);
  return (
    <>
      <h1 tabIndex={-1}>{s.capacity}</h1>
      {loadError && (
        <p class="err" role="alert">
          {loadError}
        </p>
      )}
      <section aria-labelledby="live-h">
        <h2 id="live-h">{s.live}</h2>
        <p role="status">
          {live === 'down'
            ? s.liveDown
            : live
              ? s.liveRooms(live.liveRooms, live.capacity, live.bookedNow)
              : ''}{' '}
          <button type="button" class="small secondary" onClick={() => void load()}>
            {s.refresh}
          </button>
        </p>
      </section>
      {cap && (
        <form
          class="row end"
          key={`${cap.maxConcurrentSessions}-${cap.adhocReserve}`}
          onSubmit={(e) => {
            const v = formValues(e);
            void action.run(async () => {
              const r = await call<Capacity>('PUT', '/api/admin/capacity', {
                maxConcurrentSessions: Number(v.maxConcurrentSessions),
                adhocReserve: Number(v.adhocReserve),
              });
              await load();
              return r.flaggedBookings ? s.flagged(r.flaggedBookings) : undefined;
            });
          }}
        >
          <Field
            id="maxConcurrentSessions"
            label={s.maxConcurrent}
            type="number"
            min={0}
            max={100000}
            required
            defaultValue={String(cap.maxConcurrentSessions)}
          />
          <Field
            id="adhocReserve"
            label={s.reserve}
            type="number"
            min={0}
            max={100000}
            required
            defaultValue={String(cap.adhocReserve)}
          />
          <button type="submit" disabled={action.busy.value}>
            {tr(STAFF).save}
          </button>
        </form>
      )}
      <Feedback error={action.error.value} note={action.note.value} />
      <h2>{s.forecast}</h2>
      <ForecastChart hours={hours} />
      <section aria-labelledby="mw-h">
        <h2 id="mw-h">{s.maintenance}</h2>
        {windows.length === 0 ? (
          <p>{s.noMaintenance}</p>
        ) : (
          <ul>
            {windows.map((w) => (
              <li key={w.id} class="row">
                {formatDate(w.start)} {formatTime(w.start)} – {formatDate(w.end)} {formatTime(w.end)}:{' '}
                {w.capacity} {w.note}
                <button
                  type="button"
                  class="small secondary"
                  onClick={() =>
                    void action.run(async () => {
                      await call('DELETE', `/api/admin/maintenance-windows/${w.id}`);
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
        <form
          class="row end"
          onSubmit={(e) => {
            const v = formValues(e);
            void action.run(async () => {
              const r = await call<{ flaggedBookings?: number }>('POST', '/api/admin/maintenance-windows', {
                start: localToIso(v.mwStart!),
                end: localToIso(v.mwEnd!),
                capacity: Number(v.mwCapacity),
                note: v.mwNote ?? '',
              });
              await load();
              return r.flaggedBookings ? s.flagged(r.flaggedBookings) : undefined;
            });
          }}
        >
          <Field id="mwStart" label={s.mwStart} type="datetime-local" required />
          <Field id="mwEnd" label={s.mwEnd} type="datetime-local" required />
          <Field id="mwCapacity" label={s.mwCapacity} type="number" min={0} required />
          <Field id="mwNote" label={s.mwNote} maxLength={500} />
          <button type="submit" disabled={action.busy.value}>
            {s.addWindow}
          </button>
        </form>
      </section>
    </>
  );
}
