// npm run doctor [-- --env-file /etc/beratungsraum/env] [--json] [--strict]: checks a deployment and says what to fix.
import { readFileSync } from 'node:fs';
import { exitCode, formatReport } from './doctor/findings.ts';
import { runDoctor } from './doctor/run.ts';

const USAGE = 'usage: npm run doctor -- [--env-file FILE] [--json] [--strict]';

/** KEY=VALUE lines as systemd's EnvironmentFile reads them: comments, blank lines and optional quotes. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || line.trim().startsWith('#')) continue;
    const value = m[2] ?? '';
    out[m[1] as string] = /^(['"]).*\1$/.test(value) ? value.slice(1, -1) : value;
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  let envFile: string | undefined;
  let json = false;
  let strict = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--env-file') envFile = argv[++i];
    else if (arg === '--json') json = true;
    else if (arg === '--strict') strict = true;
    else {
      console.error(USAGE);
      return 2;
    }
  }
  let env: Record<string, string | undefined> = { ...process.env };
  if (envFile !== undefined) {
    try {
      // The file describes the deployment; it wins over this shell's variables.
      env = { ...env, ...parseEnvFile(readFileSync(envFile, 'utf8')) };
    } catch (e) {
      console.error(`cannot read ${envFile}: ${(e as Error).message}`);
      return 2;
    }
  }
  const findings = await runDoctor(env, new Date());
  if (json) console.log(JSON.stringify({ findings, exitCode: exitCode(findings, strict) }, null, 2));
  else process.stdout.write(formatReport(findings));
  return exitCode(findings, strict);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`doctor failed unexpectedly: ${String((e as Error)?.stack ?? e)}`);
      process.exit(3);
    },
  );
}
