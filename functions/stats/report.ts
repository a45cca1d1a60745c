// Statistics report shaping (pure): per-day rows over a period, totals, and the CSV export.

export interface DayCounts {
  date: string;
  booked: number;
  completed: number;
  noShows: number;
  cancelled: number;
  phoneFallbacks: number;
  sessions: number;
  averageDurationMinutes: number | null;
  peakConcurrent: number;
  joinFailures: number;
}

export const EMPTY_DAY: Omit<DayCounts, 'date'> = {
  booked: 0,
  completed: 0,
  noShows: 0,
  cancelled: 0,
  phoneFallbacks: 0,
  sessions: 0,
  averageDurationMinutes: null,
  peakConcurrent: 0,
  joinFailures: 0,
};

/** Every date from `from` to `to` (inclusive) in order, with zeros where nothing happened. */
export function fillDays(
  dates: readonly string[],
  known: ReadonlyMap<string, Partial<Omit<DayCounts, 'date'>>>,
): DayCounts[] {
  return dates.map((date) => ({ date, ...EMPTY_DAY, ...known.get(date) }));
}

/** Sums of the counters, the peak of peaks, and the session-weighted average duration. */
export function totalsOf(days: readonly DayCounts[]): Omit<DayCounts, 'date'> {
  const t = { ...EMPTY_DAY };
  let minutes = 0;
  let timed = 0;
  for (const d of days) {
    t.booked += d.booked;
    t.completed += d.completed;
    t.noShows += d.noShows;
    t.cancelled += d.cancelled;
    t.phoneFallbacks += d.phoneFallbacks;
    t.sessions += d.sessions;
    t.joinFailures += d.joinFailures;
    t.peakConcurrent = Math.max(t.peakConcurrent, d.peakConcurrent);
    if (d.averageDurationMinutes !== null) {
      minutes += d.averageDurationMinutes * d.sessions;
      timed += d.sessions;
    }
  }
  t.averageDurationMinutes = timed > 0 ? Math.round((minutes / timed) * 10) / 10 : null;
  return t;
}

const COLUMNS: (keyof DayCounts)[] = [
  'date',
  'booked',
  'completed',
  'noShows',
  'cancelled',
  'phoneFallbacks',
  'sessions',
  'averageDurationMinutes',
  'peakConcurrent',
  'joinFailures',
];

function cell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  // Quote always-safe; a leading formula character is neutralised for spreadsheet programs.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The per-day table as CSV (RFC 4180, CRLF line ends) with a header row. */
export function daysToCsv(days: readonly DayCounts[]): string {
  const lines = [COLUMNS.join(',')];
  for (const d of days) lines.push(COLUMNS.map((c) => cell(d[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
