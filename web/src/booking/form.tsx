// Step 3 of booking: the citizen's details, the privacy notice with consent, and the submit.
import type { Signal } from '@preact/signals';
import { formatDate, formatTime, tr } from '../shared/i18n.ts';
import { errorText } from '../shared/ui.tsx';
import * as m from './flow.ts';
import { FLOW_STRINGS } from './flow-strings.ts';

function Field(props: {
  id: string;
  label: string;
  value: Signal<string>;
  type?: 'text' | 'tel';
  autocomplete?: string;
  inputMode?: 'tel' | 'text';
  hint?: string;
  required?: boolean;
}) {
  const s = tr(FLOW_STRINGS);
  const error = m.fieldErrors.value[props.id];
  const described = [props.hint ? `${props.id}-hint` : '', error ? `${props.id}-err` : ''].filter(Boolean);
  return (
    <p class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <small id={`${props.id}-hint`} class="muted">
          {props.hint}
        </small>
      ) : null}
      <input
        id={props.id}
        name={props.id}
        type={(props.type ?? 'text') as 'text'}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        required={props.required}
        aria-required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described.join(' ') || undefined}
        value={props.value.value}
        onInput={(e) => {
          props.value.value = (e.currentTarget as HTMLInputElement).value;
        }}
      />
      {error ? (
        <span id={`${props.id}-err`} class="err">
          {error === 'required' ? s.required : (s.invalid[error] ?? s.invalid.other)}
        </span>
      ) : null}
    </p>
  );
}

export function BookingForm() {
  const s = tr(FLOW_STRINGS);
  const slot = m.slot.value;
  if (!slot) return null;
  const tz = m.picker.timeZone.value;
  const consentError = m.fieldErrors.value.consent;

  async function onSubmit(e: Event) {
    e.preventDefault();
    const outcome = await m.submit();
    const target =
      outcome === 'invalid'
        ? `#${Object.keys(m.fieldErrors.value)[0] ?? 'phone'}`
        : { ok: 'h1', taken: '#taken', verify: '#verificationCode', error: '#form-msg' }[outcome];
    requestAnimationFrame(() => (document.querySelector(target) as HTMLElement | null)?.focus());
  }

  return (
    <section aria-labelledby="form-h">
      <h2 id="form-h" tabIndex={-1}>
        {s.details}
      </h2>
      <p class="chosen">
        <strong>{s.chosen}:</strong> {m.serviceName.value}, {formatDate(slot.start, tz)},{' '}
        {formatTime(slot.start, tz)}–{formatTime(slot.end, tz)}
      </p>
      <form onSubmit={onSubmit} noValidate>
        <Field
          id="phone"
          label={s.phone}
          value={m.phone}
          type="tel"
          inputMode="tel"
          autocomplete="tel"
          hint={s.phoneHint}
          required
        />
        <Field id="name" label={s.name} value={m.name} autocomplete="name" />
        <Field id="customerNumber" label={s.customerNumber} value={m.customerNumber} autocomplete="off" />
        <h3 id="privacy-h">{s.privacyTitle}</h3>
        <p id="privacy" class="privacy">
          {s.privacy}
        </p>
        <p class="field check-row">
          <input
            id="consent"
            type="checkbox"
            checked={m.consent.value}
            aria-invalid={consentError ? true : undefined}
            aria-describedby={consentError ? 'privacy consent-err' : 'privacy'}
            onChange={(e) => {
              m.consent.value = (e.currentTarget as HTMLInputElement).checked;
            }}
          />
          <label for="consent">{s.consent}</label>
          {consentError ? (
            <span id="consent-err" class="err">
              {s.invalid.consent}
            </span>
          ) : null}
        </p>
        {m.verificationId.value ? (
          <Field
            id="verificationCode"
            label={s.verificationCode}
            value={m.verificationCode}
            inputMode="text"
            autocomplete="one-time-code"
            hint={s.verificationHint}
            required
          />
        ) : null}
        <div id="form-msg" tabIndex={-1} role="alert">
          {Object.keys(m.fieldErrors.value).length ? <p class="err">{s.fixFields}</p> : null}
          {m.submitError.value ? <p class="err">{errorText(m.submitError.value)}</p> : null}
        </div>
        <button type="submit" disabled={m.submitting.value}>
          {m.submitting.value ? s.submitting : s.submit}
        </button>
      </form>
    </section>
  );
}
