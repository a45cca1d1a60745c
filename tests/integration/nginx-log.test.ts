// Debian's nginx with the `map` and `log_format` of deploy/nginx.conf: join codes and manage tokens never reach the access log.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { waitForHttp } from '../../scripts/lib/workerd.ts';
import { stopChild } from '../helpers/child-process.ts';

/** The shipped masking: the `map $uri …` block and the `log_format beratungsraum_masked` statement. */
function shippedMasking(): string {
  const conf = readFileSync('deploy/nginx.conf', 'utf8');
  const map = conf.match(/^map \$uri \$beratungsraum_log_path \{[\s\S]*?^\}/m)?.[0];
  const format = conf.match(/^log_format beratungsraum_masked[\s\S]*?;\s*$/m)?.[0];
  if (!map || !format) throw new Error('deploy/nginx.conf lost its masking map or log_format');
  return `${map}\n${format}\n`;
}

describe('nginx access log (deploy/nginx.conf)', () => {
  let dir: string;
  let port: number;
  let child: ChildProcess;
  const logFile = () => join(dir, 'logs', 'access.log');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'br-nginx-log-'));
    mkdirSync(join(dir, 'logs'));
    port = await freePort();
    writeFileSync(
      join(dir, 'nginx.conf'),
      `worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs', 'error.log')};
events { worker_connections 64; }
http {
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
${shippedMasking()}
  server {
    listen 127.0.0.1:${port};
    access_log ${logFile()} beratungsraum_masked;
    location / { return 200 "ok"; }
  }
}
`,
    );
    child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
      stdio: 'ignore',
    });
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 15_000);
  });

  afterAll(async () => {
    if (child) await stopChild(child, dir, 'SIGQUIT');
  });

  it('logs /j/, /m/ and manage-API paths as [redacted], without query string, and keeps other paths', async () => {
    const code = 'Zq7JOINCODEsecret0123456789';
    const token = 'Mx9MANAGETOKENsecret987654';
    const paths = [
      `/j/${code}?utm=${code}`,
      `/m/${token}`,
      `/api/bookings/manage/${token}/ics`,
      `/api/bookings/manage/${token}`,
      '/api/services?from=2026-12-01',
    ];
    for (const p of paths) expect((await fetch(`http://127.0.0.1:${port}${p}`)).status).toBe(200);
    // nginx writes a line when the response is done; wait until all five are there.
    // The start-up probe (/healthz) is logged too; only the lines of these requests count.
    const ours = () =>
      readFileSync(logFile(), 'utf8')
        .trim()
        .split('\n')
        .filter((l) => !l.includes('/healthz'));
    for (let i = 0; i < 50 && ours().length < paths.length; i++) await new Promise((r) => setTimeout(r, 100));
    const lines = ours();
    const log = lines.join('\n');
    expect(lines).toHaveLength(paths.length);
    expect(log).not.toContain(code);
    expect(log).not.toContain(token);
    expect(lines[0]).toContain('"GET /j/[redacted] HTTP/1.1" 200');
    expect(lines[1]).toContain('"GET /m/[redacted] HTTP/1.1" 200');
    expect(lines[2]).toContain('"GET /api/bookings/manage/[redacted]/ics HTTP/1.1" 200');
    expect(lines[3]).toContain('"GET /api/bookings/manage/[redacted] HTTP/1.1" 200');
    // Ordinary paths stay readable for operations; query strings are never logged.
    expect(lines[4]).toContain('"GET /api/services HTTP/1.1" 200');
  });
});
