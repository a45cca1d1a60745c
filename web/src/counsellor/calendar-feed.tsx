// The counsellor's calendar subscription (Outlook/Exchange): create, copy, replace or switch off the secret URL.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type Strings, tr } from '../shared/i18n.ts';
import { call } from '../staff/api.ts';
import { Feedback, useAction } from '../staff/use-action.tsx';

const T: Strings<{
  title: string;
  intro: string;
  off: string;
  on: string;
  create: string;
  rotate: string;
  remove: string;
  url: string;
  copy: string;
  copied: string;
  removed: string;
  shownOnce: string;
}> = {
  de: {
    title: 'Kalender-Abo',
    intro:
      'Ihre Termine als Abo für Outlook oder einen anderen Kalender: nur Zeiten und Thema, keine Daten der Bürgerinnen und Bürger. Wer die Adresse kennt, sieht Ihre Termine; geben Sie sie nicht weiter.',
    off: 'Kein Kalender-Abo eingerichtet.',
    on: 'Ein Kalender-Abo ist eingerichtet.',
    create: 'Abo-Adresse erstellen',
    rotate: 'Neue Adresse erstellen (die alte hört sofort auf zu gehen)',
    remove: 'Abo abschalten',
    url: 'Abo-Adresse',
    copy: 'Adresse kopieren',
    copied: 'Adresse kopiert.',
    removed: 'Abo abgeschaltet.',
    shownOnce:
      'Die Adresse wird nur jetzt angezeigt. Fügen Sie sie in Ihrem Kalender als Internetkalender hinzu.',
  },
  en: {
    title: 'Calendar subscription',
    intro:
      'Your appointments as a subscription for Outlook or another calendar: times and topic only, no citizen data. Anyone who knows the address sees your appointments; do not pass it on.',
    off: 'No calendar subscription set up.',
    on: 'A calendar subscription is set up.',
    create: 'Create subscription address',
    rotate: 'Create a new address (the old one stops working at once)',
    remove: 'Switch off subscription',
    url: 'Subscription address',
    copy: 'Copy address',
    copied: 'Address copied.',
    removed: 'Subscription switched off.',
    shownOnce: 'The address is shown only now. Add it to your calendar as an internet calendar.',
  },
};

export function CalendarFeed() {
  const s = tr(T);
  const action = useAction();
  const active = useSignal<boolean | null>(null);
  const url = useSignal('');
  useEffect(() => {
    void call<{ active: boolean }>('GET', '/api/staff/calendar-feed').then(
      (r) => (active.value = r.active),
      () => (active.value = null),
    );
  }, []);
  const create = () =>
    void action.run(async () => {
      url.value = (await call<{ url: string }>('POST', '/api/staff/calendar-feed')).url;
      active.value = true;
      return s.shownOnce;
    });
  return (
    <section class="card stack">
      <h2>{s.title}</h2>
      <p>{s.intro}</p>
      <p>{active.value ? s.on : s.off}</p>
      {url.value && (
        <div class="field">
          <label for="feed-url">{s.url}</label>
          <input
            id="feed-url"
            readOnly
            value={url.value}
            size={60}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            class="secondary"
            onClick={() =>
              void action.run(async () => {
                await navigator.clipboard.writeText(url.value);
                return s.copied;
              })
            }
          >
            {s.copy}
          </button>
        </div>
      )}
      <div class="row">
        <button type="button" onClick={create} disabled={action.busy.value}>
          {active.value ? s.rotate : s.create}
        </button>
        {active.value && (
          <button
            type="button"
            class="secondary"
            disabled={action.busy.value}
            onClick={() =>
              void action.run(async () => {
                await call('DELETE', '/api/staff/calendar-feed');
                active.value = false;
                url.value = '';
                return s.removed;
              })
            }
          >
            {s.remove}
          </button>
        )}
      </div>
      <Feedback error={action.error.value} note={action.note.value} />
    </section>
  );
}
