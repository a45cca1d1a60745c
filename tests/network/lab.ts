// The network lab: the citizen's and the counsellor's networks as Linux namespaces (iproute2, tc tbf, iptables)
// on a bridge with this host's 198.18.10.1, where workerd and LiveKit listen. Nothing in it reaches further.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockLab } from './lab-lock.ts';

/** The servers' address (host side of the citizen's link); the lab is 198.18.10.0/24. */
export const SERVER_IP = '198.18.10.1';
export const LAB_NET = '198.18.10.0/24';
const PREFIX = 'br10-';
/** One bridge holds the servers' address, so every reply leaves from 198.18.10.1 whatever socket sends it. */
const BRIDGE = `${PREFIX}br`;

export interface Side {
  /** Namespace name. */
  ns: string;
  /** The namespace's own address. */
  ip: string;
  /** Host end of the veth pair (shaping the download), namespace end (shaping the upload). */
  hostDev: string;
  nsDev: string;
  /** A chromium executable that runs inside the namespace (for playwright's executablePath). */
  chromium: string;
}

export interface Line {
  /** kbit/s towards the citizen (download) and from the citizen (upload); null: unshaped. */
  downKbit: number | null;
  upKbit: number | null;
  /** Queue a packet may wait in the shaper, in ms: a deep queue stands in for delay (no netem here). */
  queueMs?: number;
  /** Random loss in both directions, 0..1. */
  loss?: number;
  /** Only TCP to these server ports gets through (UDP blocked entirely). */
  tcpOnlyPorts?: number[];
}

function run(cmd: string, args: string[], okToFail = false): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0 && !okToFail) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.error}`);
  return r.stdout ?? '';
}
const inNs = (ns: string, cmd: string, args: string[], okToFail = false) =>
  run('ip', ['netns', 'exec', ns, cmd, ...args], okToFail);

/** Why the lab cannot run here (not root, tools missing), or null. */
export function labMissingReason(): string | null {
  if (process.getuid?.() !== 0) return 'the network lab needs root (network namespaces)';
  for (const tool of ['ip', 'tc', 'iptables', '/usr/bin/chromium'])
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} is not installed`;
  return null;
}

/** Removes every br10-* namespace and link, including those a crashed run left behind. */
export function removeStaleLab(): void {
  for (const line of run('ip', ['netns', 'list'], true).split('\n')) {
    const name = line.split(' ')[0] ?? '';
    if (name.startsWith(PREFIX)) run('ip', ['netns', 'del', name], true);
  }
  for (const side of ['cit', 'off']) rmSync(`/etc/netns/${PREFIX}${side}`, { recursive: true, force: true });
  for (const line of run('ip', ['-o', 'link', 'show'], true).split('\n')) {
    const dev = /^\d+: ([^:@]+)/.exec(line)?.[1];
    if (dev?.startsWith(PREFIX)) run('ip', ['link', 'del', dev], true);
  }
}

function addSide(dir: string, name: string, nsIp: string): Side {
  const ns = `${PREFIX}${name}`;
  const hostDev = `${PREFIX}${name}h`;
  const nsDev = `${PREFIX}${name}n`;
  run('ip', ['netns', 'add', ns]);
  // `ip netns exec` mounts this over /etc/resolv.conf: Chromium's own background lookups (update and
  // account services) go to a lab address where nothing answers, instead of the host's resolver.
  mkdirSync(`/etc/netns/${ns}`, { recursive: true });
  writeFileSync(`/etc/netns/${ns}/resolv.conf`, `nameserver ${SERVER_IP}\n`);
  run('ip', ['link', 'add', hostDev, 'type', 'veth', 'peer', 'name', nsDev]);
  run('ip', ['link', 'set', nsDev, 'netns', ns]);
  run('ip', ['link', 'set', hostDev, 'master', BRIDGE]);
  run('ip', ['link', 'set', hostDev, 'up']);
  inNs(ns, 'ip', ['addr', 'add', `${nsIp}/24`, 'dev', nsDev]);
  inNs(ns, 'ip', ['link', 'set', nsDev, 'up']);
  inNs(ns, 'ip', ['link', 'set', 'lo', 'up']);
  // A default route, so that an attempt to reach any other address passes the counting rule below
  // instead of failing silently at the routing step; the host does not forward (and the rule drops it).
  inNs(ns, 'ip', ['route', 'add', 'default', 'via', SERVER_IP]);
  inNs(ns, 'iptables', ['-N', 'br10-leak']);
  inNs(ns, 'iptables', ['-A', 'br10-leak', '-j', 'DROP']);
  // Multicast (WebRTC's mDNS host candidates, 224.0.0.251) stays on the veth link: the host routes no
  // multicast. It is dropped and counted apart, so the leak counter holds only routable destinations.
  inNs(ns, 'iptables', ['-N', 'br10-mcast']);
  inNs(ns, 'iptables', ['-A', 'br10-mcast', '-j', 'DROP']);
  inNs(ns, 'iptables', ['-A', 'OUTPUT', '-d', '224.0.0.0/4', '-j', 'br10-mcast']);
  inNs(ns, 'iptables', ['-A', 'OUTPUT', '!', '-o', 'lo', '!', '-d', LAB_NET, '-j', 'br10-leak']);
  const chromium = join(dir, `chromium-${name}`);
  writeFileSync(chromium, `#!/bin/sh\nexec ip netns exec ${ns} /usr/bin/chromium "$@"\n`);
  chmodSync(chromium, 0o755);
  return { ns, ip: nsIp, hostDev, nsDev, chromium };
}

export interface Lab {
  citizen: Side;
  office: Side;
  /** Shapes the citizen's line (replacing the previous shape). */
  shape(line: Line): void;
  /** Cuts the citizen's line completely (true) or lets it through again (false). */
  cut(down: boolean): void;
  /** Packets that tried to leave the lab from either namespace (multicast excluded, see `multicastPackets`). */
  leakedPackets(): number;
  /** Link-local multicast (mDNS) packets, dropped on the veth link. */
  multicastPackets(): number;
  /** Sends one UDP datagram from the citizen's namespace to a documentation address (TEST-NET-3): the
   * counting rule must catch (and drop) it, proving the leak counter works. */
  attemptLeak(): void;
  remove(): void;
}

/** Packets that reached a counting chain's single DROP rule in the given namespaces. */
function countChain(sides: Side[], chain: string): number {
  let total = 0;
  for (const side of sides) {
    const listing = inNs(side.ns, 'iptables', ['-L', chain, '-v', '-n', '-x']);
    for (const row of listing.split('\n').slice(2)) total += Number(row.trim().split(/\s+/)[0] ?? 0) || 0;
  }
  return total;
}

function tbf(ns: string | null, dev: string, kbit: number | null, queueMs: number): void {
  const tc = (args: string[], ok = false) => (ns ? inNs(ns, 'tc', args, ok) : run('tc', args, ok));
  tc(['qdisc', 'del', 'dev', dev, 'root'], true);
  if (kbit === null) return;
  // burst ≈ 20 ms of line rate (at least two full packets): short bursts, the rate holds.
  const burst = Math.max(3200, Math.round((kbit * 1000 * 0.02) / 8));
  tc([
    'qdisc',
    'add',
    'dev',
    dev,
    'root',
    'tbf',
    'rate',
    `${kbit}kbit`,
    'burst',
    String(burst),
    'latency',
    `${queueMs}ms`,
  ]);
}

/**
 * Builds the lab: the servers at 198.18.10.1, the citizen at 198.18.10.2, the counsellor's office at .3. Waits
 * first for any other run of the lab on this machine (another checkout's suite) to finish.
 */
export async function createLab(): Promise<Lab> {
  const unlock = await lockLab();
  removeStaleLab();
  const dir = mkdtempSync(join(tmpdir(), 'br10-lab-'));
  run('ip', ['link', 'add', BRIDGE, 'type', 'bridge']);
  run('ip', ['addr', 'add', `${SERVER_IP}/24`, 'dev', BRIDGE]);
  run('ip', ['link', 'set', BRIDGE, 'up']);
  const citizen = addSide(dir, 'cit', '198.18.10.2');
  const office = addSide(dir, 'off', '198.18.10.3');
  inNs(citizen.ns, 'iptables', ['-N', 'br10-line']);
  inNs(citizen.ns, 'iptables', ['-A', 'OUTPUT', '-j', 'br10-line']);
  const filters = (line: Line) => {
    inNs(citizen.ns, 'iptables', ['-F', 'INPUT']);
    inNs(citizen.ns, 'iptables', ['-F', 'br10-line']);
    const out = (...args: string[]) => inNs(citizen.ns, 'iptables', ['-A', 'br10-line', ...args]);
    out('-o', 'lo', '-j', 'RETURN');
    if (line.loss) {
      const p = String(line.loss);
      out('-m', 'statistic', '--mode', 'random', '--probability', p, '-j', 'DROP');
      inNs(citizen.ns, 'iptables', [
        '-A',
        'INPUT',
        '!',
        '-i',
        'lo',
        '-m',
        'statistic',
        '--mode',
        'random',
        '--probability',
        p,
        '-j',
        'DROP',
      ]);
    }
    if (line.tcpOnlyPorts) {
      out('-p', 'udp', '-j', 'DROP');
      out(
        '-p',
        'tcp',
        '-d',
        SERVER_IP,
        '-m',
        'multiport',
        '--dports',
        line.tcpOnlyPorts.join(','),
        '-j',
        'RETURN',
      );
      out('-p', 'tcp', '-j', 'DROP');
    }
  };
  const lab: Lab = {
    citizen,
    office,
    shape(line) {
      tbf(null, citizen.hostDev, line.downKbit, line.queueMs ?? 50);
      tbf(citizen.ns, citizen.nsDev, line.upKbit, line.queueMs ?? 50);
      filters(line);
    },
    cut(down) {
      if (down) {
        inNs(citizen.ns, 'iptables', ['-I', 'INPUT', '1', '!', '-i', 'lo', '-j', 'DROP']);
        inNs(citizen.ns, 'iptables', ['-I', 'OUTPUT', '1', '!', '-o', 'lo', '-j', 'DROP']);
      } else {
        inNs(citizen.ns, 'iptables', ['-D', 'INPUT', '!', '-i', 'lo', '-j', 'DROP'], true);
        inNs(citizen.ns, 'iptables', ['-D', 'OUTPUT', '!', '-o', 'lo', '-j', 'DROP'], true);
      }
    },
    leakedPackets: () => countChain([citizen, office], 'br10-leak'),
    multicastPackets: () => countChain([citizen, office], 'br10-mcast'),
    attemptLeak: () => {
      inNs(citizen.ns, 'bash', ['-c', 'echo probe > /dev/udp/203.0.113.1/9'], true);
    },
    remove() {
      removeStaleLab();
      rmSync(dir, { recursive: true, force: true });
      unlock();
    },
  };
  lab.shape({ downKbit: null, upKbit: null });
  return lab;
}

/** True while the lab's namespaces exist (for the test's clean-up check). */
export function labExists(): boolean {
  return existsSync(`/run/netns/${PREFIX}cit`) || existsSync(`/run/netns/${PREFIX}off`);
}
