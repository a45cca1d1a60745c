// Operator API for the video system's capacity: concurrent sessions, ad-hoc reserve, maintenance windows.
import { Hono } from 'hono';
import { sql } from 'kysely';
import { auditStaff, writeAudit } from '../audit/audit.ts';
import { runBookingTransaction } from '../db/transaction.ts';
import type { StaffEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { idParam } from '../http/schemas.ts';
import { validate } from '../http/validation.ts';
import { formatInZone } from '../platform/time-zone.ts';
import {
  flagOverCapacity,
  readCapacitySettings,
  recomputeBuckets,
  writeCapacitySettings,
} from './repository.ts';
import { CapacityBodySchema, MaintenanceBodySchema } from './schemas.ts';

const DEFAULT_ADHOC_MINUTES = 30;

export const capacityRoutes = new Hono<StaffEnv>()
  .get('/capacity', async (c) => {
    const s = await readCapacitySettings(c.get('db'));
    return c.json(
      s ?? { maxConcurrentSessions: 0, adhocReserve: 0, adhocDurationMinutes: DEFAULT_ADHOC_MINUTES },
    );
  })
  .put('/capacity', validate('json', CapacityBodySchema), async (c) => {
    const body = c.req.valid('json');
    const now = c.get('clock').now();
    const actor = c.get('actor');
    const result = await runBookingTransaction(c.get('db'), async (trx) => {
      const current = await readCapacitySettings(trx, true);
      const nodes = await trx
        .selectFrom('livekit_nodes')
        .select((eb) => eb.fn.sum<string | null>('capacity').as('total'))
        .executeTakeFirst();
      // With LiveKit nodes registered the maximum is their sum; only the reserve and duration are set here.
      if (nodes?.total != null && Number(nodes.total) !== body.maxConcurrentSessions)
        throw new AppError('conflict', {
          detail: `The capacity follows the LiveKit nodes (${nodes.total} sessions): change the nodes instead.`,
        });
      const next = {
        maxConcurrentSessions: body.maxConcurrentSessions,
        // Without an explicit reserve the current one is kept, but never above the new maximum.
        adhocReserve: body.adhocReserve ?? Math.min(current?.adhocReserve ?? 0, body.maxConcurrentSessions),
        adhocDurationMinutes:
          body.adhocDurationMinutes ?? current?.adhocDurationMinutes ?? DEFAULT_ADHOC_MINUTES,
      };
      await writeCapacitySettings(trx, next, now);
      await recomputeBuckets(trx, now);
      const flagged = await flagOverCapacity(trx, now, 'capacity_reduced');
      await writeAudit(trx, {
        actorType: 'staff',
        actorId: actor?.userId ?? null,
        action: 'capacity.updated',
        entityType: 'capacity_settings',
        entityId: '1',
        detail: { before: current ?? null, after: next, flaggedBookings: flagged },
        requestId: c.get('requestId'),
      });
      return { ...next, flaggedBookings: flagged };
    });
    c.get('deps').calendarChanged('all');
    return c.json(result);
  })
  .get('/maintenance-windows', async (c) => {
    const tz = c.get('config').TIME_ZONE;
    const rows = await sql<{ id: string; s: Date; e: Date; capacity: number; note: string }>`
      select id, lower(period) as s, upper(period) as e, capacity, note from maintenance_windows
      where upper(period) > ${c.get('clock').now()} order by lower(period)`.execute(c.get('db'));
    return c.json({
      maintenanceWindows: rows.rows.map((w) => ({
        id: w.id,
        start: formatInZone(new Date(w.s).getTime(), tz),
        end: formatInZone(new Date(w.e).getTime(), tz),
        capacity: w.capacity,
        note: w.note,
      })),
    });
  })
  .post('/maintenance-windows', validate('json', MaintenanceBodySchema), async (c) => {
    const body = c.req.valid('json');
    const now = c.get('clock').now();
    const tz = c.get('config').TIME_ZONE;
    const result = await runBookingTransaction(c.get('db'), async (trx) => {
      // Serialises against bookings, which read the settings FOR SHARE while they count capacity.
      await readCapacitySettings(trx, true);
      const row = await trx
        .insertInto('maintenance_windows')
        .values({
          period: sql<string>`tstzrange(${body.start}::timestamptz, ${body.end}::timestamptz, '[)')`,
          capacity: body.capacity,
          note: body.note,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recomputeBuckets(trx, body.start, body.end);
      const flagged = await flagOverCapacity(trx, now, 'maintenance_window', body.start, body.end);
      await auditStaff(c, 'maintenance_window.created', {
        entityType: 'maintenance_window',
        entityId: row.id,
        detail: {
          start: body.start.toISOString(),
          end: body.end.toISOString(),
          capacity: body.capacity,
          flagged,
        },
        db: trx,
      });
      return { id: row.id, flagged };
    });
    c.get('deps').calendarChanged('all');
    return c.json(
      {
        maintenanceWindow: {
          id: result.id,
          start: formatInZone(body.start.getTime(), tz),
          end: formatInZone(body.end.getTime(), tz),
          capacity: body.capacity,
          note: body.note,
        },
        flaggedBookings: result.flagged,
      },
      201,
    );
  })
  .delete('/maintenance-windows/:id', idParam, async (c) => {
    const { id } = c.req.valid('param');
    const found = await runBookingTransaction(c.get('db'), async (trx) => {
      await readCapacitySettings(trx, true);
      const row = await sql<{ s: Date; e: Date }>`
        delete from maintenance_windows where id = ${id} and livekit_node_id is null
        returning lower(period) as s, upper(period) as e`.execute(trx);
      const w = row.rows[0];
      if (!w) return false;
      await recomputeBuckets(trx, new Date(w.s), new Date(w.e));
      await auditStaff(c, 'maintenance_window.deleted', {
        entityType: 'maintenance_window',
        entityId: id,
        db: trx,
      });
      return true;
    });
    if (!found) throw new AppError('not_found');
    c.get('deps').calendarChanged('all');
    return c.json({ deleted: id });
  });
