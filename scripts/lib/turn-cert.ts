// A self-signed certificate for the dev/test TURN/TLS listener, made once per name with Debian's openssl.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { isIPv4 } from 'node:net';
import { join } from 'node:path';

/** Writes (or reuses) `turn-NAME.pem` and `turn-NAME.key` in `dir`; NAME is an IPv4 address or a host name. */
export function ensureTurnCertificate(dir: string, name: string): { certFile: string; keyFile: string } {
  mkdirSync(dir, { recursive: true });
  const certFile = join(dir, `turn-${name}.pem`);
  const keyFile = join(dir, `turn-${name}.key`);
  if (existsSync(certFile) && existsSync(keyFile)) return { certFile, keyFile };
  const san = isIPv4(name) ? `IP:${name}` : `DNS:${name}`;
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '825',
      '-subj',
      `/CN=${name}`,
      '-addext',
      `subjectAltName=${san}`,
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl could not make the TURN certificate: ${made.stderr}`);
  return { certFile, keyFile };
}
