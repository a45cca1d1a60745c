// The closing-days page's site list: which federal state's public holidays apply to each site.
import { useSignal } from '@preact/signals';
import type { Site as SiteWithState } from '../../../contract/admin/console.ts';
import { type Strings, tr } from '../shared/i18n.ts';
import { call } from '../staff/api.ts';
import { Feedback, useAction } from '../staff/use-action.tsx';

export type { Site as SiteWithState } from '../../../contract/admin/console.ts';

// ISO 3166-2 suffixes in the order of functions/closures/federal-states.ts; names are the same in both languages.
const STATES: [string, string][] = [
  ['BW', 'Baden-Württemberg'],
  ['BY', 'Bayern'],
  ['BE', 'Berlin'],
  ['BB', 'Brandenburg'],
  ['HB', 'Bremen'],
  ['HH', 'Hamburg'],
  ['HE', 'Hessen'],
  ['MV', 'Mecklenburg-Vorpommern'],
  ['NI', 'Niedersachsen'],
  ['NW', 'Nordrhein-Westfalen'],
  ['RP', 'Rheinland-Pfalz'],
  ['SL', 'Saarland'],
  ['SN', 'Sachsen'],
  ['ST', 'Sachsen-Anhalt'],
  ['SH', 'Schleswig-Holstein'],
  ['TH', 'Thüringen'],
];

const T: Strings<{
  title: string;
  intro: string;
  state: (site: string) => string;
  standard: string;
  save: string;
  saved: (site: string, flagged: number) => string;
  none: string;
}> = {
  de: {
    title: 'Bundesland der Standorte',
    intro:
      'Jeder Standort hat die Feiertage seines Bundeslandes. Ändert sich das Bundesland, werden Termine an den neuen Feiertagen zum Umbuchen markiert.',
    state: (site) => `Bundesland von ${site}`,
    standard: 'Standard der Behörde',
    save: 'Speichern',
    saved: (site, n) => `${site} gespeichert. ${n} Termin(e) zum Umbuchen markiert.`,
    none: 'Noch keine Standorte. Standorte werden unter „Beratende“ angelegt.',
  },
  en: {
    title: 'Federal state of each site',
    intro:
      'Each site has the public holidays of its federal state. When the state changes, appointments on the new holidays are marked for rebooking.',
    state: (site) => `Federal state of ${site}`,
    standard: 'Agency default',
    save: 'Save',
    saved: (site, n) => `${site} saved. ${n} appointment(s) marked for rebooking.`,
    none: 'No sites yet. Sites are added under “Counsellors”.',
  },
};

export function SiteStates({ sites, onSaved }: { sites: SiteWithState[]; onSaved: () => Promise<void> }) {
  const s = tr(T);
  const action = useAction();
  const chosen = useSignal<Record<string, string>>({});
  return (
    <section aria-labelledby="site-states">
      <h2 id="site-states">{s.title}</h2>
      <p>{s.intro}</p>
      {sites.length === 0 ? <p>{s.none}</p> : null}
      <ul class="stack" style="list-style:none;padding:0">
        {sites.map((site) => {
          const value = chosen.value[site.id] ?? site.federalState ?? '';
          return (
            <li key={site.id} class="row">
              <label for={`state-${site.id}`}>{s.state(site.name)}</label>
              <select
                id={`state-${site.id}`}
                value={value}
                onChange={(e) =>
                  (chosen.value = {
                    ...chosen.value,
                    [site.id]: (e.currentTarget as HTMLSelectElement).value,
                  })
                }
              >
                <option value="">{s.standard}</option>
                {STATES.map(([code, name]) => (
                  <option key={code} value={code}>
                    {name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="secondary"
                disabled={action.busy.value}
                aria-label={`${s.save}: ${site.name}`}
                onClick={() =>
                  void action.run(async () => {
                    const r = await call<{ flaggedBookings: number }>('PUT', `/api/admin/sites/${site.id}`, {
                      name: site.name,
                      federalState: value || null,
                    });
                    await onSaved();
                    return s.saved(site.name, r.flaggedBookings);
                  })
                }
              >
                {s.save}
              </button>
            </li>
          );
        })}
      </ul>
      <Feedback error={action.error.value} note={action.note.value} />
    </section>
  );
}
