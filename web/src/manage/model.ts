// The manage page's state: the booking behind the token, cancelling, and the lazily loaded rescheduling.
import { signal } from '@preact/signals';
import { type ApiError, api, type Booking, secretFromPath } from '../shared/api.ts';
import { withStrings } from '../shared/i18n.ts';

export const token = secretFromPath();
export const booking = signal<Booking | null>(null);
export const loadError = signal<ApiError | null>(null);
export const confirmCancel = signal(false);
export const busy = signal(false);
export const actionError = signal<ApiError | null>(null);
/** What just happened, for the live region: `cancelled` or `moved`. */
export const done = signal<'cancelled' | 'moved' | null>(null);
export const newJoinUrl = signal<string | null>(null);
export const rescheduler = signal<typeof import('./reschedule.tsx') | null>(null);

export async function load(): Promise<void> {
  loadError.value = null;
  try {
    booking.value = (await api.booking(token)).booking;
  } catch (e) {
    loadError.value = e as ApiError;
  }
}

export async function cancel(): Promise<void> {
  busy.value = true;
  actionError.value = null;
  try {
    const res = await api.cancel(token);
    booking.value = { ...booking.value!, ...res.booking };
    done.value = 'cancelled';
    confirmCancel.value = false;
  } catch (e) {
    actionError.value = e as ApiError;
  } finally {
    busy.value = false;
  }
}

export async function openReschedule(): Promise<void> {
  const mod = await withStrings(import('./reschedule.tsx'));
  rescheduler.value = mod;
  mod.startPicker(booking.value!.service);
}

/** Whether the citizen may still change it: confirmed and not yet begun. */
export function changeable(b: Booking): boolean {
  return b.status === 'confirmed' && Date.parse(b.start) > Date.now();
}
