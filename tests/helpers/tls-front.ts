// A test certificate authority (openssl) and Debian's nginx terminating TLS in front of a local server, as in deploy/nginx.conf.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { waitForHttp } from '../../scripts/lib/workerd.ts';
import { stopChild } from './child-process.ts';

export interface TestCertificate {
  /** PEM of the CA, for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  certFile: string;
  keyFile: string;
}

function openssl(args: string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
}

/** A CA and a server certificate for 127.0.0.1 valid for `days` days, signed by that CA. */
export function makeCertificate(dir: string, days: number): TestCertificate {
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '30',
      '-subj',
      '/CN=Test CA',
    ],
    dir,
  );
  openssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
      '-subj',
      '/CN=127.0.0.1',
    ],
    dir,
  );
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.pem',
      '-days',
      String(days),
      '-extfile',
      'ext.cnf',
    ],
    dir,
  );
  return { caFile: join(dir, 'ca.pem'), certFile: join(dir, 'server.pem'), keyFile: join(dir, 'server.key') };
}

export interface TlsFront {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The top of a test nginx.conf whose pid, logs and temporary files all live in `dir` (with a `logs` folder). */
export const nginxPreamble = (dir: string) => `worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs', 'error.log')};
events { worker_connections 64; }`;

/** The `http {}` lines that keep nginx's temporary files in `dir`. */
export const nginxHttpPaths = (dir: string) => `access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`;

/** nginx on 127.0.0.1 with TLS, proxying everything to `upstream` (http://127.0.0.1:PORT). */
export async function startTlsFront(upstream: string, cert: TestCertificate): Promise<TlsFront> {
  const dir = mkdtempSync(join(tmpdir(), 'br-nginx-'));
  mkdirSync(join(dir, 'logs'));
  const port = await freePort();
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${nginxPreamble(dir)}
http {
  ${nginxHttpPaths(dir)}
  server {
    listen 127.0.0.1:${port} ssl;
    ssl_certificate ${cert.certFile};
    ssl_certificate_key ${cert.keyFile};
    location / { proxy_pass ${upstream}; }
  }
}
`,
  );
  const child: ChildProcess = spawn(
    'nginx',
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'],
    { stdio: 'ignore' },
  );
  const stop = () => stopChild(child, dir, 'SIGQUIT');
  const url = `https://127.0.0.1:${port}`;
  // Up as soon as the TLS port answers, whatever the certificate.
  await waitForHttp(`http://127.0.0.1:${port}/`, 15_000, (r) => r.status === 400).catch(async (e) => {
    await stop();
    throw e;
  });
  return { url, port, stop };
}

export interface TurnServer {
  port: number;
  stop(): Promise<void>;
}

/**
 * Debian's coturn: by default on 127.0.0.1 (UDP and TCP), enough to answer STUN binding requests; with `config`,
 * from that configuration file (its listening port given as `port`).
 */
export async function startCoturn(config?: { file: string; port: number }): Promise<TurnServer> {
  const port = config?.port ?? (await freePort());
  const args = config
    ? ['-c', config.file]
    : [
        '-n',
        '--listening-ip=127.0.0.1',
        `--listening-port=${port}`,
        '--no-tls',
        '--no-dtls',
        '--no-cli',
        '--realm=test',
        '--log-file=stdout',
      ];
  const child = spawn('turnserver', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('coturn did not start')), 15_000);
    const onData = (chunk: Buffer) => {
      if (/listener opened on|Total (UDP|General) servers/i.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`coturn exited with ${code}`)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
