// Doctor checks of LiveKit (API reachable, keys accepted, a public URL browsers can use) and of the TURN ports.
import { RoomServiceClient } from 'livekit-server-sdk';
import type { Config } from '../../functions/env.ts';
import { type Finding, fail, ok, skewFinding, warn } from './findings.ts';
import { isLoopback, probeHttp, probeStun, probeTcp, reason } from './probes.ts';
import { certificate } from './web.ts';

const CHECK = 'LiveKit';

const toHttp = (url: string) => url.replace(/^ws(s?):/, 'http$1:');

export async function checkLiveKit(config: Config, now: Date): Promise<Finding[]> {
  if (!config.LIVEKIT_URL || !config.LIVEKIT_API_KEY || !config.LIVEKIT_API_SECRET) {
    return [
      fail(
        CHECK,
        'LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET are not all set: nobody can join a session',
        'Set them to the LiveKit server and a key pair from keys: in its livekit.yaml.',
      ),
    ];
  }
  const api = toHttp(config.LIVEKIT_URL);
  const findings: Finding[] = [];
  try {
    const res = await probeHttp(api);
    if (res.skewSeconds !== undefined) findings.push(skewFinding('clock vs LiveKit', res.skewSeconds));
  } catch (e) {
    return [
      fail(
        CHECK,
        `cannot reach the LiveKit server at ${api}: ${reason(e)}`,
        'Is livekit-server running, and is LIVEKIT_URL its address and port (7880)?',
      ),
    ];
  }
  try {
    const rooms = await new RoomServiceClient(api, config.LIVEKIT_API_KEY, config.LIVEKIT_API_SECRET, {
      requestTimeout: 3,
      failover: false,
    }).listRooms();
    findings.unshift(ok(CHECK, `API at ${api} accepts the keys (${rooms.length} rooms open)`));
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 401 || status === 403) {
      findings.unshift(
        fail(
          CHECK,
          `LiveKit at ${api} rejected LIVEKIT_API_KEY / LIVEKIT_API_SECRET`,
          'They must equal a key and secret under keys: in the livekit.yaml of that server.',
        ),
      );
    } else {
      findings.unshift(
        fail(
          CHECK,
          `LiveKit API at ${api} failed: ${reason(e)}`,
          'Check the LiveKit server log (journalctl -u livekit-server).',
        ),
      );
    }
  }
  findings.push(...(await checkPublicVideoUrl(config, now)));
  return findings;
}

async function checkPublicVideoUrl(config: Config, now: Date): Promise<Finding[]> {
  const check = 'LIVEKIT_PUBLIC_URL';
  const publicUrl = new URL(config.LIVEKIT_PUBLIC_URL || config.LIVEKIT_URL);
  const page = new URL(config.PUBLIC_BASE_URL);
  const secure = publicUrl.protocol === 'wss:' || publicUrl.protocol === 'https:';
  if (page.protocol === 'https:' && !secure) {
    return [
      fail(
        check,
        `${publicUrl.origin} is not wss://, but the pages are https: browsers refuse the connection`,
        'Put LiveKit behind TLS (its own certificate or nginx) and set LIVEKIT_PUBLIC_URL=wss://…',
      ),
    ];
  }
  if (isLoopback(publicUrl.hostname) && !isLoopback(page.hostname)) {
    return [
      fail(
        check,
        `${publicUrl.origin} is a loopback address: citizens' browsers cannot reach it`,
        'Set LIVEKIT_PUBLIC_URL to the address browsers use, e.g. wss://video.agentur.example.',
      ),
    ];
  }
  const findings: Finding[] = [ok(check, `browsers connect to ${publicUrl.origin}`)];
  if (secure)
    findings.push(
      ...(await certificate(
        `certificate ${publicUrl.host}`,
        publicUrl.hostname,
        Number(publicUrl.port || 443),
        now,
      )),
    );
  return findings;
}

export interface TurnEndpoint {
  url: string;
  host: string;
  port: number;
  transport: 'udp' | 'tcp' | 'tls';
}

/**
 * LIVEKIT_TURN_URLS as the browser would get them (ICE server URLs), comma-separated; defaults per RFC 7065.
 * @example parseTurnUrls('turn:turn.example:3478?transport=udp, turns:turn.example:443')
 */
export function parseTurnUrls(list: string): { endpoints: TurnEndpoint[]; invalid: string[] } {
  const endpoints: TurnEndpoint[] = [];
  const invalid: string[] = [];
  for (const url of list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(turns?|stun):([^:?]+|\[[0-9a-f:]+\])(?::(\d{1,5}))?(?:\?transport=(udp|tcp))?$/i.exec(url);
    if (!m) {
      invalid.push(url);
      continue;
    }
    const scheme = (m[1] ?? '').toLowerCase();
    const tls = scheme === 'turns';
    const transport = tls ? 'tls' : ((m[4]?.toLowerCase() as 'udp' | 'tcp' | undefined) ?? 'udp');
    endpoints.push({
      url,
      host: (m[2] ?? '').replace(/^\[|\]$/g, ''),
      port: Number(m[3] ?? (tls ? 5349 : 3478)),
      transport,
    });
  }
  return { endpoints, invalid };
}

export async function checkTurn(turnUrls: string, now: Date): Promise<Finding[]> {
  if (!turnUrls.trim()) {
    return [
      warn(
        'TURN',
        'LIVEKIT_TURN_URLS is not set, so the TURN ports were not checked; citizens behind strict firewalls need TURN',
        'Set LIVEKIT_TURN_URLS to the TURN addresses of livekit.yaml (turn: section), e.g. turn:turn.agentur.example:3478?transport=udp,turns:turn.agentur.example:443.',
      ),
    ];
  }
  const { endpoints, invalid } = parseTurnUrls(turnUrls);
  const findings: Finding[] = invalid.map((u) =>
    fail('TURN', `cannot read ${u}`, 'Write turn:HOST:PORT?transport=udp|tcp or turns:HOST:PORT.'),
  );
  for (const e of endpoints) {
    const check = `TURN ${e.host}:${e.port}/${e.transport}`;
    try {
      if (e.transport === 'udp') await probeStun(e.host, e.port);
      else if (e.transport === 'tcp') await probeTcp(e.host, e.port);
      if (e.transport === 'tls') findings.push(...(await certificate(check, e.host, e.port, now)));
      else findings.push(ok(check, e.transport === 'udp' ? 'answers STUN binding requests' : 'port open'));
    } catch (err) {
      findings.push(
        fail(
          check,
          `not reachable: ${reason(err)}`,
          `Open ${e.port}/${e.transport === 'udp' ? 'udp' : 'tcp'} in the firewall and check the turn: section of livekit.yaml.`,
        ),
      );
    }
  }
  return findings;
}
