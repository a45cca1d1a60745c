// GET/POST /api/admin/services and PUT /api/admin/services/:id: topics with names, durations and rules.
import { type Context, Hono } from 'hono';
import type * as v from 'valibot';
import { auditStaff } from '../audit/audit.ts';
import type { Service } from '../db/database.ts';
import type { StaffEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { validate } from '../http/validation.ts';
import { ServiceCreateSchema, ServiceUpdateSchema } from './schemas.ts';
import { insertService, listAllServices, type ServiceValues, updateService } from './services-repository.ts';

export function serviceJson(s: Service) {
  return {
    id: s.id,
    nameDe: s.name_de,
    nameEn: s.name_en,
    descriptionDe: s.description_de,
    descriptionEn: s.description_en,
    translations: s.translations,
    durationMinutes: s.duration_minutes,
    bufferBeforeMinutes: s.buffer_before_minutes,
    bufferAfterMinutes: s.buffer_after_minutes,
    minNoticeMinutes: s.min_notice_minutes,
    horizonDays: s.horizon_days,
    slotStepMinutes: s.slot_step_minutes,
    active: s.active,
    sortOrder: s.sort_order,
  };
}

function toValues(b: v.InferOutput<typeof ServiceUpdateSchema>): ServiceValues {
  const out: ServiceValues = {
    name_de: b.nameDe,
    name_en: b.nameEn,
    description_de: b.descriptionDe,
    description_en: b.descriptionEn,
    translations: b.translations && JSON.stringify(b.translations),
    duration_minutes: b.durationMinutes,
    buffer_before_minutes: b.bufferBeforeMinutes,
    buffer_after_minutes: b.bufferAfterMinutes,
    min_notice_minutes: b.minNoticeMinutes,
    horizon_days: b.horizonDays,
    slot_step_minutes: b.slotStepMinutes,
    active: b.active,
    sort_order: b.sortOrder,
  };
  for (const k of Object.keys(out) as (keyof ServiceValues)[]) if (out[k] === undefined) delete out[k];
  return out;
}

export const adminServiceRoutes = new Hono<StaffEnv>()
  .get('/services', async (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ services: (await listAllServices(c.get('db'))).map(serviceJson) });
  })
  .post('/services', validate('json', ServiceCreateSchema), async (c) => {
    const { id, ...rest } = c.req.valid('json');
    const values = toValues(rest);
    const created = await insertService(c.get('db'), id, {
      ...values,
      name_de: rest.nameDe,
      name_en: rest.nameEn,
      duration_minutes: rest.durationMinutes,
    });
    if (!created) throw new AppError('conflict', { detail: `A service with id "${id}" exists already.` });
    await audit(c, 'service_created', id, values);
    return c.json({ service: serviceJson(created) }, 201);
  })
  .put('/services/:id', validate('json', ServiceUpdateSchema), async (c) => {
    const values = toValues(c.req.valid('json'));
    const id = c.req.param('id');
    const updated = await updateService(c.get('db'), id, values, c.get('clock').now());
    if (!updated) throw new AppError('not_found');
    await audit(c, 'service_updated', id, values);
    return c.json({ service: serviceJson(updated) });
  });

function audit(c: Context<StaffEnv>, action: string, id: string, detail: object) {
  return auditStaff(c, action, { entityType: 'service', entityId: id, detail: { ...detail } });
}
