// The call's LiveKit room: how it is created, and how its events move the call's signals.
import type { Signal } from '@preact/signals';
import {
  AudioPresets,
  type DisconnectReason,
  type Participant,
  type RemoteTrack,
  Room,
  RoomEvent,
  Track,
} from 'livekit-client';
import { endReasonOf } from './names.ts';
import type { LinkQuality } from './profile.ts';
import type { CallState, EndReason } from './types.ts';

/** Simulcast with adaptive stream and dynacast, speech-tuned audio with echo cancellation. */
export function createRoom(): Room {
  return new Room({
    adaptiveStream: true,
    dynacast: true,
    disconnectOnPageLeave: true,
    publishDefaults: { dtx: true, red: true, videoCodec: 'vp8', audioPreset: AudioPresets.speech },
    audioCaptureDefaults: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  });
}

/** The signals the room's events set. */
export interface RoomSignals {
  state: Signal<CallState>;
  reconnects: Signal<number>;
  endReason: Signal<EndReason | null>;
  localQuality: Signal<LinkQuality>;
  audioBlocked: Signal<boolean>;
}

/** What the call does on events: play remote audio, apply the profile, refresh the peers, clean up. */
export interface RoomSink {
  audioSink: HTMLElement;
  applyRemote(): void;
  refreshPeers(): void;
  stop(): void;
}

/** Follows the room's connection, tracks, quality and audio playback for the life of the call. */
export function followRoom(room: Room, s: RoomSignals, sink: RoomSink): void {
  room
    .on(RoomEvent.Reconnecting, () => {
      s.state.value = 'reconnecting';
    })
    .on(RoomEvent.SignalReconnecting, () => {
      s.state.value = 'reconnecting';
    })
    .on(RoomEvent.Reconnected, () => {
      s.state.value = 'connected';
      s.reconnects.value += 1;
    })
    .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
      s.state.value = 'disconnected';
      s.endReason.value ??= endReasonOf(reason);
      sink.stop();
    })
    .on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
      if (track.kind === Track.Kind.Audio) sink.audioSink.append(track.attach());
      sink.applyRemote();
    })
    .on(RoomEvent.TrackUnsubscribed, (track: RemoteTrack) => {
      for (const el of track.detach()) el.remove();
      sink.refreshPeers();
    })
    .on(RoomEvent.ConnectionQualityChanged, (quality: string, participant: Participant) => {
      if (participant === room.localParticipant) s.localQuality.value = quality as LinkQuality;
      sink.refreshPeers();
    })
    .on(RoomEvent.AudioPlaybackStatusChanged, () => {
      s.audioBlocked.value = !room.canPlaybackAudio;
    });
  for (const e of [
    RoomEvent.ParticipantConnected,
    RoomEvent.ParticipantDisconnected,
    RoomEvent.TrackMuted,
    RoomEvent.TrackUnmuted,
    RoomEvent.TrackPublished,
    RoomEvent.TrackUnpublished,
  ])
    room.on(e, sink.refreshPeers);
}
