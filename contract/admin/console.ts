// valibot schemas for the operator console: services, counsellors, sites, settings, audit queries.
import * as v from 'valibot';
import { FederalStateSchema } from '../shared.ts';

const minutes = (min: number, max: number, step = 5) =>
  v.pipe(
    v.number(),
    v.integer('must be a whole number'),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
    v.check((n) => n % step === 0, `must be a multiple of ${step}`),
  );
const text = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max));

const translation = v.strictObject({
  name: text(200),
  description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2000))),
});

/** Topic names beyond German and English; a language left out shows the German name. */
const ServiceTranslationsSchema = v.strictObject({
  tr: v.optional(translation),
  ar: v.optional(translation),
  uk: v.optional(translation),
  ru: v.optional(translation),
});

const serviceFields = {
  nameDe: text(200),
  nameEn: text(200),
  descriptionDe: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  descriptionEn: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  translations: v.optional(ServiceTranslationsSchema),
  durationMinutes: minutes(5, 480),
  bufferBeforeMinutes: v.optional(minutes(0, 120)),
  bufferAfterMinutes: v.optional(minutes(0, 120)),
  minNoticeMinutes: v.optional(minutes(0, 20160, 1)),
  horizonDays: v.optional(minutes(1, 365, 1)),
  slotStepMinutes: v.optional(minutes(5, 240)),
  active: v.optional(v.boolean()),
  sortOrder: v.optional(minutes(-10000, 10000, 1)),
};

export const ServiceCreateSchema = v.strictObject({
  id: v.pipe(
    v.string(),
    v.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes'),
  ),
  ...serviceFields,
});

export const ServiceUpdateSchema = v.strictObject({
  nameDe: v.optional(serviceFields.nameDe),
  nameEn: v.optional(serviceFields.nameEn),
  descriptionDe: serviceFields.descriptionDe,
  descriptionEn: serviceFields.descriptionEn,
  translations: serviceFields.translations,
  durationMinutes: v.optional(serviceFields.durationMinutes),
  bufferBeforeMinutes: serviceFields.bufferBeforeMinutes,
  bufferAfterMinutes: serviceFields.bufferAfterMinutes,
  minNoticeMinutes: serviceFields.minNoticeMinutes,
  horizonDays: serviceFields.horizonDays,
  slotStepMinutes: serviceFields.slotStepMinutes,
  active: serviceFields.active,
  sortOrder: serviceFields.sortOrder,
});

const skills = v.pipe(v.array(v.pipe(v.string(), v.maxLength(63))), v.maxLength(100));
const uuid = v.pipe(v.string(), v.uuid('must be an id'));
const password = v.pipe(v.string(), v.minLength(12, 'must have at least 12 characters'), v.maxLength(1024));

export const CounsellorCreateSchema = v.strictObject({
  email: v.pipe(
    v.string(),
    v.trim(),
    v.toLowerCase(),
    v.maxLength(320),
    v.email('must be an e-mail address'),
  ),
  displayName: text(200),
  role: v.optional(v.picklist(['counsellor', 'operator']), 'counsellor'),
  password: v.optional(password),
  skills: v.optional(skills, []),
  siteId: v.optional(v.nullable(uuid)),
});

export const CounsellorUpdateSchema = v.strictObject({
  displayName: v.optional(text(200)),
  active: v.optional(v.boolean()),
  skills: v.optional(skills),
  siteId: v.optional(v.nullable(uuid)),
  role: v.optional(v.picklist(['counsellor', 'operator'])),
  supervisor: v.optional(v.boolean()),
});

/** An operator resets only to a one-time password the system makes, never to one they choose. */
export const ResetPasswordSchema = v.strictObject({});

export const SiteSchema = v.strictObject({ name: text(200), federalState: v.optional(FederalStateSchema) });

export const SettingsSchema = v.strictObject({
  smsSenderName: v.optional(
    v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z0-9 ._-]{1,11}$/, 'must be 1 to 11 letters or digits')),
  ),
  retentionDays: v.optional(minutes(1, 3650, 1)),
  caseFileUrlTemplate: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(2000),
      v.check(
        (s) => s === '' || (/^https?:\/\/[^\s]+$/i.test(s) && s.includes('{customerNumber}')),
        'must be an http(s) URL containing {customerNumber}, or empty',
      ),
    ),
  ),
});

const instant = v.pipe(v.string(), v.isoTimestamp('must be an ISO timestamp'));
const isoDate = v.pipe(v.string(), v.isoDate('must be a date YYYY-MM-DD'));

export const AuditQuerySchema = v.object({
  entityId: v.optional(v.pipe(v.string(), v.maxLength(100))),
  actorId: v.optional(uuid),
  from: v.optional(v.union([isoDate, instant])),
  to: v.optional(v.union([isoDate, instant])),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.minValue(1), v.maxValue(1000)),
  ),
});

// Responses.

const Translation = v.object({ name: v.string(), description: v.optional(v.string()) });

/** A topic as the operator edits it. */
export const AdminService = v.object({
  id: v.string(),
  nameDe: v.string(),
  nameEn: v.string(),
  descriptionDe: v.string(),
  descriptionEn: v.string(),
  translations: v.object({
    tr: v.optional(Translation),
    ar: v.optional(Translation),
    uk: v.optional(Translation),
    ru: v.optional(Translation),
  }),
  durationMinutes: v.number(),
  bufferBeforeMinutes: v.number(),
  bufferAfterMinutes: v.number(),
  minNoticeMinutes: v.number(),
  horizonDays: v.number(),
  slotStepMinutes: v.number(),
  active: v.boolean(),
  sortOrder: v.number(),
});
export type AdminService = v.InferOutput<typeof AdminService>;

export const AdminServiceList = v.object({ services: v.array(AdminService) });
export const AdminServiceSaved = v.object({ service: AdminService, flaggedBookings: v.optional(v.number()) });

/** A counsellor (or operator) account. */
export const Counsellor = v.object({
  id: v.string(),
  userId: v.string(),
  email: v.string(),
  displayName: v.string(),
  role: v.picklist(['counsellor', 'operator']),
  supervisor: v.boolean(),
  active: v.boolean(),
  siteId: v.nullable(v.string()),
  siteName: v.nullable(v.string()),
  skills: v.array(v.string()),
});
export type Counsellor = v.InferOutput<typeof Counsellor>;

export const CounsellorList = v.object({ counsellors: v.array(Counsellor) });
export const CounsellorCreated = v.object({
  counsellor: Counsellor,
  temporaryPassword: v.nullable(v.string()),
});
export const CounsellorSaved = v.object({ counsellor: Counsellor, flaggedForRebooking: v.number() });
export const PasswordReset = v.object({ status: v.literal('reset'), temporaryPassword: v.string() });

export const Site = v.object({ id: v.string(), name: v.string(), federalState: v.nullable(v.string()) });
export type Site = v.InferOutput<typeof Site>;

export const SiteList = v.object({ sites: v.array(Site) });
export const SiteCreated = v.object({ site: Site });
export const SiteSaved = v.object({ site: Site, flaggedBookings: v.number() });

export const Settings = v.object({
  smsSenderName: v.string(),
  retentionDays: v.number(),
  caseFileUrlTemplate: v.string(),
});
export type Settings = v.InferOutput<typeof Settings>;

export const SettingsAnswer = v.object({ settings: Settings });

export const AuditEntry = v.object({
  id: v.string(),
  at: v.string(),
  actorType: v.string(),
  actorId: v.nullable(v.string()),
  actorName: v.nullable(v.string()),
  actorEmail: v.nullable(v.string()),
  action: v.string(),
  entityType: v.string(),
  entityId: v.nullable(v.string()),
  detail: v.unknown(),
});
export type AuditEntry = v.InferOutput<typeof AuditEntry>;

export const AuditList = v.object({ entries: v.array(AuditEntry) });
