// Operator switch for local passwords: in use, or break-glass only (operators with TOTP) once single
// sign-on is configured.
import type { LoginSettings as LoginSettingsView } from '../../../contract/auth.ts';
import { type Strings, tr } from '../shared/i18n.ts';
import { call } from '../staff/api.ts';
import { Feedback, useAction, useResource } from '../staff/use-action.tsx';

const L = {
  de: {
    title: 'Anmeldung',
    on: 'Lokale Passwörter für alle',
    breakGlass: 'Nur Notfallzugang (Leitstelle mit Authenticator-App); alle anderen über Single Sign-on',
    off: 'Lokale Passwörter sind in der Konfiguration abgeschaltet (LOCAL_LOGIN=off).',
    noSso: 'Single Sign-on ist nicht eingerichtet (OIDC_ISSUER); lokale Passwörter bleiben nötig.',
    save: 'Anmeldung speichern',
  },
  en: {
    title: 'Login',
    on: 'Local passwords for everyone',
    breakGlass: 'Break-glass only (operators with an authenticator app); everyone else via single sign-on',
    off: 'Local passwords are switched off in the configuration (LOCAL_LOGIN=off).',
    noSso: 'Single sign-on is not set up (OIDC_ISSUER); local passwords stay necessary.',
    save: 'Save login',
  },
} satisfies Strings<unknown>;

export function LoginSettings() {
  const s = tr(L);
  const resource = useResource<LoginSettingsView | null>(
    () => call<LoginSettingsView>('GET', '/api/admin/login-settings'),
    null,
  );
  const state = resource.data.value;
  const action = useAction();
  if (!state) return null;
  if (state.localLogin === 'off') return <p>{s.off}</p>;
  if (!state.ssoConfigured) return <p>{s.noSso}</p>;
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        const mode = new FormData(e.currentTarget as HTMLFormElement).get('localLogin');
        void action.run(async () => {
          const r = await call<{ localLogin: LoginSettingsView['localLogin'] }>(
            'PUT',
            '/api/admin/login-settings',
            {
              localLogin: mode,
            },
          );
          resource.data.value = { ...state, localLogin: r.localLogin };
        });
      }}
    >
      <fieldset>
        <legend>{s.title}</legend>
        {(['on', 'break_glass'] as const).map((m) => (
          <label key={m} class="check">
            <input type="radio" name="localLogin" value={m} defaultChecked={state.localLogin === m} />{' '}
            {m === 'on' ? s.on : s.breakGlass}
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit" disabled={action.busy.value}>
          {s.save}
        </button>
      </div>
      <Feedback error={action.error.value} note={action.note.value} />
    </form>
  );
}
