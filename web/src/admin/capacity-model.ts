// Model of the capacity page: the settings, the maintenance windows, the 14-day forecast and the live rooms.
import { signal } from '@preact/signals';

/** The page's requests; the live count fails on its own (503 when the video server does not answer). */
export interface CapacityRequests<C, W, H, L> {
  settings(): Promise<C>;
  windows(): Promise<W[]>;
  forecast(): Promise<H[]>;
  live(): Promise<L>;
}

export interface CapacityTexts {
  describe(error: unknown): string;
  /** True when the failure means "the video server is down" rather than "no answer at all". */
  isVideoDown(error: unknown): boolean;
}

export function createCapacityModel<C, W, H, L>(
  requests: CapacityRequests<C, W, H, L>,
  texts: CapacityTexts,
) {
  const settings = signal<C | null>(null);
  const windows = signal<W[]>([]);
  const hours = signal<H[]>([]);
  const live = signal<L | 'down' | null>(null);
  const loadError = signal('');
  return {
    settings,
    windows,
    hours,
    live,
    loadError,
    /** Loads everything; the live count is asked even when the rest failed. */
    async load(): Promise<void> {
      try {
        const [c, w, f] = await Promise.all([requests.settings(), requests.windows(), requests.forecast()]);
        settings.value = c;
        windows.value = w;
        hours.value = f;
        loadError.value = '';
      } catch (e) {
        loadError.value = texts.describe(e);
      }
      try {
        live.value = await requests.live();
      } catch (e) {
        live.value = texts.isVideoDown(e) ? 'down' : null;
      }
    },
  };
}
