// Doctor checks of the public address: set, https, reachable, answered by this app, with a valid certificate.
import type { Config } from '../../functions/env.ts';
import { certificateFinding, type Finding, fail, ok, skipped, warn } from './findings.ts';
import { isLoopback, probeHttp, probeTls, reason } from './probes.ts';

const CHECK = 'PUBLIC_BASE_URL';

export async function checkPublicBaseUrl(
  config: Config,
  raw: Record<string, string | undefined>,
  now: Date,
): Promise<Finding[]> {
  if (!raw.PUBLIC_BASE_URL?.trim()) {
    return [
      fail(
        CHECK,
        `not set: links in SMS would point to ${config.PUBLIC_BASE_URL}`,
        'Set PUBLIC_BASE_URL to the https address citizens use, e.g. https://termine.agentur.example.',
      ),
    ];
  }
  const url = new URL(config.PUBLIC_BASE_URL);
  const findings: Finding[] = [];
  if (url.protocol !== 'https:' && !isLoopback(url.hostname)) {
    findings.push(
      fail(
        CHECK,
        `${url.origin} is not https: browsers give camera and microphone only to https pages`,
        'Serve the app through nginx with TLS (deploy/nginx.conf) and set an https PUBLIC_BASE_URL.',
      ),
    );
  }
  if (url.pathname !== '/' && url.pathname !== '') {
    findings.push(
      warn(
        CHECK,
        `has a path (${url.pathname}); the app serves from the root of its host`,
        'Use a host of its own, e.g. https://termine.agentur.example.',
      ),
    );
  }
  findings.push(...(await reachability(config.PUBLIC_BASE_URL)));
  if (url.protocol === 'https:')
    findings.push(
      ...(await certificate(`certificate ${url.host}`, url.hostname, Number(url.port || 443), now)),
    );
  return findings;
}

async function reachability(base: string): Promise<Finding[]> {
  try {
    const res = await probeHttp(`${base}/healthz`);
    const served = res.status === 200 && /"status"\s*:\s*"ok"/.test(res.body);
    if (served) return [ok(CHECK, `${base}/healthz answers from this machine`)];
    return [
      fail(
        CHECK,
        `${base}/healthz answered ${res.status}, not this app`,
        'Check that nginx proxies this host to the app (deploy/nginx.conf).',
      ),
    ];
  } catch (e) {
    // An untrusted certificate is reported once, by the certificate check.
    if (/CERT|SIGNATURE|ISSUER|SELF_SIGNED/.test(reason(e))) {
      return [skipped(CHECK, `${base}/healthz not checked: the certificate is not accepted (see its line)`)];
    }
    return [
      fail(
        CHECK,
        `${base} is not reachable from this machine: ${reason(e)}`,
        'Check DNS, nginx and the firewall for this address.',
      ),
    ];
  }
}

/** TLS findings for one endpoint: trusted chain and name, then the validity dates. */
export async function certificate(check: string, host: string, port: number, now: Date): Promise<Finding[]> {
  try {
    const tls = await probeTls(host, port);
    const dates = certificateFinding(check, tls.validFrom, tls.validTo, now);
    if (!tls.authorized) {
      return [
        fail(
          check,
          `certificate not accepted: ${tls.error ?? 'unknown reason'}`,
          'Install a certificate for this name from a CA the browsers trust (with the full chain).',
        ),
        ...(dates.level === 'ok' ? [] : [dates]),
      ];
    }
    return [dates];
  } catch (e) {
    return [
      fail(
        check,
        `no TLS connection to ${host}:${port}: ${reason(e)}`,
        'Is the TLS server running there and the port open?',
      ),
    ];
  }
}

export function checkInternalToken(config: Config): Finding {
  if (!config.INTERNAL_TOKEN) {
    return warn(
      'INTERNAL_TOKEN',
      'not set: /internal/tick (SMS, reminders, retention) and /metrics do not exist',
      'Set a long random INTERNAL_TOKEN (openssl rand -hex 32) and give it to the tick timer and Prometheus.',
    );
  }
  if (config.INTERNAL_TOKEN.length < 24) {
    return warn(
      'INTERNAL_TOKEN',
      `only ${config.INTERNAL_TOKEN.length} characters long`,
      'Use at least 32 random characters (openssl rand -hex 32).',
    );
  }
  return ok('INTERNAL_TOKEN', 'set');
}
