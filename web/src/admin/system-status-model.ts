// Model of the console's system status line: the probes of /api/admin/system-status, refreshed every 30 s.
import { computed, signal } from '@preact/signals';
import type { DependencyCheck as Check, CheckState, SystemStatus } from '../../../contract/health.ts';
import { ApiError, call } from '../staff/api.ts';

export type { CheckState, DependencyCheck as Check, SystemStatus } from '../../../contract/health.ts';

export type CheckName = Check['name'];

const REFRESH_MS = 30_000;

export const systemStatus = signal<SystemStatus | null>(null);
/** True when the console itself could not ask (the database behind the login is down, or the network). */
export const statusUnknown = signal(false);
export const problems = computed(() => systemStatus.value?.checks.filter((c) => c.status !== 'ok') ?? []);

export async function refreshSystemStatus(): Promise<void> {
  try {
    systemStatus.value = await call<SystemStatus>('GET', '/api/admin/system-status');
    statusUnknown.value = false;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    statusUnknown.value = true;
  }
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Starts polling once; the interval lives as long as the page. */
export function watchSystemStatus(): void {
  if (timer) return;
  void refreshSystemStatus();
  timer = setInterval(() => void refreshSystemStatus(), REFRESH_MS);
}
