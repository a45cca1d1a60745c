// Readiness probes of the database, the video server and the SMS gateway, each with a short timeout.

import { isDatabaseUnavailable } from '../db/errors.ts';
import { isMigrated } from '../db/migrator.ts';
import type { AppDeps } from '../http/context.ts';

export type DependencyName = 'database' | 'video' | 'sms';
export type CheckStatus = 'ok' | 'down' | 'not_migrated' | 'not_configured';

export interface DependencyCheck {
  name: DependencyName;
  status: CheckStatus;
  /** For operators only (console, doctor, logs): what failed, without secrets. */
  detail: string;
  latencyMs: number;
}

export interface Readiness {
  /** `ok` when everything is ok, `degraded` when only video or SMS is not, `unavailable` without a usable database. */
  status: 'ok' | 'degraded' | 'unavailable';
  checks: DependencyCheck[];
}

const PROBE_TIMEOUT_MS = 2000;

/** Runs the three probes in parallel; never throws. */
export async function checkReadiness(deps: AppDeps): Promise<Readiness> {
  const checks = await Promise.all([
    timed('database', probeDatabase(deps)),
    timed('video', probeVideo(deps)),
    timed('sms', probeSms(deps)),
  ]);
  return { status: summarise(checks), checks };
}

/** The overall state: only the database stops the service. */
export function summarise(checks: Pick<DependencyCheck, 'name' | 'status'>[]): Readiness['status'] {
  if (checks.some((c) => c.name === 'database' && c.status !== 'ok')) return 'unavailable';
  return checks.every((c) => c.status === 'ok') ? 'ok' : 'degraded';
}

type ProbeResult = { status: CheckStatus; detail: string };

async function timed(name: DependencyName, probe: Promise<ProbeResult>): Promise<DependencyCheck> {
  const started = performance.now();
  const result = await probe;
  return { name, ...result, latencyMs: Math.round(performance.now() - started) };
}

async function probeDatabase(deps: AppDeps): Promise<ProbeResult> {
  try {
    // A frozen server must not hold the probe: after the timeout the database counts as down.
    if (await withTimeout(isMigrated(deps.db), PROBE_TIMEOUT_MS))
      return { status: 'ok', detail: 'reachable and migrated' };
    return {
      status: 'not_migrated',
      detail: 'reachable, but not every migration is applied (run npm run migrate)',
    };
  } catch (e) {
    const why =
      isDatabaseUnavailable(e) || /no answer within/.test(String(e)) ? 'unreachable' : 'query failed';
    return { status: 'down', detail: `${why}: ${errorText(e)}` };
  }
}

async function probeVideo(deps: AppDeps): Promise<ProbeResult> {
  if (!deps.video.configured)
    return { status: 'not_configured', detail: 'LIVEKIT_URL and keys are not set: nobody can join' };
  try {
    await withTimeout(deps.video.listRooms(), PROBE_TIMEOUT_MS);
    return { status: 'ok', detail: 'LiveKit API answers with these keys' };
  } catch (e) {
    return { status: 'down', detail: `LiveKit API: ${errorText(e)}` };
  }
}

async function probeSms(deps: AppDeps): Promise<ProbeResult> {
  const url = deps.config.SMS_GATEWAY_URL;
  if (!url)
    return { status: 'not_configured', detail: 'SMS_GATEWAY_URL is not set: messages only go to the log' };
  const headers: Record<string, string> = {};
  if (deps.config.SMS_GATEWAY_TOKEN) headers.authorization = `Bearer ${deps.config.SMS_GATEWAY_TOKEN}`;
  try {
    // HEAD sends nothing; any answer below 500 shows a gateway is listening (405 included).
    const res = await fetch(url, {
      method: 'HEAD',
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    await res.body?.cancel().catch(() => {});
    if (res.status >= 500) return { status: 'down', detail: `gateway answered ${res.status}` };
    return { status: 'ok', detail: `gateway reachable (answered ${res.status} to HEAD)` };
  } catch (e) {
    return { status: 'down', detail: `gateway unreachable: ${errorText(e)}` };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

function errorText(e: unknown): string {
  const err = e as { name?: string; message?: string; code?: string; cause?: { code?: string } };
  const code = err?.code ?? err?.cause?.code;
  const message = String(err?.message ?? e).slice(0, 200);
  return code && !message.includes(code) ? `${code} ${message}` : message;
}
