// Column types shared by the table types: how timestamps and ranges travel between pg and TypeScript.
import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** PostgreSQL ranges travel as their text form, e.g. `["2026-12-03 09:00:00+00","2026-12-03 09:30:00+00")`. */
export type Range = ColumnType<string, string, string>;
