// Kysely table types mirroring migrations/*.sql; a wrong column or type fails to compile.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Language } from '../../contract/shared.ts';
import type { FederalState } from './federal-states.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** PostgreSQL ranges travel as their text form, e.g. `["2026-12-03 09:00:00+00","2026-12-03 09:30:00+00")`. */
type Range = ColumnType<string, string, string>;

/** A topic's name (and description) per citizen language beyond German and English. */
export type ServiceTranslations = Partial<
  Record<'tr' | 'ar' | 'uk' | 'ru', { name: string; description?: string }>
>;

export interface ServicesTable {
  id: string;
  name_de: string;
  name_en: string;
  description_de: Generated<string>;
  description_en: Generated<string>;
  /** Names and descriptions in tr/ar/uk/ru (functions/services/translations.ts); written as a JSON string. */
  translations: ColumnType<ServiceTranslations, string | undefined, string>;
  duration_minutes: number;
  buffer_before_minutes: Generated<number>;
  buffer_after_minutes: Generated<number>;
  min_notice_minutes: Generated<number>;
  horizon_days: Generated<number>;
  slot_step_minutes: Generated<number>;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SitesTable {
  id: Generated<string>;
  name: string;
  /** ISO 3166-2 suffix of the federal state whose public holidays apply (migration 0160). */
  federal_state: FederalState | null;
  created_at: Generated<Date>;
}

export interface ClosingDaysTable {
  id: Generated<string>;
  day: ColumnType<string, string, string>;
  site_id: string | null;
  period: Range;
  reason: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export type StaffRole = 'counsellor' | 'operator';

/** What a session must do before it may use the rest of the staff API. */
export type SessionPending = 'password_change' | 'totp_setup';

export interface StaffUsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  role: StaffRole;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  supervisor: Generated<boolean>;
  oidc_subject: string | null;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: ColumnType<string | null, number | null, number | null>;
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp | null;
  password_reset_by: string | null;
  password_reset_at: Timestamp | null;
}

export interface StaffSessionsTable {
  token_hash: Uint8Array;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  id: Generated<string>;
  absolute_expires_at: Timestamp;
  auth_method: Generated<'password' | 'oidc'>;
  pending: SessionPending | null;
  oidc_sid: string | null;
  id_token: string | null;
  user_agent: string | null;
  client_hash: string | null;
}

export interface CounsellorsTable {
  id: Generated<string>;
  staff_user_id: string;
  site_id: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface CounsellorSkillsTable {
  counsellor_id: string;
  service_id: string;
}

export interface WorkingHoursTable {
  id: Generated<string>;
  counsellor_id: string;
  weekday: number;
  /** `HH:MM:SS` */
  start_time: string;
  end_time: string;
}

export interface AbsencesTable {
  id: Generated<string>;
  counsellor_id: string;
  period: Range;
  reason: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface CapacitySettingsTable {
  id: Generated<number>;
  max_concurrent_sessions: number;
  adhoc_reserve: Generated<number>;
  adhoc_duration_minutes: Generated<number>;
  updated_at: Generated<Date>;
}

export interface MaintenanceWindowsTable {
  id: Generated<string>;
  period: Range;
  capacity: number;
  note: Generated<string>;
  created_at: Generated<Date>;
  /** Set on the windows that stand for a LiveKit node out of service (functions/capacity/nodes-repository.ts). */
  livekit_node_id: string | null;
}

/** What a LiveKit node's own metrics said at the last probe. */
export interface NodeLoad {
  rooms: number;
  participants: number;
}

export interface LivekitNodesTable {
  id: Generated<string>;
  name: string;
  url: string;
  metrics_url: string | null;
  cores: number | null;
  capacity: number;
  note: Generated<string>;
  maintenance: Range | null;
  down_since: Date | null;
  down_until: Date | null;
  checked_at: Date | null;
  load: ColumnType<NodeLoad | null, string | null, string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

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

export interface CapacityBucketsTable {
  start_at: Timestamp;
  capacity: number;
  reserve: number;
  scheduled_used: Generated<number>;
  adhoc_used: Generated<number>;
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

/** An Idempotency-Key of POST /api/bookings and the booking it made (migration 0155). */
export interface BookingRequestKeysTable {
  key_hash: Uint8Array;
  request_hash: Uint8Array;
  booking_id: string;
  sealed_links: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface RateLimitHitsTable {
  key: string;
  window_start: Timestamp;
  hits: number;
  expires_at: Timestamp;
}

export interface ClientKeySecretsTable {
  day: string;
  secret: Uint8Array;
  created_at: Generated<Timestamp>;
}

export interface BookingLimitsTable {
  id: Generated<boolean>;
  active_per_phone: number;
  per_phone_per_day: number;
  updated_at: Generated<Timestamp>;
}

export interface PhoneVerificationsTable {
  id: Generated<string>;
  phone_e164: string;
  code_hash: Uint8Array;
  attempts: Generated<number>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface SmsBudgetUsageTable {
  day: string;
  recipient_key: string;
  sent: Generated<number>;
}

export interface SurveyResponsesTable {
  booking_id: string;
  recommend: boolean;
  ease_of_use: number;
  comment: string | null;
  created_at: CreatedAt;
}

export interface AccessibilityFeedbackTable {
  id: Generated<string>;
  message: string;
  contact: string | null;
  page: string | null;
  language: Language;
  created_at: Timestamp;
  handled_at: Timestamp | null;
  handled_by: string | null;
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

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: CreatedAt;
  actor_type: 'staff' | 'citizen' | 'system';
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  detail: ColumnType<unknown, string | undefined, string>;
  request_id: string | null;
}

export interface CalendarFeedsTable {
  counsellor_id: string;
  token_hash: Uint8Array;
  created_at: Generated<Date>;
}

export interface InterpretersTable {
  id: Generated<string>;
  name: string;
  phone_e164: string;
  email: string | null;
  languages: ColumnType<string[], string[], string[]>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InterpreterHoursTable {
  id: Generated<string>;
  interpreter_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
}

export interface InterpreterBookingsTable {
  id: Generated<string>;
  booking_id: string;
  interpreter_id: string;
  language: string;
  blocked: Range;
  status: Generated<'confirmed' | 'cancelled'>;
  join_code_hash: Uint8Array;
  extra_sessions: number;
  created_at: Generated<Date>;
}

export interface JoinOutcomeCountsTable {
  audience: 'citizen' | 'counsellor';
  outcome: string;
  count: ColumnType<number, number | undefined, number>;
  updated_at: Generated<Date>;
}

export interface Database {
  services: ServicesTable;
  sites: SitesTable;
  closing_days: ClosingDaysTable;
  calendar_feeds: CalendarFeedsTable;
  interpreters: InterpretersTable;
  interpreter_hours: InterpreterHoursTable;
  interpreter_bookings: InterpreterBookingsTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  counsellors: CounsellorsTable;
  counsellor_skills: CounsellorSkillsTable;
  working_hours: WorkingHoursTable;
  absences: AbsencesTable;
  capacity_settings: CapacitySettingsTable;
  maintenance_windows: MaintenanceWindowsTable;
  livekit_nodes: LivekitNodesTable;
  bookings: BookingsTable;
  booking_request_keys: BookingRequestKeysTable;
  capacity_buckets: CapacityBucketsTable;
  booking_notes: BookingNotesTable;
  room_sessions: RoomSessionsTable;
  participant_events: ParticipantEventsTable;
  join_failures: JoinFailuresTable;
  rate_limit_hits: RateLimitHitsTable;
  client_key_secrets: ClientKeySecretsTable;
  booking_limits: BookingLimitsTable;
  sms_budget_usage: SmsBudgetUsageTable;
  phone_verifications: PhoneVerificationsTable;
  join_outcome_counts: JoinOutcomeCountsTable;
  survey_responses: SurveyResponsesTable;
  outbox_messages: OutboxMessagesTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  accessibility_feedback: AccessibilityFeedbackTable;
  rate_limit_backoff: RateLimitBackoffTable;
  request_metric_series: RequestMetricSeriesTable;
  oidc_login_states: OidcLoginStatesTable;
}

export interface RequestMetricSeriesTable {
  route_group: string;
  method: string;
  status: number;
  count: ColumnType<string, number, number>;
  sum_seconds: number;
  buckets: ColumnType<string[], number[], number[]>;
  updated_at: Timestamp;
}

export interface RateLimitBackoffTable {
  key: string;
  score: number;
  updated_at: Timestamp;
  blocked_until: Timestamp | null;
}

export interface OidcLoginStatesTable {
  state_hash: Uint8Array;
  nonce: string;
  code_verifier: string;
  return_to: string;
  expires_at: Timestamp;
}

export type Service = Selectable<ServicesTable>;
export type Booking = Selectable<BookingsTable>;
export type NewBooking = Insertable<BookingsTable>;
export type BookingUpdate = Updateable<BookingsTable>;
export type StaffUser = Selectable<StaffUsersTable>;
export type OutboxMessage = Selectable<OutboxMessagesTable>;
