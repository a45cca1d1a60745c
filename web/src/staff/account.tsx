// Account self-service on the staff pages: change password, set up TOTP, one's sessions, log out
// everywhere; also the forced steps (new password, TOTP) a session must finish first.
import { useSignal } from '@preact/signals';
import { formatDate, formatTime, tr } from '../shared/i18n.ts';
import { ACCOUNT } from './account-strings.ts';
import { call } from './api.ts';
import { AUTH } from './auth-strings.ts';
import { authMethod, logout, pending, user } from './session.ts';
import { Feedback, useAction, useResource } from './use-action.tsx';

const when = (iso: string) => `${formatDate(iso)} ${formatTime(iso)}`;

export function PasswordForm(props: { forced?: boolean }) {
  const a = tr(ACCOUNT);
  const act = useAction();
  const mismatch = useSignal(false);
  const submit = (e: Event) => {
    e.preventDefault();
    const el = e.currentTarget as HTMLFormElement;
    const f = new FormData(el);
    const next = String(f.get('newPassword') ?? '');
    mismatch.value = next !== String(f.get('repeatPassword') ?? '');
    if (next !== String(f.get('repeatPassword') ?? '')) return;
    void act.run(async () => {
      const r = await call<{ pending: 'totp_setup' | null }>('POST', '/api/auth/password', {
        currentPassword: String(f.get('currentPassword') ?? ''),
        newPassword: next,
      });
      el.reset();
      pending.value = r.pending;
      return a.passwordChanged;
    });
  };
  return (
    <form onSubmit={submit} class="stack" aria-labelledby="pw-title">
      <h2 id="pw-title">{a.changePassword}</h2>
      {props.forced && <p>{a.mustChange}</p>}
      <div class="field">
        <label for="pw-current">{a.currentPassword}</label>
        <input
          id="pw-current"
          name="currentPassword"
          type="password"
          autocomplete="current-password"
          required
        />
      </div>
      <div class="field">
        <label for="pw-new">{a.newPassword}</label>
        <input
          id="pw-new"
          name="newPassword"
          type="password"
          autocomplete="new-password"
          minLength={10}
          required
        />
      </div>
      <div class="field">
        <label for="pw-repeat">{a.repeatPassword}</label>
        <input id="pw-repeat" name="repeatPassword" type="password" autocomplete="new-password" required />
      </div>
      <button type="submit" disabled={act.busy.value}>
        {a.changePassword}
      </button>
      <Feedback error={mismatch.value ? a.mismatch : act.error.value} note={act.note.value} />
    </form>
  );
}

export function TotpSetup() {
  const a = tr(ACCOUNT);
  const act = useAction();
  const setup = useSignal<{ secret: string; uri: string } | null>(null);
  const confirm = (e: Event) => {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget as HTMLFormElement).get('code') ?? '').trim();
    void act.run(async () => {
      const r = await call<{ pending: null }>('POST', '/api/auth/totp/confirm', { code });
      pending.value = r.pending;
      return a.totpEnabled;
    });
  };
  return (
    <section class="stack" aria-labelledby="totp-title">
      <h2 id="totp-title">{a.totpSetup}</h2>
      <p>{a.totpSetupIntro}</p>
      {!setup.value ? (
        <button
          type="button"
          disabled={act.busy.value}
          onClick={() => void act.run(async () => (setup.value = await call('POST', '/api/auth/totp/setup')))}
        >
          {a.totpStart}
        </button>
      ) : (
        <form onSubmit={confirm} class="stack">
          <p>
            {a.totpKey}: <code id="totp-secret">{setup.value.secret}</code>
          </p>
          <p>
            <a href={setup.value.uri}>{a.totpLink}</a>
          </p>
          <div class="field">
            <label for="totp-code">{tr(AUTH).totp}</label>
            <input id="totp-code" name="code" inputMode="numeric" pattern="[0-9]{6}" maxLength={6} required />
          </div>
          <button type="submit" disabled={act.busy.value}>
            {a.totpConfirm}
          </button>
        </form>
      )}
      <Feedback error={act.error.value} note={act.note.value} />
    </section>
  );
}

interface SessionRow {
  id: string;
  current: boolean;
  method: 'password' | 'oidc';
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
}

function Sessions() {
  const a = tr(ACCOUNT);
  const act = useAction();
  const sessions = useResource(
    () => call<{ sessions: SessionRow[] }>('GET', '/api/auth/sessions').then((r) => r.sessions),
    [] as SessionRow[],
  );
  const rows = sessions.data.value;
  const load = sessions.reload;
  return (
    <section class="stack" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{a.sessions}</h2>
      <ul id="session-list">
        {rows.map((r) => (
          <li key={r.id}>
            {r.method === 'oidc' ? a.viaSso : a.viaPassword}, {a.since} {when(r.createdAt)}, {a.lastSeen}{' '}
            {when(r.lastSeenAt)} {r.userAgent ? `(${r.userAgent.slice(0, 60)})` : ''}
            {r.current ? (
              <strong> – {a.thisSession}</strong>
            ) : (
              <button
                type="button"
                class="link"
                onClick={() =>
                  void act.run(async () => {
                    await call('DELETE', `/api/auth/sessions/${r.id}`);
                    await load();
                  })
                }
              >
                {a.endSession}
              </button>
            )}
          </li>
        ))}
      </ul>
      <button
        type="button"
        class="secondary"
        onClick={() =>
          void act.run(async () => {
            await call('POST', '/api/auth/logout-everywhere');
            await logout().catch(() => undefined);
          })
        }
      >
        {a.logoutEverywhere}
      </button>
      <Feedback error={act.error.value} note={act.note.value} />
    </section>
  );
}

/** The account panel behind the header's "Account" button. */
export function AccountPanel(props: { onClose: () => void }) {
  const a = tr(ACCOUNT);
  return (
    <section class="card stack" aria-label={tr(AUTH).account} id="account-panel">
      <button type="button" class="link" onClick={props.onClose}>
        {a.close}
      </button>
      {authMethod.value === 'password' && <PasswordForm />}
      {authMethod.value === 'password' && user.value?.role === 'counsellor' && <TotpSetup />}
      <Sessions />
    </section>
  );
}
