// Tries the TURN relay as an abuser would: coturn's turnutils_uclient allocates with given credentials and sends
// through the relay to a peer (turnutils_peer echoes); an iptables rule in the peer's namespace counts arrivals.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createSocket } from 'node:dgram';
import type { Side } from './lab.ts';

export interface RelayTry {
  /** TURN server address and port; `tls`: TURN over TLS (TCP), else UDP. */
  server: string;
  port: number;
  tls?: boolean;
  /** Send indications after CreatePermission instead of ChannelBind (the other way to reach a peer). */
  sendIndications?: boolean;
  username: string;
  credential: string;
  peer: string;
  peerPort: number;
}

/** Messages the client sent through the relay and got back from the echoing peer (0 when refused). */
export async function tryRelay(t: RelayTry): Promise<{ sent: number; received: number; output: string }> {
  const args = [
    '-u',
    t.username,
    '-w',
    t.credential,
    '-p',
    String(t.port),
    '-e',
    t.peer,
    '-r',
    String(t.peerPort),
  ];
  args.push('-n', '10', '-m', '1', '-l', '100', '-c', '-X');
  if (t.tls) args.push('-t', '-S');
  if (t.sendIndications) args.push('-s');
  const r = spawnSync('turnutils_uclient', [...args, t.server], { encoding: 'utf8', timeout: 20_000 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const last = (name: string) =>
    Number([...output.matchAll(new RegExp(`${name}=(\\d+)`, 'g'))].at(-1)?.[1] ?? 0);
  return { sent: last('tot_send_msgs'), received: last('tot_recv_msgs'), output };
}

/** An echoing UDP peer on `ip:port`, inside the side's namespace or (null) on the host. */
export function startPeer(side: Side | null, ip: string, port: number): ChildProcess {
  const cmd = ['turnutils_peer', '-L', ip, '-p', String(port)];
  return side
    ? spawn('ip', ['netns', 'exec', side.ns, ...cmd], { stdio: 'ignore' })
    : spawn(cmd[0]!, cmd.slice(1), { stdio: 'ignore' });
}

/** Counts UDP datagrams arriving at `port` in the side's namespace; returns a reader. */
export function countArrivals(side: Side, port: number): () => number {
  const rule = ['INPUT', '-p', 'udp', '--dport', String(port), '-j', 'ACCEPT'];
  spawnSync('ip', ['netns', 'exec', side.ns, 'iptables', '-I', ...rule]);
  return () => {
    const listing = spawnSync('ip', ['netns', 'exec', side.ns, 'iptables', '-L', 'INPUT', '-v', '-n', '-x'], {
      encoding: 'utf8',
    }).stdout;
    const row = listing.split('\n').find((l) => l.includes(`udp dpt:${port}`));
    return Number(row?.trim().split(/\s+/)[0] ?? 0);
  };
}

/** One datagram straight from the host to `ip:port` (proves a counter counts). */
export function sendDatagram(ip: string, port: number): Promise<void> {
  const s = createSocket('udp4');
  return new Promise((done, fail) =>
    s.send('probe', port, ip, (e) => {
      s.close();
      if (e) fail(e);
      else done();
    }),
  );
}

/** TURN REST credentials for coturn's use-auth-secret, made as LiveKit makes them ("EXPIRY:ID", HMAC-SHA1). */
export function coturnCredentials(
  secret: string,
  ttlSeconds: number,
): { username: string; credential: string } {
  const username = `${Math.floor(Date.now() / 1000) + ttlSeconds}:lab-relay-check`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

export interface RelayReach {
  /** Echoes back from a peer on the SFU's address, through the relay (the path media takes). */
  toSfu: { received: number; output: string };
  /** Echoes back from the office namespace: by ChannelBind, by Send indication, over TURN/TLS. */
  toOther: { received: number; output: string }[];
  /** Datagrams counted arriving in the office namespace after those tries, and after one sent there directly. */
  arrivedViaRelay: number;
  arrivedDirect: number;
}

/**
 * Tries one TURN server (UDP `port`, TLS `tlsPort`) with the given credentials: to the SFU's address `sfuIp`, and
 * to the office namespace (any address but the SFU's). `ports`: free UDP ports for the two echo peers.
 */
export async function relayReach(
  o: { server: string; port: number; tlsPort: number; username: string; credential: string },
  office: Side,
  ports: [number, number],
): Promise<RelayReach> {
  const [sfuPort, officePort] = ports;
  const udp = { server: o.server, port: o.port, username: o.username, credential: o.credential };
  const peers = [startPeer(null, o.server, sfuPort), startPeer(office, office.ip, officePort)];
  try {
    await new Promise((r) => setTimeout(r, 500));
    const toSfu = await tryRelay({ ...udp, peer: o.server, peerPort: sfuPort });
    const arrivals = countArrivals(office, officePort);
    const toOther = [];
    for (const t of [udp, { ...udp, sendIndications: true }, { ...udp, port: o.tlsPort, tls: true }])
      toOther.push(await tryRelay({ ...t, peer: office.ip, peerPort: officePort }));
    const arrivedViaRelay = arrivals();
    await sendDatagram(office.ip, officePort);
    return { toSfu, toOther, arrivedViaRelay, arrivedDirect: arrivals() - arrivedViaRelay };
  } finally {
    for (const p of peers) p.kill();
  }
}
