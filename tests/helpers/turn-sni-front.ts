// Debian's nginx with the shipped deploy/nginx-turn-sni.conf: one TLS port shared by the HTTPS pages and TURN/TLS,
// told apart by the TLS server name (ssl_preread), with only the site's ports and addresses replaced.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { waitForHttp } from '../../scripts/lib/workerd.ts';
import { stopChild } from './child-process.ts';
import { nginxHttpPaths, nginxPreamble, type TestCertificate } from './tls-front.ts';

export const SNI_CONF = 'deploy/nginx-turn-sni.conf';
/** Debian's package libnginx-mod-stream. */
export const STREAM_MODULE = '/usr/lib/nginx/modules/ngx_stream_module.so';

/** The shipped stream block with each `[from, to]` replaced; every `from` must be in the file. */
export function siteSniConfig(shipped: string, replace: [string, string][]): string {
  let conf = shipped
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');
  for (const [from, to] of replace) {
    if (!conf.includes(from)) throw new Error(`${SNI_CONF} no longer contains ${from}`);
    conf = conf.replaceAll(from, to);
  }
  return conf;
}

export interface SniFront {
  port: number;
  stop(): Promise<void>;
}

/**
 * nginx on 127.0.0.1:`port`: `turnName` goes to the TURN/TLS listener on `turnTlsPort`, every other name to an
 * HTTPS server (PROXY protocol, as the shipped file's comment prescribes) in front of `web`.
 */
export async function startSniFront(o: {
  port: number;
  web: string;
  turnTlsPort: number;
  cert: TestCertificate;
}): Promise<SniFront> {
  const dir = mkdtempSync(join(tmpdir(), 'br-nginx-sni-'));
  mkdirSync(join(dir, 'logs'));
  const [https, hop] = [await freePort(), await freePort()];
  const stream = siteSniConfig(readFileSync(SNI_CONF, 'utf8'), [
    ['listen 443;', `listen 127.0.0.1:${o.port};`],
    ['127.0.0.1:8443', `127.0.0.1:${https}`],
    ['127.0.0.1:5350', `127.0.0.1:${hop}`],
    ['127.0.0.1:5349', `127.0.0.1:${o.turnTlsPort}`],
  ]);
  writeFileSync(
    join(dir, 'nginx.conf'),
    `load_module ${STREAM_MODULE};
${nginxPreamble(dir)}
http {
  ${nginxHttpPaths(dir)}
  server {
    listen 127.0.0.1:${https} ssl proxy_protocol;
    set_real_ip_from 127.0.0.1;
    real_ip_header proxy_protocol;
    ssl_certificate ${o.cert.certFile};
    ssl_certificate_key ${o.cert.keyFile};
    location / {
      proxy_pass ${o.web};
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto https;
    }
  }
}
${stream}
`,
  );
  const child: ChildProcess = spawn(
    'nginx',
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'],
    {
      stdio: 'ignore',
    },
  );
  const stop = () => stopChild(child, dir, 'SIGQUIT');
  // Plain HTTP to the shared port reaches the HTTPS server's "plain request to an HTTPS port" answer: 400.
  await waitForHttp(`http://127.0.0.1:${o.port}/`, 15_000, (r) => r.status === 400).catch(async (e) => {
    const log = join(dir, 'logs', 'error.log');
    const why = existsSync(log) ? readFileSync(log, 'utf8') : String(e);
    await stop();
    throw new Error(`nginx did not start: ${why}`);
  });
  return { port: o.port, stop };
}
