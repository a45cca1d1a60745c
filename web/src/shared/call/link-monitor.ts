// Measures the media path every few seconds from getStats(): round trip, loss both ways, received frame rate.
import { type Room, Track } from 'livekit-client';
import type { LinkSample } from './adapt.ts';

interface Counters {
  at: number;
  sent: number;
  sentLost: number;
  received: number;
  receivedLost: number;
  frames: number;
  cameraSid: string | null;
}

const num = (v: number | undefined) => v ?? 0;

/**
 * Packets received and lost on one receiver, from the browser's own inbound-rtp statistics: LiveKit's
 * `getReceiverStats()` leaves both out for audio, and without them an audio-only call looked silent, so the
 * automatic steps (up as well as down) never ran there.
 */
async function inboundPackets(
  receiver: RTCRtpReceiver | undefined,
): Promise<{ received: number; lost: number }> {
  const out = { received: 0, lost: 0 };
  if (!receiver) return out;
  (await receiver.getStats()).forEach(
    (s: { type: string; packetsReceived?: number; packetsLost?: number }) => {
      if (s.type !== 'inbound-rtp') return;
      out.received += num(s.packetsReceived);
      out.lost += num(s.packetsLost);
    },
  );
  return out;
}

async function read(room: Room): Promise<Counters & { rttMs: number | null; cameraExpected: boolean }> {
  const c = { at: performance.now(), sent: 0, sentLost: 0, received: 0, receivedLost: 0, frames: 0 };
  let rttMs: number | null = null;
  const mic = room.localParticipant.getTrackPublication(Track.Source.Microphone)?.audioTrack;
  const sender = mic && 'getSenderStats' in mic ? await mic.getSenderStats() : undefined;
  if (sender) {
    c.sent = num(sender.packetsSent);
    c.sentLost = num(sender.packetsLost);
    if (typeof sender.roundTripTime === 'number') rttMs = sender.roundTripTime * 1000;
  }
  let cameraSid: string | null = null;
  let cameraExpected = false;
  for (const p of room.remoteParticipants.values()) {
    const audio = p.getTrackPublication(Track.Source.Microphone)?.audioTrack;
    const a = await inboundPackets(audio && 'receiver' in audio ? audio.receiver : undefined);
    c.received += a.received;
    c.receivedLost += a.lost;
    const cam = p.getTrackPublication(Track.Source.Camera);
    const video = cam?.videoTrack;
    if (cam?.isSubscribed && cam.isEnabled && !cam.isMuted && video && 'getReceiverStats' in video) {
      const v = await video.getReceiverStats();
      cameraExpected = true;
      cameraSid = cam.trackSid;
      c.frames += num(v?.framesDecoded);
    }
  }
  return { ...c, cameraSid, rttMs, cameraExpected };
}

/** A sampler: each call compares with the previous one (the first call returns no loss or frame rate). */
export function createLinkMonitor(room: Room): () => Promise<LinkSample> {
  let prev: Counters | null = null;
  return async () => {
    const now = await read(room);
    const last = prev;
    prev = now;
    if (!last) return { rttMs: now.rttMs, loss: null, fps: null };
    const seconds = (now.at - last.at) / 1000;
    const ratio = (lost: number, got: number) => (lost + got > 0 ? Math.max(0, lost) / (lost + got) : null);
    const up = ratio(now.sentLost - last.sentLost, now.sent - last.sent);
    const down = ratio(now.receivedLost - last.receivedLost, now.received - last.received);
    const loss = up === null && down === null ? null : Math.max(up ?? 0, down ?? 0);
    // A camera that was only just subscribed (or replaced) has no earlier count to compare with.
    const fps =
      now.cameraExpected && now.cameraSid === last.cameraSid && seconds > 0
        ? Math.max(0, now.frames - last.frames) / seconds
        : null;
    // A cut line delivers nothing at all; that is the reconnect's business, not a reason to drop video.
    const silent = now.received === last.received && !fps;
    return { rttMs: now.rttMs, loss, fps, silent };
  };
}
