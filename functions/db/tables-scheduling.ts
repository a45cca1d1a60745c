// Kysely table types of scheduling: services, sites, counsellors and their hours, capacity, video nodes, interpreters.
import type { ColumnType, Generated } from 'kysely';
import type { Range, Timestamp } from './column-types.ts';
import type { FederalState } from './federal-states.ts';

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
  /** ISO 3166-2 suffix of the federal state whose public holidays apply (migration 0016). */
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

export interface CapacityBucketsTable {
  start_at: Timestamp;
  capacity: number;
  reserve: number;
  scheduled_used: Generated<number>;
  adhoc_used: Generated<number>;
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
