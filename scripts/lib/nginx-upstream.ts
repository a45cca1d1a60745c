// Debian's nginx balancing over several workerd processes as deploy/nginx.conf does (keep-alive, passive health), for `npm run cluster` and tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './embedded-postgres.ts';
import { waitForHttp } from './workerd.ts';

export interface NginxFront {
  url: string;
  port: number;
  /** nginx's error log so far (upstream failures are logged there). */
  errorLog(): string;
  stop(): Promise<void>;
}

/**
 * The proxy rules shared with deploy/nginx.conf: a process that refuses or drops a connection is
 * skipped for fail_timeout and the request goes to the next one, but only if it is idempotent or was
 * never sent (nginx's default: a POST that reached a process is not sent again, so it cannot book
 * twice; the client may repeat it with the same Idempotency-Key).
 */
export const UPSTREAM_RULES = `proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $remote_addr;
    proxy_connect_timeout 1s;
    proxy_next_upstream error timeout http_502;
    proxy_next_upstream_tries 3;
    proxy_next_upstream_timeout 5s;`;

export async function startNginxUpstream(
  dir: string,
  upstreamPorts: number[],
  listenPort?: number,
): Promise<NginxFront> {
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const port = listenPort ?? (await freePort());
  const servers = upstreamPorts
    .map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`)
    .join('\n');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `# Written by scripts/lib/nginx-upstream.ts; production: deploy/nginx.conf.
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs', 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  client_max_body_size 64k;
  upstream beratungsraum {
${servers}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location /internal/ { return 404; }
    location / {
    proxy_pass http://beratungsraum;
    ${UPSTREAM_RULES}
    }
  }
}
`,
  );
  const child: ChildProcess = spawn(
    'nginx',
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'],
    {
      stdio: 'ignore',
    },
  );
  const stop = () =>
    new Promise<void>((done) => {
      const finish = () => {
        rmSync(dir, { recursive: true, force: true });
        done();
      };
      if (child.exitCode !== null || child.signalCode !== null) return finish();
      child.once('exit', finish);
      child.kill('SIGQUIT');
    });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, 30_000, (r) => r.ok).catch(async (e) => {
    await stop();
    throw e;
  });
  return {
    url,
    port,
    errorLog: () => {
      try {
        return readFileSync(join(dir, 'logs', 'error.log'), 'utf8');
      } catch {
        return '';
      }
    },
    stop,
  };
}
