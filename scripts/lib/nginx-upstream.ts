// Debian's nginx balancing over several workerd processes as deploy/nginx.conf does (keep-alive, passive health), for `npm run cluster` and tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from './embedded-postgres.ts';
import { waitForHttp } from './workerd.ts';

export interface NginxFront {
  url: string;
  port: number;
  /** nginx's error log so far (upstream failures are logged there). */
  errorLog(): string;
  stop(): Promise<void>;
}

/** The proxy lines of deploy/nginx.conf (between its proxy-rules markers): the local cluster runs what production runs. */
export function upstreamRules(): string {
  const conf = readFileSync(resolve('deploy/nginx.conf'), 'utf8');
  const m = /# proxy-rules-begin[^\n]*\n([\s\S]*?)# proxy-rules-end/.exec(conf);
  if (!m?.[1]) throw new Error('deploy/nginx.conf lost its proxy-rules markers');
  return m[1];
}

/** Upstream servers as deploy/nginx.conf lists them (passive health: max_fails, fail_timeout). */
function upstreamServer(port: number): string {
  const conf = readFileSync(resolve('deploy/nginx.conf'), 'utf8');
  const m = /server 127\.0\.0\.1:\d+( [^;]*);/.exec(conf);
  return `server 127.0.0.1:${port}${m?.[1] ?? ''};`;
}

export async function startNginxUpstream(
  dir: string,
  upstreamPorts: number[],
  listenPort?: number,
): Promise<NginxFront> {
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const port = listenPort ?? (await freePort());
  const servers = upstreamPorts.map((p) => `    ${upstreamServer(p)}`).join('\n');
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
${upstreamRules()}
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
