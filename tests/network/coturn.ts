// coturn in the lab, from the shipped deploy/coturn/turnserver.conf with only the site's values replaced (addresses,
// ports, certificate, secret): the configuration an agency installs is the one the lab runs.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { ensureTurnCertificate } from '../../scripts/lib/turn-cert.ts';
import { startCoturn, type TurnServer } from '../helpers/tls-front.ts';

export const COTURN_CONF = 'deploy/coturn/turnserver.conf';

/**
 * The shipped file with `values` in place of its own (every key must already be there, so a key the lab relies on
 * cannot vanish from the shipped file unnoticed); keys absent from `values` stay as shipped.
 */
export function siteCoturnConfig(shipped: string, values: Record<string, string>): string {
  const lines = shipped.split('\n');
  for (const [key, value] of Object.entries(values)) {
    const at = lines.findIndex((l) => l.startsWith(`${key}=`));
    if (at < 0) throw new Error(`${COTURN_CONF} has no ${key}=`);
    lines[at] = `${key}=${value}`;
  }
  return lines.join('\n');
}

export interface LabCoturn extends TurnServer {
  tlsPort: number;
  /** The TURN REST secret LiveKit shares with it. */
  secret: string;
}

/** coturn on `ip` (UDP and TLS on free ports) relaying only to `sfuIp`, as the shipped file says. */
export async function startLabCoturn(dir: string, ip: string, sfuIp: string): Promise<LabCoturn> {
  const [port, tlsPort, relay] = [await freePort(), await freePort(), await freePort()];
  const secret = randomBytes(24).toString('hex');
  const { certFile, keyFile } = ensureTurnCertificate(dir, ip);
  const file = join(dir, 'turnserver.conf');
  const values = {
    'listening-ip': ip,
    'relay-ip': ip,
    'listening-port': String(port),
    'tls-listening-port': String(tlsPort),
    cert: certFile,
    pkey: keyFile,
    'static-auth-secret': secret,
    'allowed-peer-ip': sfuIp,
    'min-port': String(relay),
    'max-port': String(Math.min(relay + 20, 65535)),
    // The lab reads coturn's log to know it is up; an agency keeps syslog.
    'log-file': 'stdout',
  };
  const conf = siteCoturnConfig(readFileSync(COTURN_CONF, 'utf8'), values);
  writeFileSync(file, `${conf}\npidfile=${join(dir, 'turnserver.pid')}\n`);
  return { ...(await startCoturn({ file, port })), tlsPort, secret };
}
