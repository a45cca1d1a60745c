// Statistics over a chosen period: per-day table, totals, join failures by browser, survey results, CSV export.
import type { StatsDay as Day, Stats } from '../../../contract/admin/stats.ts';
import { formatDay, todayIn, tr } from '../shared/i18n.ts';
import { call, query } from '../staff/api.ts';
import { useFilteredResource } from '../staff/use-action.tsx';
import { Field, formValues } from './fields.tsx';
import { A } from './strings.ts';

const COLS = [
  'booked',
  'completed',
  'noShows',
  'cancelled',
  'sessions',
  'averageDurationMinutes',
  'peakConcurrent',
  'joinFailures',
] as const;

function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function StatsPage() {
  const s = tr(A);
  const stats = useFilteredResource(
    { from: plusDays(todayIn(), -29), to: todayIn() },
    (p) => call<Stats>('GET', `/api/admin/stats${query(p)}`),
    null as Stats | null,
  );
  const period = stats.query.value;
  const data = stats.data.value;
  const error = stats.error.value;
  const label: Record<(typeof COLS)[number], string> = {
    booked: s.booked,
    completed: s.completed,
    noShows: s.noShows,
    cancelled: s.cancelledCol,
    sessions: s.sessions,
    averageDurationMinutes: s.avgDuration,
    peakConcurrent: s.peak,
    joinFailures: s.joinFailures,
  };
  return (
    <>
      <h1 tabIndex={-1}>{s.stats}</h1>
      <form
        class="row end"
        onSubmit={(e) => {
          const v = formValues(e);
          void stats.show({ from: v.from!, to: v.to! });
        }}
      >
        <Field id="from" label={s.from} type="date" required defaultValue={period.from} />
        <Field id="to" label={s.to} type="date" required defaultValue={period.to} />
        <button type="submit">{s.show}</button>
        <a href={`/api/admin/stats.csv${query(period)}`} download>
          {s.csv}
        </a>
      </form>
      {error && (
        <p class="err" role="alert">
          {error}
        </p>
      )}
      {data && (
        <>
          <div class="grid2">
            <section aria-labelledby="survey-h" class="card">
              <h2 id="survey-h">{s.survey}</h2>
              <p>{s.responses(data.survey.responses)}</p>
              <p>
                {data.survey.recommendShare === null
                  ? '–'
                  : `${Math.round(data.survey.recommendShare * 100)} %`}{' '}
                {s.recommend}
              </p>
              <p>
                {s.ease}: {data.survey.averageEase ?? '–'}
              </p>
              {data.survey.comments.length > 0 && (
                <>
                  <h3>{s.comments}</h3>
                  <ul>
                    {data.survey.comments.map((c) => (
                      <li key={c.at}>{c.comment}</li>
                    ))}
                  </ul>
                </>
              )}
            </section>
            <section aria-labelledby="fail-h" class="card">
              <h2 id="fail-h">{s.failuresByBrowser}</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{s.browser}</th>
                    <th scope="col">{s.count}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.joinFailuresByBrowser.map((f) => (
                    <tr key={f.browser}>
                      <td>{f.browser}</td>
                      <td>{f.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
          <div class="scroll">
            <table>
              <caption class="sr-only">{s.stats}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.date}</th>
                  {COLS.map((c) => (
                    <th key={c} scope="col">
                      {label[c]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.days.map((d) => (
                  <tr key={d.date}>
                    <th scope="row">{formatDay(d.date)}</th>
                    {COLS.map((c) => (
                      <td key={c}>{d[c] ?? '–'}</td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">{s.totals}</th>
                  {COLS.map((c) => (
                    <td key={c}>
                      <strong>{data.totals[c] ?? '–'}</strong>
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
