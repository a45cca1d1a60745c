// The environment as one valibot schema: every variable, its default, and a clear error naming a bad one.

import * as v from 'valibot';
import { FEDERAL_STATES } from './db/federal-states.ts';
import { parseCidr } from './platform/ip-address.ts';

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

const onOff = (fallback: 'on' | 'off') =>
  v.pipe(
    v.optional(v.string(), fallback),
    v.transform((s) => s.trim().toLowerCase() || fallback),
    v.picklist(['on', 'off'], 'must be on or off'),
  );

const listOf = (fallback: string, item: RegExp, message: string) =>
  v.pipe(
    v.optional(v.string(), fallback),
    v.transform((s) =>
      (s.trim() === '' ? fallback : s)
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
    v.check((list) => list.every((x) => item.test(x)), message),
  );

const regexText = (fallback: string) =>
  v.pipe(
    v.optional(v.string(), fallback),
    v.transform((s) => s.trim() || fallback),
    v.check((s) => {
      try {
        new RegExp(s);
        return true;
      } catch {
        return false;
      }
    }, 'must be a regular expression'),
  );

/** A comma-separated list of group or role names from the identity provider. */
const groupList = (fallback: string) =>
  v.pipe(
    v.optional(v.string(), fallback),
    v.transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  );

export const EnvSchema = v.object({
  PORT: intString(1, 65535, 8787),
  /** Bind address of workerd and the dev LiveKit server in `npm start`. */
  HOST: v.pipe(v.optional(v.string(), '127.0.0.1'), v.ipv4('must be an IPv4 address')),
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
  /**
   * ICE URLs of the own TURN server for the join page's pre-call check, comma-separated (e.g.
   * `turn:203.0.113.10:3478?transport=udp,turns:turn.agency.example:443?transport=tcp`); empty: no such check.
   */
  LIVEKIT_TURN_URLS: v.pipe(
    v.optional(v.string(), ''),
    v.transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
    v.check(
      (urls) => urls.every((u) => /^(stun|turns?):[^\s]+$/.test(u)),
      'must be stun:, turn: or turns: URLs',
    ),
  ),
  /** The address the dev LiveKit server advertises for media (default: HOST). */
  LIVEKIT_NODE_IP: v.optional(
    v.union(
      [v.literal(''), v.pipe(v.string(), v.ipv4('must be an IPv4 address'))],
      'must be an IPv4 address',
    ),
    '',
  ),
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
  // Public holidays for counsellors whose site names no federal state; empty: nationwide holidays only.
  DEFAULT_FEDERAL_STATE: v.optional(v.union([v.literal(''), v.picklist(FEDERAL_STATES)]), ''),
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
  // Abuse limits (docs/security.md).
  TRUSTED_PROXIES: v.pipe(
    v.optional(v.string(), '127.0.0.1/8,::1'),
    v.check(
      (s) => s.split(',').every((x) => x.trim() === '' || parseCidr(x) !== null),
      'must be IP addresses or CIDR ranges',
    ),
  ),
  BOOKING_PHONE_COUNTRIES: listOf('DE', /^[A-Z]{2}$/, 'must be two-letter country codes, e.g. DE,AT'),
  BOOKINGS_PER_CLIENT_PER_HOUR: intString(1, 100_000, 10),
  BOOKINGS_PER_SERVICE_PER_DAY: intString(1, 1_000_000, 500),
  BOOKING_ACTIVE_PER_PHONE: intString(1, 100_000, 2),
  BOOKINGS_PER_PHONE_PER_DAY: intString(1, 100_000, 4),
  BOOKING_PHONE_VERIFICATION: v.optional(
    v.picklist(['off', 'suspicious', 'always'], 'must be off, suspicious or always'),
    'suspicious',
  ),
  SMS_DAILY_PER_NUMBER: intString(1, 100_000, 10),
  SMS_DAILY_TOTAL: intString(1, 10_000_000, 2000),
  SMS_LOG_ONLY: onOff('off'),
  LINK_ENCRYPTION_KEYS: listOf(
    '',
    /^[A-Za-z0-9]{1,16}:[A-Za-z0-9+/_-]{43}=?$/,
    'must be id:base64-of-32-bytes entries',
  ),
  CUSTOMER_NUMBER_PATTERN: regexText('^[A-Z0-9-]{1,20}$'),
  PRIVACY_NOTICE_VERSION: v.optional(v.pipe(v.string(), v.maxLength(40)), '2026-01'),
  AUDIT_RETENTION_DAYS: intString(1, 36500, 365),
  JOIN_FAILURE_RETENTION_DAYS: intString(1, 3650, 90),

  SESSION_ABSOLUTE_HOURS: intString(1, 168, 10),
  SESSION_IDLE_MINUTES: intString(2, 1440, 30),
  LOCAL_LOGIN: v.optional(v.picklist(['on', 'off'], 'must be on or off'), 'on'),
  OPERATOR_TOTP: v.optional(v.picklist(['required', 'optional'], 'must be required or optional'), 'required'),
  DEMO_SEED: v.optional(v.picklist(['on', 'off', ''], 'must be on or off'), 'off'),
  OIDC_ISSUER: optionalUrl(/^https?:/),
  OIDC_CLIENT_ID: v.optional(v.string(), ''),
  OIDC_CLIENT_SECRET: v.optional(v.string(), ''),
  OIDC_ROLES_CLAIM: v.optional(
    v.pipe(v.string(), v.regex(/^[\w.:/-]{1,100}$/, 'must be a claim name')),
    'groups',
  ),
  OIDC_COUNSELLOR_GROUPS: groupList('counsellor'),
  OIDC_OPERATOR_GROUPS: groupList('operator'),
  OIDC_SUPERVISOR_GROUPS: groupList('supervisor'),
  OIDC_LOGIN_LABEL: v.optional(v.string(), ''),
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
  const oidcParts = [out.OIDC_ISSUER, out.OIDC_CLIENT_ID, out.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcParts !== 0 && oidcParts !== 3)
    throw new Error(
      'Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three or none',
    );
  const host = out.HOST === '127.0.0.1' || out.HOST === '0.0.0.0' ? 'localhost' : out.HOST;
  const base = out.PUBLIC_BASE_URL || `http://${host}:${out.PORT}`;
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

/**
 * Reasons this configuration must not serve citizens, as `SETTING: what to do` lines: without an SMS
 * gateway messages only go to the log, and without link keys each process seals the links in queued
 * SMS with a key of its own that no other process (and no restart) can open. Both are for development
 * only and need SMS_LOG_ONLY=on to say so.
 */
export function startupProblems(config: Config): string[] {
  const problems: string[] = [];
  if (config.SMS_LOG_ONLY === 'on') return problems;
  if (!config.SMS_GATEWAY_URL)
    problems.push('SMS_GATEWAY_URL: is not set (set SMS_LOG_ONLY=on to run without SMS, development only)');
  if (config.LINK_ENCRYPTION_KEYS.length === 0)
    problems.push(
      'LINK_ENCRYPTION_KEYS: is not set, so queued reminders could not be opened by another process or after a restart (make one with: echo "k$(date +%Y%m):$(openssl rand -base64 32)")',
    );
  return problems;
}

/** Throws one message listing every startup problem. */
export function assertStartable(config: Config): void {
  const problems = startupProblems(config);
  if (problems.length > 0) throw new Error(`Refusing to start:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}
