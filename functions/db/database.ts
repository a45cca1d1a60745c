// Kysely table types mirroring migrations/*.sql (the tables live in tables-*.ts); a wrong column or type fails to compile.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  BookingNotesTable,
  BookingRequestKeysTable,
  BookingsTable,
  JoinFailuresTable,
  JoinOutcomeCountsTable,
  OutboxMessagesTable,
  ParticipantEventsTable,
  RoomSessionsTable,
  SurveyResponsesTable,
} from './tables-bookings.ts';
import type {
  AccessibilityFeedbackTable,
  AuditLogTable,
  BookingLimitsTable,
  ClientKeySecretsTable,
  OidcLoginStatesTable,
  PhoneVerificationsTable,
  RateLimitBackoffTable,
  RateLimitHitsTable,
  RequestMetricSeriesTable,
  SettingsTable,
  SmsBudgetUsageTable,
  StaffSessionsTable,
  StaffUsersTable,
} from './tables-platform.ts';
import type {
  AbsencesTable,
  CalendarFeedsTable,
  CapacityBucketsTable,
  CapacitySettingsTable,
  ClosingDaysTable,
  CounsellorSkillsTable,
  CounsellorsTable,
  InterpreterBookingsTable,
  InterpreterHoursTable,
  InterpretersTable,
  LivekitNodesTable,
  MaintenanceWindowsTable,
  ServicesTable,
  SitesTable,
  WorkingHoursTable,
} from './tables-scheduling.ts';

export * from './tables-bookings.ts';
export type * from './tables-platform.ts';
export type * from './tables-scheduling.ts';

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

export type Service = Selectable<ServicesTable>;
export type Booking = Selectable<BookingsTable>;
export type NewBooking = Insertable<BookingsTable>;
export type BookingUpdate = Updateable<BookingsTable>;
export type StaffUser = Selectable<StaffUsersTable>;
export type OutboxMessage = Selectable<OutboxMessagesTable>;
