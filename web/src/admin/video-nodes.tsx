// The LiveKit nodes: capacity per node, live load from each node's metrics, maintenance, recommended capacity.
import { useSignal } from '@preact/signals';
import type {
  NodeList as Listing,
  Measured,
  NodeView,
  Recommendation,
} from '../../../contract/admin/nodes.ts';
import { formatDate, formatTime, tr } from '../shared/i18n.ts';
import { call } from '../staff/api.ts';
import { Feedback, useAction, useResource } from '../staff/use-action.tsx';
import { Field, formValues, localToIso } from './fields.tsx';
import { N } from './nodes-strings.ts';

const REFRESH_MS = 10_000;

export function VideoNodesPage() {
  const s = tr(N);
  // Live load: each node's own metrics, read again every few seconds while the page is open.
  const nodes = useResource<Listing | null>(
    () => call<Listing>('GET', '/api/admin/livekit-nodes'),
    null,
    REFRESH_MS,
  );
  const list = nodes.data.value;
  const loadError = nodes.error.value;
  const load = nodes.reload;
  const recommendation = useSignal<Recommendation | null>(null);
  const rec = recommendation.value;
  const action = useAction();
  const change = (method: string, path: string, body?: unknown) =>
    action.run(async () => {
      const r = await call<{ flaggedBookings?: number }>(method, path, body);
      await load();
      return r.flaggedBookings ? s.flagged(r.flaggedBookings) : undefined;
    });
  const recommend = async (cores: string) => {
    if (!/^\d+$/.test(cores) || Number(cores) < 1) {
      recommendation.value = null;
      return;
    }
    recommendation.value = await call<Recommendation>(
      'GET',
      `/api/admin/livekit-nodes/recommendation?cores=${cores}`,
    );
  };
  return (
    <>
      <h1 tabIndex={-1}>{s.title}</h1>
      {loadError && (
        <p class="err" role="alert">
          {loadError}
        </p>
      )}
      {list && (
        <p role="status">
          {list.nodes.length === 0
            ? s.none
            : s.summary(list.capacityInService, list.capacity, list.nodesInService, list.nodes.length)}{' '}
          <button type="button" class="small secondary" onClick={() => void load()}>
            {s.refresh}
          </button>
        </p>
      )}
      {list && list.nodes.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{s.name}</th>
              <th scope="col">{s.state}</th>
              <th scope="col">{s.load}</th>
              <th scope="col">{s.capacity}</th>
              <th scope="col">{s.cores}</th>
              <th scope="col">
                <span class="sr-only">{s.startMaintenance}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.nodes.map((n) => (
              <tr key={n.id}>
                <th scope="row">
                  {n.name}
                  <br />
                  <small>{n.url}</small>
                </th>
                <td>
                  {s.states[n.state]}
                  {n.maintenance &&
                    ` (${s.until(`${formatDate(n.maintenance.end)} ${formatTime(n.maintenance.end)}`)})`}
                </td>
                <td>
                  {!n.reachable
                    ? s.states.down
                    : n.load
                      ? s.loadText(n.load.rooms, n.load.participants)
                      : s.unknownLoad}
                </td>
                <td>{n.capacity}</td>
                <td>{n.cores ?? '–'}</td>
                <td>
                  {n.maintenance ? (
                    <button
                      type="button"
                      class="small secondary"
                      onClick={() => void change('DELETE', `/api/admin/livekit-nodes/${n.id}/maintenance`)}
                    >
                      {s.endMaintenance}
                    </button>
                  ) : (
                    <form
                      class="row end"
                      onSubmit={(e) => {
                        const v = formValues(e);
                        void change('PUT', `/api/admin/livekit-nodes/${n.id}/maintenance`, {
                          end: localToIso(v.end!),
                        });
                      }}
                    >
                      <Field
                        id={`end-${n.id}`}
                        name="end"
                        label={s.maintenanceEnd}
                        type="datetime-local"
                        required
                      />
                      <button type="submit" class="small" disabled={action.busy.value}>
                        {s.startMaintenance}
                      </button>
                    </form>
                  )}{' '}
                  <button
                    type="button"
                    class="small secondary"
                    onClick={() => void change('DELETE', `/api/admin/livekit-nodes/${n.id}`)}
                  >
                    {s.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Feedback error={action.error.value} note={action.note.value} />
      <section aria-labelledby="add-h">
        <h2 id="add-h">{s.add}</h2>
        <form
          class="row end"
          onSubmit={(e) => {
            const v = formValues(e);
            void change('POST', '/api/admin/livekit-nodes', {
              name: v.name,
              url: v.url,
              metricsUrl: v.metricsUrl || null,
              cores: v.cores ? Number(v.cores) : null,
              ...(v.capacity ? { capacity: Number(v.capacity) } : {}),
            });
          }}
        >
          <Field id="name" label={s.name} required maxLength={80} />
          <Field id="url" label={s.url} type="url" required placeholder="wss://lk1.example.org" />
          <Field
            id="metricsUrl"
            label={s.metricsUrl}
            type="url"
            placeholder="http://10.0.0.11:6789/metrics"
          />
          <Field
            id="cores"
            label={s.cores}
            type="number"
            min={1}
            max={1024}
            onInput={(e) => void recommend((e.currentTarget as HTMLInputElement).value)}
          />
          <Field
            id="capacity"
            label={s.capacity}
            type="number"
            min={0}
            max={100000}
            key={rec?.capacity ?? 'none'}
            defaultValue={rec ? String(rec.capacity) : ''}
          />
          <button type="submit" disabled={action.busy.value}>
            {s.add}
          </button>
        </form>
        {rec && <p>{s.recommended(rec.capacity, rec.cores, rec.sessionsPerCore)}</p>}
      </section>
      {list && (
        <section aria-labelledby="measured-h">
          <h2 id="measured-h">{s.measured}</h2>
          <ul>
            {Object.entries(list.measured.profiles).map(([k, p]) => (
              <li key={k}>
                {s.profiles[k]}:{' '}
                {s.perCore(p.cpuPercentPerSession, p.sessionsPerCore, p.qualityDropAtSessions)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
