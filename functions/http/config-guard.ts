// What workerd answers while its configuration is invalid or unsafe: /healthz stays 200 (the process is
// alive), /readyz and every other request get 503 problem+json with Retry-After, and the log names the
// settings once a minute, instead of a 500 thrown from every Durable Object constructor.
import { type Config, parseConfig, startupProblems } from '../env.ts';
import { createJsonLogger } from '../platform/logger.ts';
import { AppError, problemResponse } from './problem.ts';

export interface ConfigProblem {
  /** The environment variable(s) to change, e.g. `SMS_GATEWAY_URL`. */
  setting: string;
  message: string;
}

export type ConfigCheck = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

/** Long enough not to hammer a misconfigured host; the fix is a restart with a corrected environment. */
export const MISCONFIGURED_RETRY_SECONDS = 60;
const LOG_EVERY_MS = 60_000;

/** `SETTING: message` lines (parseConfig's and startupProblems' form) as problems. */
function problemsOf(lines: string[]): ConfigProblem[] {
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const at = l.indexOf(': ');
      return at > 0 ? { setting: l.slice(0, at), message: l.slice(at + 2) } : { setting: '?', message: l };
    });
}

/** Parses the environment and lists what stops it from serving; never throws. */
export function checkConfig(raw: Record<string, unknown>): ConfigCheck {
  let config: Config;
  try {
    config = parseConfig(raw);
  } catch (e) {
    return {
      ok: false,
      problems: problemsOf(
        String((e as Error).message)
          .split('\n')
          .slice(1),
      ),
    };
  }
  const problems = problemsOf(startupProblems(config));
  return problems.length === 0 ? { ok: true, config } : { ok: false, problems };
}

/** The answer to any request while the configuration is unusable. */
export function misconfiguredResponse(
  pathname: string,
  problems: ConfigProblem[],
  requestId: string,
): Response {
  if (pathname === '/healthz')
    return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
  const settings = [...new Set(problems.map((p) => p.setting))];
  const ready = pathname === '/readyz';
  return problemResponse(
    new AppError('misconfigured', {
      detail: ready
        ? `The configuration is incomplete or unsafe: ${settings.join(', ')}. The log says what to change.`
        : 'The service is not available at the moment. Please try again later.',
      retryAfterSeconds: MISCONFIGURED_RETRY_SECONDS,
      // Setting names only (never values), and only on /readyz, where operators and probes look.
      ...(ready ? { extra: { status: 'misconfigured', settings } } : {}),
    }),
    requestId,
  );
}

const log = createJsonLogger('info');
let lastLogged = Number.NEGATIVE_INFINITY;

/** One error line per problem, at most once a minute per process, naming the setting and what to do. */
export function logMisconfiguration(problems: ConfigProblem[], now: number): void {
  if (now - lastLogged < LOG_EVERY_MS) return;
  lastLogged = now;
  for (const p of problems)
    log.error('refusing requests: configuration problem', { setting: p.setting, problem: p.message });
}
