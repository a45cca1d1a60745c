// Every request of the citizen pages: JSON in and out, problem+json turned into a typed ApiError.
import type { AccessibilityInfo, FeedbackRequest } from '../../../contract/accessibility.ts';
import type {
  BookingCreated,
  BookingRequest,
  BookingView,
  ManagedBooking,
} from '../../../contract/bookings.ts';
import type { ErrorCode, FieldError } from '../../../contract/errors.ts';
import type { JoinStatus, JoinTicket } from '../../../contract/join.ts';
import type { Service } from '../../../contract/services.ts';
import type { Slot, SlotDay, SlotCalendar as Slots } from '../../../contract/slots.ts';
import type { SurveyRequest } from '../../../contract/survey.ts';
import { lang } from './i18n.ts';

export type {
  AccessibilityInfo,
  BookingCreated,
  FieldError,
  JoinStatus,
  JoinTicket,
  Service,
  Slot,
  SlotDay,
  Slots,
};
/** The citizen's view of a booking; the manage page's adds the topic's name and the rebooking flag. */
export type Booking = BookingView &
  Partial<Pick<ManagedBooking['booking'], 'serviceName' | 'needsRebooking'>>;
export type NewBooking = BookingRequest;
export type SurveyAnswer = SurveyRequest;
export type AccessibilityFeedback = FeedbackRequest;

/** A problem code of the API, or what the client says when there was no problem body: no network, a proxy's page. */
export type ClientErrorCode = ErrorCode | 'network' | `http_${number}`;

/** A failed request: `status` 0 and code `network` when the server was not reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
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
    throw new ApiError(
      res.status,
      String(data.code ?? `http_${res.status}`) as ClientErrorCode,
      data.errors ?? [],
      data,
    );
  return data as T;
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
