// Operator page: agency-wide and per-site closing days (adding one flags that day's bookings) and the public holidays in force.
import type { ClosingDay, HolidayRegion as Region } from '../../../contract/admin/closures.ts';
import { formatDate, tr } from '../shared/i18n.ts';
import { call } from '../staff/api.ts';
import { Feedback, useAction, useResource } from '../staff/use-action.tsx';
import { CLOSING } from './closing-strings.ts';
import { Field, formValues } from './fields.tsx';
import { type SiteWithState as Site, SiteStates } from './site-states.tsx';

export function ClosingDaysPage() {
  const s = tr(CLOSING);
  const closing = useResource(
    () => call<{ closingDays: ClosingDay[]; holidays: Region[] }>('GET', '/api/admin/closing-days'),
    { closingDays: [], holidays: [] },
  );
  const siteList = useResource(
    () => call<{ sites: Site[] }>('GET', '/api/admin/sites').then((r) => r.sites),
    [],
  );
  const days = closing.data.value.closingDays;
  const regions = closing.data.value.holidays;
  const sites = siteList.data.value;
  const action = useAction();
  const reload = closing.reload;
  const reloadSites = siteList.reload;
  return (
    <>
      <h1 tabIndex={-1}>{s.title}</h1>
      <p>{s.intro}</p>
      <form
        class="stack"
        style="max-width:40rem"
        onSubmit={(e) => {
          const v = formValues(e);
          void action.run(async () => {
            const r = await call<{ flaggedBookings: number }>('POST', '/api/admin/closing-days', {
              date: v.date,
              siteId: v.siteId || null,
              reason: v.reason ?? '',
            });
            await reload();
            return s.added(r.flaggedBookings);
          });
        }}
      >
        <Field id="date" label={s.date} type="date" required />
        <p class="field">
          <label for="siteId">{s.site}</label>
          <select id="siteId" name="siteId">
            <option value="">{s.allSites}</option>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </p>
        <Field id="reason" label={s.reason} maxLength={200} />
        <button type="submit" disabled={action.busy.value}>
          {s.add}
        </button>
        <Feedback error={action.error.value} note={action.note.value} />
      </form>
      {days.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{s.date}</th>
              <th scope="col">{s.site}</th>
              <th scope="col">{s.reason}</th>
              <th scope="col">
                <span class="sr-only">{s.remove}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.id}>
                <td>{formatDate(`${d.date}T12:00:00Z`)}</td>
                <td>{d.siteName ?? s.allSites}</td>
                <td>{d.reason}</td>
                <td>
                  <button
                    type="button"
                    class="secondary"
                    onClick={() =>
                      void action.run(async () => {
                        await call('DELETE', `/api/admin/closing-days/${d.id}`);
                        await reload();
                      })
                    }
                  >
                    {s.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SiteStates
        sites={sites}
        onSaved={async () => {
          await Promise.all([reload(), reloadSites()]);
        }}
      />
      <h2>{s.holidays}</h2>
      {regions.map((r) => (
        <section key={r.federalState ?? 'de'}>
          <h3>
            {r.federalState ?? s.nationwide}
            {r.default ? ` (${s.defaultRegion})` : ''}
            {r.sites.length ? `: ${r.sites.join(', ')}` : ''}
          </h3>
          <ul>
            {r.holidays.map((h) => (
              <li key={h.date}>
                {formatDate(`${h.date}T12:00:00Z`)}: {h.name}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
