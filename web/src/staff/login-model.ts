// Model of the staff login form: busy, the refusal text, and whether the second step (TOTP) is asked for.
import { signal } from '@preact/signals';

export interface LoginTexts {
  /** The problem code of a failure ('' when it has none, e.g. no network). */
  codeOf(error: unknown): string;
  describe(error: unknown): string;
  totpNeeded: string;
  totpWrong: string;
  rateLimited: string;
  wrongCredentials: string;
  localOff: string;
}

export function createLoginModel(
  login: (email: string, password: string, totp?: string) => Promise<unknown>,
  texts: () => LoginTexts,
  initialError: string,
) {
  const error = signal(initialError);
  const busy = signal(false);
  const needTotp = signal(false);

  function refusal(e: unknown): string {
    const t = texts();
    switch (t.codeOf(e)) {
      case 'rate_limited':
        return t.rateLimited;
      case 'unauthorized':
        return t.wrongCredentials;
      case 'local_login_disabled':
        return t.localOff;
      default:
        return t.describe(e);
    }
  }

  return {
    error,
    busy,
    needTotp,
    /** Logs in; a refused login sets the text, the first `totp_required` opens the code field. */
    async submit(email: string, password: string, totp: string): Promise<void> {
      busy.value = true;
      error.value = '';
      try {
        await login(email, password, totp.trim() || undefined);
      } catch (e) {
        const t = texts();
        if (t.codeOf(e) === 'totp_required') {
          error.value = needTotp.value ? t.totpWrong : t.totpNeeded;
          needTotp.value = true;
        } else error.value = refusal(e);
      } finally {
        busy.value = false;
      }
    },
  };
}
