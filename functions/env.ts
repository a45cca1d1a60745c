// The environment as one valibot schema: every variable, its default, and a clear error naming a bad one.
import * as v from 'valibot';

const intString = (min: number, max: number, fallback: number) =>
  v.pipe(
    v.optional(v.string(), String(fallback)),
    v.transform((s) => (s.trim() === '' ? String(fallback) : s.trim())),
    v.regex(/^\d+$/, 'must be a whole number'),
    v.transform(Number),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );

const optionalUrl = (protocols: RegExp) =>
  v.optional(
    v.pipe(
      v.string(),
      v.transform((s) => s.trim()),
      v.union([
        v.literal(''),
        v.pipe(v.string(), v.url('must be a URL'), v.regex(protocols, 'has the wrong scheme')),
      ]),
    ),
    '',
  );

const minuteList = v.pipe(
  v.optional(v.string(), '1440,60'),
  v.regex(/^\s*(\d+\s*(,\s*\d+\s*)*)?$/, 'must be a comma-separated list of minutes'),
  v.transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
      .map(Number),
  ),
);

export const EnvSchema = v.object({
  PORT: intString(1, 65535, 8787),
  PUBLIC_BASE_URL: optionalUrl(/^https?:/),
  DATABASE_URL: optionalUrl(/^postgres(ql)?:/),
  DATABASE_LISTEN_URL: optionalUrl(/^postgres(ql)?:/),
  DATA_DIR: v.optional(v.string(), '.data'),
  DB_POOL_MAX: intString(1, 200, 10),
  WORKERD_PROCESSES: intString(0, 64, 0),
  WORKERD_OBJECTS: intString(1, 64, 4),
  LIVEKIT_URL: optionalUrl(/^(wss?|https?):/),
  LIVEKIT_PUBLIC_URL: optionalUrl(/^(wss?|https?):/),
  LIVEKIT_API_KEY: v.optional(v.string(), ''),
  LIVEKIT_API_SECRET: v.optional(v.string(), ''),
  LIVEKIT_WEBHOOK_API_KEY: v.optional(v.string(), ''),
  SMS_GATEWAY_URL: optionalUrl(/^https?:/),
  SMS_GATEWAY_TOKEN: v.optional(v.string(), ''),
  SMS_MAX_ATTEMPTS: intString(1, 100, 8),
  REMINDER_OFFSETS_MINUTES: minuteList,
  DEMO_PASSWORD: v.optional(v.string(), 'demo-password'),
  RATE_LIMITS: v.picklist(['on', 'off'], 'must be on or off'),
  TIME_ZONE: v.optional(v.string(), 'Europe/Berlin'),
  JOIN_OPENS_MINUTES_BEFORE: intString(0, 1440, 15),
  JOIN_CLOSES_MINUTES_AFTER: intString(0, 1440, 30),
  RETENTION_DAYS: intString(1, 3650, 30),
  CASE_FILE_URL_TEMPLATE: v.optional(v.string(), ''),
  INTERNAL_TOKEN: v.optional(v.string(), ''),
  ACCESSIBILITY_CONTACT_EMAIL: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.union([v.literal(''), v.pipe(v.string(), v.email('must be an e-mail address'))]),
    ),
    '',
  ),
  ACCESSIBILITY_CONTACT_PHONE: v.optional(
    v.pipe(v.string(), v.trim(), v.regex(/^[+\d][\d /()-]{0,30}$|^$/, 'must be a phone number')),
    '',
  ),
  ACCESSIBILITY_ENFORCEMENT_URL: v.pipe(
    v.optional(v.string(), 'https://www.schlichtungsstelle-bgg.de'),
    v.transform((s) => s.trim() || 'https://www.schlichtungsstelle-bgg.de'),
    v.url('must be a URL'),
    v.regex(/^https?:/, 'has the wrong scheme'),
  ),
  // A path on this origin only (no third-party host): the file lies in dist/web/static, e.g. from web/public.
  SIGN_LANGUAGE_VIDEO: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.regex(
        /^(\/static\/[A-Za-z0-9_/-]+(\.[A-Za-z0-9_-]+)*\.(mp4|webm))?$/,
        'must be a /static/….mp4 or .webm path on this server',
      ),
    ),
    '',
  ),
  LOG_LEVEL: v.optional(v.picklist(['debug', 'info', 'warn', 'error']), 'info'),
});

export type Config = v.InferOutput<typeof EnvSchema> & { PUBLIC_BASE_URL: string };

/** Parses raw environment strings; throws one message naming every bad variable. */
export function parseConfig(raw: Record<string, unknown>): Config {
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.entries)) {
    const value = raw[key];
    if (typeof value === 'string') input[key] = value;
  }
  input.RATE_LIMITS = typeof raw.RATE_LIMITS === 'string' && raw.RATE_LIMITS !== '' ? raw.RATE_LIMITS : 'on';
  const result = v.safeParse(EnvSchema, input);
  if (!result.success) {
    const lines = result.issues.map((i) => `  ${v.getDotPath(i) ?? '?'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const out = result.output;
  if (!isValidTimeZone(out.TIME_ZONE))
    throw new Error(`Invalid configuration:\n  TIME_ZONE: unknown time zone`);
  const base = out.PUBLIC_BASE_URL || `http://localhost:${out.PORT}`;
  return { ...out, PUBLIC_BASE_URL: base.replace(/\/+$/, '') };
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
