// Kysely table types of staff accounts, limits, settings, audit and metrics.
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './column-types.ts';
import type { Language } from './tables-bookings.ts';

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
