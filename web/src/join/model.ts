// The join page's first-render state: the appointment behind the code, the phase, and what loads later.
import { signal } from '@preact/signals';
import { type ApiError, api, type JoinStatus, type JoinTicket, secretFromPath } from '../shared/api.ts';
import { withStrings } from '../shared/i18n.ts';

export type Phase =
  | 'loading'
  | 'invalid'
  | 'early'
  | 'closed'
  | 'cancelled'
  | 'ready'
  | 'joining'
  | 'call'
  | 'error';

export const code = secretFromPath();
export const phase = signal<Phase>('loading');
export const status = signal<JoinStatus | null>(null);
export const error = signal<ApiError | null>(null);
export const dataSaver = signal(false);
export const audioOnly = signal(false);
export const ticket = signal<JoinTicket | null>(null);
/** The checks and the join action, fetched right after the first paint. */
export const prejoin = signal<typeof import('./prejoin.tsx') | null>(null);
/** The in-call view (and livekit-client with it), fetched when the page is idle or on joining. */
export const callView = signal<typeof import('./call-view.tsx') | null>(null);

let recheck: ReturnType<typeof setTimeout> | undefined;

export async function loadStatus(): Promise<void> {
  error.value = null;
  try {
    const s = await api.joinStatus(code);
    status.value = s;
    if (s.state === 'open') {
      if (phase.value === 'loading' || phase.value === 'early') phase.value = 'ready';
      return;
    }
    phase.value = s.state === 'join_not_open' ? 'early' : s.state === 'join_closed' ? 'closed' : 'cancelled';
    if (s.state === 'join_not_open') {
      clearTimeout(recheck);
      // The page opens the room by itself when the window opens (capped: timers drift on sleeping phones).
      const wait = Math.min(Date.parse(s.opensAt) - Date.now() + 1000, 600_000);
      recheck = setTimeout(() => void loadStatus(), Math.max(wait, 5000));
    }
  } catch (e) {
    const err = e as ApiError;
    if (err.status === 404) phase.value = 'invalid';
    else {
      error.value = err;
      if (phase.value === 'loading') phase.value = 'error';
    }
  }
}

function lazy<T>(load: () => Promise<T>, target: { value: T | null }): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().then(
      (mod) => {
        target.value = mod;
        return mod;
      },
      (e) => {
        pending = null;
        throw e;
      },
    );
    return pending;
  };
}

export const loadPrejoin = lazy(() => withStrings(import('./prejoin.tsx')), prejoin);
export const loadCallView = lazy(() => withStrings(import('./call-view.tsx')), callView);
