// Every request of the citizen pages: JSON in and out, problem+json turned into a typed ApiError.
import { type Lang, lang } from './i18n.ts';

export interface FieldError {
  path: string;
  message: string;
}

/** A failed request: `status` 0 and code `network` when the server was not reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly errors: FieldError[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        'accept-language': lang.value,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...extraHeaders,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok)
    throw new ApiError(res.status, String(data.code ?? `http_${res.status}`), data.errors ?? [], data);
  return data as T;
}

export interface Service {
  id: string;
  name: string;
  description?: string;
  durationMinutes: number;
  horizonDays?: number;
}

export interface Slot {
  start: string;
  end: string;
}

export interface SlotDay {
  date: string;
  slots: Slot[];
}

export interface Slots {
  service: string;
  timeZone: string;
  days: SlotDay[];
}

export interface Booking {
  id: string;
  service: string;
  serviceName?: string;
  start: string;
  end: string;
  status: string;
  needsRebooking?: boolean;
}

export interface NewBooking {
  service: string;
  start: string;
  phone: string;
  name?: string;
  email?: string;
  customerNumber?: string;
  language: Lang;
  /** A language (or dgs, sign language) to bring an interpreter for. */
  interpreter?: string;
  consent: true;
  /** The SMS code after a 428 phone_verification_required. */
  verification?: { id: string; code: string };
}

export interface BookingCreated {
  booking: Booking;
  joinUrl: string;
  manageUrl: string;
}

export interface JoinStatus {
  state: 'open' | 'join_not_open' | 'join_closed' | 'booking_cancelled';
  start: string;
  end: string;
  opensAt: string;
  counsellorPresent: boolean;
  delayMinutes: number;
}

export interface JoinTicket {
  serverUrl: string;
  token: string;
  room: string;
  start: string;
  end: string;
  notice: { title: string; text: string };
  counsellorPresent?: boolean;
  delayMinutes?: number;
  role?: 'citizen' | 'interpreter';
  /** Set when an interpreter is booked: its language, `dgs` for sign language. */
  interpreterLanguage?: string | null;
}

export interface SurveyAnswer {
  code: string;
  recommend: boolean;
  easeOfUse: number;
  comment?: string;
}

export interface AccessibilityInfo {
  contactEmail: string | null;
  contactPhone: string | null;
  enforcementUrl: string;
  signLanguageVideo: string | null;
}

export interface AccessibilityFeedback {
  message: string;
  contact: string | null;
  page: string | null;
  language: Lang;
}

const manage = (token: string) => `/api/bookings/manage/${encodeURIComponent(token)}`;

export const api = {
  services: () => call<{ services: Service[] }>('GET', '/api/services'),
  slots: (service: string, from: string, to: string, interpreter = '') =>
    call<Slots>(
      'GET',
      `/api/slots?${new URLSearchParams({ service, from, to, ...(interpreter ? { interpreter } : {}) })}`,
    ),
  interpreterLanguages: () => call<{ languages: string[] }>('GET', '/api/interpreter-languages'),
  /** `requestKey` makes a repeat after a lost answer return the first booking instead of a second one. */
  book: (input: NewBooking, requestKey: string) =>
    call<BookingCreated>('POST', '/api/bookings', input, { 'idempotency-key': requestKey }),
  booking: (token: string) => call<{ booking: Booking }>('GET', manage(token)),
  cancel: (token: string) => call<{ booking: Booking }>('DELETE', manage(token)),
  reschedule: (token: string, start: string) =>
    call<{ booking: Booking; joinUrl?: string }>('POST', `${manage(token)}/reschedule`, { start }),
  /** In the page's language, so the calendar entry reads like the page it came from. */
  icsUrl: (token: string) => `${manage(token)}/ics?lang=${lang.value}`,
  joinStatus: (code: string) => call<JoinStatus>('POST', '/api/join/status', { code }),
  join: (code: string) => call<JoinTicket>('POST', '/api/join', { code }),
  joinIce: (code: string) => call<{ iceServers: RTCIceServer[] }>('POST', '/api/join/ice', { code }),
  probeIce: () => call<{ iceServers: RTCIceServer[] }>('POST', '/api/probe/ice'),
  joinFailure: (code: string, browser: string, reason: string) =>
    call<unknown>('POST', '/api/join/failure', { code, browser, reason }),
  survey: (answer: SurveyAnswer) => call<unknown>('POST', '/api/survey', answer),
  accessibility: () => call<AccessibilityInfo>('GET', '/api/accessibility'),
  accessibilityFeedback: (input: AccessibilityFeedback) =>
    call<unknown>('POST', '/api/accessibility/feedback', input),
};

/** The last path segment of a page URL (/j/CODE, /m/TOKEN). */
export function secretFromPath(path = location.pathname): string {
  return decodeURIComponent(path.split('/').filter(Boolean)[1] ?? '');
}
