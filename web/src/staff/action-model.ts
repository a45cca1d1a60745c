// Model of one form's request: busy flag, error text and success note as signals, for any staff page.
import { type Signal, signal } from '@preact/signals';

export interface ActionModel {
  readonly busy: Signal<boolean>;
  readonly error: Signal<string>;
  readonly note: Signal<string>;
  /** Runs `fn`; its string result (or the default note) becomes the note, a failure the error. True when it worked. */
  run(fn: () => Promise<unknown>): Promise<boolean>;
}

/** How failures and plain successes read; the page passes its strings (staff/use-action.tsx). */
export interface ActionTexts {
  describe(error: unknown): string;
  saved(): string;
}

export function createAction(texts: ActionTexts): ActionModel {
  const busy = signal(false);
  const error = signal('');
  const note = signal('');
  return {
    busy,
    error,
    note,
    async run(fn) {
      busy.value = true;
      error.value = '';
      note.value = '';
      try {
        const message = await fn();
        note.value = typeof message === 'string' ? message : texts.saved();
        return true;
      } catch (e) {
        error.value = texts.describe(e);
        return false;
      } finally {
        busy.value = false;
      }
    },
  };
}
