// The information pages' state: which page, the agency's accessibility settings, and the feedback form.
import { signal } from '@preact/signals';
import { type AccessibilityInfo, type ApiError, api } from '../shared/api.ts';
import { lang } from '../shared/i18n.ts';

export type InfoPage = 'statement' | 'easy' | 'sign';

export function pageOf(path: string): InfoPage {
  if (path.startsWith('/leichte-sprache')) return 'easy';
  if (path.startsWith('/gebaerdensprache')) return 'sign';
  return 'statement';
}

export const info = signal<AccessibilityInfo | null>(null);
export const infoError = signal<ApiError | null>(null);

export async function loadInfo(): Promise<void> {
  infoError.value = null;
  try {
    info.value = await api.accessibility();
  } catch (e) {
    infoError.value = e as ApiError;
  }
}

export const message = signal('');
export const contact = signal('');
export const sending = signal(false);
export const sent = signal(false);
export const missing = signal(false);
export const sendError = signal<ApiError | null>(null);

/** Which part of the service the report is about: only the first path segment, never a join or manage secret. */
function fromPage(): string | null {
  const from = new URLSearchParams(location.search).get('from') ?? '';
  return /^\/[a-z]{0,12}$/.test(from) ? from : null;
}

export async function sendFeedback(): Promise<boolean> {
  missing.value = message.value.trim() === '';
  if (missing.value) return false;
  sending.value = true;
  sendError.value = null;
  try {
    await api.accessibilityFeedback({
      message: message.value.trim(),
      contact: contact.value.trim() || null,
      page: fromPage(),
      language: lang.value,
    });
    sent.value = true;
    message.value = '';
    contact.value = '';
    return true;
  } catch (e) {
    sendError.value = e as ApiError;
    return false;
  } finally {
    sending.value = false;
  }
}
