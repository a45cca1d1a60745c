// `npm run bench -- livekit`: what one LiveKit node carries. Real WebRTC clients (bench/lk-load) run 1:1 sessions
// at the three call profiles in growing numbers; LiveKit is pinned to one core and its CPU time is read from /proc.
// Writes functions/capacity/livekit-capacity.json, which the operator console offers as recommended capacity.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MeasuredCapacity, MeasuredProfile, SizingProfile } from '../functions/capacity/node-sizing.ts';
import { startLiveKit } from '../scripts/lib/livekit.ts';

/** The profiles of web/src/shared/call/profile.ts as the load client sends them (simulcast layers, top first). */
const PROFILES: Record<SizingProfile, { a: string; b: string; fps: number; steps: number[] }> = {
  // Citizen 360p at 450 kbit/s with 180p and 90p layers; counsellor 540p at 800 with 360p and 180p.
  standard: {
    a: '640x360@450,320x180@150,160x90@60',
    b: '960x540@800,640x360@450,320x180@150',
    fps: 20,
    steps: [1, 2, 4, 6, 8, 12, 16],
  },
  // Data saver: 180p at 120 kbit/s with a 90p layer, both sides.
  saver: { a: '320x180@120,160x90@60', b: '320x180@120,160x90@60', fps: 15, steps: [1, 2, 4, 8, 16] },
  audio: { a: '', b: '', fps: 20, steps: [1, 4, 8, 16, 32] },
};
const AUDIO_KBPS = 32;
/**
 * What the SFU forwards per 1:1 session in real calls (both subscribers, kbit/s), from profile.ts's estimates of
 * received video (adaptive 600, low 160, off 0) plus Opus both ways. The load client's subscribers take less
 * (LiveKit holds them at a low layer), so the measured cost is scaled up by bytes: conservative, since part of
 * an SFU's cost is per packet and per participant, not per byte.
 */
const NOMINAL_KBPS: Record<SizingProfile, number> = {
  standard: 2 * 600 + 2 * AUDIO_KBPS,
  saver: 2 * 160 + 2 * AUDIO_KBPS,
  audio: 2 * AUDIO_KBPS,
};
const HEADROOM = 0.7;
const WINDOW_S = Number(process.env.BENCH_LK_WINDOW ?? 15);

interface LoadResult {
  sessions: number;
  connected: number;
  errors: string[];
  videoKbpsPerSubscriber: number;
  audioKbpsPerSubscriber: number;
  lossPercent: number;
}

interface Step extends LoadResult {
  cpuPercent: number;
  cpuPercentPerSession: number;
  degraded: string | null;
}

/** utime + stime of a process and all its threads, in seconds. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function pin(pid: number, core: number): void {
  spawnSync('taskset', ['-a', '-pc', String(core), String(pid)]);
}

/** Why quality counts as dropped at this step, or null. */
function degraded(r: LoadResult, expectedVideoKbps: number): string | null {
  if (r.connected < 2 * r.sessions) return `${2 * r.sessions - r.connected} participants failed to connect`;
  if (r.lossPercent > 2) return `${r.lossPercent.toFixed(1)} % packets lost`;
  if (r.audioKbpsPerSubscriber < AUDIO_KBPS * 0.8)
    return `audio ${r.audioKbpsPerSubscriber.toFixed(0)} kbit/s`;
  if (expectedVideoKbps > 0 && r.videoKbpsPerSubscriber < expectedVideoKbps * 0.7)
    return `video ${r.videoKbpsPerSubscriber.toFixed(0)} of ${expectedVideoKbps} kbit/s`;
  return null;
}

function runLoad(args: string[], livekitPid: number): Promise<{ result: LoadResult; cpu: number }> {
  return new Promise((ok, fail) => {
    const child = spawn('taskset', ['-c', '1', resolve('.bin/lk-load'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let startCpu = 0;
    let cpu = 0;
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      stderr = (stderr + b.toString()).slice(-2000);
    });
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('WINDOW_START') && !startCpu) startCpu = cpuSeconds(livekitPid);
      if (out.includes('WINDOW_END') && !cpu) cpu = cpuSeconds(livekitPid) - startCpu;
    });
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) return fail(new Error(`lk-load exited ${code}: ${stderr}`));
      ok({ result: JSON.parse(line) as LoadResult, cpu });
    });
  });
}

export async function benchLivekit(): Promise<unknown> {
  const build = spawnSync('bash', ['scripts/build-lk-load.sh'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('lk-load did not build');
  const dir = mkdtempSync(join(tmpdir(), 'br-lkbench-'));
  const lk = await startLiveKit({ dir, congestionControl: false });
  const pid = lk.child.pid!;
  // LiveKit gets core 0 alone (as far as this machine allows), the load client core 1.
  pin(pid, 0);
  const profiles = {} as Record<SizingProfile, MeasuredProfile & { steps: Step[] }>;
  try {
    const idleStart = cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, 5000));
    const idlePercent = ((cpuSeconds(pid) - idleStart) / 5) * 100;
    for (const [name, p] of Object.entries(PROFILES) as [SizingProfile, (typeof PROFILES)[SizingProfile]][]) {
      const steps: Step[] = [];
      let baseline = 0;
      for (const sessions of p.steps) {
        const { result, cpu } = await runLoad(
          [
            `-url=${lk.url}`,
            `-api-url=${lk.httpUrl}`,
            `-key=${lk.apiKey}`,
            `-secret=${lk.apiSecret}`,
            `-sessions=${sessions}`,
            `-window=${WINDOW_S}s`,
            `-layers-a=${p.a}`,
            `-layers-b=${p.b}`,
            `-fps=${p.fps}`,
            `-audio-kbps=${AUDIO_KBPS}`,
            `-prefix=${name}-${sessions}`,
          ],
          pid,
        );
        const cpuPercent = (cpu / WINDOW_S) * 100;
        const step: Step = {
          ...result,
          cpuPercent,
          cpuPercentPerSession: Math.max(0, cpuPercent - idlePercent) / sessions,
          degraded: degraded(result, baseline),
        };
        if (steps.length === 0) baseline = result.videoKbpsPerSubscriber;
        steps.push(step);
        console.log(
          `${name.padEnd(8)} ${String(sessions).padStart(3)} sessions  LiveKit ${cpuPercent.toFixed(0).padStart(3)} % of a core  ${step.cpuPercentPerSession.toFixed(1)} %/session  video ${result.videoKbpsPerSubscriber.toFixed(0)} kbit/s  audio ${result.audioKbpsPerSubscriber.toFixed(0)}  loss ${result.lossPercent.toFixed(2)} %  ${step.degraded ?? 'ok'}`,
        );
        if (step.degraded) break;
      }
      const good = steps.filter((s) => !s.degraded);
      // The dearest session among the steps that kept quality: on a shared machine the load client falls behind
      // first, and a step where it sent less would make sessions look cheaper than they are.
      const basis = good.reduce(
        (a, b) => (b.cpuPercentPerSession > a.cpuPercentPerSession ? b : a),
        good[0] ?? steps[0]!,
      );
      const forwarded = 2 * (basis.videoKbpsPerSubscriber + basis.audioKbpsPerSubscriber);
      const scale = Math.max(1, NOMINAL_KBPS[name] / Math.max(forwarded, 1));
      const perSession = Number((basis.cpuPercentPerSession * scale).toFixed(2));
      profiles[name] = {
        cpuPercentPerSession: perSession,
        cpuPercentPerSessionMeasured: Number(basis.cpuPercentPerSession.toFixed(2)),
        forwardedKbpsMeasured: Math.round(forwarded),
        forwardedKbpsNominal: NOMINAL_KBPS[name],
        sessionsPerCore: perSession > 0 ? Number((100 / perSession).toFixed(1)) : 0,
        qualityDropAtSessions: steps.find((s) => s.degraded)?.sessions ?? null,
        maxSessionsTried: steps.at(-1)?.sessions ?? 0,
        steps,
      };
    }
  } finally {
    await lk.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const measured: MeasuredCapacity = {
    measuredAt: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model.trim() ?? 'unknown' },
    sfu: 'livekit-server v1.13.5 on one pinned core',
    client: 'bench/lk-load (server-sdk-go v2.19.0) on the other core',
    headroom: HEADROOM,
    profiles: Object.fromEntries(
      Object.entries(profiles).map(([k, { steps: _s, ...v }]) => [k, v]),
    ) as MeasuredCapacity['profiles'],
  };
  writeFileSync('functions/capacity/livekit-capacity.json', `${JSON.stringify(measured, null, 2)}\n`);
  console.log('written to functions/capacity/livekit-capacity.json');
  return { ...measured, profiles };
}
