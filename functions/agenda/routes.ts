// GET /api/staff/agenda (ETag polling) and POST /api/staff/bookings/:id/phone-fallback.
import { Hono } from 'hono';
import { auditStaff } from '../audit/audit.ts';
import type { Actor, StaffEnv } from '../http/context.ts';
import { pickStaffLanguage } from '../http/language.ts';
import { AppError } from '../http/problem.ts';
import { validate } from '../http/validation.ts';
import { readSettings } from '../platform/settings.ts';
import { addDays, dateIn, daysBetween, startOfDay } from '../platform/zoned-time.ts';
import { findAccessibleBooking, mayAccessCounsellor, redactCitizen } from './access.ts';
import { etagOf, matchesEtag, toAgendaItems } from './agenda.ts';
import { counsellorExists, listAgenda, markPhoneFallback } from './repository.ts';
import { AgendaQuerySchema } from './schemas.ts';

export const MAX_AGENDA_DAYS = 42;

/** Whose agenda: the asked counsellor (operators, or oneself), else one's own, else (operators) everyone's. */
async function agendaOwner(c: { get(k: 'db'): StaffEnv['Variables']['db'] }, actor: Actor, asked?: string) {
  if (asked) {
    if (actor.role !== 'operator' && asked !== actor.counsellorId) throw new AppError('forbidden');
    if (!(await counsellorExists(c.get('db'), asked))) throw new AppError('not_found');
    return asked;
  }
  if (actor.counsellorId) return actor.counsellorId;
  if (actor.role === 'operator') return null;
  throw new AppError('forbidden', { detail: 'This account has no counsellor profile.' });
}

export const agendaRoutes = new Hono<StaffEnv>()
  .get('/agenda', validate('query', AgendaQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const actor = c.get('actor');
    const { TIME_ZONE: tz } = c.get('config');
    const from = q.from ?? dateIn(c.get('clock').now(), tz);
    const to = q.to ?? addDays(from, 6);
    const span = daysBetween(from, to);
    if (span < 0 || span >= MAX_AGENDA_DAYS)
      throw new AppError('invalid_request', { detail: `from..to must span 1 to ${MAX_AGENDA_DAYS} days.` });
    const counsellorId = await agendaOwner(c, actor, q.counsellorId);
    const db = c.get('db');
    const rows = await listAgenda(db, {
      counsellorId,
      from: startOfDay(from, tz),
      to: startOfDay(addDays(to, 1), tz),
    });
    const settings = await readSettings(db, c.get('config'));
    const items = (
      await toAgendaItems(db, rows, {
        lang: pickStaffLanguage(c),
        caseFileTemplate: settings.caseFileUrlTemplate,
      })
    ).map((i) => (mayAccessCounsellor(actor, i.counsellorId) ? i : redactCitizen(i)));
    const body = JSON.stringify({ from, to, timeZone: tz, counsellorId, items });
    const etag = await etagOf(body);
    c.header('cache-control', 'private, no-cache');
    c.header('vary', 'accept-language, cookie');
    c.header('etag', etag);
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    const personal = items.filter((i) => i.name || i.phone || i.customerNumber).map((i) => i.id);
    if (personal.length > 0) {
      await auditStaff(c, 'agenda_read', {
        entityType: 'agenda',
        entityId: counsellorId ?? 'all',
        detail: { from, to, bookingIds: personal },
        db,
      });
    }
    return c.body(body, 200, { 'content-type': 'application/json; charset=utf-8' });
  })
  .post('/bookings/:id/phone-fallback', async (c) => {
    const actor = c.get('actor');
    const db = c.get('db');
    const booking = await findAccessibleBooking(db, actor, c.req.param('id'));
    if (booking.status === 'cancelled')
      throw new AppError('conflict', { detail: 'The appointment was cancelled.' });
    const now = c.get('clock').now();
    await db.transaction().execute(async (trx) => {
      await markPhoneFallback(trx, booking.id, now);
      await auditStaff(c, 'phone_fallback', { entityType: 'booking', entityId: booking.id, db: trx });
    });
    return c.json({
      booking: { id: booking.id, status: booking.status, phoneFallbackAt: now.toISOString() },
    });
  });
