// The counsellor's side of a video call as signals: connect with a room-admin ticket, publish camera and
// microphone, screen share, background effects, device choice, the citizen's connection quality, audio-only.
import { signal } from '@preact/signals';
import {
  ConnectionQuality,
  type LocalVideoTrack,
  type RemoteParticipant,
  type RemoteTrack,
  Room,
  RoomEvent,
  Track,
  VideoPresets,
} from 'livekit-client';
import { type BackgroundMode, type BackgroundProcessor, createBackgroundProcessor } from './background.ts';

export interface JoinTicket {
  serverUrl: string;
  token: string;
  room: string;
  citizenPresent?: boolean;
}

export type CallState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected' | 'failed';
export type Quality = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

export class CallSession {
  readonly state = signal<CallState>('connecting');
  readonly citizenPresent = signal(false);
  readonly citizenQuality = signal<Quality>('unknown');
  readonly remoteVideo = signal<RemoteTrack | null>(null);
  readonly localVideo = signal<LocalVideoTrack | null>(null);
  readonly micOn = signal(true);
  readonly cameraOn = signal(true);
  readonly sharing = signal(false);
  readonly audioOnly = signal(false);
  readonly background = signal<BackgroundMode>('off');
  readonly cameras = signal<MediaDeviceInfo[]>([]);
  readonly microphones = signal<MediaDeviceInfo[]>([]);
  readonly error = signal<string>('');
  readonly room: Room;
  private processor: BackgroundProcessor | null = null;
  private audioHost: HTMLElement;

  constructor(audioHost: HTMLElement) {
    this.audioHost = audioHost;
    this.room = new Room({
      adaptiveStream: true,
      dynacast: true,
      videoCaptureDefaults: { resolution: VideoPresets.h540.resolution },
      publishDefaults: { simulcast: true, videoSimulcastLayers: [VideoPresets.h180, VideoPresets.h360] },
    });
    const r = this.room;
    r.on(RoomEvent.ParticipantConnected, () => this.syncRemote())
      .on(RoomEvent.ParticipantDisconnected, () => this.syncRemote())
      .on(RoomEvent.TrackSubscribed, (track) => this.onTrack(track))
      .on(RoomEvent.TrackUnsubscribed, (track) => {
        for (const el of track.detach()) el.remove();
        this.syncRemote();
      })
      .on(RoomEvent.LocalTrackPublished, () => this.syncLocal())
      .on(RoomEvent.LocalTrackUnpublished, () => this.syncLocal())
      .on(RoomEvent.ConnectionQualityChanged, (q, p) => {
        if (p !== r.localParticipant) this.citizenQuality.value = toQuality(q);
      })
      .on(RoomEvent.Reconnecting, () => {
        this.state.value = 'reconnecting';
      })
      .on(RoomEvent.Reconnected, () => {
        this.state.value = 'connected';
      })
      .on(RoomEvent.Disconnected, () => {
        this.state.value = 'disconnected';
      })
      .on(RoomEvent.MediaDevicesChanged, () => void this.listDevices());
  }

  async connect(ticket: JoinTicket): Promise<void> {
    try {
      await this.room.connect(ticket.serverUrl, ticket.token);
      this.state.value = 'connected';
      this.syncRemote();
    } catch {
      this.state.value = 'failed';
      return;
    }
    try {
      await this.room.localParticipant.enableCameraAndMicrophone();
    } catch {
      this.error.value = 'devices';
    }
    this.syncLocal();
    await this.listDevices();
  }

  private citizen(): RemoteParticipant | undefined {
    return [...this.room.remoteParticipants.values()][0];
  }

  private onTrack(track: RemoteTrack): void {
    if (track.kind === Track.Kind.Audio) this.audioHost.append(track.attach());
    this.syncRemote();
  }

  private syncRemote(): void {
    const p = this.citizen();
    this.citizenPresent.value = !!p;
    if (p) this.citizenQuality.value = toQuality(p.connectionQuality);
    const video = p?.getTrackPublication(Track.Source.Camera)?.track ?? null;
    this.remoteVideo.value = video ?? null;
  }

  private syncLocal(): void {
    const lp = this.room.localParticipant;
    const cam = lp.getTrackPublication(Track.Source.Camera);
    this.localVideo.value = (cam?.track as LocalVideoTrack | undefined) ?? null;
    this.cameraOn.value = !!cam && !cam.isMuted;
    this.micOn.value = lp.isMicrophoneEnabled;
    this.sharing.value = lp.isScreenShareEnabled;
  }

  async listDevices(): Promise<void> {
    try {
      this.cameras.value = await Room.getLocalDevices('videoinput');
      this.microphones.value = await Room.getLocalDevices('audioinput');
    } catch {
      // Device labels need permission; the lists stay empty.
    }
  }

  async switchDevice(kind: 'videoinput' | 'audioinput', deviceId: string): Promise<void> {
    await this.room.switchActiveDevice(kind, deviceId);
  }

  async toggleMic(): Promise<void> {
    await this.room.localParticipant.setMicrophoneEnabled(!this.micOn.value);
    this.syncLocal();
  }

  async toggleCamera(): Promise<void> {
    await this.room.localParticipant.setCameraEnabled(!this.cameraOn.value);
    this.syncLocal();
    if (this.cameraOn.value && this.background.value !== 'off')
      await this.applyBackground(this.background.value);
  }

  /** Screen, window or tab, as the browser offers; the camera keeps running. */
  async toggleScreenShare(): Promise<void> {
    try {
      await this.room.localParticipant.setScreenShareEnabled(!this.sharing.value, {
        audio: false,
        selfBrowserSurface: 'include',
        surfaceSwitching: 'include',
      });
    } catch {
      this.error.value = 'screen';
    }
    this.syncLocal();
  }

  /** Audio only: stop sending and receiving video (weak links); switching back restores both. */
  async setAudioOnly(on: boolean): Promise<void> {
    this.audioOnly.value = on;
    await this.room.localParticipant.setCameraEnabled(!on);
    for (const p of this.room.remoteParticipants.values())
      for (const pub of p.videoTrackPublications.values()) pub.setSubscribed(!on);
    this.syncLocal();
    this.syncRemote();
    if (!on && this.background.value !== 'off') await this.applyBackground(this.background.value);
  }

  async setBackground(mode: BackgroundMode): Promise<void> {
    this.background.value = mode;
    this.error.value = '';
    await this.applyBackground(mode);
  }

  private async applyBackground(mode: BackgroundMode): Promise<void> {
    const track = this.localVideo.value;
    if (!track) return;
    try {
      if (mode === 'off') {
        if (track.getProcessor()) await track.stopProcessor();
        return;
      }
      if (track.getProcessor() === this.processor && this.processor) {
        this.processor.mode = mode;
        return;
      }
      this.processor = createBackgroundProcessor(mode);
      await track.setProcessor(this.processor, true);
    } catch {
      this.background.value = 'off';
      this.error.value = 'background';
      await track.stopProcessor().catch(() => undefined);
    }
  }

  async leave(): Promise<void> {
    await this.room.disconnect();
  }
}

function toQuality(q: ConnectionQuality): Quality {
  switch (q) {
    case ConnectionQuality.Excellent:
      return 'excellent';
    case ConnectionQuality.Good:
      return 'good';
    case ConnectionQuality.Poor:
      return 'poor';
    case ConnectionQuality.Lost:
      return 'lost';
    default:
      return 'unknown';
  }
}
