// Model of the staff login form: busy, the refusal text, and whether the second step (TOTP) is asked for.
import { signal } from '@preact/signals';

/** How the page reads a refused login: its text, and whether it asks for the authenticator code. */
export type ExplainRefusal = (error: unknown, totpShown: boolean) => { text: string; askTotp: boolean };

export function createLoginModel(
  login: (email: string, password: string, totp?: string) => Promise<unknown>,
  explain: ExplainRefusal,
  initialError: string,
) {
  const error = signal(initialError);
  const busy = signal(false);
  const needTotp = signal(false);
  return {
    error,
    busy,
    needTotp,
    /** Logs in; a refusal sets its text, and the code field stays open once it was asked for. */
    async submit(email: string, password: string, totp: string): Promise<void> {
      busy.value = true;
      error.value = '';
      try {
        await login(email, password, totp.trim() || undefined);
      } catch (e) {
        const refusal = explain(e, needTotp.value);
        error.value = refusal.text;
        if (refusal.askTotp) needTotp.value = true;
      } finally {
        busy.value = false;
      }
    },
  };
}
