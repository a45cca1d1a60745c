// The video call for both sides (citizen join page, counsellor dashboard), loaded lazily: a LiveKit room with
// simulcast, adaptive stream and dynacast, data-saver and audio-only modes, a bitrate cap, automatic step-down.
import { computed, signal } from '@preact/signals';
import {
  type LocalVideoTrack,
  type RemoteParticipant,
  type RemoteVideoTrack,
  setLogLevel,
  Track,
  VideoQuality,
} from 'livekit-client';
import { judgeLink, type LinkSample } from './adapt.ts';
import { publishOptions } from './camera.ts';
import { startLinkLoop } from './link-loop.ts';
import { roleOf } from './names.ts';
import {
  type CameraProfile,
  type LinkQuality,
  megabytesPer30Minutes,
  profileFor,
  profileKbps,
  type VideoMode,
} from './profile.ts';
import { createRoom, followRoom } from './room-events.ts';
import type { AutoStep, Call, CallState, ConnectOptions, EndReason, RemotePeer } from './types.ts';

export type { LinkHealth, LinkSample } from './adapt.ts';
export { judgeLink } from './adapt.ts';
export type { LinkQuality, VideoMode } from './profile.ts';
export { megabytesPer30Minutes, profileFor, profileKbps } from './profile.ts';
export type {
  AutoStep,
  Call,
  CallRole,
  CallState,
  ConnectOptions,
  EndReason,
  RemotePeer,
} from './types.ts';

// The SDK's info logs would fill the console of every citizen's browser.
setLogLevel('warn');

/** Joins the room and publishes microphone and camera as the options say. */
export async function connect(options: ConnectOptions): Promise<Call> {
  const room = createRoom();
  const state = signal<CallState>('connecting');
  const reconnects = signal(0);
  const endReason = signal<EndReason | null>(null);
  const peers = signal<RemotePeer[]>([]);
  const localCamera = signal<LocalVideoTrack | null>(null);
  const localQuality = signal<LinkQuality>('unknown');
  const microphoneOn = signal(options.microphone ?? true);
  const cameraOn = signal(options.camera ?? true);
  const audioOnly = signal(options.audioOnly ?? false);
  const dataSaver = signal(options.dataSaver ?? false);
  const bitrateCapKbps = signal(options.bitrateCapKbps ?? null);
  const autoStepped = signal<AutoStep | null>(null);
  const link = signal<LinkSample | null>(null);
  const reports = signal<Record<string, LinkSample>>({});
  const audioBlocked = signal(false);
  const mode = computed<VideoMode>(() =>
    audioOnly.value ? 'audio' : dataSaver.value ? 'saver' : 'standard',
  );
  const profile = computed(() => profileFor(mode.value, bitrateCapKbps.value, options.role));
  const megabytesPer30Min = computed(() => {
    const p = profile.value;
    return megabytesPer30Minutes(profileKbps(cameraOn.value ? p : { ...p, camera: null }));
  });
  const audioSink = document.createElement('div');
  audioSink.hidden = true;
  document.body.append(audioSink);
  let published: CameraProfile | null = null;

  function refreshPeers() {
    const off = profile.value.remoteVideo === 'off';
    peers.value = [...room.remoteParticipants.values()].map((p: RemoteParticipant) => {
      const cam = p.getTrackPublication(Track.Source.Camera);
      const screen = p.getTrackPublication(Track.Source.ScreenShare);
      const mic = p.getTrackPublication(Track.Source.Microphone);
      return {
        identity: p.identity,
        name: p.name ?? '',
        role: roleOf(p.identity),
        camera: !off && cam?.videoTrack && !cam.isMuted ? (cam.videoTrack as RemoteVideoTrack) : null,
        screen: screen?.videoTrack && !screen.isMuted ? (screen.videoTrack as RemoteVideoTrack) : null,
        microphone: !!mic && !mic.isMuted,
        quality: p.connectionQuality as LinkQuality,
        ...linkOf(p.identity, p.connectionQuality as LinkQuality),
      };
    });
  }

  /**
   * The peer's line as they measured it (round trip, loss), with what this side receives from them (frame rate,
   * loss): LiveKit's score alone calls a 600 ms line "excellent".
   */
  function linkOf(identity: string, quality: LinkQuality): Pick<RemotePeer, 'link' | 'linkSample'> {
    const theirs = reports.value[identity];
    if (!theirs) return { link: null, linkSample: null };
    const own = link.value;
    const merged: LinkSample = {
      rttMs: theirs.rttMs,
      loss: Math.max(theirs.loss ?? 0, own?.loss ?? 0),
      fps: own?.fps ?? null,
    };
    return { link: judgeLink(merged, quality), linkSample: merged };
  }

  /** What this side receives: the peers' cameras at the profile's quality (screen shares stay as they are). */
  function applyRemote() {
    const want = profile.value.remoteVideo;
    for (const p of room.remoteParticipants.values()) {
      const cam = p.getTrackPublication(Track.Source.Camera);
      if (!cam?.isSubscribed) continue;
      cam.setEnabled(want !== 'off');
      if (want !== 'off') cam.setVideoQuality(want === 'low' ? VideoQuality.LOW : VideoQuality.HIGH);
    }
    refreshPeers();
  }

  // Camera changes are serialised: a republish must finish before the next one starts.
  let cameraQueue: Promise<void> = Promise.resolve();
  function syncCamera(): Promise<void> {
    cameraQueue = cameraQueue.then(async () => {
      const lp = room.localParticipant;
      const target = profile.value.camera;
      const pub = lp.getTrackPublication(Track.Source.Camera);
      if (pub?.track && target !== published) {
        await lp.unpublishTrack(pub.track, true);
        published = null;
      }
      if (target && cameraOn.value) {
        const p = target;
        await lp.setCameraEnabled(
          true,
          { resolution: { width: p.width, height: p.height, frameRate: p.fps }, facingMode: 'user' },
          publishOptions(p),
        );
        published = target;
      } else if (lp.getTrackPublication(Track.Source.Camera)) {
        await lp.setCameraEnabled(false);
      }
      localCamera.value = cameraOn.value
        ? (lp.getTrackPublication(Track.Source.Camera)?.videoTrack ?? null)
        : null;
    });
    return cameraQueue.catch(() => {
      localCamera.value = null;
    });
  }

  async function applyProfile() {
    applyRemote();
    await syncCamera();
  }

  followRoom(
    room,
    { state, reconnects, endReason, localQuality, audioBlocked },
    {
      audioSink,
      applyRemote,
      refreshPeers,
      stop: () => stop(),
    },
  );

  const loop = startLinkLoop({
    room,
    auto: options.autoStepDown ?? options.role === 'citizen',
    report: options.role === 'citizen',
    connected: () => state.value === 'connected',
    mode,
    localQuality,
    link,
    reports,
    step(to, up) {
      autoStepped.value = { to, up };
      audioOnly.value = to === 'audio';
      dataSaver.value = to === 'saver';
      void applyProfile();
    },
  });
  // Reports and measurements move the counsellor's indicator.
  const unwatch = [reports.subscribe(() => refreshPeers()), link.subscribe(() => refreshPeers())];
  function stop() {
    loop.stop();
    for (const u of unwatch) u();
    audioSink.remove();
  }

  try {
    await room.connect(options.serverUrl, options.token, { autoSubscribe: true });
  } catch (e) {
    state.value = 'disconnected';
    endReason.value = 'lost';
    stop();
    throw e;
  }
  state.value = 'connected';
  audioBlocked.value = !room.canPlaybackAudio;
  refreshPeers();
  // A missing or refused camera or microphone must not keep the citizen out: the call goes on without it.
  await room.localParticipant.setMicrophoneEnabled(microphoneOn.value).catch(() => {
    microphoneOn.value = false;
  });
  // Audio first: the citizen is in the call (and heard) as soon as the microphone is published; the camera
  // follows without holding up the page, and the link loop steps it down if the line cannot carry it.
  if (options.role === 'citizen') void syncCamera();
  else await syncCamera();

  return {
    room,
    role: options.role,
    state,
    reconnects,
    endReason,
    peers,
    localCamera,
    localQuality,
    microphoneOn,
    cameraOn,
    audioOnly,
    dataSaver,
    bitrateCapKbps,
    mode,
    autoStepped,
    link,
    megabytesPer30Min,
    audioBlocked,
    async setMicrophone(on) {
      microphoneOn.value = on;
      await room.localParticipant.setMicrophoneEnabled(on);
    },
    async setCamera(on) {
      cameraOn.value = on;
      await syncCamera();
    },
    async setAudioOnly(on) {
      audioOnly.value = on;
      loop.chose(mode.value);
      await applyProfile();
    },
    async setDataSaver(on) {
      dataSaver.value = on;
      loop.chose(mode.value);
      await applyProfile();
    },
    async setBitrateCap(kbps) {
      bitrateCapKbps.value = kbps;
      await applyProfile();
    },
    async startAudio() {
      await room.startAudio();
      audioBlocked.value = !room.canPlaybackAudio;
    },
    async leave() {
      endReason.value ??= 'left';
      await room.disconnect();
      stop();
    },
  };
}
