// The call module's public types: options, the remote peer as the pages see it, and the Call handle.
import type { ReadonlySignal } from '@preact/signals';
import type { LocalVideoTrack, RemoteVideoTrack, Room } from 'livekit-client';
import type { LinkHealth, LinkSample } from './adapt.ts';
import type { LinkQuality, VideoMode } from './profile.ts';

export type CallRole = 'citizen' | 'counsellor';
export type CallState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';
/** Why the call ended: `left` (own choice), `ended` (room closed by the counsellor), `removed`, `duplicate`, `lost`. */
export type EndReason = 'left' | 'ended' | 'removed' | 'duplicate' | 'lost';

export interface ConnectOptions {
  serverUrl: string;
  token: string;
  role: CallRole;
  dataSaver?: boolean;
  audioOnly?: boolean;
  /** Upper bound in kbit/s for sending and receiving together (audio, camera, the peer's camera). */
  bitrateCapKbps?: number | null;
  camera?: boolean;
  microphone?: boolean;
  /**
   * Step down to data saver and audio only when the measured link stays weak, and back up when it holds
   * (default: on for citizens).
   */
  autoStepDown?: boolean;
}

export interface RemotePeer {
  identity: string;
  name: string;
  role: CallRole | 'interpreter' | 'other';
  /** The camera while it is received and not muted; null in audio-only mode. */
  camera: RemoteVideoTrack | null;
  screen: RemoteVideoTrack | null;
  microphone: boolean;
  /** LiveKit's score of the peer's connection. */
  quality: LinkQuality;
  /** The peer's line from their own measurements and what arrives here; null until they report. */
  link: LinkHealth | null;
  linkSample: LinkSample | null;
}

/** An automatic mode change: where to, and whether it was a step up (the link recovered). */
export interface AutoStep {
  to: VideoMode;
  up: boolean;
}

export interface Call {
  /** The LiveKit room, for what this API does not cover (screen share, camera processors). */
  readonly room: Room;
  readonly role: CallRole;
  readonly state: ReadonlySignal<CallState>;
  /** Counts successful reconnects, so a page can say "reconnected" after a drop. */
  readonly reconnects: ReadonlySignal<number>;
  readonly endReason: ReadonlySignal<EndReason | null>;
  readonly peers: ReadonlySignal<RemotePeer[]>;
  readonly localCamera: ReadonlySignal<LocalVideoTrack | null>;
  readonly localQuality: ReadonlySignal<LinkQuality>;
  readonly microphoneOn: ReadonlySignal<boolean>;
  readonly cameraOn: ReadonlySignal<boolean>;
  readonly audioOnly: ReadonlySignal<boolean>;
  readonly dataSaver: ReadonlySignal<boolean>;
  readonly bitrateCapKbps: ReadonlySignal<number | null>;
  readonly mode: ReadonlySignal<VideoMode>;
  /** The last automatic mode change (null until one happens). */
  readonly autoStepped: ReadonlySignal<AutoStep | null>;
  /** This side's latest measurement of its link. */
  readonly link: ReadonlySignal<LinkSample | null>;
  /** Estimated data use of the current settings in MB per 30 minutes. */
  readonly megabytesPer30Min: ReadonlySignal<number>;
  /** True when the browser blocked audio playback until the next click (call `startAudio`). */
  readonly audioBlocked: ReadonlySignal<boolean>;
  setMicrophone(on: boolean): Promise<void>;
  setCamera(on: boolean): Promise<void>;
  setAudioOnly(on: boolean): Promise<void>;
  setDataSaver(on: boolean): Promise<void>;
  setBitrateCap(kbps: number | null): Promise<void>;
  startAudio(): Promise<void>;
  leave(): Promise<void>;
}
