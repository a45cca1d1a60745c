// The feedback mechanism of the accessibility statement: a form that reaches the operators, and the agency's contacts.
import { useRef } from 'preact/hooks';
import { tr } from '../shared/i18n.ts';
import { errorText } from '../shared/ui.tsx';
import * as m from './model.ts';
import { STRINGS } from './strings.ts';

export function Feedback() {
  const s = tr(STRINGS);
  const status = useRef<HTMLParagraphElement>(null);
  const info = m.info.value;
  return (
    <section aria-labelledby="fb-h">
      <h2 id="fb-h">{s.feedbackTitle}</h2>
      <p>{s.feedbackIntro}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void m.sendFeedback().then((ok) => {
            if (ok) status.current?.focus();
            else if (m.missing.value) document.getElementById('fb-message')?.focus();
          });
        }}
      >
        <p class="field">
          <label for="fb-message">{s.message}</label>
          <textarea
            id="fb-message"
            name="message"
            rows={5}
            maxLength={4000}
            required
            aria-required
            aria-invalid={m.missing.value ? true : undefined}
            aria-describedby={m.missing.value ? 'fb-message-err' : undefined}
            value={m.message.value}
            onInput={(e) => {
              m.message.value = (e.currentTarget as HTMLTextAreaElement).value;
            }}
          />
          {m.missing.value ? (
            <span id="fb-message-err" class="err">
              {s.required}
            </span>
          ) : null}
        </p>
        <p class="field">
          <label for="fb-contact">{s.contact}</label>
          <input
            id="fb-contact"
            name="contact"
            maxLength={200}
            autocomplete="email"
            value={m.contact.value}
            onInput={(e) => {
              m.contact.value = (e.currentTarget as HTMLInputElement).value;
            }}
          />
        </p>
        <p>
          <button type="submit" class="primary" disabled={m.sending.value}>
            {m.sending.value ? s.sending : s.send}
          </button>
        </p>
      </form>
      <p ref={status} tabIndex={-1} role="status">
        {m.sent.value ? s.sent : ''}
      </p>
      {m.sendError.value ? (
        <p role="alert" class="err">
          {errorText(m.sendError.value)}
        </p>
      ) : null}
      {info?.contactEmail || info?.contactPhone ? (
        <>
          <p>{s.otherWays}</p>
          <ul>
            {info.contactEmail ? (
              <li>
                {s.email}: <a href={`mailto:${info.contactEmail}`}>{info.contactEmail}</a>
              </li>
            ) : null}
            {info.contactPhone ? (
              <li>
                {s.phone}: <a href={`tel:${info.contactPhone.replace(/[^\d+]/g, '')}`}>{info.contactPhone}</a>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
    </section>
  );
}
