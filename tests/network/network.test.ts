// The network lab in CI: each scenario of issue 10 as a real call between two Chromiums in their own network
// namespaces, through workerd and LiveKit on the lab address; asserts behaviour with generous margins.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type System, startSystem, systemMissingReason } from '../e2e/lib/system.ts';
import { createLab, type Lab, labExists, labMissingReason, SERVER_IP } from './lab.ts';
import { type Ports, SCENARIOS } from './scenarios.ts';
import { labBrowser, runCall } from './session.ts';

function missing(): string | null {
  const reason = systemMissingReason() ?? labMissingReason();
  if (reason && process.env.CI === 'true') throw new Error(`network lab: ${reason}`);
  if (reason) console.warn(`skipping the network lab: ${reason}`);
  return reason;
}
const skip = missing();
const scenario = (id: number) => SCENARIOS.find((s) => s.id === id)!;
const ownHost = (url: string) => new RegExp(`^(stun|turns?):${SERVER_IP.replaceAll('.', '\\.')}:\\d+`).test(url);

describe.skipIf(skip)('network lab', () => {
  let lab: Lab;
  let sys: System;
  let ports: Ports;
  const browsers = {} as { citizen: Browser; office: Browser };

  beforeAll(async () => {
    lab = createLab();
    sys = await startSystem({ host: SERVER_IP, livekit: { turnTlsPort: 443 } });
    ports = { web: Number(new URL(sys.baseUrl).port), signalling: sys.livekit!.port, turnTls: 443 };
    browsers.citizen = await labBrowser(lab.citizen.chromium, sys.baseUrl);
    browsers.office = await labBrowser(lab.office.chromium, sys.baseUrl);
  });

  afterAll(async () => {
    await browsers.citizen?.close();
    await browsers.office?.close();
    await sys?.stop();
    lab?.remove();
    expect(labExists()).toBe(false);
  });

  it('1: at 400 kbit/s the call connects, both sides hear and see each other', async () => {
    const r = await runCall(sys, lab, browsers, scenario(1), ports);
    expect(r.audioAfterMs).not.toBeNull();
    expect(r.citizenAudioSamples).toBeGreaterThan(48_000 * 10);
    expect(r.counsellorAudioSamples).toBeGreaterThan(48_000 * 10);
    expect(r.citizenConcealment).toBeLessThan(0.05);
    expect(r.counsellor.video.frames).toBeGreaterThan(0);
    // Every ICE server either side was given is the deployment's own.
    expect([...r.citizen.iceServers, ...r.counsellor.iceServers].filter((u) => !ownHost(u))).toEqual([]);
    expect(r.citizen.iceServers.length).toBeGreaterThan(0);
    expect(r.foreignRequests).toEqual([]);
    console.log(JSON.stringify(r, null, 1));
  }, 120_000);

  it('4: with UDP blocked the call connects through TURN/TLS', async () => {
    const r = await runCall(sys, lab, browsers, scenario(4), ports);
    expect(r.citizenAudioSamples).toBeGreaterThan(48_000 * 10);
    expect(r.counsellorAudioSamples).toBeGreaterThan(48_000 * 10);
    expect(r.citizen.pairs.length).toBeGreaterThan(0);
    expect(r.citizen.pairs.every((p) => p.localType === 'relay' && p.relayProtocol === 'tls')).toBe(true);
    console.log(JSON.stringify(r, null, 1));
  }, 120_000);

  it('no packet left the lab', () => {
    expect(lab.leakedPackets()).toBe(0);
  });
});
