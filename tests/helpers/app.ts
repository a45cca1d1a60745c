// Builds the real app over a test database, with an injectable clock and an SMS sink that records messages;
// every response is checked against the generated OpenAPI document (tests/helpers/contract-check.ts).
import type { Hono } from 'hono';
import { createApp } from '../../functions/app/app.ts';
import { buildDeps } from '../../functions/app/deps.ts';
import { type Config, parseConfig } from '../../functions/env.ts';
import type {
  AppDeps,
  AppEnv,
  Clock,
  SmsMessage,
  SmsSender,
  VideoGateway,
} from '../../functions/http/context.ts';
import { linkKeyring, openLinks } from '../../functions/platform/link-seal.ts';
import { contractChecker } from './contract-check.ts';
import type { TestDatabase } from './database.ts';

/** Booking and SMS limits high enough for tests that book many times from one client and number; abuse tests override them. */
export const RELAXED_LIMITS: Record<string, string> = {
  BOOKINGS_PER_CLIENT_PER_HOUR: '100000',
  BOOKINGS_PER_SERVICE_PER_DAY: '1000000',
  BOOKING_ACTIVE_PER_PHONE: '100000',
  BOOKINGS_PER_PHONE_PER_DAY: '100000',
  SMS_DAILY_PER_NUMBER: '100000',
  SMS_DAILY_TOTAL: '10000000',
  BOOKING_PHONE_VERIFICATION: 'off',
};

export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export class RecordingSms implements SmsSender {
  readonly sent: SmsMessage[] = [];
  failing = false;
  async send(message: SmsMessage) {
    if (this.failing) return { ok: false as const, error: 'test gateway down', retryable: true };
    this.sent.push(message);
    return { ok: true as const };
  }
}

export interface TestAppOptions {
  clock?: Clock;
  sms?: SmsSender;
  video?: VideoGateway;
  env?: Record<string, string>;
}

export interface TestApp {
  app: Hono<AppEnv>;
  deps: AppDeps;
  config: Config;
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

export function createTestApp(tdb: TestDatabase, options: TestAppOptions = {}): TestApp {
  const config = parseConfig({
    DATABASE_URL: tdb.url,
    LOG_LEVEL: 'warn',
    PUBLIC_BASE_URL: 'http://localhost:8787',
    SMS_LOG_ONLY: 'on',
    ...RELAXED_LIMITS,

    // Most suites log operators in with a password alone; tests/integration/staff-*.test.ts use 'required'.
    OPERATOR_TOTP: 'optional',
    ...options.env,
  });
  const base = buildDeps(config, tdb.db, options.clock ? { clock: options.clock } : {});
  const deps: AppDeps = {
    ...base,
    ...(options.sms ? { sms: options.sms } : {}),
    ...(options.video ? { video: options.video } : {}),
  };
  const app = createApp(deps);
  return {
    app,
    deps,
    config,
    async request(path, init = {}) {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined) headers.set('content-type', 'application/json');
      const res = await app.request(path, {
        ...rest,
        headers,
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
      // Every answer an integration test sees must be one the generated OpenAPI document describes.
      await contractChecker().check(rest.method ?? 'GET', path, res);
      return res;
    },
  };
}

/** A stored SMS text as the citizen receives it: sealed links opened with this process's keys. */
export async function openedBody(body: string | null | undefined): Promise<string> {
  return body ? openLinks(await linkKeyring(), body) : '';
}
