// The booking flow after the topic (loaded after the first render): calendar, chosen slot, form, the booking.
import { signal } from '@preact/signals';
import { type ApiError, api, type BookingCreated, type Service, type Slot } from '../shared/api.ts';
import { nearestSlots } from '../shared/calendar-math.ts';
import { runConnectionCheck } from '../shared/connection-check.ts';
import { lang, todayIn } from '../shared/i18n.ts';
import { runIceCheck } from '../shared/ice-check.ts';
import { createSlotPicker } from '../shared/slot-picker-model.ts';

export const picker = createSlotPicker();
export const slot = signal<Slot | null>(null);
export const serviceName = signal('');

export const phone = signal('');
export const name = signal('');
export const customerNumber = signal('');
/** Set when the server asks to confirm the number by SMS code (428); the form then shows the code field. */
export const verificationId = signal<string | null>(null);
export const verificationCode = signal('');
export const consent = signal(false);
/** Languages an interpreter can be booked for (empty: the choice is not shown). */
export const interpreterLanguages = signal<string[]>([]);

/** Field name → error kind (`required`, `phone`, …) for the form's messages. */
export const fieldErrors = signal<Record<string, string>>({});
export const submitting = signal(false);
export const submitError = signal<ApiError | null>(null);
/** Set after a 409: the nearest still-free slots (maybe none). */
export const alternatives = signal<Slot[] | null>(null);
export const booked = signal<BookingCreated | null>(null);

export function startService(service: Service): void {
  serviceName.value = service.name;
  slot.value = null;
  alternatives.value = null;
  void picker.start(service.id, service.horizonDays);
  api.interpreterLanguages().then(
    (r) => {
      interpreterLanguages.value = r.languages;
    },
    () => {
      interpreterLanguages.value = [];
    },
  );
}

/** Asks for an interpreter (or none): the calendar then shows only times when one is free. */
export function chooseInterpreter(code: string): void {
  picker.interpreter.value = code;
  slot.value = null;
  alternatives.value = null;
  void picker.refresh();
}

export function chooseDay(date: string): void {
  picker.date.value = date;
  slot.value = null;
}

export function chooseSlot(next: Slot): void {
  slot.value = next;
  picker.date.value = todayIn(picker.timeZone.value, new Date(next.start));
  alternatives.value = null;
  submitError.value = null;
}

/** The checks a browser can make; the server decides what a valid mobile number is. */
function checkFields(): Record<string, string> {
  const errors: Record<string, string> = {};
  const digits = phone.value.replace(/[\s()/.-]/g, '');
  if (!digits) errors.phone = 'required';
  else if (!/^\+?\d{6,16}$/.test(digits)) errors.phone = 'phone';
  if (!consent.value) errors.consent = 'consent';
  return errors;
}

function optional(value: string): string | undefined {
  return value.trim() || undefined;
}

/**
 * One Idempotency-Key per booking attempt: pressing "book" again after a network error or a 5xx sends
 * the same key, so a first request that did get through is answered, not booked twice. A changed
 * choice (service, time, phone) is a new attempt with a new key.
 */
let attempt: { fingerprint: string; key: string } | null = null;

function requestKeyFor(fingerprint: string): string {
  // getRandomValues, unlike randomUUID, works on plain-HTTP development hosts too.
  const fresh = () =>
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  if (attempt?.fingerprint !== fingerprint) attempt = { fingerprint, key: fresh() };
  return attempt.key;
}

/** Books the chosen slot; on 409 offers the nearest free slots of the freshly loaded month. */
export async function submit(): Promise<'ok' | 'invalid' | 'taken' | 'verify' | 'error'> {
  const chosen = slot.value;
  if (!chosen || submitting.value) return 'error';
  fieldErrors.value = checkFields();
  if (Object.keys(fieldErrors.value).length) return 'invalid';
  submitting.value = true;
  submitError.value = null;
  try {
    const key = requestKeyFor(
      JSON.stringify([picker.service.value, chosen.start, phone.value.trim(), picker.interpreter.value]),
    );
    booked.value = await api.book(
      {
        service: picker.service.value,
        start: chosen.start,
        phone: phone.value.trim(),
        name: optional(name.value),
        customerNumber: optional(customerNumber.value),
        language: lang.value,
        interpreter: optional(picker.interpreter.value),
        consent: true,
        ...(verificationId.value
          ? { verification: { id: verificationId.value, code: verificationCode.value.trim() } }
          : {}),
      },
      key,
    );
    attempt = null;
    verificationId.value = null;
    verificationCode.value = '';
    // The same check as on the join page, HTTP both ways and then UDP and TURN/TLS, while the citizen reads.
    void runConnectionCheck().then(() => runIceCheck(api.probeIce));
    return 'ok';
  } catch (e) {
    const error = e as ApiError;
    if (error.code === 'phone_verification_required') {
      verificationId.value = String(error.body.verificationId ?? '');
      verificationCode.value = '';
      return 'verify';
    }
    if (error.code === 'slot_unavailable') {
      await picker.refresh();
      const free = Object.values(picker.days.value).flat();
      alternatives.value = nearestSlots(free, chosen.start, 4);
      slot.value = null;
      return 'taken';
    }
    if (error.errors.length) {
      const errors: Record<string, string> = {};
      for (const f of error.errors) {
        const top = f.path.split('.')[0] || 'other';
        const field = top === 'verification' ? 'verificationCode' : top;
        const known = ['phone', 'consent', 'customerNumber', 'verificationCode'];
        errors[field] = known.includes(field) ? field : 'other';
      }
      fieldErrors.value = errors;
      return 'invalid';
    }
    submitError.value = error;
    return 'error';
  } finally {
    submitting.value = false;
  }
}

export function startOver(): void {
  booked.value = null;
  slot.value = null;
  alternatives.value = null;
  picker.date.value = null;
  void picker.refresh();
}
