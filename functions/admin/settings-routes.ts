// Sites, operator settings (SMS sender name, retention days, case-file URL template) and the audit log view.
import { Hono } from 'hono';
import { auditStaff } from '../audit/audit.ts';
import { flagHolidayBookings } from '../closures/closures.ts';
import { sqlState } from '../db/errors.ts';
import { runBookingTransaction } from '../db/transaction.ts';
import type { StaffEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { isUuid } from '../http/schemas.ts';
import { validate } from '../http/validation.ts';
import { readSettings, writeSettings } from '../platform/settings.ts';
import { addDays, startOfDay } from '../platform/zoned-time.ts';
import { listAudit } from './audit-repository.ts';
import { insertSite, listSites, updateSite } from './counsellors-repository.ts';
import { AuditQuerySchema, SettingsSchema, SiteSchema } from './schemas.ts';

function toInstant(value: string | undefined, tz: string, endOfDay: boolean): Date | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return endOfDay ? startOfDay(addDays(value, 1), tz) : startOfDay(value, tz);
  }
  return new Date(value);
}

export const adminSettingsRoutes = new Hono<StaffEnv>()
  .get('/sites', async (c) => c.json({ sites: await listSites(c.get('db')) }))
  .post('/sites', validate('json', SiteSchema), async (c) => {
    const site = await insertSite(c.get('db'), c.req.valid('json'));
    if (!site) throw new AppError('conflict', { detail: 'A site with this name exists already.' });
    return c.json({ site }, 201);
  })
  .put('/sites/:id', validate('json', SiteSchema), async (c) => {
    const id = c.req.param('id');
    if (!isUuid(id)) throw new AppError('not_found');
    const body = c.req.valid('json');
    const now = c.get('clock').now();
    try {
      const result = await runBookingTransaction(c.get('db'), async (trx) => {
        const changed = await updateSite(trx, id, body);
        if (!changed) return undefined;
        const { before, after } = changed;
        // A new federal state brings new public holidays: bookings on them need a new time.
        const flagged =
          before.federalState === after.federalState
            ? 0
            : await flagHolidayBookings(
                trx,
                id,
                after.federalState ?? (c.get('config').DEFAULT_FEDERAL_STATE || null),
                c.get('config').TIME_ZONE,
                now,
              );
        return { site: after, flaggedBookings: flagged };
      });
      if (!result) throw new AppError('not_found');
      c.get('deps').calendarChanged('all');
      return c.json(result);
    } catch (e) {
      if (sqlState(e) === '23505')
        throw new AppError('conflict', { detail: 'A site with this name exists already.' });
      throw e;
    }
  })
  .get('/settings', async (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ settings: await readSettings(c.get('db'), c.get('config')) });
  })
  .put('/settings', validate('json', SettingsSchema), async (c) => {
    const changes = c.req.valid('json');
    const db = c.get('db');
    await writeSettings(db, changes, c.get('clock').now());
    await auditStaff(c, 'settings_updated', { entityType: 'settings', detail: changes, db });
    return c.json({ settings: await readSettings(db, c.get('config')) });
  })
  .get('/audit', validate('query', AuditQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const tz = c.get('config').TIME_ZONE;
    const entries = await listAudit(c.get('db'), {
      entityId: q.entityId,
      actorId: q.actorId,
      from: toInstant(q.from, tz, false),
      to: toInstant(q.to, tz, true),
      limit: q.limit ?? 200,
    });
    c.header('cache-control', 'no-store');
    return c.json({ entries });
  });
