// A tiny hook for one-off requests from a form: busy flag, error text, success note.
import { useState } from 'preact/hooks';
import { tr } from '../shared/i18n.ts';
import { errorText } from './error-text.ts';
import { STAFF } from './strings.ts';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError('');
    setNote('');
    try {
      const message = await fn();
      setNote(typeof message === 'string' ? message : tr(STAFF).saved);
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, note, run, setNote };
}

/** The error and success lines under a form, announced to screen readers. */
export function Feedback({ error, note }: { error: string; note: string }) {
  return (
    <p role="status" aria-live="polite" class={error ? 'err' : 'ok'}>
      {error || note}
    </p>
  );
}
