// Where one uncached GET /api/slots computation spends its time: each query, the engine and the JSON, timed in Node.
import { loadClosedDates } from '../../functions/closures/closures.ts';
import { createDb, createPool } from '../../functions/db/connect.ts';
import { addDays, localDay } from '../../functions/platform/time-zone.ts';
import { computeSlots } from '../../functions/schedule/slot-engine.ts';
import { findService } from '../../functions/services/catalogue.ts';
import { buildCalendar, renderDays, rulesOf } from '../../functions/slots/calendar.ts';
import {
  loadBusyPeriods,
  loadCapacity,
  loadCapacityUsage,
  loadSkilledCounsellors,
} from '../../functions/slots/repository.ts';

const RUNS = 9;

/**
 * Median milliseconds per step over RUNS sequential computations of the same 28 days (the database's
 * own caches are warm, as they are in the app). The steps run one after another here; the app runs the
 * five range queries in parallel, so `totalMs` is closer to what one request costs than their sum.
 */
export async function profileSlots(
  databaseUrl: string,
  serviceId: string,
  from: string,
  timeZone: string,
): Promise<Record<string, number>> {
  const pool = createPool({ connectionString: databaseUrl, max: 5 });
  const db = createDb(pool);
  const to = addDays(from, 27);
  const now = Date.now();
  const rangeStart = new Date(localDay(addDays(from, -1), timeZone).start);
  const rangeEnd = new Date(localDay(addDays(to, 1), timeZone).end);
  const samples = new Map<string, number[]>();
  const time = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const value = await f();
    const list = samples.get(name) ?? [];
    list.push(performance.now() - started);
    samples.set(name, list);
    return value;
  };
  let bytes = 0;
  try {
    for (let i = 0; i < RUNS; i++) {
      const service = await time('findServiceMs', () => findService(db, serviceId));
      if (!service) throw new Error(`no service ${serviceId}`);
      const counsellors = await time('rosterQueryMs', () => loadSkilledCounsellors(db, serviceId));
      const closedDates = await time('closedDatesQueryMs', () =>
        loadClosedDates(db, counsellors, '', addDays(from, -1), addDays(to, 1)),
      );
      const ids = counsellors.map((c) => c.id);
      const busy = await time('busyQueryMs', () => loadBusyPeriods(db, ids, rangeStart, rangeEnd));
      const capacityUsage = await time('capacityUsageQueryMs', () =>
        loadCapacityUsage(db, rangeStart, rangeEnd),
      );
      const capacity = await time('capacityQueryMs', () => loadCapacity(db, rangeStart, rangeEnd));
      const days = await time('engineMs', () =>
        computeSlots(
          rulesOf(service),
          { timeZone, counsellors, busy, bookings: [], capacity, capacityUsage, closedDates },
          now,
          from,
          to,
        ),
      );
      const rendered = await time('renderMs', () => renderDays(days, timeZone));
      const encoded = await time('jsonMs', () =>
        new TextEncoder().encode(JSON.stringify({ service: service.id, timeZone, days: rendered })),
      );
      bytes = encoded.byteLength;
      await time('totalMs', async () => {
        const s = await findService(db, serviceId);
        if (!s) throw new Error(`no service ${serviceId}`);
        const d = await buildCalendar(db, s, timeZone, '', new Date(now), from, to);
        return JSON.stringify({ service: s.id, timeZone, days: d });
      });
    }
  } finally {
    await db.destroy();
  }
  const out: Record<string, number> = { bodyBytes: bytes };
  for (const [name, list] of samples) {
    list.sort((a, b) => a - b);
    out[name] = Math.round((list[Math.floor(list.length / 2)] ?? Number.NaN) * 100) / 100;
  }
  return out;
}
