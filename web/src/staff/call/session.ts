// The counsellor's side of a call, on the shared call module (web/src/shared/call): adds screen share,
// background blur/pixelation as a camera processor, camera/microphone choice and the citizen's peer view.
import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import { type LocalVideoTrack, Room } from 'livekit-client';
import { type Call, connect, type RemotePeer } from '../../shared/call/index.ts';
import {
  type BackgroundMode,
  type BackgroundProcessor,
  canvasFilterWorks,
  createBackgroundProcessor,
} from './background.ts';
import { DEFAULT_BUDGET_MS } from './frame-budget.ts';

export interface JoinTicket {
  serverUrl: string;
  token: string;
  room: string;
}

export class CallSession {
  readonly call: Call;
  readonly citizen: ReadonlySignal<RemotePeer | null>;
  readonly localVideo: ReadonlySignal<LocalVideoTrack | null>;
  readonly sharing = signal(false);
  readonly background = signal<BackgroundMode>('off');
  readonly cameras = signal<MediaDeviceInfo[]>([]);
  readonly microphones = signal<MediaDeviceInfo[]>([]);
  readonly error = signal('');
  /** False in browsers without canvas blur (Safari): "blur" then pixelates, and the page says so beforehand. */
  readonly blurWorks = canvasFilterWorks();
  /** Longest median time per frame the effect may take before it switches itself off. */
  readonly frameBudgetMs = signal(DEFAULT_BUDGET_MS);
  private processor: BackgroundProcessor | null = null;
  private stopEffect: () => void;

  private constructor(call: Call) {
    this.call = call;
    this.localVideo = call.localCamera;
    this.citizen = computed(
      () => call.peers.value.find((p) => p.role === 'citizen') ?? call.peers.value[0] ?? null,
    );
    // The shared module republishes the camera when the profile changes: put the effect back on the new track.
    this.stopEffect = effect(() => {
      const track = call.localCamera.value;
      if (track && this.background.peek() !== 'off') void this.applyBackground(this.background.peek());
    });
  }

  /** Joins as room admin (counsellor) and lists the devices once permission is granted. */
  static async start(ticket: JoinTicket): Promise<CallSession> {
    const call = await connect({ serverUrl: ticket.serverUrl, token: ticket.token, role: 'counsellor' });
    const session = new CallSession(call);
    await session.listDevices();
    return session;
  }

  async listDevices(): Promise<void> {
    try {
      this.cameras.value = await Room.getLocalDevices('videoinput');
      this.microphones.value = await Room.getLocalDevices('audioinput');
    } catch {
      // Labels need permission; the lists stay empty.
    }
  }

  async switchDevice(kind: 'videoinput' | 'audioinput', deviceId: string): Promise<void> {
    await this.call.room.switchActiveDevice(kind, deviceId);
  }

  /** Screen, window or tab, as the browser offers; the camera keeps running. */
  async toggleScreenShare(): Promise<void> {
    const lp = this.call.room.localParticipant;
    try {
      await lp.setScreenShareEnabled(!this.sharing.value, {
        audio: false,
        selfBrowserSurface: 'include',
        surfaceSwitching: 'include',
      });
      this.error.value = '';
    } catch {
      this.error.value = 'screen';
    }
    this.sharing.value = lp.isScreenShareEnabled;
  }

  async setBackground(mode: BackgroundMode): Promise<void> {
    this.background.value = mode;
    this.error.value = '';
    await this.applyBackground(mode);
  }

  private async applyBackground(mode: BackgroundMode): Promise<void> {
    const track = this.call.localCamera.peek();
    if (!track) return;
    try {
      if (mode === 'off') {
        if (track.getProcessor()) await track.stopProcessor();
        return;
      }
      if (this.processor && track.getProcessor() === this.processor) {
        this.processor.mode = mode;
        return;
      }
      this.processor = createBackgroundProcessor(mode, {
        budgetMs: () => this.frameBudgetMs.peek(),
        // A stuttering picture is worse than a visible background: switch off and tell the counsellor why.
        onTooSlow: () =>
          void this.setBackground('off').then(() => {
            this.error.value = 'backgroundSlow';
          }),
      });
      await track.setProcessor(this.processor, true);
    } catch {
      this.background.value = 'off';
      this.error.value = 'background';
      await track.stopProcessor().catch(() => undefined);
    }
  }

  async leave(): Promise<void> {
    this.stopEffect();
    await this.call.leave();
  }
}
