// The call's measuring loop: samples the link every 2 s, steps the citizen's mode with hysteresis, and sends
// the citizen's measurements to the counsellor (data channel, topic `link`) for a truthful indicator.
import type { ReadonlySignal, Signal } from '@preact/signals';
import { type Participant, type Room, RoomEvent } from 'livekit-client';
import { type AdaptState, adapt, INITIAL_ADAPT, judgeLink, type LinkSample, overridden } from './adapt.ts';
import { createLinkMonitor } from './link-monitor.ts';
import type { LinkQuality, VideoMode } from './profile.ts';

export const LINK_TOPIC = 'link';
const TICK_MS = 2000;
const RANK: Record<VideoMode, number> = { audio: 0, saver: 1, standard: 2 };

export interface LinkLoopOptions {
  room: Room;
  /** Step the mode automatically (the citizen's side). */
  auto: boolean;
  /** Publish the own measurements for the other side (the citizen's side). */
  report: boolean;
  connected: () => boolean;
  mode: ReadonlySignal<VideoMode>;
  localQuality: ReadonlySignal<LinkQuality>;
  /** The latest own measurement. */
  link: Signal<LinkSample | null>;
  /** Measurements the other participants reported, by identity. */
  reports: Signal<Record<string, LinkSample>>;
  step(to: VideoMode, up: boolean): void;
}

export interface LinkLoop {
  /** The citizen chose a mode by hand: it becomes the ceiling for stepping up, left alone for a while. */
  chose(mode: VideoMode): void;
  stop(): void;
}

function parseReport(payload: Uint8Array): LinkSample | null {
  try {
    const r = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    return { rttMs: n(r.rttMs), loss: n(r.loss), fps: n(r.fps) };
  } catch {
    return null;
  }
}

export function startLinkLoop(o: LinkLoopOptions): LinkLoop {
  const sample = createLinkMonitor(o.room);
  let state: AdaptState = INITIAL_ADAPT;
  let ceiling: VideoMode = o.mode.value;
  let ticks = 0;
  let busy = false;
  const onData = (payload: Uint8Array, participant?: Participant, _kind?: unknown, topic?: string) => {
    if (topic !== LINK_TOPIC || !participant) return;
    const r = parseReport(payload);
    if (r) o.reports.value = { ...o.reports.value, [participant.identity]: r };
  };
  o.room.on(RoomEvent.DataReceived, onData);
  const timer = setInterval(async () => {
    if (busy || !o.connected()) return;
    busy = true;
    try {
      const s = await sample();
      o.link.value = s;
      if (o.report && ++ticks % 2 === 0)
        await o.room.localParticipant.publishData(new TextEncoder().encode(JSON.stringify(s)), {
          reliable: false,
          topic: LINK_TOPIC,
        });
      if (!o.auto || s.silent) return;
      const next = adapt(o.mode.value, ceiling, judgeLink(s, o.localQuality.value), Date.now(), state);
      state = next.state;
      if (next.to) o.step(next.to, RANK[next.to] > RANK[o.mode.value]);
    } catch {
      // A sample can fail while the transport reconnects; the next tick measures again.
    } finally {
      busy = false;
    }
  }, TICK_MS);
  return {
    chose(mode) {
      ceiling = mode;
      state = overridden(state, Date.now());
    },
    stop() {
      clearInterval(timer);
      o.room.off(RoomEvent.DataReceived, onData);
    },
  };
}
