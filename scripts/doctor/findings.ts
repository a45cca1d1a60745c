// What the doctor found, how it is printed, and its exit code; pure.

export type Level = 'ok' | 'warn' | 'fail' | 'skip';

export interface Finding {
  /** Short name of the area: "database", "LiveKit API", "TURN turn.example:3478/udp", … */
  check: string;
  level: Level;
  /** What is the case, in words an operator understands. */
  message: string;
  /** What to do about it (for warn and fail). */
  fix?: string;
}

export const ok = (check: string, message: string): Finding => ({ check, level: 'ok', message });
export const warn = (check: string, message: string, fix?: string): Finding => ({
  check,
  level: 'warn',
  message,
  ...(fix ? { fix } : {}),
});
export const fail = (check: string, message: string, fix?: string): Finding => ({
  check,
  level: 'fail',
  message,
  ...(fix ? { fix } : {}),
});
export const skipped = (check: string, message: string): Finding => ({ check, level: 'skip', message });

const MARK: Record<Level, string> = { ok: 'OK  ', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };

/**
 * The report as plain text (no colours: it goes into tickets and logs).
 * @example formatReport([fail('database', 'unreachable', 'start it')])
 * // "FAIL database: unreachable\n     -> start it\n\n1 problem, 0 warnings: ..."
 */
export function formatReport(findings: Finding[]): string {
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${MARK[f.level]} ${f.check}: ${f.message}`);
    if (f.fix && (f.level === 'fail' || f.level === 'warn')) lines.push(`     -> ${f.fix}`);
  }
  const problems = findings.filter((f) => f.level === 'fail').length;
  const warnings = findings.filter((f) => f.level === 'warn').length;
  lines.push('', summaryLine(problems, warnings));
  return `${lines.join('\n')}\n`;
}

function summaryLine(problems: number, warnings: number): string {
  const p = `${problems} ${problems === 1 ? 'problem' : 'problems'}`;
  const w = `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
  if (problems > 0) return `${p}, ${w}: fix the FAIL lines, then run npm run doctor again.`;
  if (warnings > 0) return `${p}, ${w}: the deployment works; look at the WARN lines.`;
  return `${p}, ${w}: the deployment looks right.`;
}

/** 1 when anything failed; with `strict`, 2 when only warnings remain; else 0. */
export function exitCode(findings: Finding[], strict: boolean): number {
  if (findings.some((f) => f.level === 'fail')) return 1;
  if (strict && findings.some((f) => f.level === 'warn')) return 2;
  return 0;
}

/** Days until a certificate expires, classified: expired and not-yet-valid fail, under `warnDays` warns. */
export function certificateFinding(
  check: string,
  validFrom: Date,
  validTo: Date,
  now: Date,
  warnDays = 21,
): Finding {
  const day = 86_400_000;
  const until = validTo.toISOString().slice(0, 10);
  if (now < validFrom) {
    return fail(
      check,
      `certificate is not valid before ${validFrom.toISOString()}`,
      'Check the clock of this machine and of the certificate issuer.',
    );
  }
  const left = Math.floor((validTo.getTime() - now.getTime()) / day);
  if (validTo <= now)
    return fail(
      check,
      `certificate expired on ${until}`,
      'Renew the certificate and reload the server that presents it.',
    );
  if (left < warnDays)
    return warn(
      check,
      `certificate expires in ${left} days (${until})`,
      'Renew it soon; is automatic renewal running?',
    );
  return ok(check, `certificate valid until ${until} (${left} days)`);
}

/** Classifies a clock difference in seconds: a few seconds are normal network noise, more breaks tokens and windows. */
export function skewFinding(check: string, skewSeconds: number): Finding {
  const abs = Math.abs(skewSeconds);
  const text = `${skewSeconds > 0 ? 'ahead by' : 'behind by'} ${abs.toFixed(1)} s`;
  const fix = 'Run time synchronisation (systemd-timesyncd or chrony) on every machine of the deployment.';
  if (abs > 30)
    return fail(check, `this machine's clock is ${text}: video tokens and join windows go wrong`, fix);
  if (abs > 3) return warn(check, `this machine's clock is ${text}`, fix);
  return ok(check, `clocks agree (difference ${abs.toFixed(1)} s)`);
}
