// The shape of one language's SMS wording: how it writes a date and time, and the text of every message kind.
import type { OutboxKind } from '../../db/database.ts';

/** Date parts in the service's time zone, formatted by the language's locale (Latin digits). */
export interface WhenParts {
  weekday: string;
  day: string;
  month: string;
  hour: string;
  minute: string;
}

/** What a message may contain; `link` puts a URL on its own line under a label, or nothing without a URL. */
export interface SmsFill {
  when: string;
  time: string;
  /** " (topic)" or "" */
  svc: string;
  minutes: number;
  joinUrl?: string;
  manageUrl?: string;
  bookUrl?: string;
  /** The language an interpreter is booked for (interpreter invitations only). */
  interpretLanguage: string;
  link(label: string, url: string | undefined): string;
}

export interface SmsWording {
  /** Intl options for the date parts: numeric months keep the non-Latin texts short. */
  numericMonth: boolean;
  /** Longest topic name put in; 0 leaves it out (topics are named in German and English only, and in UCS-2 the
   * name would push a message with two links into a fifth segment). */
  maxServiceChars: number;
  when(d: WhenParts): string;
  time(d: WhenParts): string;
  render(kind: OutboxKind, f: SmsFill): string;
  /** The booking's phone-verification code; sent directly, not through the outbox. */
  verificationCode(code: string): string;
}
