// Operator API for the LiveKit nodes: register, change, remove, maintenance, live load, recommended capacity.
import { type Context, Hono } from 'hono';
import { sql, type Transaction } from 'kysely';
import { auditStaff } from '../audit/audit.ts';
import type { Database } from '../db/database.ts';
import { sqlState } from '../db/errors.ts';
import { runBookingTransaction } from '../db/transaction.ts';
import type { StaffEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { idParam } from '../http/schemas.ts';
import { validate } from '../http/validation.ts';
import { clusterTotals, presentNode } from './node-present.ts';
import { readNodeLoad } from './node-probe.ts';
import { MEASURED, recommendCapacity } from './node-sizing.ts';
import { listNodes, syncNodeCapacity } from './nodes-repository.ts';
import {
  NodeBodySchema,
  NodeMaintenanceSchema,
  NodePatchSchema,
  RecommendationQuerySchema,
} from './nodes-schemas.ts';
import { readCapacitySettings } from './repository.ts';

const NAME_TAKEN = 'A LiveKit node with this name exists already.';

/** Runs a node change in the booking transaction, then lets capacity follow it and audits it. */
async function changeNodes<T extends { id: string } | null>(
  c: Context<StaffEnv>,
  action: string,
  work: (trx: Transaction<Database>) => Promise<T>,
  detail: (result: NonNullable<T>) => Record<string, unknown>,
  reason: 'capacity_reduced' | 'maintenance_window' = 'capacity_reduced',
): Promise<{ result: NonNullable<T>; flaggedBookings: number }> {
  const now = c.get('clock').now();
  try {
    const out = await runBookingTransaction(c.get('db'), async (trx) => {
      await readCapacitySettings(trx, true);
      const result = await work(trx);
      if (!result) throw new AppError('not_found');
      const flaggedBookings = await syncNodeCapacity(trx, now, reason);
      await auditStaff(c, action, {
        entityType: 'livekit_node',
        entityId: result.id,
        detail: { ...detail(result as NonNullable<T>), flaggedBookings },
        db: trx,
      });
      return { result: result as NonNullable<T>, flaggedBookings };
    });
    c.get('deps').calendarChanged('all');
    return out;
  } catch (e) {
    if (sqlState(e) === '23505') throw new AppError('conflict', { detail: NAME_TAKEN });
    throw e;
  }
}

async function nodeResponse(c: Context<StaffEnv>, id: string, flaggedBookings: number) {
  const now = c.get('clock').now();
  const node = (await listNodes(c.get('db'))).find((n) => n.id === id);
  if (!node) throw new AppError('not_found');
  return { node: presentNode(node, c.get('config').TIME_ZONE, now), flaggedBookings };
}

export const nodesRoutes = new Hono<StaffEnv>()
  .get('/livekit-nodes', async (c) => {
    c.header('cache-control', 'no-store');
    const now = c.get('clock').now();
    const nodes = await listNodes(c.get('db'));
    // Live: each node's own metrics, read now (a node that does not answer within seconds shows as unreachable).
    const live = await Promise.all(nodes.map((n) => readNodeLoad(n)));
    return c.json({
      nodes: nodes.map((n, i) => presentNode(n, c.get('config').TIME_ZONE, now, live[i])),
      ...clusterTotals(nodes, now),
      measured: MEASURED,
    });
  })
  .get('/livekit-nodes/recommendation', validate('query', RecommendationQuerySchema), (c) => {
    const { cores, profile } = c.req.valid('query');
    return c.json(recommendCapacity(cores, profile));
  })
  .post('/livekit-nodes', validate('json', NodeBodySchema), async (c) => {
    const body = c.req.valid('json');
    const capacity = body.capacity ?? recommendCapacity(body.cores ?? 1, 'standard').capacity;
    const { result, flaggedBookings } = await changeNodes(
      c,
      'livekit_node.created',
      (trx) =>
        trx
          .insertInto('livekit_nodes')
          .values({
            name: body.name,
            url: body.url,
            metrics_url: body.metricsUrl,
            cores: body.cores,
            capacity,
            note: body.note,
          })
          .returning(['id', 'name', 'capacity'])
          .executeTakeFirstOrThrow(),
      (r) => ({ name: r.name, url: body.url, capacity: r.capacity, derived: body.capacity === undefined }),
    );
    return c.json(await nodeResponse(c, result.id, flaggedBookings), 201);
  })
  .patch('/livekit-nodes/:id', idParam, validate('json', NodePatchSchema), async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { flaggedBookings } = await changeNodes(
      c,
      'livekit_node.updated',
      async (trx) => {
        const before = await trx
          .selectFrom('livekit_nodes')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst();
        if (!before) return null;
        await trx
          .updateTable('livekit_nodes')
          .set({
            ...(body.name !== undefined ? { name: body.name } : {}),
            ...(body.url !== undefined ? { url: body.url } : {}),
            ...(body.metricsUrl !== undefined ? { metrics_url: body.metricsUrl } : {}),
            ...(body.cores !== undefined ? { cores: body.cores } : {}),
            ...(body.capacity !== undefined ? { capacity: body.capacity } : {}),
            ...(body.note !== undefined ? { note: body.note } : {}),
            updated_at: c.get('clock').now(),
          })
          .where('id', '=', id)
          .execute();
        return { id, before: { name: before.name, capacity: before.capacity, url: before.url } };
      },
      (r) => ({ before: r.before, after: body }),
    );
    return c.json(await nodeResponse(c, id, flaggedBookings));
  })
  .delete('/livekit-nodes/:id', idParam, async (c) => {
    const { id } = c.req.valid('param');
    const { flaggedBookings } = await changeNodes(
      c,
      'livekit_node.deleted',
      (trx) =>
        trx
          .deleteFrom('livekit_nodes')
          .where('id', '=', id)
          .returning(['id', 'name', 'capacity'])
          .executeTakeFirst()
          .then((r) => r ?? null),
      (r) => ({ name: r.name, capacity: r.capacity }),
    );
    return c.json({ deleted: id, flaggedBookings });
  })
  .put('/livekit-nodes/:id/maintenance', idParam, validate('json', NodeMaintenanceSchema), async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const start = body.start ?? c.get('clock').now();
    if (body.end <= start)
      throw new AppError('validation_failed', {
        errors: [{ path: 'end', message: 'must be in the future' }],
      });
    const { flaggedBookings } = await changeNodes(
      c,
      'livekit_node.maintenance_set',
      (trx) =>
        trx
          .updateTable('livekit_nodes')
          .set({
            maintenance: sql<string>`tstzrange(${start}::timestamptz, ${body.end}::timestamptz, '[)')`,
            updated_at: c.get('clock').now(),
          })
          .where('id', '=', id)
          .returning(['id', 'name'])
          .executeTakeFirst()
          .then((r) => r ?? null),
      (r) => ({ name: r.name, start: start.toISOString(), end: body.end.toISOString() }),
      'maintenance_window',
    );
    return c.json(await nodeResponse(c, id, flaggedBookings));
  })
  .delete('/livekit-nodes/:id/maintenance', idParam, async (c) => {
    const { id } = c.req.valid('param');
    const { flaggedBookings } = await changeNodes(
      c,
      'livekit_node.maintenance_ended',
      (trx) =>
        trx
          .updateTable('livekit_nodes')
          .set({ maintenance: null, updated_at: c.get('clock').now() })
          .where('id', '=', id)
          .returning(['id', 'name'])
          .executeTakeFirst()
          .then((r) => r ?? null),
      (r) => ({ name: r.name }),
    );
    return c.json(await nodeResponse(c, id, flaggedBookings));
  });
