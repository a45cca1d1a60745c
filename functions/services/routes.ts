// GET /api/services: the bookable topics in the request's language.
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { pickLanguage } from '../http/language.ts';
import { listActiveServices } from './catalogue.ts';
import { localizedService } from './translations.ts';

export const serviceRoutes = new Hono<AppEnv>().get('/api/services', async (c) => {
  const lang = pickLanguage(c);
  const services = await listActiveServices(c.get('db'));
  c.header('vary', 'accept-language');
  c.header('cache-control', 'public, max-age=60');
  return c.json({
    services: services.map((s) => ({
      id: s.id,
      ...localizedService(s, lang),
      durationMinutes: s.duration_minutes,
      // What the calendar needs to know which dates to ask for.
      minNoticeMinutes: s.min_notice_minutes,
      horizonDays: s.horizon_days,
      slotStepMinutes: s.slot_step_minutes,
    })),
    timeZone: c.get('config').TIME_ZONE,
  });
});
