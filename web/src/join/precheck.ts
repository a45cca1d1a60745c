// The camera and microphone check before joining: a self-view stream and a live microphone level.
import { signal } from '@preact/signals';

export const preview = signal<MediaStream | null>(null);
/** Microphone level 0..1, updated every animation frame while the preview runs. */
export const level = signal(0);
/** `denied` (blocked by the user or browser), `missing` (no device), `failed` (anything else). */
export const mediaError = signal<'denied' | 'missing' | 'failed' | null>(null);

function errorKind(e: unknown): 'denied' | 'missing' | 'failed' {
  const name = (e as Error)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
  return 'failed';
}

function meter(stream: MediaStream) {
  const Ctx =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctx || !stream.getAudioTracks().length) return;
  const ctx = new Ctx();
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 512;
  ctx.createMediaStreamSource(stream).connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  const tick = () => {
    if (preview.value !== stream) {
      void ctx.close();
      level.value = 0;
      return;
    }
    analyser.getByteTimeDomainData(samples);
    let peak = 0;
    for (const s of samples) peak = Math.max(peak, Math.abs(s - 128));
    level.value = Math.min(1, peak / 64);
    requestAnimationFrame(tick);
  };
  tick();
}

/** Asks for camera (unless audio only) and microphone; true when both (or the microphone alone) were given. */
export async function startPreview(video: boolean): Promise<boolean> {
  stopPreview();
  mediaError.value = null;
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: true,
      video: video ? { width: { ideal: 320 }, height: { ideal: 240 }, facingMode: 'user' } : false,
    });
    preview.value = stream;
    meter(stream);
    return true;
  } catch (e) {
    mediaError.value = navigator.mediaDevices ? errorKind(e) : 'failed';
    return false;
  }
}

export function stopPreview(): void {
  for (const t of preview.value?.getTracks() ?? []) t.stop();
  preview.value = null;
}

/** Starts the self-view at once when the browser already allows the camera (no prompt on the first click). */
export async function previewIfAllowed(): Promise<void> {
  try {
    const camera = await navigator.permissions?.query({ name: 'camera' as PermissionName });
    if (camera?.state === 'granted') await startPreview(true);
  } catch {
    // Browsers without the camera permission name simply show the test button.
  }
}
