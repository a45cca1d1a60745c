// After the call: why it ended, a way back in, and the two-question survey (POST /api/survey).
import { signal } from '@preact/signals';
import { type ApiError, api } from '../shared/api.ts';
import { tr } from '../shared/i18n.ts';
import { errorText } from '../shared/ui.tsx';
import { CALL_STRINGS } from './call-strings.ts';
import { code } from './model.ts';

const recommend = signal<boolean | null>(null);
const ease = signal<number | null>(null);
const comment = signal('');
const sending = signal(false);
const outcome = signal<'sent' | 'already' | 'incomplete' | ApiError | null>(null);

async function send(e: Event) {
  e.preventDefault();
  if (recommend.value === null || ease.value === null) {
    outcome.value = 'incomplete';
    return;
  }
  sending.value = true;
  try {
    await api.survey({
      code,
      recommend: recommend.value,
      easeOfUse: ease.value,
      ...(comment.value.trim() ? { comment: comment.value.trim() } : {}),
    });
    outcome.value = 'sent';
  } catch (err) {
    outcome.value = (err as ApiError).code === 'already_answered' ? 'already' : (err as ApiError);
  } finally {
    sending.value = false;
  }
}

export function Survey() {
  const s = tr(CALL_STRINGS);
  const o = outcome.value;
  if (o === 'sent' || o === 'already')
    return (
      <p id="survey-done" role="status" class="notice">
        {o === 'sent' ? s.thanks : s.already}
      </p>
    );
  return (
    <form class="survey" onSubmit={send} aria-labelledby="survey-h" noValidate>
      <h2 id="survey-h">{s.surveyTitle}</h2>
      <fieldset>
        <legend>{s.recommend}</legend>
        {[true, false].map((v) => (
          <label key={String(v)}>
            <input
              type="radio"
              name="recommend"
              checked={recommend.value === v}
              onChange={() => {
                recommend.value = v;
              }}
            />{' '}
            {v ? s.yes : s.no}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{s.ease}</legend>
        {s.easeLabels.map((label, i) => (
          <label key={label}>
            <input
              type="radio"
              name="ease"
              checked={ease.value === i + 1}
              onChange={() => {
                ease.value = i + 1;
              }}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <p class="field">
        <label for="comment">{s.comment}</label>
        <textarea
          id="comment"
          rows={3}
          maxLength={2000}
          value={comment.value}
          onInput={(e) => {
            comment.value = (e.currentTarget as HTMLTextAreaElement).value;
          }}
        />
      </p>
      <div role="alert">
        {o === 'incomplete' ? <p class="err">{s.answerBoth}</p> : null}
        {o && typeof o === 'object' ? <p class="err">{errorText(o)}</p> : null}
      </div>
      <button type="submit" disabled={sending.value}>
        {sending.value ? s.sending : s.send}
      </button>
    </form>
  );
}
