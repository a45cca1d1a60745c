// The accessibility statement's data and its feedback mechanism (BITV 2.0): citizens report barriers, operators
// read and close the reports.
import { Hono } from 'hono';
import { auditStaff } from '../audit/audit.ts';
import type { AppEnv, StaffEnv } from '../http/context.ts';
import { ACCESSIBILITY_REPORTS, hitClientLimit } from '../http/limits.ts';
import { AppError } from '../http/problem.ts';
import { idParam } from '../http/schemas.ts';
import { validate } from '../http/validation.ts';
import { insertFeedback, listFeedback, markHandled } from './repository.ts';
import { FeedbackListSchema, FeedbackSchema } from './schemas.ts';

export const accessibilityRoutes = new Hono<AppEnv>()
  .get('/api/accessibility', (c) => {
    const config = c.get('config');
    c.header('cache-control', 'public, max-age=300');
    return c.json({
      contactEmail: config.ACCESSIBILITY_CONTACT_EMAIL || null,
      contactPhone: config.ACCESSIBILITY_CONTACT_PHONE || null,
      enforcementUrl: config.ACCESSIBILITY_ENFORCEMENT_URL,
      signLanguageVideo: config.SIGN_LANGUAGE_VIDEO || null,
    });
  })
  .post('/api/accessibility/feedback', validate('json', FeedbackSchema), async (c) => {
    const now = c.get('clock').now();
    await hitClientLimit(c, ACCESSIBILITY_REPORTS);
    const stored = await insertFeedback(c.get('db'), c.req.valid('json'), now);
    return c.json({ feedback: { id: stored.id, createdAt: stored.createdAt.toISOString() } }, 201);
  });

/** Mounted on /api/admin. */
export const adminAccessibilityRoutes = new Hono<StaffEnv>()
  .get('/accessibility-feedback', validate('query', FeedbackListSchema), async (c) => {
    const db = c.get('db');
    const rows = await listFeedback(db, c.req.valid('query').status === 'open');
    const withContact = rows.filter((r) => r.contact).map((r) => r.id);
    // A contact is personal data: reading it is audited like any other.
    if (withContact.length > 0)
      await auditStaff(c, 'accessibility_feedback_read', {
        entityType: 'accessibility_feedback',
        detail: { ids: withContact },
        db,
      });
    c.header('cache-control', 'private, no-store');
    return c.json({
      feedback: rows.map((r) => ({
        id: r.id,
        message: r.message,
        contact: r.contact,
        page: r.page,
        language: r.language,
        createdAt: r.created_at.toISOString(),
        handledAt: r.handled_at?.toISOString() ?? null,
      })),
    });
  })
  .post('/accessibility-feedback/:id/handled', idParam, async (c) => {
    const { id } = c.req.valid('param');
    const found = await markHandled(c.get('db'), id, c.get('actor').userId, c.get('clock').now());
    if (!found) throw new AppError('not_found');
    return c.json({ handled: true });
  });
