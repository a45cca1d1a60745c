// Doctor checks of the SMS gateway: configured, https, reachable, token set, clock in step.
import type { Config } from '../../functions/env.ts';
import { type Finding, fail, ok, skewFinding, warn } from './findings.ts';
import { isLoopback, probeHttp, reason } from './probes.ts';
import { certificate } from './web.ts';

const CHECK = 'SMS gateway';

export async function checkSmsGateway(config: Config, now: Date): Promise<Finding[]> {
  if (!config.SMS_GATEWAY_URL) {
    return [
      fail(
        CHECK,
        'SMS_GATEWAY_URL is not set: confirmations, links and reminders only go to the log',
        'Set SMS_GATEWAY_URL (and SMS_GATEWAY_TOKEN) to the agency SMS gateway.',
      ),
    ];
  }
  const url = new URL(config.SMS_GATEWAY_URL);
  const findings: Finding[] = [];
  if (url.protocol !== 'https:') {
    if (isLoopback(url.hostname))
      findings.push(warn(CHECK, `${url.origin} is plain http (acceptable only on this machine)`));
    else
      return [
        fail(
          CHECK,
          `${url.origin} is not https: texts carry join links and phone numbers`,
          'Use the https address of the gateway.',
        ),
      ];
  }
  if (!config.SMS_GATEWAY_TOKEN)
    findings.push(
      warn(
        CHECK,
        'SMS_GATEWAY_TOKEN is not set: requests carry no credentials',
        'Set the bearer token the gateway expects.',
      ),
    );
  const headers: Record<string, string> = config.SMS_GATEWAY_TOKEN
    ? { authorization: `Bearer ${config.SMS_GATEWAY_TOKEN}` }
    : {};
  try {
    // HEAD sends no message; a 4xx still shows a server is there.
    const res = await probeHttp(config.SMS_GATEWAY_URL, { method: 'HEAD', headers });
    if (res.status >= 500)
      findings.unshift(
        fail(
          CHECK,
          `${url.origin} answered ${res.status}`,
          'The gateway is up but failing: ask its operator.',
        ),
      );
    else findings.unshift(ok(CHECK, `${url.origin} reachable (HEAD answered ${res.status})`));
    if (res.skewSeconds !== undefined) findings.push(skewFinding('clock vs SMS gateway', res.skewSeconds));
  } catch (e) {
    return [
      fail(
        CHECK,
        `cannot reach ${url.origin}: ${reason(e)}`,
        'Check the address, DNS, the firewall or proxy between this server and the gateway.',
      ),
    ];
  }
  if (url.protocol === 'https:')
    findings.push(
      ...(await certificate(`certificate ${url.host}`, url.hostname, Number(url.port || 443), now)),
    );
  return findings;
}
