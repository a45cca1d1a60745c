// Ad-hoc session: a phone number in, a join link out (also sent by SMS), then join at once; an interpreter can be invited.
import { useSignal } from '@preact/signals';
import type { AdhocCreated } from '../../../contract/join.ts';
import { LANG_INFO, LANGS, tr } from '../shared/i18n.ts';
import { call } from '../staff/api.ts';
import { Feedback, useAction } from '../staff/use-action.tsx';
import { InterpreterInvite } from './interpreter-invite.tsx';
import { joinCall } from './model.ts';
import { C } from './strings.ts';

export function AdhocPage() {
  const s = tr(C);
  const action = useAction();
  const created = useSignal<AdhocCreated | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const phone = String(form.get('phone') ?? '').trim();
    const name = String(form.get('name') ?? '').trim();
    const language = String(form.get('language') ?? 'de');
    void action.run(async () => {
      created.value = await call<AdhocCreated>('POST', '/api/staff/adhoc-sessions', {
        ...(phone ? { phone } : {}),
        ...(name ? { name } : {}),
        language,
      });
      return '';
    });
  };
  const session = created.value;
  return (
    <>
      <h1 tabIndex={-1}>{s.adhocTitle}</h1>
      <p>{s.adhocIntro}</p>
      <form class="stack" onSubmit={submit} style="max-width:28rem">
        <div class="field">
          <label for="adhoc-phone">{s.adhocPhone}</label>
          <input id="adhoc-phone" name="phone" type="tel" autocomplete="off" inputMode="tel" required />
        </div>
        <div class="field">
          <label for="adhoc-name">{s.adhocName}</label>
          <input id="adhoc-name" name="name" type="text" autocomplete="off" />
        </div>
        <div class="field">
          <label for="adhoc-language">{s.adhocLanguage}</label>
          {/* The citizen's language for the SMS and the join page; each name in its own language. */}
          <select id="adhoc-language" name="language">
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANG_INFO[l].name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" disabled={action.busy.value}>
            {s.adhocCreate}
          </button>
        </div>
        <Feedback error={action.error.value} note={action.note.value} />
      </form>
      {session && (
        <div class="card">
          <p>
            <label for="adhoc-link">{s.adhocLink}</label>
            <br />
            <input
              id="adhoc-link"
              readOnly
              value={session.joinUrl}
              size={50}
              onFocus={(e) => e.currentTarget.select()}
            />
          </p>
          <button type="button" onClick={() => joinCall(session.booking.id)}>
            {s.adhocJoin}
          </button>
          <InterpreterInvite bookingId={session.booking.id} />
        </div>
      )}
    </>
  );
}
