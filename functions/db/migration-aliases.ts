// The names migrations had while they were numbered in blocks per feature, and the sequence names they carry now.
//
// Until issue 11, files were numbered in blocks per feature (0120 rate limits, 0140 workerd, ...) and applied
// with allowUnorderedMigrations, so databases recorded these names in whatever order their blocks landed. The
// files are now numbered in one sequence in the order a fresh database has always applied them; the migrator
// renames a database's records once (migrator.ts adoptSequenceNames). Append here, never edit: a migration
// that landed under a block number after this list was written gets the next sequence number and a line here.
export const LEGACY_MIGRATION_NAMES: ReadonlyMap<string, string> = new Map([
  ['0010_create_join_code_misses', '0004_create_join_code_misses'],
  ['0120_create_rate_limits', '0005_create_rate_limits'],
  ['0121_add_phone_booking_limits', '0006_add_phone_booking_limits'],
  ['0122_create_sms_budget', '0007_create_sms_budget'],
  ['0123_create_phone_verifications', '0008_create_phone_verifications'],
  ['0130_add_staff_identity', '0009_add_staff_identity'],
  ['0140_create_calendar_change_notify', '0010_create_calendar_change_notify'],
  ['0141_create_counsellor_day_counts', '0011_create_counsellor_day_counts'],
  ['0142_replace_book_function', '0012_replace_book_function'],
  ['0143_create_fair_book_function', '0013_create_fair_book_function'],
  ['0150_create_livekit_nodes', '0014_create_livekit_nodes'],
  ['0155_create_booking_request_keys', '0015_create_booking_request_keys'],
  ['0160_create_closing_days', '0016_create_closing_days'],
  ['0161_create_calendar_feeds', '0017_create_calendar_feeds'],
  ['0162_create_interpreters', '0018_create_interpreters'],
  ['0163_add_calendar_change_triggers', '0019_add_calendar_change_triggers'],
  ['0165_extend_booking_languages', '0020_extend_booking_languages'],
  ['0166_create_accessibility_feedback', '0021_create_accessibility_feedback'],
  ['0167_add_service_translations', '0022_add_service_translations'],
  ['0170_create_join_outcome_counts', '0023_create_join_outcome_counts'],
  ['0171_move_login_backoff_to_rate_limiter', '0024_move_login_backoff_to_rate_limiter'],
  ['0172_create_request_metric_series', '0025_create_request_metric_series'],
]);

/**
 * The block-numbered names that were applied before the renumbering, oldest name first, each with its
 * new name. 0001-0003 kept their names; they are part of the list so that a database with holes can be
 * completed in the old way before it is renamed.
 */
export const LEGACY_MIGRATIONS: readonly { legacy: string; current: string }[] = [
  { legacy: '0001_create_schema', current: '0001_create_schema' },
  { legacy: '0002_add_slot_indexes', current: '0002_add_slot_indexes' },
  { legacy: '0003_create_book_function', current: '0003_create_book_function' },
  ...[...LEGACY_MIGRATION_NAMES].map(([legacy, current]) => ({ legacy, current })),
];

/** A recorded migration name as this build calls it. */
export function currentMigrationName(recorded: string): string {
  return LEGACY_MIGRATION_NAMES.get(recorded) ?? recorded;
}
