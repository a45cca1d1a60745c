// `npm run bench -- network`: the network lab's scenarios (tests/network) measured with a longer hold: time from
// the join click to audio and video, concealed audio after the first 5 s, what each side sees, the mode.
import type { Browser } from 'playwright-core';
import { createLab, labMissingReason } from '../tests/network/lab.ts';
import { startLabSystem } from '../tests/network/lab-system.ts';
import { SCENARIOS } from '../tests/network/scenarios.ts';
import { type CallResult, labBrowser, runCall, summarize } from '../tests/network/session.ts';
import type { BenchContext } from './run.ts';

/** The issue's targets: audio within 3 s at 400 kbit/s, 5 s at 160 kbit/s; ≤ 2 % concealed in 1-3; TURN ≤ 8 s. */
function targets(r: CallResult): string[] {
  const miss: string[] = [];
  const audio = r.audioAfterMs ?? Number.POSITIVE_INFINITY;
  if (r.scenario.id === 1 && audio > 3000) miss.push('audio > 3 s');
  if (r.scenario.id === 2 && audio > 5000) miss.push('audio > 5 s');
  if ([4, 9].includes(r.scenario.id) && audio > 8000) miss.push('connected > 8 s');
  if (
    [1, 2, 3].includes(r.scenario.id) &&
    Math.max(r.citizenConcealment ?? 1, r.counsellorConcealment ?? 1) > 0.02
  )
    miss.push('concealed > 2 %');
  return miss;
}

const s = (ms: number | null) => (ms === null ? '—' : (ms / 1000).toFixed(1));
const pct = (x: number | null) => (x === null ? '—' : (x * 100).toFixed(1));
const res = (v: CallResult['citizen']['video']) =>
  v.height ? `${v.width}×${v.height} @ ${v.fps.toFixed(0)}` : '—';

export async function benchNetwork(ctx: BenchContext): Promise<unknown> {
  const missing = labMissingReason();
  if (missing) {
    console.log(`network lab not run: ${missing}`);
    return { skipped: missing };
  }
  const lab = await createLab();
  const { sys, ports, stop } = await startLabSystem({
    databaseUrl: ctx.databaseUrl,
    seed: false,
    demoPassword: 'bench-password',
  });
  const browsers = {} as { citizen: Browser; office: Browser };
  const rows: (CallResult & { missed: string[] })[] = [];
  try {
    browsers.citizen = await labBrowser(lab.citizen.chromium, sys.baseUrl);
    browsers.office = await labBrowser(lab.office.chromium, sys.baseUrl);
    for (const scenario of SCENARIOS) {
      const r = await runCall(sys, lab, browsers, scenario, ports, 30_000);
      rows.push({ ...r, missed: targets(r) });
      console.log(summarize(r));
    }
  } catch (e) {
    console.error(`network bench failed: ${String(e)}\n${sys.logs.slice(-30).join('\n')}`);
    throw e;
  } finally {
    await browsers.citizen?.close();
    await browsers.office?.close();
    await stop();
    lab.remove();
  }
  console.log(
    '\n| # | line | page ready (s) | audio after click (s) | video after click (s) | concealed after 5 s: citizen / counsellor (%) | citizen receives | counsellor receives | mode | indicator | path | targets |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.scenario.id} | ${r.scenario.name} | ${s(r.readyAfterMs)} | ${s(r.audioAfterMs)} | ${s(r.videoAfterMs)} | ${pct(r.citizenConcealment)} / ${pct(r.counsellorConcealment)} | ${res(r.citizen.video)} | ${res(r.counsellor.video)} | ${r.mode} | ${r.indicator} | ${r.citizen.pairs.some((p) => p.localType === 'relay') ? `relay (${r.citizen.pairs[0]?.relayProtocol})` : 'direct'} | ${r.missed.length ? r.missed.join(', ') : 'met'} |`,
    );
  return rows.map((r) => ({
    scenario: r.scenario.id,
    readyAfterMs: r.readyAfterMs,
    audioAfterMs: r.audioAfterMs,
    videoAfterMs: r.videoAfterMs,
    citizenConcealment: r.citizenConcealment,
    counsellorConcealment: r.counsellorConcealment,
    citizenVideo: r.citizen.video,
    counsellorVideo: r.counsellor.video,
    mode: r.mode,
    indicator: r.indicator,
    missed: r.missed,
  }));
}
