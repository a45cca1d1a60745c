// Kysely table types of appointments and what hangs off them: sessions, joins, messages, surveys.
import type { ColumnType, Generated } from 'kysely';
import type { Language } from '../../contract/shared.ts';
import type { CreatedAt, Range, Timestamp } from './column-types.ts';

export type BookingStatus = 'confirmed' | 'cancelled' | 'completed' | 'no_show';
export type BookingKind = 'scheduled' | 'adhoc';
/** The citizen's language: the booking's SMS and .ics texts, the citizen pages. Staff pages use the first two. */
export { LANGUAGES, type Language } from '../../contract/shared.ts';
export type StaffLanguage = 'de' | 'en';

export interface BookingsTable {
  id: Generated<string>;
  service_id: string;
  counsellor_id: string;
  kind: Generated<BookingKind>;
  status: Generated<BookingStatus>;
  start_at: Timestamp;
  end_at: Timestamp;
  blocked: Range;
  join_code_hash: Uint8Array;
  manage_token_hash: Uint8Array | null;
  room_name: string;
  phone_e164: string | null;
  name: string | null;
  email: string | null;
  customer_number: string | null;
  language: Generated<Language>;
  sms_opt_out: Generated<boolean>;
  needs_rebooking: Generated<boolean>;
  needs_rebooking_reason: string | null;
  rescheduled_from: string | null;
  cancelled_at: Timestamp | null;
  cancelled_by: 'citizen' | 'staff' | 'system' | null;
  counsellor_delay_minutes: number | null;
  citizen_joined_at: Timestamp | null;
  counsellor_joined_at: Timestamp | null;
  ended_at: Timestamp | null;
  phone_fallback_at: Timestamp | null;
  personal_data_erased_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface BookingNotesTable {
  id: Generated<string>;
  booking_id: string;
  author_id: string | null;
  body: string;
  created_at: Generated<Date>;
}

export interface RoomSessionsTable {
  id: Generated<string>;
  booking_id: string | null;
  room_name: string;
  room_sid: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  max_participants: Generated<number>;
}

export interface ParticipantEventsTable {
  id: Generated<string>;
  webhook_id: string;
  booking_id: string | null;
  room_name: string;
  identity: string;
  role: 'citizen' | 'counsellor' | 'other';
  event: 'joined' | 'left';
  at: Timestamp;
}

export interface JoinFailuresTable {
  id: Generated<string>;
  booking_id: string | null;
  browser: string;
  reason: string;
  at: CreatedAt;
}

/** An Idempotency-Key of POST /api/bookings and the booking it made (migration 0015). */
export interface BookingRequestKeysTable {
  key_hash: Uint8Array;
  request_hash: Uint8Array;
  booking_id: string;
  sealed_links: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SurveyResponsesTable {
  booking_id: string;
  recommend: boolean;
  ease_of_use: number;
  comment: string | null;
  created_at: CreatedAt;
}

export type OutboxKind =
  | 'confirmation'
  | 'reminder'
  | 'cancellation'
  | 'rescheduled'
  | 'counsellor_ready'
  | 'running_late'
  | 'adhoc_link'
  | 'rebooking_needed'
  | 'interpreter_invite';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead' | 'cancelled';

export interface OutboxMessagesTable {
  id: Generated<string>;
  booking_id: string | null;
  channel: Generated<'sms' | 'email'>;
  kind: OutboxKind;
  dedupe_key: string;
  recipient: string | null;
  body: string | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  not_before: ColumnType<Date, Date | string | undefined, Date | string>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_until: Timestamp | null;
  last_error: string | null;
  sent_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface JoinOutcomeCountsTable {
  audience: 'citizen' | 'counsellor';
  outcome: string;
  count: ColumnType<number, number | undefined, number>;
  updated_at: Generated<Date>;
}
