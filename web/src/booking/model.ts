// The booking page's first-render state: the topics, the chosen one, and the lazily loaded rest of the flow.
import { effect, signal, untracked } from '@preact/signals';
import { type ApiError, api, type Service } from '../shared/api.ts';
import { lang, withStrings } from '../shared/i18n.ts';

export const services = signal<Service[] | null>(null);
export const servicesError = signal<ApiError | null>(null);
export const serviceId = signal('');
/** The calendar, form and confirmation, loaded after the first paint so the first render stays small. */
export const flow = signal<typeof import('./steps.tsx') | null>(null);

export async function loadServices(): Promise<void> {
  servicesError.value = null;
  try {
    services.value = (await api.services()).services;
  } catch (e) {
    servicesError.value = e as ApiError;
  }
}

let loading: Promise<void> | null = null;

export function loadFlow(): Promise<void> {
  loading ??= withStrings(import('./steps.tsx')).then(
    (mod) => {
      flow.value = mod;
    },
    () => {
      loading = null;
    },
  );
  return loading;
}

export async function chooseService(id: string): Promise<void> {
  serviceId.value = id;
  await loadFlow();
  const service = services.value?.find((s) => s.id === id);
  if (service) flow.value?.startService(service);
}

/** Topic names come in the page language: loaded at start and again after a switch. */
effect(() => {
  if (lang.value) untracked(() => void loadServices());
});
