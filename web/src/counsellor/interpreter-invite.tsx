// Inviting an interpreter into a running ad-hoc session: choose a language, the interpreter gets the link by SMS.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type Strings, tr } from '../shared/i18n.ts';
import { languageName } from '../shared/language-name.ts';
import { call } from '../staff/api.ts';
import { Feedback, useAction } from '../staff/use-action.tsx';

const T: Strings<{
  legend: string;
  language: string;
  sign: string;
  invite: string;
  sent: string;
  link: string;
  none: string;
}> = {
  de: {
    legend: 'Dolmetscher/in dazuholen',
    language: 'Sprache',
    sign: 'Deutsche Gebärdensprache',
    invite: 'Einladen',
    sent: 'Eingeladen. Der Link ging per SMS an die dolmetschende Person.',
    link: 'Link für die dolmetschende Person (falls die SMS nicht ankommt)',
    none: 'Es sind keine Dolmetschenden eingetragen.',
  },
  en: {
    legend: 'Bring in an interpreter',
    language: 'Language',
    sign: 'German Sign Language',
    invite: 'Invite',
    sent: 'Invited. The interpreter got the link by SMS.',
    link: 'Link for the interpreter (in case the SMS does not arrive)',
    none: 'No interpreters are registered.',
  },
};

export function InterpreterInvite({ bookingId }: { bookingId: string }) {
  const s = tr(T);
  const action = useAction();
  const languages = useSignal<string[] | null>(null);
  const joinUrl = useSignal('');
  useEffect(() => {
    void call<{ languages: string[] }>('GET', '/api/interpreter-languages').then(
      (r) => (languages.value = r.languages),
      () => (languages.value = []),
    );
  }, []);
  if (languages.value === null) return null;
  if (languages.value.length === 0) return <p class="muted">{s.none}</p>;
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        const language = String(new FormData(e.currentTarget).get('language'));
        void action.run(async () => {
          const r = await call<{ joinUrl: string }>('POST', `/api/staff/bookings/${bookingId}/interpreter`, {
            language,
          });
          joinUrl.value = r.joinUrl;
          return s.sent;
        });
      }}
    >
      <fieldset disabled={!!joinUrl.value}>
        <legend>{s.legend}</legend>
        <div class="field">
          <label for="interpreter-language">{s.language}</label>
          <select id="interpreter-language" name="language">
            {languages.value.map((code) => (
              <option key={code} value={code}>
                {languageName(code, s.sign)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary" disabled={action.busy.value}>
          {s.invite}
        </button>
      </fieldset>
      <Feedback error={action.error.value} note={action.note.value} />
      {joinUrl.value && (
        <p class="field">
          <label for="interpreter-link">{s.link}</label>
          <input
            id="interpreter-link"
            readOnly
            value={joinUrl.value}
            size={50}
            onFocus={(e) => e.currentTarget.select()}
          />
        </p>
      )}
    </form>
  );
}
